//! Repair plans as pages: the list with the form to start one, one plan with the step each
//! partner may take now, the private log, and the safety check. Post/redirect/get; a refused or
//! mistyped form comes back with what was typed and a clear message.
//!
//! On a plan the hurt partner answers each step "this landed" or "not yet", asks questions (an
//! answer's earlier versions always show beside it), and keeps their own forgiveness: the
//! partner's page carries nothing of it unless it is shared.
//!
//! While joint steps are paused, both partners see the same neutral notice with the same help
//! links: the page never says why, who or since when (`steadfast_core::repair`, threat model).

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use steadfast_core::gentle::Field;
use steadfast_core::id::RepairId;
use steadfast_core::landing::Landing;
use steadfast_core::promise::Status as PromiseStatus;
use steadfast_core::repair::{
    Command, Forgiveness, Joint, Link, Moves, Part, Phase, RepairPlan, Role, SafetyAct,
    SafetyAnswer, Status,
};
use steadfast_core::{PersonId, SpaceId};

use super::help::Resource;
use super::promises::{Zone, counterpart_name, parse_space, partner_name, space_name};
use super::rituals::{viewer_time, viewer_zone};
use super::{Chrome, ConfirmStep, confirmed};
use crate::auth::session::SignedIn;
use crate::error::{Say, WebError, status_for};
use crate::i18n::Lang;
use crate::pages::gentle::{self as gentle, GentleHint};
use crate::state::AppState;
use steadfast_app::ledger::Opened;
use steadfast_app::repairs::{self, Invalid, PlanPromise, RepairError};

fn page_error(error: RepairError) -> WebError {
    match error {
        RepairError::Failed(failure) => failure.into(),
        _ => WebError::NotFound,
    }
}

fn resources(state: &AppState, lang: Lang) -> Vec<Resource> {
    state
        .help_for(lang)
        .iter()
        .map(|(label, contact)| Resource::new(label, contact))
        .collect()
}

fn phase_words(phase: Phase, lang: Lang) -> String {
    lang.t(&format!("repair-phase-{}", phase.as_str()))
}

fn status_words(status: Status, lang: Lang) -> String {
    lang.t(&format!("repair-status-{}", status.as_str()))
}

// ---------------------------------------------------------------------------------------------
// The list.

/// One plan in the list.
pub(crate) struct PlanLine {
    href: String,
    role: String,
    phase: String,
    status: String,
    opened: String,
}

/// A broken promise a plan may answer.
pub(crate) struct LinkChoice {
    value: String,
    label: String,
    checked: bool,
}

/// What was typed to start a plan.
#[derive(Deserialize, Default)]
pub(crate) struct OpenForm {
    #[serde(default)]
    hurt: String,
    #[serde(default)]
    link: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "repairs.html")]
pub(crate) struct RepairsPage {
    chrome: Chrome,
    space_href: String,
    space_name: String,
    base: String,
    has_partner: bool,
    /// The partner left: their plans stay to read, and no new one can be opened.
    former: bool,
    hurt_partner: String,
    paused: bool,
    resources: Vec<Resource>,
    answered: bool,
    plans: Vec<PlanLine>,
    links: Vec<LinkChoice>,
    form: OpenForm,
    error: Option<String>,
}

/// The plans, the safety state and the form to start one.
pub(crate) async fn list(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(space): Path<String>,
) -> Result<RepairsPage, WebError> {
    let space = parse_space(&space)?;
    list_page(&state, caller.person, space, chrome, &zone, None, None).await
}

async fn list_page(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    chrome: Chrome,
    zone: &Zone,
    typed: Option<OpenForm>,
    error: Option<&RepairError>,
) -> Result<RepairsPage, WebError> {
    let lang = chrome.lang;
    let opened = repairs::open(state, person, space)
        .await
        .map_err(page_error)?;
    let safety = repairs::safety(&opened, state.now());
    let paused = safety.joint == Joint::Paused;
    let form = typed.unwrap_or_default();
    let plans = repairs::plans(&opened)
        .into_iter()
        .map(|plan| PlanLine {
            href: format!("/spaces/{space}/repairs/{}", plan.id),
            role: lang.t(if plan.hurt == person {
                "repairs-role-hurt"
            } else {
                "repairs-role-responsible"
            }),
            phase: phase_words(plan.phase, lang),
            status: status_words(plan.status, lang),
            opened: zone.day(plan.opened_at, lang),
        })
        .collect();
    let links = opened
        .promises()
        .into_iter()
        .filter(|p| matches!(p.status, PromiseStatus::Broken { .. }))
        .map(|p| LinkChoice {
            value: p.id.to_string(),
            label: lang.t_with(
                "repairs-link-promise",
                &[("text", p.terms.text.as_str().to_owned())],
            ),
            checked: form.link == p.id.to_string(),
        })
        .collect();
    Ok(RepairsPage {
        space_href: format!("/spaces/{space}"),
        space_name: space_name(state, space).await?,
        base: format!("/spaces/{space}"),
        has_partner: opened.partner.is_some(),
        former: opened.partner_left(),
        hurt_partner: lang.t_with(
            "repairs-hurt-partner",
            &[("name", partner_name(state, opened.partner, lang).await?)],
        ),
        paused: paused && opened.partner.is_some(),
        resources: if paused {
            resources(state, lang)
        } else {
            Vec::new()
        },
        answered: safety.answered,
        plans,
        links,
        form,
        error: error.map(|e| e.message(lang)),
        chrome,
    })
}

