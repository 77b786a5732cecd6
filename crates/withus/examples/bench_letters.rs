//! How long letters take to make: one tagged PDF letter, and a print batch of many, at standard
//! and large print. Run: `cargo run --example bench_letters [letters]` (add `--release` for the
//! optimised build). Results go in docs/benchmarks.md.

use std::time::Instant;

use withus::i18n::Locale;
use withus::notices::letter_pdf::{LetterContent, render, render_batch};

fn letter(points: u8, n: usize) -> LetterContent {
    LetterContent {
        language: if n.is_multiple_of(5) {
            Locale::Cy
        } else {
            Locale::En
        },
        points,
        sender: vec![
            "Northtown Disabled People's Forum".into(),
            "Unit 4, Riverside Centre".into(),
            "Northtown NT1 4RS".into(),
        ],
        recipient: vec![format!("Person {n}"), "4 Mill Lane".into(), "Northtown NT2 2BB".into()],
        date: "5 December 2026".into(),
        title: "You are invited: Short breaks: what should the new service offer?".into(),
        paragraphs: (0..6)
            .map(|p| {
                format!(
                    "Paragraph {p}. You are invited to a planning day on Monday 4 January at 10:30. \
                     To book a place and tell us what you need, go to https://withus.example/events/{n}/book"
                )
            })
            .collect(),
    }
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    for points in [12u8, 20, 28] {
        let one = letter(points, 1);
        let started = Instant::now();
        let rounds = 20;
        let mut bytes = 0;
        for _ in 0..rounds {
            bytes = render(&one).expect("a letter").len();
        }
        let each = started.elapsed() / rounds;
        let batch: Vec<LetterContent> = (0..count).map(|n| letter(points, n)).collect();
        let started = Instant::now();
        let pdf = render_batch(&batch).expect("a batch");
        let whole = started.elapsed();
        println!(
            "| {points} pt | {:.1} ms ({} KB) | {count} letters: {:.2} s ({:.0} KB, {:.1} ms a letter) |",
            each.as_secs_f64() * 1000.0,
            bytes / 1024,
            whole.as_secs_f64(),
            pdf.len() as f64 / 1024.0,
            whole.as_secs_f64() * 1000.0 / count as f64
        );
    }
}
