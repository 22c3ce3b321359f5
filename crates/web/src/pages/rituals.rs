//! Rituals and the space's settings as pages: the list of rituals with the form to plan one, one
//! ritual with its next times and the forms to change or end it, and the space's time zone.
//!
//! A schedule is shown in its own zone ("Fri · 19:00, Europe/Warsaw time"); its next times are
//! shown in the viewer's zone, which the page's script reports in the `tz` cookie, and say so.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use steadfast_core::ritual::{Ritual, RitualKind, Schedule, weekday_name};
use steadfast_core::space::ZoneName;
use steadfast_core::{PersonId, SpaceId, Timestamp};

use super::Chrome;
use super::promises::{ZONE_COOKIE, parse_space, space_name};
use crate::auth::session::SignedIn;
use crate::calendar::kind_key;
use crate::error::{Say, WebError, status_for};
use crate::i18n::Lang;
use crate::i18n::dates;
use crate::state::AppState;
use steadfast_app::ledger::Opened;
use steadfast_app::rituals::{self, RitualError, RitualInput};

/// How many next times a ritual's page lists.
const NEXT_SHOWN: usize = 4;

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The zone the viewer's browser reported, if it is one we know.
pub(crate) fn viewer_zone(headers: &HeaderMap) -> Option<ZoneName> {
    let jar = CookieJar::from_headers(headers);
    jar.get(ZONE_COOKIE)
        .and_then(|cookie| ZoneName::parse(cookie.value()).ok())
}

/// An instant in the viewer's zone, labelled: "Fri 4 December, 7 pm (your time)", or in UTC,
/// saying so, when their zone is not known.
pub(crate) fn viewer_time(
    at: Timestamp,
    viewer: Option<&ZoneName>,
    now: Timestamp,
    lang: Lang,
) -> String {
    match viewer {
        Some(zone) => format!(
            "{} {}",
            dates::when(at, zone.zone(), now, lang),
            lang.t("ritual-your-time")
        ),
        None => format!(
            "{} {}",
            dates::when(at, &jiff::tz::TimeZone::UTC, now, lang),
            lang.t("time-utc-note")
        ),
    }
}

/// Which zone the next times are shown in: "Times are in your time zone (America/New_York).",
/// or in UTC when the viewer's zone is not known.
fn viewer_note(viewer: Option<&ZoneName>, lang: Lang) -> String {
    match viewer {
        Some(zone) => lang.t_with("time-zone-note", &[("zone", zone.to_string())]),
        None => lang.t("time-zone-utc"),
    }
}

pub(crate) fn kind_words(kind: RitualKind, lang: Lang) -> String {
    lang.t(&format!("ritual-kind-{}", kind_key(kind)))
}

/// "Mon, Fri · 19:00 · every 2 weeks · 90 min · Europe/Warsaw time".
pub(crate) fn schedule_words(schedule: &Schedule, lang: Lang) -> String {
    let days: Vec<String> = schedule
        .weekdays
        .iter()
        .map(|day| lang.t(&format!("weekday-{}", weekday_name(day))))
        .collect();
    lang.t_with(
        "ritual-schedule-line",
        &[
            ("days", days.join(", ")),
            (
                "start",
                dates::clock_time(schedule.start.hour(), schedule.start.minute(), lang),
            ),
            (
                "every",
                lang.t_count("ritual-every", i64::from(schedule.every.get())),
            ),
            ("minutes", schedule.duration.get().to_string()),
            ("zone", schedule.zone.to_string()),
        ],
    )
}

/// One ritual in a list.
pub(crate) struct RitualLine {
    href: String,
    name: String,
    kind: String,
    schedule: String,
    next: Option<String>,
}

