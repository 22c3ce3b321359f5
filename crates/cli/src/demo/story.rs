//! One demo couple's months together, played day by day. Every event comes from a core decision
//! taken on the fold its author would see at that moment, as the web's handlers take them; the
//! generator only chooses who does what and when. Pure: ids and choices come from the seeded
//! generator, times from the day being played, so the same seed tells the same story.

use std::collections::BTreeMap;
use std::time::Duration;

use fastrand::Rng;
use steadfast_core::appreciation::{AppreciationText, decide_give};
use steadfast_core::boundary::{self, BoundaryText, BoundaryWhy, decide_propose};
use steadfast_core::checkin::{
    self, Answers, CheckinEvent, Feeling, Note, Patch, Submission, TrustItem, TrustLevel,
    decide_start,
};
use steadfast_core::daily::{DailyText, Mood, Written, decide_write};
use steadfast_core::id::RepairId;
use steadfast_core::promise::{
    self, PromiseEvent, PromiseText, Reason, Severity, Stakes, Terms, TrustDomain, decide_make,
};
use steadfast_core::record::ConsentEvent;
use steadfast_core::repair::{
    self, Link, RepairEvent, RepairText, Role, SafetyAct, SafetyAnswer, decide_open,
};
use steadfast_core::ritual::{
    EveryWeeks, Minutes, RitualEvent, RitualId, RitualKind, RitualName, Schedule, StartTime,
    Weekdays, decide_plan,
};
use steadfast_core::space::ZoneName;
use steadfast_core::{
    AppreciationId, BoundaryId, CheckinId, EventId, Ledger, Member, NewEvent, PersonId, PromiseId,
    RecordedEvent, SpaceId, StreamId, Timestamp, Visibility,
};

const HOUR: Duration = Duration::from_secs(60 * 60);
const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// The two partners of a demo space; `a` opened it and invited `b`.
#[derive(Clone, Copy, Debug)]
pub struct Couple {
    pub space: SpaceId,
    pub a: PersonId,
    pub b: PersonId,
    /// Both joined at this time: the first day of the story.
    pub joined: Timestamp,
    /// Whether this couple goes through a repair plan after a breach.
    pub repairs: bool,
}

/// What a couple's story came to: its events in log order, and how many planned steps the
/// core refused (a generator bug if not zero; the step is left out, as the app would).
pub struct Story {
    pub events: Vec<NewEvent>,
    /// The source lines of the refused steps.
    pub refused: Vec<u32>,
}

/// Plays `days` days from `couple.joined`.
pub fn play(couple: &Couple, rng: &mut Rng, days: u32) -> Story {
    let mut stage = Stage::new(couple, rng);
    stage.opening();
    for day in 0..days {
        stage.day(day);
        stage.run_until(stage.time(day + 1, 0));
    }
    Story {
        events: stage.events.into_iter().map(|r| r.event).collect(),
        refused: stage.refused,
    }
}

/// A planned promise step, run when its time comes.
struct Planned {
    at: Timestamp,
    promise: PromiseId,
    actor: PersonId,
    command: promise::Command,
}

/// How a promise will end, chosen when it is made.
#[derive(Clone, Copy)]
enum Fate {
    Kept,
    DoneThenKept,
    Broken {
        deception: bool,
    },
    Renegotiated,
    Released,
    LetGo,
    /// Still open at the end of the story.
    Open,
}

struct Stage<'a> {
    couple: Couple,
    rng: &'a mut Rng,
    members: Vec<Member>,
    events: Vec<RecordedEvent>,
    a: Ledger,
    b: Ledger,
    planned: Vec<Planned>,
    refused: Vec<u32>,
    /// How this couple tends to feel about trust (0–6), drifting upward over the months.
    mood: i8,
    repair_opened: bool,
}

impl<'a> Stage<'a> {
    fn new(couple: &Couple, rng: &'a mut Rng) -> Self {
        let member = |person| Member {
            person,
            joined: couple.joined,
            left: None,
        };
        let mood = rng.i8(2..=4);
        Self {
            couple: *couple,
            rng,
            members: vec![member(couple.a), member(couple.b)],
            events: Vec::new(),
            a: Ledger::new(couple.a),
            b: Ledger::new(couple.b),
            planned: Vec::new(),
            refused: Vec::new(),
            mood,
            repair_opened: false,
        }
    }

    fn time(&self, day: u32, hour: u32) -> Timestamp {
        self.couple.joined.saturating_add(DAY * day + HOUR * hour)
    }

