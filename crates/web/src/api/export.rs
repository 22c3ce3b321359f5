//! The person's export over JSON: everything of theirs as one document, by session or token.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

use super::{ApiCaller, ApiError, lang_of};
use crate::AppState;
use crate::export::{self, Export};

#[utoipa::path(get, path = "/export", tag = "export", security(("session" = []), ("token" = [])),
    responses(
        (status = 200, body = Export, description = "The export, as a file to save (`Content-Disposition: attachment`)"),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
    ))]
/// Everything of the caller's, as one JSON document to save.
///
/// Format `steadfast-export/1`: the caller's account, their API tokens' names and dates, each
/// space they are or were in with their own stays and the events they wrote or may see there,
/// and every event of their own stream. Never a password, session or token, nor any hash of one;
/// never a partner's private item, nor any trace of one; nothing of a partner who has left.
pub(crate) async fn export(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
) -> Result<Response, ApiError> {
    export::download(&state, caller.person)
        .await
        .map_err(|error| ApiError::from_web(error, lang_of(&headers)))
}