fn ritual_line(
    ritual: &Ritual,
    space: SpaceId,
    viewer: Option<&ZoneName>,
    now: Timestamp,
    lang: Lang,
) -> RitualLine {
    RitualLine {
        href: format!("/spaces/{space}/rituals/{}", ritual.id),
        name: ritual.name.as_str().to_owned(),
        kind: kind_words(ritual.kind, lang),
        schedule: schedule_words(&ritual.schedule, lang),
        next: ritual.next_after(now).map(|next| {
            lang.t_with(
                "ritual-next",
                &[("when", viewer_time(next, viewer, now, lang))],
            )
        }),
    }
}

/// What the person typed into a ritual's form, kept when it comes back.
#[derive(Deserialize, Default)]
pub(crate) struct RitualForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    every: String,
    #[serde(default)]
    duration: String,
    #[serde(default)]
    first_date: String,
    #[serde(default)]
    day_mon: Option<String>,
    #[serde(default)]
    day_tue: Option<String>,
    #[serde(default)]
    day_wed: Option<String>,
    #[serde(default)]
    day_thu: Option<String>,
    #[serde(default)]
    day_fri: Option<String>,
    #[serde(default)]
    day_sat: Option<String>,
    #[serde(default)]
    day_sun: Option<String>,
}

impl RitualForm {
    fn fresh() -> Self {
        RitualForm {
            kind: RitualKind::DateNight.as_str().to_owned(),
            start: "19:00".to_owned(),
            every: "1".to_owned(),
            duration: "60".to_owned(),
            ..RitualForm::default()
        }
    }

    fn of(ritual: &Ritual) -> Self {
        let schedule = &ritual.schedule;
        let mut form = RitualForm {
            name: ritual.name.as_str().to_owned(),
            kind: ritual.kind.as_str().to_owned(),
            start: schedule.start.to_string(),
            every: schedule.every.get().to_string(),
            duration: schedule.duration.get().to_string(),
            first_date: schedule.first_date.to_string(),
            ..RitualForm::default()
        };
        for day in schedule.weekdays.names() {
            *form.day_mut(day) = Some("on".to_owned());
        }
        form
    }

    fn day_mut(&mut self, day: &str) -> &mut Option<String> {
        match day {
            "mon" => &mut self.day_mon,
            "tue" => &mut self.day_tue,
            "wed" => &mut self.day_wed,
            "thu" => &mut self.day_thu,
            "fri" => &mut self.day_fri,
            "sat" => &mut self.day_sat,
            _ => &mut self.day_sun,
        }
    }

    fn has_day(&self, day: &str) -> bool {
        match day {
            "mon" => self.day_mon.is_some(),
            "tue" => self.day_tue.is_some(),
            "wed" => self.day_wed.is_some(),
            "thu" => self.day_thu.is_some(),
            "fri" => self.day_fri.is_some(),
            "sat" => self.day_sat.is_some(),
            _ => self.day_sun.is_some(),
        }
    }

    fn input(&self) -> RitualInput {
        RitualInput {
            name: self.name.clone(),
            kind: self.kind.clone(),
            weekdays: DAYS
                .iter()
                .filter(|day| self.has_day(day))
                .map(|day| (*day).to_owned())
                .collect(),
            start: self.start.clone(),
            every: self.every.trim().parse().unwrap_or(0),
            duration: self.duration.trim().parse().unwrap_or(0),
            first_date: self.first_date.clone(),
        }
    }
}

/// One checkbox or radio button.
pub(crate) struct Pick {
    value: String,
    label: String,
    checked: bool,
}

/// The form's parts, ready for the template.
pub(crate) struct FormView {
    action: String,
    form: RitualForm,
    days: Vec<Pick>,
    kinds: Vec<Pick>,
    error: Option<String>,
    error_field: &'static str,
}

