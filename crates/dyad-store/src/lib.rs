//! dyad-store: a SQLite store for coded events.
//!
//! The coder produces one [`EventRecord`] per coded event per article. The
//! store keeps those per-article records (with their full JSON, so nothing the
//! coder says is lost), the articles they came from, a table of actors, and a
//! cross-article *daily deduplicated* view of events: the same
//! (source code, target code, CAMEO code, date) reported by several articles is
//! one event that lists its articles and publishers (the Phoenix one-a-day
//! convention). Aggregates over country pairs ("dyads") are built on that view.
//!
//! Loading is one transaction per article, so a crash or a kill leaves every
//! article either fully loaded or absent, and loading is idempotent by article
//! id and content hash.

mod dyads;
mod error;
pub mod export;
mod load;
mod query;
mod schema;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use dyad::article::Article;
pub use dyad::output::EventRecord;
pub use dyads::{period_key, DyadQuery, DyadRow, Period};
pub use error::StoreError;
pub use load::{content_hash, records_hash, BadLine, LoadOutcome, LoadReport};
pub use query::{ActorSummary, CountrySummary, DailyEvent, Direction, EventQuery, StoreStats, StoredArticle};
pub use schema::SCHEMA_VERSION;

/// Result alias for store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open event store: one SQLite database file in WAL mode.
///
/// A `Store` owns one connection; open several stores on the same file to
/// read from several threads (WAL lets readers proceed during a write).
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (creating if needed) the store at `path`, switches it to WAL mode
    /// and applies any pending schema migrations in order.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open(&path).map_err(|source| StoreError::Open { path: path.clone(), source })?;
        Self::setup(conn, path, true)
    }

    /// Opens an existing store without write access. Used by the server,
    /// whose API is read-only: a bug there cannot alter the data.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        if !path.exists() {
            return Err(StoreError::Open { path: path.clone(), source: rusqlite::Error::InvalidPath(path) });
        }
        let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|source| StoreError::Open { path: path.clone(), source })?;
        Self::setup(conn, path, false)
    }

    /// Opens a private in-memory store, for tests and one-off coding.
    pub fn open_in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        Self::setup(conn, PathBuf::from(":memory:"), true)
    }

    fn setup(conn: Connection, path: PathBuf, writable: bool) -> Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        if writable {
            // WAL: readers are never blocked by the loader, and a killed
            // writer leaves only uncommitted frames that are ignored on reopen.
            let _mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |row| row.get(0))?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            schema::migrate(&conn, &path)?;
        } else {
            schema::check_version(&conn, &path)?;
        }
        Ok(Store { conn, path })
    }

    /// The file this store lives in (`:memory:` for in-memory stores).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version recorded in the database (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
    }

    /// Runs SQLite's `PRAGMA integrity_check` and returns its verdict
    /// (`"ok"` when the database is sound).
    pub fn integrity_check(&self) -> Result<String> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines: Vec<String> = stmt.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(lines.join("\n"))
    }

    /// Direct access to the connection for ad-hoc SQL (the schema is
    /// documented in the crate README section); prefer the typed methods.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}
