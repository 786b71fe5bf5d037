//! dyad-server: a read-only JSON API and a dashboard over a dyad event store.
//!
//! Everything under `/api/` reads the store except `POST /api/code`, which
//! codes a pasted article with the coder it is given and returns the events
//! without storing them. The dashboard (`/`) is plain HTML, CSS and
//! JavaScript compiled into the binary, so serving needs no network and no
//! build step. `GET /openapi.json` describes the API.

mod api;
mod highlight;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::extract::DefaultBodyLimit;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use dyad::article::Article;
use dyad::output::EventRecord;
use dyad_store::Store;

pub use highlight::{highlights, segments, Highlight, Part};

/// The coder used by `POST /api/code`: a function from an article to its
/// events. Taken as a value so the server does not depend on how it is built.
pub type Coder = Arc<dyn Fn(&Article) -> Vec<EventRecord> + Send + Sync>;

/// Largest page `GET /api/events` returns, whatever `limit` asks for: keeps
/// one request from serialising the whole store.
pub const MAX_PAGE_SIZE: u64 = 500;

/// Page size when `limit` is not given.
pub const DEFAULT_PAGE_SIZE: u64 = 50;

/// Default limit on request bodies (`POST /api/code`), in bytes.
pub const DEFAULT_MAX_BODY: usize = 1 << 20;

/// The OpenAPI 3 description of the API, served at `/openapi.json`.
pub const OPENAPI_JSON: &str = include_str!("../static/openapi.json");

const INDEX_HTML: &str = include_str!("../static/index.html");
const APP_JS: &str = include_str!("../static/app.js");
const STYLE_CSS: &str = include_str!("../static/style.css");

/// Errors starting the server.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] dyad_store::StoreError),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The runtime or the connection loop failed.
    #[error("server I/O error: {0}")]
    Io(#[from] std::io::Error),
}

/// What the handlers share: where the store is, a few open connections to
/// it, the coder and the body limit.
pub struct AppState {
    store_path: PathBuf,
    pool: Mutex<Vec<Store>>,
    coder: Coder,
    max_body: usize,
}

impl AppState {
    /// Opens the store read-only once (so a bad path fails at start-up, not
    /// on the first request) and keeps the connection for reuse.
    pub fn new(store_path: impl AsRef<Path>, coder: Coder, max_body: usize) -> Result<Self, ServerError> {
        let store_path = store_path.as_ref().to_path_buf();
        let first = Store::open_read_only(&store_path)?;
        Ok(AppState { store_path, pool: Mutex::new(vec![first]), coder, max_body })
    }

    /// Runs `f` with a pooled read-only connection; a connection is opened
    /// when all are busy, and returned to the pool afterwards.
    pub(crate) fn with_store<T>(&self, f: impl FnOnce(&Store) -> Result<T, dyad_store::StoreError>) -> Result<T, dyad_store::StoreError> {
        let taken = self.pool.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let store = match taken {
            Some(s) => s,
            None => Store::open_read_only(&self.store_path)?,
        };
        let out = f(&store);
        let mut pool = self.pool.lock().unwrap_or_else(|p| p.into_inner());
        if pool.len() < 8 {
            pool.push(store);
        }
        out
    }

    pub(crate) fn coder(&self) -> &Coder {
        &self.coder
    }
}

fn static_file(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, content_type)], body)
}

/// The whole application: API, OpenAPI document and dashboard.
pub fn router(state: Arc<AppState>) -> Router {
    let max_body = state.max_body;
    Router::new()
        .route("/api/events", get(api::events))
        .route("/api/dyads", get(api::dyads))
        .route("/api/actors", get(api::actors))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/code", post(api::code))
        .route("/api/{*rest}", get(api::not_found).post(api::not_found))
        .route("/openapi.json", get(|| async { static_file("application/json", OPENAPI_JSON) }))
        .route("/", get(|| async { static_file("text/html; charset=utf-8", INDEX_HTML) }))
        .route("/app.js", get(|| async { static_file("text/javascript; charset=utf-8", APP_JS) }))
        .route("/style.css", get(|| async { static_file("text/css; charset=utf-8", STYLE_CSS) }))
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(state)
}

/// How to run the server.
pub struct ServerConfig {
    /// The store to serve.
    pub store_path: PathBuf,
    /// Address to listen on, e.g. `127.0.0.1:8080`.
    pub bind: SocketAddr,
    /// Largest accepted request body in bytes; larger ones get 413.
    pub max_body: usize,
    /// Coder for `POST /api/code`.
    pub coder: Coder,
}

/// Serves until Ctrl-C. `on_ready` is called with the bound address (useful
/// with port 0) once the server accepts connections.
pub async fn serve(config: ServerConfig, on_ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    let state = Arc::new(AppState::new(&config.store_path, config.coder, config.max_body)?);
    let listener = tokio::net::TcpListener::bind(config.bind).await.map_err(|source| ServerError::Bind { addr: config.bind, source })?;
    on_ready(listener.local_addr()?);
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            // If the signal handler cannot be installed, run until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await?;
    Ok(())
}

/// [`serve`] on a runtime of its own, for callers without one (the CLI).
pub fn serve_blocking(config: ServerConfig, on_ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    rt.block_on(serve(config, on_ready))
}
