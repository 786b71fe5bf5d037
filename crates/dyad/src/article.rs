//! What is an article, and how is it read?

use serde::{Deserialize, Serialize};

/// One news article as given to the coder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Identifier: the JSON `id`, or the file name for text files.
    pub id: String,
    /// Publication date `YYYY-MM-DD`, if known.
    #[serde(default)]
    pub date: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Full text; event spans are byte offsets into it.
    pub text: String,
    /// Publisher or feed.
    #[serde(default)]
    pub source: Option<String>,
    /// Where the article was found.
    #[serde(default)]
    pub url: Option<String>,
}

use crate::time::{self, Date};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A problem with one input: the file, the line (for JSON Lines) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct InputError {
    /// The file (`-` for standard input).
    pub path: PathBuf,
    /// 1-based line number, for line-oriented inputs.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// Whether coding can go on without this record (always true today: a
    /// bad record never stops the run; kept so callers can tell warnings).
    pub warning: bool,
}

impl InputError {
    fn new(path: &Path, line: Option<usize>, message: impl Into<String>) -> Self {
        InputError { path: path.to_path_buf(), line, message: message.into(), warning: false }
    }
}

/// The parts of an article's text, as byte ranges into `Article::text`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// Date from a `date YYYY-MM-DD Title` header line.
    pub header_date: Option<Date>,
    /// Title from the header line.
    pub title: Option<(usize, usize)>,
    /// Photo-caption paragraphs: they retell the story and are not coded.
    pub captions: Vec<(usize, usize)>,
    /// The dateline opening the body, if any.
    pub dateline: Option<Dateline>,
    /// Body paragraphs to code (the dateline itself excluded).
    pub body: Vec<(usize, usize)>,
}

/// `BEIJING, June 28 (Xinhua) --`: place and day of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Dateline {
    /// The city as written.
    pub city: (usize, usize),
    /// Month and day, when given.
    pub month_day: Option<(i8, i8)>,
    /// The whole dateline.
    pub span: (usize, usize),
}

impl Article {
    /// Finds the header, captions, dateline and body paragraphs.
    pub fn layout(&self) -> Layout {
        layout(&self.text)
    }

    /// The publication date, from the `date` field or the header line.
    pub fn publication_date(&self, layout: &Layout) -> Option<Date> {
        self.date.as_deref().and_then(time::parse_date).or(layout.header_date)
    }
}

/// Splits wire text into its parts. Every span points into `text`.
pub fn layout(text: &str) -> Layout {
    let mut out = Layout::default();
    let mut paras = paragraphs(text);
    // Header line: `date YYYY-MM-DD Title`, possibly indented.
    if let Some(&(s, e)) = paras.first() {
        let first_line_end = text[s..e].find('\n').map(|i| s + i).unwrap_or(e);
        let line = &text[s..first_line_end];
        if let Some(rest) = line.strip_prefix("date ") {
            let rest = rest.trim_start();
            if let Some(d) = rest.get(..10).and_then(time::parse_date) {
                out.header_date = Some(d);
                let t0 = s + (line.len() - rest.len()) + 10;
                let title = text[t0..first_line_end].trim();
                if !title.is_empty() {
                    let ts = t0 + text[t0..first_line_end].find(title).unwrap_or(0);
                    out.title = Some((ts, ts + title.len()));
                }
                // The rest of that paragraph (if any) stays body.
                if first_line_end < e {
                    paras[0] = (first_line_end + 1, e);
                } else {
                    paras.remove(0);
                }
            }
        }
    }
    let mut seen_dateline = false;
    for (s, e) in paras {
        if !seen_dateline && is_caption(&text[s..e]) {
            out.captions.push((s, e));
            continue;
        }
        if !seen_dateline {
            if let Some(d) = dateline(text, s, e) {
                seen_dateline = true;
                let body_start = d.span.1;
                out.dateline = Some(d);
                if body_start < e {
                    out.body.push((body_start, e));
                }
                continue;
            }
        }
        out.body.push((s, e));
    }
    out
}

/// Paragraphs: runs of non-blank lines, trimmed.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank {
            if let Some(s) = start.take() {
                out.push((s, last_end));
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(pos + lead);
            }
            last_end = pos + line.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push((s, last_end));
    }
    out
}

/// A photo caption ends with a parenthesised credit such as `(Xinhua/Yin Bogu)`.
fn is_caption(p: &str) -> bool {
    let p = p.trim_end();
    if !p.ends_with(')') {
        return false;
    }
    let Some(open) = p.rfind('(') else { return false };
    let credit = &p[open + 1..p.len() - 1];
    credit.contains('/') && credit.split_whitespace().count() <= 6 && !credit.contains("--")
}

