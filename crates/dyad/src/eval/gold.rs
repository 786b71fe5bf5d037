//! Readers for the gold sets the coder is scored against.
//!
//! Three on-disk shapes are understood, and [`read_gold`] tells them apart
//! from the content, not the file name:
//!
//! * **dyad gold JSONL** — one document per line:
//!   `{"id","date","text","category"?,"events":[{"source","target","cameo"|"plover","date"?}],"expect_none"?}`.
//!   A `null` source means "an actor outside any dictionary" and is kept as
//!   the empty code (no country); a `null` target means the gold event has no
//!   target. When `expect_none` is absent, an empty `events` list means the
//!   coder must produce nothing for that document.
//! * **PETRARCH / TABARI validation records** — the XML-like files of the
//!   PETRARCH family, which are not well-formed XML. See [`parse_petrarch`]
//!   for the exact tolerant rules.
//! * **PLOVER gold-standard records** — the JSON array of the PLOVER GSR.
//!   See [`parse_plover_gsr`].
//!
//! Old PLOVER event names (PLOVER 0.5: `DEMAND`, `DISAPPROVE`, `FIGHT`,
//! `INVESTIGATE`) are mapped to the current sixteen types wherever they
//! appear, so the scorer only ever sees current names.
//!
//! Bad records never abort a read: each becomes a [`Problem`] naming its line
//! and record, and the rest of the file is still read. Only an unreadable
//! file, an unknown format or a PLOVER array that is not JSON at all is an
//! error.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::coder::CodeOptions;

/// Which on-disk shape a gold set was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoldFormat {
    /// dyad's own one-document-per-line JSON.
    Jsonl,
    /// PETRARCH/TABARI validation records (`<Sentence>` … `<EventCoding>`).
    PetrarchXml,
    /// The PLOVER gold-standard JSON array.
    PloverGsr,
}

/// A whole gold file: the documents that could be read and what could not.
#[derive(Debug, Clone, Serialize)]
pub struct GoldSet {
    /// Which reader produced it.
    pub format: GoldFormat,
    /// Documents in file order.
    pub docs: Vec<GoldDoc>,
    /// Records (or parts of records) that were skipped or repaired, so the
    /// user can see why counts differ from the file's own.
    pub problems: Vec<Problem>,
}

/// One gold document: the text the coder is given and what it should find.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldDoc {
    /// Record identifier as written in the file.
    pub id: String,
    /// Story date `YYYY-MM-DD`, when the record has a readable one.
    pub date: Option<String>,
    /// The raw text to code, whitespace collapsed.
    pub text: String,
    /// Test category (`DEMO`, `COMPOUND`, `AFP` …) when the file has one.
    pub category: Option<String>,
    /// Expected events, unordered.
    pub events: Vec<GoldEvent>,
    /// True when the record says the coder must produce no event at all.
    pub expect_none: bool,
    /// Coding options the gold file sets for this document (PETRARCH's
    /// `<Config option="require_dyad" ...>` between records); defaults elsewhere.
    pub coding: CodeOptions,
}

/// One expected event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldEvent {
    /// Actor code such as `USAGOV`, `---REB`, `IGOUNO`; a double-quoted
    /// phrase (`"THE MINISTRY OF MAGIC"`) or the empty string for an actor
    /// that is in no dictionary.
    pub source: String,
    /// Target actor code, `None` when the event has no target.
    pub target: Option<String>,
    /// Full CAMEO event code, when the gold set is CAMEO-coded.
    pub cameo: Option<String>,
    /// Current PLOVER event type, when the gold set is PLOVER-coded.
    pub plover: Option<String>,
    /// Event date `YYYY-MM-DD`, only when the gold gives one for the event
    /// itself (a story date is not an event date).
    pub date: Option<String>,
}

/// Something in a gold file that could not be read as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// 1-based line where the record starts (0 for whole-file problems).
    pub line: usize,
    /// The record's id, when it could be read.
    pub record: Option<String>,
    /// What was wrong and what was done about it.
    pub message: String,
}

/// Why a gold file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// The file could not be opened or read.
    #[error("cannot read gold file {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The content matches none of the known gold formats.
    #[error("{path}: not a known gold format (expected dyad JSONL, PETRARCH <Sentence> records or the PLOVER GSR JSON array)")]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// The file starts like a JSON array but is not valid JSON.
    #[error("{path}: PLOVER GSR array is not valid JSON: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// The parser's complaint, with line and column.
        source: serde_json::Error,
    },
}

/// Reads a gold file, detecting its format from the content.
pub fn read_gold(path: &Path) -> Result<GoldSet, GoldError> {
    let bytes = std::fs::read(path).map_err(|source| GoldError::Io { path: path.to_path_buf(), source })?;
    let mut problems = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            problems.push(Problem {
                line: 0,
                record: None,
                message: format!("file is not valid UTF-8 (first bad byte at offset {}); invalid bytes replaced", e.utf8_error().valid_up_to()),
            });
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let mut set = match detect_format(&text) {
        Some(GoldFormat::Jsonl) => parse_jsonl(&text),
        Some(GoldFormat::PetrarchXml) => parse_petrarch(&text),
        Some(GoldFormat::PloverGsr) => parse_plover_gsr(&text).map_err(|source| GoldError::Json { path: path.to_path_buf(), source })?,
        None => return Err(GoldError::UnknownFormat { path: path.to_path_buf() }),
    };
    problems.append(&mut set.problems);
    set.problems = problems;
    Ok(set)
}

