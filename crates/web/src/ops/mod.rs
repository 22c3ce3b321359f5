//! What operators and their monitoring ask: is the process up, can it reach its database, and
//! its figures in Prometheus' text format.

pub(crate) mod maintenance;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

use crate::error::PlainAnswer;
use crate::state::AppState;

/// The process-wide metrics recorder, installed on first use.
pub fn metrics_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new().build_recorder();
            let handle = recorder.handle();
            // Another recorder may already be installed (a test harness); ours still renders.
            let _ = metrics::set_global_recorder(recorder);
            handle
        })
        .clone()
}

pub(crate) async fn healthz() -> &'static str {
    "ok"
}

pub(crate) async fn readyz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(error) => {
            tracing::warn!(%error, "readiness check: the database does not answer");
            let mut response = (
                StatusCode::SERVICE_UNAVAILABLE,
                "the database does not answer",
            )
                .into_response();
            response.extensions_mut().insert(PlainAnswer);
            response
        }
    }
}

/// The operator's metrics, as a router of its own: `/metrics` and nothing else, for a listener
/// the operator chooses (`--metrics-listen`), never the public one. The partner is an adversary
/// too, and at home one of the two partners is often the operator: what is counted here must not
/// tell them what the other did (docs/PRINCIPLES.md, principle 1), so requests are counted only under the
/// coarse labels of `RequestCounts`.
pub(crate) fn router(counts: Arc<RequestCounts>) -> Router {
    Router::new()
        .route(
            "/metrics",
            get(move || {
                let counts = Arc::clone(&counts);
                async move { render(&counts) }
            }),
        )
        .fallback(|| async { StatusCode::NOT_FOUND })
}

fn render(counts: &RequestCounts) -> impl IntoResponse + use<> {
    let mut text = counts.render();
    text.push_str(&metrics_handle().render());
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text)
}

/// What a request is counted as. Only these labels exist, and none of them reveals what a person
/// did: every page (the journal, help, the safety question, leaving, deleting an account, the
/// export …) is `page`, every JSON call `api`. A label per route would let whoever reads the
/// figures diff them and watch the other partner open the help page or prepare to leave.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// The stylesheet and the script: the same for everyone.
    Static,
    /// `/healthz` and `/readyz`, asked by monitoring, not people.
    Ops,
    /// Any JSON call under `/api/`.
    Api,
    /// Any page or form, private or not.
    Page,
    /// No route matched (a 404).
    Unmatched,
}

impl Kind {
    fn of(route: Option<&str>) -> Kind {
        match route {
            None => Kind::Unmatched,
            Some(route) if route.starts_with("/static/") => Kind::Static,
            Some("/healthz" | "/readyz") => Kind::Ops,
            Some(route) if route.starts_with("/api/") => Kind::Api,
            Some(_) => Kind::Page,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Kind::Static => "static",
            Kind::Ops => "ops",
            Kind::Api => "api",
            Kind::Page => "page",
            Kind::Unmatched => "unmatched",
        }
    }
}

/// Requests counted by kind, method and status class (`2xx` …): the class, not the code, so a
/// refusal particular to one private route cannot stand out. No durations: how long a request
/// took is itself a trace (an export takes longer than a page).
#[derive(Default)]
pub(crate) struct RequestCounts(Mutex<BTreeMap<(Kind, &'static str, &'static str), u64>>);

impl RequestCounts {
    fn count(&self, kind: Kind, method: &Method, status: StatusCode) {
        let method = match *method {
            Method::GET => "GET",
            Method::HEAD => "HEAD",
            Method::POST => "POST",
            Method::PUT => "PUT",
            Method::PATCH => "PATCH",
            Method::DELETE => "DELETE",
            Method::OPTIONS => "OPTIONS",
            _ => "other",
        };
        let class = match status.as_u16() {
            100..=199 => "1xx",
            200..=299 => "2xx",
            300..=399 => "3xx",
            400..=499 => "4xx",
            _ => "5xx",
        };
        // A poisoned lock only means another request panicked while counting; the counts stand.
        let mut counts = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        *counts.entry((kind, method, class)).or_default() += 1;
    }

    fn render(&self) -> String {
        let counts = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let mut text = String::from(
            "# HELP steadfast_http_requests_total Requests answered, by kind (static, ops, api, \
             page, unmatched), method and status class.\n\
             # TYPE steadfast_http_requests_total counter\n",
        );
        for ((kind, method, class), count) in counts.iter() {
            let _ = writeln!(
                text,
                "steadfast_http_requests_total{{kind=\"{}\",method=\"{method}\",status=\"{class}\"}} {count}",
                kind.label()
            );
        }
        text.push('\n');
        text
    }
}

/// Counts each request under its coarse kind (see `Kind`).
pub(crate) async fn track_requests(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let kind = Kind::of(
        request
            .extensions()
            .get::<MatchedPath>()
            .map(MatchedPath::as_str),
    );
    let method = request.method().clone();
    let response = next.run(request).await;
    state.requests.count(kind, &method, response.status());
    response
}
