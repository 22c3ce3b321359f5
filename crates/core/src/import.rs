//! Reading a person's export (`steadfast-export/1`, written by `crates/web/src/api/export.rs` from
//! what [`crate::export`] lets out) back in, on this or another server: [`read`] turns the file's
//! bytes into an [`ImportPlan`] in which everything has been checked — the format, every id, time,
//! author and visibility, and every event's payload decoded into its module's own type — or refuses
//! with an [`ImportError`] saying where and what. It never panics, whatever the bytes (the `import`
//! fuzz target holds it to that). [`ImportPlan::writes`] then says, for one account and one
//! instant, exactly what to write; the edge only writes it.
//!
//! What an import makes of an export:
//!
//! - **The person's own stream**: their journal, entry by entry (written, and edited if it was),
//!   and any other personal event, all with them as author.
//! - **Each exported space becomes a new space of theirs**, with them as its only current member,
//!   holding every event of the export's in its original order. The people an event names by
//!   id (a promise's receiver, a repair plan's two sides) are renamed too: the exporter's old id
//!   (worked out in [`people`]) becomes the importing account's.
//! - **The partner's shared events are kept, under a placeholder former member**: a person id
//!   that no account has, whose stay in the space covers all of its history and ends at the
//!   import. The visibility rule ([`crate::visibility`]) treats it as it treats any partner who
//!   has left: the importer, who stayed, keeps that shared history read-only, attributed to a
//!   "former partner" with no name, and sees that their pairing ended. An export is a file anyone
//!   can edit, so those events are only the exporter's word for what the partner wrote: they are
//!   never shown under anyone's name, reach nobody but the importer (the placeholder has no
//!   account, and a coach sees nothing of a former member), and nothing can be done with them
//!   that needs the partner. The placeholder's stay also keeps what the importer shared with that
//!   partner from whoever they pair with next (what A shared with B stays between A and B).
//! - **Re-running an import writes nothing twice.** Every id the import writes (the new space's,
//!   each event's, the placeholder's) is derived from the importing account and the export's own
//!   id, so a second run finds the spaces already there and the personal events already in the
//!   stream, and skips them.
//!
//! Not imported: the account itself (the import goes into an existing account), API tokens
//! (only their names are exported), coach grants (a coach there is invited afresh), and patterns
//! (they are computed again from the events).

mod document;
mod error;
mod payload;
pub mod people;

use std::collections::HashSet;
use std::str::FromStr;

use sha2::{Digest, Sha256};
use uuid::Uuid;

pub use error::{ImportError, Place, Problem, TimeProblem};
pub use payload::Payload;
pub use people::People;

use crate::event::{EventKind, NewEvent, Visibility};
use crate::export::{Author, FORMAT};
use crate::id::{EventId, JournalEntryId, PersonId, SpaceId};
use crate::journal::{JournalEvent, JournalText, Prompt, is_journal_kind};
use crate::space::{Member, SpaceName};
use crate::time::Timestamp;

use document::{FormatProbe, RawEntry, RawEvent, RawExport, RawSpace};
use people::Role;

/// The largest file read: far more than years of a couple's history.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// At most this many spaces in one export.
pub const MAX_SPACES: usize = 1_000;
/// At most this many events in all, spaces and personal stream together.
pub const MAX_EVENTS: usize = 1_000_000;
/// At most this many journal entries.
pub const MAX_JOURNAL_ENTRIES: usize = 100_000;
/// At most this many stays per space.
pub const MAX_STAYS: usize = 1_000;
/// How far in the future an export may be dated: servers' clocks differ a little.
pub const CLOCK_SLACK_MS: i64 = 24 * 60 * 60 * 1000;

/// An export, checked and decoded.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    pub exported_at: Timestamp,
    pub spaces: Vec<SpacePlan>,
    pub personal_events: Vec<PlannedEvent>,
    pub journal: Vec<PlannedEntry>,
    /// The exporter's old id, when the events tell it.
    pub people: People,
}

