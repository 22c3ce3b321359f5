//! The person's own account page: where they are signed in, their password, recovery codes,
//! how Polish speaks to them, API tokens, and the way to delete the account. Nobody else can
//! see it — not a partner, not a coach, not the operator. A refused form comes back on this page
//! with the message beside its field and what was typed kept (never a password).

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use steadfast_core::Timestamp;
use steadfast_core::account::GrammaticalForm;

use super::Chrome;
use crate::auth::doors;
use crate::auth::session::{self, Caller, SignedIn};
use crate::error::{Say, WebError, form_answer, status_for};
use crate::i18n::Lang;
use crate::pages::promises::Zone;
use crate::state::AppState;
use steadfast_app::Failure;
use steadfast_app::account_management::{
    self, GrammaticalFormError, OwnPasswordError, PasswordChangeError,
};
use steadfast_app::notices::{self, NoticeError};
use steadfast_app::sessions;
use steadfast_store::{AccountNotice, NoticeKind};

pub(crate) struct SessionLine {
    device: String,
    started: String,
    active: String,
    current: bool,
}

pub(crate) struct TokenLine {
    id: String,
    label: String,
    created: String,
    last_used: String,
    expires: String,
}

/// A token its owner has not yet acknowledged: announced at the top of the account page.
pub(crate) struct NewTokenNotice {
    id: String,
    text: String,
}

/// A notice about the person's keys, in words.
pub(crate) struct NoticeLine {
    id: String,
    text: String,
}

fn notice_words(notice: &AccountNotice, zone: &Zone, lang: Lang) -> String {
    let key = match notice.kind {
        NoticeKind::RecoveryCodeUsed => "notice-recovery-code-used",
        NoticeKind::OperatorRecovery => "notice-operator-recovery",
        NoticeKind::OperatorDisabled => "notice-operator-disabled",
    };
    lang.t_with(key, &[("when", zone.show(notice.at, lang))])
}

/// What a refused form on this page brings back: messages, and the typed text worth keeping.
#[derive(Default)]
pub(crate) struct AccountForms {
    pub(crate) current_password_error: Option<String>,
    pub(crate) new_password_error: Option<String>,
    pub(crate) recovery_codes_error: Option<String>,
    pub(crate) token_label: String,
    pub(crate) token_label_error: Option<String>,
    pub(crate) token_password_error: Option<String>,
    pub(crate) token_days: String,
    pub(crate) token_days_error: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "account.html")]
pub(crate) struct AccountPage {
    chrome: Chrome,
    signed_in_as: String,
    notice: Option<String>,
    sessions: Vec<SessionLine>,
    codes_left: u64,
    codes_left_text: String,
    tokens: Vec<TokenLine>,
    new_tokens: Vec<NewTokenNotice>,
    /// What happened to the person's keys: a recovery code used, the operator's actions.
    notices: Vec<NoticeLine>,
    /// A recovery started this session minutes ago: the codes renew without the password.
    freshly_recovered: bool,
    forms: AccountForms,
    reminders: super::reminders::EmailChoice,
    /// The person's grammatical form, as `grammatical_form_fields.html` reads it.
    grammatical_form: &'static str,
}

/// The page with a refused form's messages in place, answered with `status`.
pub(crate) async fn refused(
    state: &AppState,
    caller: &Caller,
    chrome: Chrome,
    forms: AccountForms,
    status: StatusCode,
) -> Result<Response, WebError> {
    let page = account_page(state, caller, chrome, None, forms).await?;
    Ok(form_answer(status, page))
}

