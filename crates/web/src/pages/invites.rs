//! An invite link as pages: what the invited person sees, and the "join" form. A link that cannot
//! be used says so in one sentence, the same whether it expired, was used or was withdrawn; an
//! unknown link says the same with status 404.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use super::Chrome;
use super::spaces::page_error;
use crate::auth::doors;
use crate::auth::session::{self, MaybeSignedIn};
use crate::error::{Say, WebError, status_for};
use crate::state::AppState;
use steadfast_app::spaces::{self, SpaceError};

#[derive(Template, WebTemplate)]
#[template(path = "invite_welcome.html")]
pub(crate) struct WelcomePage {
    chrome: Chrome,
    sign_in: String,
    sign_up: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "invite_offer.html")]
pub(crate) struct OfferPage {
    chrome: Chrome,
    offer: String,
    action: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "invite_refused.html")]
pub(crate) struct RefusedPage {
    chrome: Chrome,
    message: String,
    /// What to do next, where there is something to do.
    hint: Option<String>,
}

/// The invite link. Someone not signed in is asked to sign in or create an account and comes
/// back here; nothing about the invite is looked up for them.
pub(crate) async fn show(
    State(state): State<AppState>,
    MaybeSignedIn(caller): MaybeSignedIn,
    chrome: Chrome,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let Some(caller) = caller else {
        let next = format!("/invites/{}", token_in_path(&token));
        return Ok(WelcomePage {
            sign_in: format!("/sign-in?next={next}"),
            sign_up: format!("/sign-up?next={next}"),
            chrome,
        }
        .into_response());
    };
    match spaces::offer(&state, caller.person, &token).await {
        Ok(offer) => {
            let text = chrome
                .lang
                .t_with("invite-offer", &[("name", offer.space_name)]);
            Ok(OfferPage {
                offer: text,
                action: format!("/invites/{}/accept", token_in_path(&token)),
                chrome,
            }
            .into_response())
        }
        Err(refusal) => refused(chrome, refusal),
    }
}

/// Joins the space and goes there.
pub(crate) async fn accept(
    State(state): State<AppState>,
    MaybeSignedIn(caller): MaybeSignedIn,
    chrome: Chrome,
    parts: Parts,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let Some(caller) = caller else {
        // Back to the invite's own page after signing in: this address takes only a form.
        let next = format!("/invites/{}", token_in_path(&token));
        return Err(WebError::SignInNeeded { next });
    };
    let address = session::client_address(&parts);
    match doors::accept_invite(&state, caller.person, &token, &address).await? {
        Ok(space) => Ok(Redirect::to(&format!("/spaces/{space}")).into_response()),
        Err(refusal) => refused(chrome, refusal),
    }
}

/// The answer to an invite that cannot be used; a person already in the space is taken there.
fn refused(chrome: Chrome, refusal: SpaceError) -> Result<Response, WebError> {
    match &refusal {
        SpaceError::AlreadyMember(space) => {
            return Ok(Redirect::to(&format!("/spaces/{space}")).into_response());
        }
        SpaceError::InviteUnknown | SpaceError::InviteInvalid | SpaceError::Full => {}
        _ => return Err(page_error(refusal)),
    }
    let status = status_for(&refusal);
    let hint = (!matches!(refusal, SpaceError::Full)).then(|| chrome.t("invite-invalid-hint"));
    let page = RefusedPage {
        message: refusal.message(chrome.lang),
        hint,
        chrome,
    };
    Ok((status, page).into_response())
}

/// A token as it may appear in a link of ours: hex digits only, so nothing else is echoed.
fn token_in_path(token: &str) -> &str {
    if token.bytes().all(|b| b.is_ascii_hexdigit()) {
        token
    } else {
        ""
    }
}
