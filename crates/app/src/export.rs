//! A person's export: everything of theirs they may take with them, gathered here and written
//! down as a document by whoever serves it. What of the log goes in is decided in
//! `steadfast_core::export` (with the visibility rule); this loads and asks.
//!
//! Gathered in two parts so a long history never sits in memory whole: the [`Head`] (the
//! account, tokens, the person's own stream, the journal, coaching) and then one [`SpacePart`]
//! at a time.
//!
//! Never in it: a password, recovery code, session or token, nor any hash of one; a partner's
//! private item, nor any trace of one; anything of the partner's once the person has left; the
//! name of a partner who left.

use steadfast_core::export;
use steadfast_core::journal::{JournalBook, JournalEntry, is_journal_kind};
use steadfast_core::pattern::{self, Pattern};
use steadfast_core::space::{self, Member, Standing};
use steadfast_core::{PersonId, RecordedEvent, StreamId, Timestamp};
use steadfast_store::{Account, ApiTokenRecord, CoachReadRecord, GrantRecord, SpaceRecord};

use crate::App;
use crate::refusal::{Explain, Explained, Failure, Refused};
use crate::spaces;

/// Why an export was not made.
#[derive(Debug)]
pub enum ExportError {
    /// The account went between signing in and the export: nothing to export.
    NotFound,
    Failed(Failure),
}

crate::failed_underneath!(ExportError);

impl Explain for ExportError {
    fn explain(&self) -> Explained<'_> {
        match self {
            ExportError::NotFound => Explained::Refused(Refused::not_found()),
            ExportError::Failed(failure) => Explained::Failed(failure),
        }
    }
}

/// Everything of the export but the spaces.
pub struct Head {
    pub exported_at: Timestamp,
    pub account: Account,
    /// Names and dates are all a document may show of them.
    pub tokens: Vec<ApiTokenRecord>,
    /// The person's own stream, oldest first, without the journal's events (the journal is in
    /// `journal`, as its entries read now).
    pub own_events: Vec<RecordedEvent>,
    /// Oldest entry first; deleted entries are not in it.
    pub journal: Vec<JournalEntry>,
    /// Every grant the person gave a coach, with the coach's name.
    pub grants: Vec<(GrantRecord, Option<String>)>,
    /// Every coach read of the person's data (which view, when, which coach), newest first,
    /// with the coach's name.
    pub reads: Vec<(CoachReadRecord, Option<String>)>,
}

/// One space the person is or was in, as the export shows it.
pub struct SpacePart {
    pub record: SpaceRecord,
    pub members: Vec<Member>,
    /// True while the person is in the space.
    pub current: bool,
    /// The partner's login name while the two share the space.
    pub partner: Option<String>,
    /// The person is alone because the partner they shared it with left.
    pub pairing_ended: bool,
    /// The patterns that concern the person there now (theirs only).
    pub patterns: Vec<Pattern>,
    /// The space's whole log as read; [`SpacePart::events`] picks what goes in.
    log: Vec<RecordedEvent>,
}

impl SpacePart {
    /// The space's events the person wrote or may see, oldest first.
    pub fn events(&self, person: PersonId) -> impl Iterator<Item = &RecordedEvent> {
        export::space_events(person, self.record.id, &self.log, &self.members)
    }
}

/// The export's fields besides the spaces.
pub async fn head(app: &App, person: PersonId) -> Result<Head, ExportError> {
    let exported_at = app.now();
    // The caller was just authenticated; an account deleted in between has nothing to export.
    let account = app
        .store
        .account(person)
        .await?
        .ok_or(ExportError::NotFound)?;
    let tokens = app.store.api_tokens_of(person).await?;
    let mut names = Names::default();
    let mut grants = Vec::new();
    for space in spaces_of(app, person).await? {
        for grant in app.store.coach_grants_by(space.id, person).await? {
            let name = names.of(app, grant.coach).await?;
            grants.push((grant, name));
        }
    }
    let mut reads = Vec::new();
    for read in app.store.coach_reads_of(person).await? {
        let name = names.of(app, read.coach).await?;
        reads.push((read, name));
    }
    let own = app.store.read(StreamId::Person(person), 1).await?;
    let journal = JournalBook::fold(person, &own).all().to_vec();
    let own_events = export::own_stream_events(person, &own)
        .filter(|event| !is_journal_kind(event.event.kind.as_str()))
        .cloned()
        .collect();
    Ok(Head {
        exported_at,
        account,
        tokens,
        own_events,
        journal,
        grants,
        reads,
    })
}

/// Each space the person is or was in, once however many stays they had in it, most recently
/// joined first.
pub async fn spaces_of(app: &App, person: PersonId) -> Result<Vec<SpaceRecord>, ExportError> {
    let mut spaces: Vec<SpaceRecord> = Vec::new();
    for (record, _) in app.store.spaces_of(person).await? {
        if !spaces.iter().any(|seen| seen.id == record.id) {
            spaces.push(record);
        }
    }
    Ok(spaces)
}

/// One space as the export shows it to `person`.
pub async fn space(
    app: &App,
    person: PersonId,
    record: SpaceRecord,
) -> Result<SpacePart, ExportError> {
    let members: Vec<Member> = spaces::members(app, record.id).await?;
    let partner = match space::partner_of(&members, person) {
        Some(partner) => app
            .store
            .account(partner)
            .await?
            .map(|account| account.username),
        None => None,
    };
    let log = app.store.read(StreamId::Space(record.id), 1).await?;
    let patterns = pattern::evaluate(&log, &members, person, app.now());
    Ok(SpacePart {
        current: space::standing(&members, person) == Standing::Current,
        pairing_ended: space::pairing_ended(&members, person),
        record,
        members,
        partner,
        patterns,
        log,
    })
}

/// Usernames looked up once each.
#[derive(Default)]
struct Names(Vec<(PersonId, Option<String>)>);

impl Names {
    async fn of(&mut self, app: &App, person: PersonId) -> Result<Option<String>, ExportError> {
        if let Some((_, name)) = self.0.iter().find(|(id, _)| *id == person) {
            return Ok(name.clone());
        }
        let name = app
            .store
            .account(person)
            .await?
            .map(|account| account.username);
        self.0.push((person, name.clone()));
        Ok(name)
    }
}