async fn account_page(
    state: &AppState,
    caller: &Caller,
    chrome: Chrome,
    notice: Option<String>,
    forms: AccountForms,
) -> Result<AccountPage, WebError> {
    let now = state.now();
    let lang = chrome.lang;
    let zone = &chrome.zone;
    let when = |at: Timestamp| zone.show(at, lang);
    let sessions = state
        .store
        .sessions_of(caller.person)
        .await?
        .into_iter()
        .map(|record| SessionLine {
            current: caller.session_hash() == Some(record.id_hash.as_str()),
            started: lang.t_with(
                "session-started",
                &[("ago", lang.ago(record.created_at, now))],
            ),
            active: lang.t_with(
                "session-active",
                &[("ago", lang.ago(record.last_seen_at, now))],
            ),
            device: crate::auth::device::words(&record.device, lang),
        })
        .collect();
    let records = state.store.api_tokens_of(caller.person).await?;
    let label_of = |label: &str| {
        if label.is_empty() {
            lang.t("token-unnamed")
        } else {
            label.to_owned()
        }
    };
    let new_tokens = records
        .iter()
        .filter(|record| record.dismissed_at.is_none())
        .map(|record| NewTokenNotice {
            id: record.id.clone(),
            text: lang.t_with(
                "token-new-notice",
                &[
                    ("label", label_of(&record.label)),
                    ("when", when(record.created_at)),
                ],
            ),
        })
        .collect();
    let tokens = records
        .into_iter()
        .map(|record| TokenLine {
            label: label_of(&record.label),
            created: lang.t_with("token-created-at", &[("when", when(record.created_at))]),
            last_used: record.last_used_at.map_or_else(
                || lang.t("token-never-used"),
                |at| lang.t_with("token-last-used", &[("ago", lang.ago(at, now))]),
            ),
            expires: lang.t_with("token-expires-at", &[("when", when(record.expires_at))]),
            id: record.id,
        })
        .collect();
    let notices = notices::waiting(state, caller)
        .await?
        .iter()
        .map(|notice| NoticeLine {
            id: notice.id.clone(),
            text: notice_words(notice, zone, lang),
        })
        .collect();
    let freshly_recovered = notices::freshly_recovered(state, caller).await?;
    let codes_left = state.store.unused_recovery_codes(caller.person).await?;
    let reminders = super::reminders::email_choice(state, caller.person).await?;
    let codes_left_count = i64::try_from(codes_left).unwrap_or(i64::MAX);
    let grammatical_form = account_management::grammatical_form(state, caller)
        .await?
        .as_str();
    Ok(AccountPage {
        signed_in_as: lang.t_with("account-signed-in-as", &[("name", caller.username.clone())]),
        notice,
        sessions,
        codes_left,
        codes_left_text: lang.t_count("recovery-codes-left", codes_left_count),
        tokens,
        new_tokens,
        notices,
        freshly_recovered,
        forms,
        reminders,
        grammatical_form,
        chrome,
    })
}

#[derive(Deserialize)]
pub(crate) struct AccountQuery {
    done: Option<String>,
}

pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    Query(query): Query<AccountQuery>,
) -> Result<AccountPage, WebError> {
    // A notice after a form that redirected here; an unknown one is ignored.
    let notice = match query.done.as_deref() {
        Some("password") => Some(chrome.t("password-change-done")),
        Some("recovered") => Some(chrome.t("recovery-done")),
        Some("token-revoked") => Some(chrome.t("token-revoked")),
        Some("reminders") => Some(chrome.t("reminders-email-saved")),
        Some("grammatical-form") => Some(chrome.t("grammatical-form-saved")),
        _ => None,
    };
    account_page(&state, &caller, chrome, notice, AccountForms::default()).await
}

