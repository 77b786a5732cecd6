//! Test harness: starts Withus on port 0 against a fresh SQLite file or a fresh PostgreSQL database,
//! with a cookie-keeping client and verb-named helpers.

use std::collections::HashMap;

use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use tempfile::TempDir;
use uuid::Uuid;
use withus::app::Application;
use withus::config::Config;
use withus::db::Db;
use withus::security::field_crypto::KeyRing;
use withus::security::tokens;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs a test body once against each backend: `both!(name, body_fn)`.
#[macro_export]
macro_rules! both {
    ($name:ident, $body:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$body($crate::helpers::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$body($crate::helpers::Backend::Postgres).await
            }
        }
    };
}

/// An HTTP client that reports redirects instead of following them, as the tests check each one.
fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

pub struct TestApp {
    pub base: String,
    pub db: Db,
    /// The running app's state, for calling background work (such as sweeps) directly.
    pub state: withus::state::AppState,
    pub dir: TempDir,
    pub key_spec: String,
}

pub fn pg_admin_url() -> String {
    std::env::var("WITHUS_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A fresh, empty database for one test.
pub async fn fresh_database_url(backend: Backend, dir: &TempDir) -> String {
    match backend {
        Backend::Sqlite => format!("sqlite://{}", dir.path().join("withus.db").display()),
        Backend::Postgres => {
            let admin = pg_admin_url();
            let name = format!("withus_test_{}", Uuid::now_v7().simple());
            let pool = sqlx::PgPool::connect(&admin).await.unwrap_or_else(|e| {
                panic!("PostgreSQL tests need a server at {admin} (set WITHUS_TEST_PG_URL): {e}")
            });
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&pool)
                .await
                .unwrap();
            pool.close().await;
            let mut url = url::Url::parse(&admin).unwrap();
            url.set_path(&name);
            url.to_string()
        }
    }
}

pub struct Options {
    pub demo: bool,
    pub extra: Vec<(&'static str, String)>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            demo: true,
            extra: Vec::new(),
        }
    }
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, Options::default()).await
}

/// An app with an empty database: no demo organisations or people.
pub async fn spawn_app_without_demo(backend: Backend) -> TestApp {
    spawn_app_with(
        backend,
        Options {
            demo: false,
            extra: Vec::new(),
        },
    )
    .await
}

pub async fn spawn_app_with(backend: Backend, options: Options) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let database_url = fresh_database_url(backend, &dir).await;
    let key_spec = KeyRing::generate_entry(1);
    let mut vars: HashMap<&str, String> = HashMap::from([
        ("WITHUS_ADDR", "127.0.0.1:0".to_owned()),
        ("DATABASE_URL", database_url.clone()),
        ("WITHUS_DATA_DIR", dir.path().display().to_string()),
        ("WITHUS_ENCRYPTION_KEYS", key_spec.clone()),
        (
            "WITHUS_MAIL_DIR",
            dir.path().join("mail").display().to_string(),
        ),
        // Tests call the sweeps themselves with a chosen clock; one running on its own could
        // send a reminder or lapse an offer before the test looks.
        ("WITHUS_BACKGROUND_SWEEPS", "off".to_owned()),
    ]);
    for (name, value) in options.extra {
        vars.insert(name, value);
    }
    let config = Config::from_vars(|name| vars.get(name).cloned(), options.demo).unwrap();
    let app = Application::build(config).await.expect("the app builds");
    if options.demo {
        withus::demo::seed(app.state()).await.unwrap();
    }
    let base = app.base_url();
    let db = app.state().db.clone();
    let state = app.state().clone();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        base,
        db,
        state,
        dir,
        key_spec,
    }
}

impl TestApp {
    pub fn client(&self) -> Client {
        Client {
            base: self.base.clone(),
            http: no_redirects(),
            cookies: HashMap::new(),
        }
    }

    /// A client already signed in as `email` (a session made directly, skipping password hashing).
    pub async fn signed_in_client(&self, email: &str) -> Client {
        let mut conn = self.db.acquire().await.unwrap();
        let account = withus::accounts::fixtures::find_by_email(&mut conn.ex(), email)
            .await
            .unwrap()
            .expect("account exists");
        let token = tokens::issue();
        withus::accounts::fixtures::create_session(&mut conn.ex(), &token.hash, account.id)
            .await
            .unwrap();
        let mut client = self.client();
        client
            .cookies
            .insert("__Host-withus_session".into(), token.secret);
        client
    }

