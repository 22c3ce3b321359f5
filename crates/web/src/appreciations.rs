//! Appreciations and the balance view, shared by the pages and the JSON API. The rules and the
//! counting are in `steadfast_core::appreciation`; this is the order of the steps.

use steadfast_core::appreciation::{
    Appreciation, AppreciationEvent, AppreciationText, Balance, BalanceParams, Celebration,
    Refusal, balance, celebrations, decide_give,
};
use steadfast_core::text::TextError;
use steadfast_core::{AppreciationId, EventId, PersonId, SpaceId};

use crate::AppState;
use crate::error::WebError;
use crate::i18n::Lang;
use steadfast_app::ledger::Opened;

/// Why an appreciation was not given.
#[derive(Debug)]
pub(crate) enum AppreciationError {
    NotFound,
    Refused(Refusal),
    Invalid(TextError),
    Failed(WebError),
}

impl<E: Into<WebError>> From<E> for AppreciationError {
    fn from(error: E) -> Self {
        AppreciationError::Failed(error.into())
    }
}

impl AppreciationError {
    pub(crate) fn code(&self) -> &'static str {
        match self {
            AppreciationError::NotFound => "not_found",
            AppreciationError::Refused(Refusal::NoPartner) => "no_partner",
            AppreciationError::Invalid(_) => "text_invalid",
            AppreciationError::Failed(_) => "internal",
        }
    }

    pub(crate) fn message(&self, lang: Lang) -> String {
        match self {
            AppreciationError::NotFound => lang.t("error-not-found-title"),
            AppreciationError::Refused(Refusal::NoPartner) => {
                lang.t("appreciation-refused-no_partner")
            }
            AppreciationError::Invalid(TextError::Empty) => lang.t("appreciation-text-empty"),
            AppreciationError::Invalid(TextError::TooLong { max }) => {
                lang.t_with("appreciation-text-too-long", &[("max", max.to_string())])
            }
            AppreciationError::Invalid(TextError::BadCharacter) => lang.t("text-bad-character"),
            AppreciationError::Failed(_) => lang.t("error-internal-title"),
        }
    }
}

pub(crate) fn parse_text(text: &str) -> Result<AppreciationText, AppreciationError> {
    AppreciationText::parse(text).map_err(AppreciationError::Invalid)
}

pub(crate) async fn open(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
) -> Result<Opened, AppreciationError> {
    steadfast_app::ledger::open_for(state, person, space, AppreciationError::NotFound).await
}

/// Thanks the person's partner; answers the appreciation's id.
pub(crate) async fn give(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    text: AppreciationText,
) -> Result<AppreciationId, AppreciationError> {
    let mut opened = open(state, person, space).await?;
    let id = AppreciationId::from_uuid(uuid::Uuid::new_v4());
    opened
        .write_all(state, |opened, now| {
            let event = decide_give(person, opened.partner, id, text.clone())
                .map_err(AppreciationError::Refused)?;
            Ok::<_, AppreciationError>(vec![AppreciationEvent::into_event(
                event,
                EventId::from_uuid(uuid::Uuid::new_v4()),
                person,
                now,
            )])
        })
        .await?;
    Ok(id)
}

/// The appreciations between the person and their current partner, newest first.
pub(crate) fn list(opened: &Opened) -> Vec<&Appreciation> {
    let Some(partner) = opened.partner else {
        return Vec::new();
    };
    let mut all: Vec<&Appreciation> = opened
        .ledger()
        .appreciations
        .between(opened.person, partner)
        .collect();
    all.reverse();
    all
}

/// The balance of the last four weeks and what there is to celebrate, as the person sees them.
pub(crate) fn balance_of(opened: &Opened, state: &AppState) -> (Balance, Vec<Celebration>) {
    let now = state.now();
    let params = BalanceParams::DEFAULT;
    (
        balance(opened.ledger(), opened.partner, now, &params),
        celebrations(opened.ledger(), opened.partner, now, &params),
    )
}
