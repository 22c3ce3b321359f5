//! Promises as pages: the promises between the two partners with the form to make one, one
//! promise with its history and the steps the person may take now, and the forms for each step.
//! The rules are in `steadfast_core::promise`; which steps a page offers is asked of them too.
//!
//! Times are shown and read in the person's time zone, which the page's script reports in the
//! `tz` cookie; without it (no script yet, or none at all) they are in UTC and say so.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use steadfast_core::promise::{
    self, Ask, Change, Command, LifecycleStep, NextStep, Nudge, Promise, Severity, Stakes, Status,
    Terms,
};
use steadfast_core::record::Params;
use steadfast_core::{PersonId, PromiseId, SpaceId, Timestamp};

use super::landing::{ApologyLine, apology_lines, landing_words};
pub(crate) use super::zone::{ZONE_COOKIE, Zone};
use super::{Chrome, ConfirmStep, PAGE_SIZE, PageQuery, Pager, confirmed, window};
use crate::auth::session::SignedIn;
use crate::error::{Say, WebError};
use crate::i18n::Lang;
use crate::state::AppState;
use steadfast_app::ledger::Opened;
use steadfast_app::promises::{self, Invalid, PromiseError, PromiseInput};
use steadfast_app::spaces;

/// How many settled promises each page of the list shows, newest first.
const SETTLED_SHOWN: usize = 20;

/// A refusal that has no form to come back to becomes an error page.
pub(crate) fn page_error(error: PromiseError) -> WebError {
    match error {
        PromiseError::Failed(failure) => failure.into(),
        _ => WebError::NotFound,
    }
}

/// The status a refused or invalid form comes back with.
fn form_status(error: &PromiseError) -> StatusCode {
    crate::error::status_for(error)
}

pub(crate) fn parse_space(text: &str) -> Result<SpaceId, WebError> {
    spaces::parse_id(text).map_err(|_| WebError::NotFound)
}

/// The partner's login name, as every page shows them.
pub(crate) async fn partner_name(
    state: &AppState,
    partner: Option<PersonId>,
    lang: Lang,
) -> Result<String, WebError> {
    let account = match partner {
        Some(partner) => state.store.account(partner).await?,
        None => None,
    };
    Ok(account.map_or_else(|| lang.t("promise-partner-fallback"), |a| a.username))
}

/// How the pages name the person's partner, current or former: a current partner by their login
/// name; a partner who left as "former partner", never by name (they may not want to be named,
/// and their account may be gone).
pub(crate) async fn counterpart_name(
    state: &AppState,
    opened: &Opened,
    lang: Lang,
) -> Result<String, WebError> {
    if opened.partner_left() {
        return Ok(lang.t("former-partner"));
    }
    partner_name(state, opened.partner, lang).await
}

pub(crate) async fn space_name(state: &AppState, space: SpaceId) -> Result<String, WebError> {
    Ok(state
        .store
        .space(space)
        .await?
        .map(|s| s.name)
        .unwrap_or_default())
}

pub(crate) fn stakes_words(stakes: Stakes, lang: Lang) -> String {
    lang.t(&format!("promise-stakes-{}", stakes.get()))
}

fn severity_words(level: u8, lang: Lang) -> String {
    lang.t(&format!("promise-severity-{level}"))
}

fn status_words(status: Status, lang: Lang) -> String {
    lang.t(&format!("promise-status-{}", status.as_str()))
}

/// One radio button of a scale.
pub(crate) struct Choice {
    pub(crate) value: u8,
    pub(crate) label: String,
    pub(crate) checked: bool,
}

/// The stakes a new promise may have, `chosen` checked.
pub(crate) fn stakes_choices(lang: Lang, chosen: &str) -> Vec<Choice> {
    choices(Stakes::MIN..=Stakes::MAX, chosen, |level| {
        Stakes::new(level).map_or_else(|_| level.to_string(), |s| stakes_words(s, lang))
    })
}

fn choices(
    range: std::ops::RangeInclusive<u8>,
    chosen: &str,
    label: impl Fn(u8) -> String,
) -> Vec<Choice> {
    range
        .map(|value| Choice {
            value,
            label: label(value),
            checked: chosen.trim() == value.to_string(),
        })
        .collect()
}

/// A number from a radio group; anything else is 0, which no scale takes.
fn scale_value(text: &str) -> u8 {
    text.trim().parse().unwrap_or(0)
}

/// One promise in a list.
pub(crate) struct PromiseLine {
    href: String,
    text: String,
    stakes: String,
    due: Option<String>,
    domain: Option<String>,
    status: String,
    /// Whose it is, for the settled list.
    whose: String,
    settled: bool,
    done: bool,
    overdue: bool,
    renegotiation: bool,
}

