//! Recovery over JSON: a new password from a login name and one unused recovery code.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::{ApiError, ApiJson, lang_of};
use crate::auth::{doors, session};
use crate::state::AppState;
use steadfast_app::recovery::RecoveryInput;

#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct RecoveryBody {
    username: String,
    code: String,
    new_password: String,
}

#[derive(Serialize, utoipa::ToSchema)]
struct Recovered {
    id: String,
    /// How many unused recovery codes are left; at none, make a new set.
    recovery_codes_left: u64,
}

#[utoipa::path(post, path = "/recovery", tag = "accounts", request_body = RecoveryBody,
    responses(
        (status = 200, description = "New password set; signed in afresh (sets the session cookie)", body = Recovered),
        (status = 401, description = "The name and code do not match (the same answer for an unknown name or a used code)", body = super::ErrorBody),
        (status = 422, description = "The new password was refused", body = super::ErrorBody),
        (status = 429, description = "Too many attempts (`too_many_requests`), or no room to check a password this moment (`try_again_shortly`); see Retry-After", body = super::ErrorBody),
    ))]
/// Sets a new password with a login name and one unused recovery code, which is used up. Every
/// session of the person ends and every API token is revoked; the response signs in afresh (it
/// sets the session cookie). An unknown name, a wrong code and a used code get the same answer.
pub(crate) async fn recover(
    State(state): State<AppState>,
    parts: Parts,
    ApiJson(body): ApiJson<RecoveryBody>,
) -> Result<Response, ApiError> {
    let lang = lang_of(&parts.headers);
    let address = session::client_address(&parts);
    let input = RecoveryInput {
        username: &body.username,
        code: &body.code,
        new_password: &body.new_password,
    };
    let recovered = doors::recover(&state, input, &parts.headers, &address)
        .await
        .map_err(|too_many| ApiError::too_many(too_many, lang))?;
    match recovered {
        Ok(recovered) => {
            let cookies = session::sign_in_cookies(
                state.config.secure_cookies,
                &recovered.session_token,
                recovered.device_token.as_deref(),
            )
            .map_err(|error| ApiError::from_web(error, lang))?;
            let body = Recovered {
                id: recovered.person.to_string(),
                recovery_codes_left: recovered.codes_left,
            };
            Ok((StatusCode::OK, cookies, Json(body)).into_response())
        }
        Err(refused) => Err(ApiError::from_app(refused, lang)),
    }
}
