//! How long a survey's answers take to export: 10,000 responses (every tenth in Welsh) to a survey
//! of eight questions of every kind, as CSV and as XLSX, read from storage in batches. Run:
//! `cargo run --example bench_survey_export sqlite 10000` or, with a PostgreSQL server,
//! `WITHUS_BENCH_PG_URL=postgres://user:password@host:5432/postgres cargo run --example
//! bench_survey_export postgres 10000` (a fresh database is made and dropped). Results go in
//! docs/benchmarks.md.

use std::time::Instant;

use time::macros::date;
use uuid::Uuid;
use withus::db::{DatabaseUrl, Db};
use withus::engagements::commands::Editor;
use withus::engagements::domain::{
    Bilingual, Contact, Engagement, GroupStage, Openness, Phase, Rung,
};
use withus::organisations::domain::OrganisationKind;
use withus::register::domain::Topic;
use withus::security::field_crypto::KeyRing;
use withus::surveys::domain::{Answer, Answers, OTHER};
use withus::surveys::fixtures::{self, Sender, Settings};

fn answers(n: usize) -> Answers {
    let mut a = Answers::new();
    let travel = ["c1", "c2", "c3", "c4", OTHER][n % 5];
    a.insert(
        "q1".into(),
        Answer::Choice {
            key: travel.into(),
            other: if travel == OTHER {
                "Community transport".into()
            } else {
                String::new()
            },
        },
    );
    if travel == "c1" {
        a.insert("q2".into(), Answer::Text(format!("Route {}", n % 40)));
    }
    a.insert("q3".into(), Answer::Scale((n % 5) as i64 + 1));
    a.insert(
        "q4".into(),
        Answer::Choices {
            keys: ["c1", "c2", "c3", "c4"]
                .iter()
                .enumerate()
                .filter(|(i, _)| (n >> i) & 1 == 1)
                .map(|(_, k)| (*k).to_owned())
                .collect(),
            other: String::new(),
        },
    );
    if n.is_multiple_of(3) {
        a.insert(
            "q5".into(),
            Answer::Text(format!(
                "Answer {n}: the stop outside has no dropped kerb, and the lift at the station is often out of order, so I come by taxi when I can afford it."
            )),
        );
    }
    a
}

async fn fresh_postgres(admin: &str) -> (String, String) {
    let name = format!("withus_bench_{}", Uuid::now_v7().simple());
    let pool = sqlx::PgPool::connect(admin).await.expect("PostgreSQL");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&pool)
        .await
        .expect("create the database");
    let mut url = url::Url::parse(admin).unwrap();
    url.set_path(&name);
    (url.to_string(), name)
}

#[tokio::main]
async fn main() {
    let backend = std::env::args().nth(1).unwrap_or_else(|| "sqlite".into());
    let count: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().unwrap();
    let admin = std::env::var("WITHUS_BENCH_PG_URL")
        .or_else(|_| std::env::var("WITHUS_TEST_PG_URL"))
        .unwrap_or_default();
    let (raw, made) = if backend == "postgres" {
        let (url, name) = fresh_postgres(&admin).await;
        (url, Some(name))
    } else {
        (
            format!("sqlite://{}", dir.path().join("bench.db").display()),
            None,
        )
    };
    let db = Db::connect(&DatabaseUrl::parse(&raw).unwrap())
        .await
        .unwrap();
    db.migrate().await.unwrap();
    let keys = KeyRing::parse(&KeyRing::generate_entry(1), None).unwrap();

    let mut tx = db.begin().await.unwrap();
    let org =
        withus::organisations::fixtures::create(&mut tx.ex(), "Bench Forum", OrganisationKind::Dpo)
            .await
            .unwrap();
    let by = Editor {
        account: None,
        organisation: org,
    };
    let engagement = withus::engagements::commands::create(
        &mut tx.ex(),
        by,
        &Engagement {
            title: Bilingual::new("Bench engagement", ""),
            summary: Bilingual::new("A summary", ""),
            rung: Rung::Involve,
            decided: Bilingual::new("Decided", ""),
            can_change: Bilingual::new("Can change", ""),
            limits: Bilingual::new("Limits", ""),
            phase: Phase::Outward,
            stage: GroupStage::Norming,
            topic: Topic::Housing,
            area: Bilingual::new("Bench town", ""),
            region: None,
            starts_on: date!(2026 - 01 - 01),
            ends_on: date!(2099 - 12 - 31),
            contact: Contact {
                name: "Pat".into(),
                email: "pat@bench.example".into(),
                phone: String::new(),
            },
            openness: Openness::Open,
            take_part: Bilingual::default(),
        },
        &[],
    )
    .await
    .unwrap();
    let survey = fixtures::create(
        &mut tx.ex(),
        org,
        engagement,
        &withus::surveys::demo::definition(),
        &Settings {
            opens_on: Some(date!(2026 - 01 - 01)),
            closes_on: None,
            resume_days: 28,
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let started = Instant::now();
    for chunk in (0..count).collect::<Vec<_>>().chunks(500) {
        let mut tx = db.begin().await.unwrap();
        for n in chunk {
            fixtures::response(
                &mut tx.ex(),
                &keys,
                survey,
                &answers(*n),
                Sender {
                    welsh: n.is_multiple_of(10),
                    ..Sender::default()
                },
                &format!("B-{n:05}"),
            )
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
    }
    let loading = started.elapsed();

    let row = {
        let mut conn = db.acquire().await.unwrap();
        withus::surveys::find(&mut conn.ex(), survey)
            .await
            .unwrap()
            .unwrap()
    };
    let started = Instant::now();
    let csv = withus::surveys::results::csv(&db, &keys, &row)
        .await
        .unwrap();
    let csv_time = started.elapsed();
    let csv_bytes = csv.into_response("x.csv");
    let csv_len = axum::body::to_bytes(csv_bytes.into_body(), usize::MAX)
        .await
        .unwrap()
        .len();
    let started = Instant::now();
    let xlsx = withus::surveys::results::xlsx(&db, &keys, &row)
        .await
        .unwrap();
    let xlsx_time = started.elapsed();
    println!(
        "| {backend} | {count} | {:.1} s | CSV {:.2} s ({} KB) | XLSX {:.2} s ({} KB) |",
        loading.as_secs_f64(),
        csv_time.as_secs_f64(),
        csv_len / 1024,
        xlsx_time.as_secs_f64(),
        xlsx.len() / 1024,
    );
    drop(db);
    if let Some(name) = made {
        let pool = sqlx::PgPool::connect(&admin).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE {name} WITH (FORCE)"
        )))
        .execute(&pool)
        .await
        .ok();
    }
}