    pub async fn scalar_i64(&self, sql: &'static str) -> i64 {
        match &self.db {
            Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
            Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
        }
    }

    /// The one value a query selects, of whatever type it is, on either database.
    pub async fn scalar<T>(&self, sql: &str) -> T
    where
        T: Send
            + Unpin
            + sqlx::Type<sqlx::Sqlite>
            + for<'r> sqlx::Decode<'r, sqlx::Sqlite>
            + sqlx::Type<sqlx::Postgres>
            + for<'r> sqlx::Decode<'r, sqlx::Postgres>,
    {
        let sql = sqlx::AssertSqlSafe(sql.to_owned());
        match &self.db {
            Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
            Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
        }
    }

    pub async fn execute(&self, sql: &str) {
        let sql = sqlx::AssertSqlSafe(sql.to_owned());
        match &self.db {
            Db::Sqlite(pool, ..) => sqlx::raw_sql(sql).execute(pool).await.map(|_| ()).unwrap(),
            Db::Postgres(pool) => sqlx::raw_sql(sql).execute(pool).await.map(|_| ()).unwrap(),
        }
    }

    /// Saves one access need on a person's record, sealed as the app seals it.
    pub async fn give_access_need(
        &self,
        ex: &mut withus::db::Ex<'_>,
        person: Uuid,
        need: withus::register::domain::AccessNeed,
    ) {
        use withus::register::fixtures::{SealedColumn, set_sealed};
        let keys = KeyRing::parse(&self.key_spec, None).unwrap();
        let profile = withus::register::domain::AccessProfile {
            needs: vec![withus::register::domain::NeedEntry {
                need,
                detail: String::new(),
            }],
            ..Default::default()
        };
        let sealed = withus::register::profile::seal_json(
            &keys,
            person,
            SealedColumn::AccessNeeds,
            &profile,
        );
        set_sealed(ex, person, SealedColumn::AccessNeeds, Some(&sealed))
            .await
            .unwrap();
    }

    /// The newest email's body in the outbox.
    pub async fn last_email(&self) -> (String, String) {
        let sql =
            "SELECT to_address, body_text FROM outbox ORDER BY created_at DESC, id DESC LIMIT 1";
        match &self.db {
            Db::Sqlite(pool, ..) => sqlx::query_as(sql).fetch_one(pool).await.unwrap(),
            Db::Postgres(pool) => sqlx::query_as(sql).fetch_one(pool).await.unwrap(),
        }
    }
}

/// The first link in a text that starts with `base`.
pub fn link_in(text: &str, base: &str) -> String {
    text.split_whitespace()
        .find(|w| w.starts_with(base))
        .expect("the email has a link")
        .trim_end_matches('.')
        .to_owned()
}

pub struct Client {
    pub base: String,
    pub http: reqwest::Client,
    pub cookies: HashMap<String, String>,
}

pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub body: String,
    /// The `Set-Cookie` headers, as sent.
    pub set_cookies: Vec<String>,
    pub content_type: Option<String>,
}

impl Page {
    pub fn title(&self) -> String {
        let start = self.body.find("<title>").map(|i| i + 7).unwrap_or(0);
        let end = self.body[start..]
            .find("</title>")
            .map(|i| start + i)
            .unwrap_or(start);
        self.body[start..end].to_owned()
    }
}

