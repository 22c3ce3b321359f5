//! The coach's read-only rule at the door: a coach's account writes nothing in any space, so
//! every state-changing request of a signed-in coach is answered with 403 before any handler
//! runs, on pages and in the API alike. Which routes a coach may still post to (their own
//! account: signing out, the password, joining through a coach invite) is declared with each
//! route (`crate::routes`). The coaching use cases are in `steadfast_app::coach`.

use std::sync::Arc;

use axum::Extension;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use steadfast_core::coach::AccountKind;

use crate::auth::session::{self, Caller};
use crate::i18n::Lang;
use crate::routes::WriteRules;
use crate::state::AppState;

/// Answers every state-changing request of a signed-in coach with 403 and a plain message, on
/// pages and in the API, before any handler runs; anything else passes untouched.
pub(crate) async fn refuse_writes(
    State(state): State<AppState>,
    Extension(rules): Extension<Arc<WriteRules>>,
    request: Request,
    next: Next,
) -> Response {
    if rules.of(&request).is_none_or(|write| write.coach_may) {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let is_api = session::is_api(&parts);
    let caller = session::guard_caller(&mut parts, &state).await;
    match caller {
        Ok(Some(Caller {
            kind: AccountKind::Coach,
            ..
        })) => {}
        Ok(_) => return next.run(Request::from_parts(parts, body)).await,
        Err(error) => return error.into_response(),
    }
    if is_api {
        let lang = crate::api::lang_of(&parts.headers);
        crate::api::ApiError::new(
            StatusCode::FORBIDDEN,
            "coach_read_only",
            lang.t("coach-read-only-text"),
        )
        .into_response()
    } else {
        let chrome =
            crate::pages::Chrome::new(&state, Lang::of_request(&parts), parts.uri.path(), true);
        crate::pages::coach::read_only(chrome)
    }
}
