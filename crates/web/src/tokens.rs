//! Personal API tokens, shared by the pages and the JSON API. A token is a bearer credential for
//! the JSON API only (pages take the session cookie alone). It is shown once and stored as a
//! hash; its owner lists their tokens (label, created, last used — never the token) and revokes
//! them. Tokens are managed from a signed-in session only: a token cannot make or revoke tokens.
//!
//! A token outlives the session it was made in, so it is a way to keep reading someone's words
//! after a minute with their unlocked phone (DESIGN, Principles 1). Hence: making one asks for
//! the password again; every token expires (90 days unless chosen, at most a year); a password
//! change, a recovery and "sign out everywhere" end them all; and a new token is announced on
//! its owner's account page until they dismiss the notice.

use steadfast_app::secrets::Secret;
use steadfast_core::{Timestamp, TokenLabel, TokenLabelError, TokenLifetime, TokenLifetimeError};
use steadfast_store::ApiTokenRecord;

use crate::AppState;
use crate::account_management::{self, OwnPasswordError};
use crate::auth::session::Caller;
use crate::error::WebError;
use crate::i18n::Lang;

pub(crate) enum TokenError {
    Label(TokenLabelError),
    Lifetime(TokenLifetimeError),
    /// The password did not hold, or the session (or the rate limit) refused the check.
    Password(OwnPasswordError),
    /// The caller came with an API token; tokens are managed from a session.
    SessionNeeded,
    Failed(WebError),
}

impl<E: Into<WebError>> From<E> for TokenError {
    fn from(error: E) -> Self {
        TokenError::Failed(error.into())
    }
}

/// A stable code for the API and words for the page.
pub(crate) fn label_error_code(error: TokenLabelError) -> &'static str {
    match error {
        TokenLabelError::TooLong { .. } => "token_label_too_long",
        TokenLabelError::BadCharacter => "token_label_bad_character",
    }
}

pub(crate) fn label_error_message(error: TokenLabelError, lang: Lang) -> String {
    match error {
        TokenLabelError::TooLong { max } => {
            lang.t_with("token-label-too-long", &[("max", max.to_string())])
        }
        TokenLabelError::BadCharacter => lang.t("token-label-bad-character"),
    }
}

pub(crate) fn lifetime_error_message(error: TokenLifetimeError, lang: Lang) -> String {
    lang.t_with(
        "token-expiry-out-of-range",
        &[
            ("min", error.min.to_string()),
            ("max", error.max.to_string()),
        ],
    )
}

/// What the person asks for: the current password, a label and how many days the token lives.
pub(crate) struct TokenRequest<'a> {
    pub(crate) password: &'a str,
    pub(crate) label: &'a str,
    pub(crate) expires_in_days: Option<i64>,
    /// The client's address, for the rate limit on password checks.
    pub(crate) address: &'a str,
}

pub(crate) struct NewToken {
    pub(crate) id: String,
    /// Shown once; only its hash is kept.
    pub(crate) token: String,
    pub(crate) expires_at: Timestamp,
}

/// Makes a token for the caller who typed their password again. The label and lifetime are
/// checked first, so a mistyped form does not cost a password check.
pub(crate) async fn create(
    state: &AppState,
    caller: &Caller,
    request: TokenRequest<'_>,
) -> Result<NewToken, TokenError> {
    if caller.session_hash().is_none() {
        return Err(TokenError::SessionNeeded);
    }
    let label = TokenLabel::parse(request.label).map_err(TokenError::Label)?;
    let lifetime = TokenLifetime::days(request.expires_in_days).map_err(TokenError::Lifetime)?;
    account_management::check_own_password(state, caller, request.password, request.address)
        .await
        .map_err(|error| match error {
            OwnPasswordError::SessionNeeded => TokenError::SessionNeeded,
            other => TokenError::Password(other),
        })?;
    let secret = Secret::generate()?;
    let id = uuid::Uuid::new_v4().to_string();
    let now = state.now();
    let expires_at = lifetime.expires(now);
    state
        .store
        .create_api_token(&ApiTokenRecord {
            id: id.clone(),
            account: caller.person,
            token_hash: secret.hash,
            label: label.as_str().to_owned(),
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
pub(crate) async fn list(
    state: &AppState,
    caller: &Caller,
) -> Result<Vec<ApiTokenRecord>, TokenError> {
    if caller.session_hash().is_none() {
        return Err(TokenError::SessionNeeded);
    }
    Ok(state.store.api_tokens_of(caller.person).await?)
}

/// Revokes one of the caller's tokens. Someone else's token, or one that does not exist, is
/// `NotFound` alike.
pub(crate) async fn revoke(state: &AppState, caller: &Caller, id: &str) -> Result<(), TokenError> {
    if caller.session_hash().is_none() {
        return Err(TokenError::SessionNeeded);
    }
    if state.store.delete_api_token(caller.person, id).await? {
        Ok(())
    } else {
        Err(TokenError::Failed(WebError::NotFound))
    }
}

/// Records that the caller has seen the notice of a new token. Someone else's token, or one that
/// does not exist, is `NotFound` alike.
pub(crate) async fn dismiss_notice(
    state: &AppState,
    caller: &Caller,
    id: &str,
) -> Result<(), TokenError> {
    if caller.session_hash().is_none() {
        return Err(TokenError::SessionNeeded);
    }
    if state
        .store
        .dismiss_api_token_notice(caller.person, id, state.now())
        .await?
    {
        Ok(())
    } else {
        Err(TokenError::Failed(WebError::NotFound))
    }
}