/// Starts a plan, or proposes one.
pub(crate) async fn open(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(space): Path<String>,
    Form(form): Form<OpenForm>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let started = async {
        let role = match form.hurt.as_str() {
            "me" => Role::Hurt,
            "partner" => Role::Responsible,
            _ => return Err(RepairError::Invalid(Invalid::Link)),
        };
        let link = match form.link.trim() {
            "" => None,
            id => Some(Link::Promise {
                promise: id
                    .parse()
                    .map_err(|_| RepairError::Invalid(Invalid::Link))?,
            }),
        };
        repairs::open_plan(&state, caller.person, space, role, link).await
    };
    match started.await {
        Ok(id) => Ok(Redirect::to(&format!("/spaces/{space}/repairs/{id}")).into_response()),
        Err(error @ (RepairError::NotFound | RepairError::Failed(_))) => Err(page_error(error)),
        Err(error) => {
            let status = status_for(&error);
            let page = list_page(
                &state,
                caller.person,
                space,
                chrome,
                &zone,
                Some(form),
                Some(&error),
            )
            .await?;
            Ok((status, page).into_response())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One plan.

/// One phase in the phase strip.
pub(crate) struct PhaseLine {
    name: String,
    current: bool,
    done: bool,
}

/// A text step (acknowledgement, responsibility, apology).
pub(crate) struct TextStep {
    key: &'static str,
    action: &'static str,
    hint: String,
    said: Option<String>,
    at: Option<String>,
    /// The form is offered: the person may take this step now (again, after a "not yet").
    form: bool,
    /// Words said before a "not yet" and a new try.
    earlier: Vec<EarlierLine>,
    answer: AnswerView,
}

pub(crate) struct EarlierLine {
    at: String,
    text: String,
}

/// The hurt partner's answer to a step, and the form to give it.
pub(crate) struct AnswerView {
    part: &'static str,
    /// "This landed" or "Not yet", as it stands.
    standing: Option<String>,
    /// The word with it: what would help, if said.
    word: Option<String>,
    not_yet: bool,
    /// Earlier answers, oldest first.
    history: Vec<String>,
    can_answer: bool,
}

/// A question and its answer, every version of it kept.
pub(crate) struct QuestionLine {
    id: String,
    text: String,
    asked_at: String,
    answer: Option<String>,
    answered_at: Option<String>,
    /// Earlier versions of the answer: "changed; before: …".
    earlier: Vec<EarlierLine>,
    can_reply: bool,
}

/// The forgiveness section: the hurt partner's own form, or what they share.
pub(crate) struct ForgivenessView {
    /// The hurt partner's own section, with the form.
    own: bool,
    /// Where they are now, in words.
    state: Option<String>,
    shared: bool,
    choices: Vec<ForgivenessChoice>,
}

pub(crate) struct ForgivenessChoice {
    value: &'static str,
    label: String,
    checked: bool,
}

pub(crate) struct ProgressLine {
    who: String,
    at: String,
    text: String,
    /// The weekly check-in open when it was written.
    checkin_href: Option<String>,
}

pub(crate) struct HistoryLine {
    who: String,
    at: String,
    what: String,
}

/// What was typed in one of the plan's forms.
#[derive(Deserialize, Default, Clone)]
pub(crate) struct StepForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    stakes: String,
    #[serde(default)]
    due: String,
    /// The step an answer is about.
    #[serde(default)]
    part: String,
    #[serde(default)]
    landing: String,
    #[serde(default)]
    word: String,
    /// The question a reply answers.
    #[serde(default)]
    question: String,
    #[serde(default)]
    forgiveness: String,
    #[serde(default)]
    share: String,
    /// `yes` once the person has seen what moving on or closing means and still wants it.
    #[serde(default)]
    confirmed: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "repair.html")]
pub(crate) struct RepairPage {
    chrome: Chrome,
    back: String,
    base: String,
    role: String,
    status: String,
    closed: bool,
    phases: Vec<PhaseLine>,
    phase_hint: String,
    about: Option<String>,
    about_href: Option<String>,
    paused: bool,
    resources: Vec<Resource>,
    can_accept: bool,
    accept_hint: String,
    waiting_for_accept: Option<String>,
    can_advance: bool,
    advance_label: String,
    last_phase: bool,
    can_close: bool,
    steps: Vec<TextStep>,
    promise_href: Option<String>,
    promise_text: String,
    can_promise: bool,
    promise_hint: String,
    transparency: Vec<String>,
    can_transparency: bool,
    can_progress: bool,
    progress: Vec<ProgressLine>,
    /// The answer to the dated promise.
    promise_answer: AnswerView,
    questions: Vec<QuestionLine>,
    can_ask: bool,
    questions_hint: String,
    /// `None` for the partner who did the harm while nothing is shared: not even a heading.
    forgiveness: Option<ForgivenessView>,
    history: Vec<HistoryLine>,
    /// Which form came back, with a message or after "Check my words"; the typed text comes
    /// back there. Empty for a message at the top.
    returned_action: &'static str,
    error: Option<String>,
    typed: StepForm,
    /// What the gentle start-up helper noticed in the form that came back.
    gentle: Option<GentleHint>,
}

impl RepairPage {
    fn error_in(&self, action: &str) -> bool {
        self.error.is_some() && self.returned_action == action
    }

    fn error_at_top(&self) -> bool {
        self.error.is_some() && self.returned_action.is_empty()
    }

    /// The gentle start-up helper's hint, under the form it was asked for only.
    fn gentle_in(&self, action: &str) -> Option<&GentleHint> {
        self.gentle
            .as_ref()
            .filter(|_| self.returned_action == action)
    }

    fn message(&self) -> &str {
        self.error.as_deref().unwrap_or_default()
    }

    fn typed_for(&self, action: &str) -> &str {
        if self.returned_action == action {
            &self.typed.text
        } else {
            ""
        }
    }

    /// Whether the answer form for `part` came back with a message.
    fn answer_error_in(&self, part: &str) -> bool {
        self.error_in("answer") && self.typed.part == part
    }

    fn word_for(&self, part: &str) -> &str {
        if self.returned_action == "answer" && self.typed.part == part {
            &self.typed.word
        } else {
            ""
        }
    }

    fn landing_checked(&self, part: &str, landing: &str) -> bool {
        self.returned_action == "answer" && self.typed.part == part && self.typed.landing == landing
    }

    fn reply_error_in(&self, question: &str) -> bool {
        self.error_in("reply") && self.typed.question == question
    }

    fn reply_for(&self, question: &str) -> &str {
        if self.returned_action == "reply" && self.typed.question == question {
            &self.typed.text
        } else {
            ""
        }
    }

    fn stakes_for(&self, action: &str) -> &str {
        if self.returned_action == action && !self.typed.stakes.is_empty() {
            &self.typed.stakes
        } else {
            "2"
        }
    }
}

/// Shows one plan.
pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path((space, repair)): Path<(String, String)>,
) -> Result<RepairPage, WebError> {
    let space = parse_space(&space)?;
    let repair = repairs::parse_id(&repair).map_err(page_error)?;
    repair_page(&state, caller.person, space, repair, chrome, &zone, None).await
}

