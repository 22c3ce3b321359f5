//! Errors on the web side, mapped to HTTP in one place: `WebError`, the kinds of error page, and
//! the one table from a use case's kind of refusal to its status (`status_of`). The layer that
//! dresses every error as a page in the person's language is `pages`.

pub(crate) mod pages;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use steadfast_app::{Explain, Explained, Failure, Kind, Words};
use steadfast_store::StoreError;
use thiserror::Error;

use crate::auth::limits::TooMany;
use crate::i18n::Lang;
use steadfast_app::passwords::{CROWDED_RETRY_AFTER, HashingError};

/// The kinds of error page; each has a status and its words in the locale files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ErrorPage {
    NotFound,
    MethodNotAllowed,
    CrossSite,
    TooLarge,
    BadRequest,
    Timeout,
    TooMany,
    /// The password-hashing queue had no room for this caller: try again in a moment.
    Crowded,
    Internal,
    /// Busy: a write kept losing the race to others at the same moment; try again shortly.
    Busy,
}

impl ErrorPage {
    pub(crate) fn for_status(status: StatusCode) -> Self {
        match status {
            StatusCode::NOT_FOUND => ErrorPage::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => ErrorPage::MethodNotAllowed,
            StatusCode::FORBIDDEN => ErrorPage::CrossSite,
            StatusCode::PAYLOAD_TOO_LARGE => ErrorPage::TooLarge,
            StatusCode::REQUEST_TIMEOUT => ErrorPage::Timeout,
            StatusCode::TOO_MANY_REQUESTS => ErrorPage::TooMany,
            StatusCode::SERVICE_UNAVAILABLE => ErrorPage::Busy,
            status if status.is_server_error() => ErrorPage::Internal,
            _ => ErrorPage::BadRequest,
        }
    }

    fn status(self) -> StatusCode {
        match self {
            ErrorPage::NotFound => StatusCode::NOT_FOUND,
            ErrorPage::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorPage::CrossSite => StatusCode::FORBIDDEN,
            ErrorPage::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorPage::BadRequest => StatusCode::BAD_REQUEST,
            ErrorPage::Timeout => StatusCode::REQUEST_TIMEOUT,
            ErrorPage::TooMany | ErrorPage::Crowded => StatusCode::TOO_MANY_REQUESTS,
            ErrorPage::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            ErrorPage::Busy => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The stable code the API gives this error.
    pub(crate) fn code(self) -> &'static str {
        match self {
            ErrorPage::NotFound => "not_found",
            ErrorPage::MethodNotAllowed => "method_not_allowed",
            ErrorPage::CrossSite => "cross_site_refused",
            ErrorPage::TooLarge => "too_large",
            ErrorPage::BadRequest => "bad_request",
            ErrorPage::Timeout => "timeout",
            ErrorPage::TooMany => "too_many_requests",
            ErrorPage::Crowded => "try_again_shortly",
            ErrorPage::Internal => "internal",
            ErrorPage::Busy => "busy",
        }
    }

    pub(crate) fn message_keys(self) -> (&'static str, &'static str) {
        match self {
            ErrorPage::NotFound => ("error-not-found-title", "error-not-found-text"),
            ErrorPage::MethodNotAllowed => ("error-method-title", "error-method-text"),
            ErrorPage::CrossSite => ("error-cross-site-title", "error-cross-site-text"),
            ErrorPage::TooLarge => ("error-too-large-title", "error-too-large-text"),
            ErrorPage::BadRequest => ("error-bad-request-title", "error-bad-request-text"),
            ErrorPage::Timeout => ("error-timeout-title", "error-timeout-text"),
            ErrorPage::TooMany => ("error-too-many-title", "error-too-many-text"),
            ErrorPage::Crowded => ("error-too-many-title", "error-crowded-text"),
            ErrorPage::Internal => ("error-internal-title", "error-internal-text"),
            ErrorPage::Busy => ("error-busy-title", "error-busy-text"),
        }
    }

    /// A bare response that the error-page layer dresses; usable where no request is at hand.
    pub(crate) fn response(self) -> Response {
        let mut response = self.status().into_response();
        response.extensions_mut().insert(self);
        response
    }
}

/// How long a client is asked to wait after a write lost every race (503 `busy`).
pub(crate) const BUSY_RETRY_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

/// What a handler can fail with.
#[derive(Debug, Error)]
pub(crate) enum WebError {
    #[error("page not found")]
    NotFound,
    #[error("the request could not be read")]
    BadRequest,
    #[error("this page needs a signed-in person")]
    SignInNeeded { next: String },
    #[error("too many attempts")]
    TooMany(TooMany),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("a template failed to render: {0}")]
    Template(#[from] askama::Error),
    /// The password-hashing queue had no room for this caller ([`HashingError::Busy`]).
    #[error("no room to check a password now")]
    Crowded,
    #[error(transparent)]
    Hashing(HashingError),
    #[error("the operating system's random generator failed")]
    Randomness,
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let page = match &self {
            WebError::NotFound => ErrorPage::NotFound,
            WebError::BadRequest => ErrorPage::BadRequest,
            WebError::SignInNeeded { next } => {
                let target = format!("/sign-in?next={}", encode_path(next));
                return Redirect::to(&target).into_response();
            }
            WebError::TooMany(too_many) => {
                let mut response = ErrorPage::TooMany.response();
                response.headers_mut().insert(
                    header::RETRY_AFTER,
                    HeaderValue::from(too_many.retry_after.as_secs()),
                );
                return response;
            }
            WebError::Crowded => {
                let mut response = ErrorPage::Crowded.response();
                response.headers_mut().insert(
                    header::RETRY_AFTER,
                    HeaderValue::from(CROWDED_RETRY_AFTER.as_secs()),
                );
                return response;
            }
            WebError::Store(StoreError::Conflict { .. }) => {
                tracing::warn!(error = %self, "a write lost every race; answered busy");
                let mut response = ErrorPage::Busy.response();
                response.headers_mut().insert(
                    header::RETRY_AFTER,
                    HeaderValue::from(BUSY_RETRY_AFTER.as_secs()),
                );
                return response;
            }
            WebError::Store(_)
            | WebError::Template(_)
            | WebError::Hashing(_)
            | WebError::Randomness => {
                // Logged inside the request's span, so the line carries the reference the
                // person sees. Store errors never hold user text.
                tracing::error!(error = %self, "internal error");
                ErrorPage::Internal
            }
        };
        page.response()
    }
}

