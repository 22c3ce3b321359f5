//! The language switch: a plain form, so it works without JavaScript. The choice lives in a
//! cookie on this device only; nothing is stored on the server.

use axum::Form;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::error::WebError;
use crate::i18n::{LANGUAGE_COOKIE, Lang};
use crate::pages::local_path;

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

#[cfg(test)]
mod tests {
    use crate::pages::local_path;

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
