//! The weekly check-in as pages: the list with the button to start one and felt trust over time;
//! one check-in, one step per page, each saved as the person's private draft when they go on;
//! the review and submission; the waiting page; both partners' answers once both finished; and
//! the calm break page. Everything works without JavaScript: forms post, then redirect.
//!
//! The rules are in `steadfast_core::checkin`; which page a person sees is read from them too.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use steadfast_core::checkin::{
    Answers, Checkin, CheckinStep, Facet, FeltTrust, MAX_APPRECIATIONS, Refusal, Stage, Standing,
    Step, Trend, TrustItem,
};
use steadfast_core::{CheckinId, PersonId, SpaceId};

use super::Chrome;
use super::help::Resource;
use super::promises::{Zone, parse_space, partner_name, space_name};
use crate::auth::session::SignedIn;
use crate::charts::trend::{self as trend_chart, Felt, TrendText};
use crate::error::{Say, WebError, status_for};
use crate::i18n::Lang;
use crate::state::AppState;
use steadfast_app::checkins::{self, CheckinError, DraftInput};
use steadfast_app::ledger::Opened;

/// How many appreciation fields a step shows at least.
const APPRECIATION_FIELDS: usize = 3;

fn page_error(error: CheckinError) -> WebError {
    match error {
        CheckinError::Failed(failure) => failure.into(),
        _ => WebError::NotFound,
    }
}

fn checkin_href(space: SpaceId, id: CheckinId) -> String {
    format!("/spaces/{space}/checkins/{id}")
}

/// One radio button.
pub(crate) struct Choice {
    value: String,
    label: String,
    checked: bool,
}

/// A felt-trust item with its seven answers.
pub(crate) struct ItemView {
    name: &'static str,
    question: String,
    choices: Vec<Choice>,
}

/// A facet's heading and its three items.
pub(crate) struct FacetView {
    heading: String,
    hint: String,
    items: Vec<ItemView>,
}

/// Felt trust in words: the mean and per facet.
pub(crate) struct FeltView {
    mean: String,
    facets: Vec<String>,
}

/// One partner's answers, ready to show.
pub(crate) struct AnswersView {
    who: String,
    appreciations: Vec<String>,
    went_right: Option<String>,
    felt: Option<FeltView>,
    /// Headings in the card's own voice: "Your side, as the speaker" on the viewer's card, the
    /// partner's name on theirs.
    topic_heading: String,
    topic: Option<String>,
    notes_heading: String,
    listener_notes: Option<String>,
    requests: Option<String>,
    /// The viewer's own only.
    how_it_went: Option<String>,
}

/// The felt-trust chart and what it means, for the list page and beside the record.
pub(crate) struct TrendView {
    pub(crate) chart: String,
    pub(crate) legend: String,
    pub(crate) changes: Vec<String>,
    pub(crate) stuck: bool,
    pub(crate) empty: bool,
}

/// A number with one decimal, written the way the language writes decimals.
fn number(value: f64, lang: Lang) -> String {
    decimal(format!("{value:.1}"), lang)
}

fn decimal(text: String, lang: Lang) -> String {
    match lang {
        Lang::Pl => text.replace('.', ","),
        Lang::En => text,
    }
}

fn felt_view(felt: FeltTrust, lang: Lang) -> FeltView {
    FeltView {
        mean: lang.t_with("checkin-felt-mean", &[("value", number(felt.mean, lang))]),
        facets: Facet::ALL
            .into_iter()
            .map(|facet| {
                lang.t_with(
                    &format!("checkin-facet-{}-short", facet.as_str()),
                    &[("value", number(felt.facet(facet), lang))],
                )
            })
            .collect(),
    }
}

fn answers_view(who: String, answers: &Answers, own: bool, lang: Lang) -> AnswersView {
    let text =
        |n: &Option<steadfast_core::checkin::Note>| n.as_ref().map(|n| n.as_str().to_owned());
    AnswersView {
        appreciations: answers
            .appreciations
            .iter()
            .map(|a| a.as_str().to_owned())
            .collect(),
        went_right: text(&answers.went_right),
        felt: answers.felt().map(|f| felt_view(f, lang)),
        topic_heading: if own {
            lang.t("checkin-field-topic")
        } else {
            lang.t_with("checkin-theirs-topic", &[("name", who.clone())])
        },
        notes_heading: if own {
            lang.t("checkin-field-listener_notes")
        } else {
            lang.t_with("checkin-theirs-listener_notes", &[("name", who.clone())])
        },
        topic: text(&answers.topic),
        listener_notes: text(&answers.listener_notes),
        requests: text(&answers.requests),
        how_it_went: if own {
            answers.how_it_went.map(|f| feeling_label(f.get(), lang))
        } else {
            None
        },
        who,
    }
}