/// A form that came back: which, what was typed, and why: a mistake or refusal, or what the
/// gentle start-up helper noticed.
struct Returned {
    action: &'static str,
    form: StepForm,
    message: Option<String>,
    gentle: Option<GentleHint>,
}

fn history_words(change: &steadfast_core::repair::Change, lang: Lang) -> String {
    use steadfast_core::repair::Change;
    match change {
        Change::Opened { .. } => lang.t("repair-history-opened"),
        Change::Accepted => lang.t("repair-history-accepted"),
        Change::Acknowledged { .. } => lang.t("repair-step-acknowledge"),
        Change::ResponsibilityTaken { .. } => lang.t("repair-step-responsibility"),
        Change::Apologised { .. } => lang.t("repair-step-apology"),
        Change::Promised { .. } => lang.t("repair-step-promise"),
        Change::TransparencyCommitted { .. } => lang.t("repair-step-transparency"),
        Change::Advanced { to } => lang.t_with(
            "repair-history-advanced",
            &[("phase", phase_words(*to, lang))],
        ),
        Change::Closed => lang.t("repair-status-closed"),
        Change::ProgressNoted { .. } => lang.t("repair-step-progress"),
        Change::Answered { part, landing, .. } => lang.t_with(
            &format!("repair-history-answered-{}", landing.as_str()),
            &[("step", part_words(*part, lang))],
        ),
        Change::QuestionAsked { .. } => lang.t("repair-history-asked"),
        Change::QuestionAnswered { .. } => lang.t("repair-history-replied"),
        // Never in a plan's history: forgiveness stands apart from it.
        Change::ForgivenessShared { .. } | Change::ForgivenessUnshared => String::new(),
    }
}

fn part_words(part: Part, lang: Lang) -> String {
    lang.t(&format!("repair-part-{}", part.as_str()))
}

fn landing_words(landing: Landing, lang: Lang) -> String {
    lang.t(&format!("repair-landing-{}", landing.as_str()))
}

fn forgiveness_words(forgiveness: Forgiveness, lang: Lang) -> String {
    lang.t(&format!("repair-forgiveness-{}", forgiveness.as_str()))
}

