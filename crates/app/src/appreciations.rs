//! Appreciations and the balance view. The rules and the counting are in
//! `steadfast_core::appreciation`; this is the order of the steps.

use steadfast_core::appreciation::{
    Appreciation, AppreciationEvent, AppreciationText, Balance, BalanceParams, Celebration,
    Refusal, balance, celebrations, decide_give,
};
use steadfast_core::text::TextError;
use steadfast_core::{AppreciationId, PersonId, SpaceId};

use crate::App;
use crate::ledger::{Opened, new_event_id, open_for};
use crate::refusal::{Explain, Explained, Failure, Kind, Refused, Words};

/// Why an appreciation was not given.
#[derive(Debug)]
pub enum AppreciationError {
    NotFound,
    Refused(Refusal),
    Invalid(TextError),
    Failed(Failure),
}

crate::failed_underneath!(AppreciationError);

impl Explain for AppreciationError {
    fn explain(&self) -> Explained<'_> {
        Explained::Refused(match self {
            AppreciationError::NotFound => Refused::not_found(),
            AppreciationError::Refused(Refusal::NoPartner) => Refused::new(
                "no_partner",
                Kind::NotNow,
                Words::key("appreciation-refused-no_partner"),
            ),
            AppreciationError::Invalid(error) => Refused::new(
                "text_invalid",
                Kind::Invalid,
                Words::text("appreciation-text", *error),
            ),
            AppreciationError::Failed(failure) => return Explained::Failed(failure),
        })
    }
}

pub fn parse_text(text: &str) -> Result<AppreciationText, AppreciationError> {
    AppreciationText::parse(text).map_err(AppreciationError::Invalid)
}

pub async fn open(
    app: &App,
    person: PersonId,
    space: SpaceId,
) -> Result<Opened, AppreciationError> {
    open_for(app, person, space, AppreciationError::NotFound).await
}

/// Thanks the person's partner; answers the appreciation's id.
pub async fn give(
    app: &App,
    person: PersonId,
    space: SpaceId,
    text: AppreciationText,
) -> Result<AppreciationId, AppreciationError> {
    let mut opened = open(app, person, space).await?;
    let id = AppreciationId::from_uuid(uuid::Uuid::new_v4());
    opened
        .write::<AppreciationError>(app, |opened, now| {
            let event = decide_give(person, opened.partner, id, text.clone())
                .map_err(AppreciationError::Refused)?;
            Ok(AppreciationEvent::into_event(
                event,
                new_event_id(),
                person,
                now,
            ))
        })
        .await?;
    Ok(id)
}

/// The appreciations between the person and their current partner, newest first.
pub fn list(opened: &Opened) -> Vec<&Appreciation> {
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
pub fn balance_of(opened: &Opened, app: &App) -> (Balance, Vec<Celebration>) {
    let now = app.now();
    let params = BalanceParams::DEFAULT;
    (
        balance(opened.ledger(), opened.partner, now, &params),
        celebrations(opened.ledger(), opened.partner, now, &params),
    )
}