/// Guesses the format from the first meaningful character: `[` is the PLOVER
/// array, `{` is JSONL, and anything holding a `<Sentence` tag is a
/// PETRARCH-style record file.
pub fn detect_format(text: &str) -> Option<GoldFormat> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    match trimmed.as_bytes().first() {
        Some(b'[') => Some(GoldFormat::PloverGsr),
        Some(b'{') => Some(GoldFormat::Jsonl),
        _ if memchr::memmem::find(text.as_bytes(), b"<Sentence").is_some() => Some(GoldFormat::PetrarchXml),
        _ => None,
    }
}

/// Maps PLOVER 0.5 event names to the current sixteen types; current names
/// (and anything unknown) pass through upper-cased.
///
/// The old names come from the 2016 gold-standard records: `DEMAND` became
/// `REQUEST`, `DISAPPROVE` and `INVESTIGATE` became `ACCUSE`, and `FIGHT` was
/// folded into `ASSAULT`.
pub fn normalize_plover(name: &str) -> String {
    let upper = name.trim().to_ascii_uppercase();
    match upper.as_str() {
        "DEMAND" => "REQUEST".to_string(),
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE".to_string(),
        "FIGHT" => "ASSAULT".to_string(),
        _ => upper,
    }
}

// ---------------------------------------------------------------- JSONL

#[derive(Deserialize)]
struct JsonlDoc {
    id: String,
    #[serde(default)]
    date: Option<String>,
    text: String,
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    events: Vec<JsonlEvent>,
    #[serde(default)]
    expect_none: Option<bool>,
}

#[derive(Deserialize)]
struct JsonlEvent {
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    target: Option<String>,
    #[serde(default)]
    cameo: Option<String>,
    #[serde(default)]
    plover: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

/// Parses dyad gold JSONL. Blank lines are ignored; a line that is not a
/// valid document, or a document with an event lacking both `cameo` and
/// `plover`, is skipped as a [`Problem`].
pub fn parse_jsonl(text: &str) -> GoldSet {
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let raw: JsonlDoc = match serde_json::from_str(line) {
            Ok(d) => d,
            Err(e) => {
                problems.push(Problem { line: line_no, record: None, message: format!("not a gold document ({e}); line skipped") });
                continue;
            }
        };
        let mut events = Vec::with_capacity(raw.events.len());
        let mut bad = None;
        for (k, ev) in raw.events.into_iter().enumerate() {
            if ev.cameo.is_none() && ev.plover.is_none() {
                bad = Some(format!("event {k} has neither \"cameo\" nor \"plover\""));
                break;
            }
            let date = match ev.date {
                Some(d) => match check_iso_date(&d) {
                    Some(d) => Some(d),
                    None => {
                        bad = Some(format!("event {k} has unreadable date {d:?}"));
                        break;
                    }
                },
                None => None,
            };
            events.push(GoldEvent {
                source: ev.source.unwrap_or_default(),
                target: ev.target,
                cameo: ev.cameo,
                plover: ev.plover.as_deref().map(normalize_plover),
                date,
            });
        }
        if let Some(msg) = bad {
            problems.push(Problem { line: line_no, record: Some(raw.id), message: format!("{msg}; document skipped") });
            continue;
        }
        let date = match raw.date {
            Some(d) => {
                let checked = check_iso_date(&d);
                if checked.is_none() {
                    problems.push(Problem {
                        line: line_no,
                        record: Some(raw.id.clone()),
                        message: format!("unreadable date {d:?}; document kept without a date"),
                    });
                }
                checked
            }
            None => None,
        };
        if !seen.insert(raw.id.clone()) {
            problems.push(Problem { line: line_no, record: Some(raw.id.clone()), message: "duplicate id; document kept".to_string() });
        }
        let expect_none = raw.expect_none.unwrap_or(events.is_empty());
        docs.push(GoldDoc { id: raw.id, date, text: collapse_ws(&raw.text), category: raw.category, events, expect_none, coding: CodeOptions::default() });
    }
    GoldSet { format: GoldFormat::Jsonl, docs, problems }
}

/// Accepts `YYYY-MM-DD` with a plausible month and day.
fn check_iso_date(d: &str) -> Option<String> {
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits: String = d.chars().filter(|c| *c != '-').collect();
    compact_date(&digits)
}

/// Turns `YYYYMMDD` or `YYMMDD` into `YYYY-MM-DD`. Two-digit years below 50
/// are read as 20xx, the rest as 19xx, which covers every PETRARCH-era file.
fn compact_date(d: &str) -> Option<String> {
    if !d.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = match d.len() {
        8 => (d[..4].to_string(), &d[4..]),
        6 => {
            let yy: u32 = d[..2].parse().ok()?;
            let century = if yy < 50 { 2000 } else { 1900 };
            ((century + yy).to_string(), &d[2..])
        }
        _ => return None,
    };
    let month: u32 = rest[..2].parse().ok()?;
    let day: u32 = rest[2..].parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(format!("{year}-{month:02}-{day:02}"))
}

// ---------------------------------------------------------------- PETRARCH