fn answer_view(
    plan: &RepairPlan,
    part: Part,
    moves: &Moves,
    zone: &Zone,
    lang: Lang,
) -> AnswerView {
    let standing = plan.answer(part);
    let earlier: Vec<_> = plan
        .answers_to(part)
        .filter(|a| !standing.is_some_and(|s| std::ptr::eq(*a, s)))
        .collect();
    AnswerView {
        part: part.as_str(),
        standing: standing.map(|a| landing_words(a.landing, lang)),
        word: standing.and_then(|a| a.word.as_ref().map(|w| w.as_str().to_owned())),
        not_yet: standing.is_some_and(|a| a.landing == Landing::NotYet),
        history: earlier
            .into_iter()
            .map(|a| {
                let mut line = format!(
                    "{} · {}",
                    zone.show(a.at, lang),
                    landing_words(a.landing, lang)
                );
                if let Some(word) = &a.word {
                    line.push_str(&format!(": “{}”", word.as_str()));
                }
                line
            })
            .collect(),
        can_answer: moves.answer.contains(&part),
    }
}

async fn repair_page(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    id: RepairId,
    chrome: Chrome,
    zone: &Zone,
    returned: Option<Returned>,
) -> Result<RepairPage, WebError> {
    let lang = chrome.lang;
    let opened = repairs::open(state, person, space)
        .await
        .map_err(page_error)?;
    let plan = repairs::plan_to_read(&opened, id).map_err(page_error)?;
    let partner = counterpart_name(state, &opened, lang).await?;
    let joint = repairs::safety(&opened, state.now()).joint;
    let paused = joint == Joint::Paused;
    Ok(build(
        state, &opened, plan, person, space, chrome, zone, partner, paused, returned,
    ))
}

