//! dyad: political event coding. News text in, explained CAMEO and PLOVER
//! events out.
//!
//! The library is pure: it reads text (and files, through the readers in
//! [`article`]) and returns event records; storage, serving and the command
//! line live in their own crates.

pub mod article;
pub mod dict;
pub mod lexicon;
pub mod output;
pub mod time;
