//! Patterns and red flags (docs/PRINCIPLES.md, Patterns and red flags): what repeats in a couple's history in
//! a way that hurts one of them, said to that person only, in plain words, with outside help.
//!
//! The five patterns, with their numbers in [`thresholds`]:
//!
//! - **repeated hurt**: promises to the person broken with severity ≥ 2, three or more within
//!   30 days;
//! - **repeated deception**: promises to the person broken with deception, two or more within
//!   90 days;
//! - **a boundary crossed again**: one of the person's boundaries crossed two or more times
//!   within 60 days;
//! - **low felt trust**: the person's own felt trust low at three completed check-ins in a row;
//! - **hard check-ins**: in three of the last four completed check-ins with the partner, the
//!   person's own private "how did that go for me" was ≤ −2.
//!
//! Windows end now: a pattern describes what is happening, and fades when it stops (docs/PRINCIPLES.md,
//! principle 4). Each pattern carries its evidence (event ids and times), so it can be traced.
//!
//! # Threat model
//!
//! The partner is an authenticated adversary too (docs/PRINCIPLES.md, principle 1). What is protected:
//!
//! - **The partner learns nothing.** Patterns are never stored: [`evaluate`] runs for one
//!   person, on request, and its answer goes to that person only (their page, their API call,
//!   their export). Nothing is appended to the log, so no count, timestamp or sequence gap
//!   reaches the partner, nor their export. Every person sees the same link to the page; what
//!   it shows depends on nobody's choices but the facts.
//! - **The partner's private answers stay private, also by inference.** No pattern reads the
//!   partner's private answers: not as values, and not as a condition either, since a pattern that
//!   appeared only when the partner felt a check-in went well would let a person who always
//!   answers −5 read the other's sealed answer, check-in by check-in. So "hard check-ins" reads
//!   only the person's own "how did that go" (an earlier version compared it with the partner's:
//!   that is what this rule closed). The other patterns rest on what the person recorded, on
//!   crossings of their own boundaries (shared items), and on their own felt trust. A property
//!   test holds it: changing only the partner's private answers changes nothing the person gets.
//! - **What the person recorded themselves.** Breaches are recorded by the one they were
//!   promised to; a crossing may be reported by either. A person who records false breaches
//!   only ever shows them to themselves: patterns go to the one who would be hurt, so they
//!   cannot be turned into an accusation on the partner's screen. The words say "from what was
//!   recorded", never a verdict.
//! - **No labels.** The page uses plain words, never a diagnosis ("gaslighting", "abuse"): a
//!   label can be wrong, can be used against the person, and decides for them.
//! - **Someone holding the unlocked phone** sees what the person would see; the quick exit and
//!   the help page are the protection there, as everywhere.
//!
//! Only the current pairing counts for what involves the partner: breaches, crossings and
//! check-ins with a partner who left are not evaluated (their items are out of the person's view
//! by then too). Low felt trust is the person's own answers, from any of their check-ins.

pub mod thresholds;

use std::collections::HashMap;

use serde::Deserialize;

use crate::checkin::{Change as CheckinChange, CheckinBook, CheckinEvent};
use crate::event::RecordedEvent;
use crate::id::{CheckinId, EventId, PersonId};
use crate::promise::{Effect, PromiseBook, PromiseEvent};
use crate::space::{Member, partner_of};
use crate::time::Timestamp;
pub use thresholds::{THRESHOLDS, Thresholds};

/// Which pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PatternKind {
    RepeatedHurt,
    RepeatedDeception,
    BoundaryCrossedAgain,
    LowFeltTrust,
    HardCheckIns,
}

impl PatternKind {
    pub const ALL: [PatternKind; 5] = [
        PatternKind::RepeatedHurt,
        PatternKind::RepeatedDeception,
        PatternKind::BoundaryCrossedAgain,
        PatternKind::LowFeltTrust,
        PatternKind::HardCheckIns,
    ];

    /// A stable snake_case name (API, export, locale ids).
    pub const fn as_str(self) -> &'static str {
        match self {
            PatternKind::RepeatedHurt => "repeated_hurt",
            PatternKind::RepeatedDeception => "repeated_deception",
            PatternKind::BoundaryCrossedAgain => "boundary_crossed_again",
            PatternKind::LowFeltTrust => "low_felt_trust",
            PatternKind::HardCheckIns => "hard_check_ins",
        }
    }
}

/// One event that counts towards a pattern: its id, and when what it records happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Evidence {
    pub event: EventId,
    pub at: Timestamp,
}

/// A pattern found for one person, with what triggered it, oldest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub evidence: Vec<Evidence>,
    /// For a boundary crossed again: the boundary's id and its latest words (the person's own).
    pub boundary: Option<(String, Option<String>)>,
}

/// The patterns that concern `person` in a space, from all of the space's events (a system view:
/// see the threat model above) and its members, as of `now`. Computed for `person` alone, never
/// about them for someone else.
pub fn evaluate(
    events: &[RecordedEvent],
    members: &[Member],
    person: PersonId,
    now: Timestamp,
) -> Vec<Pattern> {
    evaluate_with(events, members, person, now, &THRESHOLDS)
}

