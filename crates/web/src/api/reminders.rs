//! Reminders over JSON: what is coming up for the caller in a space, and their choice about
//! reminder emails — the same as the space's page and the account page show.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Serialize;
use steadfast_app::reminders;
use steadfast_core::PersonId;
use steadfast_store::EmailReminders;

use super::promises::{refusal, space_id};
use super::{ApiCaller, ApiError, lang_of};
use crate::i18n::times::rfc3339;
use crate::pages::reminders::email_choice;
use crate::state::AppState;

/// Something coming up for the caller.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct UpcomingView {
    /// `promise_due` (a promise of yours), `promise_confirm` (a promise to you, yours to
    /// confirm) or `ritual`.
    kind: &'static str,
    /// The promise's or ritual's id.
    id: String,
    /// Its due time or start, RFC 3339 in UTC.
    at: String,
    /// The promise's words or the ritual's name.
    label: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ComingUpView {
    /// Soonest first, the next seven days, at most five.
    coming_up: Vec<UpcomingView>,
}

#[utoipa::path(get, path = "/spaces/{id}/reminders", tag = "reminders", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = ComingUpView),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// What is coming up for the caller in the space this week: their promises' due times, promises
/// to them waiting for their confirmation, and shared rituals. Only what the caller may see.
pub(crate) async fn coming_up(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<ComingUpView>, ApiError> {
    let lang = lang_of(&headers);
    let space = space_id(&space).map_err(|error| refusal(error, lang))?;
    let upcoming = reminders::upcoming(&state, caller.person, space)
        .await
        .map_err(|error| refusal(error, lang))?;
    Ok(Json(ComingUpView {
        coming_up: upcoming
            .into_iter()
            .map(|line| UpcomingView {
                kind: line.kind.as_str(),
                id: line.item.to_string(),
                at: rfc3339(line.at),
                label: line.label,
            })
            .collect(),
    }))
}

/// The caller's choice about reminder emails.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct EmailChoiceView {
    /// Reminders are emailed to the caller.
    on: bool,
    /// The server's operator set up email.
    available: bool,
    /// The caller's account has an email address.
    has_address: bool,
}

async fn choice(
    state: &AppState,
    person: PersonId,
) -> Result<EmailChoiceView, crate::error::WebError> {
    let choice = email_choice(state, person).await?;
    Ok(EmailChoiceView {
        on: choice.on,
        available: choice.available,
        has_address: choice.has_address,
    })
}

async fn set(
    state: &AppState,
    headers: &HeaderMap,
    person: PersonId,
    on: bool,
) -> Result<Json<EmailChoiceView>, ApiError> {
    let lang = lang_of(headers);
    let now = choice(state, person)
        .await
        .map_err(|error| ApiError::from_web(error, lang))?;
    if on && !now.available {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "email_not_available",
            lang.t("reminders-email-unavailable"),
        ));
    }
    if on && !now.has_address {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "no_email_address",
            lang.t("reminders-email-no-address"),
        ));
    }
    state
        .store
        .set_email_reminders(&EmailReminders {
            person,
            on,
            lang: lang.code().to_owned(),
            updated_at: state.now(),
        })
        .await
        .map_err(|error| ApiError::from_web(error.into(), lang))?;
    choice(state, person)
        .await
        .map(Json)
        .map_err(|error| ApiError::from_web(error, lang))
}

#[utoipa::path(get, path = "/me/reminder-email", tag = "reminders", security(("session" = []), ("token" = [])),
    responses((status = 200, body = EmailChoiceView), (status = 401, description = "Not signed in", body = super::ErrorBody)))]
/// Whether reminders are emailed to the caller, and whether they could be.
pub(crate) async fn show_email(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
) -> Result<Json<EmailChoiceView>, ApiError> {
    choice(&state, caller.person)
        .await
        .map(Json)
        .map_err(|error| ApiError::from_web(error, lang_of(&headers)))
}

#[utoipa::path(put, path = "/me/reminder-email", tag = "reminders", security(("session" = []), ("token" = [])),
    responses(
        (status = 200, body = EmailChoiceView),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 409, description = "The server sends no email, or the account has no address", body = super::ErrorBody),
    ))]
/// Switches reminder emails on, in the language of `Accept-Language`. An email only says that
/// there is a reminder, with a link: never what it is about, nor anyone's name.
pub(crate) async fn email_on(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
) -> Result<Json<EmailChoiceView>, ApiError> {
    set(&state, &headers, caller.person, true).await
}

#[utoipa::path(delete, path = "/me/reminder-email", tag = "reminders", security(("session" = []), ("token" = [])),
    responses((status = 200, body = EmailChoiceView), (status = 401, description = "Not signed in", body = super::ErrorBody)))]
/// Switches reminder emails off; reminders stay in the app.
pub(crate) async fn email_off(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
) -> Result<Json<EmailChoiceView>, ApiError> {
    set(&state, &headers, caller.person, false).await
}
