//! What does an event record look like, and how is it written?
//!
//! The record is the contract between the coder and everything downstream
//! (the store, the evaluator, the dashboard, users' own scripts). Its JSON
//! Schema lives in `schema/event.schema.json` and the tests validate output
//! against it, so a field added here must be added there too.

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into the article text.
pub type Span = [usize; 2];

/// One coded event: who did what to whom, when and where, with the evidence
/// for every field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// Identifier of the article the event came from.
    pub doc_id: String,
    /// `doc_id` plus a sequence number, unique within a run.
    pub event_id: String,
    /// `YYYY-MM-DD`, or `None` when the article has no date anywhere.
    pub date: Option<String>,
    /// How precise `date` is: `day`, `week`, `month`, `year` or `none`.
    pub date_precision: String,
    /// Where the date came from (the time expression, the dateline, ...).
    pub date_evidence: String,
    /// The actor that acts.
    pub source: ActorRecord,
    /// The actor acted upon; `None` for events without a target.
    pub target: Option<ActorRecord>,
    /// Full CAMEO code, e.g. `"041"`.
    pub cameo: String,
    /// Two-digit CAMEO root, e.g. `"04"`.
    pub cameo_root: String,
    /// Short description of the CAMEO code.
    pub cameo_label: String,
    /// Goldstein conflict-cooperation score of the CAMEO code (-10..10).
    pub goldstein: f32,
    /// Quad class: 1 verbal cooperation, 2 material cooperation,
    /// 3 verbal conflict, 4 material conflict; 0 for neutral statements.
    pub quad_class: u8,
    /// The PLOVER reading of the same event.
    pub plover: PloverRecord,
    /// Where it happened, if the text says.
    pub place: Option<PlaceRecord>,
    /// The sentence the event was coded from.
    pub sentence: SentenceRecord,
    /// The words and rule that produced the event code.
    pub evidence: Evidence,
    /// How many times the same (source, target, code, date) was coded in this article.
    pub mentions: u32,
}

/// An actor as coded: a code plus the text and rule that justify it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRecord {
    /// CAMEO-style actor code: country or IGO part followed by sector codes, e.g. `CHNGOVLEG`.
    pub code: String,
    /// ISO3 country code, `IGO...` code, or `None` for actors with no country (`---REB`).
    pub country: Option<String>,
    /// Sector codes such as `GOV`, `LEG`, `MIL`.
    pub sectors: Vec<String>,
    /// The mention as written in the sentence.
    pub text: String,
    /// A person's name, when the actor is a person.
    pub name: Option<String>,
    /// Byte offsets of `text` in the article.
    pub span: Span,
    /// How the code was reached: lexicon entry, apposition, coreference ...
    pub rule: String,
}

/// The PLOVER view of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PloverRecord {
    /// One of the 16 PLOVER event types, e.g. `CONSULT`.
    pub event: String,
    /// PLOVER mode, e.g. `phone`; empty when none applies.
    pub mode: String,
    /// PLOVER contexts, e.g. `["diplomatic"]`.
    pub context: Vec<String>,
}

/// A place attached to an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceRecord {
    /// The place as written.
    pub name: String,
    /// ISO3 code of its country, when known.
    pub country: Option<String>,
    /// Byte offsets of the place name in the article.
    pub span: Span,
    /// `sentence` when the sentence names it, `dateline` otherwise.
    pub from: String,
}

/// The sentence an event was coded from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceRecord {
    /// Zero-based index of the sentence in the article body.
    pub index: usize,
    /// The sentence text.
    pub text: String,
    /// Byte offsets of the sentence in the article.
    pub span: Span,
}

/// Why the event got its code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The verb phrase as written.
    pub verb: String,
    /// Byte offsets of the verb phrase in the article.
    pub span: Span,
    /// The lexicon pattern that matched, as written in the lexicon.
    pub rule: String,
    /// Where that pattern came from (`builtin:verbs.txt:123`, a loaded dictionary file ...).
    pub lexicon: String,
    /// Adjustments applied on top of the pattern: `intent`, `passive`, `reported`, `reciprocal` ...
    pub notes: Vec<String>,
}