/// [`evaluate`] with other thresholds.
pub fn evaluate_with(
    events: &[RecordedEvent],
    members: &[Member],
    person: PersonId,
    now: Timestamp,
    limits: &Thresholds,
) -> Vec<Pattern> {
    let Some(partner) = partner_of(members, person) else {
        // Alone in the space: only their own felt trust can speak.
        let facts = Facts::gather(events);
        return low_felt_trust(&facts, person, limits).into_iter().collect();
    };
    let facts = Facts::gather(events);
    let mut patterns = Vec::new();
    let breaches: Vec<&Breach> = facts
        .breaches
        .iter()
        .filter(|b| b.receiver == person && b.promiser == partner)
        .collect();
    let hurt: Vec<Evidence> = breaches
        .iter()
        .filter(|b| b.severity >= limits.breach_severity && within(b.at, now, limits.breach_window))
        .map(|b| b.evidence)
        .collect();
    if hurt.len() >= limits.breaches {
        patterns.push(pattern(PatternKind::RepeatedHurt, hurt));
    }
    let deceived: Vec<Evidence> = breaches
        .iter()
        .filter(|b| b.deception && within(b.at, now, limits.deception_window))
        .map(|b| b.evidence)
        .collect();
    if deceived.len() >= limits.deceptions {
        patterns.push(pattern(PatternKind::RepeatedDeception, deceived));
    }
    patterns.extend(crossed_again(&facts, person, partner, now, limits));
    patterns.extend(low_felt_trust(&facts, person, limits));
    patterns.extend(hard_check_ins(&facts, person, partner, limits));
    patterns
}

fn pattern(kind: PatternKind, mut evidence: Vec<Evidence>) -> Pattern {
    evidence.sort_by_key(|e| e.at);
    Pattern {
        kind,
        evidence,
        boundary: None,
    }
}

/// Within `window` before `now`, edges included; what is dated after `now` does not count yet.
fn within(at: Timestamp, now: Timestamp, window: std::time::Duration) -> bool {
    at <= now && at >= now.saturating_sub(window)
}

struct Breach {
    promiser: PersonId,
    receiver: PersonId,
    severity: u8,
    deception: bool,
    at: Timestamp,
    evidence: Evidence,
}

/// A `boundary.crossed` event, read by its name and payload (the boundaries module's own types
/// may grow; these fields are its contract).
#[derive(Deserialize)]
struct CrossedPayload {
    boundary: String,
    crossed_by: PersonId,
    /// When it happened, if the report says.
    #[serde(default)]
    at: Option<Timestamp>,
}

/// A `boundary.proposed` or `boundary.revised` event: its author owns the boundary.
#[derive(Deserialize)]
struct WordsPayload {
    boundary: String,
    #[serde(default)]
    text: Option<String>,
}

struct Crossed {
    boundary: String,
    crossed_by: PersonId,
    evidence: Evidence,
}

/// What the patterns read, gathered from the events in one pass.
struct Facts {
    breaches: Vec<Breach>,
    crossings: Vec<Crossed>,
    /// Each boundary's owner (who proposed it) and latest words.
    boundaries: HashMap<String, (PersonId, Option<String>)>,
    checkins: CheckinBook,
    /// The `checkin.answers` event of each participant of each check-in.
    answers: HashMap<(CheckinId, PersonId), EventId>,
}

impl Facts {
    fn gather(events: &[RecordedEvent]) -> Self {
        let mut promises = PromiseBook::default();
        let mut facts = Facts {
            breaches: Vec::new(),
            crossings: Vec::new(),
            boundaries: HashMap::new(),
            checkins: CheckinBook::default(),
            answers: HashMap::new(),
        };
        for recorded in events {
            let event = &recorded.event;
            if let Some(promise_event) = PromiseEvent::from_event(event) {
                // The lifecycle decides what counts (only the receiver records a breach).
                if let Some(outcome) = promises.apply(event.author, event.at, &promise_event)
                    && let Effect::Broken {
                        severity,
                        deception,
                    } = outcome.effect
                {
                    facts.breaches.push(Breach {
                        promiser: outcome.promiser,
                        receiver: outcome.receiver,
                        severity: severity.get(),
                        deception,
                        at: outcome.when,
                        evidence: Evidence {
                            event: event.id,
                            at: outcome.when,
                        },
                    });
                }
            } else if let Some(checkin) = CheckinEvent::from_event(event) {
                if let CheckinChange::Answers { .. } = checkin.change {
                    facts
                        .answers
                        .entry((checkin.checkin, event.author))
                        .or_insert(event.id);
                }
                facts.checkins.apply(event.author, event.at, &checkin);
            } else {
                match event.kind.as_str() {
                    "boundary.crossed" => {
                        if let Ok(crossed) =
                            serde_json::from_value::<CrossedPayload>(event.payload.clone())
                        {
                            facts.crossings.push(Crossed {
                                boundary: crossed.boundary,
                                crossed_by: crossed.crossed_by,
                                evidence: Evidence {
                                    event: event.id,
                                    at: crossed.at.unwrap_or(event.at),
                                },
                            });
                        }
                    }
                    "boundary.proposed" => {
                        if let Ok(words) =
                            serde_json::from_value::<WordsPayload>(event.payload.clone())
                        {
                            facts
                                .boundaries
                                .entry(words.boundary)
                                .or_insert((event.author, words.text));
                        }
                    }
                    "boundary.revised" => {
                        if let Ok(words) =
                            serde_json::from_value::<WordsPayload>(event.payload.clone())
                            && let Some((_, text)) = facts.boundaries.get_mut(&words.boundary)
                            && words.text.is_some()
                        {
                            *text = words.text;
                        }
                    }
                    _ => {}
                }
            }
        }
        facts
    }