const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Month number of a month name or abbreviation (case-insensitive, trailing period allowed).
pub fn month_number(w: &str) -> Option<i8> {
    let w = w.trim_end_matches('.');
    MONTHS.iter().find(|(n, _)| n.eq_ignore_ascii_case(w)).map(|&(_, m)| m)
}

/// The dashes that may end a dateline.
#[cfg(test)]
const DATELINE_DASHES: [&str; 4] = ["--", " - ", "\u{2014}", " \u{2013} "];

/// The first of [`DATELINE_DASHES`] in `w`: `(offset, length)`. Every dash
/// has a `-` or the lead byte of an em or en dash at its offset or one after
/// it, so only those bytes are looked at (a dateline is looked for in every
/// paragraph until one is found).
fn first_dash(w: &str) -> Option<(usize, usize)> {
    let b = w.as_bytes();
    for q in memchr::memchr2_iter(b'-', 0xE2, b) {
        // Each hit is tried one byte before itself first: no earlier hit can
        // match there, and two dashes never start at one offset.
        if q > 0 {
            for d in [" - ", " \u{2013} "] {
                if b[q - 1..].starts_with(d.as_bytes()) {
                    return Some((q - 1, d.len()));
                }
            }
        }
        for d in ["--", "\u{2014}"] {
            if b[q..].starts_with(d.as_bytes()) {
                return Some((q, d.len()));
            }
        }
    }
    None
}

/// Recognises `CITY[, Month Day] [(Agency)] --` (or ` - `) at the start of a paragraph.
fn dateline(text: &str, s: usize, e: usize) -> Option<Dateline> {
    let p = &text[s..e];
    // The dash that ends the dateline must come early.
    // (At a character boundary: byte 120 may fall inside a multi-byte character.)
    let mut cut = p.len().min(120);
    while !p.is_char_boundary(cut) {
        cut -= 1;
    }
    let window = &p[..cut];
    let (dash_at, dash_len) = first_dash(window)?;
    let head = p[..dash_at].trim_end();
    // Agency in parentheses.
    let head_wo_agency = match (head.rfind('('), head.ends_with(')')) {
        (Some(i), true) => head[..i].trim_end(),
        _ => head,
    };
    let (city, md) = match head_wo_agency.split_once(',') {
        Some((c, rest)) => {
            let mut it = rest.split_whitespace();
            let m = it.next().and_then(month_number);
            let d = it.next().and_then(|d| d.trim_end_matches(',').parse::<i8>().ok());
            match (m, d) {
                (Some(m), Some(d)) if (1..=31).contains(&d) => (c.trim(), Some((m, d))),
                _ => (c.trim(), None),
            }
        }
        None => (head_wo_agency.trim(), None),
    };
    // The city is written in capitals ("BEIJING", "NEW YORK", "ST. LOUIS").
    let letters: Vec<char> = city.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || !letters.iter().all(|c| c.is_uppercase()) || city.split_whitespace().count() > 4 {
        return None;
    }
    if md.is_none() && !head.ends_with(')') {
        return None;
    }
    let city_start = s + p.find(city)?;
    let mut end = s + dash_at + dash_len;
    while end < e && text.as_bytes()[end] == b' ' {
        end += 1;
    }
    Some(Dateline { city: (city_start, city_start + city.len()), month_day: md, span: (s, end) })
}

/// The kind of an input file, from its name and first bytes.
fn is_jsonl(path: &Path, head: &[u8]) -> bool {
    let name = path.to_string_lossy();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".jsonl") || name.ends_with(".ndjson") || name.ends_with(".json") {
        return true;
    }
    head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Expands the inputs: files as given, directories recursively (sorted), `-` for stdin.
pub fn expand_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            files.push(p.clone());
        } else if p.is_dir() {
            walk(p, &mut files, &mut errors);
        } else if p.exists() {
            files.push(p.clone());
        } else {
            errors.push(InputError::new(p, None, "no such file or directory"));
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            errors.push(InputError::new(dir, None, format!("cannot read directory: {e}")));
            return;
        }
    };
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, files, errors);
        } else if !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
            files.push(p);
        }
    }
}

fn open(path: &Path) -> std::io::Result<Box<dyn BufRead + Send>> {
    let raw: Box<dyn Read + Send> = if path.as_os_str() == "-" { Box::new(std::io::stdin()) } else { Box::new(File::open(path)?) };
    if path.extension().is_some_and(|e| e == "gz") {
        Ok(Box::new(BufReader::with_capacity(1 << 16, flate2::read::MultiGzDecoder::new(raw))))
    } else {
        Ok(Box::new(BufReader::with_capacity(1 << 16, raw)))
    }
}

