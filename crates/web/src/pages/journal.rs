//! The private journal's pages: the list with a form for a new entry (free, or answering one of
//! our prompts), and one entry to edit or delete. Only the author ever reaches them: every page
//! reads the signed-in person's own stream.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use steadfast_core::PersonId;
use steadfast_core::journal::{JournalEntry, Prompt, PromptGroup};

use super::Chrome;
use super::promises::Zone;
use crate::auth::session::SignedIn;
use crate::error::{Say, WebError, status_for};
use crate::i18n::Lang;
use crate::state::AppState;
use steadfast_app::journal::{self, JournalError};

/// What the person typed, kept when it comes back.
#[derive(Deserialize, Default)]
pub(crate) struct EntryForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    prompt: String,
}

#[derive(Deserialize, Default)]
pub(crate) struct PromptQuery {
    prompt: Option<String>,
}

/// One prompt to choose.
pub(crate) struct PromptLink {
    href: String,
    text: String,
}

pub(crate) struct PromptGroupView {
    heading: String,
    lead: String,
    prompts: Vec<PromptLink>,
}

/// One entry in the list.
pub(crate) struct EntryLine {
    href: String,
    when: String,
    prompt: Option<String>,
    text: String,
    edited: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "journal.html")]
pub(crate) struct JournalPage {
    chrome: Chrome,
    groups: Vec<PromptGroupView>,
    /// The chosen prompt's name ("" for a free entry), its words and hint.
    prompt: String,
    prompt_text: Option<String>,
    prompt_hint: Option<String>,
    form: EntryForm,
    entries: Vec<EntryLine>,
    error: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "journal_entry.html")]
pub(crate) struct EntryPage {
    chrome: Chrome,
    action: String,
    delete_action: String,
    when: String,
    prompt_text: Option<String>,
    text: String,
    error: Option<String>,
}

fn prompt_words(prompt: Option<Prompt>, lang: Lang) -> Option<String> {
    prompt.map(|p| lang.t(&p.locale_id()))
}

fn page_error(error: JournalError) -> WebError {
    match error {
        JournalError::Failed(failure) => failure.into(),
        _ => WebError::NotFound,
    }
}

fn entry_line(entry: &JournalEntry, zone: &Zone, lang: Lang) -> EntryLine {
    EntryLine {
        href: format!("/journal/{}", entry.id),
        when: zone.show(entry.written_at, lang),
        prompt: prompt_words(entry.prompt, lang),
        text: entry.text.as_str().to_owned(),
        edited: entry.edited_at.is_some(),
    }
}

async fn journal_page(
    state: &AppState,
    person: PersonId,
    chrome: Chrome,
    zone: &Zone,
    form: EntryForm,
    error: Option<&JournalError>,
) -> Result<JournalPage, WebError> {
    let lang = chrome.lang;
    let (book, _) = journal::book(state, person).await.map_err(page_error)?;
    let chosen = Prompt::from_name(form.prompt.trim());
    let groups = PromptGroup::ALL
        .into_iter()
        .map(|group| {
            let name = group.as_str().replace('_', "-");
            PromptGroupView {
                heading: lang.t(&format!("journal-group-{name}")),
                lead: lang.t(&format!("journal-group-{name}-lead")),
                prompts: Prompt::ALL
                    .into_iter()
                    .filter(|p| p.group() == group)
                    .map(|p| PromptLink {
                        href: format!("/journal?prompt={}#write", p.as_str()),
                        text: lang.t(&p.locale_id()),
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(JournalPage {
        groups,
        prompt: chosen.map_or("", Prompt::as_str).to_owned(),
        prompt_text: prompt_words(chosen, lang),
        prompt_hint: chosen.map(|p| lang.t(&p.hint_id())),
        entries: book
            .all()
            .iter()
            .rev()
            .map(|e| entry_line(e, zone, lang))
            .collect(),
        form,
        error: error.map(|e| e.message(lang)),
        chrome,
    })
}

/// The journal: prompts, the form, and the entries, newest first.
pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Query(query): Query<PromptQuery>,
) -> Result<JournalPage, WebError> {
    let form = EntryForm {
        text: String::new(),
        prompt: query.prompt.unwrap_or_default(),
    };
    journal_page(&state, caller.person, chrome, &zone, form, None).await
}

/// Writes a new entry; a mistake comes back in the form with the words kept.
pub(crate) async fn write(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Form(form): Form<EntryForm>,
) -> Result<Response, WebError> {
    let written = async {
        let prompt = journal::parse_prompt(&form.prompt)?;
        let text = journal::parse_text(&form.text)?;
        journal::add(&state, caller.person, prompt, text).await
    }
    .await;
    match written {
        Ok(_) => Ok(Redirect::to("/journal").into_response()),
        Err(error @ (JournalError::Text(_) | JournalError::Prompt)) => {
            let page =
                journal_page(&state, caller.person, chrome, &zone, form, Some(&error)).await?;
            Ok((status_for(&error), page).into_response())
        }
        Err(error) => Err(page_error(error)),
    }
}

async fn entry_page(
    state: &AppState,
    person: PersonId,
    chrome: Chrome,
    zone: &Zone,
    id: &str,
    typed: Option<String>,
    error: Option<&JournalError>,
) -> Result<EntryPage, WebError> {
    let lang = chrome.lang;
    let id = journal::parse_entry(id).map_err(page_error)?;
    let (book, _) = journal::book(state, person).await.map_err(page_error)?;
    let entry = book.get(id).ok_or(WebError::NotFound)?;
    Ok(EntryPage {
        action: format!("/journal/{id}"),
        delete_action: format!("/journal/{id}/delete"),
        when: zone.show(entry.written_at, lang),
        prompt_text: prompt_words(entry.prompt, lang),
        text: typed.unwrap_or_else(|| entry.text.as_str().to_owned()),
        error: error.map(|e| e.message(lang)),
        chrome,
    })
}

/// One entry, to read again, change or delete.
pub(crate) async fn entry(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(id): Path<String>,
) -> Result<EntryPage, WebError> {
    entry_page(&state, caller.person, chrome, &zone, &id, None, None).await
}

/// New words for an entry.
pub(crate) async fn edit(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(id): Path<String>,
    Form(form): Form<EntryForm>,
) -> Result<Response, WebError> {
    let entry = journal::parse_entry(&id).map_err(page_error)?;
    let edited = match journal::parse_text(&form.text) {
        Ok(text) => journal::edit(&state, caller.person, entry, text).await,
        Err(error) => Err(error),
    };
    match edited {
        Ok(_) => Ok(Redirect::to("/journal").into_response()),
        Err(error @ JournalError::Text(_)) => {
            let page = entry_page(
                &state,
                caller.person,
                chrome,
                &zone,
                &id,
                Some(form.text),
                Some(&error),
            )
            .await?;
            Ok((status_for(&error), page).into_response())
        }
        Err(error) => Err(page_error(error)),
    }
}

/// Deletes an entry.
pub(crate) async fn delete(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let entry = journal::parse_entry(&id).map_err(page_error)?;
    journal::delete(&state, caller.person, entry)
        .await
        .map_err(page_error)?;
    Ok(Redirect::to("/journal").into_response())
}
