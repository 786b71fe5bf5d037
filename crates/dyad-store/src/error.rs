//! Errors of the store.

use std::path::PathBuf;

/// Everything that can go wrong in the store. Messages name the file, line,
/// record or parameter involved so a user can find the problem.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or created.
    #[error("cannot open store {path}: {source}")]
    Open {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The database was written by a newer dyad with a schema this build does not know.
    #[error("store {path} has schema version {found}, but this build of dyad only knows versions up to {supported}; upgrade dyad")]
    SchemaTooNew {
        /// The database file.
        path: PathBuf,
        /// `PRAGMA user_version` found in the file.
        found: i64,
        /// The newest version this build can migrate to.
        supported: i64,
    },
    /// Any other SQLite failure.
    #[error("store database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A query parameter has an invalid value; `parameter` is its name as used
    /// on the command line and in the HTTP API.
    #[error("invalid value for `{parameter}`: {message}")]
    InvalidParameter {
        /// Name of the parameter (`from`, `quad`, `cameo` ...).
        parameter: &'static str,
        /// What is wrong and what is expected.
        message: String,
    },
    /// A record handed to the loader is inconsistent with its article.
    #[error("record {event_id} cannot be stored with article {doc_id}: {message}")]
    InvalidRecord {
        /// The article being loaded.
        doc_id: String,
        /// The offending record.
        event_id: String,
        /// What is wrong.
        message: String,
    },
    /// A record stored in the database no longer parses (hand-edited or
    /// written by an incompatible version).
    #[error("stored record {event_id} of article {doc_id} is corrupt: {source}")]
    CorruptRecord {
        /// The article it belongs to.
        doc_id: String,
        /// The record.
        event_id: String,
        /// The JSON error.
        source: serde_json::Error,
    },
    /// Reading input or writing output failed.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// Writing a Parquet file failed.
    #[error("parquet output: {0}")]
    Parquet(String),
}

impl StoreError {
    /// Builds an [`StoreError::InvalidParameter`].
    pub fn invalid(parameter: &'static str, message: impl Into<String>) -> Self {
        StoreError::InvalidParameter { parameter, message: message.into() }
    }

    /// The parameter name when this is a bad-parameter error, so HTTP
    /// handlers can answer 400 instead of 500.
    pub fn parameter(&self) -> Option<&'static str> {
        match self {
            StoreError::InvalidParameter { parameter, .. } => Some(parameter),
            _ => None,
        }
    }
}
