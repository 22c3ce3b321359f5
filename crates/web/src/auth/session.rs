//! Who is asking, from a session cookie (pages and the API) or a bearer token (the API only: a
//! token never opens a page, so a copied token cannot be used to browse as its owner): the
//! cookies, the extractors and the client's address. Sessions themselves — starting, finding and
//! ending them — are `steadfast_app::sessions`. A session ends after 30 minutes idle or 12 hours
//! in all (configurable).

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::header::{AUTHORIZATION, SET_COOKIE, USER_AGENT};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::{AppendHeaders, Response};
use axum_extra::extract::CookieJar;
use steadfast_app::secrets;
use steadfast_app::sessions::{self, Arrival};
use steadfast_core::account::DEVICE_COOKIE_LIFETIME;

use crate::auth::device;
use crate::error::WebError;
use crate::state::AppState;

pub(crate) use steadfast_app::sessions::Caller;

/// The cookie's name: with the `__Host-` prefix whenever it can be Secure, which browsers then
/// bind to this exact host and path.
pub(crate) fn cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-steadfast"
    } else {
        "steadfast"
    }
}

/// The `Set-Cookie` value that gives a browser its session.
pub(crate) fn set_cookie(secure: bool, token: &str) -> Result<HeaderValue, WebError> {
    let attributes = if secure { "; Secure" } else { "" };
    let value = format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax{attributes}",
        cookie_name(secure)
    );
    HeaderValue::from_str(&value).map_err(|_| WebError::BadRequest)
}

/// The `Set-Cookie` value that makes a browser forget its session.
pub(crate) fn clear_cookie(secure: bool) -> HeaderValue {
    let value = if secure {
        "__Host-steadfast=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0"
    } else {
        "steadfast=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
    };
    HeaderValue::from_static(value)
}

/// The session hash a request's cookie names, whether or not that session still exists.
pub(crate) fn presented_session(state: &AppState, headers: &HeaderMap) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(cookie_name(state.config.secure_cookies))
        .map(|cookie| secrets::hash(cookie.value()))
}

/// Finds the caller of an API request, if any: by bearer token when one is presented (and then
/// only by it), else by session cookie.
pub(crate) async fn authenticate(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Caller>, WebError> {
    // Credentials presented and not understood sign no one in: no falling back to the cookie
    // behind an `Authorization` header that is not a bearer token.
    if !headers.contains_key(AUTHORIZATION) {
        return authenticate_session(state, headers).await;
    }
    let Some(token) = bearer(headers) else {
        return Ok(None);
    };
    Ok(sessions::by_token(state, token).await?)
}

/// Finds the caller of a page request, by session cookie only. A session past its time is
/// deleted on sight.
pub(crate) async fn authenticate_session(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Caller>, WebError> {
    let Some(id_hash) = presented_session(state, headers) else {
        return Ok(None);
    };
    Ok(sessions::by_session(state, &id_hash, state.config.session_policy).await?)
}

/// Whether the request carries a live session, found without writing anything: no activity
/// recorded, nothing deleted. For pages that must leave no record of a visit (the help page).
/// A failed read shows the page as to a signed-out visitor rather than failing it: this is the
/// page for someone who may be in trouble.
pub(crate) async fn peek_signed_in(state: &AppState, headers: &HeaderMap) -> bool {
    match presented_session(state, headers) {
        Some(id_hash) => sessions::is_live(state, &id_hash, state.config.session_policy).await,
        None => false,
    }
}

/// The bearer token of an `Authorization` header, if that is what it holds.
pub(crate) fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
}

/// What a request brings to a sign-in: the session and device cookies it carries, and a coarse
/// name for its device from its User-Agent.
pub(crate) fn arrival(state: &AppState, headers: &HeaderMap) -> Arrival {
    Arrival {
        session: presented_session(state, headers),
        device: presented_device(state, headers),
        device_label: device::label(
            headers
                .get(USER_AGENT)
                .and_then(|agent| agent.to_str().ok()),
        ),
    }
}

/// Ends the session the request's cookie names, if any.
pub(crate) async fn end_session(state: &AppState, headers: &HeaderMap) -> Result<(), WebError> {
    if let Some(id_hash) = presented_session(state, headers) {
        sessions::end(state, &id_hash).await?;
    }
    Ok(())
}

/// The client's address as [`resolve_client_address`] found it; for rate limits only, never
/// stored.
pub(crate) fn client_address(parts: &Parts) -> String {
    parts
        .extensions
        .get::<ClientAddress>()
        .map_or_else(|| "unknown".to_owned(), |address| address.0.to_string())
}

#[derive(Clone, Copy, Debug)]
struct ClientAddress(IpAddr);

/// Finds each request's client address once: the connection's peer, or — only when the operator
/// named a header set by their own reverse proxy — the last address in that header, which is the
/// one the proxy saw. Without that setting the header is ignored, so a client cannot choose its
/// own address to escape a rate limit.
pub(crate) async fn resolve_client_address(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    let forwarded = state
        .config
        .client_address_header
        .as_ref()
        .and_then(|name| request.headers().get(name))
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.rsplit(',').next())
        .and_then(|last| last.trim().parse::<IpAddr>().ok());
    if let Some(address) = forwarded.or(peer) {
        request.extensions_mut().insert(ClientAddress(address));
    }
    next.run(request).await
}

