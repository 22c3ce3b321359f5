//! A person's spaces as pages: the list with a "create" form, one space, inviting a partner,
//! withdrawing an invite, and leaving (with a confirmation step). Whoever is not in a space gets
//! the same "not found" page as for a space that does not exist.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::header::{HOST, ORIGIN, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use serde::Deserialize;
use steadfast_core::promise::LifecycleStep;
use steadfast_core::space::Standing;

use super::Chrome;
use super::rituals::viewer_zone;
use crate::auth::session::{Caller, SignedIn};
use crate::error::{Say, WebError, status_for};
use crate::state::AppState;
use steadfast_app::spaces::{self, InviteLine, Opened, SpaceError, SpaceView};

/// A refusal that has no form to come back to becomes an error page.
pub(crate) fn page_error(error: SpaceError) -> WebError {
    match error {
        SpaceError::Failed(failure) => failure.into(),
        SpaceError::Name(_) => WebError::BadRequest,
        // Never a membership's detail: whatever else went wrong with a space the person cannot
        // see is "not found".
        _ => WebError::NotFound,
    }
}

pub(crate) struct ListedSpace {
    href: String,
    name: String,
    left: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "spaces.html")]
pub(crate) struct SpacesPage {
    chrome: Chrome,
    spaces: Vec<ListedSpace>,
    name: String,
    name_error: Option<String>,
    /// Something happened to the person's keys: the account page says what.
    account_notice: bool,
}

/// The person's spaces, current and left, and the form to create one.
pub(crate) async fn list(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
) -> Result<SpacesPage, WebError> {
    list_page(&state, &caller, chrome, String::new(), None).await
}

async fn list_page(
    state: &AppState,
    caller: &Caller,
    chrome: Chrome,
    name: String,
    name_error: Option<String>,
) -> Result<SpacesPage, WebError> {
    let account_notice = steadfast_app::notices::any(state, caller).await?;
    let spaces = spaces::list(state, caller.person)
        .await?
        .into_iter()
        .map(|line| ListedSpace {
            href: format!("/spaces/{}", line.id),
            name: line.name,
            left: line.standing != Standing::Current,
        })
        .collect();
    Ok(SpacesPage {
        chrome,
        spaces,
        name,
        name_error,
        account_notice,
    })
}

#[derive(Deserialize)]
pub(crate) struct NewSpaceForm {
    #[serde(default)]
    name: String,
}

/// Creates a space for the person alone and shows it; a refused name comes back in the form.
pub(crate) async fn create(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    headers: HeaderMap,
    Form(form): Form<NewSpaceForm>,
) -> Result<Response, WebError> {
    // The creator's own zone, as their browser reported it; none means UTC until someone sets it.
    let zone = viewer_zone(&headers);
    let created = match spaces::parse_name(&form.name) {
        Ok(name) => spaces::create(&state, caller.person, name, zone).await,
        Err(error) => Err(error),
    };
    match created {
        Ok(id) => Ok(Redirect::to(&format!("/spaces/{id}")).into_response()),
        Err(refused @ SpaceError::Name(_)) => {
            let message = refused.message(chrome.lang);
            let page = list_page(&state, &caller, chrome, form.name, Some(message)).await?;
            Ok((status_for(&refused), page).into_response())
        }
        Err(other) => Err(page_error(other)),
    }
}

pub(crate) struct MemberItem {
    username: String,
    you: bool,
}

pub(crate) struct InviteItem {
    revoke_action: String,
    created: String,
    expires: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "space.html")]
