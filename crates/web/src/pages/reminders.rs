//! Reminders on the pages: the "coming up" list on a space's page, in the person's language and
//! time zone (what is coming up is `steadfast_app::reminders::upcoming`), and the person's choice
//! about reminder emails on their account page.
//!
//! Emails are off by default: an email that says "you have a reminder in Steadfast", read in a
//! shared inbox or on a lock screen, tells whoever reads it that the person uses Steadfast. Only a
//! person whose account has an address can switch it on, and only on a server whose operator set
//! up mail.

use axum::Form;
use axum::extract::State;
use axum::response::Redirect;
use serde::Deserialize;
use steadfast_app::promises::PromiseError;
use steadfast_app::reminders::upcoming;
use steadfast_core::reminder::ReminderKind;
use steadfast_core::{PersonId, SpaceId};
use steadfast_store::EmailReminders;

use super::Chrome;
use super::promises::Zone;
use crate::auth::session::SignedIn;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::state::AppState;

/// One line of the "coming up" list on the space's page.
pub(crate) struct ComingUp {
    pub(crate) when: String,
    pub(crate) what: String,
    pub(crate) href: String,
}

/// The list for the space's page, in the person's language and time zone.
pub(crate) async fn coming_up(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    lang: Lang,
    zone: &Zone,
) -> Result<Vec<ComingUp>, WebError> {
    let upcoming = match upcoming(state, person, space).await {
        Ok(upcoming) => upcoming,
        Err(PromiseError::Failed(error)) => return Err(error.into()),
        // The page already checked that the person is in the space; nothing to list otherwise.
        Err(_) => return Ok(Vec::new()),
    };
    Ok(upcoming
        .into_iter()
        .map(|line| {
            let (key, href) = match line.kind {
                ReminderKind::PromiseDue => (
                    "coming-up-your-promise",
                    format!("/spaces/{space}/promises/{}", line.item),
                ),
                ReminderKind::PromiseConfirm => (
                    "coming-up-to-confirm",
                    format!("/spaces/{space}/promises/{}", line.item),
                ),
                ReminderKind::Ritual => (
                    "coming-up-ritual",
                    format!("/spaces/{space}/rituals/{}", line.item),
                ),
            };
            ComingUp {
                when: zone.show(line.at, lang),
                what: lang.t_with(key, &[("text", line.label)]),
                href,
            }
        })
        .collect())
}

/// What the account page shows about reminder emails.
pub(crate) struct EmailChoice {
    /// Whether the operator set up mail at all.
    pub(crate) available: bool,
    /// Whether the account has an address to send to.
    pub(crate) has_address: bool,
    pub(crate) on: bool,
}

pub(crate) async fn email_choice(
    state: &AppState,
    person: PersonId,
) -> Result<EmailChoice, WebError> {
    let has_address = state
        .store
        .account(person)
        .await?
        .is_some_and(|account| account.email.is_some());
    let on = state
        .store
        .email_reminders(person)
        .await?
        .is_some_and(|choice| choice.on);
    Ok(EmailChoice {
        available: state.config.mail.is_some(),
        has_address,
        on: on && has_address,
    })
}

#[derive(Deserialize)]
pub(crate) struct EmailForm {
    /// Present ("on") when the box is ticked; a form without it switches emails off.
    #[serde(default)]
    email: Option<String>,
}

/// Switches reminder emails on or off, in the language the page was in.
pub(crate) async fn set_email(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    Form(form): Form<EmailForm>,
) -> Result<Redirect, WebError> {
    let choice = email_choice(&state, caller.person).await?;
    let on = form.email.is_some() && choice.available && choice.has_address;
    state
        .store
        .set_email_reminders(&EmailReminders {
            person: caller.person,
            on,
            lang: chrome.lang.code().to_owned(),
            updated_at: state.now(),
        })
        .await?;
    Ok(Redirect::to("/account?done=reminders#reminders-heading"))
}
