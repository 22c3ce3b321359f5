//! The signed-in person's own account over JSON: a new password, new recovery codes, deletion
//! (each needs the current password and a session; an API token cannot do these), and how Polish
//! speaks to them (needs neither).

use axum::Json;
use axum::extract::State;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use steadfast_core::account::GrammaticalForm;

use super::{ApiCaller, ApiError, ApiJson, lang_of};
use crate::auth::{doors, session};
use crate::state::AppState;
use steadfast_app::account_management;

#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct PasswordChangeBody {
    current_password: String,
    new_password: String,
}

#[utoipa::path(put, path = "/me/password", tag = "accounts", request_body = PasswordChangeBody, security(("session" = [])),
    responses(
        (status = 204, description = "Changed; every other session ended"),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Wrong current password, or called with a token instead of a session", body = super::ErrorBody),
        (status = 422, description = "The new password was refused", body = super::ErrorBody),
        (status = 429, description = "Too many attempts (`too_many_requests`), or no room to check a password this moment (`try_again_shortly`); see Retry-After", body = super::ErrorBody),
    ))]
/// Changes the password. Every other session of the person ends; this one stays, and so do the
/// person's API tokens. Needs a session and the current password.
pub(crate) async fn change_password(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    parts: Parts,
    ApiJson(body): ApiJson<PasswordChangeBody>,
) -> Result<StatusCode, ApiError> {
    let lang = lang_of(&parts.headers);
    let address = session::client_address(&parts);
    doors::change_password(
        &state,
        &caller,
        &body.current_password,
        &body.new_password,
        &address,
    )
    .await
    .map_err(|too_many| ApiError::too_many(too_many, lang))?
    .map_err(|refused| ApiError::from_app(refused, lang))?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct PasswordBody {
    password: String,
}

#[derive(Serialize, utoipa::ToSchema)]
struct RecoveryCodes {
    /// Shown once: each lets the owner set a new password if they forget theirs.
    recovery_codes: Vec<String>,
}

#[utoipa::path(post, path = "/me/recovery-codes", tag = "accounts", request_body = PasswordBody, security(("session" = [])),
    responses(
        (status = 201, body = RecoveryCodes),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Wrong password, or called with a token instead of a session", body = super::ErrorBody),
        (status = 429, description = "Too many attempts (`too_many_requests`), or no room to check a password this moment (`try_again_shortly`); see Retry-After", body = super::ErrorBody),
    ))]
/// Makes a new set of recovery codes, replacing the old set (used or not). Needs a session and
/// the current password.
pub(crate) async fn renew_recovery_codes(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    parts: Parts,
    ApiJson(body): ApiJson<PasswordBody>,
) -> Result<Response, ApiError> {
    let lang = lang_of(&parts.headers);
    let address = session::client_address(&parts);
    let recovery_codes = doors::renew_recovery_codes(&state, &caller, &body.password, &address)
        .await
        .map_err(|too_many| ApiError::too_many(too_many, lang))?
        .map_err(|refused| ApiError::from_app(refused, lang))?;
    Ok((StatusCode::CREATED, Json(RecoveryCodes { recovery_codes })).into_response())
}

#[utoipa::path(delete, path = "/me", tag = "accounts", request_body = PasswordBody, security(("session" = [])),
    responses(
        (status = 204, description = "Deleted, with everything the person wrote"),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Wrong password, or called with a token instead of a session", body = super::ErrorBody),
        (status = 429, description = "Too many attempts (`too_many_requests`), or no room to check a password this moment (`try_again_shortly`); see Retry-After", body = super::ErrorBody),
    ))]
/// Deletes the account and everything that is the person's, at once: sessions, API tokens,
/// recovery codes, places in spaces and every event they wrote. Needs a session and the
/// password; the response clears the session cookie.
pub(crate) async fn delete(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    parts: Parts,
    ApiJson(body): ApiJson<PasswordBody>,
) -> Result<Response, ApiError> {
    let lang = lang_of(&parts.headers);
    let address = session::client_address(&parts);
    doors::delete_account(&state, &caller, &body.password, &address)
        .await
        .map_err(|too_many| ApiError::too_many(too_many, lang))?
        .map_err(|refused| ApiError::from_app(refused, lang))?;
    let cookie = session::clear_cookie(state.config.secure_cookies);
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct GrammaticalFormBody {
    /// `feminine`, `masculine` or `neutral` (forms without gender).
    grammatical_form: String,
}

#[utoipa::path(put, path = "/me/grammatical-form", tag = "accounts", request_body = GrammaticalFormBody, security(("session" = []), ("token" = [])),
    responses(
        (status = 204, description = "Saved"),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 422, description = "Not one of the forms (`grammatical_form_invalid`)", body = super::ErrorBody),
    ))]
/// Sets how Polish texts speak to the person and, on their partner's pages, about them: in
/// feminine or masculine forms, or in forms without gender (`neutral`, the default). English
/// texts read the same whatever is chosen.
pub(crate) async fn set_grammatical_form(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    parts: Parts,
    ApiJson(body): ApiJson<GrammaticalFormBody>,
) -> Result<StatusCode, ApiError> {
    let lang = lang_of(&parts.headers);
    let form = body
        .grammatical_form
        .parse::<GrammaticalForm>()
        .map_err(|_| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "grammatical_form_invalid",
                lang.t("grammatical-form-invalid"),
            )
        })?;
    account_management::set_grammatical_form(&state, &caller, form)
        .await
        .map_err(|error| ApiError::from_app(error, lang))?;
    Ok(StatusCode::NO_CONTENT)
}
