//! Bar charts drawn on the server: an SVG image with a title and a description, each bar labelled
//! with its count so nothing relies on colour, always shown beside a table of the same counts
//! (`web/templates/chart.html`).

/// One bar: its label, the count as shown, and where it is drawn.
pub struct Bar {
    pub label: String,
    /// The count as shown (a number, or words such as "fewer than 10").
    pub shown: String,
    pub width: i64,
    pub y: i64,
    pub text_y: i64,
    pub text_x: i64,
}

/// A chart and the table beside it.
pub struct Chart {
    /// Unique on the page: the SVG's title and description ids start with it.
    pub id: String,
    pub title: String,
    pub desc: String,
    pub bars: Vec<Bar>,
    pub width: i64,
    pub height: i64,
}

/// One row of a chart: its label, its count (none when it is not shown, drawn as no bar) and the
/// count as shown.
pub struct Row {
    pub label: String,
    pub count: Option<i64>,
    pub shown: String,
}

const WIDTH: i64 = 640;
const BAR_MAX: i64 = 420;
const ROW: i64 = 56;

impl Chart {
    pub fn new(id: String, title: String, rows: Vec<Row>) -> Chart {
        let max = rows
            .iter()
            .filter_map(|r| r.count)
            .max()
            .unwrap_or(0)
            .max(1);
        let bars: Vec<Bar> = rows
            .into_iter()
            .enumerate()
            .map(|(n, row)| {
                let width = row.count.map(|c| c.max(0) * BAR_MAX / max).unwrap_or(0);
                let y = n as i64 * ROW + 24;
                Bar {
                    label: row.label,
                    shown: row.shown,
                    width,
                    y,
                    text_y: y + 15,
                    text_x: width + 8,
                }
            })
            .collect();
        let desc = bars
            .iter()
            .map(|b| format!("{}: {}", b.label, b.shown))
            .collect::<Vec<_>>()
            .join("; ");
        Chart {
            id,
            title,
            desc,
            height: bars.len() as i64 * ROW + 8,
            width: WIDTH,
            bars,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_scaled_to_the_largest_and_zero_draws_nothing() {
        let row = |label: &str, count: i64| Row {
            label: label.into(),
            count: Some(count),
            shown: count.to_string(),
        };
        let chart = Chart::new(
            "c".into(),
            "Title".into(),
            vec![row("a", 4), row("b", 2), row("c", 0)],
        );
        let widths: Vec<i64> = chart.bars.iter().map(|b| b.width).collect();
        assert_eq!(widths, [BAR_MAX, BAR_MAX / 2, 0]);
        assert_eq!(chart.desc, "a: 4; b: 2; c: 0");
        assert_eq!(chart.height, 3 * ROW + 8);
    }
}
