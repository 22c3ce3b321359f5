//! Rituals, the space's time zone and the daily ritual, shared by the pages and the JSON API:
//! parse what a person gave, open the space's ledger, decide, append. The rules live in
//! `steadfast_core::ritual`, `steadfast_core::daily` and `steadfast_core::space::ZoneName`.

use steadfast_core::daily::{DailyText, Mood, Written, decide_write};
use steadfast_core::ritual::{
    self, EveryWeeks, Minutes, Refusal, Ritual, RitualEvent, RitualId, RitualKind, RitualName,
    Schedule, ScheduleError, StartTime, Weekdays,
};
use steadfast_core::space::{ZoneEvent, ZoneName};
use steadfast_core::text::TextError;
use steadfast_core::{EventId, PersonId, SpaceId, Timestamp, Visibility};
use steadfast_store::StoreError;

use crate::AppState;
use crate::error::WebError;
use crate::i18n::Lang;
use steadfast_app::ledger::Opened;
use steadfast_app::promises::{self, PromiseError};

/// Why a ritual, time zone or daily operation did not happen.
#[derive(Debug)]
pub(crate) enum RitualError {
    /// Not a current member, no such space, or no such ritual in it.
    NotFound,
    Refused(Refusal),
    Invalid(Invalid),
    Failed(WebError),
}

/// Which input was refused, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Invalid {
    Name(TextError),
    Kind,
    Schedule(ScheduleError),
    Zone,
    Mood,
    Appreciation(TextError),
    Plan(TextError),
}

impl From<StoreError> for RitualError {
    fn from(error: StoreError) -> Self {
        RitualError::Failed(error.into())
    }
}

impl From<steadfast_app::Failure> for RitualError {
    fn from(failure: steadfast_app::Failure) -> Self {
        RitualError::Failed(failure.into())
    }
}

impl From<PromiseError> for RitualError {
    fn from(error: PromiseError) -> Self {
        match error {
            PromiseError::Failed(error) => RitualError::Failed(error.into()),
            _ => RitualError::NotFound,
        }
    }
}

