//! Deleting one's account: a section of the account page leads to a confirmation step where the
//! person types their password; then everything that is theirs goes at once and this browser
//! forgets its session.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::State;
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use super::Chrome;
use super::account::{PasswordForm, own_password_refusal};
use crate::auth::doors;
use crate::auth::session::{self, SignedIn};
use crate::error::{WebError, form_answer};
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "delete_account.html")]
pub(crate) struct ConfirmPage {
    chrome: Chrome,
    error: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "account_deleted.html")]
pub(crate) struct DeletedPage {
    chrome: Chrome,
}

/// The confirmation step: what goes, and the password field.
pub(crate) async fn confirm(SignedIn(_): SignedIn, chrome: Chrome) -> ConfirmPage {
    ConfirmPage {
        chrome,
        error: None,
    }
}

/// Deletes the account when the password is right, clears this browser's session and says so on
/// the next page.
pub(crate) async fn delete(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    parts: Parts,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    let address = session::client_address(&parts);
    match doors::delete_account(&state, &caller, &form.password, &address).await? {
        Ok(()) => {
            let cookie = session::clear_cookie(state.config.secure_cookies);
            Ok((
                [(header::SET_COOKIE, cookie)],
                Redirect::to("/account/deleted"),
            )
                .into_response())
        }
        Err(error) => {
            let (status, message) = own_password_refusal(error, &chrome)?;
            let page = ConfirmPage {
                error: Some(message),
                chrome,
            };
            Ok(form_answer(status, page))
        }
    }
}

/// Said once the account is gone; it shows nothing about anyone.
pub(crate) async fn deleted(chrome: Chrome) -> DeletedPage {
    DeletedPage { chrome }
}
