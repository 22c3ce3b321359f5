//! The one place errors become pages: every request gets a short reference and a span, and any
//! error response that is not already a page (a handler's, an extractor's rejection, the
//! cross-site guard's, a timeout, a panic) becomes the friendly page for its status, in the
//! person's language; under `/api/` it becomes the API's JSON error instead. The errors
//! themselves, and the one table of statuses, are in `error`.

use askama::Template;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use tracing::Instrument;

use crate::api::ApiError;
use crate::error::{ErrorPage, PlainAnswer};
use crate::i18n::Lang;
use crate::pages::Chrome;
use crate::state::AppState;

/// A short random reference for one request, shown on internal-error pages and logged.
#[derive(Clone, Debug)]
pub(crate) struct RequestId(pub(crate) String);

impl RequestId {
    fn new() -> Self {
        let id = uuid::Uuid::new_v4().simple().to_string();
        RequestId(id[..12].to_owned())
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate {
    chrome: Chrome,
    title: String,
    text: String,
    reference: Option<String>,
}

/// The one place errors become pages: gives each request its reference and a span, and turns
/// any error response that is not already a page (ours, an extractor's rejection, the cross-site
/// guard, a timeout, a panic) into the friendly page for its status.
pub(crate) async fn error_pages(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let id = RequestId::new();
    request.extensions_mut().insert(id.clone());
    let (parts, body) = request.into_parts();
    let path = parts.uri.path().to_owned();
    let chrome = Chrome::new(&state, Lang::of_request(&parts), &path, false);
    let span = tracing::info_span!("request", id = %id.0, method = %parts.method);
    let response = next
        .run(Request::from_parts(parts, body))
        .instrument(span)
        .await;

    let status = response.status();
    let is_error = status.is_client_error() || status.is_server_error();
    // The API answers in JSON: its own errors pass; those of the layers around it (the
    // cross-site guard, the body limit, a timeout, a panic) are put into the same shape.
    if path.starts_with("/api/") {
        let is_json = response
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|value| value.as_bytes().starts_with(b"application/json"));
        if !is_error || is_json {
            return response;
        }
        let page = response
            .extensions()
            .get::<ErrorPage>()
            .copied()
            .unwrap_or_else(|| ErrorPage::for_status(status));
        let text = page_text(&chrome, page, &response);
        let (parts, _) = response.into_parts();
        let mut answer = ApiError::new(status, page.code(), text).into_response();
        for (name, value) in parts.headers.iter() {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                answer.headers_mut().insert(name, value.clone());
            }
        }
        return answer;
    }
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"text/html"));
    if !is_error || is_page || response.extensions().get::<PlainAnswer>().is_some() {
        return response;
    }
    let page = response
        .extensions()
        .get::<ErrorPage>()
        .copied()
        .unwrap_or_else(|| ErrorPage::for_status(status));
    let text = page_text(&chrome, page, &response);
    let template = ErrorTemplate {
        title: chrome.t(page.message_keys().0),
        text,
        reference: (page == ErrorPage::Internal).then(|| {
            chrome
                .lang
                .t_with("error-reference", &[("id", id.0.clone())])
        }),
        chrome,
    };
    let body = match template.render() {
        Ok(html) => html,
        Err(error) => {
            tracing::error!(%error, "the error page failed to render");
            String::from("<!doctype html><title>Steadfast</title><p>Error</p>")
        }
    };
    // Keep headers such as Allow and Retry-After; replace the body and its type.
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    let mut dressed = Html(body).into_response();
    *dressed.status_mut() = status;
    for (name, value) in parts.headers.iter() {
        dressed.headers_mut().insert(name, value.clone());
    }
    dressed
}

/// The words of an error page; a page that asks to wait says how long, from its Retry-After.
fn page_text(chrome: &Chrome, page: ErrorPage, response: &Response) -> String {
    let text_key = page.message_keys().1;
    if page != ErrorPage::TooMany {
        return chrome.t(text_key);
    }
    let seconds = response
        .headers()
        .get(header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok())
        .unwrap_or(60);
    chrome
        .lang
        .t_count(text_key, crate::auth::limits::minutes_of(seconds))
}