/// One exported space.
#[derive(Clone, Debug, PartialEq)]
pub struct SpacePlan {
    /// Its id on the old server; the new space's id is derived from it.
    pub old_id: SpaceId,
    pub name: SpaceName,
    /// The exporter's stays, oldest first, as `(joined, left)`.
    pub stays: Vec<(Timestamp, Option<Timestamp>)>,
    /// Whether the exporter shared the space with someone: then a placeholder former member
    /// stands for them.
    pub had_partner: bool,
    pub events: Vec<PlannedEvent>,
}

/// One exported event, decoded.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedEvent {
    pub id: EventId,
    pub kind: EventKind,
    pub at: Timestamp,
    pub visibility: Visibility,
    pub author: Author,
    pub payload: Payload,
}

/// One journal entry as the export shows it now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedEntry {
    pub id: JournalEntryId,
    pub prompt: Option<Prompt>,
    pub text: JournalText,
    pub written_at: Timestamp,
    pub edited_at: Option<Timestamp>,
}

/// Who the import is for, and when it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    pub person: PersonId,
    pub now: Timestamp,
}

/// Exactly what an import writes.
#[derive(Clone, Debug, PartialEq)]
pub struct Writes {
    pub spaces: Vec<SpaceWrite>,
    /// Appended to the person's own stream, oldest first; the edge skips any already there.
    pub personal: Vec<NewEvent>,
}

/// One new space: created with these members and these events, all or nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct SpaceWrite {
    pub id: SpaceId,
    pub name: SpaceName,
    pub created_at: Timestamp,
    pub creator: PersonId,
    /// The importer (current) and, if the space was shared, the placeholder (former).
    pub members: Vec<Member>,
    pub events: Vec<NewEvent>,
}

/// Reads an export's bytes into a checked plan.
pub fn read(bytes: &[u8], now: Timestamp) -> Result<ImportPlan, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { max: MAX_BYTES });
    }
    let not_json = |error: serde_json::Error| ImportError::NotJson {
        line: error.line(),
        column: error.column(),
    };
    // Only an object can be an export; anything else is told apart as JSON or not.
    if bytes.trim_ascii_start().first() != Some(&b'{') {
        serde_json::from_slice::<serde::de::IgnoredAny>(bytes).map_err(not_json)?;
        return Err(ImportError::NotAnExport);
    }
    let probe: FormatProbe = serde_json::from_slice(bytes).map_err(|error| {
        if error.is_data() {
            ImportError::NotAnExport
        } else {
            not_json(error)
        }
    })?;
    match probe.format {
        None => return Err(ImportError::NotAnExport),
        Some(serde_json::Value::String(found)) if found == FORMAT => {}
        Some(found) => {
            let found = match found {
                serde_json::Value::String(text) => text,
                other => other.to_string(),
            };
            return Err(ImportError::WrongFormat {
                found: found.chars().take(40).collect(),
                expected: FORMAT,
            });
        }
    }
    let raw: RawExport = serde_json::from_slice(bytes).map_err(|error| ImportError::Shape {
        line: error.line(),
        column: error.column(),
        detail: error.to_string().chars().take(200).collect(),
    })?;
    plan(raw, now)
}