fn promise_line(
    promise: &Promise,
    opened: &Opened,
    partner: &str,
    zone: &Zone,
    now: Timestamp,
    lang: Lang,
) -> PromiseLine {
    PromiseLine {
        href: format!("/spaces/{}/promises/{}", opened.space, promise.id),
        text: promise.terms.text.as_str().to_owned(),
        stakes: stakes_words(promise.terms.stakes, lang),
        due: promise
            .terms
            .due
            .map(|due| lang.t_with("promise-due", &[("when", zone.show(due, lang))])),
        domain: promise
            .domain
            .as_ref()
            .map(|d| lang.t_with("promise-area", &[("domain", d.as_str().to_owned())])),
        status: if ended_by_leaving(promise, opened) {
            lang.t("promise-status-ended-by-leaving")
        } else {
            status_words(promise.status, lang)
        },
        whose: if promise.promiser == opened.person {
            lang.t_with("promise-whose-yours", &[("name", partner.to_owned())])
        } else {
            lang.t_with("promise-whose-theirs", &[("name", partner.to_owned())])
        },
        settled: promise.status.is_settled(),
        done: promise.status == Status::Done,
        overdue: promise.is_overdue(now) && !opened.partner_left(),
        renegotiation: promise.pending.is_some() && !opened.partner_left(),
    }
}

/// A promise still open when the partner left ends with the leaving: nobody is left to keep or
/// confirm it, and it counts neither as kept nor as broken (the record counts only what the
/// receiver confirmed).
fn ended_by_leaving(promise: &Promise, opened: &Opened) -> bool {
    opened.partner_left() && !promise.status.is_settled()
}

/// What the person typed to make a promise, kept when it comes back.
#[derive(Deserialize, Default)]
pub(crate) struct MakeForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    stakes: String,
    #[serde(default)]
    due: String,
    #[serde(default)]
    domain: String,
    #[serde(default)]
    made_on: String,
}

/// The make form's error, and the field it is about.
struct FieldError {
    field: &'static str,
    message: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "promises.html")]
pub(crate) struct PromisesPage {
    chrome: Chrome,
    space_href: String,
    space_name: String,
    action: String,
    partner: Option<String>,
    /// Set when the partner left: what is listed is their shared history, read-only.
    former: Option<String>,
    yours_heading: String,
    theirs_heading: String,
    make_heading: String,
    yours: Vec<PromiseLine>,
    theirs: Vec<PromiseLine>,
    settled: Vec<PromiseLine>,
    pager: Pager,
    nudge: Option<String>,
    form: MakeForm,
    stakes_choices: Vec<Choice>,
    domains: Vec<String>,
    error: Option<String>,
    error_field: &'static str,
    /// "Times are in …", or that they are in UTC.
    zone_note: String,
    today: String,
}

impl PromisesPage {
    fn error_on(&self, field: &str) -> bool {
        self.error.is_some() && self.error_field == field
    }

    fn message(&self) -> &str {
        self.error.as_deref().unwrap_or_default()
    }
}

/// The promises between the person and their partner, and the form to make one.
pub(crate) async fn list(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(space): Path<String>,
    Query(page): Query<PageQuery>,
) -> Result<PromisesPage, WebError> {
    let space = parse_space(&space)?;
    let form = MakeForm {
        stakes: "2".to_owned(),
        ..MakeForm::default()
    };
    let listed = Listed {
        page: page.number(),
        form,
        error: None,
    };
    list_page(&state, caller.person, space, chrome, zone, listed).await
}

/// What the list page shows besides the promises: which page of them, and the make form.
struct Listed {
    page: usize,
    form: MakeForm,
    error: Option<FieldError>,
}

async fn list_page(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    chrome: Chrome,
    zone: Zone,
    Listed { page, form, error }: Listed,
) -> Result<PromisesPage, WebError> {
    let lang = chrome.lang;
    let now = state.now();
    let opened = promises::open(state, person, space)
        .await
        .map_err(page_error)?;
    let partner = match opened.counterpart {
        Some(_) => Some(counterpart_name(state, &opened, lang).await?),
        None => None,
    };
    let name = partner.clone().unwrap_or_default();
    let former = opened
        .partner_left()
        .then(|| lang.t("promises-former-note"));
    let all = opened.promises();
    let (open, settled) = promise::open_and_settled(all.iter().copied());
    let line = |p: &Promise| promise_line(p, &opened, &name, &zone, now, lang);
    // Each list shows one page of its own; the page's links lead on while any has more.
    let (yours, more_yours) = window(
        open.iter().filter(|p| p.promiser == person).collect(),
        page,
        PAGE_SIZE,
    );
    let (theirs, more_theirs) = window(
        open.iter().filter(|p| p.promiser != person).collect(),
        page,
        PAGE_SIZE,
    );
    let yours = yours.into_iter().map(|p| line(p)).collect();
    let theirs = theirs.into_iter().map(|p| line(p)).collect();
    let (settled, more_settled) = window(settled, page, SETTLED_SHOWN);
    let settled = settled.into_iter().map(line).collect();
    let pager = Pager::new(
        &format!("/spaces/{space}/promises"),
        page,
        more_yours || more_theirs || more_settled,
    );
    let nudge = opened.partner.and_then(|partner| {
        opened
            .ledger()
            .promises
            .nudge(person, partner, now, &Params::DEFAULT)
            .map(|nudge| match nudge {
                Nudge::ManyOpen(count) => lang.t_count("promise-nudge-many", count_of(count)),
                Nudge::RecentMisses(count) => lang.t_count("promise-nudge-misses", count_of(count)),
            })
    });
    let mut domains: Vec<String> = all
        .iter()
        .filter_map(|p| p.domain.as_ref().map(|d| d.as_str().to_owned()))
        .collect();
    domains.sort();
    domains.dedup();
    let stakes_choices = stakes_choices(lang, &form.stakes);
    let (error, error_field) = match error {
        Some(FieldError { field, message }) => (Some(message), field),
        None => (None, ""),
    };
    Ok(PromisesPage {
        space_href: format!("/spaces/{space}"),
        space_name: space_name(state, space).await?,
        action: format!("/spaces/{space}/promises"),
        yours_heading: lang.t_with("promises-yours-heading", &[("name", name.clone())]),
        theirs_heading: lang.t_with("promises-theirs-heading", &[("name", name.clone())]),
        make_heading: lang.t_with("promises-make-heading", &[("name", name.clone())]),
        partner,
        former,
        yours,
        theirs,
        settled,
        pager,
        nudge,
        form,
        stakes_choices,
        domains,
        error,
        error_field,
        zone_note: zone.note(lang),
        today: zone.iso_day(now),
        chrome,
    })
}

