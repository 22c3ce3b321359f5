//! Signing up and signing in. The rules (what a login name or a password may be) are in
//! `steadfast-core`; this is the order of the steps and what each refusal says. How often anyone
//! may try is counted by whoever calls (the web side, by client address and name), before each
//! step that spends a password check.

use steadfast_core::account::{Email, GrammaticalForm, RECOVERY_CODES_PER_ACCOUNT};
use steadfast_core::coach::AccountKind;
use steadfast_core::{Password, PasswordError, PersonId, RecoveryCode, Username, UsernameError};
use steadfast_store::{NewAccount, StoreError};

use crate::App;
use crate::passwords::{Claimant, Verified};
use crate::refusal::{Explain, Explained, Failure, Kind, Refused, Words};
use crate::secrets;
use crate::sessions::{self, Arrival};

/// What a person typed into the sign-up form.
pub struct SignUpInput {
    pub username: String,
    pub password: String,
    pub email: Option<String>,
    /// How Polish is to speak to and about the person: part of the account from its first row.
    pub grammatical_form: GrammaticalForm,
}

/// A refusal of one field, with a stable code and words beside the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    Username(UsernameError),
    UsernameTaken,
    Password(PasswordError),
    Email,
}

impl FieldError {
    pub fn code(self) -> &'static str {
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

    pub fn words(self) -> Words {
        match self {
            FieldError::Username(UsernameError::TooShort { min }) => {
                Words::key("username-too-short").with("min", min)
            }
            FieldError::Username(UsernameError::TooLong { max }) => {
                Words::key("username-too-long").with("max", max)
            }
            FieldError::Username(_) => Words::key("username-bad-character"),
            FieldError::UsernameTaken => Words::key("username-taken"),
            FieldError::Password(PasswordError::TooShort { min }) => {
                Words::key("password-too-short").with("min", min)
            }
            FieldError::Password(PasswordError::TooLong { .. }) => Words::key("password-too-long"),
            FieldError::Password(PasswordError::TooCommon) => Words::key("password-too-common"),
            FieldError::Password(PasswordError::SameAsUsername) => {
                Words::key("password-same-as-username")
            }
            FieldError::Email => Words::key("email-invalid"),
        }
    }

    /// A name someone else has is where things stand, not a mistake in what was typed.
    fn kind(self) -> Kind {
        match self {
            FieldError::UsernameTaken => Kind::NotNow,
            _ => Kind::Invalid,
        }
    }
}

impl Explain for FieldError {
    fn explain(&self) -> Explained<'_> {
        Explained::Refused(Refused::new(self.code(), self.kind(), self.words()))
    }
}

/// Every field's refusal at once, so the form comes back with all its messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors {
    pub username: Option<FieldError>,
    pub password: Option<FieldError>,
    pub email: Option<FieldError>,
}

impl FieldErrors {
    pub fn any(&self) -> bool {
        self.username.is_some() || self.password.is_some() || self.email.is_some()
    }

    pub fn first(&self) -> Option<FieldError> {
        self.username.or(self.password).or(self.email)
    }
}

#[derive(Debug)]
pub enum SignUpError {
    Invalid(FieldErrors),
    Failed(Failure),
}

crate::failed_underneath!(SignUpError);

impl Explain for SignUpError {
    /// The first field's refusal: one answer for the whole form.
    fn explain(&self) -> Explained<'_> {
        match self {
            SignUpError::Invalid(errors) => {
                let first = errors.first().unwrap_or(FieldError::Email);
                Explained::Refused(Refused::new(first.code(), first.kind(), first.words()))
            }
            SignUpError::Failed(failure) => Explained::Failed(failure),
        }
    }
}

/// A sign-up whose fields the rules allow: only the account's own existence is left to check.
pub struct SignUp {
    username: Username,
    password: Password,
    email: Option<Email>,
    grammatical_form: GrammaticalForm,
}

impl SignUp {
    /// Checks every field of the form, so the form comes back with all its refusals at once.
    pub fn check(input: SignUpInput) -> Result<SignUp, SignUpError> {
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
        Ok(SignUp {
            username,
            password,
            email,
            grammatical_form: input.grammatical_form,
        })
    }
}