fn plan(raw: RawExport, now: Timestamp) -> Result<ImportPlan, ImportError> {
    let exported_at = time(&raw.exported_at).map_err(ImportError::ExportTime)?;
    if exported_at.as_millis() > now.as_millis().saturating_add(CLOCK_SLACK_MS) {
        return Err(ImportError::ExportedInFuture);
    }
    if raw.spaces.len() > MAX_SPACES {
        return Err(ImportError::TooMany {
            what: "spaces",
            max: MAX_SPACES,
        });
    }
    let events = raw
        .spaces
        .iter()
        .map(|space| space.events.len())
        .fold(raw.personal_events.len(), usize::saturating_add);
    if events > MAX_EVENTS {
        return Err(ImportError::TooMany {
            what: "events",
            max: MAX_EVENTS,
        });
    }
    if raw.journal.len() > MAX_JOURNAL_ENTRIES {
        return Err(ImportError::TooMany {
            what: "journal entries",
            max: MAX_JOURNAL_ENTRIES,
        });
    }

    let mut seen_events = HashSet::new();
    let mut seen_spaces = HashSet::new();
    let mut clues = Vec::new();
    let mut spaces = Vec::with_capacity(raw.spaces.len());
    for (index, space) in raw.spaces.iter().enumerate() {
        let number = index + 1;
        spaces.push(space_plan(
            space,
            number,
            exported_at,
            &mut seen_spaces,
            &mut seen_events,
        )?);
    }
    let mut personal_events = Vec::with_capacity(raw.personal_events.len());
    for (index, event) in raw.personal_events.iter().enumerate() {
        let place = Place::PersonalEvent { event: index + 1 };
        let planned = event_plan(event, place, exported_at, &mut seen_events)?;
        // Journal events are exported as entries, in `journal`; one here would be read twice.
        if is_journal_kind(planned.kind.as_str()) {
            return Err(ImportError::at(place, Problem::KindNotAllowedHere));
        }
        personal_events.push(planned);
    }
    let mut seen_entries = HashSet::new();
    let mut journal = Vec::with_capacity(raw.journal.len());
    for (index, entry) in raw.journal.iter().enumerate() {
        let place = Place::JournalEntry { entry: index + 1 };
        journal.push(entry_plan(entry, place, exported_at, &mut seen_entries)?);
    }

    for event in spaces.iter().flat_map(|space| &space.events) {
        let role = match event.author {
            Author::You => Role::You,
            Author::Partner | Author::FormerPartner | Author::Other => Role::NotYou,
        };
        clues.push((role, event.payload.people()));
    }
    let people = People::solve(&clues)?;
    Ok(ImportPlan {
        exported_at,
        spaces,
        personal_events,
        journal,
        people,
    })
}

fn space_plan(
    space: &RawSpace,
    number: usize,
    exported_at: Timestamp,
    seen_spaces: &mut HashSet<SpaceId>,
    seen_events: &mut HashSet<EventId>,
) -> Result<SpacePlan, ImportError> {
    let place = Place::Space { space: number };
    let refuse = |problem| ImportError::at(place, problem);
    let old_id: SpaceId = space.id.parse().map_err(|_| refuse(Problem::BadId))?;
    if !seen_spaces.insert(old_id) {
        return Err(refuse(Problem::DuplicateId));
    }
    let name = SpaceName::parse(&space.name).map_err(|error| refuse(Problem::BadName(error)))?;
    if space.stays.is_empty() {
        return Err(refuse(Problem::NoStay));
    }
    if space.stays.len() > MAX_STAYS {
        return Err(ImportError::TooMany {
            what: "stays in a space",
            max: MAX_STAYS,
        });
    }
    let mut stays = Vec::with_capacity(space.stays.len());
    for stay in &space.stays {
        let joined = time(&stay.joined_at).map_err(|error| refuse(Problem::BadTime(error)))?;
        let left = stay
            .left_at
            .as_deref()
            .map(time)
            .transpose()
            .map_err(|error| refuse(Problem::BadTime(error)))?;
        if left.is_some_and(|left| left < joined) {
            return Err(refuse(Problem::StayBackwards));
        }
        if joined > exported_at || left.is_some_and(|left| left > exported_at) {
            return Err(refuse(Problem::AfterExport));
        }
        stays.push((joined, left));
    }
    let mut events = Vec::with_capacity(space.events.len());
    for (index, event) in space.events.iter().enumerate() {
        let place = Place::SpaceEvent {
            space: number,
            event: index + 1,
        };
        let planned = event_plan(event, place, exported_at, seen_events)?;
        // A space's events are the exporter's or the partner's; a journal's never sit there.
        if planned.author == Author::Other {
            return Err(ImportError::at(
                place,
                Problem::AuthorNotAllowedHere("other"),
            ));
        }
        if is_journal_kind(planned.kind.as_str()) {
            return Err(ImportError::at(place, Problem::KindNotAllowedHere));
        }
        events.push(planned);
    }
    let had_partner = space.partner.is_some()
        || space.pairing_ended
        || events
            .iter()
            .any(|event| matches!(event.author, Author::Partner | Author::FormerPartner));
    Ok(SpacePlan {
        old_id,
        name,
        stays,
        had_partner,
        events,
    })
}

