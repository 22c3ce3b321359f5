//! A signed-in person managing their own account: a new password, a new set of recovery codes,
//! deleting the account, and how Polish speaks to them.
//!
//! Each of these asks for the current password, even of a person with a live session: the phone
//! may be unlocked in someone else's hand (docs/PRINCIPLES.md, principle 1), and whoever could set a new
//! password or new recovery codes could take the account over. Each also needs a session, not an
//! API token: a token reaches the person's data, never the keys to the account. How often the
//! password may be tried is counted by whoever calls (the web side counts these checks against
//! the sign-in limit per address), before each check.

use steadfast_core::account::GrammaticalForm;
use steadfast_core::{Password, Username};
use steadfast_store::Account;

use crate::App;
use crate::accounts::{self, FieldError};
use crate::notices;
use crate::passwords::{Claimant, Verified};
use crate::refusal::{Explain, Explained, Failure, Kind, Refused, Words};
use crate::sessions::Caller;

/// Why a request that needs the current password was refused.
#[derive(Debug)]
pub enum OwnPasswordError {
    /// The password typed is not the account's.
    Wrong,
    /// The caller came with an API token; these need a signed-in session.
    SessionNeeded,
    Failed(Failure),
}

crate::failed_underneath!(OwnPasswordError);

impl Explain for OwnPasswordError {
    /// Both are the caller's to put right, not something to prove again from scratch: the API
    /// has always answered them 403.
    fn explain(&self) -> Explained<'_> {
        Explained::Refused(match self {
            OwnPasswordError::Wrong => Refused::new(
                "password_wrong",
                Kind::NotYours,
                Words::key("password-change-current-wrong"),
            ),
            OwnPasswordError::SessionNeeded => session_needed(),
            OwnPasswordError::Failed(failure) => return Explained::Failed(failure),
        })
    }
}

/// The refusal of a step that needs a signed-in session but came with an API token.
pub(crate) fn session_needed() -> Refused {
    Refused::new(
        "session_required",
        Kind::NotYours,
        Words::key("token-session-needed"),
    )
}

/// Checks that the caller has a session and that `attempt` is their password, and answers their
/// account.
pub async fn check_own_password(
    app: &App,
    caller: &Caller,
    attempt: &str,
) -> Result<Account, OwnPasswordError> {
    if caller.session_hash().is_none() {
        return Err(OwnPasswordError::SessionNeeded);
    }
    let account = app.store.account(caller.person).await?;
    let attempt = Password::for_sign_in(attempt)
        .map(|password| password.expose().to_owned())
        .unwrap_or_default();
    let verified = app
        .passwords
        .verify(
            &Claimant::Person(caller.person),
            attempt,
            account
                .as_ref()
                .map(|account| account.password_hash.clone()),
        )
        .await?;
    match (verified, account) {
        (Verified::Yes { .. }, Some(account)) => Ok(account),
        _ => Err(OwnPasswordError::Wrong),
    }
}

/// Why a password change was refused.
#[derive(Debug)]
pub enum PasswordChangeError {
    /// The new password breaks the policy; nothing else was checked.
    Invalid(FieldError),
    /// The current password (or the session) did not hold.
    Current(OwnPasswordError),
    Failed(Failure),
}

crate::failed_underneath!(PasswordChangeError);

impl PasswordChangeError {
    /// A refused current password, or the failure underneath its check.
    fn current(error: OwnPasswordError) -> Self {
        match error {
            OwnPasswordError::Failed(failure) => PasswordChangeError::Failed(failure),
            refused => PasswordChangeError::Current(refused),
        }
    }
}

impl Explain for PasswordChangeError {
    fn explain(&self) -> Explained<'_> {
        match self {
            PasswordChangeError::Invalid(error) => error.explain(),
            PasswordChangeError::Current(error) => error.explain(),
            PasswordChangeError::Failed(failure) => Explained::Failed(failure),
        }
    }
}