/// Streams the articles of one file. A bad record yields an error and reading goes on.
pub struct FileReader {
    path: Arc<Path>,
    reader: Option<Box<dyn BufRead + Send>>,
    jsonl: bool,
    line: usize,
    done: bool,
    pending: Option<Result<Article, InputError>>,
}

impl FileReader {
    /// Opens `path` (`-` is standard input); `.gz` files are decompressed on the fly.
    pub fn open(path: &Path) -> FileReader {
        let mut fr = FileReader { path: Arc::from(path), reader: None, jsonl: false, line: 0, done: false, pending: None };
        match open(path) {
            Ok(mut r) => {
                let head = match r.fill_buf() {
                    Ok(h) => h.to_vec(),
                    Err(e) => {
                        fr.pending = Some(Err(InputError::new(path, None, format!("cannot read: {e}"))));
                        fr.done = true;
                        return fr;
                    }
                };
                fr.jsonl = is_jsonl(path, &head);
                fr.reader = Some(r);
            }
            Err(e) => {
                fr.pending = Some(Err(InputError::new(path, None, format!("cannot open: {e}"))));
                fr.done = true;
            }
        }
        fr
    }

    fn text_article(&mut self) -> Result<Article, InputError> {
        let r = self.reader.as_mut().expect("reader present");
        let mut bytes = Vec::new();
        r.read_to_end(&mut bytes).map_err(|e| InputError::new(&self.path, None, format!("cannot read: {e}")))?;
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            let mut e = InputError::new(&self.path, None, "empty file: nothing to code");
            e.warning = true;
            return Err(e);
        }
        if let Some(i) = memchr::memchr(0, &bytes) {
            return Err(InputError::new(&self.path, None, format!("binary data (NUL byte at offset {i}); not a text article")));
        }
        let text = String::from_utf8(bytes)
            .map_err(|e| InputError::new(&self.path, None, format!("not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to())))?;
        let id = self.path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "stdin".into());
        let id = id.trim_end_matches(".gz").trim_end_matches(".txt").to_string();
        Ok(Article { id, text, ..Default::default() })
    }
}

/// One input record before parsing: reading (I/O and line splitting) is cheap
/// and sequential, parsing JSON is not, so the two are kept apart and parsing
/// can run on the worker threads.
#[derive(Debug)]
pub enum RawRecord {
    /// A JSON Lines record: its file, 1-based line and bytes.
    Json { path: Arc<Path>, line: usize, bytes: Vec<u8> },
    /// A record already read to the end (a text article) or an error.
    Ready(Result<Article, InputError>),
}

impl RawRecord {
    /// Parses the record into an article, or the error that names its file and line.
    pub fn parse(self) -> Result<Article, InputError> {
        match self {
            RawRecord::Json { path, line, bytes } => parse_json_article(&bytes, &path, line),
            RawRecord::Ready(r) => r,
        }
    }
}

impl FileReader {
    /// The next record, unparsed.
    pub fn next_raw(&mut self) -> Option<RawRecord> {
        if let Some(p) = self.pending.take() {
            return Some(RawRecord::Ready(p));
        }
        if self.done {
            return None;
        }
        if !self.jsonl {
            self.done = true;
            return Some(RawRecord::Ready(self.text_article()));
        }
        let r = self.reader.as_mut()?;
        loop {
            let mut buf = Vec::new();
            self.line += 1;
            match r.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(RawRecord::Ready(Err(InputError::new(&self.path, Some(self.line), format!("cannot read: {e}")))));
                }
            }
            if buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            return Some(RawRecord::Json { path: self.path.clone(), line: self.line, bytes: buf });
        }
    }
}

impl Iterator for FileReader {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_raw().map(RawRecord::parse)
    }
}

fn parse_json_article(buf: &[u8], path: &Path, line: usize) -> Result<Article, InputError> {
    let s = std::str::from_utf8(buf)
        .map_err(|e| InputError::new(path, Some(line), format!("not valid UTF-8 (first bad byte at column {})", e.valid_up_to() + 1)))?;
    #[derive(serde::Deserialize)]
    struct Raw {
        id: Option<serde_json::Value>,
        date: Option<String>,
        title: Option<String>,
        text: Option<String>,
        source: Option<String>,
        url: Option<String>,
    }
    let raw: Raw = serde_json::from_str(s).map_err(|e| {
        let mut msg = e.to_string();
        if msg.len() > 200 {
            msg.truncate(200);
        }
        InputError::new(path, Some(line), format!("malformed JSON: {msg}"))
    })?;
    let Some(text) = raw.text else {
        return Err(InputError::new(path, Some(line), "record has no `text` field"));
    };
    let id = match raw.id {
        Some(serde_json::Value::String(s)) => s,
        Some(v) if !v.is_null() => v.to_string(),
        _ => format!("{}:{line}", path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default()),
    };
    Ok(Article { id, date: raw.date, title: raw.title, text, source: raw.source, url: raw.url })
}

