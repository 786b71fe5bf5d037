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

/// Output formats of `dyad code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON event record per line (the default).
    Jsonl,
    /// Tab-separated values with a header row.
    Tsv,
    /// PLOVER JSON records, one per line, for POLECAT-style tooling.
    Plover,
}

/// TSV column names, in order.
pub const TSV_COLUMNS: &[&str] = &[
    "doc_id",
    "event_id",
    "date",
    "date_precision",
    "source_code",
    "source_country",
    "source_sectors",
    "source_text",
    "source_name",
    "target_code",
    "target_country",
    "target_sectors",
    "target_text",
    "target_name",
    "cameo",
    "cameo_root",
    "cameo_label",
    "goldstein",
    "quad_class",
    "plover_event",
    "plover_mode",
    "place",
    "place_country",
    "sentence_index",
    "verb",
    "rule",
    "lexicon",
    "mentions",
    "sentence",
];

fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// One TSV row (no trailing newline).
pub fn tsv_row(e: &EventRecord) -> String {
    let t = e.target.as_ref();
    let cols: Vec<String> = vec![
        e.doc_id.clone(),
        e.event_id.clone(),
        e.date.clone().unwrap_or_default(),
        e.date_precision.clone(),
        e.source.code.clone(),
        e.source.country.clone().unwrap_or_default(),
        e.source.sectors.join(" "),
        e.source.text.clone(),
        e.source.name.clone().unwrap_or_default(),
        t.map(|t| t.code.clone()).unwrap_or_default(),
        t.and_then(|t| t.country.clone()).unwrap_or_default(),
        t.map(|t| t.sectors.join(" ")).unwrap_or_default(),
        t.map(|t| t.text.clone()).unwrap_or_default(),
        t.and_then(|t| t.name.clone()).unwrap_or_default(),
        e.cameo.clone(),
        e.cameo_root.clone(),
        e.cameo_label.clone(),
        format!("{}", e.goldstein),
        e.quad_class.to_string(),
        e.plover.event.clone(),
        e.plover.mode.clone(),
        e.place.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
        e.place.as_ref().and_then(|p| p.country.clone()).unwrap_or_default(),
        e.sentence.index.to_string(),
        e.evidence.verb.clone(),
        e.evidence.rule.clone(),
        e.evidence.lexicon.clone(),
        e.mentions.to_string(),
        e.sentence.text.clone(),
    ];
    cols.iter().map(|c| tsv_field(c)).collect::<Vec<_>>().join("\t")
}

/// A PLOVER entity object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PloverEntity {
    /// Country or IGO code.
    pub code: String,
    /// The mention as written.
    pub raw_text: String,
    /// A person's name, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_name: Option<String>,
    /// Primary sector.
    pub sector_code: String,
    /// Other sectors, space separated.
    pub other_sector_codes: String,
}

/// An event as a PLOVER JSON record (manual, "PLOVER JSON" table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PloverJson {
    /// Unique identifier.
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Entities that act.
    pub actor: Vec<PloverEntity>,
    /// Entities acted upon.
    pub recipient: Vec<PloverEntity>,
    /// Event categories.
    pub event: Vec<String>,
    /// Modes.
    pub mode: Vec<String>,
    /// Contexts.
    pub context: Vec<String>,
    /// The event's words.
    pub event_text: Vec<String>,
    /// Quad class 1-4.
    pub quad_code: u8,
    /// Goldstein score of the CAMEO code.
    pub event_scale: f32,
    /// Location.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_loc: Option<PlaceRecord>,
    /// The sentence.
    pub text: String,
    /// The article.
    pub story_id: String,
    /// The CAMEO code the PLOVER reading came from.
    pub cameo: String,
    /// Who coded it.
    pub coder: String,
}

fn entity(a: &ActorRecord) -> PloverEntity {
    PloverEntity {
        code: a.country.clone().unwrap_or_default(),
        raw_text: a.text.clone(),
        entity_name: a.name.clone(),
        sector_code: a.sectors.first().cloned().unwrap_or_default(),
        other_sector_codes: a.sectors.iter().skip(1).cloned().collect::<Vec<_>>().join(" "),
    }
}

/// Converts a record to PLOVER's JSON form.
pub fn to_plover(e: &EventRecord) -> PloverJson {
    PloverJson {
        id: e.event_id.clone(),
        date: e.date.clone(),
        actor: vec![entity(&e.source)],
        recipient: e.target.iter().map(entity).collect(),
        event: if e.plover.event.is_empty() { vec![] } else { vec![e.plover.event.clone()] },
        mode: if e.plover.mode.is_empty() { vec![] } else { vec![e.plover.mode.clone()] },
        context: e.plover.context.clone(),
        event_text: vec![e.evidence.verb.clone()],
        quad_code: e.quad_class,
        event_scale: e.goldstein,
        event_loc: e.place.clone(),
        text: e.sentence.text.clone(),
        story_id: e.doc_id.clone(),
        cameo: e.cameo.clone(),
        coder: concat!("dyad ", env!("CARGO_PKG_VERSION")).to_string(),
    }
}

/// Writes records in one format; TSV writes its header before the first row.
pub struct Writer<W: std::io::Write> {
    out: W,
    format: Format,
    header_done: bool,
}

impl<W: std::io::Write> Writer<W> {
    /// A writer of `format` into `out`.
    pub fn new(out: W, format: Format) -> Self {
        Writer { out, format, header_done: false }
    }

    /// Writes the TSV header now (so an empty run still has one).
    pub fn header(&mut self) -> std::io::Result<()> {
        if self.format == Format::Tsv && !self.header_done {
            writeln!(self.out, "{}", TSV_COLUMNS.join("\t"))?;
        }
        self.header_done = true;
        Ok(())
    }

    /// Writes one record.
    pub fn write(&mut self, e: &EventRecord) -> std::io::Result<()> {
        self.header()?;
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, e)?;
                self.out.write_all(b"\n")
            }
            Format::Tsv => writeln!(self.out, "{}", tsv_row(e)),
            Format::Plover => {
                serde_json::to_writer(&mut self.out, &to_plover(e))?;
                self.out.write_all(b"\n")
            }
        }
    }

    /// Flushes and returns the inner writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}