fn count_of(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

/// Makes a promise to the partner and shows it; a mistake or a refusal comes back in the form,
/// with everything typed still there.
pub(crate) async fn make(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(space): Path<String>,
    Form(form): Form<MakeForm>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let lang = chrome.lang;
    let result = async {
        let due = zone.parse(&form.due).map_err(|e| ("due", e))?;
        let made_at = zone
            .past(&form.made_on, state.now())
            .map_err(|e| ("made_on", e))?;
        let input = PromiseInput {
            text: form.text.clone(),
            stakes: scale_value(&form.stakes),
            due,
            domain: form.domain.clone(),
            made_at,
        }
        .read()
        .map_err(|e| (make_field(&e), e))?;
        promises::make(&state, caller.person, space, input)
            .await
            .map_err(|e| (make_field(&e), e))
    }
    .await;
    match result {
        Ok(id) => Ok(Redirect::to(&format!("/spaces/{space}/promises/{id}")).into_response()),
        Err((_, error @ (PromiseError::NotFound | PromiseError::Failed(_)))) => {
            Err(page_error(error))
        }
        Err((field, error)) => {
            let status = form_status(&error);
            let error = FieldError {
                field,
                message: error.message(lang),
            };
            let listed = Listed {
                page: 1,
                form,
                error: Some(error),
            };
            let page = list_page(&state, caller.person, space, chrome, zone, listed).await?;
            Ok((status, page).into_response())
        }
    }
}

/// The make form's field a mistake is about.
fn make_field(error: &PromiseError) -> &'static str {
    use steadfast_core::promise::Refusal;
    match error {
        PromiseError::Invalid(Invalid::Text(_)) => "text",
        PromiseError::Invalid(Invalid::Stakes(_)) => "stakes",
        PromiseError::Invalid(Invalid::Domain(_)) => "domain",
        PromiseError::Refused(Refusal::DueTooEarly) => "due",
        PromiseError::Refused(Refusal::InFuture | Refusal::TooLongAgo) => "made_on",
        _ => "",
    }
}

/// What the person typed into one of a promise's forms, kept when it comes back.
#[derive(Deserialize, Default)]
pub(crate) struct StepForm {
    #[serde(default)]
    stakes: Option<String>,
    #[serde(default)]
    when: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    due: Option<String>,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    severity: Option<String>,
    #[serde(default)]
    deception: Option<String>,
    #[serde(default)]
    domain: Option<String>,
    #[serde(default)]
    word: Option<String>,
    #[serde(default)]
    apology: Option<String>,
    #[serde(default)]
    landing: Option<String>,
    #[serde(default)]
    ask: Option<String>,
    /// `yes` once the person has seen what a heavy step records and still wants it.
    #[serde(default)]
    confirmed: Option<String>,
}

/// The values each form on a promise's page starts with.
struct Typed {
    kept_stakes: String,
    kept_when: String,
    new_text: String,
    new_stakes: String,
    new_due: String,
    reason: String,
    severity: String,
    deception_yes: bool,
    broken_when: String,
    extend_due: String,
    ack_word: String,
    apology: String,
    landing: String,
    landing_word: String,
    offer_text: String,
    offer_stakes: String,
    offer_due: String,
    offer_domain: String,
}

impl Typed {
    fn fresh(promise: &Promise, zone: &Zone) -> Typed {
        let stakes = promise.terms.stakes.get().to_string();
        Typed {
            kept_stakes: stakes.clone(),
            kept_when: String::new(),
            new_text: promise.terms.text.as_str().to_owned(),
            new_stakes: stakes,
            new_due: promise.terms.due.map(|d| zone.input(d)).unwrap_or_default(),
            reason: String::new(),
            severity: String::new(),
            deception_yes: false,
            broken_when: String::new(),
            extend_due: String::new(),
            ack_word: String::new(),
            apology: String::new(),
            landing: String::new(),
            landing_word: String::new(),
            // A smaller promise starts from the broken one's words, a step lower.
            offer_text: promise.terms.text.as_str().to_owned(),
            offer_stakes: promise
                .terms
                .stakes
                .get()
                .saturating_sub(1)
                .max(Stakes::MIN)
                .to_string(),
            offer_due: String::new(),
            offer_domain: promise
                .domain
                .as_ref()
                .map(|d| d.as_str().to_owned())
                .unwrap_or_default(),
        }
    }