    /// The person's completed check-ins, oldest completion first.
    fn completed(&self, person: PersonId) -> Vec<&crate::checkin::Checkin> {
        let mut done: Vec<_> = self
            .checkins
            .all()
            .iter()
            .filter(|c| c.is_participant(person) && c.is_complete())
            .collect();
        done.sort_by_key(|c| c.completed_at());
        done
    }

    fn answers_evidence(
        &self,
        checkin: &crate::checkin::Checkin,
        person: PersonId,
    ) -> Option<Evidence> {
        Some(Evidence {
            event: *self.answers.get(&(checkin.id, person))?,
            at: checkin.side(person)?.submitted_at?,
        })
    }
}

/// Each of the person's boundaries crossed by the partner at least the threshold's times within
/// the window. The owner is who proposed it; a boundary whose proposal is not in the log is taken
/// to be the person's when their partner crossed it (a couple's boundary belongs to the one who
/// did not cross it).
fn crossed_again(
    facts: &Facts,
    person: PersonId,
    partner: PersonId,
    now: Timestamp,
    limits: &Thresholds,
) -> Vec<Pattern> {
    let mut by_boundary: Vec<(&str, Vec<Evidence>)> = Vec::new();
    for crossed in &facts.crossings {
        let owner = facts
            .boundaries
            .get(&crossed.boundary)
            .map_or(person, |(owner, _)| *owner);
        if owner != person
            || crossed.crossed_by != partner
            || !within(crossed.evidence.at, now, limits.crossing_window)
        {
            continue;
        }
        match by_boundary
            .iter_mut()
            .find(|(b, _)| *b == crossed.boundary.as_str())
        {
            Some((_, evidence)) => evidence.push(crossed.evidence),
            None => by_boundary.push((&crossed.boundary, vec![crossed.evidence])),
        }
    }
    by_boundary
        .into_iter()
        .filter(|(_, evidence)| evidence.len() >= limits.crossings)
        .map(|(boundary, evidence)| {
            let words = facts
                .boundaries
                .get(boundary)
                .and_then(|(_, text)| text.clone());
            Pattern {
                boundary: Some((boundary.to_owned(), words)),
                ..pattern(PatternKind::BoundaryCrossedAgain, evidence)
            }
        })
        .collect()
}

/// The person's own felt trust, low at each of their last completed check-ins.
fn low_felt_trust(facts: &Facts, person: PersonId, limits: &Thresholds) -> Option<Pattern> {
    let mut run = Vec::new();
    for checkin in facts.completed(person).into_iter().rev() {
        let mean = checkin
            .side(person)
            .and_then(|side| side.answers.as_ref())
            .and_then(|answers| answers.felt())
            .map(|felt| felt.mean);
        match mean {
            Some(mean) if mean <= limits.low_felt_trust => {
                run.extend(facts.answers_evidence(checkin, person));
            }
            _ => break,
        }
        if run.len() >= limits.low_trust_checkins {
            break;
        }
    }
    (run.len() >= limits.low_trust_checkins && limits.low_trust_checkins > 0)
        .then(|| pattern(PatternKind::LowFeltTrust, run))
}

/// The last completed check-ins with the partner went badly for the person, by their own private
/// answer alone (never the partner's: see the module's threat model).
fn hard_check_ins(
    facts: &Facts,
    person: PersonId,
    partner: PersonId,
    limits: &Thresholds,
) -> Option<Pattern> {
    let together: Vec<_> = facts
        .completed(person)
        .into_iter()
        .filter(|c| c.is_participant(partner))
        .collect();
    let hard: Vec<Evidence> = together
        .iter()
        .rev()
        .take(limits.hard_of_last)
        .filter(|c| {
            c.side(person)
                .and_then(|side| side.answers.as_ref())
                .and_then(|answers| answers.how_it_went)
                .is_some_and(|feeling| feeling.get() <= limits.hard_feeling)
        })
        .filter_map(|c| facts.answers_evidence(c, person))
        .collect();
    (hard.len() >= limits.hard_checkins && limits.hard_checkins > 0)
        .then(|| pattern(PatternKind::HardCheckIns, hard))
}
