//! One-time links by which a person sets their own password: the first one of an account the
//! operator created, or a new one in a recovery the operator started (`steadfast admin`). The
//! operator hands the link on and never chooses or sees a password.
//!
//! A link carries 256 random bits; only their SHA-256 is stored. It works once, for 24 hours,
//! and only the newest link of an account works. Using it sets the password and ends every
//! session and API token of the account in one transaction, then signs the person in afresh.

use steadfast_core::{Password, PersonId, Timestamp, Username};
use steadfast_store::{LinkPurpose, LinkState, PasswordLink};

use crate::App;
use crate::accounts::FieldError;
use crate::passwords::Claimant;
use crate::refusal::{Explain, Explained, Failure, Kind, Refused, Words};
use crate::secrets::{self, Secret};
use crate::sessions::{self, Arrival};

/// How long a link works.
pub const LINK_LIFETIME_MS: i64 = 24 * 60 * 60 * 1000;

/// A new link for `account`: the token to hand on (once) and the record to store.
pub fn new_link(
    account: PersonId,
    purpose: LinkPurpose,
    now: Timestamp,
) -> Result<(String, PasswordLink), Failure> {
    let fresh = Secret::generate()?;
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
pub async fn look_up(app: &App, token: &str) -> Result<LinkState, Failure> {
    Ok(app
        .store
        .password_link(&secrets::hash(token), app.now())
        .await?)
}

#[derive(Debug)]
pub enum SetError {
    /// The link cannot be used (any reason: used, ran out, replaced; one answer for all).
    Spent,
    /// No link has this token: the same words, as "not found".
    Unknown,
    /// The new password breaks the policy; the link is still good.
    Invalid(FieldError),
    Failed(Failure),
}

crate::failed_underneath!(SetError);

impl Explain for SetError {
    fn explain(&self) -> Explained<'_> {
        let spent = Words::key("set-password-link-spent");
        Explained::Refused(match self {
            SetError::Spent => Refused::new("link_spent", Kind::Gone, spent),
            SetError::Unknown => Refused::new("not_found", Kind::NotFound, spent),
            SetError::Invalid(error) => return error.explain(),
            SetError::Failed(failure) => return Explained::Failed(failure),
        })
    }
}

pub struct PasswordSet {
    pub person: PersonId,
    pub purpose: LinkPurpose,
    pub session_token: String,
}

/// Sets the password the person chose through the link, and signs them in.
pub async fn set_password(
    app: &App,
    token: &str,
    new_password: &str,
    claimant: &Claimant,
    arrival: &Arrival,
) -> Result<PasswordSet, SetError> {
    let (username, purpose) = match look_up(app, token).await? {
        LinkState::Usable {
            username, purpose, ..
        } => (username, purpose),
        LinkState::Spent => return Err(SetError::Spent),
        LinkState::Unknown => return Err(SetError::Unknown),
    };
    // A stored name is one the rules allowed when it was made; one they no longer read leaves
    // nothing to check a password against, so the link cannot be used.
    let username = Username::parse(&username).map_err(|_| SetError::Spent)?;
    let password = Password::new(new_password, &username)
        .map_err(|error| SetError::Invalid(FieldError::Password(error)))?;
    let hash = app
        .passwords
        .hash(claimant, password.expose().to_owned())
        .await?;
    let now = app.now();
    // The link is checked again, and used, in the same transaction as the password is set:
    // two submissions racing set one password, and the other finds the link spent.
    let Some(person) = app
        .store
        .use_password_link(&secrets::hash(token), &hash, now)
        .await?
    else {
        return Err(SetError::Spent);
    };
    let session_token = sessions::start(app, person, arrival, now).await?;
    Ok(PasswordSet {
        person,
        purpose,
        session_token,
    })
}
