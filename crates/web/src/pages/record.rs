//! The reliability record as a page (DESIGN, The trust model): what it is and who has switched it
//! on until both have; then, per direction, the expected reliability with its band and its
//! uncertainty in words, the counts, a chart over time, the events that moved it most, the trust
//! domains, and — to the receiving partner only — a gentle word about a bigger promise.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Redirect;
use serde::Deserialize;
use steadfast_core::promise::Effect;
use steadfast_core::record::RecordView;

use super::Chrome;
use super::promises::{Zone, page_error, parse_space, partner_name, space_name, stakes_words};
use crate::AppState;
use crate::auth::session::SignedIn;
use crate::chart::{self, ChartText};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::promises::{self, Direction, Opened, PromiseError, consent_state};

/// One event that moved the record, in words.
pub(crate) struct WhyLine {
    text: String,
    effect: String,
    moved: String,
    up: bool,
    when: String,
}

/// One direction of the record, ready to show.
pub(crate) struct DirectionView {
    heading: String,
    id: String,
    expected: String,
    band: String,
    certainty: String,
    counts: String,
    /// No confirmed promise yet in this direction.
    empty: bool,
    chart: String,
    why: Vec<WhyLine>,
    domains: Vec<String>,
    ladder: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "record.html")]
pub(crate) struct RecordPage {
    chrome: Chrome,
    space_href: String,
    space_name: String,
    consent_action: String,
    has_partner: bool,
    mine: bool,
    mine_words: String,
    partner_words: Option<String>,
    both_on: bool,
    directions: Vec<DirectionView>,
    /// Felt trust from the weekly check-ins, drawn beside the record while it is on.
    felt: Option<super::checkins::TrendView>,
    checkins_href: String,
}

/// The record, or what it is and who has switched it on.
pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(space): Path<String>,
) -> Result<RecordPage, WebError> {
    let space = parse_space(&space)?;
    let lang = chrome.lang;
    let person = caller.person;
    let (opened, directions) = match promises::record(&state, person, space).await {
        Ok((opened, directions)) => (opened, directions),
        Err(PromiseError::RecordOff) => (
            promises::open(&state, person, space)
                .await
                .map_err(page_error)?,
            Vec::new(),
        ),
        Err(other) => return Err(page_error(other)),
    };
    let consent = consent_state(&opened);
    let partner = partner_name(&state, opened.partner, lang).await?;
    let directions = directions
        .iter()
        .enumerate()
        .map(|(i, direction)| direction_view(i, direction, &opened, &partner, &zone, lang))
        .collect::<Vec<_>>();
    let on_off = |on: bool, on_key: &str, off_key: &str| {
        lang.t_with(
            if on { on_key } else { off_key },
            &[("name", partner.clone())],
        )
    };
    let felt = (!directions.is_empty()).then(|| {
        let trend = crate::checkins::trend_of(&opened);
        super::checkins::trend_view(
            &trend,
            opened.partner.map(|_| partner.as_str()),
            &zone,
            lang,
        )
    });
    Ok(RecordPage {
        felt,
        checkins_href: format!("/spaces/{space}/checkins#trend"),
        space_href: format!("/spaces/{space}"),
        space_name: space_name(&state, space).await?,
        consent_action: format!("/spaces/{space}/record/consent"),
        has_partner: consent.has_partner,
        mine: consent.mine,
        mine_words: on_off(consent.mine, "record-you-on", "record-you-off"),
        partner_words: consent
            .has_partner
            .then(|| on_off(consent.partner, "record-partner-on", "record-partner-off")),
        both_on: !directions.is_empty(),
        directions,
        chrome,
    })
}

fn percent(value: f64) -> String {
    format!("{:.0}", (value * 100.0).clamp(0.0, 100.0))
}

fn counts(view: &RecordView, lang: Lang) -> String {
    [
        lang.t_count("record-count-kept", i64::from(view.kept)),
        lang.t_count("record-count-broken", i64::from(view.broken)),
        lang.t_count("record-count-renegotiated", i64::from(view.renegotiated)),
    ]
    .join(" · ")
}

