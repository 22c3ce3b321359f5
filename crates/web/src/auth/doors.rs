//! The account use cases behind a rate-limited door (`limits`): each knock is counted by the
//! client's address (and by the account name, or a known device, where the door keys on one)
//! before the use case in `steadfast_app` runs, and a door that says "too many" answers before
//! anything is looked up. Each answers the use case's own result, or [`TooMany`].

use axum::http::HeaderMap;
use steadfast_app::Failure;
use steadfast_app::account_management::{self, OwnPasswordError, PasswordChangeError};
use steadfast_app::accounts::{
    self, SignInError, SignUp, SignUpError, SignUpInput, SignedInNow, SignedUp,
};
use steadfast_app::calendar::{self, CalendarError};
use steadfast_app::passwords::Claimant;
use steadfast_app::recovery::{self, Recovered, RecoveryError, RecoveryInput};
use steadfast_app::sessions;
use steadfast_app::spaces::{self, SpaceError};
use steadfast_app::tokens::{self, NewToken, TokenAsk, TokenError};
use steadfast_core::coach::AccountKind;
use steadfast_core::{PersonId, SpaceId};

use crate::auth::limits::{Door, TooMany};
use crate::auth::session::{self, Caller};
use crate::state::AppState;

/// A use case's own answer, once its door let the knock through.
pub(crate) type Knocked<T, E> = Result<Result<T, E>, TooMany>;

/// Creates an account of `kind`, its recovery codes and a first session. Every attempt counts
/// lightly against the address; only one whose fields hold takes a place among the accounts
/// made from it, given back when no account is made after all.
pub(crate) async fn sign_up(
    state: &AppState,
    input: SignUpInput,
    kind: AccountKind,
    headers: &HeaderMap,
    address: &str,
) -> Knocked<SignedUp, SignUpError> {
    state.limits.check(Door::SignUp, address, None)?;
    let checked = match SignUp::check(input) {
        Ok(checked) => checked,
        Err(refused) => return Ok(Err(refused)),
    };
    state.limits.take_sign_up(address)?;
    let claimant = Claimant::Address(address.to_owned());
    let arrival = session::arrival(state, headers);
    let made = accounts::sign_up(state, checked, kind, &claimant, &arrival).await;
    if made.is_err() {
        state.limits.give_back_sign_up(address);
    }
    Ok(made)
}

/// Checks a name and password and signs in. The knock counts against the address and the name
/// (a device the account has signed in from before on its own, so wrong sign-ins under the name
/// from elsewhere never lock its owner out of it).
pub(crate) async fn sign_in(
    state: &AppState,
    username: &str,
    password: &str,
    headers: &HeaderMap,
    address: &str,
) -> Knocked<SignedInNow, SignInError> {
    let key = match name_key(state, headers, username).await {
        Ok(key) => key,
        Err(failure) => return Ok(Err(failure.into())),
    };
    state.limits.check(Door::SignIn, address, key.as_deref())?;
    let claimant = Claimant::Address(address.to_owned());
    let arrival = session::arrival(state, headers);
    Ok(accounts::sign_in(state, username, password, &claimant, &arrival).await)
}

/// Sets a new password with a name and a recovery code, and signs in afresh. The knock counts
/// against the address and the name, or a device the account has signed in from before on its
/// own, so wrong attempts under the name from elsewhere never block its owner's recovery (the
/// code must still be right).
pub(crate) async fn recover(
    state: &AppState,
    input: RecoveryInput<'_>,
    headers: &HeaderMap,
    address: &str,
) -> Knocked<Recovered, RecoveryError> {
    let key = match name_key(state, headers, input.username).await {
        Ok(key) => key,
        Err(failure) => return Ok(Err(failure.into())),
    };
    state
        .limits
        .check(Door::Recovery, address, key.as_deref())?;
    let claimant = Claimant::Address(address.to_owned());
    let arrival = session::arrival(state, headers);
    Ok(recovery::recover(state, input, &claimant, &arrival).await)
}

