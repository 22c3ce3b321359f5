//! Accounts and sessions over JSON: sign up, sign in, sign out, who am I.

use axum::Json;
use axum::extract::State;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::{ApiCaller, ApiError, ApiJson, lang_of};
use crate::auth::{doors, session};
use crate::state::AppState;
use steadfast_app::account_management;
use steadfast_app::accounts::SignUpInput;
use steadfast_core::coach::AccountKind;

#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct NewAccountBody {
    username: String,
    password: String,
    email: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
struct CreatedAccount {
    id: String,
    /// Shown once: each lets the owner set a new password if they forget theirs.
    recovery_codes: Vec<String>,
}

#[utoipa::path(post, path = "/accounts", tag = "accounts", request_body = NewAccountBody,
    responses(
        (status = 201, description = "Created and signed in: sets the session cookie", body = CreatedAccount),
        (status = 409, description = "The login name is taken", body = super::ErrorBody),
        (status = 422, description = "A field was refused; `error` names which and why", body = super::ErrorBody),
        (status = 429, description = "Too many attempts (`too_many_requests`), or no room to check a password this moment (`try_again_shortly`); see Retry-After", body = super::ErrorBody),
    ))]
/// Creates an account and signs it in (the response sets the session cookie).
pub(crate) async fn create(
    State(state): State<AppState>,
    parts: Parts,
    ApiJson(body): ApiJson<NewAccountBody>,
) -> Result<Response, ApiError> {
    let lang = lang_of(&parts.headers);
    let address = session::client_address(&parts);
    let input = SignUpInput {
        username: body.username,
        password: body.password,
        email: body.email,
        // Chosen later, on the account page or through the API.
        grammatical_form: Default::default(),
    };
    let signed_up = doors::sign_up(
        &state,
        input,
        AccountKind::Partner,
        &parts.headers,
        &address,
    )
    .await
    .map_err(|too_many| ApiError::too_many(too_many, lang))?;
    match signed_up {
        Ok(signed_up) => {
            let cookies = session::sign_in_cookies(
                state.config.secure_cookies,
                &signed_up.session_token,
                signed_up.device_token.as_deref(),
            )
            .map_err(|error| ApiError::from_web(error, lang))?;
            let body = CreatedAccount {
                id: signed_up.person.to_string(),
                recovery_codes: signed_up.recovery_codes,
            };
            Ok((StatusCode::CREATED, cookies, Json(body)).into_response())
        }
        Err(refused) => Err(ApiError::from_app(refused, lang)),
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct Credentials {
    username: String,
    password: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Me {
    id: String,
    username: String,
    /// How Polish speaks to and about the person: `feminine`, `masculine`, or `neutral` (forms
    /// without gender, until they choose).
    grammatical_form: String,
}

#[utoipa::path(post, path = "/sessions", tag = "accounts", request_body = Credentials,
    responses(
        (status = 201, description = "Signed in: sets the session cookie"),
        (status = 401, description = "The name and password do not match (the same answer for an unknown name)", body = super::ErrorBody),
        (status = 429, description = "Too many attempts (`too_many_requests`), or no room to check a password this moment (`try_again_shortly`); see Retry-After", body = super::ErrorBody),
    ))]
/// Signs in: the response sets the session cookie.
pub(crate) async fn sign_in(
    State(state): State<AppState>,
    parts: Parts,
    ApiJson(body): ApiJson<Credentials>,
) -> Result<Response, ApiError> {
    let lang = lang_of(&parts.headers);
    let address = session::client_address(&parts);
    let signed_in = doors::sign_in(
        &state,
        &body.username,
        &body.password,
        &parts.headers,
        &address,
    )
    .await
    .map_err(|too_many| ApiError::too_many(too_many, lang))?;
    match signed_in {
        Ok(signed_in) => {
            let cookies = session::sign_in_cookies(
                state.config.secure_cookies,
                &signed_in.session_token,
                signed_in.device_token.as_deref(),
            )
            .map_err(|error| ApiError::from_web(error, lang))?;
            let body = serde_json::json!({ "id": signed_in.person.to_string() });
            Ok((StatusCode::CREATED, cookies, Json(body)).into_response())
        }
        Err(refused) => Err(ApiError::from_app(refused, lang)),
    }
}

#[utoipa::path(delete, path = "/sessions/current", tag = "accounts",
    responses((status = 204, description = "Signed out: the session ended and the cookie is cleared")))]
/// Signs this session out.
pub(crate) async fn sign_out(
    State(state): State<AppState>,
    parts: Parts,
) -> Result<Response, ApiError> {
    let lang = lang_of(&parts.headers);
    session::end_session(&state, &parts.headers)
        .await
        .map_err(|error| ApiError::from_web(error, lang))?;
    let cookie = session::clear_cookie(state.config.secure_cookies);
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

#[utoipa::path(get, path = "/me", tag = "accounts", security(("session" = []), ("token" = [])),
    responses((status = 200, body = Me), (status = 401, description = "Not signed in", body = super::ErrorBody)))]
/// The signed-in person.
pub(crate) async fn me(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    parts: Parts,
) -> Result<Json<Me>, ApiError> {
    let form = account_management::grammatical_form(&state, &caller)
        .await
        .map_err(|failure| ApiError::from_web(failure.into(), lang_of(&parts.headers)))?;
    Ok(Json(Me {
        id: caller.person.to_string(),
        username: caller.username,
        grammatical_form: form.as_str().to_owned(),
    }))
}
