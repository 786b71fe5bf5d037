//! The database schema and its migrations.
//!
//! The schema version lives in `PRAGMA user_version`. Each entry of
//! [`MIGRATIONS`] takes the database from version `i` to `i + 1` and runs in
//! its own transaction together with the version bump, so an interrupted
//! migration leaves the previous version intact.

use std::path::Path;

use rusqlite::Connection;

use crate::{Result, StoreError};

/// Version 1: articles, per-article records, actors, daily deduplicated view.
const V1: &str = r#"
CREATE TABLE articles (
    id            TEXT PRIMARY KEY NOT NULL,
    date          TEXT,
    title         TEXT,
    source        TEXT,
    url           TEXT,
    -- NULL when only event records were loaded (dyad load events.jsonl).
    text          TEXT,
    -- sha256 of id, date, title, source, url and text; NULL without text.
    content_hash  TEXT,
    -- sha256 of the records' JSON, in order.
    records_hash  TEXT NOT NULL,
    n_records     INTEGER NOT NULL,
    loaded_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE records (
    id              INTEGER PRIMARY KEY,
    doc_id          TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    event_id        TEXT NOT NULL,
    date            TEXT,
    source_code     TEXT NOT NULL,
    source_country  TEXT,
    -- sectors padded with spaces (' GOV LEG ') so LIKE '% GOV %' matches one sector.
    source_sectors  TEXT NOT NULL,
    source_text     TEXT NOT NULL,
    target_code     TEXT,
    target_country  TEXT,
    target_sectors  TEXT,
    target_text     TEXT,
    cameo           TEXT NOT NULL,
    cameo_root      TEXT NOT NULL,
    goldstein       REAL NOT NULL,
    quad_class      INTEGER NOT NULL,
    plover          TEXT NOT NULL,
    sentence        TEXT NOT NULL,
    mentions        INTEGER NOT NULL,
    json            TEXT NOT NULL,
    UNIQUE (doc_id, seq)
);
CREATE INDEX records_date ON records(date);
CREATE INDEX records_source ON records(source_code, date);
CREATE INDEX records_target ON records(target_code, date);
CREATE INDEX records_source_country ON records(source_country, date);
CREATE INDEX records_target_country ON records(target_country, date);
CREATE INDEX records_cameo ON records(cameo);

CREATE TABLE actors (
    code       TEXT PRIMARY KEY NOT NULL,
    country    TEXT,
    sectors    TEXT NOT NULL,
    n_records  INTEGER NOT NULL
);
CREATE INDEX actors_country ON actors(country);

-- How each actor is written in the text, with counts: the most frequent
-- mention is the actor's display label.
CREATE TABLE actor_texts (
    code  TEXT NOT NULL,
    text  TEXT NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (code, text)
) WITHOUT ROWID;

-- One row per (date, source, target, CAMEO code), whatever the number of
-- articles reporting it: the Phoenix one-a-day convention.
CREATE VIEW daily_events AS
SELECT r.date                          AS date,
       r.source_code                   AS source_code,
       COALESCE(r.target_code, '')     AS target_code,
       r.cameo                         AS cameo,
       MIN(r.cameo_root)               AS cameo_root,
       MIN(r.quad_class)               AS quad_class,
       MIN(r.goldstein)                AS goldstein,
       MIN(r.plover)                   AS plover,
       MIN(r.source_country)           AS source_country,
       MIN(r.target_country)           AS target_country,
       COUNT(DISTINCT r.doc_id)        AS n_articles,
       json_group_array(DISTINCT r.doc_id) AS articles,
       json_group_array(DISTINCT a.source) AS sources
FROM records r LEFT JOIN articles a ON a.id = r.doc_id
WHERE r.date IS NOT NULL
GROUP BY r.date, r.source_code, COALESCE(r.target_code, ''), r.cameo;
"#;

/// All migrations, in order; index `i` upgrades version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[V1];

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

fn current_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Refuses databases from a newer build (which might have columns we would
/// silently ignore or violate).
pub(crate) fn check_version(conn: &Connection, path: &Path) -> Result<i64> {
    let found = current_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew { path: path.to_path_buf(), found, supported: SCHEMA_VERSION });
    }
    Ok(found)
}

/// Applies every migration the database has not seen yet.
pub(crate) fn migrate(conn: &Connection, path: &Path) -> Result<()> {
    let found = check_version(conn, path)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_database_reaches_current_version() {
        let conn = Connection::open_in_memory().unwrap();
        migrate(&conn, Path::new(":memory:")).unwrap();
        assert_eq!(current_version(&conn).unwrap(), SCHEMA_VERSION);
        // Running again is a no-op, not a "table exists" error.
        migrate(&conn, Path::new(":memory:")).unwrap();
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('articles','records','actors','actor_texts')", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tables, 4);
    }

    #[test]
    fn newer_schema_is_refused() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        let err = migrate(&conn, Path::new("x.db")).unwrap_err();
        assert!(matches!(err, StoreError::SchemaTooNew { .. }), "{err}");
        assert!(err.to_string().contains("x.db"));
    }
}
