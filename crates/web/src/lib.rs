//! Steadfast over HTTP: server-rendered pages that work without JavaScript, the operational
//! endpoints, and (in later issues) the JSON API. Handlers stay thin: the rules live in
//! `steadfast-core`, persistence in `steadfast-store`.

#![forbid(unsafe_code)]

mod assets;
mod error;
mod i18n;
mod ops;
mod pages;
mod security;

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Router, middleware};
use steadfast_store::Store;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

pub use i18n::Lang;
pub use ops::metrics_handle;

/// Settings of the web side that an operator may change.
#[derive(Clone, Debug)]
pub struct WebConfig {
    /// Where the quick-exit control leads: an ordinary, harmless page.
    pub quick_exit_url: String,
    /// The longest a request may take before it is answered with a timeout.
    pub request_timeout: Duration,
    /// The largest request body accepted, in bytes.
    pub body_limit: usize,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            quick_exit_url: "https://www.google.com/search?q=weather".to_owned(),
            request_timeout: Duration::from_secs(30),
            body_limit: 64 * 1024,
        }
    }
}

#[derive(Clone)]
pub(crate) struct AppState {
    pub(crate) store: Store,
    pub(crate) config: Arc<WebConfig>,
}

/// The whole application as one router, ready for `axum::serve`.
pub fn app(store: Store, config: WebConfig) -> Router {
    // Install the recorder before the first request, so nothing counted is lost.
    metrics_handle();
    let state = AppState {
        store,
        config: Arc::new(config),
    };
    let mut router = Router::new()
        .route("/", get(pages::home::show))
        .route("/language", post(pages::language::choose))
        .route("/static/app.css", get(assets::css))
        .route("/static/app.js", get(assets::js))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .fallback(error::not_found)
        .route_layer(middleware::from_fn(ops::track_requests))
        // Innermost first: the guards run before any handler, and their refusals, timeouts and
        // panics all pass through the error-page layer, which the headers then cover.
        .layer(RequestBodyLimitLayer::new(state.config.body_limit))
        .layer(security::cross_site_guard())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            state.config.request_timeout,
        ))
        .layer(CatchPanicLayer::custom(|_| {
            error::ErrorPage::Internal.response()
        }))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            error::error_pages,
        ));
    for layer in security::headers() {
        router = router.layer(layer);
    }
    router.with_state(state)
}
