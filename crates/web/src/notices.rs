//! Notices to a person about their own keys (`steadfast_store::AccountNotice`): worded for the
//! account page, pointed to from the spaces page, dismissed by their owner only. A recovery
//! records one with the session it starts, which may then renew the recovery codes without
//! the password it has just set, for a short while.

use std::time::Duration;

use steadfast_store::{AccountNotice, NoticeKind};

use crate::AppState;
use crate::auth::session::Caller;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::pages::promises::Zone;

/// How long after a recovery its session may renew the codes without the password.
const FRESH_RECOVERY: Duration = Duration::from_secs(15 * 60);

/// A notice as a page shows it.
pub(crate) struct NoticeLine {
    pub(crate) id: String,
    pub(crate) text: String,
}

fn words(notice: &AccountNotice, zone: &Zone, lang: Lang) -> String {
    let key = match notice.kind {
        NoticeKind::RecoveryCodeUsed => "notice-recovery-code-used",
        NoticeKind::OperatorRecovery => "notice-operator-recovery",
        NoticeKind::OperatorDisabled => "notice-operator-disabled",
    };
    lang.t_with(key, &[("when", zone.show(notice.at, lang))])
}

/// The caller's notices not yet dismissed, oldest first, in words.
pub(crate) async fn lines(
    state: &AppState,
    caller: &Caller,
    zone: &Zone,
    lang: Lang,
) -> Result<Vec<NoticeLine>, WebError> {
    Ok(state
        .store
        .account_notices(caller.person)
        .await?
        .iter()
        .map(|notice| NoticeLine {
            id: notice.id.clone(),
            text: words(notice, zone, lang),
        })
        .collect())
}

/// Whether the caller has any notice waiting.
pub(crate) async fn any(state: &AppState, caller: &Caller) -> Result<bool, WebError> {
    Ok(!state.store.account_notices(caller.person).await?.is_empty())
}

/// Dismisses one of the caller's notices; someone else's is not found.
pub(crate) async fn dismiss(state: &AppState, caller: &Caller, id: &str) -> Result<(), WebError> {
    if state
        .store
        .dismiss_account_notice(caller.person, id)
        .await?
    {
        Ok(())
    } else {
        Err(WebError::NotFound)
    }
}

/// Whether the caller's session was started by a recovery in the last few minutes.
pub(crate) async fn freshly_recovered(state: &AppState, caller: &Caller) -> Result<bool, WebError> {
    let Some(session) = caller.session_hash() else {
        return Ok(false);
    };
    let now = state.now();
    Ok(state
        .store
        .account_notices(caller.person)
        .await?
        .iter()
        .any(|notice| {
            notice.kind == NoticeKind::RecoveryCodeUsed
                && notice.session.as_deref() == Some(session)
                && now.saturating_duration_since(notice.at) < FRESH_RECOVERY
        }))
}