fn feeling_label(value: i8, lang: Lang) -> String {
    let shown = if value > 0 {
        format!("+{value}")
    } else {
        value.to_string()
    };
    match value {
        -5 => lang.t_with("checkin-feeling-worst", &[("value", shown)]),
        0 => lang.t_with("checkin-feeling-middle", &[("value", shown)]),
        5 => lang.t_with("checkin-feeling-best", &[("value", shown)]),
        _ => shown,
    }
}

/// The felt-trust chart for `trend`, with its words.
pub(crate) fn trend_view(
    trend: &Trend,
    partner: Option<&str>,
    zone: &Zone,
    lang: Lang,
) -> TrendView {
    let points: Vec<Felt> = trend
        .points
        .iter()
        .map(|p| Felt {
            mine: p.mine.map(|f| f.mean),
            partner: p.partner.map(|f| f.mean),
        })
        .collect();
    let first = trend
        .points
        .first()
        .map(|p| zone.day(p.at, lang))
        .unwrap_or_default();
    let last = trend
        .points
        .last()
        .map(|p| zone.day(p.at, lang))
        .unwrap_or_default();
    let name = partner.unwrap_or_default().to_owned();
    let mut changes = Vec::new();
    let mut describe = |change: &Option<steadfast_core::checkin::trend::Change>, key: &str| {
        if let Some(change) = change {
            let direction = if change.improved {
                "better"
            } else if change.worsened {
                "worse"
            } else {
                "same"
            };
            changes.push(lang.t_with(
                &format!("checkin-trend-{key}-{direction}"),
                &[
                    ("name", name.clone()),
                    ("first", number(change.first, lang)),
                    ("latest", number(change.latest, lang)),
                    ("rci", decimal(format!("{:.2}", change.rci), lang)),
                ],
            ));
        }
    };
    if trend.points.len() > 1 {
        describe(&trend.mine, "yours");
        describe(&trend.partner, "theirs");
    }
    let desc = lang.t_count(
        "checkin-trend-desc",
        i64::try_from(points.len()).unwrap_or(0),
    );
    TrendView {
        chart: trend_chart::render(
            &points,
            &TrendText {
                id: "felt-trust",
                title: &lang.t("checkin-trend-title"),
                desc: &desc,
                first: &first,
                last: &last,
            },
        ),
        legend: match partner {
            Some(name) => lang.t_with("checkin-trend-legend", &[("name", name.to_owned())]),
            None => lang.t("checkin-trend-legend-solo"),
        },
        changes,
        stuck: trend.stuck,
        empty: trend.points.is_empty(),
    }
}

/// One check-in in the list.
pub(crate) struct CheckinLine {
    href: String,
    when: String,
    status: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "checkins.html")]
pub(crate) struct CheckinsPage {
    chrome: Chrome,
    space_href: String,
    space_name: String,
    start_action: String,
    partner: Option<String>,
    open: Option<CheckinLine>,
    past: Vec<CheckinLine>,
    trend: TrendView,
    resources: Vec<Resource>,
    error: Option<String>,
}

fn line(checkin: &Checkin, opened: &Opened, partner: &str, zone: &Zone, lang: Lang) -> CheckinLine {
    let standing = checkin.standing(opened.person, opened.partner);
    let partner_done = checkin
        .other(opened.person)
        .and_then(|p| checkin.side(p))
        .is_some_and(|s| s.submitted_at.is_some());
    let status = match standing {
        Standing::Open if partner_done => lang.t_with(
            "checkin-status-partner-done",
            &[("name", partner.to_owned())],
        ),
        other => lang.t_with(
            &format!("checkin-status-{}", other.as_str()),
            &[("name", partner.to_owned())],
        ),
    };
    CheckinLine {
        href: checkin_href(opened.space, checkin.id),
        when: zone.day(checkin.started_at, lang),
        status,
    }
}

/// The person's check-ins, the way to start the next one, and felt trust over time.
pub(crate) async fn list(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(space): Path<String>,
) -> Result<CheckinsPage, WebError> {
    let space = parse_space(&space)?;
    list_page(&state, caller.person, space, chrome, zone, None).await
}

