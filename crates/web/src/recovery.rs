//! Recovery: a forgotten password replaced with a login name and one unused recovery code, shared
//! by the page and the JSON API. It never goes through the partner (DESIGN, Safety).
//!
//! Like sign-in, it gives one answer whether the account does not exist, the code is wrong or the
//! code was used already — in status, body and closely in time: the new password is hashed in
//! every case before the lookup's result is used, and a code is looked for even when there is no
//! account to look under.

use axum::http::HeaderMap;
use steadfast_core::{Password, PersonId, RecoveryCode, Username};

use steadfast_store::{AccountNotice, NoticeKind};

use crate::AppState;
use crate::auth::limits::{Door, TooMany};
use crate::auth::session;
use crate::error::WebError;
use steadfast_app::accounts::FieldError;
use steadfast_app::passwords::Claimant;
use steadfast_app::{secrets, sessions};

/// What a person typed into the recovery form.
pub(crate) struct RecoveryInput<'a> {
    pub(crate) username: &'a str,
    pub(crate) code: &'a str,
    pub(crate) new_password: &'a str,
}

pub(crate) enum RecoveryError {
    /// The one answer for an unknown name, a wrong code and a used code.
    Mismatch,
    /// The new password breaks the policy (which says nothing about the account).
    Invalid(FieldError),
    TooMany(TooMany),
    Failed(WebError),
}

impl<E: Into<WebError>> From<E> for RecoveryError {
    fn from(error: E) -> Self {
        RecoveryError::Failed(error.into())
    }
}

pub(crate) struct Recovered {
    pub(crate) person: PersonId,
    pub(crate) session_token: String,
    /// A new device cookie, when this device was not yet known for the account.
    pub(crate) device_token: Option<String>,
    pub(crate) codes_left: u64,
}

/// Sets the new password and uses up the code; then ends every session, revokes every API token
/// and forgets every known device of the person, since recovery is the way back for someone who may have lost the account
/// to another person, and signs them in afresh.
pub(crate) async fn recover(
    state: &AppState,
    input: RecoveryInput<'_>,
    headers: &HeaderMap,
    address: &str,
) -> Result<Recovered, RecoveryError> {
    let username = Username::parse(input.username).ok();
    // Limits key on the canonical name, so they apply the same to names that do not exist.
    let account_key = username.as_ref().map(|name| name.key().to_owned());
    // A device the account has signed in from before is limited on its own rather than by the
    // name (the per-address limit still applies), so wrong attempts under the name from
    // elsewhere never block its owner's recovery; the code must still be right.
    let limit_key = crate::auth::doors::name_key(state, headers, input.username).await?;
    state
        .limits
        .check(Door::Recovery, address, limit_key.as_deref())
        .map_err(RecoveryError::TooMany)?;

    // The policy depends only on what was typed, so refusing a weak password here tells nothing
    // about the account.
    let new_password = match &username {
        Some(username) => Some(
            Password::new(input.new_password, username)
                .map_err(|error| RecoveryError::Invalid(FieldError::Password(error)))?,
        ),
        None => None,
    };
    let code = RecoveryCode::parse(input.code).ok();

    // Spent in every case, before anything about the account is known.
    let new_hash = state
        .passwords
        .hash(
            &Claimant::Address(address.to_owned()),
            new_password
                .as_ref()
                .map_or_else(String::new, |password| password.expose().to_owned()),
        )
        .await?;
    let account = match &account_key {
        Some(key) => state.store.account_by_username_key(key).await?,
        None => None,
    };
    // A disabled account recovers nothing: it takes the unknown name's steps and answer.
    let account = match account {
        Some(account) if account.disabled_at.is_some() => None,
        other => other,
    };
    let now = state.now();
    // An unknown name looks for the code under nobody, so both take the same steps.
    let owner = account.as_ref().map_or_else(
        || PersonId::from_uuid(uuid::Uuid::nil()),
        |account| account.id,
    );
    let code_hash = code.map_or_else(String::new, |code| secrets::hash(&code.to_string()));
    let used = state
        .store
        .use_recovery_code(owner, &code_hash, now)
        .await?;
    let (true, Some(account), Some(_), Some(_)) = (used, account, code, new_password) else {
        return Err(RecoveryError::Mismatch);
    };

    state.store.set_password_hash(account.id, &new_hash).await?;
    state.store.delete_sessions_of(account.id, None).await?;
    state.store.delete_api_tokens_of(account.id).await?;
    state.store.delete_calendar_feed(account.id).await?;
    // Whoever held the account may have signed in from their own devices: none stays known, and
    // this one becomes the first known again below.
    state.store.forget_devices_of(account.id).await?;
    let arrival = session::arrival(state, headers);
    let session_token = sessions::start(state, account.id, &arrival, now).await?;
    // Told to the owner on their next visit, and lets this session renew the codes at once.
    state
        .store
        .add_account_notice(&AccountNotice {
            id: uuid::Uuid::new_v4().to_string(),
            account: account.id,
            kind: NoticeKind::RecoveryCodeUsed,
            at: now,
            session: Some(secrets::hash(&session_token)),
        })
        .await?;
    let device_token =
        sessions::remember_device(state, account.id, &account.username_key, &arrival, now).await?;
    let codes_left = state.store.unused_recovery_codes(account.id).await?;
    Ok(Recovered {
        person: account.id,
        session_token,
        device_token,
        codes_left,
    })
}
