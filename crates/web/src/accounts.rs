//! Signing up and signing in, shared by the pages and the JSON API. The rules (what a login name
//! or a password may be) are in `steadfast-core`; this is the order of the steps and what each
//! failure tells the person.

use axum::http::HeaderMap;
use steadfast_core::account::{Email, RECOVERY_CODES_PER_ACCOUNT};
use steadfast_core::coach::AccountKind;
use steadfast_core::{Password, PasswordError, PersonId, RecoveryCode, Username, UsernameError};
use steadfast_store::{NewAccount, StoreError};

use crate::AppState;
use crate::auth::limits::{Door, TooMany};
use crate::auth::session;
use crate::error::WebError;
use crate::i18n::Lang;
use steadfast_app::passwords::{Claimant, Verified};
use steadfast_app::{secrets, sessions};

/// What a person typed into the sign-up form.
pub(crate) struct SignUpInput {
    pub(crate) username: String,
    pub(crate) password: String,
    pub(crate) email: Option<String>,
    /// How Polish is to speak to and about the person: part of the account from its first row.
    pub(crate) grammatical_form: steadfast_core::account::GrammaticalForm,
}

/// A refusal of one field, with a stable code for the API and words for the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FieldError {
    Username(UsernameError),
    UsernameTaken,
    Password(PasswordError),
    Email,
}

impl FieldError {
    pub(crate) fn code(self) -> &'static str {
        match self {
            FieldError::Username(UsernameError::TooShort { .. }) => "username_too_short",
            FieldError::Username(UsernameError::TooLong { .. }) => "username_too_long",
            FieldError::Username(_) => "username_bad_character",
            FieldError::UsernameTaken => "username_taken",
            FieldError::Password(PasswordError::TooShort { .. }) => "password_too_short",
            FieldError::Password(PasswordError::TooLong { .. }) => "password_too_long",
            FieldError::Password(PasswordError::TooCommon) => "password_too_common",
            FieldError::Password(PasswordError::SameAsUsername) => "password_same_as_username",
            FieldError::Email => "email_invalid",
        }
    }

    pub(crate) fn message(self, lang: Lang) -> String {
        match self {
            FieldError::Username(UsernameError::TooShort { min }) => {
                lang.t_with("username-too-short", &[("min", min.to_string())])
            }
            FieldError::Username(UsernameError::TooLong { max }) => {
                lang.t_with("username-too-long", &[("max", max.to_string())])
            }
            FieldError::Username(_) => lang.t("username-bad-character"),
            FieldError::UsernameTaken => lang.t("username-taken"),
            FieldError::Password(PasswordError::TooShort { min }) => {
                lang.t_with("password-too-short", &[("min", min.to_string())])
            }
            FieldError::Password(PasswordError::TooLong { .. }) => lang.t("password-too-long"),
            FieldError::Password(PasswordError::TooCommon) => lang.t("password-too-common"),
            FieldError::Password(PasswordError::SameAsUsername) => {
                lang.t("password-same-as-username")
            }
            FieldError::Email => lang.t("email-invalid"),
        }
    }
}

/// Every field's refusal at once, so the form comes back with all its messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct FieldErrors {
    pub(crate) username: Option<FieldError>,
    pub(crate) password: Option<FieldError>,
    pub(crate) email: Option<FieldError>,
}

impl FieldErrors {
    pub(crate) fn any(&self) -> bool {
        self.username.is_some() || self.password.is_some() || self.email.is_some()
    }

    pub(crate) fn first(&self) -> Option<FieldError> {
        self.username.or(self.password).or(self.email)
    }
}

pub(crate) enum SignUpError {
    Invalid(FieldErrors),
    TooMany(TooMany),
    Failed(WebError),
}

impl<E: Into<WebError>> From<E> for SignUpError {
    fn from(error: E) -> Self {
        SignUpError::Failed(error.into())
    }
}