pub(crate) struct SpacePage {
    chrome: Chrome,
    id: String,
    name: String,
    /// "You share this space with …", or `None` in solo mode.
    partner_line: Option<String>,
    members: Vec<MemberItem>,
    pairing_ended: bool,
    can_invite: bool,
    open_invites: Vec<InviteItem>,
    /// What is coming up for the viewer this week (`super::reminders::coming_up`).
    coming_up: Vec<super::reminders::ComingUp>,
    /// Broken promises with a next step for the viewer (`Promise::attention`).
    after_miss: Vec<AfterMissCard>,
    /// "Days here follow Europe/Warsaw time.", or a nudge to set it while it is UTC by default.
    zone_line: String,
    zone_set: bool,
    /// Promises to the viewer they can confirm kept now, each with its button: the one step
    /// a receiver takes most, one tap from the space.
    to_confirm: Vec<ToConfirm>,
    /// Paired, with no promise between them yet: the first one can be made right here, with
    /// the smallest stakes offered first ("start small").
    first_promise: Option<Vec<super::promises::Choice>>,
}

/// How many promises to confirm the space page lists; the promises page has them all.
const TO_CONFIRM_SHOWN: usize = 5;

pub(crate) struct ToConfirm {
    href: String,
    text: String,
}

/// A short card near the top of the space page: a miss that has a next step for the viewer.
pub(crate) struct AfterMissCard {
    href: String,
    words: String,
    hint: Option<String>,
}

/// The cards for every promise that wants the person's attention after a miss, newest first.
async fn after_miss_cards(
    state: &AppState,
    person: steadfast_core::PersonId,
    space: steadfast_core::SpaceId,
    partner: &str,
    lang: crate::i18n::Lang,
) -> Result<Vec<AfterMissCard>, WebError> {
    use steadfast_core::promise::Attention;
    let opened = steadfast_app::promises::open(state, person, space)
        .await
        .map_err(super::promises::page_error)?;
    // Nothing waits for anyone once the partner left.
    if opened.partner_left() {
        return Ok(Vec::new());
    }
    let now = state.now();
    let name = || ("name", partner.to_owned());
    let mut cards: Vec<AfterMissCard> = opened
        .promises()
        .into_iter()
        .filter_map(|promise| {
            let text = ("text", promise.terms.text.as_str().to_owned());
            let href = format!("/spaces/{space}/promises/{}", promise.id);
            let (words, hint) = match promise.attention(person, now)? {
                Attention::Promiser { asked, not_yet, .. } => {
                    let words = if not_yet {
                        lang.t_with("after-miss-card-not-yet", &[name(), text])
                    } else {
                        lang.t_with("after-miss-card-untouched", &[text])
                    };
                    let hint = match asked.first() {
                        Some(ask) => {
                            lang.t_with(&format!("after-miss-waiting-{}", ask.as_str()), &[name()])
                        }
                        None => lang.t("after-miss-card-untouched-hint"),
                    };
                    (words, Some(hint))
                }
                Attention::ApologyToAnswer => {
                    (lang.t_with("after-miss-card-answer", &[text]), None)
                }
            };
            Some(AfterMissCard { href, words, hint })
        })
        .collect();
    cards.reverse();
    Ok(cards)
}

#[derive(Template, WebTemplate)]
#[template(path = "space_left.html")]
pub(crate) struct SpaceLeftPage {
    chrome: Chrome,
    name: String,
}

