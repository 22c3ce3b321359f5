//! Sessions and known devices: starting a session after a sign-in, finding who holds a session or
//! an API token, and ending sessions. The web side carries the secrets in cookies and headers;
//! here they are only tokens and hashes.
//!
//! Sessions live on the server; the client holds only a random token, and the store only its
//! hash. A session ends when its policy says so (idle or too old), and at sign-out, password
//! change, recovery and account deletion. An API token ends at its expiry, and at password
//! change, recovery, "sign out everywhere" and account deletion.

use steadfast_core::account::token_is_live;
use steadfast_core::coach::AccountKind;
use steadfast_core::{Liveness, PersonId, SessionPolicy, Timestamp, Username};
use steadfast_store::SessionRecord;

use crate::App;
use crate::refusal::Failure;
use crate::secrets::{self, Secret};

/// How the caller proved who they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Credential {
    /// The hash of the session token.
    Session(String),
    /// The id of the API token.
    Token(String),
}

/// A signed-in person.
#[derive(Clone, Debug)]
pub struct Caller {
    pub person: PersonId,
    pub username: String,
    /// A coach's account is read-only everywhere but on their own account.
    pub kind: AccountKind,
    pub credential: Credential,
}

impl Caller {
    pub fn session_hash(&self) -> Option<&str> {
        match &self.credential {
            Credential::Session(hash) => Some(hash),
            Credential::Token(_) => None,
        }
    }
}

/// What a client brings along when it signs in: the session it may already hold, the device
/// secret it may present, and a coarse name for the device ("Firefox on Android").
#[derive(Clone, Debug, Default)]
pub struct Arrival {
    /// The hash of the session the client already holds, if any: it ends at a sign-in, so a
    /// session id is never carried across one.
    pub session: Option<String>,
    /// The hash of the device secret the client presents, known or not.
    pub device: Option<String>,
    pub device_label: String,
}

/// Starts a session for `person` and returns its token, for the client to hold. Any session the
/// client already held ends here.
pub async fn start(
    app: &App,
    person: PersonId,
    arrival: &Arrival,
    now: Timestamp,
) -> Result<String, Failure> {
    if let Some(previous) = &arrival.session {
        app.store.delete_session(previous).await?;
    }
    let fresh = Secret::generate()?;
    app.store
        .create_session(&SessionRecord {
            id_hash: fresh.hash,
            account: person,
            created_at: now,
            last_seen_at: now,
            device: arrival.device_label.clone(),
        })
        .await?;
    Ok(fresh.token)
}

/// After a sign-in: a device already known for `person` is noted as used; any other gets a new
/// device secret, which this returns for the client to keep.
pub async fn remember_device(
    app: &App,
    person: PersonId,
    username_key: &str,
    arrival: &Arrival,
    now: Timestamp,
) -> Result<Option<String>, Failure> {
    if let Some(hash) = &arrival.device
        && app.store.is_known_device(hash, username_key).await?
    {
        app.store.touch_device(hash, now).await?;
        return Ok(None);
    }
    let fresh = Secret::generate()?;
    app.store.remember_device(&fresh.hash, person, now).await?;
    Ok(Some(fresh.token))
}

/// The key a sign-in or recovery under `username` is limited by, beside the client's address: a
/// device the account has signed in from before is limited on its own (wrong attempts from
/// elsewhere do not touch it, and its own wrong attempts still slow it down); any other attempt
/// by the name's canonical form, so limits apply the same to names that do not exist. `None`
/// for what is no login name at all.
pub async fn limit_key(
    app: &App,
    username: &str,
    device: Option<&str>,
) -> Result<Option<String>, Failure> {
    let Ok(username) = Username::parse(username) else {
        return Ok(None);
    };
    let username_key = username.key();
    if let Some(hash) = device
        && app.store.is_known_device(hash, username_key).await?
    {
        // Login names hold no ':', so a device's key never meets a name's.
        return Ok(Some(format!("device:{hash}")));
    }
    Ok(Some(username_key.to_owned()))
}

