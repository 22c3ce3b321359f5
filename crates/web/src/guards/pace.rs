//! Holds each state-changing request of a signed-in person to their write quota
//! ([`super::quota`]), before any handler runs. Refused writes change nothing: the API answers
//! 429 `too_many_writes` with `Retry-After`; a page answers 429 with a page that says how many
//! seconds to wait and holds everything the form sent, ready to send again.

use std::sync::Arc;

use askama::Template;
use axum::Extension;
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use crate::auth::session::{self, Caller};
use crate::i18n::Lang;
use crate::pages::Chrome;
use crate::routes::WriteRules;
use crate::state::AppState;

/// Counts every write of a signed-in person against their allowance; past it, refuses the write
/// before any handler runs. Runs inside the coach guard, so a coach's refused writes never count.
pub(crate) async fn limit_writes(
    State(state): State<AppState>,
    Extension(rules): Extension<Arc<WriteRules>>,
    request: Request,
    next: Next,
) -> Response {
    if !rules.of(&request).is_some_and(|write| write.counted) {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let is_api = session::is_api(&parts);
    let caller = session::guard_caller(&mut parts, &state).await;
    let person = match caller {
        Ok(Some(Caller { person, .. })) => person,
        Ok(None) => return next.run(Request::from_parts(parts, body)).await,
        Err(error) => return error.into_response(),
    };
    let Err(too_many) = state.writes.take(person) else {
        return next.run(Request::from_parts(parts, body)).await;
    };
    let seconds = too_many.retry_after.as_secs().max(1);
    if is_api {
        let lang = crate::api::lang_of(&parts.headers);
        return crate::api::ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_writes",
            lang.t_count("write-quota-api", count(seconds)),
        )
        .retry_after(seconds)
        .into_response();
    }
    let lang = Lang::of_request(&parts);
    let chrome = Chrome::new(&state, lang, parts.uri.path(), true);
    let action = parts.uri.path().to_owned();
    let request = Request::from_parts(parts, body);
    // What the form sent, to send again; a body that is not a form keeps nothing.
    let fields = axum::Form::<Vec<(String, String)>>::from_request(request, &state)
        .await
        .map(|axum::Form(fields)| fields)
        .unwrap_or_default();
    resend_page(chrome, action, fields, seconds)
}

fn count(seconds: u64) -> i64 {
    i64::try_from(seconds).unwrap_or(i64::MAX)
}

#[derive(Template)]
#[template(path = "slow_down.html")]
struct SlowDownPage {
    chrome: Chrome,
    text: String,
    action: String,
    /// Every field the form sent, as hidden fields of the form that sends it again.
    fields: Vec<(String, String)>,
    /// The words typed (the fields holding more than one word), shown so the person sees them
    /// kept.
    words: Vec<String>,
}

/// The page for a refused form: how long to wait, what was typed, and a button that sends it
/// all again to where it was going.
fn resend_page(
    chrome: Chrome,
    action: String,
    fields: Vec<(String, String)>,
    seconds: u64,
) -> Response {
    let words = fields
        .iter()
        .map(|(_, value)| value.trim())
        .filter(|value| value.contains(char::is_whitespace))
        .map(str::to_owned)
        .collect();
    let page = SlowDownPage {
        text: chrome.lang.t_count("write-quota-text", count(seconds)),
        action,
        fields,
        words,
        chrome,
    };
    let mut response = match page.render() {
        Ok(html) => (StatusCode::TOO_MANY_REQUESTS, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(%error, "the slow-down page failed to render");
            StatusCode::TOO_MANY_REQUESTS.into_response()
        }
    };
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}
