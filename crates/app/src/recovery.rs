//! Recovery: a forgotten password replaced with a login name and one unused recovery code. It
//! never goes through the partner (docs/PRINCIPLES.md, Safety).
//!
//! Like sign-in, it gives one answer whether the account does not exist, the code is wrong or the
//! code was used already — in status, body and closely in time: the new password is hashed in
//! every case before the lookup's result is used, and a code is looked for even when there is no
//! account to look under.

use steadfast_core::{Password, PersonId, RecoveryCode, Username};
use steadfast_store::{AccountNotice, NoticeKind};

use crate::App;
use crate::accounts::FieldError;
use crate::passwords::Claimant;
use crate::refusal::{Explain, Explained, Failure, Kind, Refused, Words};
use crate::secrets;
use crate::sessions::{self, Arrival};

/// What a person typed into the recovery form.
pub struct RecoveryInput<'a> {
    pub username: &'a str,
    pub code: &'a str,
    pub new_password: &'a str,
}

#[derive(Debug)]
pub enum RecoveryError {
    /// The one answer for an unknown name, a wrong code and a used code.
    Mismatch,
    /// The new password breaks the policy (which says nothing about the account).
    Invalid(FieldError),
    Failed(Failure),
}

crate::failed_underneath!(RecoveryError);

impl Explain for RecoveryError {
    fn explain(&self) -> Explained<'_> {
        match self {
            RecoveryError::Mismatch => Explained::Refused(Refused::new(
                "recovery_failed",
                Kind::Unauthorized,
                Words::key("recovery-failed"),
            )),
            RecoveryError::Invalid(error) => error.explain(),
            RecoveryError::Failed(failure) => Explained::Failed(failure),
        }
    }
}

pub struct Recovered {
    pub person: PersonId,
    pub session_token: String,
    /// A new device secret, when this device was not yet known for the account.
    pub device_token: Option<String>,
    pub codes_left: u64,
}

/// Sets the new password and uses up the code; then ends every session, revokes every API token
/// and forgets every known device of the person, since recovery is the way back for someone who
/// may have lost the account to another person, and signs them in afresh.
pub async fn recover(
    app: &App,
    input: RecoveryInput<'_>,
    claimant: &Claimant,
    arrival: &Arrival,
) -> Result<Recovered, RecoveryError> {
    let username = Username::parse(input.username).ok();

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
    let new_hash = app
        .passwords
        .hash(
            claimant,
            new_password
                .as_ref()
                .map_or_else(String::new, |password| password.expose().to_owned()),
        )
        .await?;
    let account = match &username {
        Some(username) => app.store.account_by_username_key(username.key()).await?,
        None => None,
    };
    // A disabled account recovers nothing: it takes the unknown name's steps and answer.
    let account = match account {
        Some(account) if account.disabled_at.is_some() => None,
        other => other,
    };
    let now = app.now();
    // An unknown name looks for the code under nobody, so both take the same steps.
    let owner = account.as_ref().map_or_else(
        || PersonId::from_uuid(uuid::Uuid::nil()),
        |account| account.id,
    );
    let code_hash = code.map_or_else(String::new, |code| secrets::hash(&code.to_string()));
    let used = app.store.use_recovery_code(owner, &code_hash, now).await?;
    let (true, Some(account), Some(_), Some(_)) = (used, account, code, new_password) else {
        return Err(RecoveryError::Mismatch);
    };

    app.store.set_password_hash(account.id, &new_hash).await?;
    app.store.delete_sessions_of(account.id, None).await?;
    app.store.delete_api_tokens_of(account.id).await?;
    app.store.delete_calendar_feed(account.id).await?;
    // Whoever held the account may have signed in from their own devices: none stays known, and
    // this one becomes the first known again below.
    app.store.forget_devices_of(account.id).await?;
    let session_token = sessions::start(app, account.id, arrival, now).await?;
    // Told to the owner on their next visit, and lets this session renew the codes at once.
    app.store
        .add_account_notice(&AccountNotice {
            id: uuid::Uuid::new_v4().to_string(),
            account: account.id,
            kind: NoticeKind::RecoveryCodeUsed,
            at: now,
            session: Some(secrets::hash(&session_token)),
        })
        .await?;
    let device_token =
        sessions::remember_device(app, account.id, &account.username_key, arrival, now).await?;
    let codes_left = app.store.unused_recovery_codes(account.id).await?;
    Ok(Recovered {
        person: account.id,
        session_token,
        device_token,
        codes_left,
    })
}
