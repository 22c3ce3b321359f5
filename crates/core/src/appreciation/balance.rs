//! The balance of positive and negative moments over the last four weeks, and the moments of
//! progress worth celebrating.
//!
//! The balance is a gentle guide after John Gottman's finding that couples who stay together
//! tend to have about five positive interactions for each negative one. It is a guide, not a
//! score: it is about the two of them together, never about one person, and every number can be
//! traced to the moments it counts ([`moments`]).
//!
//! - Positive: appreciations (given here, in a check-in, or in the daily ritual), promises kept,
//!   and each boundary honoured through the window (acknowledged, not crossed in it).
//! - Negative: promises broken, boundaries crossed.
//!
//! Only what the viewer may see is counted: the moments come from the viewer's own fold, which
//! the visibility rule has filtered already.
//!
//! Celebrations are never a streak to lose: a run that ends simply stops being shown, and there
//! is no way to say that it ended.

use std::time::Duration;

use jiff::civil::Date;

use crate::boundary::Status as BoundaryStatus;
use crate::id::{BoundaryId, PersonId};
use crate::ledger::Ledger;
use crate::promise::Status as PromiseStatus;
use crate::time::Timestamp;

const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// Every threshold of the balance and the celebrations, in one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BalanceParams {
    /// How far back the balance looks.
    pub window: Duration,
    /// Gottman's guide: about this many positive moments for each negative one.
    pub guide_ratio: u32,
    /// How many promises kept in a row are worth celebrating.
    pub kept_run: usize,
    /// How long a boundary honoured without a crossing is worth celebrating.
    pub honoured_for: Duration,
}

impl BalanceParams {
    pub const DEFAULT: Self = Self {
        window: Duration::from_secs(28 * 24 * 60 * 60),
        guide_ratio: 5,
        kept_run: 5,
        honoured_for: Duration::from_secs(30 * 24 * 60 * 60),
    };
}

/// What kind of moment it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MomentKind {
    /// An appreciation given on its own.
    Appreciation,
    /// An appreciation in a completed weekly check-in.
    CheckinAppreciation,
    /// An appreciation in the daily ritual.
    DailyAppreciation,
    PromiseKept,
    /// A boundary in force through the window and not crossed in it.
    BoundaryHonoured,
    PromiseBroken,
    BoundaryCrossed,
}

impl MomentKind {
    pub const ALL: [MomentKind; 7] = [
        MomentKind::Appreciation,
        MomentKind::CheckinAppreciation,
        MomentKind::DailyAppreciation,
        MomentKind::PromiseKept,
        MomentKind::BoundaryHonoured,
        MomentKind::PromiseBroken,
        MomentKind::BoundaryCrossed,
    ];

    pub const fn is_positive(self) -> bool {
        !matches!(
            self,
            MomentKind::PromiseBroken | MomentKind::BoundaryCrossed
        )
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            MomentKind::Appreciation => "appreciation",
            MomentKind::CheckinAppreciation => "checkin_appreciation",
            MomentKind::DailyAppreciation => "daily_appreciation",
            MomentKind::PromiseKept => "promise_kept",
            MomentKind::BoundaryHonoured => "boundary_honoured",
            MomentKind::PromiseBroken => "promise_broken",
            MomentKind::BoundaryCrossed => "boundary_crossed",
        }
    }
}

/// One moment the balance counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    pub kind: MomentKind,
    pub at: Timestamp,
}

/// Positive against negative moments in the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Balance {
    pub positive: u32,
    pub negative: u32,
    /// How many of each kind, in [`MomentKind::ALL`]'s order.
    pub by_kind: Vec<(MomentKind, u32)>,
    pub since: Timestamp,
    pub until: Timestamp,
}

impl Balance {
    /// Whether the positive side is at or above the guide (trivially so with no negative moment).
    pub fn meets_guide(&self, params: &BalanceParams) -> bool {
        u64::from(self.positive) >= u64::from(self.negative) * u64::from(params.guide_ratio)
    }

    /// The share of the bar the positive side takes, in whole percent; 0 with no moments at all.
    pub fn positive_percent(&self) -> u32 {
        let total = u64::from(self.positive) + u64::from(self.negative);
        if total == 0 {
            return 0;
        }
        u32::try_from(u64::from(self.positive) * 100 / total).unwrap_or(100)
    }
}

/// Something to celebrate. There is deliberately no variant for a run that ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Celebration {
    /// The promiser's latest promises to the other, this many kept in a row.
    PromisesKept { promiser: PersonId, count: usize },
    /// A boundary honoured since its acknowledgement or its last crossing, for this many days.
    BoundaryHonoured {
        boundary: BoundaryId,
        owner: PersonId,
        days: u64,
    },
}