fn direction_view(
    index: usize,
    direction: &Direction,
    opened: &Opened,
    partner: &str,
    zone: &Zone,
    lang: Lang,
) -> DirectionView {
    let view = &direction.overall;
    let name = [("name", partner.to_owned())];
    let heading = if direction.yours {
        lang.t_with("record-yours-heading", &name)
    } else {
        lang.t_with("record-theirs-heading", &name)
    };
    let opinion = &view.opinion;
    let empty = view.kept + view.broken + view.renegotiated == 0;
    let id = format!("record-{index}");
    let chart = match (view.series.first(), view.series.last()) {
        (Some(first), Some(last)) if !empty => {
            let desc = lang.t_with(
                "record-chart-desc",
                &[
                    ("first", zone.day(first.at)),
                    ("last", zone.day(last.at)),
                    ("from", percent(first.expected)),
                    ("to", percent(last.expected)),
                    ("lower", percent(last.lower)),
                    ("upper", percent(last.upper)),
                ],
            );
            let (from, to) = (zone.day(first.at), zone.day(last.at));
            chart::render(
                &view.series,
                &ChartText {
                    id: &format!("{id}-chart"),
                    title: &lang.t("record-chart-title"),
                    desc: &desc,
                    // A record of one day has one date, under "now".
                    first: if from == to { "" } else { &from },
                    last: &to,
                },
            )
        }
        _ => String::new(),
    };
    let why = view
        .why
        .iter()
        .map(|why| {
            let text = opened.ledger().promises.get(why.moved.promise).map_or_else(
                || lang.t("record-why-unknown"),
                |p| p.terms.text.as_str().to_owned(),
            );
            let effect = match why.moved.effect {
                Effect::Kept => lang.t("record-why-kept"),
                Effect::Broken { .. } => lang.t("record-why-broken"),
                Effect::Renegotiated => lang.t("record-why-renegotiated"),
            };
            let points = (why.impact * 100.0).round();
            let up = why.impact >= 0.0;
            let moved = if points.abs() < 1.0 {
                lang.t(if up {
                    "record-why-little-up"
                } else {
                    "record-why-little-down"
                })
            } else {
                // Within ±100 points by construction.
                let count = points.abs() as i64;
                lang.t_count(
                    if up {
                        "record-why-up"
                    } else {
                        "record-why-down"
                    },
                    count,
                )
            };
            WhyLine {
                text,
                effect,
                moved,
                up,
                when: zone.day(why.moved.when),
            }
        })
        .collect();
    let domains = direction
        .domains
        .iter()
        .map(|domain| {
            lang.t_with(
                "record-domain-line",
                &[
                    (
                        "domain",
                        domain
                            .key
                            .domain
                            .as_ref()
                            .map(|d| d.as_str().to_owned())
                            .unwrap_or_default(),
                    ),
                    ("percent", percent(domain.opinion.expected)),
                    (
                        "certainty",
                        lang.t(&format!(
                            "record-certainty-short-{}",
                            domain.certainty.as_str()
                        )),
                    ),
                    ("counts", counts(domain, lang)),
                ],
            )
        })
        .collect();
    // The stakes ladder is the receiving partner's to decide on: only they see it.
    let ladder = match view.ladder {
        Some(level) if !direction.yours => Some(lang.t_count_with(
            "record-ladder",
            i64::from(view.kept),
            &[
                ("name", partner.to_owned()),
                ("level", stakes_words(level, lang)),
            ],
        )),
        _ => None,
    };
    DirectionView {
        heading,
        expected: lang.t_with("record-expected", &[("percent", percent(opinion.expected))]),
        band: lang.t_with(
            "record-band",
            &[
                ("lower", percent(opinion.lower)),
                ("upper", percent(opinion.upper)),
            ],
        ),
        certainty: lang.t(&format!("record-certainty-{}", view.certainty.as_str())),
        counts: counts(view, lang),
        empty,
        chart,
        why,
        domains,
        ladder,
        id,
    }
}

#[derive(Deserialize)]
pub(crate) struct ConsentForm {
    #[serde(default)]
    on: String,
}

/// Switches the person's consent on or off; effective on the next request, for both partners.
pub(crate) async fn consent(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    Path(space): Path<String>,
    Form(form): Form<ConsentForm>,
) -> Result<Redirect, WebError> {
    let space = parse_space(&space)?;
    let on = match form.on.as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(WebError::BadRequest),
    };
    promises::set_consent(&state, caller.person, space, on)
        .await
        .map_err(page_error)?;
    Ok(Redirect::to(&format!("/spaces/{space}/record")))
}
