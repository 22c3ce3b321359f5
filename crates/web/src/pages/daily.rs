//! The daily ritual as one short page: today's form (mood, one appreciation, tomorrow's plan, and
//! "keep this one to myself") above the last two weeks of entries the person may see — their
//! own, and their partner's shared ones. Nothing here counts days, written or missed.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use steadfast_core::daily::{DailyEntry, Mood};
use steadfast_core::{PersonId, SpaceId, Visibility};

use super::Chrome;
use super::promises::{parse_space, partner_name, space_name};
use crate::auth::session::SignedIn;
use crate::error::{Say, WebError, status_for};
use crate::i18n::Lang;
use crate::i18n::dates;
use crate::state::AppState;
use steadfast_app::rituals::{self, DailyInput, RitualError};

/// What the person typed, kept when it comes back.
#[derive(Deserialize, Default)]
pub(crate) struct DailyForm {
    #[serde(default)]
    mood: String,
    #[serde(default)]
    appreciation: String,
    #[serde(default)]
    plan: String,
    /// The "keep this one to myself" checkbox.
    #[serde(default)]
    private: Option<String>,
}

/// One mood radio button.
pub(crate) struct MoodChoice {
    value: u8,
    label: String,
    checked: bool,
}

/// One entry in the list.
pub(crate) struct EntryLine {
    day: String,
    who: String,
    mood: String,
    appreciation: Option<String>,
    plan: Option<String>,
    private: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "daily.html")]
pub(crate) struct DailyPage {
    chrome: Chrome,
    space_href: String,
    space_name: String,
    action: String,
    today: String,
    /// Whether today's entry exists: the form then replaces it.
    rewriting: bool,
    form: DailyForm,
    moods: Vec<MoodChoice>,
    entries: Vec<EntryLine>,
    error: Option<String>,
    error_field: &'static str,
}

impl DailyPage {
    fn error_on(&self, field: &str) -> bool {
        self.error.is_some() && self.error_field == field
    }

    fn message(&self) -> &str {
        self.error.as_deref().unwrap_or_default()
    }

    fn is_private(&self) -> bool {
        self.form.private.is_some()
    }
}

fn mood_words(mood: Mood, lang: Lang) -> String {
    lang.t(&format!("daily-mood-{}", mood.get()))
}

/// Today's form and the recent entries.
pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    Path(space): Path<String>,
) -> Result<DailyPage, WebError> {
    let space = parse_space(&space)?;
    daily_page(&state, caller.person, space, chrome, None, None).await
}

async fn daily_page(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    chrome: Chrome,
    typed: Option<DailyForm>,
    error: Option<&RitualError>,
) -> Result<DailyPage, WebError> {
    let lang = chrome.lang;
    let opened = rituals::open(state, person, space)
        .await
        .map_err(page_error)?;
    let today = rituals::today(&opened, state.now());
    let book = &opened.ledger().daily;
    let mine = book.get(person, today);
    let form = typed.unwrap_or_else(|| match mine {
        Some(entry) => DailyForm {
            mood: entry.written.mood.get().to_string(),
            appreciation: text_of(entry.written.appreciation.as_ref()).unwrap_or_default(),
            plan: text_of(entry.written.plan.as_ref()).unwrap_or_default(),
            private: (entry.visibility == Visibility::Private).then(|| "on".to_owned()),
        },
        None => DailyForm::default(),
    });
    let moods = (Mood::MIN..=Mood::MAX)
        .filter_map(|value| Mood::new(value).ok())
        .map(|mood| MoodChoice {
            value: mood.get(),
            label: mood_words(mood, lang),
            checked: form.mood.trim() == mood.get().to_string(),
        })
        .collect();
    let partner = partner_name(state, opened.partner, lang).await?;
    let entries = book
        .recent(rituals::daily_since(today), person)
        .into_iter()
        .map(|entry| entry_line(entry, person, &partner, today.year(), lang))
        .collect();
    Ok(DailyPage {
        space_href: format!("/spaces/{space}"),
        space_name: space_name(state, space).await?,
        action: format!("/spaces/{space}/daily"),
        today: dates::calendar_day(today, Some(today.year()), lang),
        rewriting: mine.is_some(),
        form,
        moods,
        entries,
        error: error.map(|e| e.message(lang)),
        error_field: error.map_or("", RitualError::field),
        chrome,
    })
}

fn text_of(text: Option<&steadfast_core::daily::DailyText>) -> Option<String> {
    text.map(|t| t.as_str().to_owned())
}

fn entry_line(
    entry: &DailyEntry,
    viewer: PersonId,
    partner: &str,
    this_year: i16,
    lang: Lang,
) -> EntryLine {
    EntryLine {
        day: dates::calendar_day(entry.day, Some(this_year), lang),
        who: if entry.author == viewer {
            lang.t("daily-you")
        } else {
            partner.to_owned()
        },
        mood: mood_words(entry.written.mood, lang),
        appreciation: text_of(entry.written.appreciation.as_ref()),
        plan: text_of(entry.written.plan.as_ref()),
        private: entry.visibility == Visibility::Private,
    }
}

fn page_error(error: RitualError) -> WebError {
    match error {
        RitualError::Failed(failure) => failure.into(),
        _ => WebError::NotFound,
    }
}

/// Writes today's entry, replacing today's earlier one; a mistake comes back in the form.
pub(crate) async fn write(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    Path(space): Path<String>,
    Form(form): Form<DailyForm>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let input = DailyInput {
        mood: form.mood.trim().parse().unwrap_or(0),
        appreciation: form.appreciation.clone(),
        plan: form.plan.clone(),
        private: form.private.is_some(),
    };
    let written = match input.read() {
        Ok(entry) => rituals::write_daily(&state, caller.person, space, entry).await,
        Err(error) => Err(error),
    };
    match written {
        Ok(_) => Ok(Redirect::to(&format!("/spaces/{space}/daily")).into_response()),
        Err(error @ RitualError::Invalid(_)) => {
            let page = daily_page(
                &state,
                caller.person,
                space,
                chrome,
                Some(form),
                Some(&error),
            )
            .await?;
            Ok((status_for(&error), page).into_response())
        }
        Err(error) => Err(page_error(error)),
    }
}