fn event_plan(
    event: &RawEvent,
    place: Place,
    exported_at: Timestamp,
    seen: &mut HashSet<EventId>,
) -> Result<PlannedEvent, ImportError> {
    let refuse = |problem| ImportError::at(place, problem);
    let id: EventId = event.id.parse().map_err(|_| refuse(Problem::BadId))?;
    if !seen.insert(id) {
        return Err(refuse(Problem::DuplicateId));
    }
    let kind =
        EventKind::new(event.kind.as_str()).map_err(|error| refuse(Problem::BadKind(error)))?;
    let at = time(&event.at).map_err(|error| refuse(Problem::BadTime(error)))?;
    if at > exported_at {
        return Err(refuse(Problem::AfterExport));
    }
    let visibility =
        Visibility::from_str(&event.visibility).map_err(|_| refuse(Problem::BadVisibility))?;
    let author = match event.author.as_str() {
        "you" => Author::You,
        "partner" => Author::Partner,
        "former_partner" => Author::FormerPartner,
        "other" => Author::Other,
        _ => return Err(refuse(Problem::BadAuthor)),
    };
    // A partner's private item is never exported: one in the file was not written by the app.
    if author != Author::You
        && visibility == Visibility::Private
        && !matches!(place, Place::PersonalEvent { .. })
    {
        return Err(refuse(Problem::WrongVisibility {
            kind: kind.as_str().to_owned(),
            visibility: visibility.as_str(),
        }));
    }
    // The decoders read the payload from an event; author and id do not matter to them.
    let probe = NewEvent {
        id,
        author: PersonId::from_uuid(Uuid::nil()),
        at,
        kind: kind.clone(),
        visibility,
        payload: event.payload.clone(),
    };
    let payload = payload::decode(&probe).map_err(refuse)?;
    Ok(PlannedEvent {
        id,
        kind,
        at,
        visibility,
        author,
        payload,
    })
}

fn entry_plan(
    entry: &RawEntry,
    place: Place,
    exported_at: Timestamp,
    seen: &mut HashSet<JournalEntryId>,
) -> Result<PlannedEntry, ImportError> {
    let refuse = |problem| ImportError::at(place, problem);
    let id: JournalEntryId = entry.id.parse().map_err(|_| refuse(Problem::BadId))?;
    if !seen.insert(id) {
        return Err(refuse(Problem::DuplicateId));
    }
    let prompt = entry
        .prompt
        .as_deref()
        .map(|name| {
            Prompt::from_name(name)
                .ok_or_else(|| refuse(Problem::UnknownPrompt(name.chars().take(40).collect())))
        })
        .transpose()?;
    let text = JournalText::parse(&entry.text).map_err(|error| refuse(Problem::BadText(error)))?;
    let written_at = time(&entry.written_at).map_err(|error| refuse(Problem::BadTime(error)))?;
    let edited_at = entry
        .edited_at
        .as_deref()
        .map(time)
        .transpose()
        .map_err(|error| refuse(Problem::BadTime(error)))?;
    if written_at > exported_at || edited_at.is_some_and(|edited| edited > exported_at) {
        return Err(refuse(Problem::AfterExport));
    }
    if edited_at.is_some_and(|edited| edited < written_at) {
        return Err(refuse(Problem::EditedBeforeWritten));
    }
    Ok(PlannedEntry {
        id,
        prompt,
        text,
        written_at,
        edited_at,
    })
}

/// An RFC 3339 time, to the millisecond.
fn time(text: &str) -> Result<Timestamp, TimeProblem> {
    // Longer than any RFC 3339 time: refused before the parser sees it.
    if text.len() > 40 {
        return Err(TimeProblem::NotRfc3339);
    }
    let parsed = jiff::Timestamp::from_str(text).map_err(|_| TimeProblem::NotRfc3339)?;
    Ok(Timestamp::from_millis(parsed.as_millisecond()))
}

