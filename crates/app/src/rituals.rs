//! Rituals, the space's time zone and the daily ritual: parse what a person gave, open the
//! space's ledger, decide, append. The rules live in `steadfast_core::ritual`,
//! `steadfast_core::daily` and `steadfast_core::space::ZoneName`.

use steadfast_core::daily::{DailyText, Mood, Written, decide_write};
use steadfast_core::ritual::{
    self, EveryWeeks, Minutes, Refusal, Ritual, RitualEvent, RitualId, RitualKind, RitualName,
    Schedule, ScheduleError, StartTime, Weekdays,
};
use steadfast_core::space::{ZoneEvent, ZoneName};
use steadfast_core::text::TextError;
use steadfast_core::{PersonId, SpaceId, Timestamp, Visibility};

use crate::App;
use crate::ledger::{Opened, new_event_id, open_for};
use crate::refusal::{Explain, Explained, Failure, Kind, Refused, Words};

/// Why a ritual, time zone or daily operation did not happen.
#[derive(Debug)]
pub enum RitualError {
    /// Not a current member, no such space, or no such ritual in it.
    NotFound,
    Refused(Refusal),
    Invalid(Invalid),
    Failed(Failure),
}

/// Which input was refused, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    Name(TextError),
    Kind,
    Schedule(ScheduleError),
    Zone,
    Mood,
    Appreciation(TextError),
    Plan(TextError),
}

crate::failed_underneath!(RitualError);

impl Explain for RitualError {
    fn explain(&self) -> Explained<'_> {
        Explained::Refused(match self {
            RitualError::NotFound => Refused::not_found(),
            RitualError::Refused(Refusal::Ended) => Refused::new(
                "ritual_ended",
                Kind::NotNow,
                Words::key("ritual-refused-ended"),
            ),
            RitualError::Refused(Refusal::TooMany { limit }) => Refused::new(
                "too_many_rituals",
                Kind::NotNow,
                Words::key("ritual-refused-too-many").with("limit", limit),
            ),
            RitualError::Invalid(invalid) => {
                Refused::new(invalid.code(), Kind::Invalid, invalid.words())
            }
            RitualError::Failed(failure) => return Explained::Failed(failure),
        })
    }
}

impl Invalid {
    fn code(self) -> &'static str {
        match self {
            Invalid::Name(_) => "name_invalid",
            Invalid::Kind => "kind_invalid",
            Invalid::Schedule(error) => schedule_code(error),
            Invalid::Zone => "time_zone_invalid",
            Invalid::Mood => "mood_invalid",
            Invalid::Appreciation(_) => "appreciation_invalid",
            Invalid::Plan(_) => "plan_invalid",
        }
    }

    fn words(self) -> Words {
        match self {
            Invalid::Name(error) => Words::text("ritual-name", error),
            Invalid::Kind => Words::key("ritual-kind-invalid"),
            Invalid::Schedule(ScheduleError::BadDuration) => Words::key("ritual-duration-invalid")
                .with("min", Minutes::MIN)
                .with("max", Minutes::MAX),
            Invalid::Schedule(error) => {
                Words::key(format!("ritual-{}", schedule_code(error).replace('_', "-")))
            }
            Invalid::Zone => Words::key("time-zone-invalid"),
            Invalid::Mood => Words::key("daily-mood-invalid"),
            Invalid::Appreciation(error) => Words::text("daily-appreciation", error),
            Invalid::Plan(error) => Words::text("daily-plan", error),
        }
    }
}

impl RitualError {
    /// The form field a mistake is about; empty for one about the whole form.
    pub fn field(&self) -> &'static str {
        match self {
            RitualError::Invalid(invalid) => match invalid {
                Invalid::Name(_) => "name",
                Invalid::Kind => "kind",
                Invalid::Schedule(error) => match error {
                    ScheduleError::NoWeekday | ScheduleError::BadWeekday => "weekdays",
                    ScheduleError::BadTime => "start",
                    ScheduleError::BadEvery => "every",
                    ScheduleError::BadDuration => "duration",
                    ScheduleError::BadDate => "first_date",
                    ScheduleError::BadZone => "zone",
                },
                Invalid::Zone => "zone",
                Invalid::Mood => "mood",
                Invalid::Appreciation(_) => "appreciation",
                Invalid::Plan(_) => "plan",
            },
            _ => "",
        }
    }
}

fn schedule_code(error: ScheduleError) -> &'static str {
    match error {
        ScheduleError::NoWeekday | ScheduleError::BadWeekday => "weekdays_invalid",
        ScheduleError::BadTime => "start_invalid",
        ScheduleError::BadEvery => "every_invalid",
        ScheduleError::BadDuration => "duration_invalid",
        ScheduleError::BadDate => "first_date_invalid",
        ScheduleError::BadZone => "time_zone_invalid",
    }
}