/// One space: in full for its current members, "the pairing ended" for those who left it.
pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: super::promises::Zone,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = spaces::parse_id(&id).map_err(page_error)?;
    match spaces::open(&state, caller.person, id)
        .await
        .map_err(page_error)?
    {
        Opened::Current(view) => {
            let coming_up =
                super::reminders::coming_up(&state, caller.person, id, chrome.lang, &zone).await?;
            let partner = view
                .members
                .iter()
                .find(|member| !member.you)
                .map(|member| member.username.clone())
                .unwrap_or_default();
            let after_miss =
                after_miss_cards(&state, caller.person, id, &partner, chrome.lang).await?;
            let opened = steadfast_app::promises::open(&state, caller.person, id)
                .await
                .map_err(crate::pages::promises::page_error)?;
            let space_zone = opened.ledger().zone.clone();
            let now = state.now();
            let to_confirm = if opened.partner_left() {
                Vec::new()
            } else {
                opened
                    .promises()
                    .into_iter()
                    .filter(|promise| {
                        promise
                            .may_take(caller.person, LifecycleStep::ConfirmKept, now)
                            .is_ok()
                    })
                    // A handful at most: a partner making many promises cannot bury the page.
                    .take(TO_CONFIRM_SHOWN)
                    .map(|promise| ToConfirm {
                        href: format!("/spaces/{id}/promises/{}", promise.id),
                        text: promise.terms.text.as_str().to_owned(),
                    })
                    .collect()
            };
            let mut page = space_page(&state, chrome, view);
            page.coming_up = coming_up;
            page.after_miss = after_miss;
            page.zone_set = space_zone.is_set();
            page.to_confirm = to_confirm;
            if opened.with().is_some() && opened.promises().is_empty() {
                page.first_promise = Some(super::promises::stakes_choices(page.chrome.lang, "1"));
            }
            page.zone_line = page
                .chrome
                .lang
                .t_with("space-zone-line", &[("zone", space_zone.get().to_string())]);
            Ok(page.into_response())
        }
        Opened::Former { name } => Ok(SpaceLeftPage { chrome, name }.into_response()),
    }
}

fn space_page(state: &AppState, chrome: Chrome, view: SpaceView) -> SpacePage {
    let lang = chrome.lang;
    let now = state.now();
    let partner_line = view
        .members
        .iter()
        .find(|member| !member.you)
        .map(|partner| {
            lang.t_with(
                "space-partner-joined",
                &[("name", partner.username.clone())],
            )
        });
    let open_invites = view
        .open_invites
        .iter()
        .map(|invite: &InviteLine| {
            let left = invite.expires_at.saturating_duration_since(now);
            let hours = i64::try_from(left.as_secs().div_ceil(3600)).unwrap_or(i64::MAX);
            InviteItem {
                revoke_action: format!("/spaces/{}/invites/{}/revoke", view.id, invite.id),
                created: lang.t_with(
                    "invite-created-ago",
                    &[("ago", lang.ago(invite.created_at, now))],
                ),
                expires: lang.t_count("invite-expires-hours", hours),
            }
        })
        .collect();
    SpacePage {
        id: view.id.to_string(),
        name: view.name,
        partner_line,
        members: view
            .members
            .into_iter()
            .map(|member| MemberItem {
                username: member.username,
                you: member.you,
            })
            .collect(),
        pairing_ended: view.pairing_ended,
        can_invite: view.can_invite,
        open_invites,
        coming_up: Vec::new(),
        after_miss: Vec::new(),
        zone_line: String::new(),
        zone_set: false,
        to_confirm: Vec::new(),
        first_promise: None,
        chrome,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "invite_created.html")]
pub(crate) struct InviteCreatedPage {
    chrome: Chrome,
    /// The link and its QR code, while this device still holds the token.
    link: Option<InviteLink>,
    back: String,
}

pub(crate) struct InviteLink {
    address: String,
    /// An inline SVG drawn on the server, so pairing side by side needs no script.
    qr_svg: String,
}

/// The cookie that keeps a new invite's token on the device that made it, for an hour, so that
/// reloading the page shows the same link instead of making another invite.
const INVITE_COOKIE: &str = "invite_link";

/// Makes an invite and sends the browser to its page, with the token in a cookie only that page
/// reads: the server keeps only the token's hash, and a reload never makes a second invite.
pub(crate) async fn invite(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = spaces::parse_id(&id).map_err(page_error)?;
    let issued = match spaces::issue_invite(&state, caller.person, id).await {
        Ok(issued) => issued,
        // The form is offered only while there is room; a form from an older page lands here,
        // and the space's page shows who is in it now.
        Err(SpaceError::Full) => return Ok(Redirect::to(&format!("/spaces/{id}")).into_response()),
        Err(other) => return Err(page_error(other)),
    };
    to_invite_page(&state, id, &issued)
}

