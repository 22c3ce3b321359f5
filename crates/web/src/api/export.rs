//! The person's export: one JSON document with their account, their API tokens' names and dates,
//! each space they are or were in, and every event they wrote or may see. Served here over the
//! API and, as the same document, from the account page's "download my data". What goes in is
//! gathered by `steadfast_app::export` (with core's visibility rule); this writes it down.
//!
//! Never in it: a password, recovery code, session or token, nor any hash of one; a partner's
//! private item, nor any trace of one (no count, no sequence number with a gap where it sits);
//! anything of the partner's once the person has left; the name of a partner who left. What a
//! partner shared before leaving stays in the export of the one who stayed, from `former_partner`.

use std::borrow::Cow;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use steadfast_app::export::ExportError;
use steadfast_core::export::{self, FORMAT};
use steadfast_core::space::Member;
use steadfast_core::{PersonId, RecordedEvent};
use steadfast_store::SpaceRecord;

use super::{ApiCaller, ApiError, lang_of};
use crate::i18n::times::rfc3339;
use crate::state::AppState;

/// Offered for download, under the name browsers save it as.
const DISPOSITION: &str = "attachment; filename=\"steadfast-export.json\"";

/// Everything a person may take with them. Times are RFC 3339 in UTC.
///
/// This describes the document for the OpenAPI document; it is never built whole. The export is
/// written piece by piece as it is sent ([`download`]): the fields of [`ExportHead`], then the
/// spaces, one at a time, each with its events one at a time.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub(crate) struct Export {
    /// `steadfast-export/1` for this shape.
    format: String,
    /// When the export was made.
    exported_at: String,
    account: ExportedAccount,
    /// The person's personal API tokens: names and dates only, never a token.
    tokens: Vec<ExportedToken>,
    /// Every event of the person's own stream (what is theirs alone), oldest first, except the
    /// journal's: those are in `journal`, as the entries read now.
    personal_events: Vec<ExportedEvent<'static>>,
    /// The person's private journal, oldest entry first; deleted entries are not in it.
    journal: Vec<super::journal::EntryView>,
    /// Every grant the person gave a coach, and every coach read of the person's data (which
    /// view, when, which coach — never what was seen), newest first.
    coaching: ExportedCoaching,
    /// Every space the person is or was in, most recently joined first.
    spaces: Vec<ExportedSpace>,
}

/// The export's fields besides the spaces, as [`Export`] describes them.
#[derive(Serialize)]
pub(crate) struct ExportHead {
    format: String,
    exported_at: String,
    account: ExportedAccount,
    tokens: Vec<ExportedToken>,
    personal_events: Vec<ExportedEvent<'static>>,
    journal: Vec<super::journal::EntryView>,
    coaching: ExportedCoaching,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ExportedCoaching {
    grants: Vec<ExportedGrant>,
    reads: Vec<ExportedCoachRead>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ExportedGrant {
    space: String,
    coach: String,
    granted_at: String,
    expires_at: String,
    /// `null` unless the person revoked it.
    revoked_at: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ExportedCoachRead {
    space: String,
    coach: String,
    /// `overview` or `report`.
    view: String,
    at: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ExportedAccount {
    username: String,
    /// `null` when none was given.
    email: Option<String>,
    created_at: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ExportedToken {
    /// Empty for an unnamed token.
    label: String,
    created_at: String,
    /// `null` when never used.
    last_used_at: Option<String>,
}

/// A space in the export; written as its [`SpaceHead`], then its events one at a time.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub(crate) struct ExportedSpace {
    id: String,
    name: String,
    /// False for a space the person has left.
    current: bool,
    /// The person's own stays in the space, oldest first; nobody else's.
    stays: Vec<ExportedStay>,
    /// The partner's login name while the two share the space; `null` otherwise.
    partner: Option<String>,
    /// True when the person is alone in the space because the partner they shared it with left.
    pairing_ended: bool,
    /// The patterns that concern the person there now (theirs only), as documentation.
    patterns: Vec<super::patterns::ExportedPattern>,
    /// The space's events the person wrote or may see, oldest first.
    events: Vec<ExportedEvent<'static>>,
}

/// A space's fields besides its events, as [`ExportedSpace`] describes them.
#[derive(Serialize)]
pub(crate) struct SpaceHead {
    id: String,
    name: String,
    current: bool,
    stays: Vec<ExportedStay>,
    partner: Option<String>,
    pairing_ended: bool,
    patterns: Vec<super::patterns::ExportedPattern>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ExportedStay {
    joined_at: String,
    /// `null` while the person is in the space.
    left_at: Option<String>,
}

/// An event as the export shows it (borrowing its payload from the log as read).
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ExportedEvent<'a> {
    id: String,
    /// What happened, as a stable dotted name, e.g. `promise.made`.
    #[schema(value_type = String)]
    kind: Cow<'a, str>,
    at: String,
    /// `private` or `shared`.
    visibility: &'static str,
    /// `you`, `partner`, `former_partner` (a partner who left: what they shared before), or
    /// `other` (someone else, in the person's own stream).
    author: &'static str,
    /// The event's content, as it was recorded.
    #[schema(value_type = Object)]
    payload: Cow<'a, serde_json::Value>,
}

/// How much of the document is gathered before it is handed on: large enough that the writes
/// stay few, small enough that memory stays flat however long the history.
const CHUNK: usize = 64 * 1024;

/// The chunks of the document on their way to the client; a few wait at most.
type Sender = tokio::sync::mpsc::Sender<Result<Bytes, std::io::Error>>;

/// The export of `person`'s data as of now, as a file to save, written as it is sent: the
/// account and what is the person's alone first, then each space, one at a time, with its events
/// one at a time. The document is never held whole, so memory stays flat however long the
/// history: one space's log as read, and a chunk of JSON on its way.
///
/// What can fail before the first byte (the account gone) is an error as usual; a failure later
/// ends the download broken off, never as a document that looks complete.
pub(crate) async fn download(state: &AppState, person: PersonId) -> Result<Response, ExportError> {
    let head = head(person, steadfast_app::export::head(state, person).await?);
    let spaces = steadfast_app::export::spaces_of(state, person).await?;
    let (sender, receiver) = tokio::sync::mpsc::channel(4);
    let writer = {
        let state = state.clone();
        async move {
            let mut out = Chunks {
                buffer: Vec::with_capacity(CHUNK),
                sender: sender.clone(),
            };
            if let Err(error) = write(&state, person, head, spaces, &mut out).await {
                tracing::error!(%error, "the export could not be written");
                // Reaches the client as a broken-off download, not a truncated document.
                let _ = sender
                    .send(Err(std::io::Error::other("the export broke off")))
                    .await;
            }
        }
    };
    tokio::spawn(writer);
    let body = futures_util::stream::unfold(receiver, |mut receiver| async move {
        receiver.recv().await.map(|chunk| (chunk, receiver))
    });
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static(DISPOSITION),
            ),
        ],
        Body::from_stream(body),
    )
        .into_response())
}

