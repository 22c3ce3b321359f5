//! Boundaries as pages: the boundaries between the two partners with the form to propose one,
//! and one boundary with its earlier wordings, its crossings and the steps the person may take
//! now. The rules are in `steadfast_core::boundary`; which steps a page offers is asked of them.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use steadfast_core::boundary::{Boundary, BoundaryStep, Command, Crossing, CrossingStep, Status};
use steadfast_core::gentle::Field;
use steadfast_core::promise::Stakes;
use steadfast_core::{BoundaryId, CrossingId, PersonId, SpaceId, Timestamp};

use super::Chrome;
use super::landing::{ApologyLine, apology_lines};
use super::promises::{Zone, counterpart_name, parse_space, space_name, stakes_words};
use crate::auth::session::SignedIn;
use crate::error::{Say, WebError, status_for};
use crate::i18n::Lang;
use crate::i18n::times;
use crate::pages::gentle::{self as gentle, GentleHint};
use crate::state::AppState;
use steadfast_app::boundaries::{self, BoundaryError, Invalid};
use steadfast_app::ledger::Opened;

/// The cookie in which the page's script reports the browser's time zone.
const ZONE_COOKIE: &str = "tz";

fn page_error(error: BoundaryError) -> WebError {
    match error {
        BoundaryError::Failed(failure) => failure.into(),
        _ => WebError::NotFound,
    }
}

/// Everything any boundary form sends, kept when it comes back.
#[derive(Deserialize, Default)]
pub(crate) struct StepForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    why: String,
    #[serde(default)]
    apology: String,
    #[serde(default)]
    promise: String,
    #[serde(default)]
    stakes: String,
    #[serde(default)]
    due: String,
    #[serde(default)]
    when: String,
    #[serde(default)]
    landing: String,
    #[serde(default)]
    word: String,
}

/// One boundary in the list.
pub(crate) struct BoundaryLine {
    href: String,
    text: String,
    whose: String,
    status: String,
    waiting_for_you: bool,
    open_crossings: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "boundaries.html")]
pub(crate) struct BoundariesPage {
    chrome: Chrome,
    space_href: String,
    space_name: String,
    action: String,
    partner: Option<String>,
    /// The partner left: their boundaries stay to read, and no new one can be proposed.
    former: bool,
    current: Vec<BoundaryLine>,
    withdrawn: Vec<BoundaryLine>,
    form: StepForm,
    error: Option<String>,
    error_field: &'static str,
    /// What the gentle start-up helper noticed in the proposal, after "Check my words".
    gentle: Option<GentleHint>,
}

impl BoundariesPage {
    fn error_on(&self, field: &str) -> bool {
        self.error.is_some() && self.error_field == field
    }

    fn message(&self) -> &str {
        self.error.as_deref().unwrap_or_default()
    }
}

fn status_words(status: Status, lang: Lang) -> String {
    lang.t(&format!("boundary-status-{}", status.as_str()))
}

fn whose(boundary: &Boundary, person: PersonId, partner: &str, lang: Lang) -> String {
    if boundary.owner == person {
        lang.t("boundary-whose-yours")
    } else {
        lang.t_with("boundary-whose-theirs", &[("name", partner.to_owned())])
    }
}

/// The boundaries between the person and their partner, and the form to propose one.
pub(crate) async fn list(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    Path(space): Path<String>,
) -> Result<BoundariesPage, WebError> {
    let space = parse_space(&space)?;
    list_page(
        &state,
        caller.person,
        space,
        chrome,
        StepForm::default(),
        None,
    )
    .await
}

