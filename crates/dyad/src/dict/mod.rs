//! Readers for the event-data community's dictionaries.
//!
//! TABARI, PETRARCH-1/2 and Phoenix ship their knowledge as plain-text
//! dictionaries: actors (`UNITED_STATES [USA]`, date-restricted roles),
//! agents (`FARMER [~AGR]`), verb patterns (`- $ * + [042]`), discard lists
//! and issue lists. This module turns those files into the lexicon's own
//! types ([`ActorEntry`], [`VerbPattern`]) so that dyad can code with the
//! community vocabulary as well as with its built-in one.
//!
//! Reading is lenient by design: the public dictionaries contain typos
//! (seven-digit dates, unknown codes, unclosed braces). A malformed line is
//! recorded as a [`DictProblem`] naming file and line, and everything else in
//! the file is still used. Only an unreadable file is an error.
//!
//! Conversion choices that the coder must know about:
//! - Phrases become lowercase words separated by single spaces (`_` joins
//!   words in the files). TABARI's "trailing `_` = exact word, otherwise
//!   stem" distinction is dropped for actor and agent phrases, as PETRARCH-2
//!   does.
//! - Agents are [`ActorKind::Sector`] entries. An appended code (`[~GOV]`)
//!   has `country: None` and the segments in `sectors`; a prepended code
//!   (`[NGO~]`) is stored in `country` (`Some("NGO")`, no sectors), meaning
//!   "write this code *before* the country code" (see [`agent_prefix`]).
//! - Verb patterns are flattened to element sequences; see [`verbs`] for
//!   the gap approximation and [`event_codes`] for `[042:043]` codes.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::lexicon::{ActorCode, ActorEntry, VerbPattern};

mod actors;
mod agents;
mod lists;
pub mod verbs;

pub use verbs::event_codes;

/// Which kind of dictionary a file holds; decides which reader parses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DictKind {
    /// Actor phrases with country/role codes and date restrictions.
    Actors,
    /// Agent (role/sector) words combined with a nearby actor.
    Agents,
    /// Verb blocks and patterns (PETRARCH-2 or flat TABARI syntax).
    Verbs,
    /// Phrases that cancel a sentence or a whole story.
    Discards,
    /// Phrases tagging a sentence with an issue/topic code.
    Issues,
}

impl DictKind {
    /// Lowercase name used in reports (`actors`, `verbs`, ...).
    pub fn name(self) -> &'static str {
        match self {
            DictKind::Actors => "actors",
            DictKind::Agents => "agents",
            DictKind::Verbs => "verbs",
            DictKind::Discards => "discards",
            DictKind::Issues => "issues",
        }
    }
}

impl fmt::Display for DictKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One malformed or unsupported dictionary line; the rest of the file is still used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictProblem {
    /// The file the line is in.
    pub file: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong and what was done about it.
    pub message: String,
}

impl fmt::Display for DictProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

/// Everything read from one or more community dictionaries.
#[derive(Debug, Clone, Default)]
pub struct Dictionaries {
    /// Actor phrases: one entry per primary phrase and per `+` synonym.
    pub actors: Vec<ActorEntry>,
    /// Agent phrases (kind [`ActorKind::Sector`](crate::lexicon::ActorKind::Sector)),
    /// including generated plurals and substitution-set expansions.
    pub agents: Vec<ActorEntry>,
    /// Verb patterns, including one verb-only pattern per verb line whose code is not `---`.
    pub verbs: Vec<VerbPattern>,
    /// Sentence-level discards: lowercase phrases whose presence means the
    /// sentence is not coded (sports, entertainment, historical years, ...).
    pub discards: Vec<String>,
    /// Story-level discards (`+PHRASE` in the files): the presence of the
    /// phrase anywhere in a story means the whole story is not coded.
    pub story_discards: Vec<String>,
    /// Issue phrases and their codes. Exclusion phrases use PETRARCH's own
    /// pseudo-codes: `"~"` cancels issue coding for the sentence, `"~~"` for
    /// the story.
    pub issues: Vec<(String, String)>,
    /// Every malformed or unsupported line, with file and line number.
    pub problems: Vec<DictProblem>,
    /// Each file read, its kind and how many entries it produced.
    pub files: Vec<(PathBuf, DictKind, usize)>,
    /// Files in a folder that are not dictionaries (records, notes, other
    /// lists), with the reason they were left alone.
    pub skipped: Vec<(PathBuf, String)>,
}

impl Dictionaries {
    /// Reads a file or a folder into a fresh set of dictionaries.
    pub fn load(path: &Path) -> Result<Dictionaries, DictError> {
        let mut d = Dictionaries::default();
        load_path(path, &mut d)?;
        Ok(d)
    }
}

/// Why a dictionary path could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum DictError {
    /// The file or folder could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file given explicitly whose kind cannot be told from name or content.
    #[error(
        "{}: cannot tell which kind of dictionary this is; its name should contain \
         'actors', 'agents', 'verbs', 'discards' or 'issues'",
        path.display()
    )]
    UnknownKind {
        /// The file.
        path: PathBuf,
    },
}