impl Client {
    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn absorb(&mut self, response: &reqwest::Response) {
        for value in response.headers().get_all(SET_COOKIE) {
            let text = value.to_str().unwrap();
            let pair = text.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            if text.contains("Max-Age=0") || value.is_empty() {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
    }

    async fn finish(&mut self, response: reqwest::Response) -> Page {
        self.absorb(&response);
        let set_cookies = response
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect();
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap().to_owned());
        let status = response.status();
        let location = response
            .headers()
            .get(LOCATION)
            .map(|v| v.to_str().unwrap().to_owned());
        let body = response.text().await.unwrap();
        Page {
            status,
            location,
            body,
            set_cookies,
            content_type,
        }
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let response = self
            .http
            .get(format!("{}{}", self.base, path))
            .header(COOKIE, self.cookie_header())
            .send()
            .await
            .unwrap();
        self.finish(response).await
    }

    pub fn csrf(&self) -> Option<String> {
        self.cookies.get("__Host-withus_csrf").cloned()
    }

    /// Posts a form with this browser's CSRF token, fetching a page first if it has none yet.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        if self.csrf().is_none() {
            self.get("/help").await;
        }
        let mut form: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        form.push(("csrf_token".into(), self.csrf().unwrap()));
        self.post_raw(path, &form, &[]).await
    }

    pub async fn post_raw(
        &mut self,
        path: &str,
        form: &[(String, String)],
        headers: &[(&str, &str)],
    ) -> Page {
        let mut request = self
            .http
            .post(format!("{}{}", self.base, path))
            .header(COOKIE, self.cookie_header())
            .form(form);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.unwrap();
        self.finish(response).await
    }

    /// Posts a body exactly as given (bytes that need not be a well-formed form), with this
    /// browser's CSRF token in the header.
    /// A download's status, type and bytes (a PDF is not text).
    pub async fn get_bytes(&mut self, path: &str) -> (u16, String, Vec<u8>) {
        let response = self
            .http
            .get(format!("{}{}", self.base, path))
            .header(COOKIE, self.cookie_header())
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let kind = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        (status, kind, response.bytes().await.unwrap().to_vec())
    }

    pub async fn post_bytes(&mut self, path: &str, content_type: &str, body: Vec<u8>) -> Page {
        self.try_post_bytes(path, content_type, body).await.unwrap()
    }

    /// The same browser (cookies) on a new connection, for a request after which the server may
    /// close the connection.
    pub fn on_new_connection(&self) -> Client {
        Client {
            base: self.base.clone(),
            http: no_redirects(),
            cookies: self.cookies.clone(),
        }
    }

    /// As [`Client::post_bytes`], but a connection the server closed before reading the whole
    /// body (as it may when refusing one over the size limit) is an error, not a panic.
    pub async fn try_post_bytes(
        &mut self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> Result<Page, reqwest::Error> {
        if self.csrf().is_none() {
            self.get("/help").await;
        }
        let response = self
            .http
            .post(format!("{}{}", self.base, path))
            .header(COOKIE, self.cookie_header())
            .header("x-csrf-token", self.csrf().unwrap())
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .body(body)
            .send()
            .await?;
        Ok(self.finish(response).await)
    }

    /// Posts a file upload form with this browser's CSRF token as its first field.
    pub async fn post_file(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, Vec<u8>)>,
    ) -> Page {
        if self.csrf().is_none() {
            self.get("/help").await;
        }
        let mut form = reqwest::multipart::Form::new().text("csrf_token", self.csrf().unwrap());
        for (name, value) in fields {
            form = form.text(name.to_string(), value.to_string());
        }
        if let Some((file_name, bytes)) = file {
            form = form.part(
                "file",
                reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_owned()),
            );
        }
        self.post_multipart(path, form).await
    }

    /// Posts a multipart form exactly as given.
    pub async fn post_multipart(&mut self, path: &str, form: reqwest::multipart::Form) -> Page {
        let response = self
            .http
            .post(format!("{}{}", self.base, path))
            .header(COOKIE, self.cookie_header())
            .multipart(form)
            .send()
            .await
            .unwrap();
        self.finish(response).await
    }

    pub async fn sign_in(&mut self, email: &str, password: &str) -> Page {
        self.post("/sign-in", &[("email", email), ("password", password)])
            .await
    }

    pub fn session(&self) -> Option<String> {
        self.cookies.get("__Host-withus_session").cloned()
    }
}

pub const DEMO_PASSWORD: &str = withus::demo::DEMO_PASSWORD;

/// Creates an organisation as the app does: with the default monitoring questions the register
/// gives every new organisation.
pub async fn create_organisation(
    ex: &mut withus::db::Ex<'_>,
    name: &str,
    kind: withus::organisations::domain::OrganisationKind,
) -> Result<Uuid, sqlx::Error> {
    let id = withus::organisations::fixtures::create(ex, name, kind).await?;
    withus::register::questions::ensure_defaults(ex, id).await?;
    Ok(id)
}

/// How one person wants to be written to (formats, large print size), set on their record.
pub async fn prefer(
    app: &TestApp,
    person: Uuid,
    formats: Vec<withus::register::domain::Format>,
    size: Option<u8>,
) {
    use withus::register::fixtures::{SealedColumn, set_sealed};
    let keys = KeyRing::parse(&app.key_spec, None).unwrap();
    let sealed = withus::register::profile::seal_json(
        &keys,
        person,
        SealedColumn::Preferences,
        &withus::register::domain::Preferences {
            formats,
            large_print_size: size,
            ..Default::default()
        },
    );
    let mut conn = app.db.acquire().await.unwrap();
    set_sealed(
        &mut conn.ex(),
        person,
        SealedColumn::Preferences,
        Some(&sealed),
    )
    .await
    .unwrap();
}