#[allow(clippy::too_many_arguments)]
fn build(
    state: &AppState,
    opened: &Opened,
    plan: &RepairPlan,
    person: PersonId,
    space: SpaceId,
    chrome: Chrome,
    zone: &Zone,
    partner: String,
    paused: bool,
    returned: Option<Returned>,
) -> RepairPage {
    let lang = chrome.lang;
    let hurt = plan.hurt == person;
    let responsible = plan.responsible == person;
    let active = matches!(plan.status, Status::Active { .. });
    let closed = matches!(plan.status, Status::Closed { .. });
    let joint = if paused { Joint::Paused } else { Joint::Ready };
    // With a partner who left, the plan stays to read and no step is offered.
    let read_only = opened.partner_left();
    let moves = if read_only {
        Moves::default()
    } else {
        plan.moves(person, joint)
    };
    let text_step = |key: &'static str,
                     action: &'static str,
                     said: Option<&steadfast_core::repair::Said>,
                     part: Part| {
        let again = said.is_some();
        TextStep {
            key,
            action,
            hint: if again {
                lang.t_with("repair-step-again-hint", &[("name", partner.clone())])
            } else {
                lang.t_with(&format!("{key}-hint"), &[("name", partner.clone())])
            },
            said: said.map(|s| s.text.as_str().to_owned()),
            at: said.map(|s| zone.show(s.at, lang)),
            form: moves.offer.contains(&part),
            earlier: plan
                .earlier_words(part)
                .into_iter()
                .map(|s| EarlierLine {
                    at: zone.show(s.at, lang),
                    text: s.text.as_str().to_owned(),
                })
                .collect(),
            answer: answer_view(plan, part, &moves, zone, lang),
        }
    };
    let steps = vec![
        text_step(
            "repair-step-acknowledge",
            "acknowledge",
            plan.acknowledgement.as_ref(),
            Part::Acknowledgement,
        ),
        text_step(
            "repair-step-responsibility",
            "responsibility",
            plan.responsibility.as_ref(),
            Part::Responsibility,
        ),
        text_step(
            "repair-step-apology",
            "apology",
            plan.apology.as_ref(),
            Part::Apology,
        ),
    ];
    let questions = plan
        .questions
        .iter()
        .map(|q| QuestionLine {
            id: q.id.to_string(),
            text: q.asked.text.as_str().to_owned(),
            asked_at: zone.show(q.asked.at, lang),
            answer: q.answer().map(|a| a.text.as_str().to_owned()),
            answered_at: q.answer().map(|a| zone.show(a.at, lang)),
            earlier: q
                .earlier()
                .iter()
                .map(|s| EarlierLine {
                    at: zone.show(s.at, lang),
                    text: s.text.as_str().to_owned(),
                })
                .collect(),
            can_reply: moves.reply,
        })
        .collect();
    // The partner's fold holds forgiveness only while it is shared.
    let forgiveness = if read_only && hurt {
        // Still the hurt partner's own, to read.
        plan.forgiveness.map(|f| ForgivenessView {
            own: false,
            state: Some(forgiveness_words(f.forgiveness, lang)),
            shared: f.shared,
            choices: Vec::new(),
        })
    } else if moves.forgive {
        let now = plan.forgiveness;
        Some(ForgivenessView {
            own: true,
            state: now.map(|f| forgiveness_words(f.forgiveness, lang)),
            shared: now.is_some_and(|f| f.shared),
            choices: Forgiveness::ALL
                .into_iter()
                .map(|f| ForgivenessChoice {
                    value: f.as_str(),
                    label: forgiveness_words(f, lang),
                    checked: now.is_some_and(|n| n.forgiveness == f),
                })
                .collect(),
        })
    } else {
        plan.forgiveness
            .filter(|f| f.shared)
            .map(|f| ForgivenessView {
                own: false,
                state: Some(lang.t_with(
                    "repair-forgiveness-shared-by",
                    &[
                        ("name", partner.clone()),
                        ("state", forgiveness_words(f.forgiveness, lang)),
                    ],
                )),
                shared: true,
                choices: Vec::new(),
            })
    };
    let who = |by: PersonId| {
        if by == person {
            lang.t("repair-by-you")
        } else {
            partner.clone()
        }
    };
    let promise_text = |id: steadfast_core::PromiseId| {
        opened
            .promise_to_read(id)
            .map(|p| p.terms.text.as_str().to_owned())
            .unwrap_or_default()
    };
    let (returned_action, error, typed, gentle) = match returned {
        Some(r) => (r.action, r.message, r.form, r.gentle),
        None => ("", None, StepForm::default(), None),
    };
    RepairPage {
        back: format!("/spaces/{space}/repairs"),
        base: format!("/spaces/{space}/repairs/{}", plan.id),
        role: lang.t(if hurt {
            "repairs-role-hurt"
        } else {
            "repairs-role-responsible"
        }),
        status: status_words(plan.status, lang),
        closed,
        phases: [Phase::Atone, Phase::Attune, Phase::Attach]
            .into_iter()
            .map(|phase| PhaseLine {
                name: phase_words(phase, lang),
                current: phase == plan.phase && !closed,
                done: phase < plan.phase,
            })
            .collect(),
        phase_hint: lang.t(&format!("repair-phase-hint-{}", plan.phase.as_str())),
        about: plan.link.map(|link| {
            lang.t(match link {
                Link::Promise { .. } => "repair-about-promise",
                Link::Crossing { .. } => "repair-about-crossing",
            })
        }),
        about_href: match plan.link {
            Some(Link::Promise { promise }) => Some(format!("/spaces/{space}/promises/{promise}")),
            _ => None,
        },
        paused: paused && !closed,
        resources: if paused && !closed {
            resources(state, lang)
        } else {
            Vec::new()
        },
        can_accept: moves.accept,
        accept_hint: lang.t_with("repair-accept-hint", &[("name", partner.clone())]),
        waiting_for_accept: (!read_only && responsible && plan.status == Status::Proposed)
            .then(|| lang.t_with("repair-proposed-waiting", &[("name", partner.clone())])),
        can_advance: moves.advance,
        advance_label: plan.phase.next().map_or_else(String::new, |next| {
            lang.t_with("repair-advance", &[("phase", phase_words(next, lang))])
        }),
        last_phase: !read_only && hurt && active && plan.phase.next().is_none(),
        can_close: moves.close,
        steps,
        promise_href: plan
            .promise
            .map(|p| format!("/spaces/{space}/promises/{p}")),
        promise_text: plan.promise.map(promise_text).unwrap_or_default(),
        can_promise: moves.offer.contains(&Part::Promise),
        promise_hint: lang.t_with("repair-step-promise-hint", &[("name", partner.clone())]),
        transparency: plan.transparency.iter().map(|&p| promise_text(p)).collect(),
        can_transparency: moves.transparency,
        can_progress: moves.progress,
        promise_answer: answer_view(plan, Part::Promise, &moves, zone, lang),
        can_ask: moves.ask,
        questions_hint: lang.t_with(
            if hurt {
                "repair-questions-hint-hurt"
            } else {
                "repair-questions-hint-responsible"
            },
            &[("name", partner.clone())],
        ),
        questions,
        forgiveness,
        progress: plan
            .progress
            .iter()
            .map(|(by, said, checkin)| ProgressLine {
                who: who(*by),
                at: zone.show(said.at, lang),
                text: said.text.as_str().to_owned(),
                checkin_href: checkin.map(|c| format!("/spaces/{space}/checkins/{c}")),
            })
            .collect(),
        history: plan
            .history
            .iter()
            .filter(|step| {
                !matches!(
                    step.change,
                    steadfast_core::repair::Change::ForgivenessShared { .. }
                        | steadfast_core::repair::Change::ForgivenessUnshared
                )
            })
            .map(|step| HistoryLine {
                who: who(step.by),
                at: zone.show(step.at, lang),
                what: history_words(&step.change, lang),
            })
            .collect(),
        returned_action,
        error,
        typed,
        gentle,
        chrome,
    }
}

/// The page actions and the form each comes back to.
fn action_of(path: &str) -> Option<&'static str> {
    [
        "accept",
        "acknowledge",
        "responsibility",
        "apology",
        "promise",
        "transparency",
        "advance",
        "close",
        "progress",
        "answer",
        "ask",
        "reply",
        "forgive",
    ]
    .into_iter()
    .find(|a| *a == path)
}

