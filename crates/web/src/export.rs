//! A person's export, shared by the account page and the JSON API: one JSON document with their
//! account, their API tokens' names and dates, each space they are or were in, and every event
//! they wrote or may see. What of the log goes in is decided in `steadfast_core::export` (with
//! the visibility rule); this loads, asks, and writes it down.
//!
//! Never in it: a password, recovery code, session or token, nor any hash of one; a partner's
//! private item, nor any trace of one (no count, no sequence number with a gap where it sits);
//! anything of the partner's once the person has left; the name of a partner who left. What a
//! partner shared before leaving stays in the export of the one who stayed, from `former_partner`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use steadfast_core::export::{self, FORMAT};
use steadfast_core::space::{self, Member, Standing};
use steadfast_core::{PersonId, RecordedEvent, SpaceId, StreamId};
use steadfast_store::{MemberRecord, SpaceRecord};

use crate::AppState;
use crate::clock::rfc3339;
use crate::error::WebError;
use crate::spaces;

/// Offered for download, under the name browsers save it as.
const DISPOSITION: &str = "attachment; filename=\"steadfast-export.json\"";

/// Everything a person may take with them. Times are RFC 3339 in UTC.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Export {
    /// `steadfast-export/1` for this shape.
    format: String,
    /// When the export was made.
    exported_at: String,
    account: ExportedAccount,
    /// The person's personal API tokens: names and dates only, never a token.
    tokens: Vec<ExportedToken>,
    /// Every space the person is or was in, most recently joined first.
    spaces: Vec<ExportedSpace>,
    /// Every event of the person's own stream (what is theirs alone), oldest first, except the
    /// journal's: those are in `journal`, as the entries read now.
    personal_events: Vec<ExportedEvent>,
    /// The person's private journal, oldest entry first; deleted entries are not in it.
    journal: Vec<crate::api::journal::EntryView>,
    /// Every grant the person gave a coach, and every coach read of the person's data (which
    /// view, when, which coach — never what was seen), newest first.
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