    fn other(&self, person: PersonId) -> PersonId {
        if person == self.couple.a {
            self.couple.b
        } else {
            self.couple.a
        }
    }

    fn ledger(&self, person: PersonId) -> &Ledger {
        if person == self.couple.a {
            &self.a
        } else {
            &self.b
        }
    }

    fn either(&mut self) -> PersonId {
        if self.rng.bool() {
            self.couple.a
        } else {
            self.couple.b
        }
    }

    fn uuid(&mut self) -> uuid::Uuid {
        uuid::Builder::from_random_bytes(self.rng.u128(..).to_le_bytes()).into_uuid()
    }

    fn event_id(&mut self) -> EventId {
        EventId::from_uuid(self.uuid())
    }

    /// Appends one event to the log and folds it into both partners' views.
    fn push(&mut self, event: NewEvent) {
        let recorded = RecordedEvent {
            stream: StreamId::Space(self.couple.space),
            seq: self.events.len() as u64 + 1,
            event,
        };
        self.a
            .advance(std::slice::from_ref(&recorded), &self.members);
        self.b
            .advance(std::slice::from_ref(&recorded), &self.members);
        self.events.push(recorded);
    }

    fn pick<'t>(&mut self, choices: &[&'t str]) -> &'t str {
        choices[self.rng.usize(..choices.len())]
    }

    /// The first days: both switch the record on, a ritual is planned, a boundary is set and
    /// acknowledged.
    fn opening(&mut self) {
        let (a, b) = (self.couple.a, self.couple.b);
        for (person, hour) in [(a, 9), (b, 10)] {
            let at = self.time(0, hour);
            let id = self.event_id();
            self.push(ConsentEvent { on: true }.into_event(id, person, at));
        }
        self.plan_ritual(a, 0, "Friday dinner, phones away", RitualKind::DateNight);
        self.plan_ritual(b, 1, "Sunday walk", RitualKind::Walk);
        self.boundary(2);
    }

    fn plan_ritual(&mut self, author: PersonId, day: u32, name: &str, kind: RitualKind) {
        let at = self.time(day, 20);
        let weekday = match kind {
            RitualKind::DateNight => jiff::civil::Weekday::Friday,
            _ => jiff::civil::Weekday::Sunday,
        };
        let (Ok(name), Ok(weekdays), Ok(start), Ok(every), Ok(duration), Some(first_date)) = (
            RitualName::parse(name),
            Weekdays::new([weekday]),
            StartTime::new(19, 0),
            EveryWeeks::new(1),
            Minutes::new(90),
            civil_date(at),
        ) else {
            self.refused.push(line!());
            return;
        };
        let schedule = Schedule {
            weekdays,
            start,
            every,
            duration,
            first_date,
            zone: ZoneName::default(),
        };
        let ritual = RitualId::from_uuid(self.uuid());
        let change = decide_plan(name, kind, schedule);
        let id = self.event_id();
        self.push(RitualEvent { ritual, change }.into_event(id, author, at));
    }

    fn boundary(&mut self, day: u32) {
        let (owner, partner) = (self.couple.a, self.couple.b);
        let boundary = BoundaryId::from_uuid(self.uuid());
        let (Ok(text), Ok(why)) = (
            BoundaryText::parse("No checking each other's phone without asking"),
            BoundaryWhy::parse("I want us to trust by asking, not by looking."),
        ) else {
            self.refused.push(line!());
            return;
        };
        let Ok(proposed) = decide_propose(owner, Some(partner), boundary, text, Some(why)) else {
            self.refused.push(line!());
            return;
        };
        let at = self.time(day, 21);
        let id = self.event_id();
        self.push(proposed.into_event(id, owner, at));

        let at = self.time(day + 1, 8);
        let decided = self
            .b
            .boundaries
            .get(boundary)
            .map(|b| b.decide(partner, boundary::Command::Acknowledge, at));
        match decided {
            Some(Ok(events)) => {
                for event in events {
                    let id = self.event_id();
                    self.push(event.into_event(id, partner, at));
                }
            }
            _ => self.refused.push(line!()),
        }
    }

    /// One day's choices: a promise now and then, the weekly check-in, thanks and diary lines.
    fn day(&mut self, day: u32) {
        if day % 30 == 29 && self.mood < 5 {
            self.mood += 1;
        }
        if self.rng.u8(..100) < 35 {
            self.make_promise(day);
        }
        if day % 7 == 6 && self.rng.u8(..100) < 85 {
            // Steps planned earlier in the day go first.
            self.run_until(self.time(day, 19));
            self.checkin(day);
        }
        if self.rng.u8(..100) < 30 {
            let hour = self.rng.u32(7..22);
            self.run_until(self.time(day, hour));
            self.appreciate(day, hour);
        }
        for person in [self.couple.a, self.couple.b] {
            if self.rng.u8(..100) < 40 {
                self.run_until(self.time(day, 22));
                self.daily(person, day);
            }
        }
    }

    /// Runs the planned promise steps due before `until`, in time order.
    fn run_until(&mut self, until: Timestamp) {
        self.planned.sort_by_key(|p| std::cmp::Reverse(p.at));
        while self.planned.last().is_some_and(|p| p.at < until) {
            let Some(step) = self.planned.pop() else {
                break;
            };
            self.step(step);
        }
    }

    fn step(&mut self, step: Planned) {
        let decided = self
            .ledger(step.actor)
            .promises
            .get(step.promise)
            .map(|p| p.decide(step.actor, step.command.clone(), step.at));
        let Some(Ok(change)) = decided else {
            self.refused.push(line!());
            return;
        };
        let broken = matches!(change, promise::Change::Broken { .. });
        let id = self.event_id();
        self.push(
            PromiseEvent {
                promise: step.promise,
                change,
            }
            .into_event(id, step.actor, step.at),
        );
        if broken && self.couple.repairs && !self.repair_opened {
            self.repair_opened = true;
            self.repair(step.promise, step.actor, step.at);
        }
    }

    fn make_promise(&mut self, day: u32) {
        let promiser = self.either();
        let receiver = self.other(promiser);
        let text = self.pick(&[
            "Call when I'm going to be late",
            "Cook dinner on Wednesday",
            "Pay the electricity bill",
            "Pick up the kids from school",
            "Book the dentist for both of us",
            "Tell you about the job interview before I decide",
            "Be home by eleven after the party",
            "Fix the bathroom tap",
            "Put the phone away at dinner",
            "Sort out the car insurance",
            "Plan the weekend away",
            "Ask before lending my brother money",
        ]);
        let domain = self.pick(&["home", "money", "time", "honesty", "family"]);
        let hour = self.rng.u32(8..12);
        let made = self.time(day, hour);
        let due_day = day + self.rng.u32(1..=6);
        let due = self.time(due_day, 20);
        let (Ok(text), Ok(stakes), Ok(domain)) = (
            PromiseText::parse(text),
            Stakes::new(self.rng.u8(1..=5)),
            TrustDomain::parse(domain),
        ) else {
            self.refused.push(line!());
            return;
        };
        let terms = Terms {
            text,
            stakes,
            due: Some(due),
        };
        let Ok(change) = decide_make(
            promiser,
            Some(receiver),
            terms.clone(),
            Some(domain),
            None,
            made,
        ) else {
            self.refused.push(line!());
            return;
        };
        let promise = PromiseId::from_uuid(self.uuid());
        let id = self.event_id();
        self.push(PromiseEvent { promise, change }.into_event(id, promiser, made));

        let fate = match self.rng.u8(..100) {
            0..45 => Fate::Kept,
            45..65 => Fate::DoneThenKept,
            65..77 => Fate::Broken {
                deception: self.rng.u8(..3) == 0,
            },
            77..87 => Fate::Renegotiated,
            87..92 => Fate::Released,
            92..97 => Fate::LetGo,
            _ => Fate::Open,
        };
        let plan = |at, actor, command| Planned {
            at,
            promise,
            actor,
            command,
        };
        match fate {
            Fate::Kept => self.planned.push(plan(
                self.time(due_day, 19),
                receiver,
                promise::Command::ConfirmKept {
                    stakes: None,
                    when: None,
                },
            )),
            Fate::DoneThenKept => {
                self.planned.push(plan(
                    self.time(due_day, 17),
                    promiser,
                    promise::Command::MarkDone { when: None },
                ));
                self.planned.push(plan(
                    self.time(due_day, 21),
                    receiver,
                    promise::Command::ConfirmKept {
                        stakes: None,
                        when: None,
                    },
                ));
            }
            Fate::Broken { deception } => {
                let severity = Severity::new(self.rng.u8(1..=4));
                if let Ok(severity) = severity {
                    self.planned.push(plan(
                        self.time(due_day + 1, 9),
                        receiver,
                        promise::Command::RecordBroken {
                            severity,
                            deception,
                            when: None,
                        },
                    ));
                }
            }
            Fate::Renegotiated => {
                let new_due_day = due_day + self.rng.u32(2..=5);
                let reason = Reason::parse("Work ran over this week; can we move it?");
                if let Ok(reason) = reason {
                    let terms = Terms {
                        due: Some(self.time(new_due_day, 20)),
                        ..terms
                    };
                    self.planned.push(plan(
                        self.time(due_day, 8),
                        promiser,
                        promise::Command::AskRenegotiation { terms, reason },
                    ));
                    self.planned.push(plan(
                        self.time(due_day, 12),
                        receiver,
                        promise::Command::AcceptRenegotiation,
                    ));
                    self.planned.push(plan(
                        self.time(new_due_day, 19),
                        receiver,
                        promise::Command::ConfirmKept {
                            stakes: None,
                            when: None,
                        },
                    ));
                }
            }
            Fate::Released => self.planned.push(plan(
                self.time(day + 1, 13),
                receiver,
                promise::Command::Release,
            )),
            Fate::LetGo => self.planned.push(plan(
                self.time(due_day + 1, 10),
                receiver,
                promise::Command::LetGo,
            )),
            Fate::Open => {}
        }
    }

    /// A weekly check-in: one starts it, both answer, both submit, and the second submission
    /// reveals both sides.
    fn checkin(&mut self, day: u32) {
        let first = self.either();
        let other = self.other(first);
        let at = self.time(day, 19);
        let Ok(change) = decide_start(first, Some(other), self.ledger(first).checkins.all()) else {
            self.refused.push(line!());
            return;
        };
        let checkin = CheckinId::from_uuid(self.uuid());
        let id = self.event_id();
        self.push(CheckinEvent { checkin, change }.into_event(id, first, at));

        let mut answers = BTreeMap::new();
        for (minutes, person) in [(20, first), (25, other)] {
            let patch = self.answers();
            let at = at.saturating_add(Duration::from_secs(60 * minutes));
            let decided = self
                .ledger(person)
                .checkins
                .get(checkin)
                .map(|c| c.decide_draft(person, Some(self.other(person)), &patch, at));
            let Some(Ok(change)) = decided else {
                self.refused.push(line!());
                return;
            };
            answers.insert(person, Answers::default().merged(&patch));
            let id = self.event_id();
            self.push(CheckinEvent { checkin, change }.into_event(id, person, at));
        }
        for (minutes, person) in [(50, first), (55, other)] {
            let at = at.saturating_add(Duration::from_secs(60 * minutes));
            let partner = self.other(person);
            let decided = self
                .ledger(person)
                .checkins
                .get(checkin)
                .map(|c| c.decide_submit(person, Some(partner), answers.get(&partner), at));
            let Some(Ok(Submission::Events(events))) = decided else {
                self.refused.push(line!());
                return;
            };
            for decided in events {
                let id = self.event_id();
                self.push(decided.event.into_event(id, decided.author, at));
            }
        }
    }

    /// One partner's check-in answers, around the couple's current level of trust.
    fn answers(&mut self) -> Patch {
        let mut felt_trust = BTreeMap::new();
        for item in TrustItem::ALL {
            let level = (self.mood + self.rng.i8(-1..=1)).clamp(0, 6);
            if let Ok(level) = TrustLevel::new(level) {
                felt_trust.insert(item, level);
            }
        }
        let thanks = self.pick(&[
            "You listened on Tuesday without fixing anything",
            "You took the kids so I could rest",
            "You told me straight away about the bill",
            "You made coffee before my early shift",
        ]);
        let went_right = self.pick(&[
            "We sorted the week's plans without a fight",
            "Dinner on Friday felt easy again",
            "We laughed a lot this week",
        ]);
        let requests = self.pick(&[
            "Could we keep Sunday evening free?",
            "Please text when plans change",
            "Let's go to bed at the same time more often",
        ]);
        Patch {
            appreciations: checkin::Appreciation::parse(thanks).ok().map(|a| vec![a]),
            went_right: Some(Note::parse(went_right).ok()),
            felt_trust,
            topic: None,
            listener_notes: None,
            requests: Some(Note::parse(requests).ok()),
            how_it_went: Some(Feeling::new(self.rng.i8(-1..=4)).ok()),
            step: None,
        }
    }

    fn appreciate(&mut self, day: u32, hour: u32) {
        let from = self.either();
        let text = self.pick(&[
            "Thank you for waiting up for me",
            "Thanks for handling the call with the landlord",
            "I noticed you kept your word about the phone",
            "Thank you for the note in my bag",
            "Thanks for being patient with me this week",
            "You made Sunday lovely",
        ]);
        let Ok(text) = AppreciationText::parse(text) else {
            self.refused.push(line!());
            return;
        };
        let appreciation = AppreciationId::from_uuid(self.uuid());
        let Ok(given) = decide_give(from, Some(self.other(from)), appreciation, text) else {
            self.refused.push(line!());
            return;
        };
        let at = self.time(day, hour);
        let id = self.event_id();
        self.push(given.into_event(id, from, at));
    }

    fn daily(&mut self, person: PersonId, day: u32) {
        let at = self.time(day, 22);
        let line = self.pick(&[
            "Good talk in the car",
            "Tired, but we were kind to each other",
            "A quiet evening together",
            "Felt a bit distant today",
        ]);
        let (Ok(mood), Some(date)) = (Mood::new(self.rng.u8(2..=5)), civil_date(at)) else {
            self.refused.push(line!());
            return;
        };
        let written = Written {
            mood,
            appreciation: DailyText::parse(line).ok(),
            plan: None,
        };
        let visibility = if self.rng.u8(..3) == 0 {
            Visibility::Private
        } else {
            Visibility::Shared
        };
        let changes = decide_write(
            &self.ledger(person).daily,
            person,
            date,
            written,
            visibility,
        );
        for change in changes {
            let id = self.event_id();
            self.push(change.into_event(id, person, at));
        }
    }

    /// After the first breach: the hurt partner opens a repair plan linked to the promise, and
    /// after both answer the safety check, the responsible one acknowledges, takes responsibility
    /// and apologises in the hours after.
    fn repair(&mut self, promise: PromiseId, hurt: PersonId, at: Timestamp) {
        let responsible = self.other(hurt);
        let linked = self.ledger(hurt).promises.get(promise);
        let Ok(change) = decide_open(
            hurt,
            Some(responsible),
            Role::Hurt,
            Some(Link::Promise { promise }),
            linked,
            None,
        ) else {
            self.refused.push(line!());
            return;
        };
        let repair = RepairId::from_uuid(self.uuid());
        let opened = at.saturating_add(HOUR);
        let id = self.event_id();
        self.push(RepairEvent { repair, change }.into_event(id, hurt, opened));
        // Joint steps wait until both have answered the safety check, each unworried.
        let calm = SafetyAnswer {
            afraid: false,
            pressured: false,
            unsafe_now: false,
        };
        for (minutes, person) in [(10, hurt), (20, responsible)] {
            let at = opened.saturating_add(Duration::from_secs(60 * minutes));
            let id = self.event_id();
            let act =
                self.ledger(person)
                    .decide_safety(SafetyAct::Answered(calm), &self.members, at);
            self.push(act.into_event(id, person, at));
        }

        let steps: [(u32, Say, &str); 3] = [
            (
                1,
                repair::Command::Acknowledge,
                "I said I would and I didn't, and you found out from someone else.",
            ),
            (
                2,
                repair::Command::TakeResponsibility,
                "That was my choice. I kept it from you to dodge an argument, and that is on me.",
            ),
            (
                3,
                repair::Command::Apologise,
                "I'm sorry. I understand it made you wonder what else I leave out.",
            ),
        ];
        for (hours, command, text) in steps {
            let at = opened.saturating_add(HOUR * hours);
            let Ok(text) = RepairText::parse(text) else {
                self.refused.push(line!());
                return;
            };
            let ledger = self.ledger(responsible);
            let joint = ledger.safety(&self.members, at).joint;
            let decided = ledger
                .repairs
                .get(repair)
                .map(|plan| plan.decide(responsible, command(text), joint));
            let Some(Ok(change)) = decided else {
                self.refused.push(line!());
                return;
            };
            let id = self.event_id();
            self.push(RepairEvent { repair, change }.into_event(id, responsible, at));
        }
    }
}

/// A repair step that says something.
type Say = fn(RepairText) -> repair::Command;

/// The UTC calendar day of `at` (a demo space keeps the default zone, UTC).
fn civil_date(at: Timestamp) -> Option<jiff::civil::Date> {
    jiff::Timestamp::from_millisecond(at.as_millis())
        .ok()
        .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date())
}