async fn list_page(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    chrome: Chrome,
    form: StepForm,
    error: Option<&BoundaryError>,
) -> Result<BoundariesPage, WebError> {
    let lang = chrome.lang;
    let opened = boundaries::open(state, person, space)
        .await
        .map_err(page_error)?;
    let partner = match opened.counterpart {
        Some(_) => Some(counterpart_name(state, &opened, lang).await?),
        None => None,
    };
    let name = partner.clone().unwrap_or_default();
    let former = opened.partner_left();
    let line = |b: &Boundary| BoundaryLine {
        href: format!("/spaces/{space}/boundaries/{}", b.id),
        text: b.text.as_str().to_owned(),
        whose: whose(b, person, &name, lang),
        status: status_words(b.status, lang),
        waiting_for_you: !former && b.partner == person && b.status == Status::Proposed,
        open_crossings: b
            .crossings
            .iter()
            .filter(|c| c.resolved_at.is_none())
            .count(),
    };
    let all = boundaries::list(&opened);
    let is_withdrawn = |b: &Boundary| matches!(b.status, Status::Withdrawn { .. });
    Ok(BoundariesPage {
        space_href: format!("/spaces/{space}"),
        space_name: space_name(state, space).await?,
        action: format!("/spaces/{space}/boundaries"),
        current: all
            .iter()
            .filter(|b| !is_withdrawn(b))
            .map(|b| line(b))
            .collect(),
        withdrawn: all
            .iter()
            .filter(|b| is_withdrawn(b))
            .map(|b| line(b))
            .collect(),
        partner,
        former,
        form,
        error: error.map(|e| e.message(lang)),
        error_field: error.map_or("", BoundaryError::field),
        gentle: None,
        chrome,
    })
}

/// "Check my words" on the proposal: the list again with what the gentle start-up helper
/// noticed in the boundary and its reason, the typed text kept and nothing written.
pub(crate) async fn check_proposal(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    Path(space): Path<String>,
    Form(form): Form<StepForm>,
) -> Result<BoundariesPage, WebError> {
    let space = parse_space(&space)?;
    let hint = gentle::hint_all(&[&form.text, &form.why], chrome.lang);
    let mut page = list_page(&state, caller.person, space, chrome, form, None).await?;
    page.gentle = Some(hint);
    Ok(page)
}

/// Proposes a boundary and shows it; a mistake comes back in the form.
pub(crate) async fn propose(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    Path(space): Path<String>,
    Form(form): Form<StepForm>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let proposed = async {
        let text = boundaries::parse_text(&form.text)?;
        let why = boundaries::parse_why(&form.why)?;
        boundaries::propose(&state, caller.person, space, text, why).await
    }
    .await;
    match proposed {
        Ok(id) => Ok(Redirect::to(&format!("/spaces/{space}/boundaries/{id}")).into_response()),
        Err(error @ (BoundaryError::Invalid(_) | BoundaryError::Refused(_))) => {
            let status = status_for(&error);
            let page = list_page(&state, caller.person, space, chrome, form, Some(&error)).await?;
            Ok((status, page).into_response())
        }
        Err(error) => Err(page_error(error)),
    }
}

/// An earlier wording.
pub(crate) struct EarlierLine {
    text: String,
    why: Option<String>,
    when: String,
    acknowledged: bool,
}

/// One crossing, and what the person may do about it now.
pub(crate) struct CrossingLine {
    id: String,
    action: String,
    when: String,
    /// Who reported it, in words that credit a self-report's honesty.
    reported: String,
    self_reported: bool,
    acknowledged: bool,
    /// Every apology, oldest first, with the owner's answers.
    apologies: Vec<ApologyLine>,
    prevention_href: Option<String>,
    prevention_text: Option<String>,
    resolved: Option<String>,
    can_acknowledge: bool,
    can_apologise: bool,
    /// The owner may answer the newest apology: "this landed" or "not yet".
    can_answer: bool,
    /// Another apology after "not yet".
    apologise_again: bool,
    can_prevent: bool,
    can_resolve: bool,
    /// True for the partner who crossed it, who is asked for the three steps.
    asked_of_you: bool,
}

/// One radio button of the stakes.
pub(crate) struct StakesChoice {
    value: u8,
    label: String,
    checked: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "boundary.html")]
