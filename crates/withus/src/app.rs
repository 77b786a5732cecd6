//! Building and running the web application: state, middleware stack and the background tasks
//! (the email worker and the event reminder sweep).

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::get;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tower_http::trace::TraceLayer;

use crate::config::Config;
use crate::db::Db;
use crate::email::transport::{Transport, parse_from};
use crate::email::worker::Worker;
use crate::state::AppState;
use crate::web::{body_limit, csrf, headers};
use crate::{assets, ops, routes, web};

/// A bound, ready-to-run server.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    worker: Worker,
    /// Hands text messages to the provider, when one is configured.
    sms_worker: Option<crate::sms::Worker>,
}

impl Application {
    /// Connects, migrates, binds the listener and wires everything. Nothing is served until
    /// [`Application::run_until_stopped`].
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let keys = config.load_keys()?;
        let db = Db::connect(&config.database_url)
            .await
            .with_context(|| format!("could not open the database at {}", config.database_url))?;
        db.migrate()
            .await
            .context("could not apply database migrations")?;
        give_every_organisation_its_questions(&db)
            .await
            .context("could not set up organisations' monitoring questions")?;
        let listener = TcpListener::bind(config.addr).await.with_context(|| {
            format!(
                "could not listen on {} (is another program using it? set WITHUS_ADDR)",
                config.addr
            )
        })?;
        let bound = listener.local_addr()?;
        let public_url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{bound}"));
        let transport = Transport::from_config(&config.mail_transport)?;
        let from = parse_from(&config.mail_from)?;
        let host = url::Url::parse(&public_url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| "withus".into());
        let state = AppState {
            db: db.clone(),
            config: Arc::new(config),
            keys: Arc::new(keys),
            mail_wake: Arc::new(Notify::new()),
            metrics: metrics_handle(),
            public_url: public_url.into(),
        };
        // Notify when it is configured, else a folder of files when one is set, else no texts.
        let provider: Option<Arc<dyn crate::sms::Provider>> =
            match (&state.config.notify, &state.config.sms_dir) {
                (Some(notify), _) => Some(Arc::new(
                    crate::sms::NotifyProvider::new(
                        &notify.api_key,
                        &notify.sms_template,
                        &notify.base_url,
                    )
                    .context("WITHUS_NOTIFY_API_KEY")?,
                )),
                (None, Some(dir)) => Some(Arc::new(crate::sms::FileProvider { dir: dir.clone() })),
                (None, None) => None,
            };
        let sms_worker = provider.map(|provider| crate::sms::Worker {
            db: db.clone(),
            provider,
        });
        let worker = Worker {
            db,
            transport: Arc::new(transport),
            from,
            host,
        };
        Ok(Application {
            router: router(state.clone()),
            listener,
            state,
            worker,
            sms_worker,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub fn base_url(&self) -> String {
        self.state.public_url.to_string()
    }

    /// Serves until Ctrl-C or SIGTERM, then finishes in-flight requests and stops the worker.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let (stop_tx, stop_rx) = watch::channel(false);
        let sweeps = self.state.config.background_sweeps.then(|| {
            [
                tokio::spawn(crate::events::reminders::run(
                    self.state.clone(),
                    stop_rx.clone(),
                )),
                tokio::spawn(crate::register::import::expiry::run(
                    self.state.clone(),
                    stop_rx.clone(),
                )),
                tokio::spawn(crate::register::contact::send_digests(
                    self.state.clone(),
                    stop_rx.clone(),
                )),
                tokio::spawn(crate::accountability::run(
                    self.state.clone(),
                    stop_rx.clone(),
                )),
                tokio::spawn(crate::payments::run(self.state.clone(), stop_rx.clone())),
            ]
        });
        let sms_worker = self.sms_worker.map(|sms| {
            tokio::spawn(sms.run(Arc::new(tokio::sync::Notify::new()), stop_rx.clone()))
        });
        let worker = tokio::spawn(self.worker.run(self.state.mail_wake.clone(), stop_rx));
        let service = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, service)
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        tracing::info!("shutting down");
        let _ = stop_tx.send(true);
        let _ = worker.await;
        if let Some(sms_worker) = sms_worker {
            let _ = sms_worker.await;
        }
        for sweep in sweeps.into_iter().flatten() {
            let _ = sweep.await;
        }
        self.state.db.close().await;
        Ok(())
    }
}

/// The whole HTTP application: routes inside the request context, CSRF, size limit and headers.
pub fn router(state: AppState) -> Router {
    // Unknown paths still pass through the context middleware, so the 404 page is in the right language.
    let app = routes::router(state.clone())
        .fallback(fallback)
        .route_layer(from_fn(ops::track))
        // After the CSRF check: a forged post is refused as forged, not as badly formed.
        .layer(from_fn(web::input_guard::check))
        .layer(from_fn_with_state(state.clone(), csrf::verify))
        // Inside the context layer, so a refused body still gets a proper page in the right language.
        .layer(from_fn_with_state(
            body_limit::BodyLimits::new(state.config.max_body_bytes, routes::larger_bodies()),
            body_limit::enforce,
        ))
        .layer(from_fn_with_state(state.clone(), web::context::load));
    Router::new()
        .route("/assets/{*path}", get(assets::serve))
        .merge(app)
        .layer(from_fn(headers::apply))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Organisations get the default monitoring questions when they are created; this gives them to any
/// created before that, once, at start-up (it does nothing for one that has questions).
async fn give_every_organisation_its_questions(db: &Db) -> Result<(), sqlx::Error> {
    let organisations = {
        let mut conn = db.acquire().await?;
        crate::organisations::list(&mut conn.ex()).await?
    };
    for organisation in organisations {
        let mut tx = db.begin().await?;
        crate::register::questions::ensure_defaults(&mut tx.ex(), organisation.id).await?;
        tx.commit().await?;
    }
    Ok(())
}

async fn fallback() -> web::AppError {
    web::AppError::NotFound
}

fn metrics_handle() -> Option<PrometheusHandle> {
    static HANDLE: std::sync::OnceLock<Option<PrometheusHandle>> = std::sync::OnceLock::new();
    HANDLE
        .get_or_init(|| PrometheusBuilder::new().install_recorder().ok())
        .clone()
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