/// The caller of an API request (session cookie or bearer token), found once per request and
/// remembered for the other extractors.
pub(crate) async fn caller(
    parts: &mut Parts,
    state: &AppState,
) -> Result<Option<Caller>, WebError> {
    if let Some(Authenticated(known)) = parts.extensions.get::<Authenticated>() {
        return Ok(known.clone());
    }
    let found = authenticate(state, &parts.headers).await?;
    parts.extensions.insert(Authenticated(found.clone()));
    Ok(found)
}

/// The caller as a guard sees them before any handler runs: the API's (a session or a token) on
/// `/api/`, a page's (the session cookie only) elsewhere. Remembered for the handler in the
/// request's extensions, so it is looked up once.
pub(crate) async fn guard_caller(
    parts: &mut Parts,
    state: &AppState,
) -> Result<Option<Caller>, WebError> {
    if is_api(parts) {
        caller(parts, state).await
    } else {
        page_caller(parts, state).await
    }
}

/// Whether a request is the JSON API's, answered in JSON rather than with a page.
pub(crate) fn is_api(parts: &Parts) -> bool {
    parts.uri.path().starts_with("/api/")
}

/// The caller of a page request: by session cookie only, never by bearer token.
pub(crate) async fn page_caller(
    parts: &mut Parts,
    state: &AppState,
) -> Result<Option<Caller>, WebError> {
    if let Some(PageAuthenticated(known)) = parts.extensions.get::<PageAuthenticated>() {
        return Ok(known.clone());
    }
    let found = authenticate_session(state, &parts.headers).await?;
    parts.extensions.insert(PageAuthenticated(found.clone()));
    Ok(found)
}

#[derive(Clone)]
struct Authenticated(Option<Caller>);

#[derive(Clone)]
struct PageAuthenticated(Option<Caller>);

/// A page that needs a signed-in person (by session cookie); others are sent to sign in and
/// brought back.
pub(crate) struct SignedIn(pub(crate) Caller);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match page_caller(parts, state).await? {
            Some(caller) => Ok(SignedIn(caller)),
            None => Err(WebError::SignInNeeded {
                next: parts.uri.path().to_owned(),
            }),
        }
    }
}

/// A page that looks different for a signed-in person but is open to everyone.
pub(crate) struct MaybeSignedIn(pub(crate) Option<Caller>);

impl FromRequestParts<AppState> for MaybeSignedIn {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(MaybeSignedIn(page_caller(parts, state).await?))
    }
}

/// The device cookie's name: a long-lived cookie of its own, so a device a person has signed in
/// from before is known again (OWASP's "device cookies"), and a flood of wrong sign-ins under
/// their name from elsewhere never locks them out of it.
pub(crate) fn device_cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-steadfast-device"
    } else {
        "steadfast-device"
    }
}

/// The `Set-Cookie` value that makes a browser a known device.
pub(crate) fn set_device_cookie(secure: bool, token: &str) -> Result<HeaderValue, WebError> {
    let attributes = if secure { "; Secure" } else { "" };
    let value = format!(
        "{}={token}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{attributes}",
        device_cookie_name(secure),
        DEVICE_COOKIE_LIFETIME.as_secs()
    );
    HeaderValue::from_str(&value).map_err(|_| WebError::BadRequest)
}

/// The hash of the device cookie a request carries, known or not.
pub(crate) fn presented_device(state: &AppState, headers: &HeaderMap) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(device_cookie_name(state.config.secure_cookies))
        .map(|cookie| secrets::hash(cookie.value()))
}

/// The cookies a sign-in sets: the session's, and the device's when it is new.
pub(crate) fn sign_in_cookies(
    secure: bool,
    session_token: &str,
    device_token: Option<&str>,
) -> Result<AppendHeaders<Vec<(HeaderName, HeaderValue)>>, WebError> {
    let mut cookies = vec![(SET_COOKIE, set_cookie(secure, session_token)?)];
    if let Some(token) = device_token {
        cookies.push((SET_COOKIE, set_device_cookie(secure, token)?));
    }
    Ok(AppendHeaders(cookies))
}