pub(crate) struct BoundaryPage {
    chrome: Chrome,
    space_href: String,
    space_name: String,
    list_href: String,
    action: String,
    text: String,
    why: Option<String>,
    whose: String,
    status: String,
    can_acknowledge: bool,
    can_revise: bool,
    can_withdraw: bool,
    can_report: bool,
    /// True for the partner asked to honour it: the report form then invites a self-report.
    you_honour_it: bool,
    waiting_for_partner: bool,
    earlier: Vec<EarlierLine>,
    crossings: Vec<CrossingLine>,
    form: StepForm,
    stakes_choices: Vec<StakesChoice>,
    error: Option<String>,
    error_field: &'static str,
    /// The crossing whose form came back; empty for the boundary's own forms.
    returned_crossing: String,
    /// The form that came back, with a mistake or refusal or after "Check my words".
    returned_form: &'static str,
    /// Whether that form is on the page, to show the message and the typed text in it;
    /// otherwise a message shows at the top of the steps.
    returned_inline: bool,
    /// What the gentle start-up helper noticed in the form that came back.
    gentle: Option<GentleHint>,
}

impl BoundaryPage {
    fn error_on(&self, form: &str, field: &str) -> bool {
        self.error_in(form, "") && self.error_field == field
    }

    /// The form came back (with a message or a hint) and is on the page.
    fn returned_to(&self, form: &str, crossing: &str) -> bool {
        self.returned_inline && self.returned_form == form && self.returned_crossing == crossing
    }

    fn error_in(&self, form: &str, crossing: &str) -> bool {
        self.error.is_some() && self.returned_to(form, crossing)
    }

    /// The gentle start-up helper's hint, under the form it was asked for only.
    fn gentle_in(&self, form: &str, crossing: &str) -> Option<&GentleHint> {
        self.gentle
            .as_ref()
            .filter(|_| self.returned_to(form, crossing))
    }

    fn error_at_top(&self) -> bool {
        self.error.is_some() && !self.returned_inline
    }

    fn message(&self) -> &str {
        self.error.as_deref().unwrap_or_default()
    }

    /// A typed value for a crossing's form, kept only for the form that came back.
    /// The message for the answer form of `crossing`, if it came back with one.
    fn answer_error(&self, crossing: &str) -> Option<String> {
        self.error
            .clone()
            .filter(|_| self.returned_to("answer", crossing))
    }

    fn typed<'a>(&'a self, form: &str, crossing: &str, value: &'a str) -> &'a str {
        if self.returned_to(form, crossing) {
            value
        } else {
            ""
        }
    }
}

/// Which form came back, to show in it what was typed and why it came back: a mistake or
/// refusal, or what the gentle start-up helper noticed.
struct Returned<'a> {
    form: &'static str,
    crossing: Option<CrossingId>,
    error: Option<&'a BoundaryError>,
    gentle: Option<GentleHint>,
}

/// One boundary, its history and its crossings.
pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path((space, boundary)): Path<(String, String)>,
) -> Result<BoundaryPage, WebError> {
    let space = parse_space(&space)?;
    let boundary = boundaries::parse_id(&boundary).map_err(page_error)?;
    boundary_page(
        &state,
        caller.person,
        (space, boundary),
        chrome,
        &zone,
        StepForm::default(),
        None,
    )
    .await
}