    /// Puts back what was typed into the form of `step`.
    fn keep(&mut self, step: Step, form: StepForm) {
        let take = |value: Option<String>, into: &mut String| {
            if let Some(value) = value {
                *into = value;
            }
        };
        match step {
            Step::Kept => {
                take(form.stakes, &mut self.kept_stakes);
                take(form.when, &mut self.kept_when);
            }
            Step::Renegotiate => {
                take(form.text, &mut self.new_text);
                take(form.stakes, &mut self.new_stakes);
                take(form.due, &mut self.new_due);
                take(form.reason, &mut self.reason);
            }
            Step::Broken => {
                take(form.severity, &mut self.severity);
                take(form.when, &mut self.broken_when);
                self.deception_yes = form.deception.as_deref() == Some("yes");
            }
            Step::Extend => take(form.due, &mut self.extend_due),
            Step::Acknowledge => take(form.word, &mut self.ack_word),
            Step::Apologise => take(form.apology, &mut self.apology),
            Step::AnswerApology => {
                take(form.landing, &mut self.landing);
                take(form.word, &mut self.landing_word);
            }
            Step::Offer => {
                take(form.text, &mut self.offer_text);
                take(form.stakes, &mut self.offer_stakes);
                take(form.due, &mut self.offer_due);
                take(form.domain, &mut self.offer_domain);
            }
            _ => {}
        }
    }
}

/// The steps a promise's page can post.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Done,
    Kept,
    NotYet,
    Renegotiate,
    Accept,
    Decline,
    Broken,
    Extend,
    LetGo,
    Release,
    Acknowledge,
    Apologise,
    AnswerApology,
    Ask,
    Offer,
}

impl Step {
    fn from_path(action: &str) -> Option<Step> {
        Some(match action {
            "done" => Step::Done,
            "kept" => Step::Kept,
            "not-yet" => Step::NotYet,
            "renegotiate" => Step::Renegotiate,
            "broken" => Step::Broken,
            "extend" => Step::Extend,
            "let-go" => Step::LetGo,
            "release" => Step::Release,
            "acknowledge" => Step::Acknowledge,
            "apologise" => Step::Apologise,
            "answer-apology" => Step::AnswerApology,
            "ask" => Step::Ask,
            "offer" => Step::Offer,
            _ => return None,
        })
    }

    /// The form on the page this step's message belongs to.
    fn form(self) -> &'static str {
        match self {
            Step::Done => "done",
            Step::Kept => "kept",
            Step::NotYet => "not-yet",
            Step::Renegotiate => "renegotiate",
            Step::Accept | Step::Decline => "answer",
            Step::Broken => "broken",
            Step::Extend => "extend",
            Step::LetGo => "let-go",
            Step::Release => "release",
            Step::Acknowledge => "acknowledge",
            Step::Apologise => "apologise",
            Step::AnswerApology => "answer-apology",
            Step::Ask => "ask",
            Step::Offer => "offer",
        }
    }
}

/// Which steps the person may take now, as the rules say.
#[derive(Default)]
struct Allowed {
    done: bool,
    renegotiate: bool,
    kept: bool,
    not_yet: bool,
    broken: bool,
    extend: bool,
    let_go: bool,
    release: bool,
    answer: bool,
}

impl Allowed {
    /// The buttons for the steps core says `person` may take now.
    fn of(promise: &Promise, person: PersonId, now: Timestamp) -> Allowed {
        let steps = promise.lifecycle_steps(person, now);
        let can = |step: LifecycleStep| steps.contains(&step);
        Allowed {
            done: can(LifecycleStep::MarkDone),
            renegotiate: can(LifecycleStep::AskRenegotiation),
            kept: can(LifecycleStep::ConfirmKept),
            not_yet: can(LifecycleStep::NotYet),
            broken: can(LifecycleStep::RecordBroken),
            extend: can(LifecycleStep::Extend),
            let_go: can(LifecycleStep::LetGo),
            release: can(LifecycleStep::Release),
            answer: can(LifecycleStep::AnswerRenegotiation),
        }
    }

    fn any(&self) -> bool {
        self.done
            || self.renegotiate
            || self.kept
            || self.not_yet
            || self.broken
            || self.extend
            || self.let_go
            || self.release
            || self.answer
    }
}

/// One step of a promise's history.
pub(crate) struct HistoryLine {
    who: String,
    when: String,
    what: String,
}

/// New terms waiting for the receiver.
pub(crate) struct PendingView {
    text: String,
    stakes: String,
    due: Option<String>,
    reason: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "promise.html")]
pub(crate) struct PromisePage {
    chrome: Chrome,
    /// The first promise kept between the two: warm words right after it was confirmed, a
    /// quiet line after that. Marked once, on that promise alone.
    first_kept: Option<FirstKept>,
    back: String,
    base: String,
    title: String,
    text: String,
    stakes: String,
    due_at: Option<String>,
    area: Option<String>,
    status: String,
    /// What the page says under a settled promise; `None` while it is open.
    settled: Option<String>,
    overdue: bool,
    made: String,
    pending: Option<PendingView>,
    history: Vec<HistoryLine>,
    allowed: Allowed,
    /// Why nothing can be done now, when that is so.
    waiting: Option<String>,
    done_hint: String,
    renegotiate_hint: String,
    release_label: String,
    typed: Typed,
    kept_choices: Vec<Choice>,
    new_stakes_choices: Vec<Choice>,
    offer_stakes_choices: Vec<Choice>,
    severity_choices: Vec<Choice>,
    error: Option<String>,
    error_form: &'static str,
    zone_note: String,
    today: String,
    now_input: String,
    after: AfterMiss,
    answer_action: String,
    /// The broken promise this one was offered in place of.
    in_place_of: Option<Linked>,
}