/// The moments between `person` and `partner` (or the person's own, alone) in the window ending
/// `now`, as `person`'s fold holds them. Oldest first.
pub fn moments(
    ledger: &Ledger,
    partner: Option<PersonId>,
    now: Timestamp,
    params: &BalanceParams,
) -> Vec<Moment> {
    let person = ledger.viewer();
    let since = now.saturating_sub(params.window);
    let in_window = |at: Timestamp| since <= at && at <= now;
    let ours = |who: PersonId| who == person || Some(who) == partner;
    let mut found = Vec::new();
    let mut push = |kind, at| {
        if in_window(at) {
            found.push(Moment { kind, at });
        }
    };
    if let Some(partner) = partner {
        for given in ledger.appreciations.between(person, partner) {
            push(MomentKind::Appreciation, given.at);
        }
        for promise in ledger.promises.between(person, partner) {
            match promise.status {
                PromiseStatus::Kept { at, .. } => push(MomentKind::PromiseKept, at),
                PromiseStatus::Broken { at, .. } => push(MomentKind::PromiseBroken, at),
                _ => {}
            }
        }
        for boundary in ledger.boundaries.between(person, partner) {
            for crossing in &boundary.crossings {
                push(MomentKind::BoundaryCrossed, crossing.at);
            }
            let honoured = matches!(boundary.status, BoundaryStatus::Acknowledged { at } if at <= now)
                && !boundary.crossings.iter().any(|c| in_window(c.at));
            if honoured {
                push(MomentKind::BoundaryHonoured, now);
            }
        }
    }
    for checkin in ledger.checkins.all() {
        let Some(done) = checkin.completed_at() else {
            continue;
        };
        if !checkin.is_participant(person) || !checkin.is_current_for(person, partner) {
            continue;
        }
        for side in &checkin.sides {
            if let Some(answers) = side.revealed.as_ref().or(side.answers.as_ref()) {
                for _ in &answers.appreciations {
                    push(MomentKind::CheckinAppreciation, done);
                }
            }
        }
    }
    for entry in ledger.daily.recent(Date::MIN, person) {
        if ours(entry.author) && entry.written.appreciation.is_some() {
            push(MomentKind::DailyAppreciation, entry.at);
        }
    }
    found.sort_by_key(|m| m.at);
    found
}

/// The balance over the window ending `now`.
pub fn balance(
    ledger: &Ledger,
    partner: Option<PersonId>,
    now: Timestamp,
    params: &BalanceParams,
) -> Balance {
    let found = moments(ledger, partner, now, params);
    let count =
        |kind| u32::try_from(found.iter().filter(|m| m.kind == kind).count()).unwrap_or(u32::MAX);
    let by_kind: Vec<(MomentKind, u32)> = MomentKind::ALL.iter().map(|&k| (k, count(k))).collect();
    let sum = |positive: bool| {
        by_kind
            .iter()
            .filter(|(k, _)| k.is_positive() == positive)
            .map(|(_, n)| n)
            .sum()
    };
    Balance {
        positive: sum(true),
        negative: sum(false),
        by_kind,
        since: now.saturating_sub(params.window),
        until: now,
    }
}

/// What there is to celebrate now between `person` and `partner`.
pub fn celebrations(
    ledger: &Ledger,
    partner: Option<PersonId>,
    now: Timestamp,
    params: &BalanceParams,
) -> Vec<Celebration> {
    let person = ledger.viewer();
    let Some(partner) = partner else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (promiser, receiver) in [(person, partner), (partner, person)] {
        let mut settled: Vec<(Timestamp, bool)> = ledger
            .promises
            .between(person, partner)
            .filter(|p| p.promiser == promiser && p.receiver == receiver)
            .filter_map(|p| match p.status {
                PromiseStatus::Kept { at, .. } => Some((at, true)),
                PromiseStatus::Broken { at, .. } => Some((at, false)),
                _ => None,
            })
            .filter(|(at, _)| *at <= now)
            .collect();
        settled.sort_by_key(|(at, _)| *at);
        let count = settled.iter().rev().take_while(|(_, kept)| *kept).count();
        if count >= params.kept_run {
            found.push(Celebration::PromisesKept { promiser, count });
        }
    }
    for boundary in ledger.boundaries.between(person, partner) {
        let BoundaryStatus::Acknowledged { at: acknowledged } = boundary.status else {
            continue;
        };
        let since = boundary
            .crossings
            .iter()
            .map(|c| c.at)
            .fold(acknowledged, Timestamp::max);
        let honoured = now.saturating_duration_since(since);
        if since <= now && honoured >= params.honoured_for {
            found.push(Celebration::BoundaryHonoured {
                boundary: boundary.id,
                owner: boundary.owner,
                days: honoured.as_secs() / DAY.as_secs(),
            });
        }
    }
    found
}