async fn list_page(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    chrome: Chrome,
    zone: Zone,
    error: Option<String>,
) -> Result<CheckinsPage, WebError> {
    let lang = chrome.lang;
    let opened = checkins::open(state, person, space)
        .await
        .map_err(page_error)?;
    let partner = match opened.partner {
        Some(partner) => Some(partner_name(state, Some(partner), lang).await?),
        None => None,
    };
    let name = partner.clone().unwrap_or_default();
    let open_id = opened
        .ledger()
        .checkins
        .open_for(person, opened.partner)
        .map(|c| c.id);
    let all = checkins::list(&opened);
    let open = all
        .iter()
        .find(|c| Some(c.id) == open_id)
        .map(|c| line(c, &opened, &name, &zone, lang));
    let past = all
        .iter()
        .filter(|c| Some(c.id) != open_id)
        .map(|c| line(c, &opened, &name, &zone, lang))
        .collect();
    let trend = checkins::trend_of(&opened);
    let trend = trend_view(&trend, partner.as_deref(), &zone, lang);
    Ok(CheckinsPage {
        space_href: format!("/spaces/{space}"),
        space_name: space_name(state, space).await?,
        start_action: format!("/spaces/{space}/checkins"),
        partner,
        open,
        past,
        resources: if trend.stuck {
            state
                .help_for(lang)
                .iter()
                .map(|(label, contact)| Resource::new(label, contact))
                .collect()
        } else {
            Vec::new()
        },
        trend,
        error,
        chrome,
    })
}

/// Starts a check-in and opens it; when one is open already, says so with a link to it.
pub(crate) async fn start(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(space): Path<String>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    match checkins::start(&state, caller.person, space).await {
        Ok(id) => Ok(Redirect::to(&checkin_href(space, id)).into_response()),
        Err(error @ CheckinError::Refused(_)) => {
            let message = error.message(chrome.lang);
            let page = list_page(&state, caller.person, space, chrome, zone, Some(message)).await?;
            Ok((status_for(&error), page).into_response())
        }
        Err(other) => Err(page_error(other)),
    }
}

/// One step's fields, filled with what the person typed or saved.
#[derive(Default)]
pub(crate) struct Fields {
    appreciations: Vec<String>,
    went_right: String,
    facets: Vec<FacetView>,
    topic: String,
    listener_notes: String,
    requests: String,
    feelings: Vec<Choice>,
}

/// A step of the progress list.
pub(crate) struct StepLink {
    label: String,
    href: String,
    current: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "checkin.html")]
pub(crate) struct CheckinPage {
    chrome: Chrome,
    list_href: String,
    base: String,
    /// What the person meets now, from the check-in's rule.
    stage: Stage,
    step: &'static str,
    step_title: String,
    step_hint: String,
    progress: String,
    steps: Vec<StepLink>,
    partner_line: Option<String>,
    fields: Fields,
    /// The person's own answers, on the review, waiting and results pages.
    mine: Option<AnswersView>,
    theirs: Option<AnswersView>,
    break_until: String,
    /// "About 17 minutes left", while a break runs.
    break_left: String,
    break_by_you: bool,
    /// The steps the person may take now, from the check-in's rule.
    may_submit: bool,
    may_pause: bool,
    may_end_break: bool,
    error: Option<String>,
    error_field: &'static str,
    first_step: bool,
    /// What the gentle start-up helper noticed in the topic, after "Check my words".
    gentle: Option<crate::pages::gentle::GentleHint>,
    /// Repair-plan questions still waiting for an answer, while this check-in is open.
    repair_questions: Vec<super::repairs::WaitingQuestion>,
}

impl CheckinPage {
    fn error_in(&self, field: &str) -> bool {
        self.error.is_some() && self.error_field == field
    }

    fn error_at_top(&self) -> bool {
        self.error.is_some()
            && ![
                "appreciations",
                "went_right",
                "felt_trust",
                "topic",
                "listener_notes",
                "requests",
                "how_it_went",
            ]
            .contains(&self.error_field)
    }

    fn message(&self) -> &str {
        self.error.as_deref().unwrap_or_default()
    }
}

#[derive(Deserialize, Default)]
pub(crate) struct StepQuery {
    step: Option<String>,
}

