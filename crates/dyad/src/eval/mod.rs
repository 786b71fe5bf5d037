//! Scoring the coder against gold sets, for `dyad eval`.
//!
//! [`gold`] reads the gold files (dyad JSONL, PETRARCH/TABARI validation
//! records, the PLOVER gold-standard array) into one shape; [`score`] matches
//! predicted [`EventRecord`](crate::output::EventRecord)s against it and
//! builds a [`Report`] that serialises to JSON or renders as text with
//! [`Report::render_text`]. The matching rules are documented on the
//! [`score`] module.

pub mod gold;
mod report;
pub mod score;

pub use gold::{read_gold, GoldDoc, GoldError, GoldEvent, GoldFormat, GoldSet, Problem};
pub use score::{score, Report, ScoreOptions};