/// Takes one step on a plan.
pub(crate) async fn act(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path((space, repair, action)): Path<(String, String, String)>,
    Form(form): Form<StepForm>,
) -> Result<Response, WebError> {
    let action = action_of(&action).ok_or(WebError::NotFound)?;
    let space = parse_space(&space)?;
    let id = repairs::parse_id(&repair).map_err(page_error)?;
    let person = caller.person;
    if matches!(action, "advance" | "close")
        && !confirmed(form.confirmed.as_deref())
        && let Some(page) = confirm_move(&state, person, (space, id), &chrome, action).await?
    {
        return Ok(page.into_response());
    }
    let text = || repairs::parse_text(&form.text);
    let choice = || RepairError::Invalid(Invalid::Choice);
    let result = match action {
        "forgive" => match Forgiveness::parse(form.forgiveness.trim()) {
            Some(forgiveness) => {
                repairs::forgive(&state, person, space, id, forgiveness, form.share == "yes").await
            }
            None => Err(choice()),
        },
        "ask" => match text() {
            Ok(text) => repairs::ask(&state, person, space, id, text)
                .await
                .map(|_| ()),
            Err(error) => Err(error),
        },
        "promise" | "transparency" => {
            let due = if action == "promise" {
                zone.parse(&form.due)
                    .map_err(|_| RepairError::Invalid(Invalid::Time))
            } else {
                Ok(None)
            };
            match due {
                Ok(due) => {
                    let input = PlanPromise {
                        text: form.text.clone(),
                        stakes: form.stakes.trim().parse().unwrap_or(0),
                        due,
                    };
                    repairs::promise(&state, person, space, id, input, action == "transparency")
                        .await
                        .map(|_| ())
                }
                Err(error) => Err(error),
            }
        }
        _ => {
            let command = match action {
                "accept" => Ok(Command::Accept),
                "advance" => Ok(Command::Advance),
                "close" => Ok(Command::Close),
                "acknowledge" => text().map(Command::Acknowledge),
                "responsibility" => text().map(Command::TakeResponsibility),
                "apology" => text().map(Command::Apologise),
                "answer" => (|| {
                    Ok(Command::Answer {
                        part: Part::parse(form.part.trim()).ok_or_else(choice)?,
                        landing: Landing::parse(form.landing.trim()).ok_or_else(choice)?,
                        word: repairs::parse_word(&form.word)?,
                    })
                })(),
                "reply" => repairs::parse_question(&form.question)
                    .and_then(|question| text().map(|text| Command::Reply { question, text })),
                _ => text().map(|text| Command::NoteProgress {
                    text,
                    checkin: None,
                }),
            };
            match command {
                Ok(command) => repairs::act(&state, person, space, id, command).await,
                Err(error) => Err(error),
            }
        }
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/spaces/{space}/repairs/{id}")).into_response()),
        Err(error @ (RepairError::NotFound | RepairError::Failed(_))) => Err(page_error(error)),
        Err(error) => {
            let status = status_for(&error);
            // Buttons without a form of their own show their message at the top.
            let shown_at = match action {
                "accept" | "advance" | "close" => "",
                other => other,
            };
            let returned = Returned {
                action: shown_at,
                form,
                message: Some(error.message(chrome.lang)),
                gentle: None,
            };
            let page =
                repair_page(&state, person, space, id, chrome, &zone, Some(returned)).await?;
            Ok((status, page).into_response())
        }
    }
}

/// The step before a plan moves on to its next phase or closes: what that means, for both.
/// None when the person may not take the step now: the step itself then says why.
async fn confirm_move(
    state: &AppState,
    person: PersonId,
    (space, id): (SpaceId, RepairId),
    chrome: &Chrome,
    action: &'static str,
) -> Result<Option<ConfirmStep>, WebError> {
    let lang = chrome.lang;
    let opened = repairs::open(state, person, space)
        .await
        .map_err(page_error)?;
    let plan = repairs::plan_to_read(&opened, id).map_err(page_error)?;
    // Only a step this person may take now is worth confirming; any other is refused at once,
    // with its reason, by the step itself.
    let joint = repairs::safety(&opened, state.now()).joint;
    let moves = plan.moves(person, joint);
    let allowed = !opened.partner_left()
        && match action {
            "advance" => moves.advance,
            _ => moves.close,
        };
    if !allowed {
        return Ok(None);
    }
    let base = format!("/spaces/{space}/repairs/{id}");
    let (title, lead, submit) = match (action, plan.phase.next()) {
        ("advance", Some(next)) => {
            let phase = [("phase", phase_words(next, lang))];
            (
                lang.t_with("confirm-advance-title", &phase),
                lang.t_with("confirm-advance-lead", &phase),
                lang.t_with("repair-advance", &phase),
            )
        }
        ("close", _) => (
            lang.t("confirm-close-title"),
            lang.t("confirm-close-lead"),
            lang.t("repair-close"),
        ),
        _ => return Ok(None),
    };
    Ok(Some(ConfirmStep {
        title,
        lead,
        details: Vec::new(),
        action: format!("{base}/{action}"),
        fields: Vec::new(),
        submit,
        back: base,
        back_label: lang.t("confirm-not-now"),
        chrome: chrome.clone(),
    }))
}

