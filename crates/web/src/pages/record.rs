//! The reliability record as a page (docs/PRINCIPLES.md, The trust model): what it is and who has switched it
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
use steadfast_core::record::{Params, RecordView, whole_points};

use super::Chrome;
use super::promises::{Zone, counterpart_name, page_error, parse_space, space_name, stakes_words};
use crate::auth::session::SignedIn;
use crate::charts::record::{self as chart, ChartText};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::state::AppState;
use steadfast_app::ledger::Opened;
use steadfast_app::promises::{self, Direction, PromiseError, consent_state};

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
    /// "Too early to say" below five outcomes; else the estimate with its band, in words.
    headline: String,
    /// The counts lead while it is too early; a percentage never does.
    too_early: bool,
    certainty: String,
    counts: String,
    /// From the starting point to now, in points: what the "why" lines add up to.
    change: String,
    /// The share of every outcome not listed, when there is one.
    why_rest: Option<String>,
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
    how_href: String,
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
    let partner = counterpart_name(&state, &opened, lang).await?;
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
        let trend = steadfast_app::checkins::trend_of(&opened);
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
        how_href: format!("/spaces/{space}/record/how"),
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

/// Kept and not kept always; let go and asked in time only when there are some.
fn counts(view: &RecordView, lang: Lang) -> String {
    let mut counts = vec![
        lang.t_count("record-count-kept", i64::from(view.kept)),
        lang.t_count("record-count-broken", i64::from(view.broken)),
    ];
    if view.let_go > 0 {
        counts.push(lang.t_count("record-count-let-go", i64::from(view.let_go)));
    }
    if view.renegotiated > 0 {
        counts.push(lang.t_count("record-count-renegotiated", i64::from(view.renegotiated)));
    }
    counts.join(" · ")
}

/// "up by 3 points", "down by 1 point", "no change".
fn points_moved(points: i64, lang: Lang) -> String {
    match points {
        0 => lang.t("record-why-no-points"),
        p if p > 0 => lang.t_count("record-why-up", p),
        p => lang.t_count("record-why-down", -p),
    }
}

