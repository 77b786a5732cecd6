//! The draw, infeasible quotas, rotation and inclusion rules.

mod common;

use sha2::{Digest, Sha256};
use withus_selection::{
    Conflict, DrawRecord, Inclusion, PersonId, PersonSpec, ProblemBuilder, Quota, SeedStream,
    SelectError, Settings, check_feasible, select,
};

use common::random_problem;

#[test]
fn same_seed_gives_same_panel_and_other_seeds_vary() {
    let problem = random_problem(3, 60, 10, 3);
    let sel = select(&problem, &Settings::default()).unwrap();
    let a = sel.draw("lottery 2026-11-23: 4 17 23 31 42 48");
    let b = sel.draw("lottery 2026-11-23: 4 17 23 31 42 48");
    assert_eq!(a.selected, b.selected);
    assert_eq!(a.selected.len(), 10);
    assert!(a.verify());
    let distinct: std::collections::HashSet<_> = (0..20)
        .map(|i| sel.draw(&format!("seed {i}")).selected)
        .collect();
    assert!(distinct.len() > 5, "draws barely vary: {}", distinct.len());
}

#[test]
fn the_draw_record_survives_json_and_detects_tampering() {
    let problem = random_problem(4, 30, 6, 2);
    let record = select(&problem, &Settings::default()).unwrap().draw("42");
    let json = serde_json::to_string(&record).unwrap();
    let back: DrawRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back, record);
    assert!(back.verify());
    let mut forged = back.clone();
    forged.selected[0] = PersonId("someone-else".into());
    assert!(!forged.verify());
}

#[test]
fn seed_stream_follows_the_published_procedure() {
    let mut s = SeedStream::new("abc");
    let mut h = Sha256::new();
    h.update(b"withus-selection-draw-v1");
    h.update([0u8]);
    h.update(b"abc");
    h.update([0u8]);
    h.update(0u64.to_be_bytes());
    let d = h.finalize();
    let first = u64::from_be_bytes(d[0..8].try_into().unwrap());
    let second = u64::from_be_bytes(d[8..16].try_into().unwrap());
    assert_eq!(s.next_u64(), first);
    assert_eq!(s.next_u64(), second);
    let mut t = SeedStream::new("abc");
    for _ in 0..100 {
        assert!(t.below(7) < 7);
    }
}

#[test]
fn draws_follow_the_lottery_probabilities() {
    // 4 people, 1 seat, no constraint beyond a trivial quota: each 1/4.
    let mut b = ProblemBuilder::new(1);
    b.quota("g", "x", Quota::new(0, 1))
        .quota("g", "y", Quota::new(0, 1));
    for (id, v) in [("a", "x"), ("b", "x"), ("c", "y"), ("d", "y")] {
        b.simple_person(id, &[("g", v)]);
    }
    let sel = select(&b.build().unwrap(), &Settings::default()).unwrap();
    let mut counts = std::collections::HashMap::new();
    for i in 0..4000 {
        *counts
            .entry(sel.draw(&i.to_string()).selected[0].clone())
            .or_insert(0) += 1;
    }
    for (_, c) in counts {
        assert!((850..1150).contains(&c), "count {c} far from 1000");
    }
}

