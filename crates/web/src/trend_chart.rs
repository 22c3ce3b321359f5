//! Felt trust over the weeks as a small SVG drawn on the server: each partner's mean of the nine
//! items (0–6) at each completed check-in, the viewer's as a solid line, the partner's as a
//! dashed one, so the two never merge into one number (DESIGN, The trust model).
//!
//! Colours come from classes in `app.css`; the chart carries no user text, and the words it does
//! carry are escaped all the same.

use std::fmt::Write as _;

/// One completed check-in: its place in time order, and each partner's felt trust if known.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Felt {
    pub(crate) mine: Option<f64>,
    pub(crate) partner: Option<f64>,
}

pub(crate) struct TrendText<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
    pub(crate) desc: &'a str,
    pub(crate) first: &'a str,
    pub(crate) last: &'a str,
}

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 180.0;
const LEFT: f64 = 30.0;
const RIGHT: f64 = 310.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 150.0;
const SCALE_MAX: f64 = 6.0;

/// The SVG for `points`, oldest first, evenly spaced (check-ins are weekly, more or less; the
/// dates of the first and last are written under them).
pub(crate) fn render(points: &[Felt], text: &TrendText<'_>) -> String {
    let id = escape(text.id);
    let mut svg = String::with_capacity(2048);
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{id}-title {id}-desc" focusable="false" xmlns="http://www.w3.org/2000/svg">"#
    );
    let _ = write!(
        svg,
        r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(text.title),
        escape(text.desc)
    );
    for value in [0.0, 3.0, 6.0] {
        let y = y_of(value);
        let _ = write!(
            svg,
            r#"<line class="chart-axis" x1="{LEFT}" y1="{y:.1}" x2="{RIGHT}" y2="{y:.1}"/>"#
        );
        let _ = write!(
            svg,
            r#"<text class="chart-label" x="{:.1}" y="{:.1}" text-anchor="end">{value:.0}</text>"#,
            LEFT - 6.0,
            y + 4.0
        );
    }
    let x_of = |i: usize| -> f64 {
        if points.len() <= 1 {
            (LEFT + RIGHT) / 2.0
        } else {
            LEFT + (i as f64) / ((points.len() - 1) as f64) * (RIGHT - LEFT)
        }
    };
    for (class, dashed, pick) in [
        (
            "chart-line",
            false,
            (|f: &Felt| f.mine) as fn(&Felt) -> Option<f64>,
        ),
        ("chart-line-partner", true, |f: &Felt| f.partner),
    ] {
        let placed: Vec<(f64, f64)> = points
            .iter()
            .enumerate()
            .filter_map(|(i, f)| pick(f).map(|v| (x_of(i), y_of(v))))
            .collect();
        if placed.len() > 1 {
            let line: Vec<String> = placed
                .iter()
                .map(|(x, y)| format!("{x:.1},{y:.1}"))
                .collect();
            let dash = if dashed {
                r#" stroke-dasharray="6 4""#
            } else {
                ""
            };
            let _ = write!(
                svg,
                r#"<polyline class="{class}" fill="none"{dash} points="{}"/>"#,
                line.join(" ")
            );
        }
        let dot = if dashed {
            "chart-dot-partner"
        } else {
            "chart-dot"
        };
        for (x, y) in &placed {
            let _ = write!(
                svg,
                r#"<circle class="{dot}" cx="{x:.1}" cy="{y:.1}" r="3.5"/>"#
            );
        }
    }
    let below = BOTTOM + 20.0;
    let _ = write!(
        svg,
        r#"<text class="chart-label" x="{LEFT}" y="{below}" text-anchor="start">{}</text>"#,
        escape(text.first)
    );
    let _ = write!(
        svg,
        r#"<text class="chart-label" x="{RIGHT}" y="{below}" text-anchor="end">{}</text>"#,
        escape(text.last)
    );
    svg.push_str("</svg>");
    svg
}

fn y_of(value: f64) -> f64 {
    let value = if value.is_finite() {
        value.clamp(0.0, SCALE_MAX)
    } else {
        0.0
    };
    BOTTOM - value / SCALE_MAX * (BOTTOM - TOP)
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> TrendText<'static> {
        TrendText {
            id: "felt",
            title: "Felt <trust>",
            desc: "d",
            first: "2026-11-01",
            last: "2026-11-22",
        }
    }

    #[test]
    fn each_partner_gets_a_line_the_partner_dashed() {
        let points = [
            Felt {
                mine: Some(2.0),
                partner: Some(3.0),
            },
            Felt {
                mine: Some(4.0),
                partner: None,
            },
            Felt {
                mine: Some(6.0),
                partner: Some(5.0),
            },
        ];
        let svg = render(&points, &text());
        assert!(svg.contains(r#"<polyline class="chart-line" fill="none" points="30.0,103.3 170.0,56.7 310.0,10.0"/>"#), "{svg}");
        assert!(svg.contains(r#"class="chart-line-partner" fill="none" stroke-dasharray="6 4" points="30.0,80.0 310.0,33.3""#), "{svg}");
        assert_eq!(svg.matches("<circle").count(), 5);
        assert!(svg.contains("Felt &lt;trust&gt;"));
        assert!(!svg.contains("style="));
    }

    #[test]
    fn one_check_in_is_a_dot_and_odd_values_stay_inside() {
        let svg = render(
            &[Felt {
                mine: Some(f64::NAN),
                partner: Some(99.0),
            }],
            &text(),
        );
        assert!(!svg.contains("<polyline"));
        assert!(svg.contains(r#"cy="150.0""#) && svg.contains(r#"cy="10.0""#));
    }
}
