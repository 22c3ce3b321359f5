//! One-time links by which a person sets their own password: the first one of an account the
//! operator created, or a new one in a recovery the operator started (`steadfast admin`). The
//! operator hands the link on and never chooses or sees a password.
//!
//! A link carries 256 random bits; only their SHA-256 is stored. It works once, for 24 hours,
//! and only the newest link of an account works. Using it sets the password and ends every
//! session and API token of the account in one transaction, then signs the person in afresh.

use steadfast_core::{Password, PersonId, Timestamp, Username};
use steadfast_store::{LinkPurpose, LinkState, PasswordLink};

use crate::AppState;
use crate::auth::session;
use crate::error::WebError;
use steadfast_app::accounts::FieldError;
use steadfast_app::passwords::Claimant;
use steadfast_app::{secrets, sessions};

/// How long a link works.
pub const LINK_LIFETIME_MS: i64 = 24 * 60 * 60 * 1000;

/// A new link for `account`: the token to hand on (once) and the record to store.
pub fn new_link(
    account: PersonId,
    purpose: LinkPurpose,
    now: Timestamp,
) -> Result<(String, PasswordLink), steadfast_app::Failure> {
    let fresh = secrets::Secret::generate()?;
    let link = PasswordLink {
        token_hash: fresh.hash,
        account,
        purpose,
        created_at: now,
        expires_at: Timestamp::from_millis(now.as_millis().saturating_add(LINK_LIFETIME_MS)),
    };
    Ok((fresh.token, link))
}

/// The path of the page a token opens.
pub fn link_path(token: &str) -> String {
    format!("/set-password/{token}")
}

/// What the link with `token` offers now.
pub(crate) async fn look_up(state: &AppState, token: &str) -> Result<LinkState, WebError> {
    Ok(state
        .store
        .password_link(&secrets::hash(token), state.now())
        .await?)
}

pub(crate) enum SetError {
    /// The link cannot be used (any reason; the page says one thing for all).
    Spent,
    Unknown,
    /// The new password breaks the policy; the link is still good.
    Invalid(FieldError),
    Failed(WebError),
}

impl<E: Into<WebError>> From<E> for SetError {
    fn from(error: E) -> Self {
        SetError::Failed(error.into())
    }
}

pub(crate) struct PasswordSet {
    pub(crate) person: PersonId,
    pub(crate) purpose: LinkPurpose,
    pub(crate) session_token: String,
}

/// Sets the password the person chose through the link, and signs them in.
pub(crate) async fn set_password(
    state: &AppState,
    token: &str,
    new_password: &str,
    headers: &axum::http::HeaderMap,
    address: &str,
) -> Result<PasswordSet, SetError> {
    let (username, purpose) = match look_up(state, token).await? {
        LinkState::Usable {
            username, purpose, ..
        } => (username, purpose),
        LinkState::Spent => return Err(SetError::Spent),
        LinkState::Unknown => return Err(SetError::Unknown),
    };
    let username = Username::parse(&username).map_err(|_| WebError::BadRequest)?;
    let password = Password::new(new_password, &username)
        .map_err(|error| SetError::Invalid(FieldError::Password(error)))?;
    let hash = state
        .passwords
        .hash(
            &Claimant::Address(address.to_owned()),
            password.expose().to_owned(),
        )
        .await?;
    let now = state.now();
    // The link is checked again, and used, in the same transaction as the password is set:
    // two submissions racing set one password, and the other finds the link spent.
    let Some(person) = state
        .store
        .use_password_link(&secrets::hash(token), &hash, now)
        .await?
    else {
        return Err(SetError::Spent);
    };
    let session_token =
        sessions::start(state, person, &session::arrival(state, headers), now).await?;
    Ok(PasswordSet {
        person,
        purpose,
        session_token,
    })
}
