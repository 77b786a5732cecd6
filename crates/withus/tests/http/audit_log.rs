use withus::admin::verify_audit;
use withus::audit::ChainReport;

use crate::both;
use crate::helpers::{Backend, spawn_app};

async fn every_write_is_logged_and_tampering_is_detected(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut member = app.signed_in_client("member@northtown-dpf.example").await;
    member
        .post(
            "/account/support-needs",
            &[("support_needs", "Large print, 24 point")],
        )
        .await;
    member.get("/language?to=cy&return=/").await;
    for action in [
        "organisation.created",
        "demo.loaded",
        "account.support_needs_changed",
        "account.language_changed",
    ] {
        let sql: &'static str = Box::leak(
            format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}'").into_boxed_str(),
        );
        assert!(app.scalar_i64(sql).await >= 1, "{action} was logged");
    }
    let entries = app.scalar_i64("SELECT COUNT(*) FROM audit_log").await;
    assert_eq!(
        verify_audit(&app.db).await.unwrap(),
        ChainReport::Intact { entries }
    );

    // The database itself refuses edits and deletions...
    let refused = match &app.db {
        withus::db::Db::Sqlite(pool, ..) => {
            sqlx::query("UPDATE audit_log SET action = 'x' WHERE seq = 2")
                .execute(pool)
                .await
                .is_err()
        }
        withus::db::Db::Postgres(pool) => sqlx::query("DELETE FROM audit_log WHERE seq = 2")
            .execute(pool)
            .await
            .is_err(),
    };
    assert!(refused, "the append-only trigger refuses changes");

    // ...and if someone with full access removes that guard and edits a row, verification finds it.
    match backend {
        Backend::Sqlite => app.execute("DROP TRIGGER audit_log_no_update").await,
        Backend::Postgres => {
            app.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update")
                .await
        }
    }
    app.execute("UPDATE audit_log SET target_id = 'someone-else' WHERE seq = 3")
        .await;
    assert_eq!(
        verify_audit(&app.db).await.unwrap(),
        ChainReport::Broken {
            seq: 3,
            reason: "contents do not match the stored hash"
        }
    );
}
both!(
    every_write_is_logged_and_tampering_is_detected,
    every_write_is_logged_and_tampering_is_detected
);

async fn concurrent_writers_keep_one_unbroken_chain(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut tasks = Vec::new();
    for i in 0..20 {
        let db = app.db.clone();
        tasks.push(tokio::spawn(async move {
            let mut tx = db.begin().await.unwrap();
            withus::audit::record(
                &mut tx.ex(),
                withus::audit::Entry::new(withus::audit::Action::DemoLoaded, "test", i),
            )
            .await
            .unwrap();
            tx.commit().await.unwrap();
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let entries = app.scalar_i64("SELECT COUNT(*) FROM audit_log").await;
    assert_eq!(
        verify_audit(&app.db).await.unwrap(),
        ChainReport::Intact { entries }
    );
}
both!(
    concurrent_writers_keep_one_unbroken_chain,
    concurrent_writers_keep_one_unbroken_chain
);