/// Reads a dictionary file, or every dictionary file under a folder
/// (recursively, in name order), appending to `into`.
///
/// Each file's kind is detected from its name and content ([`detect_kind`]).
/// In a folder, files that are not dictionaries are listed in
/// [`Dictionaries::skipped`]; a single file of unknown kind is an error.
pub fn load_path(path: &Path, into: &mut Dictionaries) -> Result<(), DictError> {
    let meta = std::fs::metadata(path).map_err(|source| DictError::Io { path: path.to_path_buf(), source })?;
    if meta.is_dir() {
        load_dir(path, into)
    } else {
        let text = read_text(path)?;
        match detect_kind(path, &text) {
            Ok(kind) => {
                load_text(path, kind, &text, into);
                Ok(())
            }
            Err(_) => Err(DictError::UnknownKind { path: path.to_path_buf() }),
        }
    }
}

fn load_dir(dir: &Path, into: &mut Dictionaries) -> Result<(), DictError> {
    let io_err = |source| DictError::Io { path: dir.to_path_buf(), source };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).map_err(io_err)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>().map_err(io_err)?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            load_dir(&p, into)?;
            continue;
        }
        if let Some(reason) = skip_reason_by_name(&p) {
            into.skipped.push((p, reason.to_string()));
            continue;
        }
        let text = read_text(&p)?;
        match detect_kind(&p, &text) {
            Ok(kind) => load_text(&p, kind, &text, into),
            Err(reason) => into.skipped.push((p, reason.to_string())),
        }
    }
    Ok(())
}

/// Reads dictionary text of a known kind (for inline dictionaries and tests);
/// `file` names the source in origins and problems.
pub fn load_text(file: &Path, kind: DictKind, text: &str, into: &mut Dictionaries) {
    let lines = logical_lines(text);
    let mut ctx =
        Ctx { file, name: file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| file.display().to_string()), problems: Vec::new() };
    let count = match kind {
        DictKind::Actors => actors::parse(&lines, &mut ctx, &mut into.actors),
        DictKind::Agents => agents::parse(&lines, &mut ctx, &mut into.agents),
        DictKind::Verbs => verbs::parse(&lines, &mut ctx, &mut into.verbs),
        DictKind::Discards => lists::parse_discards(&lines, &mut ctx, &mut into.discards, &mut into.story_discards),
        DictKind::Issues => lists::parse_issues(&lines, &mut ctx, &mut into.issues),
    };
    into.problems.append(&mut ctx.problems);
    into.files.push((file.to_path_buf(), kind, count));
}

/// Tells a dictionary's kind from its file name, falling back to its
/// content; `Err` carries the reason the file is not a dictionary.
pub fn detect_kind(path: &Path, text: &str) -> Result<DictKind, &'static str> {
    if let Some(reason) = skip_reason_by_name(path) {
        return Err(reason);
    }
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    // Order matters: "PETR.Validate.actors" must not be read as verbs because of "validate".
    for (needle, kind) in
        [("actor", DictKind::Actors), ("agent", DictKind::Agents), ("discard", DictKind::Discards), ("issue", DictKind::Issues), ("verb", DictKind::Verbs)]
    {
        if name.contains(needle) {
            return Ok(kind);
        }
    }
    sniff_kind(text).ok_or("neither its name nor its content looks like a dictionary")
}

fn skip_reason_by_name(path: &Path) -> Option<&'static str> {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    const NOT_DICT_EXT: [&str; 8] = [".md", ".xml", ".json", ".jsonl", ".tex", ".csv", ".gz", ".html"];
    if NOT_DICT_EXT.iter().any(|e| name.ends_with(e)) {
        return Some("not a dictionary (documentation or data file)");
    }
    if name.contains("record") {
        return Some("validation records, not a dictionary");
    }
    if name.contains("preposition") {
        return Some("preposition list: not a dictionary kind dyad reads");
    }
    if name.contains("ontology") {
        return Some("code ontology, not a dictionary");
    }
    None
}

/// Content-based guess for files whose name says nothing (e.g. `CAMEO.2.0.txt`).
fn sniff_kind(text: &str) -> Option<DictKind> {
    let mut patterns = 0usize;
    let mut agent_codes = 0usize;
    let mut actor_codes = 0usize;
    for line in text.lines().take(20_000) {
        let t = line.trim_start();
        if t.starts_with("<ISSUE") {
            return Some(DictKind::Issues);
        }
        if (t.starts_with("- ") && t.contains('*')) || (t.starts_with("---") && t.contains('[')) {
            patterns += 1;
        } else if t.contains("[~") || t.contains("~]") {
            agent_codes += 1;
        } else if t.contains('[') {
            actor_codes += 1;
        }
    }
    if patterns >= 3 && patterns >= agent_codes {
        Some(DictKind::Verbs)
    } else if agent_codes >= 3 && agent_codes >= actor_codes {
        Some(DictKind::Agents)
    } else if actor_codes >= 3 {
        Some(DictKind::Actors)
    } else {
        None
    }
}

