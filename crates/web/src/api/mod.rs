//! The JSON API under `/api/v1`: the same operations as the pages, for outside clients. Errors
//! are `{"error": "<stable_snake_case_code>", "message": "<words a person understands>"}`.

pub(crate) mod accounts;
pub(crate) mod appreciations;
pub(crate) mod boundaries;
pub(crate) mod calendar;
pub(crate) mod checkins;
pub(crate) mod coach;
pub(crate) mod daily;
pub(crate) mod export;
pub(crate) mod gentle;
pub(crate) mod journal;
pub(crate) mod me;
pub(crate) mod openapi;
pub(crate) mod patterns;
pub(crate) mod promises;
pub(crate) mod record;
pub(crate) mod recovery;
pub(crate) mod reminders;
pub(crate) mod repairs;
pub(crate) mod rituals;
pub(crate) mod spaces;
pub(crate) mod tokens;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Serialize};
use steadfast_app::{Explain, Explained, Failure};
use steadfast_store::StoreError;

use crate::auth::limits::TooMany;
use crate::auth::session::{self, Caller};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::state::AppState;

/// An API error: its status, a code clients may match on, and a message for people.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    retry_after: Option<u64>,
}

/// Every API error: a stable code to match on and words for a person.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ErrorBody {
    /// Stable, snake_case; new codes may appear, existing ones keep their meaning.
    error: String,
    /// In the language of `Accept-Language` (English or Polish).
    message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    /// The same error, asking the client to wait this many seconds (`Retry-After`).
    pub(crate) fn retry_after(self, seconds: u64) -> Self {
        Self {
            retry_after: Some(seconds),
            ..self
        }
    }

    /// The API's answer for anything a use case did not do: its refusal, with the status of its
    /// kind, or the answer for the failure underneath.
    pub(crate) fn from_app(error: impl Explain, lang: Lang) -> Self {
        match error.explain() {
            Explained::Refused(refused) => Self::new(
                crate::error::status_of(refused.kind),
                refused.code,
                crate::error::words_in(&refused.words, lang),
            ),
            Explained::Failed(failure) => Self::from_failure(failure, lang),
        }
    }

    /// The API's answer when a rate-limited door refused the knock.
    pub(crate) fn too_many(too_many: TooMany, lang: Lang) -> Self {
        Self::from_web(WebError::TooMany(too_many), lang)
    }

    /// The API's answer for a failure underneath: busy after losing every race, a moment's
    /// wait when the hashing queue is full, otherwise an internal error (logged with the
    /// request's reference; the client learns only that it failed).
    fn from_failure(failure: &Failure, lang: Lang) -> Self {
        match failure {
            Failure::Crowded => Self {
                retry_after: Some(steadfast_app::passwords::CROWDED_RETRY_AFTER.as_secs()),
                ..Self::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "try_again_shortly",
                    lang.t("error-crowded-text"),
                )
            },
            Failure::Store(StoreError::Conflict { .. }) => {
                tracing::warn!(error = %failure, "a write lost every race; answered busy");
                Self {
                    retry_after: Some(crate::error::BUSY_RETRY_AFTER.as_secs()),
                    ..Self::new(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "busy",
                        lang.t("error-busy-text"),
                    )
                }
            }
            internal => {
                tracing::error!(error = %internal, "internal error");
                Self::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    lang.t("error-internal-title"),
                )
            }
        }
    }

    /// The API's answer for any error a page would show as an error page.
    pub(crate) fn from_web(error: WebError, lang: Lang) -> Self {
        match error {
            WebError::NotFound => Self::new(
                StatusCode::NOT_FOUND,
                "not_found",
                lang.t("error-not-found-title"),
            ),
            WebError::BadRequest => Self::new(
                StatusCode::BAD_REQUEST,
                "bad_request",
                lang.t("error-bad-request-text"),
            ),
            WebError::SignInNeeded { .. } => Self::new(
                StatusCode::UNAUTHORIZED,
                "sign_in_needed",
                lang.t("api-sign-in-needed"),
            ),
            WebError::TooMany(too_many) => Self {
                retry_after: Some(too_many.retry_after.as_secs()),
                ..Self::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "too_many_requests",
                    lang.t_count("error-too-many-text", too_many.minutes()),
                )
            },
            WebError::Crowded => Self::from_failure(&Failure::Crowded, lang),
            WebError::Store(error) => Self::from_failure(&Failure::Store(error), lang),
            WebError::Hashing(error) => Self::from_failure(&Failure::Hashing(error), lang),
            WebError::Randomness => Self::from_failure(&Failure::Randomness, lang),
            WebError::Template(error) => {
                tracing::error!(%error, "internal error");
                Self::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    lang.t("error-internal-title"),
                )
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: self.code.to_owned(),
            message: self.message,
        };
        let mut response = (self.status, Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// A JSON body whose rejections are API errors too, never a plain-text parser message.
pub(crate) struct ApiJson<T>(pub(crate) T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = lang_of(request.headers());
        if !is_json(request.headers()) {
            return Err(json_expected(lang));
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|_| too_large(lang))?;
        parse_body(&bytes)
            .map(ApiJson)
            .map_err(|_| invalid_body(lang))
    }
}

/// A JSON body a client may leave out: no body, an empty one or `null` reads as `T::default()`. A
/// body that is there is held to what [`ApiJson`] holds it to.
pub(crate) struct OptionalJson<T>(pub(crate) T);