/// Counts a check of the caller's own password against the sign-in door, by address only, never
/// by the account's name: a partner must not be able to lock the person out of their own account
/// page by knocking on the sign-in door with their name. A caller without a session is refused
/// before any check, and so is not counted.
pub(crate) fn own_password(
    state: &AppState,
    caller: &Caller,
    address: &str,
) -> Result<(), TooMany> {
    if caller.session_hash().is_some() {
        state.limits.check(Door::SignIn, address, None)?;
    }
    Ok(())
}

/// Sets a new password; the new one is checked first, so a mistyped one costs no knock.
pub(crate) async fn change_password(
    state: &AppState,
    caller: &Caller,
    current: &str,
    new: &str,
    address: &str,
) -> Knocked<(), PasswordChangeError> {
    let new = match account_management::new_password(caller, new) {
        Ok(new) => new,
        Err(refused) => return Ok(Err(refused)),
    };
    own_password(state, caller, address)?;
    Ok(account_management::change_password(state, caller, current, &new).await)
}

/// A new set of recovery codes; only a renewal that asks for the password knocks.
pub(crate) async fn renew_recovery_codes(
    state: &AppState,
    caller: &Caller,
    password: &str,
    address: &str,
) -> Knocked<Vec<String>, OwnPasswordError> {
    match account_management::renewal_asks_password(state, caller).await {
        Ok(true) => own_password(state, caller, address)?,
        Ok(false) => {}
        Err(failure) => return Ok(Err(failure.into())),
    }
    Ok(account_management::renew_recovery_codes(state, caller, password).await)
}

/// Switches the calendar feed's discreet titles; only turning them off checks the password, and
/// only that knocks.
pub(crate) async fn set_feed_discreet(
    state: &AppState,
    caller: &Caller,
    discreet: bool,
    password: Option<&str>,
    address: &str,
) -> Knocked<(), CalendarError> {
    match calendar::discreet_asks_password(state, caller.person, discreet).await {
        Ok(true) => own_password(state, caller, address)?,
        Ok(false) => {}
        Err(failure) => return Ok(Err(failure.into())),
    }
    Ok(calendar::set_discreet(state, caller, discreet, password).await)
}

/// Deletes the caller's account, with their password.
pub(crate) async fn delete_account(
    state: &AppState,
    caller: &Caller,
    password: &str,
    address: &str,
) -> Knocked<(), OwnPasswordError> {
    own_password(state, caller, address)?;
    Ok(account_management::delete_account(state, caller, password).await)
}

/// What the person asks for when they make an API token.
pub(crate) struct TokenRequest<'a> {
    pub(crate) password: &'a str,
    pub(crate) label: &'a str,
    pub(crate) expires_in_days: Option<i64>,
}

/// Makes an API token for the caller who typed their password again; the label and lifetime are
/// checked first, so a mistyped form costs no knock.
pub(crate) async fn create_token(
    state: &AppState,
    caller: &Caller,
    request: TokenRequest<'_>,
    address: &str,
) -> Knocked<NewToken, TokenError> {
    let ask = match TokenAsk::check(caller, request.label, request.expires_in_days) {
        Ok(ask) => ask,
        Err(refused) => return Ok(Err(refused)),
    };
    own_password(state, caller, address)?;
    Ok(tokens::create(state, caller, request.password, ask).await)
}

/// Accepts a partner's invite: counted by the client's address, since a flood of guesses at
/// tokens would come from there.
pub(crate) async fn accept_invite(
    state: &AppState,
    person: PersonId,
    token: &str,
    address: &str,
) -> Knocked<SpaceId, SpaceError> {
    state.limits.check(Door::InviteAcceptance, address, None)?;
    Ok(spaces::accept(state, person, token).await)
}

/// The key a knock under `username` counts against beside the address, with the device the
/// request presents (`steadfast_app::sessions::limit_key`).
async fn name_key(
    state: &AppState,
    headers: &HeaderMap,
    username: &str,
) -> Result<Option<String>, Failure> {
    let device = session::presented_device(state, headers);
    sessions::limit_key(state, username, device.as_deref()).await
}