#[test]
fn infeasible_quotas_are_explained_with_the_smallest_relaxation() {
    let mut b = ProblemBuilder::new(4);
    b.quota("gender", "woman", Quota::new(3, 4))
        .quota("gender", "man", Quota::new(3, 4));
    for i in 0..10 {
        b.simple_person(
            &format!("p{i}"),
            &[("gender", if i % 2 == 0 { "woman" } else { "man" })],
        );
    }
    let problem = b.build().unwrap();
    let err = match select(&problem, &Settings::default()) {
        Err(SelectError::Infeasible(e)) => e,
        other => panic!("expected infeasible, got {other:?}"),
    };
    assert!(err.conflicts.contains(&Conflict::MinimumsTooHigh {
        feature: "gender".into(),
        total_min: 6,
        panel_size: 4,
    }));
    let changes = err.relaxation.clone().expect("a relaxation exists");
    let lowered: u32 = changes.iter().map(|c| c.old_min - c.new_min).sum();
    assert_eq!(
        lowered, 2,
        "smallest relaxation lowers minimums by 2 in total: {changes:?}"
    );
    let text = err.to_string();
    assert!(text.contains("minimums for gender add up to 6"), "{text}");
    assert!(text.contains("lower the minimum"), "{text}");

    // Applying the suggested relaxation makes the quotas feasible.
    let mut fixed = ProblemBuilder::new(4);
    for f in problem.features() {
        for v in &f.values {
            let mut q = v.quota;
            if let Some(c) = changes
                .iter()
                .find(|c| c.feature == f.name && c.value == v.name)
            {
                q.min = c.new_min;
                q.max = c.new_max;
            }
            fixed.quota(&f.name, &v.name, q);
        }
    }
    for (i, p) in problem.people().iter().enumerate() {
        fixed.simple_person(&p.id.0, &[("gender", problem.value_name(i, 0))]);
    }
    assert!(check_feasible(&fixed.build().unwrap()).is_ok());
}

#[test]
fn conflicts_across_features_are_explained() {
    // Every woman is young and every man old: "2 women" and "3 old" with 4
    // seats cannot both hold, although each feature alone is fine.
    let mut b = ProblemBuilder::new(4);
    b.quota("gender", "woman", Quota::new(2, 4))
        .quota("gender", "man", Quota::new(0, 4))
        .quota("age", "young", Quota::new(0, 4))
        .quota("age", "old", Quota::new(3, 4));
    for i in 0..8 {
        let (g, a) = if i < 4 {
            ("woman", "young")
        } else {
            ("man", "old")
        };
        b.simple_person(&format!("p{i}"), &[("gender", g), ("age", a)]);
    }
    let err = match check_feasible(&b.build().unwrap()) {
        Err(SelectError::Infeasible(e)) => e,
        other => panic!("expected infeasible, got {other:?}"),
    };
    assert_eq!(err.conflicts, vec![Conflict::Combination]);
    let changes = err.relaxation.clone().expect("relaxation");
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert!(err.to_string().contains("cannot all be met"));
}

#[test]
fn minimum_above_available_people_is_named() {
    let mut b = ProblemBuilder::new(3);
    b.quota("region", "wales", Quota::new(2, 3))
        .quota("region", "england", Quota::new(0, 3));
    b.simple_person("a", &[("region", "wales")]);
    for i in 0..5 {
        b.simple_person(&format!("e{i}"), &[("region", "england")]);
    }
    let err = match check_feasible(&b.build().unwrap()) {
        Err(SelectError::Infeasible(e)) => e,
        other => panic!("expected infeasible, got {other:?}"),
    };
    assert!(
        err.to_string()
            .contains("wales needs at least 2, but only 1 people in the pool have it")
    );
}

fn uniform_pool(weights: &[(usize, f64)]) -> withus_selection::SelectionProblem {
    let mut b = ProblemBuilder::new(5);
    b.quota("g", "a", Quota::new(2, 3))
        .quota("g", "b", Quota::new(2, 3));
    for i in 0..20 {
        let w = weights.iter().find(|(j, _)| *j == i).map(|(_, w)| *w);
        b.person(PersonSpec {
            id: format!("p{i:02}"),
            values: vec![("g".into(), if i % 2 == 0 { "a" } else { "b" }.into())],
            weight: w,
            ..Default::default()
        });
    }
    b.build().unwrap()
}

#[test]
fn rotation_weights_lower_recently_selected_people() {
    let base = select(&uniform_pool(&[]), &Settings::default()).unwrap();
    // p00 and p02 were selected recently (weight ½); p04 never (weight 2).
    let rotated = select(
        &uniform_pool(&[(0, 0.5), (2, 0.5), (4, 2.0)]),
        &Settings::default(),
    )
    .unwrap();
    let p =
        |s: &withus_selection::Selection, id: &str| s.probability_of(&PersonId(id.into())).unwrap();
    assert!((p(&base, "p00") - 0.25).abs() < 1e-6);
    assert!(
        p(&rotated, "p00") < 0.8 * p(&base, "p00"),
        "{}",
        p(&rotated, "p00")
    );
    assert!(p(&rotated, "p04") > 1.2 * p(&base, "p04"));
    // Within the leximin on p/w, a weight-½ person gets half an unweighted one's share.
    assert!((p(&rotated, "p00") * 2.0 - p(&rotated, "p06")).abs() < 1e-4);
    let total: f64 = rotated.probabilities.iter().map(|x| x.probability).sum();
    assert!((total - 5.0).abs() < 1e-6);
}