pub struct SignedUp {
    pub person: PersonId,
    pub recovery_codes: Vec<String>,
    pub session_token: String,
    /// The device secret: the device an account is made on is its first known device.
    pub device_token: Option<String>,
}

/// Creates the account of `kind` (a coach signs up through a coach invite), its recovery codes
/// and a first session.
pub async fn sign_up(
    app: &App,
    sign_up: SignUp,
    kind: AccountKind,
    claimant: &Claimant,
    arrival: &Arrival,
) -> Result<SignedUp, SignUpError> {
    let now = app.now();
    let person = PersonId::from_uuid(uuid::Uuid::new_v4());
    let password_hash = app
        .passwords
        .hash(claimant, sign_up.password.expose().to_owned())
        .await?;
    let created = app
        .store
        .create_account_of_kind(
            &NewAccount {
                id: person,
                username: sign_up.username.as_str().to_owned(),
                username_key: sign_up.username.key().to_owned(),
                password_hash,
                email: sign_up.email.map(|email| email.as_str().to_owned()),
                created_at: now,
                grammatical_form: sign_up.grammatical_form,
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
    let recovery_codes = new_recovery_codes(app, person).await?;
    let session_token = sessions::start(app, person, arrival, now).await?;
    let device_token =
        sessions::remember_device(app, person, sign_up.username.key(), arrival, now).await?;
    Ok(SignedUp {
        person,
        recovery_codes,
        session_token,
        device_token,
    })
}

/// A fresh set of recovery codes for `person`, replacing any earlier set; returns them for
/// showing once. Only their hashes are kept.
pub async fn new_recovery_codes(app: &App, person: PersonId) -> Result<Vec<String>, Failure> {
    let codes = (0..RECOVERY_CODES_PER_ACCOUNT)
        .map(|_| {
            secrets::random_bytes::<{ RecoveryCode::RANDOM_BYTES }>()
                .map(|bytes| RecoveryCode::from_random(bytes).to_string())
        })
        .collect::<Result<Vec<_>, _>>()?;
    let hashes: Vec<String> = codes.iter().map(|code| secrets::hash(code)).collect();
    app.store.replace_recovery_codes(person, &hashes).await?;
    Ok(codes)
}

#[derive(Debug)]
pub enum SignInError {
    /// The one answer for an unknown name, a wrong password or a malformed attempt.
    Mismatch,
    Failed(Failure),
}

crate::failed_underneath!(SignInError);

impl Explain for SignInError {
    fn explain(&self) -> Explained<'_> {
        match self {
            SignInError::Mismatch => Explained::Refused(Refused::new(
                "sign_in_failed",
                Kind::Unauthorized,
                Words::key("sign-in-failed"),
            )),
            SignInError::Failed(failure) => Explained::Failed(failure),
        }
    }
}

pub struct SignedInNow {
    pub person: PersonId,
    pub session_token: String,
    /// A new device secret, when this device was not yet known for the account.
    pub device_token: Option<String>,
}

/// Checks a name and password and starts a session. Whether the account exists shows neither in
/// the answer nor in its time: an unknown name is checked against a dummy hash of the same cost.
pub async fn sign_in(
    app: &App,
    username: &str,
    password: &str,
    claimant: &Claimant,
    arrival: &Arrival,
) -> Result<SignedInNow, SignInError> {
    let account = match Username::parse(username) {
        Ok(username) => app.store.account_by_username_key(username.key()).await?,
        Err(_) => None,
    };
    // A disabled account is checked like an unknown one (against the dummy hash): the same
    // answer in the same time as a wrong password.
    let account = account.filter(|account| account.disabled_at.is_none());
    let attempt = Password::for_sign_in(password)
        .map(|password| password.expose().to_owned())
        .unwrap_or_default();
    let verified = app
        .passwords
        .verify(
            claimant,
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
        let upgraded = app.passwords.hash(claimant, attempt).await?;
        app.store.set_password_hash(account.id, &upgraded).await?;
    }
    let now = app.now();
    let session_token = sessions::start(app, account.id, arrival, now).await?;
    let device_token =
        sessions::remember_device(app, account.id, &account.username_key, arrival, now).await?;
    Ok(SignedInNow {
        person: account.id,
        session_token,
        device_token,
    })
}