/// The messages to the partner that "Check my words" is offered for.
const CHECKED: [&str; 4] = ["acknowledge", "responsibility", "apology", "progress"];

/// "Check my words" on one of the plan's messages: the plan again with what the gentle start-up
/// helper noticed, the typed text kept in that form and nothing written.
pub(crate) async fn check(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path((space, repair, action)): Path<(String, String, String)>,
    Form(form): Form<StepForm>,
) -> Result<RepairPage, WebError> {
    let action = CHECKED
        .into_iter()
        .find(|a| *a == action)
        .ok_or(WebError::NotFound)?;
    // The accountability steps speak about the writer: their suggestion stays an apology.
    let field = if action == "progress" {
        Field::Message
    } else {
        Field::Apology
    };
    let space = parse_space(&space)?;
    let id = repairs::parse_id(&repair).map_err(page_error)?;
    let returned = Returned {
        action,
        gentle: Some(gentle::hint_as(&form.text, chrome.lang, field)),
        form,
        message: None,
    };
    repair_page(
        &state,
        caller.person,
        space,
        id,
        chrome,
        &zone,
        Some(returned),
    )
    .await
}

// ---------------------------------------------------------------------------------------------
// Questions waiting for an answer, as the weekly check-in lists them for both partners.

pub(crate) struct WaitingQuestion {
    pub(crate) text: String,
    pub(crate) href: String,
}