impl<T: DeserializeOwned + Default> FromRequest<AppState> for OptionalJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = lang_of(request.headers());
        let is_json = is_json(request.headers());
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|_| too_large(lang))?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(OptionalJson(T::default()));
        }
        if !is_json {
            return Err(json_expected(lang));
        }
        parse_body::<Option<T>>(&bytes)
            .map(|value| OptionalJson(value.unwrap_or_default()))
            .map_err(|_| invalid_body(lang))
    }
}

/// A JSON body as `T`. The document calls whole numbers `integer`, and JSON Schema counts `5.0`
/// as one, so a number with nothing after the point is taken where an integer is expected.
pub(crate) fn parse_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, serde_json::Error> {
    serde_json::from_slice(bytes).or_else(|error| {
        // Only a refused body pays for the second look.
        let mut value: serde_json::Value = serde_json::from_slice(bytes).map_err(|_| error)?;
        if !whole_floats_to_integers(&mut value) {
            return Err(serde_json::Error::custom("not of the documented shape"));
        }
        serde_json::from_value(value)
    })
}

/// Turns `5.0` into `5` throughout; says whether anything changed.
fn whole_floats_to_integers(value: &mut serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::Number(number) if number.is_f64() => {
            let Some(float) = number.as_f64() else {
                return false;
            };
            // Exactly representable and in range: i64::MIN is -2^63, and 2^63 is one past the top.
            let in_range =
                (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&float);
            if float.fract() == 0.0 && in_range {
                // In range and whole, so the cast is exact.
                *value = Value::from(float as i64);
                true
            } else {
                false
            }
        }
        // Every item is visited (no short cut): each whole float must become an integer.
        Value::Array(items) => {
            let mut changed = false;
            for item in items {
                changed |= whole_floats_to_integers(item);
            }
            changed
        }
        Value::Object(fields) => {
            let mut changed = false;
            for item in fields.values_mut() {
                changed |= whole_floats_to_integers(item);
            }
            changed
        }
        _ => false,
    }
}

/// `application/json`, or a `+json` type, as axum's `Json` takes them.
fn is_json(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(|essence| essence.trim().to_ascii_lowercase())
        .is_some_and(|essence| {
            essence == "application/json"
                || (essence.starts_with("application/") && essence.ends_with("+json"))
        })
}

fn json_expected(lang: Lang) -> ApiError {
    ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "json_expected",
        lang.t("api-json-expected"),
    )
}

fn too_large(lang: Lang) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
        lang.t("error-too-large-text"),
    )
}

fn invalid_body(lang: Lang) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_body",
        lang.t("api-invalid-body"),
    )
}

/// The signed-in caller of an API route, by session cookie or bearer token.
pub(crate) struct ApiCaller(pub(crate) Caller);

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let lang = lang_of(&parts.headers);
        match session::caller(parts, state).await {
            Ok(Some(caller)) => Ok(ApiCaller(caller)),
            Ok(None) => Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "sign_in_needed",
                lang.t("api-sign-in-needed"),
            )),
            Err(error) => Err(ApiError::from_web(error, lang)),
        }
    }
}

/// API messages follow `Accept-Language`; the language cookie is for pages.
pub(crate) fn lang_of(headers: &axum::http::HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map_or(Lang::En, Lang::negotiate)
}

/// Unknown paths under `/api/`.
pub(crate) async fn not_found(headers: axum::http::HeaderMap) -> ApiError {
    ApiError::from_web(WebError::NotFound, lang_of(&headers))
}

/// `?limit=&after=` on a list that grows with writes: one page of it at a time, so neither
/// partner can make the other's answers heavy by writing a lot.
#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct Paging {
    /// How many items to answer: 1–200, 50 when left out.
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// The `id` of the last item of the page before, as `next` gives it; leave out for the
    /// first page.
    after: Option<String>,
}

/// Items a page answers when `limit` is left out, and the most it may ask for.
const PAGE_LIMIT: usize = 50;
const MAX_PAGE_LIMIT: usize = 200;

/// One page of a list, and where the next one starts.
pub(crate) struct Paged<T> {
    pub(crate) items: Vec<T>,
    /// The `after` of the next page (the last item's id), while there is one. A cursor, not a
    /// link: the caller keeps its own `limit`.
    pub(crate) next: Option<String>,
}

impl Paging {
    /// The page of `items` (in the list's own order) this asks for; `id` names each item as
    /// `after` does. An `after` that names no item of the list is not found, never guessed at.
    pub(crate) fn page<T>(
        &self,
        items: Vec<T>,
        id: impl Fn(&T) -> String,
        lang: Lang,
    ) -> Result<Paged<T>, ApiError> {
        let limit = match self.limit {
            None => PAGE_LIMIT,
            Some(limit) => usize::try_from(limit)
                .ok()
                .filter(|limit| (1..=MAX_PAGE_LIMIT).contains(limit))
                .ok_or_else(|| {
                    ApiError::new(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "limit_invalid",
                        lang.t_with("api-limit-invalid", &[("max", MAX_PAGE_LIMIT.to_string())]),
                    )
                })?,
        };
        // `after=` with nothing after it is how a form or a link writes "no cursor".
        let start = match self.after.as_deref().filter(|after| !after.is_empty()) {
            None => 0,
            Some(after) => {
                items
                    .iter()
                    .position(|item| id(item) == after)
                    .ok_or_else(|| {
                        ApiError::new(
                            StatusCode::NOT_FOUND,
                            "cursor_not_found",
                            lang.t("api-cursor-invalid"),
                        )
                    })?
                    + 1
            }
        };
        let more = items.len() > start.saturating_add(limit);
        let items: Vec<T> = items.into_iter().skip(start).take(limit).collect();
        let next = match items.last() {
            Some(last) if more => Some(id(last)),
            _ => None,
        };
        Ok(Paged { items, next })
    }
}