/// One check-in: the step the person is at (or asked for), the break, the waiting page, or
/// both partners' answers.
pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path((space, checkin)): Path<(String, String)>,
    Query(query): Query<StepQuery>,
) -> Result<CheckinPage, WebError> {
    let space = parse_space(&space)?;
    let id = checkins::parse_id(&checkin).map_err(page_error)?;
    let step = query.step.as_deref().and_then(Step::from_name);
    render(
        &state,
        caller.person,
        space,
        id,
        chrome,
        &zone,
        step,
        None,
        None,
    )
    .await
}

/// The page for `person`, with what they typed and the mistake in it when a form comes back.
#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    id: CheckinId,
    chrome: Chrome,
    zone: &Zone,
    asked: Option<Step>,
    typed: Option<&HashMap<String, String>>,
    error: Option<&CheckinError>,
) -> Result<CheckinPage, WebError> {
    let lang = chrome.lang;
    let now = state.now();
    let opened = checkins::open(state, person, space)
        .await
        .map_err(page_error)?;
    let checkin = checkins::find(&opened, id).map_err(page_error)?;
    let other = checkin.other(person);
    let partner = partner_name(state, other.or(opened.partner), lang).await?;
    let pause = checkin.break_at(now);
    let stage = checkin.stage_for(person, opened.partner, now);
    let may = checkin.steps(person, opened.partner, now);
    let step = asked.unwrap_or_else(|| checkin.step_of(person));
    let draft = checkin.draft_of(person);
    let mine_side = checkin.side(person);
    let partner_done = other
        .and_then(|o| checkin.side(o))
        .is_some_and(|s| s.submitted_at.is_some());
    let partner_line = other.map(|_| {
        let key = match (stage, partner_done) {
            (Stage::Results, _) => "checkin-partner-revealed",
            (_, true) => "checkin-partner-finished",
            (_, false) => "checkin-partner-answering",
        };
        lang.t_with(key, &[("name", partner.clone())])
    });
    let you = lang.t("checkin-you");
    let mine = match stage {
        Stage::Answering if step == Step::Review => {
            Some(answers_view(you.clone(), &draft, true, lang))
        }
        Stage::Answering | Stage::Break => None,
        _ => mine_side
            .and_then(|s| s.answers.as_ref().or(s.draft.as_ref().map(|(a, _)| a)))
            .map(|a| answers_view(you.clone(), a, true, lang)),
    };
    let theirs = (stage == Stage::Results)
        .then(|| {
            other
                .and_then(|o| checkin.side(o))
                .and_then(|s| s.revealed.as_ref())
                .map(|a| answers_view(partner.clone(), a, false, lang))
        })
        .flatten();
    let base = checkin_href(space, id);
    let steps = Step::ALL
        .into_iter()
        .map(|s| StepLink {
            label: lang.t(&format!("checkin-step-{}", s.as_str())),
            href: format!("{base}?step={}", s.as_str()),
            current: s == step,
        })
        .collect();
    let (error_text, error_field) = match error {
        Some(error) => (Some(error.message(lang)), error.field()),
        None => (None, ""),
    };
    Ok(CheckinPage {
        list_href: format!("/spaces/{space}/checkins"),
        stage,
        step: step.as_str(),
        step_title: lang.t(&format!("checkin-step-{}", step.as_str())),
        step_hint: lang.t_with(
            &format!("checkin-hint-{}", step.as_str()),
            &[("name", partner.clone())],
        ),
        progress: lang.t_with(
            "checkin-progress",
            &[
                ("n", step.number().to_string()),
                ("total", Step::ALL.len().to_string()),
            ],
        ),
        steps,
        partner_line,
        fields: fields(step, &draft, typed, lang),
        mine,
        theirs,
        break_until: pause.map(|b| zone.show(b.until, lang)).unwrap_or_default(),
        break_left: pause
            .map(|b| {
                let minutes = i64::try_from(b.minutes_left(now)).unwrap_or(i64::MAX);
                lang.t_count("checkin-break-left", minutes)
            })
            .unwrap_or_default(),
        break_by_you: pause.is_some_and(|b| b.by == person),
        may_submit: may.contains(&CheckinStep::Submit),
        may_pause: may.contains(&CheckinStep::CallBreak),
        may_end_break: may.contains(&CheckinStep::EndBreak),
        error: error_text,
        error_field,
        first_step: step == Step::Appreciations,
        repair_questions: if matches!(stage, Stage::Answering | Stage::Waiting | Stage::Break) {
            super::repairs::waiting_questions(&opened, space)
        } else {
            Vec::new()
        },
        base,
        chrome,
        gentle: None,
    })
}