async fn boundary_page(
    state: &AppState,
    person: PersonId,
    (space, id): (SpaceId, BoundaryId),
    chrome: Chrome,
    zone: &Zone,
    form: StepForm,
    returned: Option<Returned<'_>>,
) -> Result<BoundaryPage, WebError> {
    let lang = chrome.lang;
    let opened = boundaries::open(state, person, space)
        .await
        .map_err(page_error)?;
    let boundary = boundaries::find_to_read(&opened, id).map_err(page_error)?;
    let name = counterpart_name(state, &opened, lang).await?;
    // With a partner who left, the boundary stays to read and nothing more can be done.
    let read_only = opened.partner_left();
    let steps = if read_only {
        Vec::new()
    } else {
        boundary.steps(person)
    };
    let may = |step: BoundaryStep| steps.contains(&step);
    let action = format!("/spaces/{space}/boundaries/{id}");
    let crossings: Vec<CrossingLine> = boundary
        .crossings
        .iter()
        .rev()
        .map(|c| crossing_line(c, boundary, &opened, &action, &name, zone, lang))
        .collect();
    let stakes_chosen = if form.stakes.is_empty() {
        "2"
    } else {
        form.stakes.as_str()
    };
    let stakes_choices = (Stakes::MIN..=Stakes::MAX)
        .filter_map(|v| Stakes::new(v).ok())
        .map(|s| StakesChoice {
            value: s.get(),
            label: stakes_words(s, lang),
            checked: stakes_chosen.trim() == s.get().to_string(),
        })
        .collect();
    // The revision form shows the boundary as it stands, unless it is the form that came back.
    let form = if returned.as_ref().is_some_and(|r| r.form == "revise") {
        form
    } else {
        StepForm {
            text: boundary.text.as_str().to_owned(),
            why: boundary
                .why
                .as_ref()
                .map(|w| w.as_str().to_owned())
                .unwrap_or_default(),
            ..form
        }
    };
    let can_acknowledge = may(BoundaryStep::Acknowledge);
    let can_revise = may(BoundaryStep::Revise);
    let can_withdraw = may(BoundaryStep::Withdraw);
    let can_report = may(BoundaryStep::ReportCrossing);
    let returned_inline = returned.as_ref().is_some_and(|f| {
        let line = f
            .crossing
            .map(|c| c.to_string())
            .and_then(|id| crossings.iter().find(|l: &&CrossingLine| l.id == id));
        match (f.form, line) {
            ("revise", _) => can_revise,
            ("report", _) => can_report,
            ("acknowledge", _) => can_acknowledge,
            ("withdraw", _) => can_withdraw,
            ("apologise", Some(l)) => l.can_apologise && l.acknowledged,
            ("answer", Some(l)) => l.can_answer,
            ("prevention", Some(l)) => l.can_prevent && l.acknowledged,
            ("acknowledge-crossing", Some(l)) => l.can_acknowledge,
            ("resolve", Some(l)) => l.can_resolve,
            _ => false,
        }
    });
    Ok(BoundaryPage {
        returned_inline,
        space_href: format!("/spaces/{space}"),
        space_name: space_name(state, space).await?,
        list_href: format!("/spaces/{space}/boundaries"),
        text: boundary.text.as_str().to_owned(),
        why: boundary.why.as_ref().map(|w| w.as_str().to_owned()),
        whose: whose(boundary, person, &name, lang),
        status: status_words(boundary.status, lang),
        can_acknowledge,
        can_revise,
        can_withdraw,
        can_report,
        you_honour_it: boundary.partner == person,
        waiting_for_partner: !read_only
            && boundary.owner == person
            && boundary.status == Status::Proposed,
        earlier: boundary
            .revisions
            .iter()
            .rev()
            .map(|r| EarlierLine {
                text: r.text.as_str().to_owned(),
                why: r.why.as_ref().map(|w| w.as_str().to_owned()),
                when: lang.t_with(
                    "boundary-earlier-when",
                    &[
                        ("from", zone.day(r.from, lang)),
                        ("to", zone.day(r.until, lang)),
                    ],
                ),
                acknowledged: r.acknowledged,
            })
            .collect(),
        crossings,
        form,
        stakes_choices,
        error: returned
            .as_ref()
            .and_then(|r| r.error)
            .map(|e| e.message(lang)),
        error_field: returned
            .as_ref()
            .and_then(|r| r.error)
            .map_or("", BoundaryError::field),
        returned_crossing: returned
            .as_ref()
            .and_then(|r| r.crossing)
            .map(|c| c.to_string())
            .unwrap_or_default(),
        returned_form: returned.as_ref().map_or("", |r| r.form),
        gentle: returned.and_then(|r| r.gentle),
        action,
        chrome,
    })
}

