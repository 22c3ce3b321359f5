//! The person's choice about reminder emails, on their account page. Off by default: an email
//! that says "you have a reminder in Steadfast", read in a shared inbox or on a lock screen, tells
//! whoever reads it that the person uses Steadfast. Only a person whose account has an address
//! can switch it on, and only on a server whose operator set up mail.

use axum::Form;
use axum::extract::State;
use axum::response::Redirect;
use serde::Deserialize;
use steadfast_store::EmailReminders;

use super::Chrome;
use crate::AppState;
use crate::auth::session::SignedIn;
use crate::error::WebError;

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
    person: steadfast_core::PersonId,
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