/// A form sent back because the password-hashing queue had no room for it: 429, when to try
/// again, and the form itself (with what was typed, but the password) as the body.
pub(crate) fn crowded_form(form: impl IntoResponse) -> Response {
    let mut response = (StatusCode::TOO_MANY_REQUESTS, form).into_response();
    response.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from(CROWDED_RETRY_AFTER.as_secs()),
    );
    response
}

/// A refused form sent back with the status of its refusal; one sent back because the
/// password-hashing queue had no room (429) also says when to try again.
pub(crate) fn form_answer(status: StatusCode, form: impl IntoResponse) -> Response {
    if status == StatusCode::TOO_MANY_REQUESTS {
        crowded_form(form)
    } else {
        (status, form).into_response()
    }
}

impl From<TooMany> for WebError {
    fn from(too_many: TooMany) -> Self {
        WebError::TooMany(too_many)
    }
}

impl From<Failure> for WebError {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Store(error) => WebError::Store(error),
            Failure::Crowded => WebError::Crowded,
            Failure::Hashing(error) => WebError::Hashing(error),
            Failure::Randomness => WebError::Randomness,
        }
    }
}

/// The one table from a use case's kind of refusal to its HTTP status, for pages and the API
/// alike.
pub(crate) fn status_of(kind: Kind) -> StatusCode {
    match kind {
        Kind::NotFound => StatusCode::NOT_FOUND,
        Kind::NotYours => StatusCode::FORBIDDEN,
        Kind::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
        Kind::NotNow => StatusCode::CONFLICT,
        Kind::TooMany => StatusCode::TOO_MANY_REQUESTS,
        Kind::Gone => StatusCode::GONE,
        Kind::Unauthorized => StatusCode::UNAUTHORIZED,
    }
}

/// The status of a use case's error: its refusal's, or 500 for a failure underneath.
pub(crate) fn status_for(error: &impl Explain) -> StatusCode {
    match error.explain() {
        Explained::Refused(refused) => status_of(refused.kind),
        Explained::Failed(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// A refusal's words in the reader's language.
pub(crate) fn words_in(words: &Words, lang: Lang) -> String {
    if words.args.is_empty() {
        lang.t(&words.key)
    } else {
        lang.t_with(&words.key, &words.args)
    }
}

/// What a use case's error says to a person: its refusal's words, or, for a failure underneath,
/// only that something went wrong.
pub(crate) trait Say {
    fn message(&self, lang: Lang) -> String;
}

impl<E: Explain> Say for E {
    fn message(&self, lang: Lang) -> String {
        match self.explain() {
            Explained::Refused(refused) => words_in(&refused.words, lang),
            Explained::Failed(_) => lang.t("error-internal-title"),
        }
    }
}

impl From<HashingError> for WebError {
    fn from(error: HashingError) -> Self {
        match error {
            HashingError::Busy => WebError::Crowded,
            other => WebError::Hashing(other),
        }
    }
}

/// Marks a response whose plain-text error body is meant for machines (`/readyz`), so it is
/// left alone.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PlainAnswer;

/// A path as a query parameter value: only what a path may hold passes unescaped.
fn encode_path(path: &str) -> String {
    path.bytes()
        .map(|byte| match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                char::from(byte).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// The router's answer for paths it does not know.
pub(crate) async fn not_found() -> WebError {
    WebError::NotFound
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiError;

    fn lost_every_race() -> WebError {
        WebError::Store(StoreError::Conflict {
            stream: "space-test".to_owned(),
            expected: 3,
            actual: 4,
        })
    }

    #[test]
    fn a_write_that_lost_every_race_is_busy_with_a_time_to_wait_never_a_500() {
        let page = lost_every_race().into_response();
        assert_eq!(page.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(page.headers()[header::RETRY_AFTER], "1");
        let api = ApiError::from_web(lost_every_race(), Lang::En).into_response();
        assert_eq!(api.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(api.headers()[header::RETRY_AFTER], "1");
    }
}