/// Why writing the export stopped.
#[derive(Debug, thiserror::Error)]
enum WriteError {
    #[error("the export's data could not be read: {0:?}")]
    Read(ExportError),
    #[error("the export could not be written as JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The client went away: nothing to tell anyone.
    #[error("the client went away")]
    Gone,
}

impl From<ExportError> for WriteError {
    fn from(error: ExportError) -> Self {
        WriteError::Read(error)
    }
}

/// The document's bytes, gathered into chunks and handed on as each fills.
struct Chunks {
    buffer: Vec<u8>,
    sender: Sender,
}

impl Chunks {
    fn raw(&mut self, text: &str) {
        self.buffer.extend_from_slice(text.as_bytes());
    }

    fn value(&mut self, value: &impl Serialize) -> Result<(), WriteError> {
        serde_json::to_writer(&mut self.buffer, value)?;
        Ok(())
    }

    /// `value` as a JSON object left open, so more fields can follow its own.
    fn open_object(&mut self, value: &impl Serialize) -> Result<(), WriteError> {
        let start = self.buffer.len();
        self.value(value)?;
        // A serialised struct ends in its closing brace; an empty one (`{}`) takes no comma.
        if self.buffer.pop() != Some(b'}') {
            return Err(WriteError::Json(serde_json::Error::io(
                std::io::Error::other("not an object"),
            )));
        }
        if self.buffer.len() > start + 1 {
            self.buffer.push(b',');
        }
        Ok(())
    }

    async fn flush_if_full(&mut self) -> Result<(), WriteError> {
        if self.buffer.len() >= CHUNK {
            self.flush().await?;
        }
        Ok(())
    }

    async fn flush(&mut self) -> Result<(), WriteError> {
        let chunk = Bytes::from(std::mem::replace(
            &mut self.buffer,
            Vec::with_capacity(CHUNK),
        ));
        self.sender
            .send(Ok(chunk))
            .await
            .map_err(|_| WriteError::Gone)
    }
}