/// The estimate with its band, or that it is too early to say.
fn headline(view: &RecordView, lang: Lang) -> String {
    let opinion = &view.opinion;
    if view.certainty.shows_estimate() {
        lang.t_with(
            "record-estimate",
            &[
                ("percent", percent(opinion.expected)),
                ("lower", percent(opinion.lower)),
                ("upper", percent(opinion.upper)),
            ],
        )
    } else {
        lang.t("record-too-early")
    }
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
    let empty = view.series.is_empty();
    let id = format!("record-{index}");
    let chart = match (view.series.first(), view.series.last()) {
        (Some(first), Some(last)) if !empty => {
            let desc = lang.t_with(
                "record-chart-desc",
                &[
                    ("first", zone.day(first.at, lang)),
                    ("last", zone.day(last.at, lang)),
                    ("from", percent(first.expected)),
                    ("to", percent(last.expected)),
                    ("lower", percent(last.lower)),
                    ("upper", percent(last.upper)),
                ],
            );
            let (from, to) = (zone.day(first.at, lang), zone.day(last.at, lang));
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
    // Whole points that add up to the change shown above them.
    let mut shares: Vec<f64> = view.why.iter().map(|why| why.impact).collect();
    shares.push(view.why_rest);
    let points = whole_points(&shares, opinion.expected - view.start);
    let total: i64 = points.iter().sum();
    let rest = points.last().copied().unwrap_or(0);
    let why = view
        .why
        .iter()
        .zip(&points)
        .map(|(why, &points)| {
            let text = opened.ledger().promises.get(why.moved.promise).map_or_else(
                || lang.t("record-why-unknown"),
                |p| p.terms.text.as_str().to_owned(),
            );
            let effect = match why.moved.effect {
                Effect::Kept => lang.t("record-why-kept"),
                Effect::Broken { .. } => lang.t("record-why-broken"),
                Effect::Renegotiated => lang.t("record-why-renegotiated"),
                Effect::LetGo => lang.t("record-why-let-go"),
            };
            WhyLine {
                text,
                effect,
                moved: points_moved(points, lang),
                up: why.impact >= 0.0,
                when: zone.day(why.moved.when, lang),
            }
        })
        .collect();
    let change = lang.t_with(
        "record-change",
        &[
            ("start", percent(view.start)),
            ("now", percent(opinion.expected)),
            ("moved", points_moved(total, lang)),
        ],
    );
    // Older or smaller outcomes' shares, together, whenever some were left out of the list.
    let listed = view.why.len() as u32;
    let others = view.kept + view.broken + view.let_go;
    let why_rest = (others > listed && (rest != 0 || view.why_rest.abs() >= 0.0005))
        .then(|| lang.t_with("record-why-rest", &[("moved", points_moved(rest, lang))]));
    let domains = direction
        .domains
        .iter()
        .map(|domain| {
            let name = domain
                .key
                .domain
                .as_ref()
                .map(|d| d.as_str().to_owned())
                .unwrap_or_default();
            let counts = counts(domain, lang);
            if domain.certainty.shows_estimate() {
                lang.t_with(
                    "record-domain-line",
                    &[
                        ("domain", name),
                        ("percent", percent(domain.opinion.expected)),
                        ("lower", percent(domain.opinion.lower)),
                        ("upper", percent(domain.opinion.upper)),
                        (
                            "certainty",
                            lang.t(&format!(
                                "record-certainty-short-{}",
                                domain.certainty.as_str()
                            )),
                        ),
                        ("counts", counts),
                    ],
                )
            } else {
                lang.t_with(
                    "record-domain-too-early",
                    &[("domain", name), ("counts", counts)],
                )
            }
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
        headline: headline(view, lang),
        too_early: !view.certainty.shows_estimate(),
        certainty: lang.t(&format!("record-certainty-{}", view.certainty.as_str())),
        counts: counts(view, lang),
        change,
        why_rest,
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

/// One part of "how the record is worked out": a heading and its words.
pub(crate) struct HowPart {
    id: &'static str,
    heading: String,
    text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "record_how.html")]
pub(crate) struct RecordHowPage {
    chrome: Chrome,
    space_href: String,
    space_name: String,
    record_href: String,
    parts: Vec<HowPart>,
}

/// How the record is worked out: the formula, its parameters (read from the model itself, so the
/// page cannot drift from it) and the research it draws on. The only page that names them.
pub(crate) async fn how(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    Path(space): Path<String>,
) -> Result<RecordHowPage, WebError> {
    let space = parse_space(&space)?;
    // Only a member reaches it, like the record itself.
    promises::open(&state, caller.person, space)
        .await
        .map_err(page_error)?;
    let lang = chrome.lang;
    let p = Params::DEFAULT;
    let days = |d: std::time::Duration| (d.as_secs() / (24 * 60 * 60)).to_string();
    let number = |value: f64| lang.decimal(value);
    let part = |id: &'static str, args: &[(&'static str, String)]| HowPart {
        id,
        heading: lang.t(&format!("record-how-{id}-heading")),
        text: lang.t_with(&format!("record-how-{id}"), args),
    };
    let parts = vec![
        part(
            "evidence",
            &[
                ("kept_one", number(p.kept_weight(1))),
                ("kept_five", number(p.kept_weight(5))),
                ("offset", number(p.breach_offset)),
                ("bonus", number(p.repair_bonus)),
                (
                    "window",
                    (p.repair_window.as_secs() / (7 * 24 * 60 * 60)).to_string(),
                ),
            ],
        ),
        part(
            "decay",
            &[
                ("kept", days(p.half_life_kept)),
                ("broken", days(p.half_life_broken)),
                ("deception", days(p.half_life_deception)),
            ],
        ),
        part(
            "formula",
            &[
                ("w", number(p.prior_weight)),
                ("a", number(p.base_rate)),
                ("low", number(p.band_quantile * 100.0)),
                ("high", number((1.0 - p.band_quantile) * 100.0)),
            ],
        ),
        part(
            "certainty",
            &[
                ("too_early", number(p.too_early_below)),
                ("learning", number(p.learning_below)),
                ("established", number(p.taking_shape_below)),
            ],
        ),
        part("why", &[]),
        part("felt", &[]),
        part("research", &[]),
    ];
    Ok(RecordHowPage {
        space_href: format!("/spaces/{space}"),
        space_name: space_name(&state, space).await?,
        record_href: format!("/spaces/{space}/record"),
        parts,
        chrome,
    })
}
