//! The `withus select` entry point on good and bad files.
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};

use withus_selection::cli::{CliError, SelectArgs, run_cli};

const FEATURES: &str =
    "feature,value,min,max\ngender,woman,2,3\ngender,man,2,3\nregion,north,1,4\nregion,south,1,4\n";

fn people() -> String {
    let mut s = String::from("id,gender,region,email\n");
    for i in 0..12 {
        s.push_str(&format!(
            "id{i},{},{},x{i}@example.org\n",
            if i % 2 == 0 { "woman" } else { "man" },
            if i % 3 == 0 { "north" } else { "south" }
        ));
    }
    s
}

fn write(dir: &Path, name: &str, body: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, body).unwrap();
    p
}

fn args(dir: &Path, people: &str, features: &str) -> SelectArgs {
    SelectArgs {
        people: write(dir, "people.csv", people),
        features: write(dir, "features.csv", features),
        size: 4,
        id_column: "id".into(),
        seed: Some("7".into()),
        probabilities: Some(dir.join("probabilities.csv")),
        panel: Some(dir.join("panel.csv")),
    }
}

fn run(a: &SelectArgs) -> Result<String, CliError> {
    let mut out = Vec::new();
    run_cli(a, &mut out)?;
    Ok(String::from_utf8(out).unwrap())
}

#[test]
fn writes_probabilities_and_panel_and_repeats_with_the_seed() {
    let dir = tempfile::tempdir().unwrap();
    let a = args(dir.path(), &people(), FEATURES);
    let report = run(&a).unwrap();
    assert!(report.contains("Lowest selection probability"), "{report}");
    let probs = std::fs::read_to_string(dir.path().join("probabilities.csv")).unwrap();
    let lines: Vec<&str> = probs.lines().collect();
    assert_eq!(lines[0], "id,probability");
    assert_eq!(lines.len(), 13);
    let total: f64 = lines[1..]
        .iter()
        .map(|l| l.split(',').nth(1).unwrap().parse::<f64>().unwrap())
        .sum();
    assert!((total - 4.0).abs() < 1e-6);
    let panel = std::fs::read_to_string(dir.path().join("panel.csv")).unwrap();
    assert_eq!(panel.lines().count(), 5);
    run(&a).unwrap();
    let again = std::fs::read_to_string(dir.path().join("panel.csv")).unwrap();
    assert_eq!(panel, again);
}

#[test]
fn accepts_the_older_category_name_headers_and_flex_columns() {
    let dir = tempfile::tempdir().unwrap();
    let old = "category,name,min,max,min_flex,max_flex\ngender,woman,2,3,0,4\ngender,man,2,3,,\nregion,north,1,4,0,4\nregion,south,1,4,0,4\n";
    assert!(run(&args(dir.path(), &people(), old)).is_ok());
}

fn error_text(people: &str, features: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    match run(&args(dir.path(), people, features)) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn unknown_value_names_file_row_and_column() {
    let bad = people().replace("id3,man,north", "id3,man,nowhere");
    let e = error_text(&bad, FEATURES);
    assert!(e.contains("people.csv, row 5, column \"region\""), "{e}");
    assert!(e.contains("\"nowhere\" is not a value of region"), "{e}");
}

#[test]
fn bad_number_names_file_row_and_column() {
    let bad = FEATURES.replace("region,south,1,4", "region,south,one,4");
    let e = error_text(&people(), &bad);
    assert!(e.contains("features.csv, row 5, column \"min\""), "{e}");
}

#[test]
fn min_above_max_is_refused() {
    let bad = FEATURES.replace("gender,man,2,3", "gender,man,3,2");
    let e = error_text(&people(), &bad);
    assert!(
        e.contains("features.csv, row 3, column \"max\": max 2 is below min 3"),
        "{e}"
    );
}

#[test]
fn missing_feature_column_is_named() {
    let bad = people().replace("id,gender,region,email", "id,sex,region,email");
    let e = error_text(&bad, FEATURES);
    assert!(e.contains("people.csv: missing column \"gender\""), "{e}");
}

#[test]
fn missing_id_column_and_duplicate_ids_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = args(dir.path(), &people(), FEATURES);
    a.id_column = "nationbuilder_id".into();
    let e = run(&a).unwrap_err().to_string();
    assert!(e.contains("missing column \"nationbuilder_id\""), "{e}");
    let dup = people().replace("id3,", "id2,");
    let e = error_text(&dup, FEATURES);
    assert!(
        e.contains("row 5, column \"id\": id \"id2\" is already used in row 4"),
        "{e}"
    );
}

#[test]
fn missing_quota_columns_and_files_are_named() {
    let e = error_text(&people(), "feature,value,min\ngender,woman,1\n");
    assert!(e.contains("features.csv: missing column \"max\""), "{e}");
    let dir = tempfile::tempdir().unwrap();
    let mut a = args(dir.path(), &people(), FEATURES);
    a.people = dir.path().join("absent.csv");
    let e = run(&a).unwrap_err().to_string();
    assert!(e.contains("absent.csv: cannot read"), "{e}");
}

#[test]
fn infeasible_quotas_reach_the_user_in_words() {
    let bad = FEATURES.replace("gender,woman,2,3", "gender,woman,4,4");
    let e = error_text(&people(), &bad);
    assert!(e.contains("No panel can meet all the quotas"), "{e}");
    assert!(e.contains("smallest change"), "{e}");
}