/// An id for what the import writes, derived from the importing account and the export's own
/// id: the same import into the same account gives the same ids, so a second run finds its
/// work done; another account gets other ids, so two partners importing the same events never
/// collide.
fn derive(person: PersonId, what: &str, from: &Uuid) -> Uuid {
    let digest = Sha256::new()
        .chain_update(b"steadfast-import/1\0")
        .chain_update(what.as_bytes())
        .chain_update(b"\0")
        .chain_update(person.as_uuid().as_bytes())
        .chain_update(from.as_bytes())
        .finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

impl ImportPlan {
    /// What importing this plan into `target`'s account writes. Pure: the same plan and target
    /// always give the same writes.
    pub fn writes(&self, target: Target) -> Writes {
        Writes {
            spaces: self
                .spaces
                .iter()
                .map(|space| self.space_write(space, target))
                .collect(),
            personal: self.personal_writes(target),
        }
    }

    /// The placeholder that stands for the partner of the exported space `old`.
    pub fn placeholder(target: Target, old: SpaceId) -> PersonId {
        PersonId::from_uuid(derive(target.person, "partner", old.as_uuid()))
    }

    /// The new space's id for the exported space `old`.
    pub fn new_space_id(target: Target, old: SpaceId) -> SpaceId {
        SpaceId::from_uuid(derive(target.person, "space", old.as_uuid()))
    }

    fn space_write(&self, space: &SpacePlan, target: Target) -> SpaceWrite {
        let placeholder = Self::placeholder(target, space.old_id);
        let start = space
            .stays
            .iter()
            .map(|(joined, _)| *joined)
            .chain(space.events.iter().map(|event| event.at))
            .min()
            .unwrap_or(self.exported_at);
        let mut members = vec![Member {
            person: target.person,
            joined: start,
            left: None,
        }];
        if space.had_partner {
            // Covers every event, so all that was shared then stays between the two of them.
            let last = space
                .events
                .iter()
                .map(|event| event.at)
                .max()
                .unwrap_or(start);
            let left = [target.now, self.exported_at, last]
                .into_iter()
                .max()
                .unwrap_or(target.now);
            members.push(Member {
                person: placeholder,
                joined: start,
                left: Some(Timestamp::from_millis(left.as_millis().saturating_add(1))),
            });
        }
        let rename = |id: PersonId| {
            if Some(id) == self.people.you {
                Some(target.person)
            } else if self.people.others.contains(&id) {
                Some(placeholder)
            } else {
                None
            }
        };
        let events = space
            .events
            .iter()
            .map(|event| NewEvent {
                id: EventId::from_uuid(derive(target.person, "event", event.id.as_uuid())),
                author: match event.author {
                    Author::You => target.person,
                    Author::Partner | Author::FormerPartner | Author::Other => placeholder,
                },
                at: event.at,
                kind: event.kind.clone(),
                visibility: event.visibility,
                payload: renamed(event.payload.to_json(), &rename),
            })
            .collect();
        SpaceWrite {
            id: Self::new_space_id(target, space.old_id),
            name: space.name.clone(),
            created_at: start,
            creator: target.person,
            members,
            events,
        }
    }

    fn personal_writes(&self, target: Target) -> Vec<NewEvent> {
        let other = PersonId::from_uuid(derive(target.person, "other", &Uuid::nil()));
        let rename = |id: PersonId| (Some(id) == self.people.you).then_some(target.person);
        let mut events: Vec<NewEvent> = self
            .personal_events
            .iter()
            .map(|event| NewEvent {
                id: EventId::from_uuid(derive(target.person, "event", event.id.as_uuid())),
                author: match event.author {
                    Author::You => target.person,
                    Author::Partner | Author::FormerPartner | Author::Other => other,
                },
                at: event.at,
                kind: event.kind.clone(),
                visibility: event.visibility,
                payload: renamed(event.payload.to_json(), &rename),
            })
            .collect();
        for entry in &self.journal {
            let written = JournalEvent::Written {
                entry: entry.id,
                prompt: entry.prompt,
                text: entry.text.clone(),
            };
            let id = derive(target.person, "journal.written", entry.id.as_uuid());
            events.push(written.into_event(
                EventId::from_uuid(id),
                target.person,
                entry.written_at,
            ));
            if let Some(edited_at) = entry.edited_at {
                // The entry's words now, dated when they were last changed, so it reads as edited.
                let edited = JournalEvent::Edited {
                    entry: entry.id,
                    text: entry.text.clone(),
                };
                let id = derive(target.person, "journal.edited", entry.id.as_uuid());
                events.push(edited.into_event(EventId::from_uuid(id), target.person, edited_at));
            }
        }
        // Oldest first, as the log would have them; equal times keep the order above.
        events.sort_by_key(|event| event.at);
        events
    }
}

/// The payload fields that name a person (in `promise.made`, `appreciation.given`,
/// `boundary.proposed` and `.crossed`, `checkin.started`, `repair.opened`). Only these are
/// renamed: a text that happens to spell an id stays as it was written.
const PERSON_FIELDS: [&str; 7] = [
    "receiver",
    "to",
    "partner",
    "crossed_by",
    "reported_by",
    "hurt",
    "responsible",
];

/// `value` with every person field that names a renamed person naming the new id instead.
fn renamed(
    value: serde_json::Value,
    rename: &impl Fn(PersonId) -> Option<PersonId>,
) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|item| renamed(item, rename))
                .collect(),
        ),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(key, item)| {
                    let item = match item {
                        Value::String(text) if PERSON_FIELDS.contains(&key.as_str()) => {
                            match text.parse::<PersonId>().ok().and_then(rename) {
                                Some(new) => Value::String(new.to_string()),
                                None => Value::String(text),
                            }
                        }
                        other => renamed(other, rename),
                    };
                    (key, item)
                })
                .collect(),
        ),
        other => other,
    }
}