impl FormView {
    fn new(action: String, form: RitualForm, error: Option<&RitualError>, lang: Lang) -> Self {
        let days = DAYS
            .iter()
            .map(|day| Pick {
                value: (*day).to_owned(),
                label: lang.t(&format!("weekday-{day}")),
                checked: form.has_day(day),
            })
            .collect();
        let kinds = RitualKind::ALL
            .iter()
            .map(|kind| Pick {
                value: kind.as_str().to_owned(),
                label: kind_words(*kind, lang),
                checked: form.kind == kind.as_str(),
            })
            .collect();
        FormView {
            action,
            form,
            days,
            kinds,
            error: error.map(|e| e.message(lang)),
            error_field: error.map_or("", RitualError::field),
        }
    }

    fn error_on(&self, field: &str) -> bool {
        self.error.is_some() && self.error_field == field
    }

    fn message(&self) -> &str {
        self.error.as_deref().unwrap_or_default()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "rituals.html")]
pub(crate) struct RitualsPage {
    chrome: Chrome,
    space_href: String,
    space_name: String,
    /// "Schedules are in Europe/Warsaw time", and whether it was ever set.
    zone_line: String,
    zone_set: bool,
    /// The zone the next times are shown in, the viewer's own.
    viewer_note: String,
    active: Vec<RitualLine>,
    ended: Vec<RitualLine>,
    plan: FormView,
}

/// The space's rituals and the form to plan one.
pub(crate) async fn list(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    headers: HeaderMap,
    Path(space): Path<String>,
) -> Result<RitualsPage, WebError> {
    let space = parse_space(&space)?;
    list_page(
        &state,
        caller.person,
        space,
        chrome,
        &headers,
        RitualForm::fresh(),
        None,
    )
    .await
}

async fn list_page(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    chrome: Chrome,
    headers: &HeaderMap,
    form: RitualForm,
    error: Option<&RitualError>,
) -> Result<RitualsPage, WebError> {
    let lang = chrome.lang;
    let now = state.now();
    let viewer = viewer_zone(headers);
    let opened = rituals::open(state, person, space)
        .await
        .map_err(ritual_page_error)?;
    let book = &opened.ledger().rituals;
    let line = |r: &Ritual| ritual_line(r, space, viewer.as_ref(), now, lang);
    let active = book.active_by_next(now);
    Ok(RitualsPage {
        space_href: format!("/spaces/{space}"),
        space_name: space_name(state, space).await?,
        zone_line: zone_line(&opened, lang),
        zone_set: opened.ledger().zone.is_set(),
        viewer_note: viewer_note(viewer.as_ref(), lang),
        active: active.into_iter().map(line).collect(),
        ended: book
            .all()
            .iter()
            .filter(|r| !r.is_active())
            .map(line)
            .collect(),
        plan: FormView::new(format!("/spaces/{space}/rituals"), form, error, lang),
        chrome,
    })
}

fn zone_line(opened: &Opened, lang: Lang) -> String {
    lang.t_with(
        "ritual-space-zone",
        &[("zone", opened.ledger().zone.get().to_string())],
    )
}

/// A refusal with no form to come back to becomes an error page.
fn ritual_page_error(error: RitualError) -> WebError {
    match error {
        RitualError::Failed(failure) => failure.into(),
        _ => WebError::NotFound,
    }
}

