use std::sync::Arc;

use withus::db::Db;
use withus::email::outbox::{self, MAX_ATTEMPTS, OutgoingEmail};
use withus::email::transport::{Transport, parse_from};
use withus::email::worker::Worker;

use crate::both;
use crate::helpers::{Backend, fresh_database_url};

async fn fresh_db(backend: Backend) -> (Db, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(backend, &dir).await;
    let db = Db::connect(&withus::db::DatabaseUrl::parse(&url).unwrap())
        .await
        .unwrap();
    db.migrate().await.unwrap();
    (db, dir)
}

fn file_worker(db: &Db, dir: &std::path::Path) -> Worker {
    let config = withus::config::MailTransport::Files {
        dir: dir.to_owned(),
    };
    Worker {
        db: db.clone(),
        transport: Arc::new(Transport::from_config(&config).unwrap()),
        from: parse_from("Withus <no-reply@withus.invalid>").unwrap(),
        host: "withus.test".into(),
    }
}

fn email(n: usize) -> OutgoingEmail {
    OutgoingEmail {
        to: format!("person{n}@example.org"),
        subject: format!("Message {n}"),
        body: "Hello".into(),
    }
}

async fn enqueue(db: &Db, count: usize) {
    let mut tx = db.begin().await.unwrap();
    for n in 0..count {
        outbox::enqueue(&mut tx.ex(), email(n)).await.unwrap();
    }
    tx.commit().await.unwrap();
}

async fn count(db: &Db, sql: &'static str) -> i64 {
    match db {
        Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
    }
}

async fn two_workers_send_each_email_exactly_once(backend: Backend) {
    let (db, dir) = fresh_db(backend).await;
    let mail = dir.path().join("mail");
    enqueue(&db, 40).await;
    let (a, b) = (file_worker(&db, &mail), file_worker(&db, &mail));
    let (sent_a, sent_b) = tokio::join!(a.drain_once(), b.drain_once());
    assert_eq!(sent_a.unwrap() + sent_b.unwrap(), 40);
    assert_eq!(
        std::fs::read_dir(&mail).unwrap().count(),
        40,
        "one file per email, none twice"
    );
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'").await,
        40
    );
    // Each message carries its outbox id as Message-ID, so a repeat after a crash is recognisable.
    let ids: Vec<String> = match &db {
        Db::Sqlite(pool, ..) => sqlx::query_scalar::<_, uuid::Uuid>("SELECT id FROM outbox")
            .fetch_all(pool)
            .await
            .unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar::<_, uuid::Uuid>("SELECT id FROM outbox")
            .fetch_all(pool)
            .await
            .unwrap(),
    }
    .into_iter()
    .map(|id| format!("<{id}@withus.test>"))
    .collect();
    let messages: Vec<String> = std::fs::read_dir(&mail)
        .unwrap()
        .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
        .collect();
    for id in &ids {
        let carrying = messages
            .iter()
            .filter(|m| m.contains(&format!("Message-ID: {id}")))
            .count();
        assert_eq!(carrying, 1, "exactly one message has Message-ID {id}");
    }
    assert_eq!(
        file_worker(&db, &mail).drain_once().await.unwrap(),
        0,
        "nothing is sent again"
    );
}
both!(
    two_workers_send_each_email_exactly_once,
    two_workers_send_each_email_exactly_once
);

async fn an_email_written_in_a_rolled_back_transaction_never_exists(backend: Backend) {
    let (db, _dir) = fresh_db(backend).await;
    let mut tx = db.begin().await.unwrap();
    outbox::enqueue(&mut tx.ex(), email(1)).await.unwrap();
    drop(tx);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM outbox").await, 0);
}
both!(
    an_email_written_in_a_rolled_back_transaction_never_exists,
    an_email_written_in_a_rolled_back_transaction_never_exists
);

async fn failures_back_off_and_finally_stop(backend: Backend) {
    let (db, _dir) = fresh_db(backend).await;
    enqueue(&db, 1).await;
    let config = withus::config::MailTransport::Smtp {
        url: "smtp://127.0.0.1:9".into(),
    };
    let worker = Worker {
        db: db.clone(),
        transport: Arc::new(Transport::from_config(&config).unwrap()),
        from: parse_from("Withus <no-reply@withus.invalid>").unwrap(),
        host: "withus.test".into(),
    };
    assert_eq!(worker.drain_once().await.unwrap(), 0);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND attempts = 1 AND last_error IS NOT NULL").await, 1);
    assert_eq!(worker.drain_once().await.unwrap(), 0);
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM outbox WHERE attempts = 1").await,
        1,
        "not retried before its back-off time"
    );

    let sql = format!(
        "UPDATE outbox SET attempts = {}, next_attempt_at = '2020-01-01T00:00:00Z'",
        MAX_ATTEMPTS - 1
    );
    match &db {
        Db::Sqlite(pool, ..) => sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(pool)
            .await
            .map(|_| ())
            .unwrap(),
        Db::Postgres(pool) => sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(pool)
            .await
            .map(|_| ())
            .unwrap(),
    }
    worker.drain_once().await.unwrap();
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM outbox WHERE status = 'failed'").await,
        1
    );
}
both!(
    failures_back_off_and_finally_stop,
    failures_back_off_and_finally_stop
);

async fn a_crashed_workers_claim_is_picked_up_after_its_lease(backend: Backend) {
    let (db, _dir) = fresh_db(backend).await;
    enqueue(&db, 3).await;
    let claimed = outbox::claim(&db, 10).await.unwrap();
    assert_eq!(claimed.len(), 3);
    // The worker "dies" here. While the lease lasts nobody else takes the rows...
    assert!(outbox::claim(&db, 10).await.unwrap().is_empty());
    // ...and once it has run out, they are claimed again rather than lost.
    match &db {
        Db::Sqlite(pool, ..) => {
            sqlx::query("UPDATE outbox SET locked_until = '2020-01-01T00:00:00Z'")
                .execute(pool)
                .await
                .map(|_| ())
                .unwrap()
        }
        Db::Postgres(pool) => {
            sqlx::query("UPDATE outbox SET locked_until = '2020-01-01T00:00:00Z'")
                .execute(pool)
                .await
                .map(|_| ())
                .unwrap()
        }
    }
    assert_eq!(outbox::claim(&db, 10).await.unwrap().len(), 3);
}
both!(
    a_crashed_workers_claim_is_picked_up_after_its_lease,
    a_crashed_workers_claim_is_picked_up_after_its_lease
);