/// A promise named from another's page.
pub(crate) struct Linked {
    href: String,
    text: String,
}

/// What happened after a miss, and what the person may do now (`Promise::next_steps`).
pub(crate) struct AfterMiss {
    broken: bool,
    steps: Vec<NextStep>,
    acknowledged: Option<String>,
    acknowledged_word: Option<String>,
    apologies: Vec<ApologyLine>,
    offered: Option<Linked>,
    /// For the promiser: what the receiver asked for and was not given yet.
    asked: Vec<String>,
    /// For the receiver: what they asked for already.
    asked_by_you: Vec<String>,
    /// What the receiver may ask for.
    asks: Vec<AskChoice>,
    repair_href: String,
    lead: String,
    apologise_again: bool,
}

pub(crate) struct AskChoice {
    value: &'static str,
    label: String,
}

impl AfterMiss {
    fn has(&self, step: NextStep) -> bool {
        self.steps.contains(&step)
    }

    /// What happened stays; no step is offered and nothing is waiting for anyone.
    fn read_only(&mut self) {
        self.steps.clear();
        self.asks.clear();
        self.asked.clear();
    }

    fn of(
        promise: &Promise,
        opened: &Opened,
        person: PersonId,
        partner: &str,
        zone: &Zone,
        lang: Lang,
    ) -> AfterMiss {
        let steps = promise.next_steps(person);
        let amends = &promise.amends;
        let linked = |id: PromiseId| {
            opened.ledger().promises.get(id).map(|p| Linked {
                href: format!("/spaces/{}/promises/{}", opened.space, p.id),
                text: p.terms.text.as_str().to_owned(),
            })
        };
        let yours = promise.promiser == person;
        let name = [("name", partner.to_owned())];
        let ask_words = |ask: Ask| lang.t(&format!("after-miss-asked-{}", ask.as_str()));
        let waiting_words =
            |ask: Ask| lang.t_with(&format!("after-miss-waiting-{}", ask.as_str()), &name);
        AfterMiss {
            broken: matches!(promise.status, Status::Broken { .. }),
            acknowledged: amends.acknowledged.as_ref().map(|a| zone.show(a.at, lang)),
            acknowledged_word: amends
                .acknowledged
                .as_ref()
                .and_then(|a| a.word.as_ref())
                .map(|w| w.as_str().to_owned()),
            apologies: apology_lines(&amends.apologies, zone, lang),
            offered: amends.offered.and_then(linked),
            asked: if yours {
                amends.waiting().into_iter().map(waiting_words).collect()
            } else {
                Vec::new()
            },
            asked_by_you: if yours {
                Vec::new()
            } else {
                amends.asked.iter().map(|a| ask_words(a.ask)).collect()
            },
            asks: steps
                .iter()
                .filter_map(|step| match step {
                    NextStep::Ask(ask) => Some(AskChoice {
                        value: ask.as_str(),
                        label: lang.t(&format!("after-miss-ask-{}", ask.as_str())),
                    }),
                    _ => None,
                })
                .collect(),
            repair_href: format!("/spaces/{}/repairs", opened.space),
            lead: if opened.partner_left() {
                lang.t("after-miss-lead-former")
            } else if yours {
                lang.t_with("after-miss-lead-yours", &name)
            } else {
                lang.t_with("after-miss-lead-theirs", &name)
            },
            apologise_again: !amends.apologies.is_empty(),
            steps,
        }
    }
}

impl PromisePage {
    fn error_in(&self, form: &str) -> bool {
        self.error.is_some() && self.error_form == form
    }

    /// A message whose form is no longer offered (the promise moved on, or the step was never
    /// the person's to take) stands at the top of the steps.
    fn error_at_top(&self) -> bool {
        let a = &self.allowed;
        let shown = match self.error_form {
            "done" => a.done,
            "kept" => a.kept,
            "not-yet" => a.not_yet,
            "renegotiate" => a.renegotiate,
            "answer" => a.answer && self.pending.is_some(),
            "broken" => a.broken,
            "extend" => a.extend && self.overdue,
            "let-go" => a.let_go && self.overdue,
            "release" => a.release,
            "acknowledge" => self.after.has(NextStep::Acknowledge),
            "apologise" => self.after.has(NextStep::Apologise),
            "answer-apology" => self.after.has(NextStep::AnswerApology),
            "offer" => self.after.has(NextStep::OfferSmaller),
            "ask" => !self.after.asks.is_empty(),
            _ => false,
        };
        self.error.is_some() && !shown
    }

    fn message(&self) -> &str {
        self.error.as_deref().unwrap_or_default()
    }

