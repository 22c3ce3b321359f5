//! The reliability record over time as a small SVG drawn on the server (docs/PRINCIPLES.md,
//! principle 7: pages made on the server, no script needed): the expected value as a line, its credible band as a shaded
//! area, the 50 % base rate as a dashed guide, and the first and last date under it.
//!
//! Colours come from classes in `app.css` (the content security policy allows no inline styles),
//! so the chart follows the light and dark themes. It carries no user text; the words it does
//! carry (title, description, dates) are escaped all the same.

use std::fmt::Write as _;

use steadfast_core::record::Point;

/// The words around a chart, already in the person's language.
pub(crate) struct ChartText<'a> {
    /// Makes the ids of the title and description unique on a page with several charts.
    pub(crate) id: &'a str,
    /// A short name, read first by screen readers.
    pub(crate) title: &'a str,
    /// What the chart shows, in a sentence or two.
    pub(crate) desc: &'a str,
    /// The dates under the first and the last point.
    pub(crate) first: &'a str,
    pub(crate) last: &'a str,
}

/// The view box, shared by every chart so they sit alike on a page.
const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 180.0;
/// The plot area: room on the left for the scale's labels, below for the dates. Only the left
/// edge differs between charts (it depends on how wide the labels are).
const LEFT: f64 = 40.0;
pub(crate) const RIGHT: f64 = 310.0;
pub(crate) const TOP: f64 = 10.0;
pub(crate) const BOTTOM: f64 = 150.0;
/// More dots than this would blur into the line.
const MAX_DOTS: usize = 40;