/// A ritual id from a path; anything that is not one is no ritual.
pub fn parse_id(text: &str) -> Result<RitualId, RitualError> {
    text.parse().map_err(|_| RitualError::NotFound)
}

/// What a person gave to plan or change a ritual, before it is checked.
#[derive(Debug, Default, Clone)]
pub struct RitualInput {
    pub name: String,
    /// Blank means "other".
    pub kind: String,
    pub weekdays: Vec<String>,
    pub start: String,
    pub every: i64,
    pub duration: i64,
    /// `YYYY-MM-DD`; blank means today in the space's zone.
    pub first_date: String,
}

/// A ritual to plan or change, in core's types; the zone is added from the space when it is
/// written.
#[derive(Clone, Debug)]
pub struct RitualPlan {
    name: RitualName,
    kind: RitualKind,
    weekdays: Weekdays,
    start: StartTime,
    every: EveryWeeks,
    duration: Minutes,
    /// `None`: today in the space's zone when planned, unchanged when changed.
    first_date: Option<jiff::civil::Date>,
}

impl RitualInput {
    /// What was given, read into core's types, as the request is read.
    pub fn read(&self) -> Result<RitualPlan, RitualError> {
        parse(self)
    }
}

fn parse(input: &RitualInput) -> Result<RitualPlan, RitualError> {
    let invalid = |e| RitualError::Invalid(Invalid::Schedule(e));
    let name =
        RitualName::parse(&input.name).map_err(|e| RitualError::Invalid(Invalid::Name(e)))?;
    let kind = if input.kind.trim().is_empty() {
        RitualKind::Other
    } else {
        RitualKind::parse(&input.kind).ok_or(RitualError::Invalid(Invalid::Kind))?
    };
    let weekdays = Weekdays::parse(input.weekdays.iter().map(String::as_str)).map_err(invalid)?;
    let start = StartTime::parse(&input.start).map_err(invalid)?;
    let every = u8::try_from(input.every)
        .map_err(|_| ScheduleError::BadEvery)
        .and_then(EveryWeeks::new)
        .map_err(invalid)?;
    let duration = u16::try_from(input.duration)
        .map_err(|_| ScheduleError::BadDuration)
        .and_then(Minutes::new)
        .map_err(invalid)?;
    let first_date = if input.first_date.trim().is_empty() {
        None
    } else {
        Some(ritual::parse_date(&input.first_date).map_err(invalid)?)
    };
    Ok(RitualPlan {
        name,
        kind,
        weekdays,
        start,
        every,
        duration,
        first_date,
    })
}

impl RitualPlan {
    /// The schedule in the space's zone as it is now; no first date means today there.
    fn schedule(&self, zone: ZoneName, now: Timestamp) -> Schedule {
        let today = zone
            .day_of(now)
            .unwrap_or_else(|| jiff::civil::date(1970, 1, 1));
        Schedule {
            weekdays: self.weekdays,
            start: self.start,
            every: self.every,
            duration: self.duration,
            first_date: self.first_date.unwrap_or(today),
            zone,
        }
    }
}

pub async fn open(app: &App, person: PersonId, space: SpaceId) -> Result<Opened, RitualError> {
    open_for(app, person, space, RitualError::NotFound).await
}

/// A ritual of the space the person may see (ended ones too).
pub fn ritual(opened: &Opened, id: RitualId) -> Result<&Ritual, RitualError> {
    opened.ledger().rituals.get(id).ok_or(RitualError::NotFound)
}

/// Plans a ritual in the space's zone; answers its id. The plan was read when the request was,
/// before anything of the space, so a stranger learns nothing from a mistake in it.
pub async fn plan(
    app: &App,
    person: PersonId,
    space: SpaceId,
    parsed: RitualPlan,
) -> Result<RitualId, RitualError> {
    let mut opened = open(app, person, space).await?;
    let id = RitualId::from_uuid(uuid::Uuid::new_v4());
    opened
        .write_all(app, |opened, now| {
            let schedule = parsed.schedule(opened.ledger().zone.get(), now);
            let change = opened
                .ledger()
                .rituals
                .decide_plan(person, parsed.name.clone(), parsed.kind, schedule)
                .map_err(RitualError::Refused)?;
            Ok::<_, RitualError>(vec![RitualEvent { ritual: id, change }.into_event(
                new_event_id(),
                person,
                now,
            )])
        })
        .await?;
    Ok(id)
}