/// Plans a ritual; a mistake comes back in the form, with everything typed still there.
pub(crate) async fn plan(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    headers: HeaderMap,
    Path(space): Path<String>,
    Form(form): Form<RitualForm>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let planned = match form.input().read() {
        Ok(plan) => rituals::plan(&state, caller.person, space, plan).await,
        Err(error) => Err(error),
    };
    match planned {
        Ok(_) => Ok(Redirect::to(&format!("/spaces/{space}/rituals")).into_response()),
        Err(error @ (RitualError::NotFound | RitualError::Failed(_))) => {
            Err(ritual_page_error(error))
        }
        Err(error) => {
            let status = status_for(&error);
            let page = list_page(
                &state,
                caller.person,
                space,
                chrome,
                &headers,
                form,
                Some(&error),
            )
            .await?;
            Ok((status, page).into_response())
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "ritual.html")]
pub(crate) struct RitualPage {
    chrome: Chrome,
    list_href: String,
    name: String,
    kind: String,
    schedule: String,
    active: bool,
    next: Vec<String>,
    /// The zone the next times are shown in, the viewer's own.
    viewer_note: String,
    /// Set when the space's zone has moved since the ritual was planned or changed.
    zone_moved: Option<String>,
    change: FormView,
    end_action: String,
}

/// One ritual: its next times, and the forms to change or end it.
pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    headers: HeaderMap,
    Path((space, ritual)): Path<(String, String)>,
) -> Result<RitualPage, WebError> {
    let space = parse_space(&space)?;
    let id = rituals::parse_id(&ritual).map_err(ritual_page_error)?;
    ritual_page(
        &state,
        caller.person,
        space,
        id,
        chrome,
        &headers,
        None,
        None,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn ritual_page(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    id: steadfast_core::ritual::RitualId,
    chrome: Chrome,
    headers: &HeaderMap,
    form: Option<RitualForm>,
    error: Option<&RitualError>,
) -> Result<RitualPage, WebError> {
    let lang = chrome.lang;
    let now = state.now();
    let viewer = viewer_zone(headers);
    let opened = rituals::open(state, person, space)
        .await
        .map_err(ritual_page_error)?;
    let ritual = rituals::ritual(&opened, id).map_err(ritual_page_error)?;
    let space_zone = opened.ledger().zone.get();
    let far = now.saturating_add(std::time::Duration::from_secs(70 * 24 * 60 * 60));
    let next = ritual
        .occurrences(now, far)
        .take(NEXT_SHOWN)
        .map(|o| viewer_time(o.start, viewer.as_ref(), now, lang))
        .collect();
    let zone_moved = (ritual.is_active() && ritual.schedule.zone != space_zone).then(|| {
        lang.t_with(
            "ritual-zone-moved",
            &[
                ("zone", ritual.schedule.zone.to_string()),
                ("space_zone", space_zone.to_string()),
            ],
        )
    });
    let form = form.unwrap_or_else(|| RitualForm::of(ritual));
    Ok(RitualPage {
        list_href: format!("/spaces/{space}/rituals"),
        name: ritual.name.as_str().to_owned(),
        kind: kind_words(ritual.kind, lang),
        schedule: schedule_words(&ritual.schedule, lang),
        active: ritual.is_active(),
        next,
        viewer_note: viewer_note(viewer.as_ref(), lang),
        zone_moved,
        change: FormView::new(format!("/spaces/{space}/rituals/{id}"), form, error, lang),
        end_action: format!("/spaces/{space}/rituals/{id}/end"),
        chrome,
    })
}

/// Changes a ritual's name and schedule (in the space's zone as it is now).
pub(crate) async fn change(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    headers: HeaderMap,
    Path((space, ritual)): Path<(String, String)>,
    Form(form): Form<RitualForm>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let id = rituals::parse_id(&ritual).map_err(ritual_page_error)?;
    let changed = match form.input().read() {
        Ok(plan) => rituals::change(&state, caller.person, space, id, plan).await,
        Err(error) => Err(error),
    };
    match changed {
        Ok(()) => Ok(Redirect::to(&format!("/spaces/{space}/rituals/{id}")).into_response()),
        Err(error @ (RitualError::NotFound | RitualError::Failed(_))) => {
            Err(ritual_page_error(error))
        }
        Err(error) => {
            let status = status_for(&error);
            let page = ritual_page(
                &state,
                caller.person,
                space,
                id,
                chrome,
                &headers,
                Some(form),
                Some(&error),
            )
            .await?;
            Ok((status, page).into_response())
        }
    }
}

/// Ends a ritual for both partners.
pub(crate) async fn end(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    headers: HeaderMap,
    Path((space, ritual)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let id = rituals::parse_id(&ritual).map_err(ritual_page_error)?;
    match rituals::end(&state, caller.person, space, id).await {
        Ok(()) => Ok(Redirect::to(&format!("/spaces/{space}/rituals")).into_response()),
        Err(error @ RitualError::Refused(_)) => {
            let page = ritual_page(
                &state,
                caller.person,
                space,
                id,
                chrome,
                &headers,
                None,
                Some(&error),
            )
            .await?;
            Ok((status_for(&error), page).into_response())
        }
        Err(error) => Err(ritual_page_error(error)),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "space_settings.html")]
pub(crate) struct SettingsPage {
    chrome: Chrome,
    space_href: String,
    space_name: String,
    action: String,
    zone: String,
    zone_set: bool,
    /// "Schedules are in Europe/Warsaw time.", once the zone was set.
    current: Option<String>,
    /// The viewer's own zone, offered when the space's is not set or differs.
    suggestion: Option<String>,
    error: Option<String>,
    /// Right after a change: "Saved. This space now keeps … time."
    saved: Option<String>,
}

#[derive(Deserialize, Default)]
pub(crate) struct SettingsQuery {
    #[serde(default)]
    saved: Option<String>,
}

#[derive(Deserialize, Default)]
pub(crate) struct ZoneForm {
    #[serde(default)]
    zone: String,
}

/// The space's settings: its time zone.
pub(crate) async fn settings(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    headers: HeaderMap,
    Path(space): Path<String>,
    Query(query): Query<SettingsQuery>,
) -> Result<SettingsPage, WebError> {
    let space = parse_space(&space)?;
    let mut page =
        settings_page(&state, caller.person, space, chrome, &headers, None, None).await?;
    if query.saved.is_some() && page.zone_set {
        page.saved = Some(
            page.chrome
                .lang
                .t_with("time-zone-saved", &[("zone", page.zone.clone())]),
        );
    }
    Ok(page)
}

async fn settings_page(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    chrome: Chrome,
    headers: &HeaderMap,
    typed: Option<String>,
    error: Option<&RitualError>,
) -> Result<SettingsPage, WebError> {
    let opened = rituals::open(state, person, space)
        .await
        .map_err(ritual_page_error)?;
    let space_zone = opened.ledger().zone.get();
    let zone_set = opened.ledger().zone.is_set();
    let viewer = viewer_zone(headers);
    let suggestion = viewer
        .filter(|zone| !zone_set || *zone != space_zone)
        .map(|zone| zone.to_string());
    let zone = typed.unwrap_or_else(|| {
        if zone_set {
            space_zone.to_string()
        } else {
            suggestion.clone().unwrap_or_else(|| space_zone.to_string())
        }
    });
    Ok(SettingsPage {
        space_href: format!("/spaces/{space}"),
        space_name: space_name(state, space).await?,
        action: format!("/spaces/{space}/time-zone"),
        zone,
        zone_set,
        current: zone_set.then(|| {
            chrome
                .lang
                .t_with("ritual-space-zone", &[("zone", space_zone.to_string())])
        }),
        suggestion,
        error: error.map(|e| e.message(chrome.lang)),
        saved: None,
        chrome,
    })
}

/// Sets the space's time zone.
pub(crate) async fn set_zone(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    headers: HeaderMap,
    Path(space): Path<String>,
    Form(form): Form<ZoneForm>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let set = match rituals::parse_zone(&form.zone) {
        Ok(zone) => rituals::set_zone(&state, caller.person, space, zone).await,
        Err(error) => Err(error),
    };
    match set {
        Ok(_) => Ok(Redirect::to(&format!("/spaces/{space}/settings?saved=zone")).into_response()),
        Err(error @ RitualError::Invalid(_)) => {
            let page = settings_page(
                &state,
                caller.person,
                space,
                chrome,
                &headers,
                Some(form.zone),
                Some(&error),
            )
            .await?;
            Ok((status_for(&error), page).into_response())
        }
        Err(error) => Err(ritual_page_error(error)),
    }
}