/// The SVG for `series` (oldest first). An empty series draws the frame and the guide only; a
/// single point is drawn across the whole width, as where the record stands.
pub(crate) fn render(series: &[Point], text: &ChartText<'_>) -> String {
    let mut points: Vec<Point> = series.to_vec();
    points.sort_by_key(|p| p.at);
    let mut svg = open(text);
    for (value, label) in [(0.0, "0%"), (0.5, "50%"), (1.0, "100%")] {
        scale_mark(&mut svg, LEFT, y_of(value), label, value != 0.5);
    }
    let placed = place(&points);
    let guide = y_of(0.5);
    let guide = format!(
        r#"<line class="chart-guide" x1="{LEFT}" y1="{guide:.1}" x2="{RIGHT}" y2="{guide:.1}" stroke-dasharray="4 4"/>"#
    );
    if placed.is_empty() {
        svg.push_str(&guide);
    } else {
        let mut band = String::new();
        for (i, (x, p)) in placed.iter().enumerate() {
            let step = if i == 0 { 'M' } else { 'L' };
            let _ = write!(band, "{step}{x:.1},{:.1} ", y_of(p.upper));
        }
        for (x, p) in placed.iter().rev() {
            let _ = write!(band, "L{x:.1},{:.1} ", y_of(p.lower));
        }
        band.push('Z');
        let _ = write!(svg, r#"<path class="chart-band" d="{band}"/>"#);
        // Over the band, so the base rate stays visible inside it.
        svg.push_str(&guide);
        let line = polyline_points(placed.iter().map(|(x, p)| (*x, y_of(p.expected))));
        let _ = write!(
            svg,
            r#"<polyline class="chart-line" fill="none" points="{line}"/>"#
        );
        // A dot on each day with evidence; a record of one value gets its dot at "now".
        let spread = points.first().map(|p| p.at) != points.last().map(|p| p.at);
        let dots: Vec<&(f64, Point)> = if spread {
            placed.iter().collect()
        } else {
            placed.last().into_iter().collect()
        };
        if dots.len() <= MAX_DOTS {
            for (x, p) in dots {
                let _ = write!(
                    svg,
                    r#"<circle class="chart-dot" cx="{x:.1}" cy="{:.1}" r="3"/>"#,
                    y_of(p.expected)
                );
            }
        }
    }
    close(svg, LEFT, text)
}

/// The opening of a chart: the view box, and its title and description for screen readers.
pub(crate) fn open(text: &ChartText<'_>) -> String {
    let id = escape(text.id);
    let mut svg = String::with_capacity(2048);
    // Writing to a String cannot fail.
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
    svg
}

/// A mark on the scale at height `y`: its label left of the plot (which starts at `left`), and
/// with `axis` a line across the plot.
pub(crate) fn scale_mark(svg: &mut String, left: f64, y: f64, label: &str, axis: bool) {
    if axis {
        let _ = write!(
            svg,
            r#"<line class="chart-axis" x1="{left}" y1="{y:.1}" x2="{RIGHT}" y2="{y:.1}"/>"#
        );
    }
    let _ = write!(
        svg,
        r#"<text class="chart-label" x="{:.1}" y="{:.1}" text-anchor="end">{label}</text>"#,
        left - 6.0,
        y + 4.0
    );
}

/// The end of a chart: the first and last date under the plot (which starts at `left`).
pub(crate) fn close(mut svg: String, left: f64, text: &ChartText<'_>) -> String {
    let below = BOTTOM + 20.0;
    let _ = write!(
        svg,
        r#"<text class="chart-label" x="{left}" y="{below}" text-anchor="start">{}</text>"#,
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

/// Points as a polyline's `points` attribute.
pub(crate) fn polyline_points(points: impl Iterator<Item = (f64, f64)>) -> String {
    points
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A value from 0 to `max` as a height in the plot; anything not a number sits at `otherwise`.
pub(crate) fn height(value: f64, max: f64, otherwise: f64) -> f64 {
    let value = if value.is_finite() {
        value.clamp(0.0, max)
    } else {
        otherwise
    };
    BOTTOM - value / max * (BOTTOM - TOP)
}

/// Each point with its x; one point spans the whole width. Several at the same instant (a
/// record started and moved within one moment) are spread evenly in their order, so the chart
/// still shows where it started and where it went.
fn place(points: &[Point]) -> Vec<(f64, Point)> {
    match points {
        [] => Vec::new(),
        [only] => vec![(LEFT, *only), (RIGHT, *only)],
        [first, .., last] if first.at == last.at => {
            let step = (RIGHT - LEFT) / (points.len() - 1) as f64;
            points
                .iter()
                .enumerate()
                .map(|(i, p)| (LEFT + step * i as f64, *p))
                .collect()
        }
        _ => points.iter().map(|p| (x_of(p, points), *p)).collect(),
    }
}

fn x_of(point: &Point, points: &[Point]) -> f64 {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return LEFT;
    };
    let span = last.at.as_millis().saturating_sub(first.at.as_millis()) as f64;
    if span <= 0.0 {
        return (LEFT + RIGHT) / 2.0;
    }
    let offset = point.at.as_millis().saturating_sub(first.at.as_millis()) as f64;
    LEFT + (offset / span).clamp(0.0, 1.0) * (RIGHT - LEFT)
}

/// A value from 0 to 1 as a height in the plot; anything not a number sits on the base rate.
fn y_of(value: f64) -> f64 {
    height(value, 1.0, 0.5)
}

/// Text made safe inside SVG markup and attributes.
pub(crate) fn escape(text: &str) -> String {
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
    use steadfast_core::Timestamp;

    use super::*;

    const DAY_MS: i64 = 24 * 60 * 60 * 1000;

    fn point(day: i64, expected: f64, lower: f64, upper: f64) -> Point {
        Point {
            at: Timestamp::from_millis(1_795_000_000_000 + day * DAY_MS),
            expected,
            lower,
            upper,
        }
    }

    fn text() -> ChartText<'static> {
        ChartText {
            id: "chart-a",
            title: "How it went",
            desc: "From 50% to 67%",
            first: "2026-11-18",
            last: "2026-12-01",
        }
    }

    /// The value of `name="…"` in the first element that starts with `element`.
    fn attribute<'a>(svg: &'a str, element: &str, name: &str) -> &'a str {
        let start = svg
            .find(element)
            .unwrap_or_else(|| panic!("{element} in {svg}"));
        let rest = &svg[start..];
        let key = format!(r#" {name}=""#);
        let from = rest.find(&key).unwrap() + key.len();
        let to = rest[from..].find('"').unwrap();
        &rest[from..from + to]
    }

    fn coordinates(list: &str) -> Vec<(f64, f64)> {
        list.split([' ', 'M', 'L', 'Z'])
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (x, y) = pair.split_once(',').unwrap();
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect()
    }

    #[test]
    fn points_map_into_the_plot_area_in_time_order() {
        let series = [
            point(0, 0.5, 0.1, 0.9),
            point(3, 0.7, 0.4, 0.9),
            point(10, 0.2, 0.05, 0.45),
            point(13, 1.0, 1.0, 1.0),
        ];
        let svg = render(&series, &text());
        let line = coordinates(attribute(&svg, "<polyline", "points"));
        assert_eq!(line.len(), 4);
        for &(x, y) in &line {
            assert!((LEFT..=RIGHT).contains(&x), "{x}");
            assert!((TOP..=BOTTOM).contains(&y), "{y}");
        }
        assert_eq!(line[0], (LEFT, 80.0), "the base rate sits half-way");
        assert_eq!(line[3], (RIGHT, TOP), "100% is the top");
        assert!(line.windows(2).all(|w| w[0].0 < w[1].0), "left to right");
        assert!(line[2].1 > line[1].1, "a lower value is drawn lower");
    }

    #[test]
    fn the_band_goes_along_the_upper_bound_and_back_along_the_lower_and_closes() {
        let series = [
            point(0, 0.5, 0.1, 0.9),
            point(5, 0.6, 0.3, 0.8),
            point(9, 0.7, 0.5, 0.85),
        ];
        let svg = render(&series, &text());
        let d = attribute(&svg, r#"<path class="chart-band""#, "d");
        assert!(d.starts_with('M') && d.ends_with('Z'), "{d}");
        let corners = coordinates(d);
        assert_eq!(corners.len(), 6);
        assert_eq!(corners[0].0, corners[5].0, "back where it started");
        assert_eq!(corners[0], (LEFT, y_of(0.9)));
        assert_eq!(corners[5], (LEFT, y_of(0.1)));
        assert!(
            corners[..3]
                .iter()
                .zip(corners[3..].iter().rev())
                .all(|(up, low)| up.1 <= low.1)
        );
    }

    #[test]
    fn an_empty_series_draws_the_frame_and_the_guide_only() {
        let svg = render(&[], &text());
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"class="chart-guide""#));
        assert!(!svg.contains("<polyline") && !svg.contains("chart-band"));
        assert!(svg.contains(r#"role="img""#));
    }

    #[test]
    fn one_point_spans_the_width_as_where_the_record_stands() {
        let svg = render(&[point(0, 0.667, 0.3, 0.95)], &text());
        let line = coordinates(attribute(&svg, "<polyline", "points"));
        assert_eq!(line.len(), 2);
        assert_eq!((line[0].0, line[1].0), (LEFT, RIGHT));
        assert_eq!(line[0].1, line[1].1);
        assert!(attribute(&svg, "<path", "d").ends_with('Z'));
    }

    #[test]
    fn it_names_itself_for_screen_readers_and_carries_no_inline_style() {
        let svg = render(&[point(0, 0.5, 0.1, 0.9)], &text());
        assert_eq!(
            attribute(&svg, "<svg", "aria-labelledby"),
            "chart-a-title chart-a-desc"
        );
        assert!(svg.contains(r#"<title id="chart-a-title">How it went</title>"#));
        assert!(svg.contains(r#"<desc id="chart-a-desc">From 50% to 67%</desc>"#));
        assert!(svg.contains(">2026-11-18</text>") && svg.contains(">2026-12-01</text>"));
        assert!(!svg.contains("style=") && !svg.contains("<script"));
    }

    #[test]
    fn its_words_are_escaped_and_odd_values_stay_inside() {
        let words = ChartText {
            id: "x\"",
            title: "<b>&",
            desc: "'",
            first: "<",
            last: ">",
        };
        let svg = render(&[point(0, f64::NAN, -3.0, 7.0)], &words);
        assert!(svg.contains("&lt;b&gt;&amp;") && svg.contains("&#39;"));
        assert!(!svg.contains("<b>") && !svg.contains(r#"x""#));
        for (_, y) in coordinates(attribute(&svg, "<path", "d")) {
            assert!((TOP..=BOTTOM).contains(&y));
        }
    }
}
