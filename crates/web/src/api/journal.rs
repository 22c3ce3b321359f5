//! The private journal over JSON. Only its author ever reaches an entry: every route reads the
//! caller's own stream, so anyone else's entry id is simply not found.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};
use steadfast_core::journal::{JournalEntry, Prompt};

use super::{ApiCaller, ApiError, ApiJson, lang_of};
use crate::i18n::times::rfc3339;
use crate::state::AppState;
use steadfast_app::journal::{self, JournalError};

/// A new entry.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct NewEntryBody {
    /// What you write: 1–10 000 characters, line breaks allowed.
    text: String,
    /// The prompt it answers (a `name` from `GET /api/v1/journal/prompts`); leave out for a free
    /// entry.
    prompt: Option<String>,
}

/// New words for an entry.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct EditEntryBody {
    /// 1–10 000 characters, line breaks allowed.
    text: String,
}

/// One entry of your journal.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct EntryView {
    id: String,
    /// The prompt's name, or `null` for a free entry.
    prompt: Option<String>,
    text: String,
    /// RFC 3339, UTC.
    written_at: String,
    /// RFC 3339, UTC; `null` if never edited.
    edited_at: Option<String>,
}

/// Your journal, newest entry first.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct JournalList {
    entries: Vec<EntryView>,
}

/// One prompt, in the language of `Accept-Language`.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct PromptView {
    /// Give this as `prompt` when writing.
    name: String,
    /// `inner_work` or `after_hurt`.
    group: String,
    text: String,
    hint: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct PromptList {
    prompts: Vec<PromptView>,
}

pub(crate) fn entry_view(entry: &JournalEntry) -> EntryView {
    EntryView {
        id: entry.id.to_string(),
        prompt: entry.prompt.map(|p| p.as_str().to_owned()),
        text: entry.text.as_str().to_owned(),
        written_at: rfc3339(entry.written_at),
        edited_at: entry.edited_at.map(rfc3339),
    }
}

async fn one(
    state: &AppState,
    person: steadfast_core::PersonId,
    id: steadfast_core::id::JournalEntryId,
) -> Result<EntryView, JournalError> {
    let (book, _) = journal::book(state, person).await?;
    book.get(id).map(entry_view).ok_or(JournalError::NotFound)
}

#[utoipa::path(get, path = "/journal", tag = "journal", security(("session" = []), ("token" = [])),
    responses(
        (status = 200, body = JournalList),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
    ))]
/// Your private journal, newest entry first. Nobody else can read it or learn that it exists.
pub(crate) async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
) -> Result<Json<JournalList>, ApiError> {
    let (book, _) = journal::book(&state, caller.person)
        .await
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))?;
    Ok(Json(JournalList {
        entries: book.all().iter().rev().map(entry_view).collect(),
    }))
}

#[utoipa::path(post, path = "/journal", tag = "journal", request_body = NewEntryBody, security(("session" = []), ("token" = [])),
    responses(
        (status = 201, body = EntryView),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 422, description = "Refused: `text_invalid`, `prompt_invalid`, `invalid_body`", body = super::ErrorBody),
    ))]
/// Writes a new entry, free or answering a prompt.
pub(crate) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    ApiJson(body): ApiJson<NewEntryBody>,
) -> Result<(StatusCode, Json<EntryView>), ApiError> {
    async {
        let prompt = journal::parse_prompt(body.prompt.as_deref().unwrap_or_default())?;
        let text = journal::parse_text(&body.text)?;
        let id = journal::add(&state, caller.person, prompt, text).await?;
        one(&state, caller.person, id).await
    }
    .await
    .map(|view| (StatusCode::CREATED, Json(view)))
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

#[utoipa::path(get, path = "/journal/prompts", tag = "journal", security(("session" = []), ("token" = [])),
    responses(
        (status = 200, body = PromptList),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
    ))]
/// The journal's prompts, for inner work and for sorting out feelings after a hurt.
pub(crate) async fn prompts(headers: HeaderMap, _caller: ApiCaller) -> Json<PromptList> {
    let lang = lang_of(&headers);
    Json(PromptList {
        prompts: Prompt::ALL
            .into_iter()
            .map(|prompt| PromptView {
                name: prompt.as_str().to_owned(),
                group: prompt.group().as_str().to_owned(),
                text: lang.t(&prompt.locale_id()),
                hint: lang.t(&prompt.hint_id()),
            })
            .collect(),
    })
}

#[utoipa::path(get, path = "/journal/{entry}", tag = "journal", security(("session" = []), ("token" = [])),
    params(("entry" = String, Path, description = "The entry's id")),
    responses(
        (status = 200, body = EntryView),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such entry of yours", body = super::ErrorBody),
    ))]
/// One entry of your journal.
pub(crate) async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(entry): Path<String>,
) -> Result<Json<EntryView>, ApiError> {
    async {
        let id = journal::parse_entry(&entry)?;
        one(&state, caller.person, id).await
    }
    .await
    .map(Json)
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

#[utoipa::path(put, path = "/journal/{entry}", tag = "journal", request_body = EditEntryBody, security(("session" = []), ("token" = [])),
    params(("entry" = String, Path, description = "The entry's id")),
    responses(
        (status = 200, body = EntryView),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such entry of yours", body = super::ErrorBody),
        (status = 422, description = "Refused: `text_invalid`, `invalid_body`", body = super::ErrorBody),
    ))]
/// Changes an entry's words.
pub(crate) async fn edit(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(entry): Path<String>,
    ApiJson(body): ApiJson<EditEntryBody>,
) -> Result<Json<EntryView>, ApiError> {
    async {
        let id = journal::parse_entry(&entry)?;
        let text = journal::parse_text(&body.text)?;
        journal::edit(&state, caller.person, id, text).await?;
        one(&state, caller.person, id).await
    }
    .await
    .map(Json)
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

#[utoipa::path(delete, path = "/journal/{entry}", tag = "journal", security(("session" = []), ("token" = [])),
    params(("entry" = String, Path, description = "The entry's id")),
    responses(
        (status = 204, description = "Deleted: gone from the journal and from your export"),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such entry of yours", body = super::ErrorBody),
    ))]
/// Deletes an entry. It is gone from your journal and your export at once; its words are
/// erased from the database with the rest of your data when you delete your account.
pub(crate) async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(entry): Path<String>,
) -> Result<StatusCode, ApiError> {
    async {
        let id = journal::parse_entry(&entry)?;
        journal::delete(&state, caller.person, id).await
    }
    .await
    .map(|()| StatusCode::NO_CONTENT)
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}