fn crossing_line(
    crossing: &Crossing,
    boundary: &Boundary,
    opened: &Opened,
    action: &str,
    partner: &str,
    zone: &Zone,
    lang: Lang,
) -> CrossingLine {
    let person = opened.person;
    let read_only = opened.partner_left();
    let id = crossing.id;
    let steps = if read_only {
        Vec::new()
    } else {
        boundary.crossing_steps(id, person)
    };
    let may = |step: CrossingStep| steps.contains(&step);
    let reported = match (crossing.self_reported(), crossing.reported_by == person) {
        (true, true) => lang.t("boundary-crossing-self-you"),
        (true, false) => lang.t_with(
            "boundary-crossing-self-theirs",
            &[("name", partner.to_owned())],
        ),
        (false, true) => lang.t("boundary-crossing-noted-you"),
        (false, false) => lang.t_with(
            "boundary-crossing-noted-theirs",
            &[("name", partner.to_owned())],
        ),
    };
    let prevention = crossing
        .prevention
        .and_then(|p| opened.ledger().promises.get(p));
    CrossingLine {
        id: id.to_string(),
        action: format!("{action}/crossings/{id}"),
        when: zone.show(crossing.at, lang),
        reported,
        self_reported: crossing.self_reported(),
        acknowledged: crossing.acknowledged_at.is_some(),
        apologies: apology_lines(&crossing.apologies, zone, lang),
        prevention_href: prevention.map(|p| format!("/spaces/{}/promises/{}", opened.space, p.id)),
        prevention_text: prevention.map(|p| p.terms.text.as_str().to_owned()),
        resolved: crossing.resolved_at.map(|at| zone.show(at, lang)),
        can_acknowledge: may(CrossingStep::Acknowledge),
        can_apologise: may(CrossingStep::Apologise),
        can_answer: may(CrossingStep::AnswerApology),
        apologise_again: !crossing.apologies.is_empty(),
        can_prevent: may(CrossingStep::AddPrevention),
        can_resolve: may(CrossingStep::Resolve),
        asked_of_you: !read_only && crossing.crossed_by == person,
    }
}

/// A time from a page's field, in the person's zone.
fn local_time(text: &str, jar: &CookieJar) -> Result<Option<Timestamp>, BoundaryError> {
    let zone = jar.get(ZONE_COOKIE).map(|c| c.value().to_owned());
    times::parse_local(text, zone.as_deref().unwrap_or_default())
        .map_err(|_| BoundaryError::Invalid(Invalid::Time))
}

/// A step on the boundary itself: revise, acknowledge, withdraw, or report a crossing.
pub(crate) async fn act(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    jar: CookieJar,
    Path((space, boundary, step)): Path<(String, String, String)>,
    Form(form): Form<StepForm>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let id = boundaries::parse_id(&boundary).map_err(page_error)?;
    let person = caller.person;
    let (form_name, result) = match step.as_str() {
        "revise" => {
            let done = async {
                let command = Command::Revise {
                    text: boundaries::parse_text(&form.text)?,
                    why: boundaries::parse_why(&form.why)?,
                };
                boundaries::act(&state, person, space, id, command).await
            }
            .await;
            ("revise", done)
        }
        "acknowledge" => (
            "acknowledge",
            boundaries::act(&state, person, space, id, Command::Acknowledge).await,
        ),
        "withdraw" => (
            "withdraw",
            boundaries::act(&state, person, space, id, Command::Withdraw).await,
        ),
        "crossings" => {
            let done = async {
                let when = local_time(&form.when, &jar)?;
                boundaries::report(&state, person, space, id, when)
                    .await
                    .map(|_| ())
            }
            .await;
            ("report", done)
        }
        _ => return Err(WebError::NotFound),
    };
    finish(
        &state,
        person,
        (space, id),
        chrome,
        &zone,
        form,
        result,
        (form_name, None),
    )
    .await
}

/// A step on one crossing: acknowledge, apologise, add the prevention step, or resolve.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn act_on_crossing(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    jar: CookieJar,
    Path((space, boundary, crossing, step)): Path<(String, String, String, String)>,
    Form(form): Form<StepForm>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let id = boundaries::parse_id(&boundary).map_err(page_error)?;
    let crossing = boundaries::parse_crossing(&crossing).map_err(page_error)?;
    let person = caller.person;
    let (form_name, result) = match step.as_str() {
        "acknowledge" => (
            "acknowledge-crossing",
            boundaries::act(
                &state,
                person,
                space,
                id,
                Command::AcknowledgeCrossing { crossing },
            )
            .await,
        ),
        "apologise" => {
            let done = async {
                let text = boundaries::parse_apology(&form.apology)?;
                boundaries::act(
                    &state,
                    person,
                    space,
                    id,
                    Command::Apologise { crossing, text },
                )
                .await
            }
            .await;
            ("apologise", done)
        }
        "answer" => {
            let done = async {
                let (landing, word) = boundaries::parse_landing(&form.landing, &form.word)?;
                boundaries::act(
                    &state,
                    person,
                    space,
                    id,
                    Command::AnswerApology {
                        crossing,
                        landing,
                        word,
                    },
                )
                .await
            }
            .await;
            ("answer", done)
        }
        "prevention" => {
            let done = async {
                let due = local_time(&form.due, &jar)?;
                let stakes = form.stakes.trim().parse::<i64>().unwrap_or(0);
                let terms = boundaries::parse_terms(&form.promise, stakes, due)?;
                boundaries::prevent(&state, person, space, id, crossing, terms)
                    .await
                    .map(|_| ())
            }
            .await;
            ("prevention", done)
        }
        "resolve" => (
            "resolve",
            boundaries::act(&state, person, space, id, Command::Resolve { crossing }).await,
        ),
        _ => return Err(WebError::NotFound),
    };
    finish(
        &state,
        person,
        (space, id),
        chrome,
        &zone,
        form,
        result,
        (form_name, Some(crossing)),
    )
    .await
}

