//! Coaches as pages. For a partner: the space's coach settings — invite a coach, grant or revoke
//! access to one's own shared data in one click, and the list of who read it. For a coach: the
//! spaces they follow, each space's progress, and a printable report for a session. Every page a
//! coach opens is read-only; every state-changing request of theirs is refused before it gets
//! here (`crate::guards::coach`).

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use steadfast_core::Timestamp;
use steadfast_core::coach::{AccountKind, DEFAULT_GRANT_DAYS, MAX_GRANT_DAYS};

use super::Chrome;
use super::accounts::{FieldMessages, RecoveryCodesPage};
use super::promises::Zone;
use crate::auth::doors;
use crate::auth::limits::{Door, TooMany};
use crate::auth::session::{self, MaybeSignedIn, SignedIn};
use crate::charts::record::{self as chart, ChartText};
use crate::charts::trend::{self as trend_chart, Felt, TrendText};
use crate::error::{Say, WebError, status_for};
use crate::i18n::Lang;
use crate::state::AppState;
use steadfast_app::accounts::{SignUpError, SignUpInput};
use steadfast_app::coach::{self, CoachError, Overview, ReadKind};
use steadfast_core::coach::GrantRefusal;
use steadfast_core::repair::Phase;

/// What a refusal becomes on a page: anything about a space the person may not see is "not
/// found"; the rest keeps its status with its sentence.
fn page_error(error: CoachError, chrome: Chrome) -> Result<Response, WebError> {
    match error {
        CoachError::Failed(failure) => Err(failure.into()),
        CoachError::NotFound | CoachError::Grant(GrantRefusal::NotAMember) => {
            Err(WebError::NotFound)
        }
        CoachError::AlreadyCoach(space) => {
            Ok(Redirect::to(&format!("/coach/spaces/{space}")).into_response())
        }
        other => {
            let status = status_for(&other);
            let page = NoticePage {
                title: chrome.t("coach-notice-title"),
                message: other.message(chrome.lang),
                chrome,
            };
            Ok((status, page).into_response())
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "coach_notice.html")]
pub(crate) struct NoticePage {
    chrome: Chrome,
    title: String,
    message: String,
}

/// Coach invites are tried at a rate-limited door of their own, as space invites are.
fn knock(state: &AppState, address: &str) -> Result<(), TooMany> {
    state.limits.check(Door::InviteAcceptance, address, None)
}

/// The words for a logged view, in the reader's language.
fn read_kind_label(view: &str, lang: Lang) -> String {
    match view {
        "overview" => lang.t("coach-read-overview"),
        "report" => lang.t("coach-read-report"),
        _ => lang.t("coach-read-other"),
    }
}

/// The phase's word key.
fn phase_key(phase: Phase) -> String {
    format!("repair-phase-{}", phase.as_str())
}

/// The answer to a coach's attempt to change something: 403, in plain words.
pub(crate) fn read_only(chrome: Chrome) -> Response {
    let page = NoticePage {
        title: chrome.t("coach-read-only-title"),
        message: chrome.t("coach-read-only-text"),
        chrome,
    };
    (StatusCode::FORBIDDEN, page).into_response()
}

// ---------------------------------------------------------------------------------------------
// The partner's coach settings.

struct CoachRow {
    name: String,
    since: String,
    granted_until: Option<String>,
    grant_action: String,
    revoke_action: String,
}

struct ReadRow {
    coach: String,
    view: String,
    at: String,
}

struct InviteRow {
    expires: String,
    revoke_action: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "coach_settings.html")]
pub(crate) struct SettingsPage {
    chrome: Chrome,
    space_name: String,
    space_href: String,
    invite_action: String,
    coaches: Vec<CoachRow>,
    invites: Vec<InviteRow>,
    reads: Vec<ReadRow>,
    default_days: u32,
    max_days: u32,
}