/// Parses PETRARCH/TABARI validation records with a tolerant scanner.
///
/// Rules, chosen to survive every upstream variant:
/// * Comments (`<!--` to the next `-->`) are blanked first, so `<Sentence`
///   or `<EventCoding` strings inside commentary are never records.
/// * A record runs from one `<Sentence` open tag to the next `<Sentence` or
///   the first `</Sentence>`, whichever comes first — this copes with
///   self-closed `<Sentence …/>` open tags and with records that are never
///   closed.
/// * Attributes read: `id`, `date` (`YYYYMMDD` or `YYMMDD`), `category`,
///   `evaluate`. Every `<EventCoding>` in the record is one expected
///   `sourcecode`/`targetcode`/`eventcode` triple, whether or not the tag is
///   closed; `noevents="True"` sets `expect_none`. A code naming several
///   actors joined with `/` (`FRO/BIL/SAM`, as a dictionary entry writes a
///   phrase that stands for several actors) is one coding per actor.
/// * Records are **skipped** (each with a [`Problem`]) when a coding has an
///   `error=` verdict (a discard test has nothing a coder's events can be
///   compared with), when `evaluate="false"` (upstream bypasses them), when
///   there is no coding at all, when a coding lacks a code, or when the text
///   is empty.
/// * The text is `<Text>…</Text>`; without one (TABARI style) it is the plain
///   text after the codings up to the first `(ROOT` / `( (` parse line,
///   `<Parse>` or the record end. Inline tags are stripped, the five XML
///   entities decoded and whitespace collapsed. `<Parse>`, `<Tree>`,
///   `<PLEvent>` and `<Config>` are ignored.
pub fn parse_petrarch(text: &str) -> GoldSet {
    let masked = mask_comments(text);
    let bytes = masked.as_bytes();
    let line_starts = line_index(bytes);
    let mut starts = Vec::new();
    let finder = memchr::memmem::Finder::new(b"<Sentence");
    for pos in finder.find_iter(bytes) {
        // `<Sentences>` is the container, not a record.
        match bytes.get(pos + 9) {
            Some(c) if c.is_ascii_whitespace() || *c == b'>' || *c == b'/' => starts.push(pos),
            _ => {}
        }
    }
    let close = memchr::memmem::Finder::new(b"</Sentence>");
    let configs = config_changes(&masked);
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let next = starts.get(k + 1).copied().unwrap_or(bytes.len());
        let end = close.find(&bytes[start..next]).map(|p| start + p).unwrap_or(next);
        let line = line_of(&line_starts, start);
        match parse_record(&masked[start..end], line, &mut problems) {
            Ok(mut doc) => {
                doc.coding = options_at(&configs, start);
                docs.push(doc)
            }
            Err(p) => problems.push(p),
        }
    }
    GoldSet { format: GoldFormat::PetrarchXml, docs, problems }
}

/// `<Config option="require_dyad" value="false">` (and `new_actor_length`) elements, in file order, as
/// (position, option, value): each changes the option for every later record.
fn config_changes(masked: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    for (pos, _) in masked.match_indices("<Config") {
        let rest = &masked[pos + "<Config".len()..];
        let end = rest.find('>').unwrap_or(rest.len());
        let a = parse_attrs(rest[..end].trim_end_matches('/'));
        let get = |name: &str| a.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim().to_string());
        if let (Some(o), Some(v)) = (get("option"), get("value")) {
            out.push((pos, o.to_ascii_lowercase(), v.to_ascii_lowercase()));
        }
    }
    out
}

/// The coding options in force at byte `at` (PETRARCH's defaults before any change).
fn options_at(configs: &[(usize, String, String)], at: usize) -> CodeOptions {
    let mut o = CodeOptions::default();
    for (_, option, value) in configs.iter().take_while(|c| c.0 < at) {
        match option.as_str() {
            "require_dyad" => o.require_target = value != "false",
            "new_actor_length" => o.new_actor_length = value.parse().unwrap_or(0),
            _ => {}
        }
    }
    o
}

/// Reads one record; a fatal problem skips it, repairable ones are pushed to
/// `problems` and the record is kept.
fn parse_record(rec: &str, line: usize, problems: &mut Vec<Problem>) -> Result<GoldDoc, Problem> {
    let tag_end = rec.find('>').unwrap_or(rec.len());
    let attrs = parse_attrs(&rec["<Sentence".len()..tag_end]);
    let attr = |name: &str| attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.clone());
    let id = attr("id");
    let problem = |message: String| Problem { line, record: id.clone(), message };
    let Some(id_str) = id.clone().filter(|s| !s.trim().is_empty()) else {
        return Err(problem("<Sentence> without an id; record skipped".to_string()));
    };
    if attr("evaluate").is_some_and(|v| v.eq_ignore_ascii_case("false")) {
        return Err(problem("evaluate=\"false\": upstream bypasses this record; skipped".to_string()));
    }
    let body = &rec[(tag_end + 1).min(rec.len())..];

    let mut events = Vec::new();
    let mut expect_none = false;
    let mut n_codings = 0;
    for (pos, _) in body.match_indices("<EventCoding") {
        let after = &body[pos + "<EventCoding".len()..];
        let end = after.find('>').unwrap_or(after.len());
        let a = parse_attrs(&after[..end]);
        let get = |name: &str| a.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim().to_string());
        n_codings += 1;
        if let Some(err) = get("error") {
            return Err(problem(format!("expects a discard (error=\"{err}\"); record skipped: there is no event to score")));
        }
        if get("noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
            expect_none = true;
            continue;
        }
        let (Some(source), Some(event)) = (get("sourcecode"), get("eventcode")) else {
            return Err(problem("<EventCoding> lacks sourcecode or eventcode; record skipped".to_string()));
        };
        if source.is_empty() || event.is_empty() {
            return Err(problem("<EventCoding> has an empty sourcecode or eventcode; record skipped".to_string()));
        }
        // `FRO/BIL/SAM`: a dictionary phrase standing for several actors, written as
        // one code; it stands for one coding per actor (and per target actor).
        let target = get("targetcode").filter(|t| !t.is_empty());
        let split = |c: &str| -> Vec<String> {
            if c.contains('/') && !c.starts_with('"') {
                c.split('/').filter(|p| !p.is_empty()).map(str::to_string).collect()
            } else {
                vec![c.to_string()]
            }
        };
        let targets: Vec<Option<String>> = match &target {
            Some(t) => split(t).into_iter().map(Some).collect(),
            None => vec![None],
        };
        for src in split(&source) {
            for tgt in &targets {
                events.push(GoldEvent { source: src.clone(), target: tgt.clone(), cameo: Some(event.clone()), plover: None, date: None });
            }
        }
    }
    if n_codings == 0 {
        return Err(problem("no <EventCoding>: nothing is expected or forbidden; record skipped".to_string()));
    }
    if expect_none && !events.is_empty() {
        // Contradictory; the explicit events are the more specific claim.
        expect_none = false;
        problems.push(problem("noevents=\"True\" beside real codings; codings kept".to_string()));
    }
    let raw_text = match (body.find("<Text>"), body.find("</Text>")) {
        (Some(a), Some(b)) if b > a => body[a + "<Text>".len()..b].to_string(),
        (Some(a), None) => body[a + "<Text>".len()..].to_string(),
        _ => plain_text(body),
    };
    let text = collapse_ws(&decode_entities(&strip_tags(&raw_text)));
    if text.is_empty() {
        return Err(problem("empty text; record skipped".to_string()));
    }
    // A lost date only matters for date-restricted actors, so the record
    // stays and the loss is reported.
    let date = match attr("date") {
        Some(d) => {
            let parsed = compact_date(d.trim());
            if parsed.is_none() {
                problems.push(problem(format!("unreadable date {d:?}; record kept without a date")));
            }
            parsed
        }
        None => {
            problems.push(problem("no date; record kept without one".to_string()));
            None
        }
    };
    Ok(GoldDoc { id: id_str, date, text, category: attr("category").filter(|c| !c.trim().is_empty()), events, expect_none, coding: CodeOptions::default() })
}

