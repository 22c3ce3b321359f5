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
pub(crate) mod gentle;
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
pub(crate) mod start;
pub(crate) mod tokens;
pub(crate) mod zone;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::assets;
use crate::auth::session;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::state::AppState;

/// What every page's frame needs.
#[derive(Clone)]
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
    /// The viewer's time zone, for times on pages that belong to no space (the account page).
    pub(crate) zone: promises::Zone,
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
            zone: promises::Zone::unreported(state.now()),
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
            zone: promises::Zone::of_request(parts, state.now()),
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

/// How many items a page lists of a list that grows with every write (promises, entries,
/// appreciations…), so neither partner can make the other's page heavy by writing a lot.
pub(crate) const PAGE_SIZE: usize = 50;

/// `?page=N` on a paged list: 1 (the newest) unless a plain number above it is given.
#[derive(serde::Deserialize, Default)]
pub(crate) struct PageQuery {
    #[serde(default)]
    page: Option<String>,
}

impl PageQuery {
    pub(crate) fn number(&self) -> usize {
        self.page
            .as_deref()
            .and_then(|page| page.trim().parse::<usize>().ok())
            .filter(|&page| page >= 1)
            .unwrap_or(1)
    }
}

/// The `page`th window of `size` items (from 1), and whether any come after it.
pub(crate) fn window<T>(items: Vec<T>, page: usize, size: usize) -> (Vec<T>, bool) {
    let skip = page.saturating_sub(1).saturating_mul(size);
    let more = items.len() > skip.saturating_add(size);
    (items.into_iter().skip(skip).take(size).collect(), more)
}

/// Links between the pages of a list: to the one before, and to the one after.
#[derive(Default)]
pub(crate) struct Pager {
    pub(crate) previous: Option<String>,
    pub(crate) next: Option<String>,
}

impl Pager {
    /// The links from page `page` of the list at `path`, when there is a page that way.
    pub(crate) fn new(path: &str, page: usize, more: bool) -> Self {
        let at = |n: usize| {
            if n <= 1 {
                path.to_owned()
            } else {
                format!("{path}?page={n}")
            }
        };
        Pager {
            previous: (page > 1).then(|| at(page - 1)),
            next: more.then(|| at(page + 1)),
        }
    }
}

/// The second step of a heavy action (recording a promise broken, moving a repair on): what is
/// about to be recorded, with a button that sends the same form again, confirmed, and a way back.
/// Plain HTML, so it works without JavaScript.
#[derive(askama::Template, askama_web::WebTemplate)]
#[template(path = "confirm_step.html")]
pub(crate) struct ConfirmStep {
    pub(crate) chrome: Chrome,
    pub(crate) title: String,
    pub(crate) lead: String,
    pub(crate) details: Vec<String>,
    /// Where the confirmed form goes: the step's own address.
    pub(crate) action: String,
    /// What was typed, sent again as it was.
    pub(crate) fields: Vec<(&'static str, String)>,
    pub(crate) submit: String,
    pub(crate) back: String,
    pub(crate) back_label: String,
}

/// Whether a posted heavy step carries its confirmation.
pub(crate) fn confirmed(value: Option<&str>) -> bool {
    value == Some("yes")
}