impl RitualError {
    /// The stable code the API gives this refusal.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            RitualError::NotFound => "not_found",
            RitualError::Refused(Refusal::Ended) => "ritual_ended",
            RitualError::Refused(Refusal::TooMany { .. }) => "too_many_rituals",
            RitualError::Invalid(invalid) => match invalid {
                Invalid::Name(_) => "name_invalid",
                Invalid::Kind => "kind_invalid",
                Invalid::Schedule(error) => schedule_code(*error),
                Invalid::Zone => "time_zone_invalid",
                Invalid::Mood => "mood_invalid",
                Invalid::Appreciation(_) => "appreciation_invalid",
                Invalid::Plan(_) => "plan_invalid",
            },
            RitualError::Failed(_) => "internal",
        }
    }

    /// The form field a mistake is about; empty for one about the whole form.
    pub(crate) fn field(&self) -> &'static str {
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

    pub(crate) fn message(&self, lang: Lang) -> String {
        let text = |field: &str, error: TextError| match error {
            TextError::Empty => lang.t(&format!("{field}-empty")),
            TextError::TooLong { max } => {
                lang.t_with(&format!("{field}-too-long"), &[("max", max.to_string())])
            }
            TextError::BadCharacter => lang.t("text-bad-character"),
        };
        match self {
            RitualError::NotFound => lang.t("error-not-found-title"),
            RitualError::Refused(Refusal::Ended) => lang.t("ritual-refused-ended"),
            RitualError::Refused(Refusal::TooMany { limit }) => {
                lang.t_with("ritual-refused-too-many", &[("limit", limit.to_string())])
            }
            RitualError::Invalid(invalid) => match invalid {
                Invalid::Name(error) => text("ritual-name", *error),
                Invalid::Kind => lang.t("ritual-kind-invalid"),
                Invalid::Schedule(ScheduleError::BadDuration) => lang.t_with(
                    "ritual-duration-invalid",
                    &[
                        ("min", Minutes::MIN.to_string()),
                        ("max", Minutes::MAX.to_string()),
                    ],
                ),
                Invalid::Schedule(error) => lang.t(&format!(
                    "ritual-{}",
                    schedule_code(*error).replace('_', "-")
                )),
                Invalid::Zone => lang.t("time-zone-invalid"),
                Invalid::Mood => lang.t("daily-mood-invalid"),
                Invalid::Appreciation(error) => text("daily-appreciation", *error),
                Invalid::Plan(error) => text("daily-plan", *error),
            },
            RitualError::Failed(_) => lang.t("error-internal-title"),
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
pub(crate) fn parse_id(text: &str) -> Result<RitualId, RitualError> {
    text.parse().map_err(|_| RitualError::NotFound)
}

/// What a person gave to plan or change a ritual, before it is checked.
#[derive(Debug, Default, Clone)]
pub(crate) struct RitualInput {
    pub(crate) name: String,
    /// Blank means "other".
    pub(crate) kind: String,
    pub(crate) weekdays: Vec<String>,
    pub(crate) start: String,
    pub(crate) every: i64,
    pub(crate) duration: i64,
    /// `YYYY-MM-DD`; blank means today in the space's zone.
    pub(crate) first_date: String,
}

/// The checked parts of a ritual; the zone is added from the space when it is written.
struct Parsed {
    name: RitualName,
    kind: RitualKind,
    weekdays: Weekdays,
    start: StartTime,
    every: EveryWeeks,
    duration: Minutes,
    first_date: Option<jiff::civil::Date>,
}

fn parse(input: &RitualInput) -> Result<Parsed, RitualError> {
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
    Ok(Parsed {
        name,
        kind,
        weekdays,
        start,
        every,
        duration,
        first_date,
    })
}

impl Parsed {
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

fn new_event_id() -> EventId {
    EventId::from_uuid(uuid::Uuid::new_v4())
}

pub(crate) async fn open(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
) -> Result<Opened, RitualError> {
    Ok(promises::open(state, person, space).await?)
}

/// A ritual of the space the person may see (ended ones too).
pub(crate) fn ritual(opened: &Opened, id: RitualId) -> Result<&Ritual, RitualError> {
    opened.ledger().rituals.get(id).ok_or(RitualError::NotFound)
}

/// Plans a ritual in the space's zone; answers its id. Input is checked before anything is
/// read, so a stranger learns nothing from a mistake in it.
pub(crate) async fn plan(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    input: &RitualInput,
) -> Result<RitualId, RitualError> {
    let parsed = parse(input)?;
    let mut opened = open(state, person, space).await?;
    let id = RitualId::from_uuid(uuid::Uuid::new_v4());
    opened
        .write_all(state, |opened, now| {
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
pub(crate) async fn change(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    id: RitualId,
    input: &RitualInput,
) -> Result<(), RitualError> {
    let parsed = parse(input)?;
    let mut opened = open(state, person, space).await?;
    opened
        .write_all(state, |opened, now| {
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
pub(crate) async fn end(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    id: RitualId,
) -> Result<(), RitualError> {
    let mut opened = open(state, person, space).await?;
    opened
        .write_all(state, |opened, now| {
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
pub(crate) async fn set_zone(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    name: &str,
) -> Result<ZoneName, RitualError> {
    let zone = ZoneName::parse(name).map_err(|_| RitualError::Invalid(Invalid::Zone))?;
    let mut opened = open(state, person, space).await?;
    if opened.ledger().zone.is_set() && opened.ledger().zone.get() == zone {
        return Ok(zone);
    }
    opened
        .write_all(state, |_, now| {
            Ok::<_, RitualError>(vec![ZoneEvent { zone: zone.clone() }.into_event(
                new_event_id(),
                person,
                now,
            )])
        })
        .await?;
    Ok(zone)
}

/// What a person gave for today's daily entry, before it is checked.
#[derive(Debug, Default, Clone)]
pub(crate) struct DailyInput {
    pub(crate) mood: i64,
    pub(crate) appreciation: String,
    pub(crate) plan: String,
    /// "Keep this one to myself".
    pub(crate) private: bool,
}

/// Writes the person's entry for today (in the space's zone), replacing today's if there is
/// one; answers the day.
pub(crate) async fn write_daily(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    input: &DailyInput,
) -> Result<jiff::civil::Date, RitualError> {
    let mood = u8::try_from(input.mood)
        .ok()
        .and_then(|m| Mood::new(m).ok())
        .ok_or(RitualError::Invalid(Invalid::Mood))?;
    let written = Written {
        mood,
        appreciation: DailyText::parse_optional(&input.appreciation)
            .map_err(|e| RitualError::Invalid(Invalid::Appreciation(e)))?,
        plan: DailyText::parse_optional(&input.plan)
            .map_err(|e| RitualError::Invalid(Invalid::Plan(e)))?,
    };
    let visibility = if input.private {
        Visibility::Private
    } else {
        Visibility::Shared
    };
    let mut opened = open(state, person, space).await?;
    let mut written_day = None;
    opened
        .write_all(state, |opened, now| {
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
pub(crate) fn today(opened: &Opened, now: Timestamp) -> jiff::civil::Date {
    opened
        .ledger()
        .zone
        .get()
        .day_of(now)
        .unwrap_or_else(|| jiff::civil::date(1970, 1, 1))
}

/// How many days of daily entries are shown, today included.
pub(crate) const DAILY_DAYS_SHOWN: i64 = 14;

/// The first day whose entries are shown.
pub(crate) fn daily_since(today: jiff::civil::Date) -> jiff::civil::Date {
    today
        .checked_sub(jiff::Span::new().days(DAILY_DAYS_SHOWN - 1))
        .unwrap_or(today)
}
