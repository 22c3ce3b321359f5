//! "Download my data" from the account page: the same document as the API's export, offered as
//! a file. Opened by session cookie only, like every page.

use axum::extract::State;
use axum::response::Response;

use crate::auth::session::SignedIn;
use crate::error::WebError;
use crate::state::AppState;
use steadfast_app::export::ExportError;

pub(crate) async fn download(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
) -> Result<Response, WebError> {
    crate::api::export::download(&state, caller.person)
        .await
        .map_err(|error| match error {
            ExportError::NotFound => WebError::NotFound,
            ExportError::Failed(failure) => failure.into(),
        })
}
