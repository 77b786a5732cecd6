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
    for command in ["serve", "demo", "migrate", "admin", "keys", "audit"] {
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