/// Whoever holds the API token `token`, if it is live and its account is not disabled. A token
/// past its expiry signs no one in, and is deleted on sight; one that does is noted as used.
pub async fn by_token(app: &App, token: &str) -> Result<Option<Caller>, Failure> {
    let Some(record) = app.store.api_token_by_hash(&secrets::hash(token)).await? else {
        return Ok(None);
    };
    if !token_is_live(record.expires_at, app.now()) {
        app.store
            .delete_api_token(record.account, &record.id)
            .await?;
        return Ok(None);
    }
    // A disabled account's token stops here too, whatever outlived the disabling.
    let Some(account) = app
        .store
        .account(record.account)
        .await?
        .filter(|account| account.disabled_at.is_none())
    else {
        return Ok(None);
    };
    app.store.touch_api_token(&record.id, app.now()).await?;
    Ok(Some(Caller {
        person: account.id,
        username: account.username,
        kind: account.kind,
        credential: Credential::Token(record.id),
    }))
}

/// Whoever holds the session whose token hashes to `id_hash`, if it is live under `policy`. A
/// session past its time is deleted on sight; a live one is noted as active now and then.
pub async fn by_session(
    app: &App,
    id_hash: &str,
    policy: SessionPolicy,
) -> Result<Option<Caller>, Failure> {
    let now = app.now();
    let Some(session) = app.store.session(id_hash).await? else {
        return Ok(None);
    };
    if policy.liveness(session.created_at, session.last_seen_at, now) != Liveness::Live {
        app.store.delete_session(id_hash).await?;
        return Ok(None);
    }
    // Disabling deletes the account's sessions; one a sign-in created just as the account was
    // disabled ends here, at its first use.
    let Some(account) = app
        .store
        .account(session.account)
        .await?
        .filter(|account| account.disabled_at.is_none())
    else {
        app.store.delete_session(id_hash).await?;
        return Ok(None);
    };
    if policy.should_touch(session.last_seen_at, now) {
        app.store.touch_session(id_hash, now).await?;
    }
    Ok(Some(Caller {
        person: account.id,
        username: account.username,
        kind: account.kind,
        credential: Credential::Session(id_hash.to_owned()),
    }))
}

/// Whether the session `id_hash` is live, found without writing anything: no activity recorded,
/// nothing deleted. A failed read counts as no session.
pub async fn is_live(app: &App, id_hash: &str, policy: SessionPolicy) -> bool {
    match app.store.session(id_hash).await {
        Ok(Some(session)) => {
            policy.liveness(session.created_at, session.last_seen_at, app.now()) == Liveness::Live
        }
        Ok(None) | Err(_) => false,
    }
}

/// Ends the session `id_hash` (signing out); one that is already gone is no matter.
pub async fn end(app: &App, id_hash: &str) -> Result<(), Failure> {
    app.store.delete_session(id_hash).await?;
    Ok(())
}

/// Ends every way in of the caller's from elsewhere: their other sessions, every API token and
/// the calendar feed. A token or a feed's address may have been made by someone else on this
/// phone. The caller's own session stays.
pub async fn end_others(app: &App, caller: &Caller) -> Result<(), Failure> {
    app.store
        .delete_sessions_of(caller.person, caller.session_hash())
        .await?;
    app.store.delete_api_tokens_of(caller.person).await?;
    app.store.delete_calendar_feed(caller.person).await?;
    Ok(())
}

/// Ends every session, every API token and the calendar feed of `person`, the caller's own
/// session included.
pub async fn end_everywhere(app: &App, person: PersonId) -> Result<(), Failure> {
    app.store.delete_sessions_of(person, None).await?;
    app.store.delete_api_tokens_of(person).await?;
    app.store.delete_calendar_feed(person).await?;
    Ok(())
}
