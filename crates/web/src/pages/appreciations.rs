//! Appreciations as a page: the form to thank one's partner, the balance of the last four weeks
//! as a plain bar (a gentle guide after Gottman's 5:1 finding, not a score), the moments of
//! progress worth celebrating, and the appreciations given both ways.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use steadfast_core::appreciation::{BalanceParams, Celebration};
use steadfast_core::{PersonId, SpaceId};

use super::promises::{Zone, parse_space, partner_name, space_name};
use super::{Chrome, PAGE_SIZE, PageQuery, Pager, window};
use crate::auth::session::SignedIn;
use crate::error::{Say, WebError, status_for};
use crate::state::AppState;
use steadfast_app::appreciations::{self, AppreciationError};

fn page_error(error: AppreciationError) -> WebError {
    match error {
        AppreciationError::Failed(failure) => failure.into(),
        _ => WebError::NotFound,
    }
}

#[derive(Deserialize, Default)]
pub(crate) struct GiveForm {
    #[serde(default)]
    text: String,
}

/// One appreciation in the list.
pub(crate) struct AppreciationLine {
    who: String,
    text: String,
    when: String,
}

/// One kind of moment, counted.
pub(crate) struct KindLine {
    label: String,
    count: u32,
}

#[derive(Template, WebTemplate)]
#[template(path = "appreciations.html")]
pub(crate) struct AppreciationsPage {
    chrome: Chrome,
    space_href: String,
    space_name: String,
    action: String,
    partner: Option<String>,
    form: GiveForm,
    error: Option<String>,
    positive: u32,
    negative: u32,
    /// The bar's positive share, in whole percent.
    positive_percent: u32,
    /// The width the guide's 5:1 mark sits at, in whole percent.
    guide_percent: u32,
    no_moments: bool,
    balance_words: String,
    positive_kinds: Vec<KindLine>,
    negative_kinds: Vec<KindLine>,
    celebrations: Vec<String>,
    given: Vec<AppreciationLine>,
    pager: Pager,
}

/// The page.
pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(space): Path<String>,
    Query(shown): Query<PageQuery>,
) -> Result<AppreciationsPage, WebError> {
    let space = parse_space(&space)?;
    page(
        &state,
        caller.person,
        space,
        chrome,
        &zone,
        (shown.number(), GiveForm::default()),
        None,
    )
    .await
}

async fn page(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    chrome: Chrome,
    zone: &Zone,
    (number, form): (usize, GiveForm),
    error: Option<&AppreciationError>,
) -> Result<AppreciationsPage, WebError> {
    let lang = chrome.lang;
    let opened = appreciations::open(state, person, space)
        .await
        .map_err(page_error)?;
    let partner = match opened.partner {
        Some(partner) => Some(partner_name(state, Some(partner), lang).await?),
        None => None,
    };
    let name = partner.clone().unwrap_or_default();
    let (balance, found) = appreciations::balance_of(&opened, state);
    let params = BalanceParams::DEFAULT;
    let kinds = |positive: bool| {
        balance
            .by_kind
            .iter()
            .filter(|(kind, count)| kind.is_positive() == positive && *count > 0)
            .map(|(kind, count)| KindLine {
                label: lang.t(&format!("balance-kind-{}", kind.as_str())),
                count: *count,
            })
            .collect()
    };
    let balance_words = if balance.positive + balance.negative == 0 {
        lang.t("balance-words-quiet")
    } else if balance.negative == 0 {
        lang.t("balance-words-all-positive")
    } else if balance.meets_guide(&params) {
        lang.t("balance-words-at-guide")
    } else {
        lang.t("balance-words-below-guide")
    };
    let celebrations = found
        .into_iter()
        .map(|c| match c {
            Celebration::PromisesKept { promiser, count } => {
                let key = if promiser == person {
                    "celebrate-kept-yours"
                } else {
                    "celebrate-kept-theirs"
                };
                lang.t_with(key, &[("count", count.to_string()), ("name", name.clone())])
            }
            Celebration::BoundaryHonoured { boundary, days, .. } => {
                let text = opened
                    .ledger()
                    .boundaries
                    .get(boundary)
                    .map(|b| b.text.as_str().to_owned())
                    .unwrap_or_default();
                lang.t_with(
                    "celebrate-boundary-honoured",
                    &[("text", text), ("days", days.to_string())],
                )
            }
        })
        .collect();
    // A page of them at a time, newest first: however many are given, the page stays light.
    let (given, more) = window(appreciations::list(&opened), number, PAGE_SIZE);
    let pager = Pager::new(&format!("/spaces/{space}/appreciations"), number, more);
    let given = given
        .into_iter()
        .map(|a| AppreciationLine {
            who: if a.from == person {
                lang.t_with("appreciation-from-you", &[("name", name.clone())])
            } else {
                lang.t_with("appreciation-from-them", &[("name", name.clone())])
            },
            text: a.text.as_str().to_owned(),
            when: zone.show(a.at, lang),
        })
        .collect();
    // Where 5:1 would put the bar: 5 / 6 of the way.
    let ratio = params.guide_ratio;
    Ok(AppreciationsPage {
        space_href: format!("/spaces/{space}"),
        space_name: space_name(state, space).await?,
        action: format!("/spaces/{space}/appreciations"),
        partner,
        form,
        error: error.map(|e| e.message(lang)),
        positive: balance.positive,
        negative: balance.negative,
        positive_percent: balance.positive_percent(),
        guide_percent: ratio * 100 / (ratio + 1),
        no_moments: balance.positive + balance.negative == 0,
        balance_words,
        positive_kinds: kinds(true),
        negative_kinds: kinds(false),
        celebrations,
        given,
        pager,
        chrome,
    })
}

/// Gives an appreciation; a mistake comes back in the form with the text kept.
pub(crate) async fn give(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(space): Path<String>,
    Form(form): Form<GiveForm>,
) -> Result<Response, WebError> {
    let space = parse_space(&space)?;
    let given = async {
        let text = appreciations::parse_text(&form.text)?;
        appreciations::give(&state, caller.person, space, text).await
    }
    .await;
    match given {
        Ok(_) => Ok(Redirect::to(&format!("/spaces/{space}/appreciations")).into_response()),
        Err(error @ (AppreciationError::Invalid(_) | AppreciationError::Refused(_))) => {
            let status = status_for(&error);
            let page = page(
                &state,
                caller.person,
                space,
                chrome,
                &zone,
                (1, form),
                Some(&error),
            )
            .await?;
            Ok((status, page).into_response())
        }
        Err(error) => Err(page_error(error)),
    }
}
