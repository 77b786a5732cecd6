use std::process::Command;

use crate::both;
use crate::helpers::{Backend, fresh_database_url};

fn withus() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_withus"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    command
}

#[test]
fn help_explains_every_command() {
    let output = withus().arg("--help").output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    for command in [
        "serve",
        "demo",
        "migrate",
        "admin",
        "keys",
        "audit",
        "snapshots",
    ] {
        assert!(text.contains(command), "--help mentions {command}:\n{text}");
    }
}

#[test]
fn a_malformed_database_url_is_explained() {
    for (url, hint) in [
        ("mysql://localhost/withus", "postgres://"),
        ("withus.db", "sqlite://"),
        ("", "Leave it unset"),
    ] {
        let output = withus()
            .arg("migrate")
            .env("DATABASE_URL", url)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{url}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains("DATABASE_URL") && stderr.contains(hint),
            "{url}: {stderr}"
        );
    }
}

async fn admin_commands_create_users_and_verify_the_log(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(backend, &dir).await;
    let keys = withus::security::field_crypto::KeyRing::generate_entry(1);
    let run = |args: &[&str], password: Option<&str>| {
        let mut command = withus();
        command
            .args(args)
            .env("DATABASE_URL", &url)
            .env("WITHUS_DATA_DIR", dir.path())
            .env("WITHUS_ENCRYPTION_KEYS", &keys);
        if let Some(password) = password {
            command.env("WITHUS_NEW_PASSWORD", password);
        }
        command.output().unwrap()
    };
    let migrated = run(&["migrate"], None);
    assert!(
        migrated.status.success(),
        "{}",
        String::from_utf8_lossy(&migrated.stderr)
    );

    let create = [
        "admin",
        "create-user",
        "--email",
        "ceri@example.org",
        "--name",
        "Ceri",
        "--site-admin",
    ];
    let weak = run(&create, Some("short"));
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("at least 10 characters"));
    let made = run(&create, Some("a long enough password"));
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let twice = run(&create, Some("a long enough password"));
    assert!(String::from_utf8_lossy(&twice.stderr).contains("already exists"));

    let verify = run(&["audit", "verify"], None);
    assert!(verify.status.success());
    assert!(String::from_utf8_lossy(&verify.stdout).contains("intact: 1 entries"));

    // Nothing is published yet, so there is no snapshot to keep.
    let snapshots = run(&["snapshots"], None);
    assert!(
        snapshots.status.success(),
        "{}",
        String::from_utf8_lossy(&snapshots.stderr)
    );
    assert!(String::from_utf8_lossy(&snapshots.stdout).contains("Kept 0 accountability snapshots"));

    let rotate = run(&["keys", "rotate"], None);
    assert!(
        rotate.status.success(),
        "{}",
        String::from_utf8_lossy(&rotate.stderr)
    );
}
both!(
    admin_commands_create_users_and_verify_the_log,
    admin_commands_create_users_and_verify_the_log
);

#[test]
fn select_draws_a_panel_from_csv_files() {
    let dir = tempfile::tempdir().unwrap();
    let people = dir.path().join("people.csv");
    let features = dir.path().join("features.csv");
    let mut rows = String::from("id,region,impairment\n");
    for i in 0..30 {
        let region = ["north", "south", "east"][i % 3];
        let impairment = if i % 4 == 0 {
            "learning disability"
        } else {
            "physical"
        };
        rows.push_str(&format!("p{i},{region},{impairment}\n"));
    }
    std::fs::write(&people, rows).unwrap();
    std::fs::write(
        &features,
        "feature,value,min,max\nregion,north,2,4\nregion,south,2,4\nregion,east,2,4\nimpairment,learning disability,2,3\nimpairment,physical,3,7\n",
    )
    .unwrap();
    let probabilities = dir.path().join("probabilities.csv");
    let panel = dir.path().join("panel.csv");
    let run = |seed: &str, panel_path: &std::path::Path| {
        withus()
            .args(["select", "--people"])
            .arg(&people)
            .arg("--features")
            .arg(&features)
            .args(["--size", "9", "--seed", seed, "--probabilities"])
            .arg(&probabilities)
            .arg("--panel")
            .arg(panel_path)
            .output()
            .unwrap()
    };
    let output = run("lottery 4 8 15 16 23 42", &panel);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let probs = std::fs::read_to_string(&probabilities).unwrap();
    let total: f64 = probs
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap().parse::<f64>().unwrap())
        .sum();
    assert!(
        (total - 9.0).abs() < 1e-6,
        "probabilities sum to the panel size: {total}"
    );
    let drawn = std::fs::read_to_string(&panel).unwrap();
    assert_eq!(drawn.lines().filter(|l| l.starts_with('p')).count(), 9);

    let again = dir.path().join("again.csv");
    assert!(run("lottery 4 8 15 16 23 42", &again).status.success());
    assert_eq!(
        std::fs::read_to_string(&again).unwrap(),
        drawn,
        "the same seed draws the same panel"
    );

    std::fs::write(&features, "feature,value,min,max\nregion,north,two,4\n").unwrap();
    let bad = run("x", &panel);
    assert_eq!(bad.status.code(), Some(2));
    let message = String::from_utf8_lossy(&bad.stderr);
    assert!(
        message.contains("features.csv"),
        "names the file: {message}"
    );
}