    /// The message for `form`, if it came back with one.
    fn error_for(&self, form: &str) -> Option<String> {
        self.error.clone().filter(|_| self.error_form == form)
    }
}

/// One promise: what it says, what happened, and what the person may do now.
pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path((space, promise)): Path<(String, String)>,
    Query(query): Query<ShowQuery>,
) -> Result<PromisePage, WebError> {
    let space = parse_space(&space)?;
    let promise = promises::parse_id(&promise).map_err(page_error)?;
    let mut page = promise_page(&state, caller.person, space, promise, chrome, zone, None).await?;
    if let Some(first) = page.first_kept.as_mut() {
        first.just_now = query.kept.is_some();
    }
    Ok(page)
}

pub(crate) struct FirstKept {
    just_now: bool,
}

#[derive(Deserialize)]
pub(crate) struct ShowQuery {
    /// Set by the redirect after a promise was confirmed kept.
    kept: Option<String>,
}

/// A form that came back: which step, what was typed, and why.
struct Returned {
    step: Step,
    form: StepForm,
    message: String,
}

async fn promise_page(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    id: PromiseId,
    chrome: Chrome,
    zone: Zone,
    returned: Option<Returned>,
) -> Result<PromisePage, WebError> {
    let lang = chrome.lang;
    let now = state.now();
    let opened = promises::open(state, person, space)
        .await
        .map_err(page_error)?;
    let promise = opened.promise_to_read(id).map_err(page_error)?;
    let partner = counterpart_name(state, &opened, lang).await?;
    let yours = promise.promiser == person;
    let read_only = opened.partner_left();
    let who = |by: PersonId| {
        if by == person {
            lang.t("history-you")
        } else {
            partner.clone()
        }
    };
    let history = promise
        .history
        .iter()
        .map(|step| HistoryLine {
            who: who(step.by),
            when: zone.show(step.at, lang),
            what: history_words(&step.change, &zone, lang),
        })
        .collect();
    // With a partner who left, what happened stays to read and nothing more can be done.
    let allowed = if read_only {
        Allowed::default()
    } else {
        Allowed::of(promise, person, now)
    };
    let mut after = AfterMiss::of(promise, &opened, person, &partner, &zone, lang);
    if read_only {
        after.read_only();
    }
    let in_place_of = promise.in_place_of.and_then(|old| {
        opened.ledger().promises.get(old).map(|p| Linked {
            href: format!("/spaces/{space}/promises/{}", p.id),
            text: p.terms.text.as_str().to_owned(),
        })
    });
    let name = [("name", partner.clone())];
    let waiting = if promise.status.is_settled() {
        None
    } else if read_only {
        Some(lang.t("promise-ended-by-leaving"))
    } else if promise.pending.is_some() && yours {
        Some(lang.t_with("promise-waiting-answer", &name))
    } else if promise.status == Status::Done && yours {
        Some(lang.t_with("promise-waiting-confirm", &name))
    } else if !allowed.any() {
        Some(lang.t_with("promise-waiting-partner", &name))
    } else {
        None
    };
    let pending = promise.pending.as_ref().map(|pending| PendingView {
        text: pending.terms.text.as_str().to_owned(),
        stakes: stakes_words(pending.terms.stakes, lang),
        due: pending
            .terms
            .due
            .map(|due| lang.t_with("promise-due", &[("when", zone.show(due, lang))])),
        reason: pending.reason.as_str().to_owned(),
    });
    let mut typed = Typed::fresh(promise, &zone);
    let (error, error_form) = match returned {
        Some(Returned {
            step,
            form,
            message,
        }) => {
            typed.keep(step, form);
            (Some(message), step.form())
        }
        None => (None, ""),
    };
    let stakes_label = |level: u8| {
        Stakes::new(level).map_or_else(|_| level.to_string(), |s| stakes_words(s, lang))
    };
    // A promise logged afterwards was given a day, not a time.
    let made = if promise.backdated {
        lang.t_with(
            "promise-made-backdated",
            &[("when", zone.day(promise.made_at, lang))],
        )
    } else {
        lang.t_with(
            "promise-made",
            &[("when", zone.show(promise.made_at, lang))],
        )
    };
    let first_kept = (opened
        .ledger()
        .promises
        .first_kept_between(promise.promiser, promise.receiver)
        == Some(promise.id))
    .then_some(FirstKept { just_now: false });
    Ok(PromisePage {
        first_kept,
        back: format!("/spaces/{space}/promises"),
        base: format!("/spaces/{space}/promises/{id}"),
        title: if yours {
            lang.t_with("promise-title-yours", &[("name", partner.clone())])
        } else {
            lang.t_with("promise-title-theirs", &[("name", partner.clone())])
        },
        text: promise.terms.text.as_str().to_owned(),
        stakes: stakes_words(promise.terms.stakes, lang),
        due_at: promise.terms.due.map(|due| zone.show(due, lang)),
        area: promise.domain.as_ref().map(|d| d.as_str().to_owned()),
        status: if ended_by_leaving(promise, &opened) {
            lang.t("promise-status-ended-by-leaving")
        } else {
            status_words(promise.status, lang)
        },
        settled: promise.status.is_settled().then(|| {
            lang.t(if opened.partner_left() {
                "promise-settled-note-former"
            } else {
                "promise-settled-note"
            })
        }),
        overdue: promise.is_overdue(now) && !read_only,
        made,
        pending: pending.filter(|_| !read_only),
        history,
        allowed,
        waiting,
        kept_choices: choices(Stakes::MIN..=Stakes::MAX, &typed.kept_stakes, stakes_label),
        new_stakes_choices: choices(Stakes::MIN..=Stakes::MAX, &typed.new_stakes, stakes_label),
        offer_stakes_choices: choices(
            Stakes::MIN..=promise.terms.stakes.get(),
            &typed.offer_stakes,
            stakes_label,
        ),
        severity_choices: choices(Severity::MIN..=Severity::MAX, &typed.severity, |level| {
            severity_words(level, lang)
        }),
        done_hint: lang.t_with("action-done-hint", &[("name", partner.clone())]),
        renegotiate_hint: lang.t_with("action-renegotiate-hint", &[("name", partner.clone())]),
        release_label: lang.t_with("action-release", &[("name", partner.clone())]),
        typed,
        error,
        error_form,
        zone_note: zone.note(lang),
        today: zone.iso_day(now),
        now_input: zone.input(now),
        after,
        in_place_of,
        answer_action: format!("/spaces/{space}/promises/{id}/answer-apology"),
        chrome,
    })
}

