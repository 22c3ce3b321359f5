//! Server-rendered pages. Each module is one page or one form; all share the chrome: the
//! language, the quick exit and the asset links.

pub(crate) mod home;
pub(crate) mod language;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::AppState;
use crate::assets;
use crate::i18n::Lang;

/// What every page's frame needs.
pub(crate) struct Chrome {
    pub(crate) lang: Lang,
    pub(crate) quick_exit_url: String,
    /// This page's path, for the language switch to come back to.
    pub(crate) here: String,
    pub(crate) css: &'static str,
    pub(crate) js: &'static str,
}

impl Chrome {
    pub(crate) fn new(state: &AppState, lang: Lang, path: &str) -> Self {
        Self {
            lang,
            quick_exit_url: state.config.quick_exit_url.clone(),
            here: path.to_owned(),
            css: assets::css_url(),
            js: assets::js_url(),
        }
    }

    pub(crate) fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub(crate) fn languages(&self) -> [Lang; 2] {
        Lang::ALL
    }
}

impl FromRequestParts<AppState> for Chrome {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Chrome::new(
            state,
            Lang::of_request(parts),
            parts.uri.path(),
        ))
    }
}
