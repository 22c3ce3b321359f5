//! Who is asking, from a session cookie (pages and the API) or a bearer token (the API only: a
//! token never opens a page, so a copied token cannot be used to browse as its owner).
//!
//! Sessions live on the server; the browser holds only a random token, and the store only its
//! hash. A session ends after 30 minutes idle or 12 hours in all (configurable), and at sign-out,
//! password change, recovery and account deletion. An API token ends at its expiry, and at
//! password change, recovery, "sign out everywhere" and account deletion.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::header::{AUTHORIZATION, SET_COOKIE, USER_AGENT};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::{AppendHeaders, Response};
use axum_extra::extract::CookieJar;
use steadfast_core::account::{DEVICE_COOKIE_LIFETIME, token_is_live};
use steadfast_core::coach::AccountKind;
use steadfast_core::{Liveness, PersonId, Timestamp};
use steadfast_store::SessionRecord;

use crate::AppState;
use crate::auth::{device, secret};
use crate::error::WebError;

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

/// How the caller proved who they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Credential {
    /// The hash of the session token.
    Session(String),
    /// The id of the API token.
    Token(String),
}

/// A signed-in person.
#[derive(Clone, Debug)]
pub(crate) struct Caller {
    pub(crate) person: PersonId,
    pub(crate) username: String,
    /// A coach's account is read-only everywhere but on their own account (`crate::coach`).
    pub(crate) kind: AccountKind,
    pub(crate) credential: Credential,
}

impl Caller {
    pub(crate) fn session_hash(&self) -> Option<&str> {
        match &self.credential {
            Credential::Session(hash) => Some(hash),
            Credential::Token(_) => None,
        }
    }
}

/// The session hash a request's cookie names, whether or not that session still exists.
pub(crate) fn presented_session(state: &AppState, headers: &HeaderMap) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(cookie_name(state.config.secure_cookies))
        .map(|cookie| secret::hash(cookie.value()))
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
    let Some(record) = state.store.api_token_by_hash(&secret::hash(token)).await? else {
        return Ok(None);
    };
    // A token past its expiry signs no one in, and is deleted on sight.
    if !token_is_live(record.expires_at, state.now()) {
        state
            .store
            .delete_api_token(record.account, &record.id)
            .await?;
        return Ok(None);
    }
    // A disabled account's token stops here too, whatever outlived the disabling.
    let Some(account) = state
        .store
        .account(record.account)
        .await?
        .filter(|account| account.disabled_at.is_none())
    else {
        return Ok(None);
    };
    state.store.touch_api_token(&record.id, state.now()).await?;
    Ok(Some(Caller {
        person: account.id,
        username: account.username,
        kind: account.kind,
        credential: Credential::Token(record.id),
    }))
}

/// Finds the caller of a page request, by session cookie only. A session past its time is
/// deleted on sight.
pub(crate) async fn authenticate_session(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Caller>, WebError> {
    let now = state.now();
    let Some(id_hash) = presented_session(state, headers) else {
        return Ok(None);
    };
    let Some(session) = state.store.session(&id_hash).await? else {
        return Ok(None);
    };
    let policy = state.config.session_policy;
    if policy.liveness(session.created_at, session.last_seen_at, now) != Liveness::Live {
        state.store.delete_session(&id_hash).await?;
        return Ok(None);
    }
    // Disabling deletes the account's sessions; one a sign-in created just as the account was
    // disabled ends here, at its first use.
    let Some(account) = state
        .store
        .account(session.account)
        .await?
        .filter(|account| account.disabled_at.is_none())
    else {
        state.store.delete_session(&id_hash).await?;
        return Ok(None);
    };
    if policy.should_touch(session.last_seen_at, now) {
        state.store.touch_session(&id_hash, now).await?;
    }
    Ok(Some(Caller {
        person: account.id,
        username: account.username,
        kind: account.kind,
        credential: Credential::Session(id_hash),
    }))
}

/// Whether the request carries a live session, found without writing anything: no activity
/// recorded, nothing deleted. For pages that must leave no record of a visit (the help page).
pub(crate) async fn peek_signed_in(state: &AppState, headers: &HeaderMap) -> bool {
    let Some(id_hash) = presented_session(state, headers) else {
        return false;
    };
    // A failed read shows the page as to a signed-out visitor rather than failing it: this is
    // the page for someone who may be in trouble.
    match state.store.session(&id_hash).await {
        Ok(Some(session)) => {
            state.config.session_policy.liveness(
                session.created_at,
                session.last_seen_at,
                state.now(),
            ) == Liveness::Live
        }
        Ok(None) | Err(_) => false,
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
}

/// Starts a session for `person` and returns the token for the cookie. Any session the request
/// already carried ends here, so a session id is never carried across a sign-in.
pub(crate) async fn start(
    state: &AppState,
    person: PersonId,
    headers: &HeaderMap,
    now: Timestamp,
) -> Result<String, WebError> {
    if let Some(previous) = presented_session(state, headers) {
        state.store.delete_session(&previous).await?;
    }
    let fresh = secret::Secret::generate().map_err(|_| WebError::Randomness)?;
    let device = device::label(
        headers
            .get(USER_AGENT)
            .and_then(|agent| agent.to_str().ok()),
    );
    state
        .store
        .create_session(&SessionRecord {
            id_hash: fresh.hash,
            account: person,
            created_at: now,
            last_seen_at: now,
            device,
        })
        .await?;
    Ok(fresh.token)
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
fn presented_device(state: &AppState, headers: &HeaderMap) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(device_cookie_name(state.config.secure_cookies))
        .map(|cookie| secret::hash(cookie.value()))
}

/// The key a sign-in or recovery is limited by, beside its address: a device the account named
/// by `username_key` has signed in from before is limited on its own (wrong attempts from
/// elsewhere do not touch it, and its own wrong attempts still slow it down); any other request
/// by the name.
pub(crate) async fn limit_key(
    state: &AppState,
    headers: &HeaderMap,
    username_key: &str,
) -> Result<String, WebError> {
    if let Some(hash) = presented_device(state, headers)
        && state.store.is_known_device(&hash, username_key).await?
    {
        // Login names hold no ':', so a device's key never meets a name's.
        return Ok(format!("device:{hash}"));
    }
    Ok(username_key.to_owned())
}

/// After a sign-in: a device already known for `person` is noted as used; any other gets a new
/// device cookie, whose token this returns for the `Set-Cookie`.
pub(crate) async fn remember_device(
    state: &AppState,
    person: PersonId,
    username_key: &str,
    headers: &HeaderMap,
    now: Timestamp,
) -> Result<Option<String>, WebError> {
    if let Some(hash) = presented_device(state, headers)
        && state.store.is_known_device(&hash, username_key).await?
    {
        state.store.touch_device(&hash, now).await?;
        return Ok(None);
    }
    let fresh = secret::Secret::generate().map_err(|_| WebError::Randomness)?;
    state
        .store
        .remember_device(&fresh.hash, person, now)
        .await?;
    Ok(Some(fresh.token))
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