/// Sends the browser to a new invite's page, with the token in a cookie only that page reads.
pub(crate) fn to_invite_page(
    state: &AppState,
    id: steadfast_core::SpaceId,
    issued: &spaces::IssuedInvite,
) -> Result<Response, WebError> {
    let page = format!("/spaces/{id}/invites/{}", issued.id);
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{INVITE_COOKIE}={}; Path={page}; Max-Age=3600; HttpOnly; SameSite=Strict{secure}",
        issued.token
    );
    let cookie = HeaderValue::from_str(&cookie).map_err(|_| WebError::BadRequest)?;
    Ok(([(SET_COOKIE, cookie)], Redirect::to(&page)).into_response())
}

/// A new invite's page: its link with a copy and a share button and a QR code, as long as this
/// device holds its token; otherwise a word on why it cannot be shown again.
pub(crate) async fn invite_page(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    parts: Parts,
    Path((id, invite_id)): Path<(String, String)>,
) -> Result<InviteCreatedPage, WebError> {
    let id = spaces::parse_id(&id).map_err(page_error)?;
    let jar = CookieJar::from_headers(&parts.headers);
    let token = jar
        .get(INVITE_COOKIE)
        .map(|cookie| cookie.value().to_owned());
    let shown = spaces::shown_invite(&state, caller.person, id, &invite_id, token.as_deref())
        .await
        .map_err(page_error)?;
    let origin = origin(&parts, state.config.secure_cookies).unwrap_or_default();
    let link = shown.map(|token| {
        let address = format!("{origin}/invites/{token}");
        InviteLink {
            qr_svg: qr_svg(&address),
            address,
        }
    });
    Ok(InviteCreatedPage {
        link,
        back: format!("/spaces/{id}"),
        chrome,
    })
}

/// The link as a QR code in SVG, from `<svg` on so that it can sit inside the page.
/// Empty if the address is too long for a QR code (it never is: a host and 64 hex characters).
fn qr_svg(address: &str) -> String {
    use qrcode::render::svg;
    match qrcode::QrCode::new(address.as_bytes()) {
        Ok(code) => code
            .render::<svg::Color<'_>>()
            .min_dimensions(220, 220)
            .dark_color(svg::Color("#1d2326"))
            .light_color(svg::Color("#ffffff"))
            .build()
            .split_once("<svg")
            .map_or_else(String::new, |(_, svg)| format!("<svg{svg}")),
        Err(_) => String::new(),
    }
}

/// Where the person reached us, for a link they can send: the host they asked for, and the
/// scheme, in this order, from the browser's `Origin` when it names this host (our pages send no
/// referrer, so browsers mostly send `null`), from a proxy's `X-Forwarded-Proto`, plain HTTP for
/// this machine's own address, else HTTPS exactly when cookies are secure. A wrong guess costs
/// the inviter a link to fix by hand, nothing more: the token is what matters.
pub(crate) fn origin(parts: &Parts, secure: bool) -> Option<String> {
    let host = host(&parts.headers).or_else(|| parts.uri.authority().map(|a| a.as_str()))?;
    let plausible = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b));
    if !plausible {
        return None;
    }
    let named = parts
        .headers
        .get(ORIGIN)
        .and_then(|value| value.to_str().ok());
    let forwarded = parts
        .headers
        .get("x-forwarded-proto")
        .and_then(|value| value.to_str().ok());
    let scheme = match (named, forwarded) {
        (Some(origin), _) if origin.strip_prefix("https://") == Some(host) => "https",
        (Some(origin), _) if origin.strip_prefix("http://") == Some(host) => "http",
        (_, Some("https")) => "https",
        (_, Some("http")) => "http",
        _ if is_loopback(host) => "http",
        _ if secure => "https",
        _ => "http",
    };
    Some(format!("{scheme}://{host}"))
}