/// Back to the boundary after a step; a mistake or refusal shows the page again with the
/// message beside the form and what was typed kept.
#[allow(clippy::too_many_arguments)]
async fn finish(
    state: &AppState,
    person: PersonId,
    (space, id): (SpaceId, BoundaryId),
    chrome: Chrome,
    zone: &Zone,
    form: StepForm,
    result: Result<(), BoundaryError>,
    (form_name, crossing): (&'static str, Option<CrossingId>),
) -> Result<Response, WebError> {
    match result {
        Ok(()) => {
            let anchor = crossing
                .map(|c| format!("#crossing-{c}"))
                .unwrap_or_default();
            Ok(Redirect::to(&format!("/spaces/{space}/boundaries/{id}{anchor}")).into_response())
        }
        Err(error @ (BoundaryError::Invalid(_) | BoundaryError::Refused(_))) => {
            let status = status_for(&error);
            let returned = Returned {
                form: form_name,
                crossing,
                error: Some(&error),
                gentle: None,
            };
            let page = boundary_page(
                state,
                person,
                (space, id),
                chrome,
                zone,
                form,
                Some(returned),
            )
            .await?;
            Ok((status, page).into_response())
        }
        Err(error) => Err(page_error(error)),
    }
}

/// "Check my words" on the revision: the boundary again with what the gentle start-up helper
/// noticed in the new wording and its reason, the typed text kept and nothing written.
pub(crate) async fn check(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path((space, boundary, step)): Path<(String, String, String)>,
    Form(form): Form<StepForm>,
) -> Result<BoundaryPage, WebError> {
    let space = parse_space(&space)?;
    let id = boundaries::parse_id(&boundary).map_err(page_error)?;
    let hint = match step.as_str() {
        "revise" => gentle::hint_all(&[&form.text, &form.why], chrome.lang),
        _ => return Err(WebError::NotFound),
    };
    let returned = Returned {
        form: "revise",
        crossing: None,
        error: None,
        gentle: Some(hint),
    };
    boundary_page(
        &state,
        caller.person,
        (space, id),
        chrome,
        &zone,
        form,
        Some(returned),
    )
    .await
}

/// "Check my words" on a crossing's apology: the boundary again with what the gentle start-up
/// helper noticed, the typed apology kept and nothing written.
pub(crate) async fn check_on_crossing(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path((space, boundary, crossing, step)): Path<(String, String, String, String)>,
    Form(form): Form<StepForm>,
) -> Result<BoundaryPage, WebError> {
    let space = parse_space(&space)?;
    let id = boundaries::parse_id(&boundary).map_err(page_error)?;
    let crossing = boundaries::parse_crossing(&crossing).map_err(page_error)?;
    let hint = match step.as_str() {
        "apologise" => gentle::hint_as(&form.apology, chrome.lang, Field::Apology),
        _ => return Err(WebError::NotFound),
    };
    let returned = Returned {
        form: "apologise",
        crossing: Some(crossing),
        error: None,
        gentle: Some(hint),
    };
    boundary_page(
        &state,
        caller.person,
        (space, id),
        chrome,
        &zone,
        form,
        Some(returned),
    )
    .await
}