pub(crate) struct SignedUp {
    pub(crate) person: PersonId,
    pub(crate) recovery_codes: Vec<String>,
    pub(crate) session_token: String,
    /// The device cookie: the device an account is made on is its first known device.
    pub(crate) device_token: Option<String>,
}

/// Creates the account, its recovery codes and a first session. Every attempt counts lightly
/// against the address; only one that makes an account counts against its accounts made.
pub(crate) async fn sign_up(
    state: &AppState,
    input: SignUpInput,
    headers: &HeaderMap,
    address: &str,
) -> Result<SignedUp, SignUpError> {
    sign_up_as(state, input, AccountKind::Partner, headers, address).await
}

/// [`sign_up`] for an account of the given kind: a coach signs up through a coach invite.
pub(crate) async fn sign_up_as(
    state: &AppState,
    input: SignUpInput,
    kind: AccountKind,
    headers: &HeaderMap,
    address: &str,
) -> Result<SignedUp, SignUpError> {
    state
        .limits
        .check(Door::SignUp, address, None)
        .map_err(SignUpError::TooMany)?;

    let mut errors = FieldErrors::default();
    let username = Username::parse(&input.username)
        .map_err(|error| errors.username = Some(FieldError::Username(error)))
        .ok();
    let password = username.as_ref().and_then(|username| {
        Password::new(&input.password, username)
            .map_err(|error| errors.password = Some(FieldError::Password(error)))
            .ok()
    });
    let email = Email::parse_optional(input.email.as_deref().unwrap_or_default())
        .map_err(|_| errors.email = Some(FieldError::Email))
        .ok()
        .flatten();
    let (Some(username), Some(password), false) = (username, password, errors.any()) else {
        return Err(SignUpError::Invalid(errors));
    };

    state
        .limits
        .take_sign_up(address)
        .map_err(SignUpError::TooMany)?;
    let claimant = Claimant::Address(address.to_owned());
    let account = (kind, input.grammatical_form);
    let made = make_account(
        state, &username, &password, email, account, headers, &claimant,
    )
    .await;
    if made.is_err() {
        state.limits.give_back_sign_up(address);
    }
    made
}

async fn make_account(
    state: &AppState,
    username: &Username,
    password: &Password,
    email: Option<Email>,
    (kind, grammatical_form): (AccountKind, steadfast_core::account::GrammaticalForm),
    headers: &HeaderMap,
    claimant: &Claimant,
) -> Result<SignedUp, SignUpError> {
    let now = state.now();
    let person = PersonId::from_uuid(uuid::Uuid::new_v4());
    let password_hash = state
        .passwords
        .hash(claimant, password.expose().to_owned())
        .await?;
    let created = state
        .store
        .create_account_of_kind(
            &NewAccount {
                id: person,
                username: username.as_str().to_owned(),
                username_key: username.key().to_owned(),
                password_hash,
                email: email.map(|email| email.as_str().to_owned()),
                created_at: now,
                grammatical_form,
            },
            kind,
        )
        .await;
    match created {
        Ok(()) => {}
        Err(StoreError::UsernameTaken) => {
            return Err(SignUpError::Invalid(FieldErrors {
                username: Some(FieldError::UsernameTaken),
                ..FieldErrors::default()
            }));
        }
        Err(other) => return Err(other.into()),
    }
    let recovery_codes = new_recovery_codes(state, person).await?;
    let arrival = session::arrival(state, headers);
    let session_token = sessions::start(state, person, &arrival, now).await?;
    let device_token =
        sessions::remember_device(state, person, username.key(), &arrival, now).await?;
    Ok(SignedUp {
        person,
        recovery_codes,
        session_token,
        device_token,
    })
}