pub(crate) async fn settings(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let lang = chrome.lang;
    let view = match async {
        let id = coach::parse_space(&id)?;
        coach::partner_view(&state, caller.person, id).await
    }
    .await
    {
        Ok(view) => view,
        Err(error) => return page_error(error, chrome),
    };
    let base = format!("/spaces/{}/coach", view.space);
    let page = SettingsPage {
        space_name: view.name,
        space_href: format!("/spaces/{}", view.space),
        invite_action: format!("{base}/invites"),
        coaches: view
            .coaches
            .into_iter()
            .map(|line| CoachRow {
                since: zone.day(line.since, lang),
                granted_until: line.granted_until.map(|at| zone.day(at, lang)),
                grant_action: format!("{base}/{}/grant", line.id),
                revoke_action: format!("{base}/{}/revoke", line.id),
                name: lang.name_or_someone(line.username),
            })
            .collect(),
        invites: view
            .open_invites
            .into_iter()
            .map(|invite| InviteRow {
                expires: zone.show(invite.expires_at, lang),
                revoke_action: format!("{base}/invites/{}/revoke", invite.id),
            })
            .collect(),
        reads: view
            .reads
            .into_iter()
            .map(|read| ReadRow {
                view: read_kind_label(&read.view, lang),
                at: zone.show(read.at, lang),
                coach: lang.name_or_someone(read.coach),
            })
            .collect(),
        default_days: DEFAULT_GRANT_DAYS,
        max_days: MAX_GRANT_DAYS,
        chrome,
    };
    Ok(page.into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "coach_invite_created.html")]
pub(crate) struct InviteCreatedPage {
    chrome: Chrome,
    link: String,
    expires: String,
    back: String,
}

pub(crate) async fn invite(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    parts: Parts,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let issued = match async {
        let id = coach::parse_space(&id)?;
        coach::issue_invite(&state, caller.person, id).await
    }
    .await
    {
        Ok(issued) => issued,
        Err(error) => return page_error(error, chrome),
    };
    let origin = super::spaces::origin(&parts, state.config.secure_cookies).unwrap_or_default();
    let page = InviteCreatedPage {
        link: format!("{origin}/coach-invites/{}", issued.token),
        expires: zone.show(issued.expires_at, chrome.lang),
        back: format!("/spaces/{id}/coach"),
        chrome,
    };
    Ok(page.into_response())
}