/// The person has read a notice about their account; it is not shown again.
pub(crate) async fn dismiss_notice(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<Redirect, WebError> {
    notices::dismiss(&state, &caller, &id)
        .await
        .map_err(|error| match error {
            NoticeError::NotFound => WebError::NotFound,
            NoticeError::Failed(failure) => failure.into(),
        })?;
    Ok(Redirect::to("/account"))
}

/// Ends every other session, every API token and the calendar feed of this person; this session
/// stays. A token or a feed's address is a way in from elsewhere too, and may have been made by
/// someone else on this phone.
pub(crate) async fn sign_out_others(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
) -> Result<Redirect, WebError> {
    sessions::end_others(&state, &caller).await?;
    Ok(Redirect::to("/account"))
}

/// Ends every session, every API token and the calendar feed of this person, this session
/// included.
pub(crate) async fn sign_out_everywhere(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
) -> Result<Response, WebError> {
    sessions::end_everywhere(&state, caller.person).await?;
    let cookie = session::clear_cookie(state.config.secure_cookies);
    Ok((
        [(header::SET_COOKIE, cookie)],
        Redirect::to("/sign-in?signed_out=1"),
    )
        .into_response())
}

/// How a page answers a refused current password: the status and the words beside the field,
/// or the error page it leads to.
pub(crate) fn own_password_refusal(
    error: OwnPasswordError,
    chrome: &Chrome,
) -> Result<(StatusCode, String), WebError> {
    match error {
        // Pages are opened by session cookie only, so this cannot be reached from a page.
        OwnPasswordError::SessionNeeded => Err(WebError::SignInNeeded {
            next: "/account".to_owned(),
        }),
        // The form again, with a word to try in a moment.
        OwnPasswordError::Failed(Failure::Crowded) => Ok((
            StatusCode::TOO_MANY_REQUESTS,
            chrome.t("error-crowded-text"),
        )),
        OwnPasswordError::Failed(failure) => Err(failure.into()),
        wrong @ OwnPasswordError::Wrong => Ok((status_for(&wrong), wrong.message(chrome.lang))),
    }
}

#[derive(Deserialize)]
pub(crate) struct PasswordChangeForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

/// Sets a new password. Every other session ends; this one stays, and the person comes back to
/// the account page with a note that says so.
pub(crate) async fn change_password(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    parts: Parts,
    Form(form): Form<PasswordChangeForm>,
) -> Result<Response, WebError> {
    let address = session::client_address(&parts);
    let outcome = doors::change_password(
        &state,
        &caller,
        &form.current_password,
        &form.new_password,
        &address,
    )
    .await?;
    let current_refused = |error| {
        own_password_refusal(error, &chrome).map(|(status, message)| {
            let forms = AccountForms {
                current_password_error: Some(message),
                ..AccountForms::default()
            };
            (forms, status)
        })
    };
    let (forms, status) = match outcome {
        Ok(()) => return Ok(Redirect::to("/account?done=password").into_response()),
        Err(invalid @ PasswordChangeError::Invalid(_)) => (
            AccountForms {
                new_password_error: Some(invalid.message(chrome.lang)),
                ..AccountForms::default()
            },
            status_for(&invalid),
        ),
        Err(PasswordChangeError::Current(error)) => current_refused(error)?,
        Err(PasswordChangeError::Failed(failure)) => {
            current_refused(OwnPasswordError::Failed(failure))?
        }
    };
    refused(&state, &caller, chrome, forms, status).await
}

#[derive(Deserialize)]
pub(crate) struct GrammaticalFormForm {
    #[serde(default)]
    grammatical_form: String,
}

/// Sets how Polish speaks to and about the person. A choice the form never offers is a bad
/// request; nothing typed can be lost.
pub(crate) async fn set_grammatical_form(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    Form(form): Form<GrammaticalFormForm>,
) -> Result<Redirect, WebError> {
    let choice = form
        .grammatical_form
        .parse::<GrammaticalForm>()
        .map_err(|_| WebError::BadRequest)?;
    account_management::set_grammatical_form(&state, &caller, choice)
        .await
        .map_err(|error| match error {
            GrammaticalFormError::NotFound => WebError::NotFound,
            GrammaticalFormError::Failed(failure) => failure.into(),
        })?;
    Ok(Redirect::to("/account?done=grammatical-form"))
}

#[derive(Template, WebTemplate)]
#[template(path = "recovery_codes.html")]
pub(crate) struct NewRecoveryCodesPage {
    chrome: Chrome,
    codes: Vec<String>,
    continue_to: String,
}

#[derive(Deserialize)]
pub(crate) struct PasswordForm {
    #[serde(default)]
    pub(crate) password: String,
}

/// Replaces the recovery codes with a new set, shown once in this answer.
pub(crate) async fn renew_recovery_codes(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    parts: Parts,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    let address = session::client_address(&parts);
    match doors::renew_recovery_codes(&state, &caller, &form.password, &address).await? {
        Ok(codes) => Ok(NewRecoveryCodesPage {
            chrome,
            codes,
            continue_to: "/account".to_owned(),
        }
        .into_response()),
        Err(error) => {
            let (status, message) = own_password_refusal(error, &chrome)?;
            let forms = AccountForms {
                recovery_codes_error: Some(message),
                ..AccountForms::default()
            };
            refused(&state, &caller, chrome, forms, status).await
        }
    }
}
