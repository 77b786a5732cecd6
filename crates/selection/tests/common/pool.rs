//! Generated pools in the shape of `scripts/bench-selection/generate.py`
//! (the same features, shares, self-selection biases and age shifts), with
//! a deterministic generator of its own so instances reproduce from their
//! seed in Rust alone. Shared by the sweep test and the long-sweep example.

#![allow(dead_code)]

use withus_selection::{PersonSpec, ProblemBuilder, Quota, SelectionProblem};

/// name → (value, population share, self-selection bias)
type FeatureTable = [(&'static str, &'static [(&'static str, f64, f64)])];

const FEATURES: &FeatureTable = &[
    (
        "age",
        &[
            ("16-24", 0.14, 0.5),
            ("25-34", 0.17, 0.8),
            ("35-44", 0.16, 1.0),
            ("45-54", 0.17, 1.2),
            ("55-64", 0.15, 1.5),
            ("65-74", 0.12, 1.6),
            ("75+", 0.09, 0.7),
        ],
    ),
    (
        "gender",
        &[
            ("woman", 0.51, 1.2),
            ("man", 0.48, 0.9),
            ("other", 0.01, 1.5),
        ],
    ),
    (
        "ethnicity",
        &[
            ("white", 0.82, 1.1),
            ("asian", 0.09, 0.6),
            ("black", 0.04, 0.6),
            ("mixed", 0.03, 0.8),
            ("other", 0.02, 0.5),
        ],
    ),
    (
        "impairment",
        &[
            ("mobility", 0.25, 1.2),
            ("sensory", 0.12, 0.9),
            ("learning", 0.08, 0.5),
            ("mental-health", 0.22, 1.0),
            ("long-term-condition", 0.20, 1.1),
            ("neurodivergent", 0.08, 1.3),
            ("other", 0.05, 0.8),
        ],
    ),
    (
        "region",
        &[
            ("north-east", 0.04, 0.8),
            ("north-west", 0.11, 0.9),
            ("yorkshire", 0.08, 0.9),
            ("east-midlands", 0.07, 1.0),
            ("west-midlands", 0.09, 0.9),
            ("east", 0.09, 1.0),
            ("london", 0.13, 1.3),
            ("south-east", 0.14, 1.2),
            ("south-west", 0.09, 1.2),
            ("wales", 0.05, 1.1),
            ("scotland", 0.08, 1.0),
            ("northern-ireland", 0.03, 0.6),
        ],
    ),
    ("carer", &[("yes", 0.18, 1.3), ("no", 0.82, 1.0)]),
    (
        "employment",
        &[
            ("employed", 0.45, 0.8),
            ("unemployed", 0.08, 1.0),
            ("retired", 0.22, 1.4),
            ("student", 0.07, 0.7),
            ("unable-to-work", 0.18, 1.1),
        ],
    ),
    ("lgbtq", &[("yes", 0.07, 1.4), ("no", 0.93, 1.0)]),
    (
        "communication",
        &[
            ("none", 0.80, 1.0),
            ("bsl", 0.03, 0.6),
            ("easy-read", 0.10, 0.7),
            ("other", 0.07, 0.9),
        ],
    ),
    ("benefits", &[("yes", 0.45, 1.0), ("no", 0.55, 1.0)]),
    ("area", &[("urban", 0.82, 1.1), ("rural", 0.18, 0.8)]),
    (
        "housing",
        &[
            ("owner", 0.55, 1.3),
            ("social-rent", 0.20, 0.7),
            ("private-rent", 0.20, 0.8),
            ("other", 0.05, 0.6),
        ],
    ),
];

/// Features whose distribution depends on the age band `a`.
fn age_shift(feature: &str, a: usize, v: &str) -> f64 {
    let x = a as f64;
    match (feature, v) {
        ("impairment", "learning") if a < 2 => 1.6,
        ("impairment", "learning") => 0.7,
        ("impairment", "mobility") => 0.5 + 0.25 * x,
        ("carer", "yes") if a < 5 => 0.5 + 0.3 * x,
        ("employment", "retired") if a < 4 => 0.01,
        ("employment", "retired") if a == 4 => 1.0,
        ("employment", "retired") => 8.0,
        ("employment", "student") if a == 0 => 5.0,
        ("employment", "student") => 0.1,
        ("employment", "employed") if (1..=4).contains(&a) => 1.2,
        ("employment", "employed") => 0.1,
        ("lgbtq", "yes") => 2.0 - 0.25 * x,
        _ => 1.0,
    }
}

/// `standard`: loose quotas (margin 0.1, slack 1), bias power 1; `hard`:
/// quotas at the population share with no margin, bias power 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Standard,
    Hard,
}

/// One generated instance.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub kind: Kind,
    pub n: usize,
    pub k: u32,
    /// Number of features (categories), 1–12.
    pub m: usize,
    pub seed: u64,
    /// Self-selection bias power (the kind's default: 1 standard, 2 hard).
    pub bias: f64,
}

impl std::fmt::Display for Shape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.kind {
            Kind::Standard => "standard",
            Kind::Hard => "hard",
        };
        write!(
            f,
            "{kind} {}/{}/m{} seed {} bias {}",
            self.n, self.k, self.m, self.seed, self.bias
        )
    }
}