/// Reads every article of the inputs in order, yielding errors in place of bad records.
pub fn read_all(inputs: &[PathBuf]) -> impl Iterator<Item = Result<Article, InputError>> {
    read_all_raw(inputs).map(RawRecord::parse)
}

/// Like [`read_all`], but leaves parsing to the caller (see [`RawRecord`]).
pub fn read_all_raw(inputs: &[PathBuf]) -> impl Iterator<Item = RawRecord> {
    let (files, errors) = expand_inputs(inputs);
    errors.into_iter().map(|e| RawRecord::Ready(Err(e))).chain(files.into_iter().flat_map(|f| {
        let mut r = FileReader::open(&f);
        std::iter::from_fn(move || r.next_raw())
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = " date 2031-03-05 Freedonia's envoy meets Sylvanian minister\n\nRufus Firefly shakes hands with Trentino in Fredville, March 4, 2031. (Agency/Some Photographer)\n\nFREDVILLE, March 4 (Agency) -- Freedonian envoy Rufus Firefly on Tuesday met Sylvanian minister Trentino.\n\nThey discussed trade.\n";

    #[test]
    fn wire_layout() {
        let l = layout(WIRE);
        assert_eq!(l.header_date, Some(Date::constant(2031, 3, 5)));
        assert_eq!(&WIRE[l.title.unwrap().0..l.title.unwrap().1], "Freedonia's envoy meets Sylvanian minister");
        assert_eq!(l.captions.len(), 1);
        let d = l.dateline.clone().unwrap();
        assert_eq!(&WIRE[d.city.0..d.city.1], "FREDVILLE");
        assert_eq!(d.month_day, Some((3, 4)));
        assert_eq!(l.body.len(), 2);
        assert!(WIRE[l.body[0].0..l.body[0].1].starts_with("Freedonian envoy"));
    }

    proptest::proptest! {
        #[test]
        fn first_dash_is_the_earliest_of_the_dashes(w in "[-a \u{2013}\u{2014}\u{2019}]{0,40}") {
            let want = DATELINE_DASHES.iter().filter_map(|d| w.find(d).map(|i| (i, d.len()))).min();
            proptest::prop_assert_eq!(first_dash(&w), want);
        }
    }

    #[test]
    fn dateline_window_ends_on_a_character_boundary() {
        // A multi-byte character across byte 120 of a paragraph must not panic.
        for pad in 115..125 {
            let text = format!("{}\u{e9}\u{2014} rest of the paragraph", "A".repeat(pad));
            let _ = layout(&text);
        }
    }

    #[test]
    fn datelines() {
        for (p, city, md) in [
            ("NEW YORK, Feb 26 - Shares rose.", Some("NEW YORK"), Some((2, 26))),
            ("KABUL (Agency) -- Fighting.", Some("KABUL"), None),
            ("The U.S. -- said no.", None, None),
            ("Nothing here at all.", None, None),
        ] {
            let l = layout(p);
            assert_eq!(l.dateline.as_ref().map(|d| &p[d.city.0..d.city.1]), city, "{p}");
            assert_eq!(l.dateline.and_then(|d| d.month_day), md, "{p}");
        }
    }

    #[test]
    fn jsonl_errors_name_the_line() {
        let dir = std::env::temp_dir().join(format!("dyad-article-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("a.jsonl");
        let mut lines: Vec<String> = (1..=10).map(|i| format!("{{\"id\":\"d{i}\",\"date\":\"2020-01-01\",\"text\":\"Text {i}.\",\"extra\":1}}")).collect();
        lines[6] = "{\"id\": \"broken\", ".into();
        std::fs::write(&p, lines.join("\n")).unwrap();
        let got: Vec<_> = FileReader::open(&p).collect();
        assert_eq!(got.len(), 10);
        assert_eq!(got.iter().filter(|r| r.is_ok()).count(), 9);
        let err = got[6].as_ref().unwrap_err();
        assert_eq!(err.line, Some(7));
        assert!(err.to_string().contains("a.jsonl:7: malformed JSON"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
