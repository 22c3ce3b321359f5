//! Personal API tokens, shared by the pages and the JSON API. A token is a bearer credential for
//! the JSON API only (pages take the session cookie alone). It is shown once and stored as a
//! hash; its owner lists their tokens (label, created, last used — never the token) and revokes
//! them. Tokens are managed from a signed-in session only: a token cannot make or revoke tokens.

use steadfast_core::{TokenLabel, TokenLabelError};
use steadfast_store::ApiTokenRecord;

use crate::AppState;
use crate::auth::secret::Secret;
use crate::auth::session::Caller;
use crate::error::WebError;
use crate::i18n::Lang;

pub(crate) enum TokenError {
    Label(TokenLabelError),
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

pub(crate) struct NewToken {
    pub(crate) id: String,
    /// Shown once; only its hash is kept.
    pub(crate) token: String,
}

/// Makes a token for the caller.
pub(crate) async fn create(
    state: &AppState,
    caller: &Caller,
    label: &str,
) -> Result<NewToken, TokenError> {
    if caller.session_hash().is_none() {
        return Err(TokenError::SessionNeeded);
    }
    let label = TokenLabel::parse(label).map_err(TokenError::Label)?;
    let secret = Secret::generate().map_err(|_| WebError::Randomness)?;
    let id = uuid::Uuid::new_v4().to_string();
    state
        .store
        .create_api_token(&ApiTokenRecord {
            id: id.clone(),
            account: caller.person,
            token_hash: secret.hash,
            label: label.as_str().to_owned(),
            created_at: state.now(),
            last_used_at: None,
        })
        .await?;
    Ok(NewToken {
        id,
        token: secret.token,
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