/// The fields of `step`, from what was typed if the form came back, else from the draft.
fn fields(
    step: Step,
    draft: &Answers,
    typed: Option<&HashMap<String, String>>,
    lang: Lang,
) -> Fields {
    let pick = |name: &str, saved: Option<String>| -> String {
        match typed {
            Some(form) => form.get(name).cloned().unwrap_or_default(),
            None => saved.unwrap_or_default(),
        }
    };
    let note =
        |n: &Option<steadfast_core::checkin::Note>| n.as_ref().map(|n| n.as_str().to_owned());
    let mut out = Fields::default();
    match step {
        Step::Appreciations => {
            let saved: Vec<String> = draft
                .appreciations
                .iter()
                .map(|a| a.as_str().to_owned())
                .collect();
            let shown = (saved.len() + 1).clamp(APPRECIATION_FIELDS, MAX_APPRECIATIONS);
            out.appreciations = (0..shown)
                .map(|i| pick(&format!("appreciation_{}", i + 1), saved.get(i).cloned()))
                .collect();
        }
        Step::WentRight => out.went_right = pick("went_right", note(&draft.went_right)),
        Step::FeltTrust => {
            out.facets = Facet::ALL
                .into_iter()
                .map(|facet| FacetView {
                    heading: lang.t(&format!("checkin-facet-{}", facet.as_str())),
                    hint: lang.t(&format!("checkin-facet-{}-hint", facet.as_str())),
                    items: TrustItem::ALL
                        .into_iter()
                        .filter(|item| item.facet() == facet)
                        .map(|item| {
                            let chosen = pick(
                                item.as_str(),
                                draft.felt_trust.get(&item).map(|l| l.get().to_string()),
                            );
                            ItemView {
                                name: item.as_str(),
                                question: lang.t(&format!("checkin-item-{}", item.as_str())),
                                choices: (0..=6)
                                    .map(|v: i8| Choice {
                                        value: v.to_string(),
                                        label: v.to_string(),
                                        checked: chosen.trim() == v.to_string(),
                                    })
                                    .collect(),
                            }
                        })
                        .collect(),
                })
                .collect();
        }
        Step::Topic => {
            out.topic = pick("topic", note(&draft.topic));
            out.listener_notes = pick("listener_notes", note(&draft.listener_notes));
        }
        Step::Requests => out.requests = pick("requests", note(&draft.requests)),
        Step::HowItWent => {
            let chosen = pick(
                "how_it_went",
                draft.how_it_went.map(|f| f.get().to_string()),
            );
            let chosen = chosen.trim().trim_start_matches('+').to_owned();
            out.feelings = (-5..=5)
                .map(|v: i8| Choice {
                    value: v.to_string(),
                    label: if v > 0 {
                        format!("+{v}")
                    } else {
                        v.to_string()
                    },
                    checked: chosen == v.to_string(),
                })
                .collect();
        }
        Step::Review => {}
    }
    out
}

/// A number from a radio button; anything unreadable is a number no scale takes.
fn scale_value(text: &str) -> i64 {
    text.trim()
        .trim_start_matches('+')
        .parse()
        .unwrap_or(i64::MIN)
}

/// What one step's form sends, as a draft change; the step to come back to is the one the person
/// goes to.
fn input_for(step: Step, form: &HashMap<String, String>, target: Step) -> DraftInput {
    let text = |name: &str| Some(form.get(name).cloned().unwrap_or_default());
    let mut input = DraftInput {
        step: Some(target.as_str().to_owned()),
        ..DraftInput::default()
    };
    match step {
        Step::Appreciations => {
            input.appreciations = Some(
                (1..=MAX_APPRECIATIONS)
                    .filter_map(|i| form.get(&format!("appreciation_{i}")).cloned())
                    .collect(),
            );
        }
        Step::WentRight => input.went_right = text("went_right"),
        Step::FeltTrust => {
            input.felt_trust = TrustItem::ALL
                .into_iter()
                .filter_map(|item| {
                    form.get(item.as_str())
                        .map(|v| (item.as_str().to_owned(), scale_value(v)))
                })
                .collect();
        }
        Step::Topic => {
            input.topic = text("topic");
            input.listener_notes = text("listener_notes");
        }
        Step::Requests => input.requests = text("requests"),
        Step::HowItWent => input.how_it_went = form.get("how_it_went").map(|v| scale_value(v)),
        Step::Review => {}
    }
    input
}

