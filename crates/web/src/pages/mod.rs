//! Server-rendered pages. Each module is one page or one form; all share the chrome: the
//! language, the quick exit and the asset links.

pub(crate) mod account;
pub(crate) mod accounts;
pub(crate) mod appreciations;
pub(crate) mod boundaries;
pub(crate) mod calendar;
pub(crate) mod checkins;
pub(crate) mod coach;
pub(crate) mod daily;
pub(crate) mod deletion;
pub(crate) mod export;
pub(crate) mod help;
pub(crate) mod home;
pub(crate) mod invites;
pub(crate) mod journal;
pub(crate) mod landing;
pub(crate) mod language;
pub(crate) mod patterns;
pub(crate) mod promises;
pub(crate) mod record;
pub(crate) mod recovery;
pub(crate) mod reminders;
pub(crate) mod repairs;
pub(crate) mod reset;
pub(crate) mod rituals;
pub(crate) mod spaces;
pub(crate) mod tokens;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::AppState;
use crate::assets;
use crate::auth::session;
use crate::error::WebError;
use crate::i18n::Lang;

/// What every page's frame needs.
pub(crate) struct Chrome {
    pub(crate) lang: Lang,
    pub(crate) quick_exit_url: String,
    /// This page's path, for the language switch to come back to.
    pub(crate) here: String,
    pub(crate) css: &'static str,
    pub(crate) js: &'static str,
    /// Whether to offer "sign out" rather than "sign in".
    pub(crate) signed_in: bool,
    /// A coach's account: the navigation leads to the spaces they coach.
    pub(crate) coach: bool,
}

impl Chrome {
    pub(crate) fn new(state: &AppState, lang: Lang, path: &str, signed_in: bool) -> Self {
        Self {
            lang,
            quick_exit_url: state.config.quick_exit_url.clone(),
            here: path.to_owned(),
            css: assets::css_url(),
            js: assets::js_url(),
            signed_in,
            coach: false,
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
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let caller = session::page_caller(parts, state).await?;
        let coach = caller.as_ref().is_some_and(|caller| caller.kind.is_coach());
        Ok(Chrome {
            coach,
            ..Chrome::new(
                state,
                Lang::of_request(parts),
                parts.uri.path(),
                caller.is_some(),
            )
        })
    }
}

/// Only a path on this site is a place to return to; anything else (another host, `//host`,
/// a backslash trick) goes to the start page.
pub(crate) fn local_path(next: Option<&str>) -> &str {
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
