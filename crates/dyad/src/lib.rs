//! dyad: political event coding. News text in, explained CAMEO and PLOVER
//! events out.
//!
//! The library is pure: it reads text (and files, through the readers in
//! [`article`]) and returns event records; storage, serving and the command
//! line live in their own crates. The pipeline, module by module:
//! [`article`] (layout and readers) -> [`text`] (sentences, tokens) ->
//! [`actors`] (who) -> [`events`] (did what to whom) -> [`time`] (when) and
//! [`places`] (where) -> [`output`] (records), driven by [`coder::Coder`]
//! over a [`lexicon::Lexicon`] and the [`ontology`] tables.

pub mod actors;
pub mod article;
pub mod coder;
pub mod dict;
pub mod eval;
pub mod events;
pub mod lexicon;
pub mod ontology;
pub mod output;
pub mod places;
pub mod text;
pub mod time;

pub use article::Article;
pub use coder::{CodeOptions, Coded, Coder};
pub use lexicon::Lexicon;
pub use output::EventRecord;
