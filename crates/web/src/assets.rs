//! The stylesheet and the script, built into the binary. Their URLs carry a hash of their
//! content, so browsers may keep them for a year and still never use a stale copy.

use std::sync::LazyLock;

use axum::http::header;
use axum::response::IntoResponse;

const CSS: &str = include_str!("../assets/app.css");
const JS: &str = include_str!("../assets/app.js");

static CSS_URL: LazyLock<String> =
    LazyLock::new(|| format!("/static/app.css?v={}", fingerprint(CSS)));
static JS_URL: LazyLock<String> = LazyLock::new(|| format!("/static/app.js?v={}", fingerprint(JS)));

pub(crate) fn css_url() -> &'static str {
    &CSS_URL
}

pub(crate) fn js_url() -> &'static str {
    &JS_URL
}

/// FNV-1a: stable across builds and platforms, enough to tell two versions of a file apart.
fn fingerprint(content: &str) -> String {
    let hash = content
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{hash:016x}")
}

const CACHE_FOR_A_YEAR: &str = "public, max-age=31536000, immutable";

pub(crate) async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE_FOR_A_YEAR),
        ],
        CSS,
    )
}

pub(crate) async fn js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE_FOR_A_YEAR),
        ],
        JS,
    )
}