fn is_loopback(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if !name.ends_with(':') && port.bytes().all(|b| b.is_ascii_digit()) => {
            name
        }
        _ => host,
    };
    name == "localhost" || name == "[::1]" || name.starts_with("127.")
}

fn host(headers: &HeaderMap) -> Option<&str> {
    headers.get(HOST).and_then(|value| value.to_str().ok())
}

/// Withdraws one of the space's open invites.
pub(crate) async fn revoke(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    Path((id, invite)): Path<(String, String)>,
) -> Result<Redirect, WebError> {
    let id = spaces::parse_id(&id).map_err(page_error)?;
    match spaces::revoke_invite(&state, caller.person, id, &invite).await {
        // A used invite is no longer listed; the space page shows who joined.
        Ok(()) | Err(SpaceError::InviteUsed) => Ok(Redirect::to(&format!("/spaces/{id}"))),
        Err(other) => Err(page_error(other)),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "space_leave.html")]
pub(crate) struct LeavePage {
    chrome: Chrome,
    name: String,
    action: String,
    back: String,
}

/// Asks once whether the person means to leave.
pub(crate) async fn leave_form(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    Path(id): Path<String>,
) -> Result<LeavePage, WebError> {
    let id = spaces::parse_id(&id).map_err(page_error)?;
    let name = spaces::name_for_member(&state, caller.person, id)
        .await
        .map_err(page_error)?;
    Ok(LeavePage {
        chrome,
        name,
        action: format!("/spaces/{id}/leave"),
        back: format!("/spaces/{id}"),
    })
}

/// Leaves at once; the space's page then says that the pairing ended.
pub(crate) async fn leave(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    Path(id): Path<String>,
) -> Result<Redirect, WebError> {
    let id = spaces::parse_id(&id).map_err(page_error)?;
    spaces::leave(&state, caller.person, id)
        .await
        .map_err(page_error)?;
    Ok(Redirect::to(&format!("/spaces/{id}")))
}

#[cfg(test)]
mod tests {
    use axum::http::Request;

    use super::*;

    fn parts(host: &str, origin: Option<&str>) -> Parts {
        let mut request = Request::post("/spaces/x/invites").header(HOST, host);
        if let Some(origin) = origin {
            if let Some(proto) = origin.strip_prefix("proto=") {
                request = request.header("x-forwarded-proto", proto);
            } else {
                request = request.header(ORIGIN, origin);
            }
        }
        request.body(()).expect("a valid request").into_parts().0
    }

    #[test]
    fn invite_links_use_the_host_and_the_scheme_the_browser_used() {
        assert_eq!(
            origin(&parts("us.example", None), true).as_deref(),
            Some("https://us.example")
        );
        assert_eq!(
            origin(
                &parts("127.0.0.1:8080", Some("http://127.0.0.1:8080")),
                true
            )
            .as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(
            origin(&parts("box.lan", None), false).as_deref(),
            Some("http://box.lan")
        );
        // Another origin's scheme is not taken over.
        assert_eq!(
            origin(&parts("us.example", Some("http://evil.example")), true).as_deref(),
            Some("https://us.example")
        );
        assert_eq!(origin(&parts("bad host\"<", None), true), None);
        // Our pages send no referrer, so a browser's form post says `Origin: null`.
        assert_eq!(
            origin(&parts("us.example", Some("null")), true).as_deref(),
            Some("https://us.example")
        );
        for local in [
            "127.0.0.1:8787",
            "localhost:8787",
            "[::1]:8787",
            "localhost",
        ] {
            assert_eq!(
                origin(&parts(local, Some("null")), true),
                Some(format!("http://{local}")),
                "a browser on this machine"
            );
        }
        assert_eq!(
            origin(&parts("127.0.0.1:8787", Some("proto=https")), true).as_deref(),
            Some("https://127.0.0.1:8787"),
            "a TLS proxy on this machine says so"
        );
        assert_eq!(
            origin(&parts("box.lan", Some("proto=https")), false).as_deref(),
            Some("https://box.lan")
        );
    }
}