fn history_words(change: &Change, zone: &Zone, lang: Lang) -> String {
    match change {
        Change::Made { made_at, .. } => match made_at {
            Some(at) => lang.t_with("history-made-backdated", &[("when", zone.day(*at, lang))]),
            None => lang.t("history-made"),
        },
        Change::Done { .. } => lang.t("history-done"),
        Change::Kept { stakes, when } => {
            let words = lang.t_with("history-kept", &[("stakes", stakes_words(*stakes, lang))]);
            happened(words, *when, zone, lang)
        }
        Change::NotYet => lang.t("history-not-yet"),
        Change::RenegotiationAsked { .. } => lang.t("history-renegotiation-asked"),
        Change::RenegotiationAccepted => lang.t("history-renegotiation-accepted"),
        Change::RenegotiationDeclined => lang.t("history-renegotiation-declined"),
        Change::Broken {
            severity,
            deception,
            when,
        } => {
            // Hiding is part of what happened: both partners read it in the same history.
            let key = if *deception {
                "history-broken-hidden"
            } else {
                "history-broken"
            };
            let words = lang.t_with(key, &[("severity", severity_words(severity.get(), lang))]);
            happened(words, *when, zone, lang)
        }
        Change::Extended { due } => {
            lang.t_with("history-extended", &[("when", zone.show(*due, lang))])
        }
        Change::LetGo => lang.t("history-let-go"),
        Change::Released => lang.t("history-released"),
        Change::Acknowledged { .. } => lang.t("history-acknowledged"),
        Change::Apologised { .. } => lang.t("history-apologised"),
        Change::ApologyAnswered { landing, .. } => lang.t_with(
            "history-apology-answered",
            &[("answer", landing_words(*landing, lang))],
        ),
        Change::Asked { ask } => lang.t(&format!("history-asked-{}", ask.as_str())),
        Change::OfferedInstead { .. } => lang.t("history-offered-instead"),
    }
}

/// A step logged afterwards says when it really happened.
fn happened(words: String, when: Option<Timestamp>, zone: &Zone, lang: Lang) -> String {
    match when {
        Some(at) => format!(
            "{words} {}",
            lang.t_with("history-happened", &[("when", zone.day(at, lang))])
        ),
        None => words,
    }
}

/// Takes one step on a promise and shows it again; a refusal or a mistake comes back on the
/// promise's page with the message and what was typed.
pub(crate) async fn act(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path((space, promise, action)): Path<(String, String, String)>,
    Form(form): Form<StepForm>,
) -> Result<Response, WebError> {
    let step = Step::from_path(&action).ok_or(WebError::NotFound)?;
    take_step(
        state,
        caller.person,
        chrome,
        zone,
        (space, promise),
        step,
        form,
    )
    .await
}

/// Answers a renegotiation: `accept` or `decline`.
pub(crate) async fn answer(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path((space, promise, answer)): Path<(String, String, String)>,
    Form(form): Form<StepForm>,
) -> Result<Response, WebError> {
    let step = match answer.as_str() {
        "accept" => Step::Accept,
        "decline" => Step::Decline,
        _ => return Err(WebError::NotFound),
    };
    take_step(
        state,
        caller.person,
        chrome,
        zone,
        (space, promise),
        step,
        form,
    )
    .await
}

