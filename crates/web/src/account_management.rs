//! A signed-in person managing their own account, shared by the pages and the JSON API: a new
//! password, a new set of recovery codes, deleting the account, and how Polish speaks to them.
//!
//! Each of these asks for the current password, even of a person with a live session: the phone
//! may be unlocked in someone else's hand (DESIGN, Principles 1), and whoever could set a new
//! password or new recovery codes could take the account over. Each also needs a session, not an
//! API token: a token reaches the person's data, never the keys to the account. Password checks
//! count against the sign-in limit per address, so a stolen session cannot be used to guess the
//! password quickly.

use steadfast_core::account::GrammaticalForm;
use steadfast_core::{Password, Username};
use steadfast_store::Account;

use crate::AppState;
use crate::auth::limits::{Door, TooMany};
use crate::auth::session::Caller;
use crate::error::WebError;
use steadfast_app::accounts::{self, FieldError};
use steadfast_app::notices;
use steadfast_app::passwords::{Claimant, Verified};

/// Why a request that needs the current password was refused.
pub(crate) enum OwnPasswordError {
    /// The password typed is not the account's.
    Wrong,
    /// The caller came with an API token; these need a signed-in session.
    SessionNeeded,
    TooMany(TooMany),
    Failed(WebError),
}

impl<E: Into<WebError>> From<E> for OwnPasswordError {
    fn from(error: E) -> Self {
        OwnPasswordError::Failed(error.into())
    }
}

/// Checks that the caller has a session and that `attempt` is their password, and answers their
/// account. The check counts against the sign-in limit per address only, never the one per
/// account name: a partner must not be able to lock the person out of their own account page by
/// knocking on the sign-in door with their name.
pub(crate) async fn check_own_password(
    state: &AppState,
    caller: &Caller,
    attempt: &str,
    address: &str,
) -> Result<Account, OwnPasswordError> {
    if caller.session_hash().is_none() {
        return Err(OwnPasswordError::SessionNeeded);
    }
    state
        .limits
        .check(Door::SignIn, address, None)
        .map_err(OwnPasswordError::TooMany)?;
    let account = state.store.account(caller.person).await?;
    let attempt = Password::for_sign_in(attempt)
        .map(|password| password.expose().to_owned())
        .unwrap_or_default();
    let verified = state
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
pub(crate) enum PasswordChangeError {
    /// The new password breaks the policy; nothing else was checked.
    Invalid(FieldError),
    /// The current password (or the session) did not hold.
    Current(OwnPasswordError),
}

impl<E: Into<WebError>> From<E> for PasswordChangeError {
    fn from(error: E) -> Self {
        PasswordChangeError::Current(OwnPasswordError::Failed(error.into()))
    }
}

/// Sets a new password and ends every other session, every API token and the calendar feed of
/// the person: whatever someone else made with the phone in their hand ends with the old password. The one asking
/// stays signed in.
pub(crate) async fn change_password(
    state: &AppState,
    caller: &Caller,
    current: &str,
    new: &str,
    address: &str,
) -> Result<(), PasswordChangeError> {
    let Some(this_session) = caller.session_hash() else {
        return Err(PasswordChangeError::Current(
            OwnPasswordError::SessionNeeded,
        ));
    };
    let username = Username::parse(&caller.username).map_err(|_| WebError::BadRequest)?;
    let new = Password::new(new, &username)
        .map_err(|error| PasswordChangeError::Invalid(FieldError::Password(error)))?;
    let account = check_own_password(state, caller, current, address)
        .await
        .map_err(PasswordChangeError::Current)?;
    let hash = state
        .passwords
        .hash(&Claimant::Person(caller.person), new.expose().to_owned())
        .await?;
    state.store.set_password_hash(account.id, &hash).await?;
    state
        .store
        .delete_sessions_of(account.id, Some(this_session))
        .await?;
    state.store.delete_api_tokens_of(account.id).await?;
    state.store.delete_calendar_feed(account.id).await?;
    Ok(())
}

/// A fresh set of recovery codes, replacing the old set, for the caller who typed their
/// password, or whose session a recovery started minutes ago (they have just chosen that
/// password, and someone else may hold the codes left). Returns them for showing once.
pub(crate) async fn renew_recovery_codes(
    state: &AppState,
    caller: &Caller,
    password: &str,
    address: &str,
) -> Result<Vec<String>, OwnPasswordError> {
    let person = if notices::freshly_recovered(state, caller).await? {
        caller.person
    } else {
        check_own_password(state, caller, password, address)
            .await?
            .id
    };
    Ok(accounts::new_recovery_codes(state, person).await?)
}

/// Deletes the caller's account and everything that is theirs, at once: sessions (this one too),
/// API tokens, recovery codes, their places in spaces and every event they wrote.
pub(crate) async fn delete_account(
    state: &AppState,
    caller: &Caller,
    password: &str,
    address: &str,
) -> Result<(), OwnPasswordError> {
    let account = check_own_password(state, caller, password, address).await?;
    state.store.delete_account(account.id, state.now()).await?;
    Ok(())
}

/// How Polish speaks to and about the caller from now on: in their own texts, and in their
/// partner's texts about them. Not a key to the account, so it needs no password, and an API
/// token may set it; only the caller's own account changes (a partner reads the choice only as
/// the words they are shown).
pub(crate) async fn set_grammatical_form(
    state: &AppState,
    caller: &Caller,
    form: GrammaticalForm,
) -> Result<(), WebError> {
    if state
        .store
        .set_grammatical_form(caller.person, form)
        .await?
    {
        Ok(())
    } else {
        // Deleted between the sign-in check and now.
        Err(WebError::NotFound)
    }
}

/// The caller's choice, as stored.
pub(crate) async fn grammatical_form(
    state: &AppState,
    caller: &Caller,
) -> Result<GrammaticalForm, WebError> {
    Ok(state
        .store
        .account(caller.person)
        .await?
        .map(|account| account.grammatical_form)
        .unwrap_or_default())
}