/// Reads a file as UTF-8, falling back to Latin-1 (the 2009 TABARI verb file
/// is Latin-1), and drops a byte-order mark.
fn read_text(path: &Path) -> Result<String, DictError> {
    let bytes = std::fs::read(path).map_err(|source| DictError::Io { path: path.to_path_buf(), source })?;
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    };
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Per-file parsing context shared by the readers.
pub(crate) struct Ctx<'a> {
    file: &'a Path,
    /// File name used in entry origins (`Phoenix.agents.txt:12`).
    name: String,
    problems: Vec<DictProblem>,
}

impl Ctx<'_> {
    pub(crate) fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(DictProblem { file: self.file.to_path_buf(), line, message: message.into() });
    }

    pub(crate) fn origin(&self, line: usize) -> String {
        format!("{}:{}", self.name, line)
    }
}

/// One line of a dictionary with comments removed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// 1-based line number in the file.
    pub no: usize,
    /// Content without comments and without trailing whitespace; may be empty.
    pub text: &'a str,
    /// The line as written (for pattern evidence).
    pub raw: &'a str,
}

/// Splits text into lines, removing `<!-- ... -->` comments (possibly
/// spanning lines) and end-of-line comments started by `#` or `;` outside
/// square brackets (TABARI writes the code `[###]`).
pub(crate) fn logical_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(text.len() / 24);
    let mut in_xml_comment = false;
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let mut t = raw;
        if in_xml_comment {
            match t.find("-->") {
                Some(end) => {
                    in_xml_comment = false;
                    t = &t[end + 3..];
                }
                None => t = "",
            }
        }
        // Text before an XML comment is kept; text after an in-line comment is
        // rare enough in these files to be dropped with it.
        if let Some(start) = t.find("<!--") {
            match t[start..].find("-->") {
                Some(_) => t = &t[..start],
                None => {
                    in_xml_comment = true;
                    t = &t[..start];
                }
            }
        }
        // PETRARCH also treats any line starting with "<!" as a comment ("<! -- ...").
        if t.trim_start().starts_with("<!") {
            t = "";
        }
        let text = strip_line_comment(t).trim_end();
        out.push(Line { no: i + 1, text, raw });
    }
    out
}

fn strip_line_comment(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr::memchr3(b'#', b';', b'[', &bytes[i..]) {
        let j = i + off;
        if bytes[j] == b'[' {
            // Skip to the matching ']' so that '#' inside a code is kept.
            i = match memchr::memchr(b']', &bytes[j..]) {
                Some(close) => j + close + 1,
                None => j + 1,
            };
            continue;
        }
        return &s[..j];
    }
    s
}

/// Normalises a dictionary phrase: `_` and runs of whitespace become single
/// spaces, the result is lowercase and trimmed.
pub(crate) fn normalize_phrase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for ch in s.chars() {
        if ch == '_' || ch.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
        } else {
            out.extend(ch.to_lowercase());
        }
    }
    out
}

/// Regular English plural of a phrase's last word (`farmer` -> `farmers`,
/// `deputy` -> `deputies`, `boss` -> `bosses`, `attorney` -> `attorneys`).
pub(crate) fn plural_of(phrase: &str) -> String {
    let b = phrase.as_bytes();
    let n = b.len();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if n >= 2 && b[n - 1] == b'y' && !vowel(b[n - 2]) {
        format!("{}ies", &phrase[..n - 1])
    } else if phrase.ends_with('s') || phrase.ends_with('x') || phrase.ends_with('z') || phrase.ends_with("ch") || phrase.ends_with("sh") {
        format!("{phrase}es")
    } else {
        format!("{phrase}s")
    }
}

/// For an agent entry's code: the code to write *before* the country code
/// when the dictionary said `[NGO~]`, or `None` for an appended `[~GOV]`.
pub fn agent_prefix(code: &ActorCode) -> Option<&str> {
    code.country.as_deref()
}

/// A human-readable summary for `dyad dict check PATH`: totals, then per file
/// its kind, entry count and problems (`file:line: message`), then skipped files.
pub fn check_report(d: &Dictionaries) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} dictionary files: {} actor phrases, {} agent phrases, {} verb patterns, \
         {} sentence discards, {} story discards, {} issue phrases; {} problems",
        d.files.len(),
        d.actors.len(),
        d.agents.len(),
        d.verbs.len(),
        d.discards.len(),
        d.story_discards.len(),
        d.issues.len(),
        d.problems.len()
    );
    for (path, kind, n) in &d.files {
        let problems: Vec<&DictProblem> = d.problems.iter().filter(|p| &p.file == path).collect();
        let _ = writeln!(s, "\n{}\n  kind: {kind}, entries: {n}, problems: {}", path.display(), problems.len());
        for p in problems {
            let _ = writeln!(s, "  {p}");
        }
    }
    let orphans: Vec<&DictProblem> = d.problems.iter().filter(|p| !d.files.iter().any(|(f, _, _)| f == &p.file)).collect();
    for p in orphans {
        let _ = writeln!(s, "  {p}");
    }
    if !d.skipped.is_empty() {
        let _ = writeln!(s, "\nskipped:");
        for (p, why) in &d.skipped {
            let _ = writeln!(s, "  {}: {why}", p.display());
        }
    }
    s
}

#[cfg(test)]
mod tests;
