//! The language switch: a plain form, so it works without JavaScript. The choice lives in a
//! cookie on this device only; nothing is stored on the server.

use axum::Form;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::error::WebError;
use crate::i18n::{LANGUAGE_COOKIE, Lang};

#[derive(Deserialize)]
pub(crate) struct Choice {
    lang: String,
    next: Option<String>,
}

const ONE_YEAR_SECONDS: u32 = 365 * 24 * 60 * 60;

pub(crate) async fn choose(Form(choice): Form<Choice>) -> Result<Response, WebError> {
    let lang = Lang::from_code(&choice.lang).ok_or(WebError::BadRequest)?;
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age={ONE_YEAR_SECONDS}; SameSite=Lax; HttpOnly",
        lang.code()
    );
    let cookie = HeaderValue::from_str(&cookie).map_err(|_| WebError::BadRequest)?;
    let back = local_path(choice.next.as_deref());
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(back)).into_response())
}

/// Only a path on this site is a place to return to; anything else (another host, `//host`,
/// a backslash trick) goes to the start page.
fn local_path(next: Option<&str>) -> &str {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control) =>
        {
            path
        }
        _ => "/",
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path(Some("/")), "/");
        assert_eq!(local_path(Some("/spaces/1")), "/spaces/1");
        for outside in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "evil",
            "/a\nb",
            "",
        ] {
            assert_eq!(local_path(Some(outside)), "/", "{outside:?}");
        }
        assert_eq!(local_path(None), "/");
    }
}
