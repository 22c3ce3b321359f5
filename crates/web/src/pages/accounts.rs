//! Sign up, sign in, sign out — as forms that work without JavaScript. A refused form comes back
//! with what the person typed (never the password) and a message beside each field.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use steadfast_core::account::GrammaticalForm;

use super::Chrome;
use crate::auth::doors;
use crate::auth::session::{self, MaybeSignedIn};
use crate::error::{Say, WebError, crowded_form, status_for};
use crate::pages::local_path;
use crate::state::AppState;
use steadfast_app::Failure;
use steadfast_app::accounts::{FieldErrors, SignInError, SignUpError, SignUpInput};
use steadfast_core::coach::AccountKind;

/// Messages for the sign-up form's fields, in the page's language.
pub(crate) struct FieldMessages {
    pub(crate) username: Option<String>,
    pub(crate) password: Option<String>,
    pub(crate) email: Option<String>,
}

impl FieldMessages {
    pub(crate) fn none() -> Self {
        Self {
            username: None,
            password: None,
            email: None,
        }
    }

    pub(crate) fn of(errors: FieldErrors, chrome: &Chrome) -> Self {
        Self {
            username: errors.username.map(|error| error.message(chrome.lang)),
            password: errors.password.map(|error| error.message(chrome.lang)),
            email: errors.email.map(|error| error.message(chrome.lang)),
        }
    }

    pub(crate) fn any(&self) -> bool {
        self.username.is_some() || self.password.is_some() || self.email.is_some()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "sign_up.html")]
pub(crate) struct SignUpPage {
    chrome: Chrome,
    username: String,
    email: String,
    errors: FieldMessages,
    /// Where to go once the account exists (an invite link, say).
    next: String,
    /// How Polish speaks to the person, asked once here (`neutral` until chosen).
    grammatical_form: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "recovery_codes.html")]
pub(crate) struct RecoveryCodesPage {
    pub(crate) chrome: Chrome,
    pub(crate) codes: Vec<String>,
    pub(crate) continue_to: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "sign_in.html")]
pub(crate) struct SignInPage {
    chrome: Chrome,
    username: String,
    next: String,
    notice: Option<String>,
    failure: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct SignUpQuery {
    next: Option<String>,
}

pub(crate) async fn sign_up_form(
    chrome: Chrome,
    MaybeSignedIn(caller): MaybeSignedIn,
    Query(query): Query<SignUpQuery>,
) -> Response {
    let next = local_path(query.next.as_deref()).to_owned();
    if caller.is_some() {
        return Redirect::to(&next).into_response();
    }
    SignUpPage {
        chrome,
        username: String::new(),
        email: String::new(),
        errors: FieldMessages::none(),
        next,
        grammatical_form: GrammaticalForm::Neutral.as_str().to_owned(),
    }
    .into_response()
}

#[derive(Deserialize)]
pub(crate) struct SignUpForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    email: String,
    next: Option<String>,
    #[serde(default)]
    grammatical_form: String,
}

pub(crate) async fn sign_up(
    State(state): State<AppState>,
    chrome: Chrome,
    parts: Parts,
    Form(form): Form<SignUpForm>,
) -> Result<Response, WebError> {
    let address = session::client_address(&parts);
    // Anything but a known form is the default: the question is optional.
    let grammatical_form: GrammaticalForm = form.grammatical_form.parse().unwrap_or_default();
    let input = SignUpInput {
        username: form.username.clone(),
        password: form.password,
        email: Some(form.email.clone()),
        grammatical_form,
    };
    let signed_up = doors::sign_up(
        &state,
        input,
        AccountKind::Partner,
        &parts.headers,
        &address,
    )
    .await?;
    match signed_up {
        Ok(signed_up) => {
            let cookies = session::sign_in_cookies(
                state.config.secure_cookies,
                &signed_up.session_token,
                signed_up.device_token.as_deref(),
            )?;
            let page = RecoveryCodesPage {
                // The answer that signs the person in already shows them signed in.
                chrome: Chrome {
                    signed_in: true,
                    ..chrome
                },
                codes: signed_up.recovery_codes,
                continue_to: local_path(form.next.as_deref()).to_owned(),
            };
            Ok((cookies, page).into_response())
        }
        Err(refused @ SignUpError::Invalid(errors)) => {
            let status = status_for(&refused);
            let errors = FieldMessages::of(errors, &chrome);
            let page = SignUpPage {
                chrome,
                username: form.username,
                email: form.email,
                errors,
                next: local_path(form.next.as_deref()).to_owned(),
                grammatical_form: grammatical_form.as_str().to_owned(),
            };
            Ok((status, page).into_response())
        }
        Err(SignUpError::Failed(Failure::Crowded)) => {
            let errors = FieldMessages {
                password: Some(chrome.t("error-crowded-text")),
                ..FieldMessages::none()
            };
            let page = SignUpPage {
                chrome,
                username: form.username,
                email: form.email,
                errors,
                next: local_path(form.next.as_deref()).to_owned(),
                grammatical_form: grammatical_form.as_str().to_owned(),
            };
            Ok(crowded_form(page))
        }
        Err(SignUpError::Failed(failure)) => Err(failure.into()),
    }
}