/// TABARI-style records put the sentence straight after the codings; it ends
/// where the Treebank parse begins.
fn plain_text(body: &str) -> String {
    let mut out = String::new();
    for line in body.lines() {
        let t = line.trim_start();
        if t.starts_with("(ROOT") || t.starts_with("( (") || t.starts_with("<Parse") {
            break;
        }
        // CoreNLP debugging output pasted into a few records.
        if t.contains("CharacterOffsetBegin=") || t.contains("</TIMEX") {
            continue;
        }
        if t.starts_with("<PLEvent") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Replaces every `<!-- … -->` comment with spaces (newlines kept) so byte
/// offsets and line numbers stay valid. An unclosed comment runs to the end
/// of its line only, so one stray opener cannot swallow the file.
fn mask_comments(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let open = memchr::memmem::Finder::new(b"<!--");
    let close = memchr::memmem::Finder::new(b"-->");
    let mut pos = 0;
    while let Some(o) = open.find(&bytes[pos..]) {
        let start = pos + o;
        let end = match close.find(&bytes[start + 4..]) {
            Some(c) => start + 4 + c + 3,
            None => memchr::memchr(b'\n', &bytes[start..]).map(|n| start + n).unwrap_or(bytes.len()),
        };
        for b in &mut out[start..end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
        pos = end;
    }
    // Only ASCII bytes were written over whole comment ranges, and ranges
    // start and end on ASCII delimiters, so the result is still UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Reads `name="value"` / `name='value'` / `name=value` pairs.
fn parse_attrs(s: &str) -> Vec<(String, String)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        let name = &s[name_start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() || b[i] != b'=' {
            if name.is_empty() {
                i += 1;
            }
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
            let q = b[i];
            let vs = i + 1;
            let ve = memchr::memchr(q, &b[vs..]).map(|p| vs + p).unwrap_or(b.len());
            i = (ve + 1).min(b.len());
            &s[vs..ve]
        } else {
            let vs = i;
            while i < b.len() && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            &s[vs..i]
        };
        if !name.is_empty() {
            out.push((name.to_string(), decode_entities(value)));
        }
    }
    out
}

/// Removes markup tags (`<actor>`, `</verb>`, `<Skip>` …) but keeps a `<`
/// that does not start a tag, as in "a < b".
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('<') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        let starts_tag = after.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match (starts_tag, after.find('>')) {
            (true, Some(e)) if !after[..e].contains('\n') => {
                out.push(' ');
                rest = &after[e + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn line_index(bytes: &[u8]) -> Vec<usize> {
    std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|p| p + 1)).collect()
}

fn line_of(starts: &[usize], pos: usize) -> usize {
    starts.partition_point(|&s| s <= pos)
}

// ---------------------------------------------------------------- PLOVER GSR

/// Parses the PLOVER gold-standard JSON array.
///
/// * Objects whose `event` is `DOCUMENT` are file headers and are skipped.
/// * `source`/`target` are lists of `{actorText, code, sector}`; the code and
///   sector are joined (`HUN` + `GOV` → `HUNGOV`); a `***` (unknown) sector
///   is dropped. A target that is a string, `null` or absent means no target.
/// * Several sources and targets give one gold event per source × target.
///   When there is no target but the markup marks the sources `SRC/TAR`
///   (reciprocal compound actors), each source acts on every other source.
/// * A record without a source or with an unreadable shape is skipped as a
///   [`Problem`]; the `date` field is a placeholder in the upstream file and
///   is kept as the story date only.
pub fn parse_plover_gsr(text: &str) -> Result<GoldSet, serde_json::Error> {
    let value: serde_json::Value = serde_json::from_str(text)?;
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    let serde_json::Value::Array(items) = value else {
        problems.push(Problem { line: 0, record: None, message: "top-level JSON value is not an array; nothing read".to_string() });
        return Ok(GoldSet { format: GoldFormat::PloverGsr, docs, problems });
    };
    for (i, item) in items.iter().enumerate() {
        // The array has no line structure worth reporting; the record number
        // (1-based) stands in for the line.
        let rec_no = i + 1;
        let id = item.get("id").and_then(|v| v.as_str()).map(str::to_string);
        let problem = |message: &str| Problem { line: rec_no, record: id.clone(), message: format!("record {rec_no}: {message}") };
        let Some(event) = item.get("event").and_then(|v| v.as_str()) else {
            problems.push(problem("no \"event\"; record skipped"));
            continue;
        };
        if event.eq_ignore_ascii_case("DOCUMENT") {
            continue;
        }
        let Some(id_str) = id.clone() else {
            problems.push(problem("no \"id\"; record skipped"));
            continue;
        };
        let Some(text) = item.get("text").and_then(|v| v.as_str()) else {
            problems.push(problem("no \"text\"; record skipped"));
            continue;
        };
        let sources = actor_codes(item.get("source"));
        if sources.is_empty() {
            problems.push(problem("no source actor; record skipped"));
            continue;
        }
        let targets = actor_codes(item.get("target"));
        let plover = normalize_plover(event);
        let reciprocal = item.get("textInfo").and_then(|t| t.get("markup")).and_then(|m| m.as_str()).is_some_and(|m| m.contains("SRC/TAR"));
        let mut events = Vec::new();
        let mk = |s: &str, t: Option<&str>| GoldEvent {
            source: s.to_string(),
            target: t.map(str::to_string),
            cameo: None,
            plover: Some(plover.clone()),
            date: None,
        };
        if targets.is_empty() && reciprocal && sources.len() > 1 {
            for (a, s) in sources.iter().enumerate() {
                for (b, t) in sources.iter().enumerate() {
                    if a != b {
                        events.push(mk(s, Some(t)));
                    }
                }
            }
        } else if targets.is_empty() {
            events.extend(sources.iter().map(|s| mk(s, None)));
        } else {
            for s in &sources {
                for t in &targets {
                    events.push(mk(s, Some(t)));
                }
            }
        }
        let date = item.get("date").and_then(|v| v.as_str()).and_then(check_iso_date);
        docs.push(GoldDoc { id: id_str, date, text: collapse_ws(text), category: None, events, expect_none: false, coding: CodeOptions::default() });
    }
    Ok(GoldSet { format: GoldFormat::PloverGsr, docs, problems })
}

fn actor_codes(v: Option<&serde_json::Value>) -> Vec<String> {
    let Some(serde_json::Value::Array(list)) = v else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|a| {
            let code = a.get("code")?.as_str()?.trim();
            if code.is_empty() {
                return None;
            }
            let sector = a.get("sector").and_then(|s| s.as_str()).map(str::trim).filter(|s| !s.is_empty() && *s != "***").unwrap_or("");
            Some(format!("{code}{sector}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_reads_good_lines_and_reports_bad_ones() {
        let text = concat!(
            r#"{"id":"a","date":"2001-02-03","text":"A  met\nB.","category":"DEMO","events":[{"source":"USAGOV","target":"RUS","cameo":"042"}]}"#,
            "\n\n",
            "{not json\n",
            r#"{"id":"b","date":"2001-02-03","text":"x","events":[{"source":"USA","target":null}]}"#,
            "\n",
            r#"{"id":"c","date":"yesterday","text":"y","events":[{"source":null,"target":"GBR","plover":"DEMAND","date":"2001-02-04"}]}"#,
            "\n",
            r#"{"id":"d","date":"2001-02-03","text":"z","events":[]}"#,
            "\n",
            r#"{"id":"e","text":"w","events":[],"expect_none":false}"#,
            "\n",
        );
        let set = parse_jsonl(text);
        assert_eq!(set.format, GoldFormat::Jsonl);
        let ids: Vec<&str> = set.docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "c", "d", "e"]);
        let a = &set.docs[0];
        assert_eq!(a.text, "A met B.");
        assert_eq!(a.date.as_deref(), Some("2001-02-03"));
        assert_eq!(a.category.as_deref(), Some("DEMO"));
        assert!(!a.expect_none);
        assert_eq!(a.events[0].cameo.as_deref(), Some("042"));
        let c = &set.docs[1];
        assert_eq!(c.date, None, "unreadable doc date is dropped");
        assert_eq!(c.events[0].source, "", "null source = actor in no dictionary");
        assert_eq!(c.events[0].plover.as_deref(), Some("REQUEST"));
        assert_eq!(c.events[0].date.as_deref(), Some("2001-02-04"));
        assert!(set.docs[2].expect_none, "empty events means expect nothing");
        assert!(!set.docs[3].expect_none, "explicit expect_none wins");

        let lines: Vec<(usize, Option<&str>)> = set.problems.iter().map(|p| (p.line, p.record.as_deref())).collect();
        assert_eq!(lines, [(3, None), (4, Some("b")), (5, Some("c"))]);
        assert!(set.problems[1].message.contains("neither"));
    }

    #[test]
    fn old_plover_names_are_mapped() {
        for (old, new) in
            [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("INVESTIGATE", "ACCUSE"), ("FIGHT", "ASSAULT"), ("consult", "CONSULT"), ("AGREE", "AGREE")]
        {
            assert_eq!(normalize_plover(old), new, "{old}");
        }
    }

    #[test]
    fn dates_compact_and_iso() {
        for (input, want) in [
            ("19950101", Some("1995-01-01")),
            ("121108", Some("2012-11-08")),
            ("950101", Some("1995-01-01")),
            ("19951301", None),
            ("1995010", None),
            ("2008O804", None),
        ] {
            assert_eq!(compact_date(input).as_deref(), want, "{input}");
        }
        assert_eq!(check_iso_date("2000-01-01").as_deref(), Some("2000-01-01"));
        assert_eq!(check_iso_date("--"), None);
        assert_eq!(check_iso_date("20000101"), None);
    }

    const PETR_SAMPLE: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!--
#   Use <Sentence ... evaluate="false"> to bypass, explain in <!-- ... --> why
-->
<Sentences>
<Config option="require_dyad" value="false"></Config>
<Sentence category="AFP" date="20080804" id="S1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<!-- <EventCoding eventcode="999" sourcecode="XXX" targetcode="YYY" /> -->
<Text>
The US leader <actor>visited</actor> Beijing &amp; Shanghai.
</Text>
<Parse>
1	The	the	DET	DT	_	2	det	_	_
</Parse>
</Sentence>
<Sentence category="AFP" date="121108" id="S2" evaluate="true"/>
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="19950101" id="S3" category="ERROR">
<EventCoding error="storydiscard"></EventCoding>
<Text>Discard me.</Text>
</Sentence>
<Sentence date="19950101" id="S4" category="DEMO" evaluate="false">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>Bypassed.</Text>
</Sentence>
<Sentence date="19950104" id="S5" category="DATE" valid="true">
<!-- TABARI style: no Text wrapper, unclosed codings -->
<EventCoding sourcecode="HOBCIV" targetcode="SHRGOV" eventcode="031">
<EventCoding sourcecode='"THE MINISTRY"' targetcode="---" eventcode="033">
<Skip>
Sam Gamgee will be renewing
his license.
(ROOT (S (NP (NNP Sam))))

<Sentence date="1995" id="S6" category="PATTERN">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="08">
Arnor and Gondor.
</Sentence>
<Sentence date="19950101" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064">
<Text>No id here.</Text>
</Sentence>
<Sentence date="19950101" id="S8" category="DEMO">
<Text>No coding.</Text>
</Sentence>
<Sentence date="19950101" id="S9" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064">
<Text>
</Text>
</Sentence>
</Sentences>
"#;

    #[test]
    fn petrarch_records_are_read_tolerantly() {
        assert_eq!(detect_format(PETR_SAMPLE), Some(GoldFormat::PetrarchXml));
        let set = parse_petrarch(PETR_SAMPLE);
        let ids: Vec<&str> = set.docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["S1", "S2", "S5", "S6"]);

        let s1 = &set.docs[0];
        assert_eq!(s1.text, "The US leader visited Beijing & Shanghai.");
        assert_eq!(s1.date.as_deref(), Some("2008-08-04"));
        assert_eq!(s1.category.as_deref(), Some("AFP"));
        assert_eq!(s1.events.len(), 1, "commented-out coding is ignored");
        assert_eq!(s1.events[0].source, "USA");
        assert_eq!(s1.events[0].target.as_deref(), Some("CHN"));
        assert_eq!(s1.events[0].cameo.as_deref(), Some("042"));

        let s2 = &set.docs[1];
        assert!(s2.expect_none);
        assert!(s2.events.is_empty());
        assert_eq!(s2.date.as_deref(), Some("2012-11-08"));

        let s5 = &set.docs[2];
        assert_eq!(s5.text, "Sam Gamgee will be renewing his license.");
        assert_eq!(s5.events.len(), 2);
        assert_eq!(s5.events[1].source, "\"THE MINISTRY\"");
        assert_eq!(s5.events[1].target.as_deref(), Some("---"));

        let s6 = &set.docs[3];
        assert_eq!(s6.text, "Arnor and Gondor.");
        assert_eq!(s6.date, None);

        let msgs: Vec<(Option<&str>, &str)> = set.problems.iter().map(|p| (p.record.as_deref(), p.message.as_str())).collect();
        let has = |id: Option<&str>, needle: &str| msgs.iter().any(|(r, m)| *r == id && m.contains(needle));
        assert!(has(Some("S3"), "discard"), "{msgs:?}");
        assert!(has(Some("S4"), "evaluate"), "{msgs:?}");
        assert!(has(Some("S6"), "date"), "{msgs:?}");
        assert!(has(None, "without an id"), "{msgs:?}");
        assert!(has(Some("S8"), "no <EventCoding>"), "{msgs:?}");
        assert!(has(Some("S9"), "empty text"), "{msgs:?}");
        assert_eq!(set.problems.len(), 6, "{msgs:?}");
        let s3 = set.problems.iter().find(|p| p.record.as_deref() == Some("S3"));
        assert_eq!(s3.map(|p| p.line), Some(22));
    }

    #[test]
    fn petrarch_codes_joined_with_a_slash_are_one_coding_per_actor() {
        let xml = "<Sentence date=\"19950101\" id=\"J1\" category=\"COMPOUND\">\n<EventCoding sourcecode=\"XAA/XBB\" targetcode=\"XCC/XDD\" eventcode=\"064\">\n<Text>The Marches restored ties with the Vales.</Text>\n</Sentence>\n";
        let set = parse_petrarch(xml);
        let pairs: Vec<(String, Option<String>)> = set.docs[0].events.iter().map(|e| (e.source.clone(), e.target.clone())).collect();
        let p = |a: &str, b: &str| (a.to_string(), Some(b.to_string()));
        assert_eq!(pairs, [p("XAA", "XCC"), p("XAA", "XDD"), p("XBB", "XCC"), p("XBB", "XDD")]);
    }

    #[test]
    fn petrarch_config_between_records_sets_coding_options() {
        let rec = |id: &str| {
            format!("<Sentence date=\"19950101\" id=\"{id}\" category=\"X\">\n<EventCoding sourcecode=\"XAA\" targetcode=\"---\" eventcode=\"023\">\n<Text>Text {id}.</Text>\n</Sentence>\n")
        };
        let xml = format!(
            "<Environment><Config option=\"stop_on_error\" value=\"True\"></Config></Environment>\n{}<Config option=\"require_dyad\" value=\"FALSE\"></Config>\n{}<!-- <Config option=\"require_dyad\" value=\"true\"> -->\n{}<Config option=\"require_dyad\" value=\"True\" />\n{}",
            rec("A"),
            rec("B"),
            rec("C"),
            rec("D")
        );
        let set = parse_petrarch(&xml);
        let req: Vec<bool> = set.docs.iter().map(|d| d.coding.require_target).collect();
        // A commented-out Config changes nothing.
        assert_eq!(req, [true, false, false, true]);
        let xml = format!(
            "<Config option=\"new_actor_length\" value=\"4\"></Config>\n{}<Config option=\"new_actor_length\" value=\"0\"></Config>\n{}",
            rec("E"),
            rec("F")
        );
        let lens: Vec<usize> = parse_petrarch(&xml).docs.iter().map(|d| d.coding.new_actor_length).collect();
        assert_eq!(lens, [4, 0]);
    }

    #[test]
    fn attributes_and_tags() {
        let a = parse_attrs(r#" date="1995" id='x y' bare=7 category = "A&amp;B"/"#);
        assert_eq!(
            a,
            [
                ("date".to_string(), "1995".to_string()),
                ("id".to_string(), "x y".to_string()),
                ("bare".to_string(), "7".to_string()),
                ("category".to_string(), "A&B".to_string()),
            ]
        );
        assert_eq!(collapse_ws(&strip_tags("a <b>c</b> < d")), "a c < d");
    }

    const PLOVER_SAMPLE: &str = r#"[
 {"id": "DOC-1", "event": "DOCUMENT", "eventText": "header"},
 {"id": "G-1", "event": "DEMAND", "text": "Hungary asked  Romania.", "date": "2000-01-01",
  "source": [{"actorText": "Hungary", "code": "HUN", "sector": "GOV"}],
  "target": [{"actorText": "Romania", "code": "ROU", "sector": "***"}, {"actorText": "Albanians", "code": "ALB", "sector": "CVLalb"}]},
 {"id": "G-2", "event": "AGREE", "text": "A and B agreed.",
  "source": [{"actorText": "A", "code": "USA"}, {"actorText": "B", "code": "JOR"}],
  "target": "", "textInfo": {"markup": "(SRC/TAR: A) and (SRC/TAR: B) (EVT: agreed)."}},
 {"id": "G-3", "event": "RETREAT", "text": "Latvia withdrew.",
  "source": [{"actorText": "Latvia", "code": "LVA"}, {"actorText": "Estonia", "code": "EST"}]},
 {"id": "G-4", "event": "FIGHT", "text": "Nobody did it.", "source": null,
  "target": [{"actorText": "x", "code": "IRQ"}]}
]"#;

    #[test]
    fn plover_gsr_records() {
        assert_eq!(detect_format(PLOVER_SAMPLE), Some(GoldFormat::PloverGsr));
        let set = parse_plover_gsr(PLOVER_SAMPLE).expect("valid JSON");
        let ids: Vec<&str> = set.docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["G-1", "G-2", "G-3"], "header and source-less record skipped");
        let pairs = |d: &GoldDoc| -> Vec<(String, Option<String>, Option<String>)> {
            d.events.iter().map(|e| (e.source.clone(), e.target.clone(), e.plover.clone())).collect()
        };
        let s = |x: &str| x.to_string();
        assert_eq!(pairs(&set.docs[0]), [(s("HUNGOV"), Some(s("ROU")), Some(s("REQUEST"))), (s("HUNGOV"), Some(s("ALBCVLalb")), Some(s("REQUEST"))),]);
        assert_eq!(set.docs[0].text, "Hungary asked Romania.");
        assert_eq!(set.docs[0].date.as_deref(), Some("2000-01-01"));
        assert_eq!(
            pairs(&set.docs[1]),
            [(s("USA"), Some(s("JOR")), Some(s("AGREE"))), (s("JOR"), Some(s("USA")), Some(s("AGREE"))),],
            "SRC/TAR without target is reciprocal"
        );
        assert_eq!(pairs(&set.docs[2]), [(s("LVA"), None, Some(s("RETREAT"))), (s("EST"), None, Some(s("RETREAT"))),]);
        assert_eq!(set.problems.len(), 1);
        assert_eq!(set.problems[0].record.as_deref(), Some("G-4"));
        assert!(set.docs.iter().all(|d| d.events.iter().all(|e| e.date.is_none())));
    }

    #[test]
    fn read_gold_detects_and_errors() {
        let dir = std::env::temp_dir().join(format!("dyad-eval-gold-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let jsonl = dir.join("g.jsonl");
        std::fs::write(&jsonl, "{\"id\":\"a\",\"text\":\"t\",\"events\":[{\"source\":\"USA\",\"target\":\"RUS\",\"cameo\":\"042\"}]}\n").expect("write");
        assert_eq!(read_gold(&jsonl).expect("reads").format, GoldFormat::Jsonl);
        let xml = dir.join("g.xml");
        std::fs::write(&xml, PETR_SAMPLE).expect("write");
        assert_eq!(read_gold(&xml).expect("reads").docs.len(), 4);
        let other = dir.join("g.txt");
        std::fs::write(&other, "just some prose\n").expect("write");
        assert!(matches!(read_gold(&other), Err(GoldError::UnknownFormat { .. })));
        let broken = dir.join("b.json");
        std::fs::write(&broken, "[{\"id\": ").expect("write");
        let err = read_gold(&broken).expect_err("broken JSON");
        assert!(err.to_string().contains("b.json"), "{err}");
        let missing = read_gold(&dir.join("absent.jsonl")).expect_err("missing");
        assert!(matches!(missing, GoldError::Io { .. }));
        let latin1 = dir.join("l.jsonl");
        std::fs::write(&latin1, b"{\"id\":\"a\",\"text\":\"caf\xe9\",\"events\":[]}\n").expect("write");
        let set = read_gold(&latin1).expect("lossy read");
        assert_eq!(set.docs.len(), 1);
        assert!(set.problems[0].message.contains("UTF-8"));
        std::fs::remove_dir_all(&dir).ok();
    }

    /// Reads every shared gold file and checks the counts stated in each
    /// folder's PROVENANCE.md (records read + records skipped = records in
    /// the file).
    #[test]
    fn real_gold_files_match_provenance_counts() {
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
        if !root.is_dir() {
            eprintln!("skipping: shared data not found at {}", root.display());
            return;
        }
        struct Want {
            file: &'static str,
            format: GoldFormat,
            records: usize,
            docs: usize,
            events: usize,
            expect_none: usize,
        }
        let wants = [
            // 78 records; abc12_3 has an empty <Text> (1 coding lost).
            Want { file: "petr2-gsr-validation/PETR2_GSR_validation.xml", format: GoldFormat::PetrarchXml, records: 78, docs: 77, events: 79, expect_none: 12 },
            // 284 records: 7 error codings, PATTERN-06 has no coding.
            Want {
                file: "petrarch2-unittest/PETR.UnitTest.records.xml",
                format: GoldFormat::PetrarchXml,
                records: 284,
                docs: 276,
                events: 359,
                expect_none: 19,
            },
            // 274 real records: 7 error codings, 10 evaluate="false".
            Want {
                file: "udpetrarch-validation/PETR_Validate_records_2_02.xml",
                format: GoldFormat::PetrarchXml,
                records: 274,
                docs: 257,
                // 308 codings; two name `FRO/BIL/SAM` -> `ELR/GAL` and the like: 317 events.
                events: 317,
                expect_none: 18,
            },
            // 405 records, 406 codings; 65 records carry no coding.
            Want {
                file: "tabari-validation-petr1/PETR.Validate.records.140226.txt",
                format: GoldFormat::PetrarchXml,
                records: 405,
                docs: 340,
                events: 406,
                expect_none: 0,
            },
            // 322 sentences; one has no source actor.
            Want { file: "plover-gsr/PLOVER_GSR_CAMEO.json", format: GoldFormat::PloverGsr, records: 322, docs: 321, events: 362, expect_none: 0 },
            Want { file: "plover-gsr/gold.jsonl", format: GoldFormat::Jsonl, records: 322, docs: 322, events: 353, expect_none: 3 },
            Want { file: "petr2-gsr-validation/gold.jsonl", format: GoldFormat::Jsonl, records: 77, docs: 77, events: 79, expect_none: 12 },
            // 277 lines; 11 have "id": null and are reported.
            Want { file: "petrarch2-unittest/gold.jsonl", format: GoldFormat::Jsonl, records: 277, docs: 266, events: 356, expect_none: 11 },
        ];
        for w in wants {
            let path = root.join(w.file);
            if !path.is_file() {
                eprintln!("skipping {}: not present", path.display());
                continue;
            }
            let set = read_gold(&path).unwrap_or_else(|e| panic!("{e}"));
            let events: usize = set.docs.iter().map(|d| d.events.len()).sum();
            let none = set.docs.iter().filter(|d| d.expect_none).count();
            // Problems that skip nothing (duplicate ids, lost dates) do not
            // count as skipped records.
            let skipped = set.problems.iter().filter(|p| p.message.contains("skipped")).count();
            assert_eq!(set.format, w.format, "{}", w.file);
            assert_eq!(set.docs.len(), w.docs, "{}: docs", w.file);
            assert_eq!(set.docs.len() + skipped, w.records, "{}: records", w.file);
            assert_eq!(events, w.events, "{}: events", w.file);
            assert_eq!(none, w.expect_none, "{}: expect_none", w.file);
            assert!(set.docs.iter().all(|d| !d.text.is_empty() && (d.expect_none || !d.events.is_empty())), "{}: every doc has text and expectations", w.file);
        }
        // Category figures from petrarch2-unittest/PROVENANCE.md.
        let path = root.join("petrarch2-unittest/PETR.UnitTest.records.xml");
        if path.is_file() {
            let set = read_gold(&path).unwrap_or_else(|e| panic!("{e}"));
            let count = |c: &str| set.docs.iter().filter(|d| d.category.as_deref() == Some(c)).count();
            for (cat, n) in [
                ("SYNSET", 52),
                ("COMPOUND", 42),
                ("DEMO", 36),
                ("AGENT", 24),
                ("VERB", 23),
                ("DATE", 21),
                ("MODIFY", 20),
                ("ACTOR", 15),
                ("PARSING", 12),
                ("PATTERN", 28),
            ] {
                assert_eq!(count(cat), n, "category {cat}");
            }
            let errors = set.problems.iter().filter(|p| p.message.contains("discard")).count();
            assert_eq!(errors, 7);
        }
    }
}
