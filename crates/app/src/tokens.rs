//! Personal API tokens. A token is a bearer credential for the JSON API only (pages take the
//! session cookie alone). It is shown once and stored as a hash; its owner lists their tokens
//! (label, created, last used — never the token) and revokes them. Tokens are managed from a
//! signed-in session only: a token cannot make or revoke tokens.
//!
//! A token outlives the session it was made in, so it is a way to keep reading someone's words
//! after a minute with their unlocked phone (docs/PRINCIPLES.md, principle 1). Hence: making one asks for
//! the password again; every token expires (90 days unless chosen, at most a year); a password
//! change, a recovery and "sign out everywhere" end them all; and a new token is announced on
//! its owner's account page until they dismiss the notice.

use steadfast_core::{Timestamp, TokenLabel, TokenLabelError, TokenLifetime, TokenLifetimeError};
use steadfast_store::ApiTokenRecord;

use crate::App;
use crate::account_management::{self, OwnPasswordError, session_needed};
use crate::refusal::{Explain, Explained, Failure, Kind, Refused, Words};
use crate::secrets::Secret;
use crate::sessions::Caller;

#[derive(Debug)]
pub enum TokenError {
    Label(TokenLabelError),
    Lifetime(TokenLifetimeError),
    /// The password did not hold.
    Password(OwnPasswordError),
    /// The caller came with an API token; tokens are managed from a session.
    SessionNeeded,
    /// No such token of the caller's (someone else's is not found either).
    NotFound,
    Failed(Failure),
}

crate::failed_underneath!(TokenError);

impl TokenError {
    /// A refused password check, or the failure underneath it.
    fn password(error: OwnPasswordError) -> Self {
        match error {
            OwnPasswordError::SessionNeeded => TokenError::SessionNeeded,
            OwnPasswordError::Failed(failure) => TokenError::Failed(failure),
            wrong => TokenError::Password(wrong),
        }
    }
}

impl Explain for TokenError {
    fn explain(&self) -> Explained<'_> {
        Explained::Refused(match self {
            TokenError::Label(error) => {
                Refused::new(label_error_code(*error), Kind::Invalid, label_words(*error))
            }
            TokenError::Lifetime(error) => Refused::new(
                "token_expiry_out_of_range",
                Kind::Invalid,
                Words::key("token-expiry-out-of-range")
                    .with("min", error.min)
                    .with("max", error.max),
            ),
            TokenError::Password(error) => return error.explain(),
            TokenError::SessionNeeded => session_needed(),
            TokenError::NotFound => Refused::not_found(),
            TokenError::Failed(failure) => return Explained::Failed(failure),
        })
    }
}

fn label_error_code(error: TokenLabelError) -> &'static str {
    match error {
        TokenLabelError::TooLong { .. } => "token_label_too_long",
        TokenLabelError::BadCharacter => "token_label_bad_character",
    }
}

fn label_words(error: TokenLabelError) -> Words {
    match error {
        TokenLabelError::TooLong { max } => Words::key("token-label-too-long").with("max", max),
        TokenLabelError::BadCharacter => Words::key("token-label-bad-character"),
    }
}

/// What the person asks for besides their password: a label, and how long the token lives, as
/// the rules allow them.
pub struct TokenAsk {
    label: TokenLabel,
    lifetime: TokenLifetime,
}

impl TokenAsk {
    /// The label and the number of days (`None` for the default), checked before the password,
    /// so a mistyped form costs no password check; only from a session.
    pub fn check(
        caller: &Caller,
        label: &str,
        expires_in_days: Option<i64>,
    ) -> Result<TokenAsk, TokenError> {
        if caller.session_hash().is_none() {
            return Err(TokenError::SessionNeeded);
        }
        Ok(TokenAsk {
            label: TokenLabel::parse(label).map_err(TokenError::Label)?,
            lifetime: TokenLifetime::days(expires_in_days).map_err(TokenError::Lifetime)?,
        })
    }
}

pub struct NewToken {
    pub id: String,
    /// Shown once; only its hash is kept.
    pub token: String,
    pub expires_at: Timestamp,
}

/// Makes the token asked for (see [`TokenAsk::check`]) for the caller who typed their password
/// again.
pub async fn create(
    app: &App,
    caller: &Caller,
    password: &str,
    ask: TokenAsk,
) -> Result<NewToken, TokenError> {
    account_management::check_own_password(app, caller, password)
        .await
        .map_err(TokenError::password)?;
    let secret = Secret::generate()?;
    let id = uuid::Uuid::new_v4().to_string();
    let now = app.now();
    let expires_at = ask.lifetime.expires(now);
    app.store
        .create_api_token(&ApiTokenRecord {
            id: id.clone(),
            account: caller.person,
            token_hash: secret.hash,
            label: ask.label.as_str().to_owned(),
            created_at: now,
            last_used_at: None,
            expires_at,
            dismissed_at: None,
        })
        .await?;
    Ok(NewToken {
        id,
        token: secret.token,
        expires_at,
    })
}

/// The caller's own tokens, newest first.
pub async fn list(app: &App, caller: &Caller) -> Result<Vec<ApiTokenRecord>, TokenError> {
    if caller.session_hash().is_none() {
        return Err(TokenError::SessionNeeded);
    }
    Ok(app.store.api_tokens_of(caller.person).await?)
}

/// Revokes one of the caller's tokens.
pub async fn revoke(app: &App, caller: &Caller, id: &str) -> Result<(), TokenError> {
    if caller.session_hash().is_none() {
        return Err(TokenError::SessionNeeded);
    }
    if app.store.delete_api_token(caller.person, id).await? {
        Ok(())
    } else {
        Err(TokenError::NotFound)
    }
}

/// Records that the caller has seen the notice of a new token.
pub async fn dismiss_notice(app: &App, caller: &Caller, id: &str) -> Result<(), TokenError> {
    if caller.session_hash().is_none() {
        return Err(TokenError::SessionNeeded);
    }
    if app
        .store
        .dismiss_api_token_notice(caller.person, id, app.now())
        .await?
    {
        Ok(())
    } else {
        Err(TokenError::NotFound)
    }
}