#[derive(Deserialize)]
pub(crate) struct SignInQuery {
    next: Option<String>,
    signed_out: Option<String>,
}

pub(crate) async fn sign_in_form(chrome: Chrome, Query(query): Query<SignInQuery>) -> SignInPage {
    let notice = query.signed_out.map(|_| chrome.t("signed-out"));
    SignInPage {
        username: String::new(),
        next: local_path(query.next.as_deref()).to_owned(),
        notice,
        failure: None,
        chrome,
    }
}

#[derive(Deserialize)]
pub(crate) struct SignInForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

pub(crate) async fn sign_in(
    State(state): State<AppState>,
    chrome: Chrome,
    parts: Parts,
    Form(form): Form<SignInForm>,
) -> Result<Response, WebError> {
    let address = session::client_address(&parts);
    let next = local_path(form.next.as_deref()).to_owned();
    let signed_in = doors::sign_in(
        &state,
        &form.username,
        &form.password,
        &parts.headers,
        &address,
    )
    .await?;
    match signed_in {
        Ok(signed_in) => {
            let cookies = session::sign_in_cookies(
                state.config.secure_cookies,
                &signed_in.session_token,
                signed_in.device_token.as_deref(),
            )?;
            Ok((cookies, Redirect::to(&next)).into_response())
        }
        Err(refused @ SignInError::Mismatch) => {
            let page = SignInPage {
                failure: Some(refused.message(chrome.lang)),
                username: form.username,
                next,
                notice: None,
                chrome,
            };
            Ok((status_for(&refused), page).into_response())
        }
        Err(SignInError::Failed(Failure::Crowded)) => Ok(crowded_form(SignInPage {
            failure: Some(chrome.t("error-crowded-text")),
            username: form.username,
            next,
            notice: None,
            chrome,
        })),
        Err(SignInError::Failed(failure)) => Err(failure.into()),
    }
}

/// Ends this session, wherever the person is.
pub(crate) async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    session::end_session(&state, &headers).await?;
    let cookie = session::clear_cookie(state.config.secure_cookies);
    Ok((
        [(header::SET_COOKIE, cookie)],
        Redirect::to("/sign-in?signed_out=1"),
    )
        .into_response())
}

/// The quick exit (docs/PRINCIPLES.md, Safety): ends this session and sends the browser on to the ordinary
/// page the operator chose. A form post, so no reading request ever changes state and another
/// site cannot sign anyone out; it works without JavaScript (app.js sends the same post as a
/// beacon and replaces the page in history). It never shows an error: if the session cannot be
/// deleted now, the person still leaves, and the cookie is cleared all the same.
pub(crate) async fn quick_exit(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(error) = session::end_session(&state, &headers).await {
        tracing::warn!(%error, "the quick exit could not delete its session");
    }
    let cookie = session::clear_cookie(state.config.secure_cookies);
    // Pages with account data are `no-store`, so a browser keeps none of them: with the
    // session gone, Back asks again and is sent to sign in. (`Clear-Site-Data` is left out: it
    // can hold up the redirect for seconds, and leaving must be quick.)
    (
        [(header::SET_COOKIE, cookie)],
        Redirect::to(&state.config.quick_exit_url),
    )
        .into_response()
}
