//! Notices to a person about their own keys (`steadfast_store::AccountNotice`): shown on their
//! account page, pointed to from the spaces page, dismissed by their owner only. A recovery
//! records one with the session it starts, which may then renew the recovery codes without
//! the password it has just set, for a short while.

use std::time::Duration;

use steadfast_store::{AccountNotice, NoticeKind};

use crate::App;
use crate::refusal::{Explain, Explained, Failure, Refused};
use crate::sessions::Caller;

/// How long after a recovery its session may renew the codes without the password.
const FRESH_RECOVERY: Duration = Duration::from_secs(15 * 60);

#[derive(Debug)]
pub enum NoticeError {
    /// No such notice of the caller's (someone else's is not found either).
    NotFound,
    Failed(Failure),
}

crate::failed_underneath!(NoticeError);

impl Explain for NoticeError {
    fn explain(&self) -> Explained<'_> {
        match self {
            NoticeError::NotFound => Explained::Refused(Refused::not_found()),
            NoticeError::Failed(failure) => Explained::Failed(failure),
        }
    }
}

/// The caller's notices not yet dismissed, oldest first.
pub async fn waiting(app: &App, caller: &Caller) -> Result<Vec<AccountNotice>, Failure> {
    Ok(app.store.account_notices(caller.person).await?)
}

/// Whether the caller has any notice waiting.
pub async fn any(app: &App, caller: &Caller) -> Result<bool, Failure> {
    Ok(!waiting(app, caller).await?.is_empty())
}

/// Dismisses one of the caller's notices.
pub async fn dismiss(app: &App, caller: &Caller, id: &str) -> Result<(), NoticeError> {
    if app.store.dismiss_account_notice(caller.person, id).await? {
        Ok(())
    } else {
        Err(NoticeError::NotFound)
    }
}

/// Whether the caller's session was started by a recovery in the last few minutes.
pub async fn freshly_recovered(app: &App, caller: &Caller) -> Result<bool, Failure> {
    let Some(session) = caller.session_hash() else {
        return Ok(false);
    };
    let now = app.now();
    Ok(waiting(app, caller).await?.iter().any(|notice| {
        notice.kind == NoticeKind::RecoveryCodeUsed
            && notice.session.as_deref() == Some(session)
            && now.saturating_duration_since(notice.at) < FRESH_RECOVERY
    }))
}