pub(crate) async fn revoke_invite(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    Path((id, invite)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let done = async {
        let id = coach::parse_space(&id)?;
        coach::revoke_invite(&state, caller.person, id, &invite).await
    }
    .await;
    match done {
        Ok(()) => Ok(Redirect::to(&format!("/spaces/{id}/coach")).into_response()),
        Err(error) => page_error(error, chrome),
    }
}

#[derive(Deserialize)]
pub(crate) struct GrantForm {
    #[serde(default)]
    days: String,
}

pub(crate) async fn grant(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    Path((id, coach_id)): Path<(String, String)>,
    Form(form): Form<GrantForm>,
) -> Result<Response, WebError> {
    let done = async {
        let space = coach::parse_space(&id)?;
        let coach_id = coach::parse_person(&coach_id)?;
        // Unreadable or out of range: the rule's own answer, with the range in words.
        let days = form.days.trim().parse::<u32>().unwrap_or(0);
        coach::grant(&state, caller.person, space, coach_id, days).await
    }
    .await;
    match done {
        Ok(_) => Ok(Redirect::to(&format!("/spaces/{id}/coach")).into_response()),
        Err(error) => page_error(error, chrome),
    }
}

pub(crate) async fn revoke(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    Path((id, coach_id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let done = async {
        let space = coach::parse_space(&id)?;
        let coach_id = coach::parse_person(&coach_id)?;
        coach::revoke(&state, caller.person, space, coach_id).await
    }
    .await;
    match done {
        Ok(()) => Ok(Redirect::to(&format!("/spaces/{id}/coach")).into_response()),
        Err(error) => page_error(error, chrome),
    }
}

// ---------------------------------------------------------------------------------------------
// Coach invites.

#[derive(Template, WebTemplate)]
#[template(path = "coach_invite.html")]
pub(crate) struct InvitePage {
    chrome: Chrome,
    space_name: String,
    /// Signed in as a coach: the one button.
    accept_action: Option<String>,
    /// Signed out: the sign-up form, and a way to sign in instead.
    sign_up_action: String,
    sign_in_href: String,
    username: String,
    errors: FieldMessages,
}

/// A token as it may appear in a link of ours: hex digits only, so nothing else is echoed.
fn token_in_path(token: &str) -> &str {
    if token.bytes().all(|b| b.is_ascii_hexdigit()) {
        token
    } else {
        ""
    }
}

fn invite_page(chrome: Chrome, token: &str, space_name: String, coach: bool) -> InvitePage {
    let token = token_in_path(token);
    InvitePage {
        space_name,
        accept_action: coach.then(|| format!("/coach-invites/{token}/accept")),
        sign_up_action: format!("/coach-invites/{token}/sign-up"),
        sign_in_href: format!("/sign-in?next=/coach-invites/{token}"),
        username: String::new(),
        errors: FieldMessages::none(),
        chrome,
    }
}

pub(crate) async fn show_invite(
    State(state): State<AppState>,
    MaybeSignedIn(caller): MaybeSignedIn,
    chrome: Chrome,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let name = match coach::offer(&state, &token).await {
        Ok(name) => name,
        Err(error) => return page_error(error, chrome),
    };
    match caller {
        Some(caller) if caller.kind != AccountKind::Coach => {
            page_error(CoachError::NotACoach, chrome)
        }
        Some(_) => Ok(invite_page(chrome, &token, name, true).into_response()),
        None => Ok(invite_page(chrome, &token, name, false).into_response()),
    }
}

pub(crate) async fn accept_invite(
    State(state): State<AppState>,
    MaybeSignedIn(caller): MaybeSignedIn,
    chrome: Chrome,
    parts: Parts,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let Some(caller) = caller else {
        return Err(WebError::SignInNeeded {
            next: format!("/coach-invites/{}", token_in_path(&token)),
        });
    };
    knock(&state, &session::client_address(&parts))?;
    match coach::accept(&state, caller.person, caller.kind, &token).await {
        Ok(space) => Ok(Redirect::to(&format!("/coach/spaces/{space}")).into_response()),
        Err(error) => page_error(error, chrome),
    }
}

#[derive(Deserialize)]
pub(crate) struct CoachSignUpForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

/// Creates a coach account from the invite page, signs it in, and attaches it to the space.
pub(crate) async fn sign_up_through_invite(
    State(state): State<AppState>,
    MaybeSignedIn(caller): MaybeSignedIn,
    chrome: Chrome,
    parts: Parts,
    Path(token): Path<String>,
    Form(form): Form<CoachSignUpForm>,
) -> Result<Response, WebError> {
    if caller.is_some() {
        // Already signed in: the invite page offers what fits the account.
        return Ok(
            Redirect::to(&format!("/coach-invites/{}", token_in_path(&token))).into_response(),
        );
    }
    let name = match coach::offer(&state, &token).await {
        Ok(name) => name,
        Err(error) => return page_error(error, chrome),
    };
    let address = session::client_address(&parts);
    let input = SignUpInput {
        username: form.username.clone(),
        password: form.password,
        email: None,
        // Chosen later, on the account page or through the API.
        grammatical_form: Default::default(),
    };
    let signed_up =
        doors::sign_up(&state, input, AccountKind::Coach, &parts.headers, &address).await?;
    let signed_up = match signed_up {
        Ok(signed_up) => signed_up,
        Err(refused @ SignUpError::Invalid(errors)) => {
            let mut page = invite_page(chrome, &token, name, false);
            page.errors = FieldMessages::of(errors, &page.chrome);
            page.username = form.username;
            return Ok((status_for(&refused), page).into_response());
        }
        Err(SignUpError::Failed(failure)) => return Err(failure.into()),
    };
    let accepted = match knock(&state, &address) {
        Ok(()) => Some(coach::accept(&state, signed_up.person, AccountKind::Coach, &token).await),
        Err(_) => None,
    };
    let continue_to = match accepted {
        Some(Ok(space)) => format!("/coach/spaces/{space}"),
        // The account exists either way; the list says what came of the invite.
        Some(Err(CoachError::Failed(failure))) => return Err(failure.into()),
        Some(Err(_)) | None => "/coach".to_owned(),
    };
    let cookies = session::sign_in_cookies(
        state.config.secure_cookies,
        &signed_up.session_token,
        signed_up.device_token.as_deref(),
    )?;
    let page = RecoveryCodesPage {
        chrome: Chrome {
            signed_in: true,
            coach: true,
            ..chrome
        },
        codes: signed_up.recovery_codes,
        continue_to,
    };
    Ok((cookies, page).into_response())
}

// ---------------------------------------------------------------------------------------------
// The coach's pages.

struct CoachedRow {
    name: String,
    href: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "coach_home.html")]
pub(crate) struct HomePage {
    chrome: Chrome,
    spaces: Vec<CoachedRow>,
}

/// Only coach accounts have coach pages; for anyone else they do not exist.
fn coach_only(caller: &session::Caller) -> Result<(), WebError> {
    if caller.kind == AccountKind::Coach {
        Ok(())
    } else {
        Err(WebError::NotFound)
    }
}

pub(crate) async fn home(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
) -> Result<Response, WebError> {
    coach_only(&caller)?;
    let spaces = match coach::coached(&state, caller.person).await {
        Ok(spaces) => spaces,
        Err(error) => return page_error(error, chrome),
    };
    let page = HomePage {
        spaces: spaces
            .into_iter()
            .map(|line| CoachedRow {
                href: format!("/coach/spaces/{}", line.id),
                name: line.name,
            })
            .collect(),
        chrome,
    };
    Ok(page.into_response())
}

struct RepairRow {
    opened: String,
    phase: String,
    status: String,
    role: String,
}

struct PartnerSection {
    name: String,
    chart: String,
    felt_summary: String,
    checkins: String,
    repairs: Vec<RepairRow>,
    repairs_shown: bool,
}

struct RecordRow {
    title: String,
    summary: String,
    chart: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "coach_space.html")]
pub(crate) struct SpacePage {
    chrome: Chrome,
    name: String,
    report_href: String,
    generated: String,
    partners: Vec<PartnerSection>,
    records: Vec<RecordRow>,
    /// The report page prints; the overview links to it.
    report: bool,
}

fn percent(value: f64, lang: Lang) -> String {
    lang.t_with(
        "number-percent",
        &[("percent", format!("{:.0}", (value * 100.0).round()))],
    )
}

fn sections(overview: &Overview, zone: &Zone, lang: Lang) -> (Vec<PartnerSection>, Vec<RecordRow>) {
    let date = |at: Timestamp| zone.day(at, lang);
    let partners = overview
        .partners
        .iter()
        .enumerate()
        .map(|(n, partner)| {
            let points: Vec<Felt> = partner
                .felt
                .iter()
                .map(|p| Felt {
                    mine: Some(p.mean),
                    partner: None,
                })
                .collect();
            let first = partner.felt.first().map(|p| date(p.at)).unwrap_or_default();
            let last = partner.felt.last().map(|p| date(p.at)).unwrap_or_default();
            let id = format!("coach-felt-{n}");
            let name = lang.name_or_someone(partner.username.clone());
            let title = lang.t_with("coach-felt-title", &[("name", name.clone())]);
            let desc = lang.t_count("coach-felt-desc", i64::try_from(points.len()).unwrap_or(0));
            let chart = trend_chart::render(
                &points,
                &TrendText {
                    id: &id,
                    title: &title,
                    desc: &desc,
                    first: &first,
                    last: &last,
                },
            );
            let felt_summary = match (partner.felt.first(), partner.felt.last()) {
                (Some(first), Some(last)) if partner.felt.len() > 1 => lang.t_with(
                    "coach-felt-summary",
                    &[
                        ("first", lang.one_decimal(first.mean)),
                        ("latest", lang.one_decimal(last.mean)),
                    ],
                ),
                (Some(only), _) => {
                    lang.t_with("coach-felt-one", &[("value", lang.one_decimal(only.mean))])
                }
                _ => lang.t("coach-felt-none"),
            };
            PartnerSection {
                repairs_shown: partner.repairs_shown,
                name,
                chart,
                felt_summary,
                checkins: lang.t_count(
                    "coach-checkins-done",
                    i64::try_from(partner.checkins_done).unwrap_or(0),
                ),
                repairs: partner
                    .repairs
                    .iter()
                    .map(|repair| RepairRow {
                        opened: date(repair.opened_at),
                        phase: lang.t(&phase_key(repair.phase)),
                        status: lang.t(&format!("repair-status-{}", repair.status)),
                        role: if repair.hurt {
                            lang.t("coach-repair-hurt")
                        } else {
                            lang.t("coach-repair-responsible")
                        },
                    })
                    .collect(),
            }
        })
        .collect();
    let records = overview
        .record
        .iter()
        .enumerate()
        .map(|(n, line)| {
            let title = lang.t_with(
                "coach-record-direction",
                &[
                    ("promiser", lang.name_or_someone(line.promiser.clone())),
                    ("receiver", lang.name_or_someone(line.receiver.clone())),
                ],
            );
            let view = &line.view;
            let summary = lang.t_with(
                "coach-record-summary",
                &[
                    ("expected", percent(view.opinion.expected, lang)),
                    ("lower", percent(view.opinion.lower, lang)),
                    ("upper", percent(view.opinion.upper, lang)),
                    ("kept", view.kept.to_string()),
                    ("broken", view.broken.to_string()),
                ],
            );
            let first = view.series.first().map(|p| date(p.at)).unwrap_or_default();
            let last = view.series.last().map(|p| date(p.at)).unwrap_or_default();
            let id = format!("coach-record-{n}");
            let chart = chart::render(
                &view.series,
                &ChartText {
                    id: &id,
                    title: &title,
                    desc: &summary,
                    first: &first,
                    last: &last,
                },
            );
            RecordRow {
                title,
                summary,
                chart,
            }
        })
        .collect();
    (partners, records)
}

async fn space_page(
    state: AppState,
    caller: session::Caller,
    chrome: Chrome,
    zone: Zone,
    id: String,
    kind: ReadKind,
) -> Result<Response, WebError> {
    coach_only(&caller)?;
    let lang = chrome.lang;
    let overview = match async {
        let id = coach::parse_space(&id)?;
        coach::overview(&state, caller.person, id, kind).await
    }
    .await
    {
        Ok(overview) => overview,
        Err(error) => return page_error(error, chrome),
    };
    let zone = zone.or_space(&overview.zone);
    let (partners, records) = sections(&overview, &zone, lang);
    let page = SpacePage {
        name: overview.name.clone(),
        report_href: format!("/coach/spaces/{}/report", overview.id),
        generated: zone.show(overview.now, lang),
        partners,
        records,
        report: kind == ReadKind::Report,
        chrome,
    };
    Ok(page.into_response())
}

pub(crate) async fn space(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    space_page(state, caller, chrome, zone, id, ReadKind::Overview).await
}

pub(crate) async fn report(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    space_page(state, caller, chrome, zone, id, ReadKind::Report).await
}
