use withus::db::Db;
use withus::security::field_crypto::KeyRing;

use crate::both;
use crate::helpers::{Backend, spawn_app};

const CANARY: &str = "CANARY-7f3a-uses-a-hearing-loop";

/// Every byte the database holds for these tables, as text.
pub async fn everything_stored(app: &crate::helpers::TestApp) -> String {
    match &app.db {
        Db::Sqlite(pool, ..) => {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(pool)
                .await
                .unwrap();
            let mut all = Vec::new();
            for entry in std::fs::read_dir(app.dir.path()).unwrap() {
                let path = entry.unwrap().path();
                if path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("withus.db")
                {
                    all.extend(std::fs::read(path).unwrap());
                }
            }
            String::from_utf8_lossy(&all).into_owned()
        }
        Db::Postgres(pool) => {
            let mut text = String::new();
            for table in [
                "accounts",
                "audit_log",
                "outbox",
                "notifications",
                "sms_outbox",
                "sessions",
                "organisations",
                "memberships",
                "people",
                "consents",
                "monitoring_tokens",
                "person_topics",
                "follow_ups",
                "data_requests",
                "panels",
                "event_feedback",
                "commitment_challenges",
                "payment_profiles",
                "payment_runs",
            ] {
                let sql = format!(
                    "SELECT COALESCE(string_agg(row_to_json(t)::text, ' '), '') FROM {table} t"
                );
                let rows: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                    .fetch_one(pool)
                    .await
                    .unwrap();
                text.push_str(&rows);
            }
            text
        }
    }
}

async fn special_category_data_is_never_stored_in_plaintext(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut member = app.signed_in_client("member@northtown-dpf.example").await;
    let saved = member
        .post("/account/support-needs", &[("support_needs", CANARY)])
        .await;
    assert_eq!(saved.status, 303);
    let account = member.get("/account").await;
    assert!(account.body.contains(CANARY), "the owner sees it");
    let stored = everything_stored(&app).await;
    assert!(
        stored.contains("member@northtown-dpf.example"),
        "the scan reads real data"
    );
    assert!(
        !stored.contains(CANARY),
        "the canary must not appear in the database"
    );
    assert!(!stored.contains("hearing-loop"));
    // Demo support needs are sealed too. (The words "British Sign Language" alone also name an
    // answer in the monitoring question list, which is not personal data.)
    assert!(!stored.contains("I use British Sign Language"));
}
both!(
    special_category_data_is_never_stored_in_plaintext,
    special_category_data_is_never_stored_in_plaintext
);

async fn rotating_keys_reseals_every_value(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut member = app.signed_in_client("member@northtown-dpf.example").await;
    member
        .post("/account/support-needs", &[("support_needs", CANARY)])
        .await;

    let second_key = KeyRing::generate_entry(2);
    let new_ring = KeyRing::parse(&format!("{}\n{second_key}", app.key_spec), None).unwrap();
    let rotated = withus::admin::rotate_keys(&app.db, &new_ring)
        .await
        .unwrap();
    assert!(
        rotated >= 2,
        "the member's and the demo people's values were re-sealed: {rotated}"
    );
    let again = withus::admin::rotate_keys(&app.db, &new_ring)
        .await
        .unwrap();
    assert_eq!(again, 0, "nothing left under the old key");

    let only_new = KeyRing::parse(&second_key, None).unwrap();
    let mut conn = app.db.acquire().await.unwrap();
    let values = withus::accounts::fixtures::all_support_needs(&mut conn.ex())
        .await
        .unwrap();
    let mut opened = 0;
    for (account, sealed) in values {
        let plain = only_new
            .open(
                &sealed,
                withus::accounts::profile::support_needs_field(account),
            )
            .unwrap();
        opened += usize::from(plain == CANARY);
    }
    assert_eq!(opened, 1, "the canary opens with the new key alone");
}
both!(
    rotating_keys_reseals_every_value,
    rotating_keys_reseals_every_value
);
