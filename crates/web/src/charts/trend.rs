//! Felt trust over the weeks as a small SVG drawn on the server: each partner's mean of the nine
//! items (0–6) at each completed check-in, the viewer's as a solid line, the partner's as a
//! dashed one, so the two never merge into one number (docs/PRINCIPLES.md, The trust model).
//!
//! Colours come from classes in `app.css`; the chart carries no user text, and the words it does
//! carry are escaped all the same.

use std::fmt::Write as _;

use crate::charts::record::{self as chart, RIGHT};

/// One completed check-in: its place in time order, and each partner's felt trust if known.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Felt {
    pub(crate) mine: Option<f64>,
    pub(crate) partner: Option<f64>,
}

/// The words around the chart: the record chart's.
pub(crate) use crate::charts::record::ChartText as TrendText;

/// The plot starts further left than the record chart's: the scale's labels are one digit.
const LEFT: f64 = 30.0;
const SCALE_MAX: f64 = 6.0;

/// The SVG for `points`, oldest first, evenly spaced (check-ins are weekly, more or less; the
/// dates of the first and last are written under them).
pub(crate) fn render(points: &[Felt], text: &TrendText<'_>) -> String {
    let mut svg = chart::open(text);
    for value in [0.0, 3.0, 6.0] {
        chart::scale_mark(&mut svg, LEFT, y_of(value), &format!("{value:.0}"), true);
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
            let dash = if dashed {
                r#" stroke-dasharray="6 4""#
            } else {
                ""
            };
            let _ = write!(
                svg,
                r#"<polyline class="{class}" fill="none"{dash} points="{}"/>"#,
                chart::polyline_points(placed.iter().copied())
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
    chart::close(svg, LEFT, text)
}

fn y_of(value: f64) -> f64 {
    chart::height(value, SCALE_MAX, 0.0)
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
