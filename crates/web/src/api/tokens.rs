//! Personal API tokens over JSON: create, list, revoke — from a signed-in session only.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::{ApiCaller, ApiError, lang_of};
use crate::auth::doors::{self, TokenRequest};
use crate::auth::session;
use crate::i18n::Lang;
use crate::state::AppState;
use steadfast_app::tokens;

#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct NewTokenBody {
    /// The account's current password, asked again: a token outlives the session it is made in.
    password: String,
    /// The person's own name for the token; blank or left out for none.
    #[serde(default)]
    label: String,
    /// How many days the token lives; 90 when left out.
    #[schema(minimum = 1, maximum = 365)]
    #[serde(default)]
    expires_in_days: Option<i64>,
}

#[derive(Serialize, utoipa::ToSchema)]
struct CreatedToken {
    id: String,
    /// Shown once: only its hash is kept. Send it as `Authorization: Bearer <token>`.
    token: String,
    /// UTC milliseconds since the Unix epoch; from then on the token signs no one in.
    expires_at: i64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct TokenLine {
    id: String,
    label: String,
    /// UTC milliseconds since the Unix epoch.
    created_at: i64,
    /// UTC milliseconds since the Unix epoch; `null` when never used.
    last_used_at: Option<i64>,
    /// UTC milliseconds since the Unix epoch; from then on the token signs no one in.
    expires_at: i64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct TokenList {
    tokens: Vec<TokenLine>,
}

fn new_token_body(parts: &Parts, body: &Bytes, lang: Lang) -> Result<NewTokenBody, ApiError> {
    let is_json = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| {
            let media = media.trim();
            media.eq_ignore_ascii_case("application/json")
                || (media.starts_with("application/") && media.ends_with("+json"))
        });
    if !is_json {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "json_expected",
            lang.t("api-json-expected"),
        ));
    }
    super::parse_body::<NewTokenBody>(body).map_err(|_| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
            lang.t("api-invalid-body"),
        )
    })
}

#[utoipa::path(post, path = "/tokens", tag = "tokens", request_body = NewTokenBody, security(("session" = [])),
    responses(
        (status = 201, body = CreatedToken),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "The password is wrong (`password_wrong`), or called with a token instead of a session", body = super::ErrorBody),
        (status = 422, description = "The label or the number of days was refused", body = super::ErrorBody),
        (status = 429, description = "Too many password checks from this address (`too_many_requests`), or no room to check a password this moment (`try_again_shortly`); see Retry-After", body = super::ErrorBody),
    ))]
/// Creates a personal API token, for the caller who gives their `password` again, with an
/// optional `label` and `expires_in_days` (1 to 365; 90 when left out). The token is in this
/// response only; the server keeps its hash. Needs a signed-in session: a token cannot make
/// tokens. A password change, a recovery and "sign out everywhere" end every token.
pub(crate) async fn create(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    parts: Parts,
    body: Bytes,
) -> Result<Response, ApiError> {
    let lang = lang_of(&parts.headers);
    let body = new_token_body(&parts, &body, lang)?;
    let address = session::client_address(&parts);
    let request = TokenRequest {
        password: &body.password,
        label: &body.label,
        expires_in_days: body.expires_in_days,
    };
    let created = doors::create_token(&state, &caller, request, &address)
        .await
        .map_err(|too_many| ApiError::too_many(too_many, lang))?
        .map_err(|refused| ApiError::from_app(refused, lang))?;
    let body = CreatedToken {
        id: created.id,
        token: created.token,
        expires_at: created.expires_at.as_millis(),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[utoipa::path(get, path = "/tokens", tag = "tokens", security(("session" = [])),
    responses((status = 200, body = TokenList), (status = 401, description = "Not signed in", body = super::ErrorBody), (status = 403, description = "Called with a token instead of a session", body = super::ErrorBody)))]
/// The caller's own tokens, newest first: label, created, last used and expiry — never the
/// token.
pub(crate) async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    parts: Parts,
) -> Result<Json<TokenList>, ApiError> {
    let lang = lang_of(&parts.headers);
    let tokens = tokens::list(&state, &caller)
        .await
        .map_err(|refused| ApiError::from_app(refused, lang))?
        .into_iter()
        .map(|record| TokenLine {
            id: record.id,
            label: record.label,
            created_at: record.created_at.as_millis(),
            last_used_at: record.last_used_at.map(|at| at.as_millis()),
            expires_at: record.expires_at.as_millis(),
        })
        .collect();
    Ok(Json(TokenList { tokens }))
}

#[utoipa::path(delete, path = "/tokens/{id}", tag = "tokens", security(("session" = [])),
    params(("id" = String, Path, description = "The token's id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Called with a token instead of a session", body = super::ErrorBody),
        (status = 404, description = "No such token of yours", body = super::ErrorBody),
    ))]
/// Revokes one of the caller's tokens at once. Someone else's token id answers 404, as one that
/// does not exist.
pub(crate) async fn revoke(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    parts: Parts,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let lang = lang_of(&parts.headers);
    tokens::revoke(&state, &caller, &id)
        .await
        .map_err(|refused| ApiError::from_app(refused, lang))?;
    Ok(StatusCode::NO_CONTENT)
}