/// The questions of the plans between the person and their partner that wait for an answer.
pub(crate) fn waiting_questions(opened: &Opened, space: SpaceId) -> Vec<WaitingQuestion> {
    repairs::waiting_questions(opened)
        .into_iter()
        .map(|(plan, question)| WaitingQuestion {
            text: question.asked.text.as_str().to_owned(),
            href: format!("/spaces/{space}/repairs/{}", plan.id),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The private log.

pub(crate) struct LogLine {
    at: String,
    text: String,
    strength: Option<String>,
}

#[derive(Deserialize, Default)]
pub(crate) struct LogForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    intensity: String,
}

pub(crate) struct IntensityChoice {
    value: u8,
    checked: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "repair_log.html")]
pub(crate) struct LogPage {
    chrome: Chrome,
    back: String,
    action: String,
    entries: Vec<LogLine>,
    intensities: Vec<IntensityChoice>,
    none_checked: bool,
    form: LogForm,
    error: Option<String>,
    error_field: &'static str,
}

impl LogPage {
    fn error_on(&self, field: &str) -> bool {
        self.error.is_some() && self.error_field == field
    }

    fn message(&self) -> &str {
        self.error.as_deref().unwrap_or_default()
    }
}

pub(crate) async fn log(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(space): Path<String>,
) -> Result<LogPage, WebError> {
    let space = parse_space(&space)?;
    log_page(&state, caller.person, space, chrome, &zone, None, None).await
}

async fn log_page(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    chrome: Chrome,
    zone: &Zone,
    typed: Option<LogForm>,
    error: Option<&RepairError>,
) -> Result<LogPage, WebError> {
    let lang = chrome.lang;
    let opened = repairs::open(state, person, space)
        .await
        .map_err(page_error)?;
    let form = typed.unwrap_or_default();
    let entries = opened
        .ledger()
        .repair_log
        .entries()
        .iter()
        .rev()
        .map(|entry| LogLine {
            at: zone.show(entry.at, lang),
            text: entry.text.as_str().to_owned(),
            strength: entry
                .intensity
                .map(|i| lang.t_with("repairs-log-strength", &[("n", i.get().to_string())])),
        })
        .collect();
    Ok(LogPage {
        back: format!("/spaces/{space}/repairs"),
        action: format!("/spaces/{space}/repairs/log"),
        entries,
        intensities: (1..=5)
            .map(|value| IntensityChoice {
                value,
                checked: form.intensity.trim() == value.to_string(),
            })
            .collect(),
        none_checked: form.intensity.trim().is_empty(),
        form,
        error: error.map(|e| e.message(lang)),
        error_field: error.map_or("", RepairError::field),
        chrome,
    })
}

pub(crate) async fn write_log(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(space): Path<String>,
    Form(form): Form<LogForm>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let intensity = match form.intensity.trim() {
        "" => None,
        // Not a number stays out of range for the rules to refuse.
        text => Some(text.parse().unwrap_or(0)),
    };
    let written = async {
        let text = repairs::parse_text(&form.text)?;
        let intensity = repairs::parse_intensity(intensity)?;
        repairs::write_log(&state, caller.person, space, text, intensity).await
    }
    .await;
    match written {
        Ok(()) => Ok(Redirect::to(&format!("/spaces/{space}/repairs/log")).into_response()),
        Err(error @ (RepairError::NotFound | RepairError::Failed(_))) => Err(page_error(error)),
        Err(error) => {
            let status = status_for(&error);
            let page = log_page(
                &state,
                caller.person,
                space,
                chrome,
                &zone,
                Some(form),
                Some(&error),
            )
            .await?;
            Ok((status, page).into_response())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The safety check.

#[derive(Deserialize, Default)]
pub(crate) struct SafetyForm {
    #[serde(default)]
    afraid: String,
    #[serde(default)]
    pressured: String,
    #[serde(default)]
    unsafe_now: String,
}

pub(crate) struct Question {
    name: &'static str,
    words: String,
    yes: bool,
    no: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "safety.html")]
pub(crate) struct SafetyPage {
    chrome: Chrome,
    back: String,
    action: String,
    pause_action: String,
    ready_action: String,
    /// After the person's own act: what was saved and when it takes effect. Shown only in the
    /// answer to the act, never on a later visit, so the page itself tells nobody who paused.
    saved: Option<String>,
    questions: Vec<Question>,
    answered: bool,
    paused: bool,
    resources: Vec<Resource>,
    error: Option<String>,
}

pub(crate) async fn safety(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    Path(space): Path<String>,
) -> Result<SafetyPage, WebError> {
    let space = parse_space(&space)?;
    safety_page(&state, caller.person, space, chrome, None, None).await
}

/// The form is always blank: it never shows the last answer, so a glance at the page over the
/// person's shoulder tells nothing (the threat model in `steadfast_core::repair`).
async fn safety_page(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    chrome: Chrome,
    typed: Option<&SafetyForm>,
    saved: Option<String>,
) -> Result<SafetyPage, WebError> {
    let lang = chrome.lang;
    let opened = repairs::open(state, person, space)
        .await
        .map_err(page_error)?;
    let view = repairs::safety(&opened, state.now());
    let paused = view.joint == Joint::Paused && opened.partner.is_some();
    let empty = SafetyForm::default();
    let typed_form = typed.unwrap_or(&empty);
    let question = |name: &'static str, key: &str, value: &str| Question {
        name,
        words: lang.t(key),
        yes: value == "yes",
        no: value == "no",
    };
    Ok(SafetyPage {
        back: format!("/spaces/{space}/repairs"),
        action: format!("/spaces/{space}/safety"),
        pause_action: format!("/spaces/{space}/safety/pause"),
        ready_action: format!("/spaces/{space}/safety/ready"),
        saved,
        questions: vec![
            question("afraid", "safety-afraid", &typed_form.afraid),
            question("pressured", "safety-pressured", &typed_form.pressured),
            question("unsafe_now", "safety-unsafe", &typed_form.unsafe_now),
        ],
        answered: view.answered,
        paused,
        resources: if paused {
            resources(state, lang)
        } else {
            Vec::new()
        },
        error: typed.map(|_| lang.t("safety-answer-needed")),
        chrome,
    })
}

fn yes_no(value: &str) -> Option<bool> {
    match value {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

pub(crate) async fn answer_safety(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    headers: HeaderMap,
    Path(space): Path<String>,
    Form(form): Form<SafetyForm>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let answer = match (
        yes_no(&form.afraid),
        yes_no(&form.pressured),
        yes_no(&form.unsafe_now),
    ) {
        (Some(afraid), Some(pressured), Some(unsafe_now)) => SafetyAnswer {
            afraid,
            pressured,
            unsafe_now,
        },
        _ => {
            let page = safety_page(&state, caller.person, space, chrome, Some(&form), None).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    act_on_safety(
        &state,
        caller.person,
        space,
        chrome,
        &headers,
        SafetyAct::Answered(answer),
    )
    .await
}

/// "Pause joint steps" (no reason asked) or "I am ready to go on" (which lifts the person's own
/// pause, never the partner's): `POST /spaces/{id}/safety/pause` and `…/safety/ready`.
pub(crate) async fn pause_or_go_on(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    headers: HeaderMap,
    Path((space, act)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let act = match act.as_str() {
        "pause" => SafetyAct::Pause,
        "ready" => SafetyAct::GoOn,
        _ => return Err(WebError::NotFound),
    };
    act_on_safety(&state, caller.person, space, chrome, &headers, act).await
}

/// Records the act and shows the safety page again with what was saved and when it counts. The
/// page is the answer to the POST, not a redirect, so the browser's history holds no address
/// that says what was done.
async fn act_on_safety(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    chrome: Chrome,
    headers: &HeaderMap,
    act: SafetyAct,
) -> Result<Response, WebError> {
    let lang = chrome.lang;
    let acted = repairs::act_on_safety(state, person, space, act)
        .await
        .map_err(page_error)?;
    let saved = if acted.takes_effect <= state.now() {
        lang.t("safety-saved-now")
    } else {
        let when = viewer_time(
            acted.takes_effect,
            viewer_zone(headers).as_ref(),
            state.now(),
            lang,
        );
        lang.t_with("safety-saved-later", &[("when", when)])
    };
    let page = safety_page(state, person, space, chrome, None, Some(saved)).await?;
    Ok(page.into_response())
}
