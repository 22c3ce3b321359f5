//! Personal API tokens on the account page: make one (shown once, on the answer to the form) and
//! revoke one.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::Chrome;
use super::account::{self, AccountForms};
use crate::AppState;
use crate::auth::session::SignedIn;
use crate::error::WebError;
use crate::tokens::{self, TokenError};

#[derive(Template, WebTemplate)]
#[template(path = "token_created.html")]
pub(crate) struct TokenCreatedPage {
    chrome: Chrome,
    token: String,
}

#[derive(Deserialize)]
pub(crate) struct NewTokenForm {
    #[serde(default)]
    label: String,
}

fn page_error(error: TokenError) -> WebError {
    match error {
        // Pages are opened by session cookie only, so this cannot be reached from a page.
        TokenError::SessionNeeded => WebError::SignInNeeded {
            next: "/account".to_owned(),
        },
        TokenError::Label(_) => WebError::BadRequest,
        TokenError::Failed(error) => error,
    }
}

/// Makes a token and shows it, this once.
pub(crate) async fn create(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    Form(form): Form<NewTokenForm>,
) -> Result<Response, WebError> {
    match tokens::create(&state, &caller, &form.label).await {
        Ok(created) => Ok(TokenCreatedPage {
            chrome,
            token: created.token,
        }
        .into_response()),
        Err(TokenError::Label(error)) => {
            let forms = AccountForms {
                token_label_error: Some(tokens::label_error_message(error, chrome.lang)),
                token_label: form.label,
                ..AccountForms::default()
            };
            account::refused(
                &state,
                &caller,
                chrome,
                forms,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(error) => Err(page_error(error)),
    }
}

/// Revokes one of the person's tokens; someone else's is not found.
pub(crate) async fn revoke(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    Path(id): Path<String>,
) -> Result<Redirect, WebError> {
    tokens::revoke(&state, &caller, &id)
        .await
        .map_err(page_error)?;
    Ok(Redirect::to("/account?done=token-revoked"))
}