/// Saves one step's answers as the person's draft and goes on (or back); a mistake comes back in
/// the form, with everything typed still there.
pub(crate) async fn save_step(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path((space, checkin, step)): Path<(String, String, String)>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let id = checkins::parse_id(&checkin).map_err(page_error)?;
    let step = Step::from_name(&step).ok_or(WebError::NotFound)?;
    let go = form.get("go").map(String::as_str);
    let target = match go {
        Some("back") => step.previous().unwrap_or(step),
        // A break called from the step saves what was typed first, and comes back to it.
        Some("stay" | "break") => step,
        _ => step.next(),
    };
    let person = caller.person;
    let saved = async {
        let patch = input_for(step, &form, target).parse()?;
        checkins::save_draft(&state, person, space, id, &patch).await
    }
    .await;
    let here = checkin_href(space, id);
    match saved {
        Ok(()) if go == Some("break") => {
            // One already running, or nothing left to pause: the page shows which.
            match checkins::pause(&state, person, space, id).await {
                Ok(()) | Err(CheckinError::Refused(_)) => Ok(Redirect::to(&here).into_response()),
                Err(error) => Err(page_error(error)),
            }
        }
        Ok(()) => Ok(Redirect::to(&format!("{here}?step={}", target.as_str())).into_response()),
        Err(error @ (CheckinError::NotFound | CheckinError::Failed(_))) => Err(page_error(error)),
        // Submitted, complete or lapsed meanwhile: the page says where it stands.
        Err(CheckinError::Refused(_)) => Ok(Redirect::to(&here).into_response()),
        Err(error) => {
            let page = render(
                &state,
                person,
                space,
                id,
                chrome,
                &zone,
                Some(step),
                Some(&form),
                Some(&error),
            )
            .await?;
            Ok((status_for(&error), page).into_response())
        }
    }
}

/// "Check my words" on the topic step: the page again with what the gentle start-up helper
/// noticed, the typed text kept and nothing saved. Sharing as written stays one button away.
pub(crate) async fn check_topic(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path((space, checkin)): Path<(String, String)>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<CheckinPage, WebError> {
    let space = parse_space(&space)?;
    let id = checkins::parse_id(&checkin).map_err(page_error)?;
    let lang = chrome.lang;
    let topic = form.get("topic").map_or("", String::as_str);
    let hint = crate::pages::gentle::hint(topic, lang);
    let mut page = render(
        &state,
        caller.person,
        space,
        id,
        chrome,
        &zone,
        Some(Step::Topic),
        Some(&form),
        None,
    )
    .await?;
    page.gentle = Some(hint);
    Ok(page)
}

/// Submits the person's answers, sealed until the partner submits too.
pub(crate) async fn submit(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path((space, checkin)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let id = checkins::parse_id(&checkin).map_err(page_error)?;
    let person = caller.person;
    match checkins::submit(&state, person, space, id).await {
        Ok(()) => Ok(Redirect::to(&checkin_href(space, id)).into_response()),
        Err(error @ (CheckinError::NotFound | CheckinError::Failed(_))) => Err(page_error(error)),
        Err(CheckinError::Refused(
            Refusal::OnBreak | Refusal::AlreadySubmitted | Refusal::Completed | Refusal::Lapsed,
        )) => Ok(Redirect::to(&checkin_href(space, id)).into_response()),
        Err(error) => {
            let status = status_for(&error);
            let page = render(
                &state,
                person,
                space,
                id,
                chrome,
                &zone,
                Some(Step::Review),
                None,
                Some(&error),
            )
            .await?;
            Ok((status, page).into_response())
        }
    }
}

/// Calls a 20-minute break; both partners then see the break page.
pub(crate) async fn call_break(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    Path((space, checkin)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let id = checkins::parse_id(&checkin).map_err(page_error)?;
    match checkins::pause(&state, caller.person, space, id).await {
        // One already running, or nothing to pause: the page shows which.
        Ok(()) | Err(CheckinError::Refused(_)) => {
            Ok(Redirect::to(&checkin_href(space, id)).into_response())
        }
        Err(error) => Err(page_error(error)),
    }
}

/// Ends the break early; each partner goes back to the step they had saved.
pub(crate) async fn end_break(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    Path((space, checkin)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let id = checkins::parse_id(&checkin).map_err(page_error)?;
    match checkins::resume(&state, caller.person, space, id).await {
        Ok(()) | Err(CheckinError::Refused(_)) => {
            Ok(Redirect::to(&checkin_href(space, id)).into_response())
        }
        Err(error) => Err(page_error(error)),
    }
}