/// SplitMix64: tiny and deterministic.
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

fn pick<'a>(rng: &mut SplitMix, items: &[(&'a str, f64)]) -> &'a str {
    let total: f64 = items.iter().map(|i| i.1).sum();
    let mut r = rng.unit() * total;
    for (v, w) in items {
        r -= w;
        if r <= 0.0 {
            return v;
        }
    }
    items[items.len() - 1].0
}

/// The pool and quotas of `shape`, as `generate.py` builds them.
pub fn generate(shape: &Shape) -> SelectionProblem {
    let (margin, slack) = match shape.kind {
        Kind::Standard => (0.1, 1.0),
        Kind::Hard => (0.0, 0.0),
    };
    let mut rng = SplitMix(shape.seed ^ 0x5EED_0000_0000_0000);
    let feats = &FEATURES[..shape.m.min(FEATURES.len())];
    let mut people: Vec<Vec<&str>> = Vec::with_capacity(shape.n);
    for _ in 0..shape.n {
        let mut row = Vec::with_capacity(feats.len());
        let mut age = None;
        for (name, values) in feats {
            let items: Vec<(&str, f64)> = values
                .iter()
                .map(|(v, share, bias)| {
                    let mut w = share * bias.powf(shape.bias);
                    if let Some(a) = age {
                        w *= age_shift(name, a, v);
                    }
                    (*v, w)
                })
                .collect();
            let val = pick(&mut rng, &items);
            if *name == "age" {
                age = values.iter().position(|(v, _, _)| *v == val);
            }
            row.push(val);
        }
        people.push(row);
    }
    let k = shape.k as f64;
    let mut b = ProblemBuilder::new(shape.k);
    for (f, (name, values)) in feats.iter().enumerate() {
        for (v, share, _) in values.iter() {
            let t = k * share;
            let mut lo = ((t - margin * t).floor() - slack).max(0.0) as u32;
            let hi = ((t + margin * t).ceil() + slack).min(k) as u32;
            if !people.iter().any(|p| p[f] == *v) {
                lo = 0;
            }
            b.quota(name, v, Quota::new(lo, hi));
        }
    }
    for (i, p) in people.iter().enumerate() {
        b.person(PersonSpec {
            id: format!("p{i:05}"),
            values: feats
                .iter()
                .zip(p)
                .map(|((name, _), v)| (name.to_string(), v.to_string()))
                .collect(),
            ..Default::default()
        });
    }
    b.build().expect("generated quotas are well formed")
}

/// Ranges to draw shapes from (inclusive).
#[derive(Debug, Clone, Copy)]
pub struct Ranges {
    pub n: (usize, usize),
    pub k: (u32, u32),
    pub m: (usize, usize),
}

/// `count` shapes drawn from `seed`: kinds alternate (hard first), sizes
/// uniform in `ranges`, bias powers 1–3 in steps of ½.
pub fn sample_shapes(seed: u64, count: usize, ranges: Ranges) -> Vec<Shape> {
    let mut rng = SplitMix(seed);
    let mut between = |lo: u64, hi: u64| lo + rng.below(hi - lo + 1);
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let kind = if i % 2 == 0 {
            Kind::Hard
        } else {
            Kind::Standard
        };
        let n = between(ranges.n.0 as u64, ranges.n.1 as u64) as usize;
        let k = between(ranges.k.0 as u64, ranges.k.1 as u64) as u32;
        let m = between(ranges.m.0 as u64, ranges.m.1 as u64) as usize;
        let bias = 1.0 + 0.5 * between(0, 4) as f64;
        let seed = between(0, 999_999);
        out.push(Shape {
            kind,
            n,
            k,
            m,
            seed,
            bias,
        });
    }
    out
}