/// The caller's new password, as the policy allows it; only from a session. Checked before the
/// current password, so a mistyped new one costs no password check.
pub fn new_password(caller: &Caller, new: &str) -> Result<Password, PasswordChangeError> {
    if caller.session_hash().is_none() {
        return Err(PasswordChangeError::Current(
            OwnPasswordError::SessionNeeded,
        ));
    }
    let username = Username::parse(&caller.username)
        .map_err(|error| PasswordChangeError::Invalid(FieldError::Username(error)))?;
    Password::new(new, &username)
        .map_err(|error| PasswordChangeError::Invalid(FieldError::Password(error)))
}

/// Sets the new password (see [`new_password`]) and ends every other session, every API token
/// and the calendar feed of the person: whatever someone else made with the phone in their hand
/// ends with the old password. The one asking stays signed in.
pub async fn change_password(
    app: &App,
    caller: &Caller,
    current: &str,
    new: &Password,
) -> Result<(), PasswordChangeError> {
    let account = check_own_password(app, caller, current)
        .await
        .map_err(PasswordChangeError::current)?;
    let hash = app
        .passwords
        .hash(&Claimant::Person(caller.person), new.expose().to_owned())
        .await?;
    app.store.set_password_hash(account.id, &hash).await?;
    app.store
        .delete_sessions_of(account.id, caller.session_hash())
        .await?;
    app.store.delete_api_tokens_of(account.id).await?;
    app.store.delete_calendar_feed(account.id).await?;
    Ok(())
}

/// Whether renewing the caller's recovery codes asks for their password: not when a recovery
/// started their session minutes ago (they have just chosen that password, and someone else may
/// hold the codes left).
pub async fn renewal_asks_password(app: &App, caller: &Caller) -> Result<bool, Failure> {
    Ok(!notices::freshly_recovered(app, caller).await?)
}

/// A fresh set of recovery codes, replacing the old set, for the caller who typed their
/// password, or whose session a recovery started minutes ago. Returns them for showing once.
pub async fn renew_recovery_codes(
    app: &App,
    caller: &Caller,
    password: &str,
) -> Result<Vec<String>, OwnPasswordError> {
    let person = if renewal_asks_password(app, caller).await? {
        check_own_password(app, caller, password).await?.id
    } else {
        caller.person
    };
    Ok(accounts::new_recovery_codes(app, person).await?)
}

/// Deletes the caller's account and everything that is theirs, at once: sessions (this one too),
/// API tokens, recovery codes, their places in spaces and every event they wrote.
pub async fn delete_account(
    app: &App,
    caller: &Caller,
    password: &str,
) -> Result<(), OwnPasswordError> {
    let account = check_own_password(app, caller, password).await?;
    app.store.delete_account(account.id, app.now()).await?;
    Ok(())
}

/// Why the grammatical form was not set.
#[derive(Debug)]
pub enum GrammaticalFormError {
    /// The account was deleted between the sign-in check and now.
    NotFound,
    Failed(Failure),
}

crate::failed_underneath!(GrammaticalFormError);

impl Explain for GrammaticalFormError {
    fn explain(&self) -> Explained<'_> {
        match self {
            GrammaticalFormError::NotFound => Explained::Refused(Refused::not_found()),
            GrammaticalFormError::Failed(failure) => Explained::Failed(failure),
        }
    }
}

/// How Polish speaks to and about the caller from now on: in their own texts, and in their
/// partner's texts about them. Not a key to the account, so it needs no password, and an API
/// token may set it; only the caller's own account changes (a partner reads the choice only as
/// the words they are shown).
pub async fn set_grammatical_form(
    app: &App,
    caller: &Caller,
    form: GrammaticalForm,
) -> Result<(), GrammaticalFormError> {
    if app.store.set_grammatical_form(caller.person, form).await? {
        Ok(())
    } else {
        Err(GrammaticalFormError::NotFound)
    }
}

/// The caller's choice, as stored.
pub async fn grammatical_form(app: &App, caller: &Caller) -> Result<GrammaticalForm, Failure> {
    Ok(app
        .store
        .account(caller.person)
        .await?
        .map(|account| account.grammatical_form)
        .unwrap_or_default())
}