/// A fresh set of recovery codes for `person`, replacing any earlier set; returns them for
/// showing once. Only their hashes are kept.
pub(crate) async fn new_recovery_codes(
    state: &AppState,
    person: PersonId,
) -> Result<Vec<String>, WebError> {
    let codes = (0..RECOVERY_CODES_PER_ACCOUNT)
        .map(|_| {
            secrets::random_bytes::<{ RecoveryCode::RANDOM_BYTES }>()
                .map(|bytes| RecoveryCode::from_random(bytes).to_string())
        })
        .collect::<Result<Vec<_>, _>>()?;
    let hashes: Vec<String> = codes.iter().map(|code| secrets::hash(code)).collect();
    state.store.replace_recovery_codes(person, &hashes).await?;
    Ok(codes)
}

pub(crate) enum SignInError {
    /// The one answer for an unknown name, a wrong password or a malformed attempt.
    Mismatch,
    TooMany(TooMany),
    Failed(WebError),
}

impl<E: Into<WebError>> From<E> for SignInError {
    fn from(error: E) -> Self {
        SignInError::Failed(error.into())
    }
}

pub(crate) struct SignedInNow {
    pub(crate) person: PersonId,
    pub(crate) session_token: String,
    /// A new device cookie, when this device was not yet known for the account.
    pub(crate) device_token: Option<String>,
}

/// Checks a name and password. Whether the account exists shows neither in the answer nor in its
/// time: an unknown name is checked against a dummy hash of the same cost.
pub(crate) async fn sign_in(
    state: &AppState,
    username: &str,
    password: &str,
    headers: &HeaderMap,
    address: &str,
) -> Result<SignedInNow, SignInError> {
    let username = Username::parse(username).ok();
    // Limits key on the canonical name, so they apply the same to names that do not exist.
    let account_key = username.as_ref().map(|name| name.key().to_owned());
    // A device the account has signed in from before is limited on its own rather than by the
    // name, so wrong sign-ins under the name from elsewhere never lock its owner out; the
    // per-address limit still applies to it. An unknown name has no known devices.
    let limit_key = match &account_key {
        Some(key) => Some(limit_key(state, headers, key).await?),
        None => None,
    };
    state
        .limits
        .check(Door::SignIn, address, limit_key.as_deref())
        .map_err(SignInError::TooMany)?;

    let account = match &account_key {
        Some(key) => state.store.account_by_username_key(key).await?,
        None => None,
    };
    // A disabled account is checked like an unknown one (against the dummy hash): the same
    // answer in the same time as a wrong password.
    let account = match account {
        Some(account) if account.disabled_at.is_some() => None,
        other => other,
    };
    let attempt = Password::for_sign_in(password)
        .map(|password| password.expose().to_owned())
        .unwrap_or_default();
    let claimant = Claimant::Address(address.to_owned());
    let verified = state
        .passwords
        .verify(
            &claimant,
            attempt.clone(),
            account
                .as_ref()
                .map(|account| account.password_hash.clone()),
        )
        .await?;
    let (Verified::Yes { rehash }, Some(account)) = (verified, account) else {
        return Err(SignInError::Mismatch);
    };
    if rehash {
        let upgraded = state.passwords.hash(&claimant, attempt).await?;
        state.store.set_password_hash(account.id, &upgraded).await?;
    }
    let now = state.now();
    let arrival = session::arrival(state, headers);
    let session_token = sessions::start(state, account.id, &arrival, now).await?;
    let device_token =
        sessions::remember_device(state, account.id, &account.username_key, &arrival, now).await?;
    Ok(SignedInNow {
        person: account.id,
        session_token,
        device_token,
    })
}

/// The key a sign-in or recovery under the canonical name `username_key` is limited by, beside
/// its address (`steadfast_app::sessions::limit_key`).
pub(crate) async fn limit_key(
    state: &AppState,
    headers: &HeaderMap,
    username_key: &str,
) -> Result<String, WebError> {
    let device = session::presented_device(state, headers);
    Ok(sessions::limit_key(state, username_key, device.as_deref())
        .await?
        .unwrap_or_else(|| username_key.to_owned()))
}