#[derive(Serialize, utoipa::ToSchema)]
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
    /// The space's events the person wrote or may see, oldest first.
    events: Vec<ExportedEvent>,
    /// The patterns that concern the person there now (theirs only), as documentation.
    patterns: Vec<crate::api::patterns::ExportedPattern>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ExportedStay {
    joined_at: String,
    /// `null` while the person is in the space.
    left_at: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ExportedEvent {
    id: String,
    /// What happened, as a stable dotted name, e.g. `promise.made`.
    kind: String,
    at: String,
    /// `private` or `shared`.
    visibility: String,
    /// `you`, `partner`, `former_partner` (a partner who left: what they shared before), or
    /// `other` (someone else, in the person's own stream).
    author: String,
    /// The event's content, as it was recorded.
    #[schema(value_type = Object)]
    payload: serde_json::Value,
}

/// The export of `person`'s data as of now.
pub(crate) async fn build(state: &AppState, person: PersonId) -> Result<Export, WebError> {
    let exported_at = rfc3339(state.now());
    // The caller was just authenticated; an account deleted in between has nothing to export.
    let account = state
        .store
        .account(person)
        .await?
        .ok_or(WebError::NotFound)?;
    let tokens = state
        .store
        .api_tokens_of(person)
        .await?
        .into_iter()
        .map(|token| ExportedToken {
            label: token.label,
            created_at: rfc3339(token.created_at),
            last_used_at: token.last_used_at.map(rfc3339),
        })
        .collect();
    let mut seen: Vec<SpaceId> = Vec::new();
    let mut exported_spaces = Vec::new();
    for (record, _) in state.store.spaces_of(person).await? {
        // One entry per space, however many stays the person had in it.
        if seen.contains(&record.id) {
            continue;
        }
        seen.push(record.id);
        exported_spaces.push(space_part(state, person, record).await?);
    }
    let coaching = coaching_part(state, person, &seen).await?;
    let own = state.store.read(StreamId::Person(person), 1).await?;
    let journal = steadfast_core::journal::JournalBook::fold(person, &own);
    let personal_events = export::own_stream_events(person, &own)
        .filter(|event| !steadfast_core::journal::is_journal_kind(event.event.kind.as_str()))
        .map(|event| event_part(person, event, &[]))
        .collect();
    Ok(Export {
        format: FORMAT.to_owned(),
        exported_at,
        account: ExportedAccount {
            username: account.username,
            email: account.email,
            created_at: rfc3339(account.created_at),
        },
        tokens,
        spaces: exported_spaces,
        personal_events,
        journal: journal
            .all()
            .iter()
            .map(crate::api::journal::entry_view)
            .collect(),
        coaching,
    })
}

/// The person's own grants and the reads of their data; nothing of the partner's.
async fn coaching_part(
    state: &AppState,
    person: PersonId,
    spaces: &[SpaceId],
) -> Result<ExportedCoaching, WebError> {
    let mut names: Vec<(PersonId, String)> = Vec::new();
    let mut name_of = async |coach: PersonId| -> Result<String, WebError> {
        if let Some((_, name)) = names.iter().find(|(id, _)| *id == coach) {
            return Ok(name.clone());
        }
        let name = state
            .store
            .account(coach)
            .await?
            .map_or_else(String::new, |account| account.username);
        names.push((coach, name.clone()));
        Ok(name)
    };
    let mut grants = Vec::new();
    for &space in spaces {
        for grant in state.store.coach_grants_by(space, person).await? {
            grants.push(ExportedGrant {
                space: space.to_string(),
                coach: name_of(grant.coach).await?,
                granted_at: rfc3339(grant.granted_at),
                expires_at: rfc3339(grant.expires_at),
                revoked_at: grant.revoked_at.map(rfc3339),
            });
        }
    }
    let mut reads = Vec::new();
    for read in state.store.coach_reads_of(person).await? {
        reads.push(ExportedCoachRead {
            space: read.space.to_string(),
            coach: name_of(read.coach).await?,
            view: read.view,
            at: rfc3339(read.at),
        });
    }
    Ok(ExportedCoaching { grants, reads })
}

async fn space_part(
    state: &AppState,
    person: PersonId,
    record: SpaceRecord,
) -> Result<ExportedSpace, WebError> {
    let stays: Vec<MemberRecord> = state.store.members(record.id).await?;
    let members: Vec<Member> = stays.iter().map(spaces::member).collect();
    let partner = match space::partner_of(&members, person) {
        Some(partner) => state
            .store
            .account(partner)
            .await?
            .map(|account| account.username),
        None => None,
    };
    let events = state.store.read(StreamId::Space(record.id), 1).await?;
    let patterns = steadfast_core::pattern::evaluate(&events, &members, person, state.now())
        .iter()
        .map(crate::api::patterns::exported)
        .collect();
    Ok(ExportedSpace {
        id: record.id.to_string(),
        name: record.name,
        current: space::standing(&members, person) == Standing::Current,
        stays: own_stays(&members, person),
        partner,
        pairing_ended: space::pairing_ended(&members, person),
        events: space_events(person, record.id, &events, &members),
        patterns,
    })
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

fn space_events(
    person: PersonId,
    space: SpaceId,
    events: &[RecordedEvent],
    members: &[Member],
) -> Vec<ExportedEvent> {
    export::space_events(person, space, events, members)
        .map(|event| event_part(person, event, members))
        .collect()
}

/// An event as the export shows it: without its place in the stream.
fn event_part(person: PersonId, recorded: &RecordedEvent, members: &[Member]) -> ExportedEvent {
    let event = &recorded.event;
    ExportedEvent {
        id: event.id.to_string(),
        kind: event.kind.to_string(),
        at: rfc3339(event.at),
        visibility: event.visibility.as_str().to_owned(),
        author: export::author(person, recorded, members)
            .as_str()
            .to_owned(),
        payload: event.payload.clone(),
    }
}

/// The export as a file to save: indented JSON, offered for download.
pub(crate) fn attachment(export: &Export) -> Response {
    match serde_json::to_vec_pretty(export) {
        Ok(body) => (
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
            body,
        )
            .into_response(),
        Err(error) => {
            // The error layer turns this into the internal-error answer, with its reference.
            tracing::error!(%error, "the export could not be written");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