/// Changes a ritual's name and schedule; the schedule moves to the space's zone as it is now.
pub async fn change(
    app: &App,
    person: PersonId,
    space: SpaceId,
    id: RitualId,
    parsed: RitualPlan,
) -> Result<(), RitualError> {
    let mut opened = open(app, person, space).await?;
    opened
        .write_all(app, |opened, now| {
            let found = ritual(opened, id)?;
            let mut schedule = parsed.schedule(opened.ledger().zone.get(), now);
            if parsed.first_date.is_none() {
                schedule.first_date = found.schedule.first_date;
            }
            let change = found
                .decide_change(parsed.name.clone(), parsed.kind, schedule)
                .map_err(RitualError::Refused)?;
            Ok(vec![RitualEvent { ritual: id, change }.into_event(
                new_event_id(),
                person,
                now,
            )])
        })
        .await
}

/// Ends a ritual, for both partners.
pub async fn end(
    app: &App,
    person: PersonId,
    space: SpaceId,
    id: RitualId,
) -> Result<(), RitualError> {
    let mut opened = open(app, person, space).await?;
    opened
        .write_all(app, |opened, now| {
            let change = ritual(opened, id)?
                .decide_end()
                .map_err(RitualError::Refused)?;
            Ok(vec![RitualEvent { ritual: id, change }.into_event(
                new_event_id(),
                person,
                now,
            )])
        })
        .await
}

/// Sets the space's time zone. Setting the zone it already has records nothing.
pub async fn set_zone(
    app: &App,
    person: PersonId,
    space: SpaceId,
    zone: ZoneName,
) -> Result<ZoneName, RitualError> {
    let mut opened = open(app, person, space).await?;
    if opened.ledger().zone.is_set() && opened.ledger().zone.get() == zone {
        return Ok(zone);
    }
    opened
        .write_all(app, |_, now| {
            Ok::<_, RitualError>(vec![ZoneEvent { zone: zone.clone() }.into_event(
                new_event_id(),
                person,
                now,
            )])
        })
        .await?;
    Ok(zone)
}

/// A time zone by its name.
pub fn parse_zone(name: &str) -> Result<ZoneName, RitualError> {
    ZoneName::parse(name).map_err(|_| RitualError::Invalid(Invalid::Zone))
}

/// What a person gave for today's daily entry, before it is checked.
#[derive(Debug, Default, Clone)]
pub struct DailyInput {
    pub mood: i64,
    pub appreciation: String,
    pub plan: String,
    /// "Keep this one to myself".
    pub private: bool,
}

/// Today's daily entry in core's types.
#[derive(Clone, Debug)]
pub struct DailyEntry {
    written: Written,
    visibility: Visibility,
}

impl DailyInput {
    /// What was given, read into core's types, as the request is read.
    pub fn read(&self) -> Result<DailyEntry, RitualError> {
        let mood = u8::try_from(self.mood)
            .ok()
            .and_then(|m| Mood::new(m).ok())
            .ok_or(RitualError::Invalid(Invalid::Mood))?;
        let written = Written {
            mood,
            appreciation: DailyText::parse_optional(&self.appreciation)
                .map_err(|e| RitualError::Invalid(Invalid::Appreciation(e)))?,
            plan: DailyText::parse_optional(&self.plan)
                .map_err(|e| RitualError::Invalid(Invalid::Plan(e)))?,
        };
        let visibility = if self.private {
            Visibility::Private
        } else {
            Visibility::Shared
        };
        Ok(DailyEntry {
            written,
            visibility,
        })
    }
}

/// Writes the person's entry for today (in the space's zone), replacing today's if there is
/// one; answers the day.
pub async fn write_daily(
    app: &App,
    person: PersonId,
    space: SpaceId,
    entry: DailyEntry,
) -> Result<jiff::civil::Date, RitualError> {
    let DailyEntry {
        written,
        visibility,
    } = entry;
    let mut opened = open(app, person, space).await?;
    let mut written_day = None;
    opened
        .write_all(app, |opened, now| {
            let day = today(opened, now);
            written_day = Some(day);
            let changes = decide_write(
                &opened.ledger().daily,
                person,
                day,
                written.clone(),
                visibility,
            );
            Ok::<_, RitualError>(
                changes
                    .into_iter()
                    .map(|change| change.into_event(new_event_id(), person, now))
                    .collect(),
            )
        })
        .await?;
    written_day.ok_or(RitualError::NotFound)
}

/// Today in the space's zone.
pub fn today(opened: &Opened, now: Timestamp) -> jiff::civil::Date {
    opened
        .ledger()
        .zone
        .get()
        .day_of(now)
        .unwrap_or_else(|| jiff::civil::date(1970, 1, 1))
}

/// How many days of daily entries are shown, today included.
pub const DAILY_DAYS_SHOWN: i64 = 14;

/// The first day whose entries are shown.
pub fn daily_since(today: jiff::civil::Date) -> jiff::civil::Date {
    today
        .checked_sub(jiff::Span::new().days(DAILY_DAYS_SHOWN - 1))
        .unwrap_or(today)
}