async fn take_step(
    state: AppState,
    person: PersonId,
    chrome: Chrome,
    zone: Zone,
    (space, promise): (String, String),
    step: Step,
    form: StepForm,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let id = promises::parse_id(&promise).map_err(page_error)?;
    let now = state.now();
    let result = if step == Step::Offer {
        offer(&state, person, space, id, &form, &zone).await
    } else {
        match command(step, &form, &zone, now) {
            Ok(
                command @ Command::RecordBroken {
                    severity,
                    deception,
                    when,
                },
            ) if !confirmed(form.confirmed.as_deref()) => {
                match promises::check(&state, person, space, id, &command).await {
                    Ok(()) => {
                        let page = confirm_broken(
                            chrome,
                            &zone,
                            (space, id),
                            &form,
                            (severity, deception, when),
                        );
                        return Ok(page.into_response());
                    }
                    Err(error) => Err(error),
                }
            }
            Ok(command) => promises::act(&state, person, space, id, command).await,
            Err(error) => Err(error),
        }
    };
    match result {
        // A promise just confirmed kept may be the couple's first: the page then says so.
        Ok(()) if step == Step::Kept => {
            Ok(Redirect::to(&format!("/spaces/{space}/promises/{id}?kept=1")).into_response())
        }
        Ok(()) => Ok(Redirect::to(&format!("/spaces/{space}/promises/{id}")).into_response()),
        Err(error @ (PromiseError::NotFound | PromiseError::Failed(_))) => Err(page_error(error)),
        Err(error) => {
            let status = form_status(&error);
            let returned = Returned {
                step,
                form,
                message: error.message(chrome.lang),
            };
            let page =
                promise_page(&state, person, space, id, chrome, zone, Some(returned)).await?;
            Ok((status, page).into_response())
        }
    }
}

/// The step before a promise is recorded as not kept: what will be recorded, and that both
/// partners will see it, with the typed answers sent again when confirmed.
fn confirm_broken(
    chrome: Chrome,
    zone: &Zone,
    (space, id): (SpaceId, PromiseId),
    form: &StepForm,
    (severity, deception, when): (Severity, bool, Option<Timestamp>),
) -> ConfirmStep {
    let lang = chrome.lang;
    let mut details = vec![severity_words(severity.get(), lang)];
    if deception {
        details.push(lang.t("confirm-broken-deception"));
    }
    if let Some(at) = when {
        details.push(lang.t_with("history-happened", &[("when", zone.day(at, lang))]));
    }
    let field = |value: &Option<String>| value.clone().unwrap_or_default();
    let base = format!("/spaces/{space}/promises/{id}");
    ConfirmStep {
        title: lang.t("confirm-broken-title"),
        lead: lang.t("confirm-broken-lead"),
        details,
        action: format!("{base}/broken"),
        fields: vec![
            ("severity", field(&form.severity)),
            ("deception", field(&form.deception)),
            ("when", field(&form.when)),
        ],
        submit: lang.t("action-broken-submit"),
        back: base,
        back_label: lang.t("confirm-not-now"),
        chrome,
    }
}

/// A smaller promise offered in place of the broken one `id`, from what was typed.
async fn offer(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    id: PromiseId,
    form: &StepForm,
    zone: &Zone,
) -> Result<(), PromiseError> {
    let field = |value: &Option<String>| value.clone().unwrap_or_default();
    let input = PromiseInput {
        text: field(&form.text),
        stakes: scale_value(&field(&form.stakes)),
        due: zone.parse(&field(&form.due))?,
        domain: field(&form.domain),
        made_at: None,
    }
    .read()?;
    promises::offer(state, person, space, id, input)
        .await
        .map(|_| ())
}

/// The command a posted form asks for, read from what was typed.
fn command(
    step: Step,
    form: &StepForm,
    zone: &Zone,
    now: Timestamp,
) -> Result<Command, PromiseError> {
    let field = |value: &Option<String>| value.clone().unwrap_or_default();
    Ok(match step {
        Step::Done => Command::MarkDone { when: None },
        Step::Kept => {
            let stakes = match form.stakes.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(text) => Some(promises::parse_stakes(scale_value(text))?),
            };
            Command::ConfirmKept {
                stakes,
                when: zone.past(&field(&form.when), now)?,
            }
        }
        Step::NotYet => Command::NotYet,
        Step::Renegotiate => Command::AskRenegotiation {
            terms: Terms {
                text: promises::parse_text(&field(&form.text))?,
                stakes: promises::parse_stakes(scale_value(&field(&form.stakes)))?,
                due: zone.parse(&field(&form.due))?,
            },
            reason: promises::parse_reason(&field(&form.reason))?,
        },
        Step::Accept => Command::AcceptRenegotiation,
        Step::Decline => Command::DeclineRenegotiation,
        Step::Broken => Command::RecordBroken {
            severity: promises::parse_severity(scale_value(&field(&form.severity)))?,
            deception: form.deception.as_deref() == Some("yes"),
            when: zone.past(&field(&form.when), now)?,
        },
        Step::Extend => Command::Extend {
            due: zone
                .parse(&field(&form.due))?
                .ok_or(PromiseError::Invalid(Invalid::Time))?,
        },
        Step::LetGo => Command::LetGo,
        Step::Release => Command::Release,
        Step::Acknowledge => Command::Acknowledge {
            word: promises::parse_acknowledgement(&field(&form.word))?,
        },
        Step::Apologise => Command::Apologise {
            text: promises::parse_apology(&field(&form.apology))?,
        },
        Step::AnswerApology => {
            let (landing, word) =
                promises::parse_landing(&field(&form.landing), &field(&form.word))?;
            Command::AnswerApology { landing, word }
        }
        Step::Ask => Command::Ask {
            ask: promises::parse_ask(&field(&form.ask))?,
        },
        // Made through `promises::offer`, never as a step on the broken promise.
        Step::Offer => return Err(PromiseError::NotFound),
    })
}
