//! Headers every response carries, and the guard against forms sent from other sites.

use axum::http::{HeaderName, HeaderValue, header};
use tower_http::csrf::CsrfLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// Nothing but our own stylesheet and script may load; no site may frame us; forms post only to
/// us, and to the quick exit's page: the quick exit is a form that ends the session and is
/// redirected there, and browsers hold a form's redirects to `form-action` too. Inline scripts
/// and styles are refused, so injected markup cannot run.
pub(crate) fn content_security_policy(quick_exit_url: &str) -> String {
    let exit = origin(quick_exit_url)
        .map(|origin| format!(" {origin}"))
        .unwrap_or_default();
    format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
         connect-src 'self'; form-action 'self'{exit}; base-uri 'none'; frame-ancestors 'none'"
    )
}

/// `https://weather.example:8443` of `https://weather.example:8443/today?x`; `None` for anything
/// but a plain http(s) address, so nothing else can slip into the policy.
fn origin(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest.get(..host_len)?;
    let plain = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !plain {
        return None;
    }
    url.get(..url.len() - rest.len() + host_len)
}

/// The headers set on every response, page or not. `Cache-Control` only where the handler set
/// none: pages are never stored, the fingerprinted assets are.
pub(crate) fn headers(quick_exit_url: &str) -> Vec<SetResponseHeaderLayer<HeaderValue>> {
    let policy = HeaderValue::from_str(&content_security_policy(quick_exit_url))
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"));
    let always = [
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
        // No location, camera or microphone, ever (docs/PRINCIPLES.md, Principles).
        (
            HeaderName::from_static("permissions-policy"),
            "geolocation=(), camera=(), microphone=(), interest-cohort=()",
        ),
    ];
    let mut layers = vec![SetResponseHeaderLayer::overriding(
        header::CONTENT_SECURITY_POLICY,
        policy,
    )];
    layers.extend(always.into_iter().map(|(name, value)| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    }));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_may_go_to_the_quick_exits_site_only() {
        let policy = content_security_policy("https://weather.example:8443/today?q=rain");
        assert!(
            policy.contains("form-action 'self' https://weather.example:8443;"),
            "{policy}"
        );
        for odd in [
            "javascript:alert(1)",
            "https://a.example;script-src *",
            "https:///x",
        ] {
            assert!(
                content_security_policy(odd).contains("form-action 'self';"),
                "{odd}"
            );
        }
    }
}