/// The export's fields besides the spaces, as the document shows them.
fn head(person: PersonId, head: steadfast_app::export::Head) -> ExportHead {
    let name = |name: Option<String>| name.unwrap_or_default();
    ExportHead {
        format: FORMAT.to_owned(),
        exported_at: rfc3339(head.exported_at),
        account: ExportedAccount {
            username: head.account.username,
            email: head.account.email,
            created_at: rfc3339(head.account.created_at),
        },
        tokens: head
            .tokens
            .into_iter()
            .map(|token| ExportedToken {
                label: token.label,
                created_at: rfc3339(token.created_at),
                last_used_at: token.last_used_at.map(rfc3339),
            })
            .collect(),
        personal_events: head
            .own_events
            .iter()
            .map(|event| owned(event_part(person, event, &[])))
            .collect(),
        journal: head
            .journal
            .iter()
            .map(super::journal::entry_view)
            .collect(),
        coaching: ExportedCoaching {
            grants: head
                .grants
                .into_iter()
                .map(|(grant, coach)| ExportedGrant {
                    space: grant.space.to_string(),
                    coach: name(coach),
                    granted_at: rfc3339(grant.granted_at),
                    expires_at: rfc3339(grant.expires_at),
                    revoked_at: grant.revoked_at.map(rfc3339),
                })
                .collect(),
            reads: head
                .reads
                .into_iter()
                .map(|(read, coach)| ExportedCoachRead {
                    space: read.space.to_string(),
                    coach: name(coach),
                    view: read.view,
                    at: rfc3339(read.at),
                })
                .collect(),
        },
    }
}

/// Writes the whole document: the head's fields, then the spaces.
async fn write(
    state: &AppState,
    person: PersonId,
    head: ExportHead,
    spaces: Vec<SpaceRecord>,
    out: &mut Chunks,
) -> Result<(), WriteError> {
    out.open_object(&head)?;
    drop(head);
    out.raw("\"spaces\":[");
    for (n, record) in spaces.into_iter().enumerate() {
        if n > 0 {
            out.raw(",");
        }
        write_space(state, person, record, out).await?;
    }
    out.raw("]}\n");
    out.flush().await
}

/// Writes one space: its fields, then its events one at a time, one to a line.
async fn write_space(
    state: &AppState,
    person: PersonId,
    record: SpaceRecord,
    out: &mut Chunks,
) -> Result<(), WriteError> {
    let part = steadfast_app::export::space(state, person, record).await?;
    out.open_object(&SpaceHead {
        id: part.record.id.to_string(),
        name: part.record.name.clone(),
        current: part.current,
        stays: own_stays(&part.members, person),
        partner: part.partner.clone(),
        pairing_ended: part.pairing_ended,
        patterns: part
            .patterns
            .iter()
            .map(super::patterns::exported)
            .collect(),
    })?;
    out.raw("\"events\":[");
    for (n, event) in part.events(person).enumerate() {
        out.raw(if n == 0 { "\n" } else { ",\n" });
        out.value(&event_part(person, event, &part.members))?;
        out.flush_if_full().await?;
    }
    out.raw("]}");
    Ok(())
}

fn own_stays(members: &[Member], person: PersonId) -> Vec<ExportedStay> {
    members
        .iter()
        .filter(|stay| stay.person == person)
        .map(|stay| ExportedStay {
            joined_at: rfc3339(stay.joined),
            left_at: stay.left.map(rfc3339),
        })
        .collect()
}

/// An event as the export shows it: without its place in the stream.
fn event_part<'a>(
    person: PersonId,
    recorded: &'a RecordedEvent,
    members: &[Member],
) -> ExportedEvent<'a> {
    let event = &recorded.event;
    ExportedEvent {
        id: event.id.to_string(),
        kind: Cow::Borrowed(event.kind.as_str()),
        at: rfc3339(event.at),
        visibility: event.visibility.as_str(),
        author: export::author(person, recorded, members).as_str(),
        payload: Cow::Borrowed(&event.payload),
    }
}

/// An event of the head, kept after the log it was read from is gone.
fn owned(event: ExportedEvent<'_>) -> ExportedEvent<'static> {
    ExportedEvent {
        id: event.id,
        kind: Cow::Owned(event.kind.into_owned()),
        at: event.at,
        visibility: event.visibility,
        author: event.author,
        payload: Cow::Owned(event.payload.into_owned()),
    }
}

#[utoipa::path(get, path = "/export", tag = "export", security(("session" = []), ("token" = [])),
    responses(
        (status = 200, body = Export, description = "The export, as a file to save (`Content-Disposition: attachment`)"),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
    ))]
/// Everything of the caller's, as one JSON document to save.
///
/// Format `steadfast-export/1`: the caller's account, their API tokens' names and dates, each
/// space they are or were in with their own stays and the events they wrote or may see there,
/// and every event of their own stream. Never a password, session or token, nor any hash of one;
/// never a partner's private item, nor any trace of one; nothing of a partner who has left.
pub(crate) async fn export(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
) -> Result<Response, ApiError> {
    download(&state, caller.person)
        .await
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}