/// What the `import` fuzz target and its corpus replay (in `cargo test`) run on each input: the
/// reader, and for a plan it accepts, the writes, held to what must always be true of them. It
/// panics on a broken promise of this module, never on bad input (that is refused).
pub fn exercise(bytes: &[u8]) {
    // Late enough that no export made by a server today is refused as dated in the future.
    let now = Timestamp::from_millis(4_102_444_800_000);
    let Ok(plan) = read(bytes, now) else {
        return;
    };
    let target = Target {
        person: PersonId::from_uuid(Uuid::from_u128(0x5EED)),
        now,
    };
    let writes = plan.writes(target);
    assert_eq!(
        writes,
        plan.writes(target),
        "the writes are the same every time"
    );
    assert_eq!(writes.spaces.len(), plan.spaces.len());
    let mut ids = HashSet::new();
    for (space, planned) in writes.spaces.iter().zip(&plan.spaces) {
        let placeholder = ImportPlan::placeholder(target, planned.old_id);
        let current: Vec<_> = crate::space::current(&space.members).collect();
        assert_eq!(current.len(), 1, "the importer is the one current member");
        assert!(current.iter().all(|member| member.person == target.person));
        assert!(
            space
                .members
                .iter()
                .all(|member| member.left.is_none_or(|left| member.joined <= left))
        );
        assert_eq!(space.events.len(), planned.events.len());
        for event in &space.events {
            assert!(ids.insert(event.id), "event ids are unique");
            assert!(event.author == target.person || event.author == placeholder);
            // What is written reads back as the same kind of event, as the app's folds read it.
            let again = payload::decode(event);
            assert!(
                again.is_ok(),
                "a written {} event reads back: {again:?}",
                event.kind
            );
            // What the placeholder shared stays the importer's, as a departed partner's shared
            // items do; the importer's own are all theirs to see.
            let seen = crate::visibility::can_see(target.person, &event.into(), &space.members);
            assert_eq!(
                seen,
                event.author == target.person || event.visibility == Visibility::Shared
            );
        }
    }
    for event in &writes.personal {
        assert!(ids.insert(event.id), "event ids are unique");
        assert!(
            payload::decode(event).is_ok(),
            "a written {} event reads back",
            event.kind
        );
    }
    assert!(
        writes
            .personal
            .windows(2)
            .all(|pair| pair[0].at <= pair[1].at)
    );
}
