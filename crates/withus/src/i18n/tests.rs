//! The catalogue test: every key used in code or templates exists in both languages, and every key in
//! a catalogue is used somewhere.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{Arg, Locale};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn catalogue_keys(locale: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(crate_dir().join("locales").join(locale)).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
            if let (true, Some((key, _))) = (starts_message, line.split_once(" =")) {
                keys.insert(key.trim().to_owned());
            }
        }
    }
    keys
}

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
            out.push(path);
        }
    }
}

/// Every quoted string in the Rust sources that looks like a message key (keys held in tables).
fn quoted_strings() -> BTreeSet<String> {
    let mut files = Vec::new();
    source_files(&crate_dir().join("src"), &mut files);
    let mut found = BTreeSet::new();
    for file in files
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "rs"))
    {
        let text = std::fs::read_to_string(&file).unwrap();
        for piece in text.split('"').skip(1).step_by(2) {
            if !piece.is_empty()
                && piece
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                found.insert(piece.to_owned());
            }
        }
    }
    found
}

/// Keys passed literally to a translation call (`page.t(KEY)`, `locale.t_args(KEY, …)`) in Rust and templates.
fn keys_used_in_calls() -> BTreeSet<String> {
    let mut files = Vec::new();
    source_files(&crate_dir().join("src"), &mut files);
    let mut used = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for marker in [".t(\"", ".t_args(\""] {
            for piece in text.split(marker).skip(1) {
                if let Some(end) = piece.find('"') {
                    used.insert(piece[..end].to_owned());
                }
            }
        }
    }
    used
}

/// Quoted strings in the Rust sources shaped like an error or problem message key
/// (`engagement-error-openness`, `import-problem-phone`): keys handed to error constructors such as
/// `p.choice(field, value, KEY)` or `errors.add(field, KEY)` rather than to `t()`. Two-part strings
/// (`name-error`) are element ids, not keys.
fn error_keys_in_code() -> BTreeSet<String> {
    let mut files = Vec::new();
    source_files(&crate_dir().join("src"), &mut files);
    let mut found = BTreeSet::new();
    for file in files
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "rs"))
    {
        let text = std::fs::read_to_string(&file).unwrap();
        for piece in text.split('"').skip(1).step_by(2) {
            let parts: Vec<&str> = piece.split('-').collect();
            let key_shaped = parts.len() >= 3
                && parts.iter().all(|p| {
                    !p.is_empty()
                        && p.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                });
            if key_shaped && parts[1..].iter().any(|p| *p == "error" || *p == "problem") {
                found.insert(piece.to_owned());
            }
        }
    }
    found
}

#[test]
fn every_error_key_in_code_exists() {
    let en = catalogue_keys("en");
    let cy = catalogue_keys("cy");
    let missing: Vec<_> = error_keys_in_code()
        .into_iter()
        .filter(|k| !en.contains(k) || !cy.contains(k))
        .collect();
    assert!(
        missing.is_empty(),
        "error message keys in code but not in both catalogues: {missing:?}"
    );
}

#[test]
fn english_and_welsh_have_the_same_keys() {
    let en = catalogue_keys("en");
    let cy = catalogue_keys("cy");
    let missing_in_welsh: Vec<_> = en.difference(&cy).collect();
    let missing_in_english: Vec<_> = cy.difference(&en).collect();
    assert!(
        missing_in_welsh.is_empty(),
        "keys missing from locales/cy: {missing_in_welsh:?}"
    );
    assert!(
        missing_in_english.is_empty(),
        "keys missing from locales/en: {missing_in_english:?}"
    );
}

#[test]
fn every_key_used_exists() {
    let en = catalogue_keys("en");
    let missing: Vec<_> = keys_used_in_calls()
        .into_iter()
        .chain(crate::register::domain::generated_message_keys())
        .chain(crate::engagements::domain::generated_message_keys())
        .chain(crate::access_plan::generated_message_keys())
        .chain(crate::events::domain::generated_message_keys())
        .chain(crate::notices::generated_message_keys())
        .chain(crate::contributions::domain::generated_message_keys())
        .chain(crate::surveys::domain::generated_message_keys())
        .chain(crate::recommendations::domain::generated_message_keys())
        .chain(crate::accountability::generated_message_keys())
        .chain(crate::payments::generated_message_keys())
        .chain(crate::payments::expenses::domain::generated_message_keys())
        .filter(|k| !en.contains(k))
        .collect();
    assert!(
        missing.is_empty(),
        "keys used in code but not in the catalogue: {missing:?}"
    );
}

#[test]
fn every_key_in_the_catalogue_is_used() {
    let mut quoted = quoted_strings();
    quoted.extend(keys_used_in_calls());
    quoted.extend(crate::register::domain::generated_message_keys());
    quoted.extend(crate::engagements::domain::generated_message_keys());
    quoted.extend(crate::access_plan::generated_message_keys());
    quoted.extend(crate::events::domain::generated_message_keys());
    quoted.extend(crate::notices::generated_message_keys());
    quoted.extend(crate::contributions::domain::generated_message_keys());
    quoted.extend(crate::surveys::domain::generated_message_keys());
    quoted.extend(crate::recommendations::domain::generated_message_keys());
    quoted.extend(crate::accountability::generated_message_keys());
    quoted.extend(crate::payments::generated_message_keys());
    quoted.extend(crate::payments::expenses::domain::generated_message_keys());
    let unused: Vec<_> = catalogue_keys("en")
        .into_iter()
        .filter(|k| !quoted.contains(k))
        .collect();
    assert!(
        unused.is_empty(),
        "catalogue keys never used in code or templates: {unused:?}"
    );
}

#[test]
fn welsh_uses_all_six_plural_forms() {
    let forms: Vec<String> = [0i64, 1, 2, 3, 6, 10]
        .into_iter()
        .map(|n| Locale::Cy.t_args("audit-entry-count", &[("count", Arg::Number(n))]))
        .collect();
    // Compare the words around the number: Welsh needs a different form for each of these counts.
    let words: BTreeSet<String> = forms
        .iter()
        .map(|f| f.chars().filter(|c| !c.is_ascii_digit()).collect())
        .collect();
    assert_eq!(
        words.len(),
        6,
        "Welsh plural forms should all differ: {forms:?}"
    );
    assert_eq!(
        Locale::En.t_args("audit-entry-count", &[("count", Arg::Number(1))]),
        "1 entry"
    );
    assert_eq!(
        Locale::En.t_args("audit-entry-count", &[("count", Arg::Number(3))]),
        "3 entries"
    );
}

#[test]
fn placeables_carry_no_bidi_marks() {
    let text = Locale::En.t_args("audit-entry-count", &[("count", Arg::Number(2))]);
    assert!(
        !text.contains('\u{2068}') && !text.contains('\u{2069}'),
        "{text:?}"
    );
}