#[test]
fn must_include_exclude_and_households_are_respected() {
    let mut b = ProblemBuilder::new(4);
    b.quota("g", "a", Quota::new(1, 3))
        .quota("g", "b", Quota::new(1, 3));
    for i in 0..12 {
        b.person(PersonSpec {
            id: format!("p{i:02}"),
            values: vec![("g".into(), if i % 2 == 0 { "a" } else { "b" }.into())],
            group: (i < 3).then(|| "flat 1".to_owned()),
            inclusion: match i {
                5 => Inclusion::MustInclude,
                6 => Inclusion::MustExclude,
                _ => Inclusion::Eligible,
            },
            ..Default::default()
        });
    }
    let sel = select(&b.build().unwrap(), &Settings::default()).unwrap();
    let p = |id: &str| sel.probability_of(&PersonId(id.into())).unwrap();
    assert!((p("p05") - 1.0).abs() < 1e-9);
    assert_eq!(p("p06"), 0.0);
    let household = p("p00") + p("p01") + p("p02");
    assert!(household <= 1.0 + 1e-9);
    for i in 0..50 {
        let drawn = sel.draw(&i.to_string()).selected;
        assert!(drawn.contains(&PersonId("p05".into())));
        assert!(!drawn.contains(&PersonId("p06".into())));
        let in_flat = drawn
            .iter()
            .filter(|id| ["p00", "p01", "p02"].contains(&id.0.as_str()))
            .count();
        assert!(in_flat <= 1);
    }
}

/// Run statistics stored by an older version (without the newer counters)
/// still read back.
#[test]
fn run_stats_from_older_json_still_parse() {
    let old = r#"{"levels":3,"panels_generated":10,"lp_solves":4,"lp_seconds":0.1,
        "mip_solves":2,"mip_seconds":0.2,"heuristic_columns":1,"initial_seconds":0.0,
        "total_seconds":0.5,"types":7}"#;
    let stats: withus_selection::RunStats = serde_json::from_str(old).expect("parses");
    assert_eq!(stats.levels, 3);
    assert_eq!(stats.lp_pivots, 0);
}

#[test]
fn people_certain_to_be_chosen_are_fixed_in_one_level() {
    // Every "a" must sit (3 of 3); the "b"s share 2 seats (2/3 each).
    // Once the "b"s are fixed, the three "a" types all reach 1 together.
    let mut b = ProblemBuilder::new(5);
    b.quota("need", "a", Quota::new(3, 3))
        .quota("need", "b", Quota::new(2, 2));
    for area in ["x", "y", "z"] {
        b.quota("area", area, Quota::new(0, 5));
    }
    for (id, need, area) in [
        ("a1", "a", "x"),
        ("a2", "a", "y"),
        ("a3", "a", "z"),
        ("b1", "b", "x"),
        ("b2", "b", "y"),
        ("b3", "b", "z"),
    ] {
        b.simple_person(id, &[("need", need), ("area", area)]);
    }
    let sel = select(&b.build().unwrap(), &Settings::default()).unwrap();
    for id in ["a1", "a2", "a3"] {
        let p = sel.probability_of(&PersonId(id.into())).unwrap();
        assert!((p - 1.0).abs() < 1e-6, "{id}: {p}");
    }
    for id in ["b1", "b2", "b3"] {
        let p = sel.probability_of(&PersonId(id.into())).unwrap();
        assert!((p - 2.0 / 3.0).abs() < 1e-6, "{id}: {p}");
    }
    assert_eq!(sel.stats.levels, 2);
}
