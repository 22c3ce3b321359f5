//! Headers every response carries, and the guard against forms sent from other sites.

use axum::http::{HeaderName, HeaderValue, header};
use tower_http::csrf::CsrfLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// Nothing but our own stylesheet and script may load; no site may frame us; forms post only to
/// us. Inline scripts and styles are refused, so injected markup cannot run.
pub(crate) const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; \
     base-uri 'none'; frame-ancestors 'none'";

/// The headers set on every response, page or not. `Cache-Control` only where the handler set
/// none: pages are never stored, the fingerprinted assets are.
pub(crate) fn headers() -> Vec<SetResponseHeaderLayer<HeaderValue>> {
    let always = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        (
            HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
        // No location, camera or microphone, ever (DESIGN, Principles).
        (
            HeaderName::from_static("permissions-policy"),
            "geolocation=(), camera=(), microphone=(), interest-cohort=()",
        ),
    ];
    let mut layers: Vec<_> = always
        .into_iter()
        .map(|(name, value)| {
            SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
        })
        .collect();
    layers.push(SetResponseHeaderLayer::if_not_present(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    ));
    layers
}

/// Refuses state-changing requests from other origins (by `Sec-Fetch-Site`, else `Origin`
/// against `Host`) with a 403, which the error-page layer explains. A reverse proxy must pass
/// `Host` and `Origin` through unchanged.
pub(crate) fn cross_site_guard() -> CsrfLayer {
    CsrfLayer::new()
}
