//! Reading events back: filters, pagination, daily deduplicated events,
//! actors and articles.

use std::str::FromStr;

use rusqlite::types::Value;
use rusqlite::OptionalExtension;
use serde::Serialize;

use crate::{EventRecord, Result, Store, StoreError};

/// Which way actor filters apply when both `source` and `target` (or only
/// one of them) are given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// `source` filters the source side and `target` the target side.
    #[default]
    Forward,
    /// The pair is undirected: events from source to target and from target
    /// to source both match.
    Both,
}

impl FromStr for Direction {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "forward" => Ok(Direction::Forward),
            "both" => Ok(Direction::Both),
            _ => Err(StoreError::invalid("direction", format!("{s:?} is neither `both` nor `forward`"))),
        }
    }
}

/// Filters over stored event records. Every field is optional; set fields
/// are combined with AND.
///
/// Actor values (`source`, `target`, `actor`) match an actor whose code
/// starts with the value (`CHN` matches `CHNGOV`) or whose country is the
/// value (so `CHN` also matches a person coded with country `CHN` whose code
/// does not start with it).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EventQuery {
    /// Source actor code prefix or country.
    pub source: Option<String>,
    /// Target actor code prefix or country.
    pub target: Option<String>,
    /// Actor code prefix or country on either side.
    pub actor: Option<String>,
    /// ISO3 country code on either side.
    pub country: Option<String>,
    /// Sector code (`GOV`, `MIL` ...) on either side.
    pub sector: Option<String>,
    /// How `source` and `target` apply.
    pub direction: Direction,
    /// CAMEO code or prefix: `04` is the whole root, `041` one code.
    pub cameo: Option<String>,
    /// PLOVER event type, e.g. `CONSULT`.
    pub plover: Option<String>,
    /// Quad class 0-4.
    pub quad: Option<u8>,
    /// First date, inclusive, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last date, inclusive, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Case-insensitive substring of the sentence.
    pub text: Option<String>,
    /// Only records of this article.
    pub doc_id: Option<String>,
    /// At most this many results.
    pub limit: Option<u64>,
    /// Skip this many results first (pagination).
    pub offset: u64,
}

fn normalise_code(parameter: &'static str, value: &str) -> Result<String> {
    let v = value.trim().to_ascii_uppercase();
    if v.is_empty() {
        return Err(StoreError::invalid(parameter, "is empty"));
    }
    if !v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(StoreError::invalid(parameter, format!("{value:?} is not an actor code (letters, digits and '-' only)")));
    }
    Ok(v)
}

/// Checks a `YYYY-MM-DD` date for a query parameter.
pub(crate) fn check_date(parameter: &'static str, value: &str) -> Result<String> {
    let v = value.trim();
    if v.len() != 10 || v.parse::<jiff::civil::Date>().is_err() {
        return Err(StoreError::invalid(parameter, format!("{value:?} is not a date of the form YYYY-MM-DD")));
    }
    Ok(v.to_string())
}

/// Escapes `%`, `_` and the escape character itself for a LIKE pattern.
fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

struct Where {
    clauses: Vec<String>,
    params: Vec<Value>,
}

impl Where {
    fn push(&mut self, clause: String, params: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause);
        self.params.extend(params);
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            "1".to_string()
        } else {
            self.clauses.join(" AND ")
        }
    }
}

/// SQL matching one side (`source` or `target`) against an actor value.
fn side(side: &str, value: &str) -> (String, Vec<Value>) {
    (format!("({side}_code LIKE ? ESCAPE '\\' OR {side}_country = ?)"), vec![Value::Text(format!("{}%", like_escape(value))), Value::Text(value.to_string())])
}

impl EventQuery {
    /// Validates and normalises every field (upper-cases codes, checks
    /// dates), naming the first bad parameter in the error.
    pub fn validated(&self) -> Result<EventQuery> {
        let mut q = self.clone();
        let code = |p: &'static str, v: &Option<String>| -> Result<Option<String>> { v.as_deref().map(|v| normalise_code(p, v)).transpose() };
        q.source = code("source", &self.source)?;
        q.target = code("target", &self.target)?;
        q.actor = code("actor", &self.actor)?;
        q.country = code("country", &self.country)?;
        q.sector = code("sector", &self.sector)?;
        if let Some(c) = &self.cameo {
            let c = c.trim();
            if c.is_empty() || c.len() > 4 || !c.chars().all(|ch| ch.is_ascii_digit()) {
                return Err(StoreError::invalid("cameo", format!("{c:?} is not a CAMEO code or root (2 to 4 digits)")));
            }
            q.cameo = Some(c.to_string());
        }
        if let Some(p) = &self.plover {
            let p = p.trim().to_ascii_uppercase();
            if p.is_empty() || !p.chars().all(|c| c.is_ascii_alphabetic() || c == '_') {
                return Err(StoreError::invalid("plover", format!("{p:?} is not a PLOVER event type such as CONSULT")));
            }
            q.plover = Some(p);
        }
        if let Some(quad) = self.quad {
            if quad > 4 {
                return Err(StoreError::invalid("quad", format!("{quad} is not a quad class (0 to 4)")));
            }
        }
        q.from = self.from.as_deref().map(|d| check_date("from", d)).transpose()?;
        q.to = self.to.as_deref().map(|d| check_date("to", d)).transpose()?;
        if let (Some(f), Some(t)) = (&q.from, &q.to) {
            if f > t {
                return Err(StoreError::invalid("to", format!("{t} is before `from` {f}")));
            }
        }
        if let Some(t) = &self.text {
            if t.trim().is_empty() {
                return Err(StoreError::invalid("text", "is empty"));
            }
        }
        Ok(q)
    }

    /// Builds the WHERE clause over `records` for an already validated query.
    fn where_clause(&self) -> Where {
        let mut w = Where { clauses: Vec::new(), params: Vec::new() };
        match (self.direction, &self.source, &self.target) {
            (_, None, None) => {}
            (Direction::Forward, s, t) => {
                if let Some(s) = s {
                    let (c, p) = side("source", s);
                    w.push(c, p);
                }
                if let Some(t) = t {
                    let (c, p) = side("target", t);
                    w.push(c, p);
                }
            }
            (Direction::Both, s, t) => {
                // (src~S AND tgt~T) OR (src~T AND tgt~S); a missing side matches anything.
                let half = |a: Option<&String>, b: Option<&String>| {
                    let mut parts = Vec::new();
                    let mut params = Vec::new();
                    if let Some(a) = a {
                        let (c, p) = side("source", a);
                        parts.push(c);
                        params.extend(p);
                    }
                    if let Some(b) = b {
                        let (c, p) = side("target", b);
                        parts.push(c);
                        params.extend(p);
                    }
                    (parts.join(" AND "), params)
                };
                let (c1, mut p1) = half(s.as_ref(), t.as_ref());
                let (c2, p2) = half(t.as_ref(), s.as_ref());
                p1.extend(p2);
                w.push(format!("(({c1}) OR ({c2}))"), p1);
            }
        }
        if let Some(a) = &self.actor {
            let (c1, mut p1) = side("source", a);
            let (c2, p2) = side("target", a);
            p1.extend(p2);
            w.push(format!("({c1} OR {c2})"), p1);
        }
        if let Some(c) = &self.country {
            w.push("(source_country = ? OR target_country = ?)".into(), [Value::Text(c.clone()), Value::Text(c.clone())]);
        }
        if let Some(s) = &self.sector {
            let pat = format!("% {s} %");
            w.push("(source_sectors LIKE ? OR target_sectors LIKE ?)".into(), [Value::Text(pat.clone()), Value::Text(pat)]);
        }
        if let Some(c) = &self.cameo {
            w.push("cameo LIKE ? ESCAPE '\\'".into(), [Value::Text(format!("{}%", like_escape(c)))]);
        }
        if let Some(p) = &self.plover {
            w.push("plover = ?".into(), [Value::Text(p.clone())]);
        }
        if let Some(q) = self.quad {
            w.push("quad_class = ?".into(), [Value::Integer(q as i64)]);
        }
        if let Some(f) = &self.from {
            w.push("date >= ?".into(), [Value::Text(f.clone())]);
        }
        if let Some(t) = &self.to {
            w.push("date <= ?".into(), [Value::Text(t.clone())]);
        }
        if let Some(t) = &self.text {
            w.push("sentence LIKE ? ESCAPE '\\'".into(), [Value::Text(format!("%{}%", like_escape(t.trim())))]);
        }
        if let Some(d) = &self.doc_id {
            w.push("doc_id = ?".into(), [Value::Text(d.clone())]);
        }
        w
    }

    fn page_sql(&self) -> String {
        match self.limit {
            Some(l) => format!(" LIMIT {l} OFFSET {}", self.offset),
            None if self.offset > 0 => format!(" LIMIT -1 OFFSET {}", self.offset),
            None => String::new(),
        }
    }
}

/// One deduplicated event: every article reporting the same source, target,
/// CAMEO code and day counts once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DailyEvent {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Source actor code.
    pub source_code: String,
    /// Target actor code; `None` for events without a target.
    pub target_code: Option<String>,
    /// Source country, if any.
    pub source_country: Option<String>,
    /// Target country, if any.
    pub target_country: Option<String>,
    /// Full CAMEO code.
    pub cameo: String,
    /// CAMEO root.
    pub cameo_root: String,
    /// Quad class.
    pub quad_class: u8,
    /// Goldstein score of the code.
    pub goldstein: f64,
    /// PLOVER event type.
    pub plover: String,
    /// The articles reporting it, sorted.
    pub articles: Vec<String>,
    /// Their publishers, sorted, where known.
    pub sources: Vec<String>,
}

/// An actor with how often it appears.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorSummary {
    /// Actor code.
    pub code: String,
    /// Its country, if any.
    pub country: Option<String>,
    /// Its sectors.
    pub sectors: Vec<String>,
    /// The way it is most often written (or its name, for people).
    pub label: Option<String>,
    /// Records in which it is source or target.
    pub n_records: u64,
}

/// A country with how often its actors appear.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountrySummary {
    /// ISO3 (or IGO) code.
    pub country: String,
    /// How the bare country actor is most often written, when it appears alone.
    pub label: Option<String>,
    /// Record sides naming an actor of this country.
    pub n_records: u64,
}

/// An article as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredArticle {
    /// Article id.
    pub id: String,
    /// Publication date.
    pub date: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Full text; `None` when only records were loaded.
    pub text: Option<String>,
    /// Hash of the article content (see [`crate::content_hash`]).
    pub content_hash: Option<String>,
    /// Number of records stored for it.
    pub n_records: u64,
    /// When it was (last) loaded, UTC.
    pub loaded_at: String,
}

/// Overall counts of a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StoreStats {
    /// Articles stored.
    pub articles: u64,
    /// Per-article records stored.
    pub records: u64,
    /// Daily deduplicated events.
    pub daily_events: u64,
    /// Distinct actors.
    pub actors: u64,
}

fn json_list(s: Option<String>) -> Vec<String> {
    let mut v: Vec<String> = s.and_then(|s| serde_json::from_str::<Vec<Option<String>>>(&s).ok()).unwrap_or_default().into_iter().flatten().collect();
    v.sort();
    v.dedup();
    v
}

impl Store {
    /// Records matching `q`, ordered by date (undated last), article and
    /// position in the article.
    pub fn query(&self, q: &EventQuery) -> Result<Vec<EventRecord>> {
        let q = q.validated()?;
        let w = q.where_clause();
        let sql = format!("SELECT doc_id, event_id, json FROM records WHERE {} ORDER BY date IS NULL, date, doc_id, seq{}", w.sql(), q.page_sql());
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(w.params.iter()), |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (doc_id, event_id, json) = row?;
            out.push(serde_json::from_str(&json).map_err(|source| StoreError::CorruptRecord { doc_id, event_id, source })?);
        }
        Ok(out)
    }

    /// How many records match `q`, ignoring `limit` and `offset`.
    pub fn count(&self, q: &EventQuery) -> Result<u64> {
        let q = q.validated()?;
        let w = q.where_clause();
        let sql = format!("SELECT count(*) FROM records WHERE {}", w.sql());
        let n: i64 = self.conn.query_row(&sql, rusqlite::params_from_iter(w.params.iter()), |r| r.get(0))?;
        Ok(n as u64)
    }

    /// Daily deduplicated events built from the records matching `q` (only
    /// dated records), ordered by date, source, target and code. `limit` and
    /// `offset` page over the deduplicated events.
    pub fn daily_events(&self, q: &EventQuery) -> Result<Vec<DailyEvent>> {
        let q = q.validated()?;
        let w = q.where_clause();
        let sql = format!(
            "SELECT r.date, r.source_code, r.target_code, MIN(r.source_country),
                    MIN(r.target_country), r.cameo, MIN(r.cameo_root), MIN(r.quad_class),
                    MIN(r.goldstein), MIN(r.plover), json_group_array(DISTINCT r.doc_id),
                    json_group_array(DISTINCT a.source)
             FROM (SELECT * FROM records WHERE {} AND date IS NOT NULL) r
             LEFT JOIN articles a ON a.id = r.doc_id
             GROUP BY r.date, r.source_code, COALESCE(r.target_code, ''), r.cameo
             ORDER BY r.date, r.source_code, COALESCE(r.target_code, ''), r.cameo{}",
            w.sql(),
            q.page_sql()
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(w.params.iter()), |row| {
            Ok(DailyEvent {
                date: row.get(0)?,
                source_code: row.get(1)?,
                target_code: row.get(2)?,
                source_country: row.get(3)?,
                target_country: row.get(4)?,
                cameo: row.get(5)?,
                cameo_root: row.get(6)?,
                quad_class: row.get(7)?,
                goldstein: row.get(8)?,
                plover: row.get(9)?,
                articles: json_list(row.get(10)?),
                sources: json_list(row.get(11)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Actors by number of records, most frequent first; optionally only
    /// those of one country.
    pub fn actors(&self, country: Option<&str>, limit: u64) -> Result<Vec<ActorSummary>> {
        let country = country.map(|c| normalise_code("country", c)).transpose()?;
        let mut stmt = self.conn.prepare(
            "SELECT a.code, a.country, a.sectors, a.n_records,
                    (SELECT t.text FROM actor_texts t WHERE t.code = a.code ORDER BY t.n DESC, t.text LIMIT 1)
             FROM actors a WHERE ?1 IS NULL OR a.country = ?1
             ORDER BY a.n_records DESC, a.code LIMIT ?2",
        )?;
        let rows = stmt.query_map(rusqlite::params![country, limit as i64], |row| {
            let sectors: String = row.get(2)?;
            Ok(ActorSummary {
                code: row.get(0)?,
                country: row.get(1)?,
                sectors: sectors.split_whitespace().map(str::to_string).collect(),
                n_records: row.get::<_, i64>(3)? as u64,
                label: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Countries whose actors appear, most frequent first.
    pub fn countries(&self) -> Result<Vec<CountrySummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.country, SUM(a.n_records),
                    (SELECT t.text FROM actor_texts t WHERE t.code = a.country ORDER BY t.n DESC, t.text LIMIT 1)
             FROM actors a WHERE a.country IS NOT NULL AND a.country != ''
             GROUP BY a.country ORDER BY SUM(a.n_records) DESC, a.country",
        )?;
        let rows = stmt.query_map([], |row| Ok(CountrySummary { country: row.get(0)?, n_records: row.get::<_, i64>(1)? as u64, label: row.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stored article with this id, if any.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, date, title, source, url, text, content_hash, n_records, loaded_at
                 FROM articles WHERE id = ?1",
                [id],
                |row| {
                    Ok(StoredArticle {
                        id: row.get(0)?,
                        date: row.get(1)?,
                        title: row.get(2)?,
                        source: row.get(3)?,
                        url: row.get(4)?,
                        text: row.get(5)?,
                        content_hash: row.get(6)?,
                        n_records: row.get::<_, i64>(7)? as u64,
                        loaded_at: row.get(8)?,
                    })
                },
            )
            .optional()?)
    }

    /// The records of one article, in the order the coder produced them.
    pub fn article_records(&self, id: &str) -> Result<Vec<EventRecord>> {
        let mut stmt = self.conn.prepare("SELECT event_id, json FROM records WHERE doc_id = ?1 ORDER BY seq")?;
        let rows = stmt.query_map([id], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (event_id, json) = row?;
            out.push(serde_json::from_str(&json).map_err(|source| StoreError::CorruptRecord { doc_id: id.to_string(), event_id, source })?);
        }
        Ok(out)
    }

    /// Counts of articles, records, deduplicated events and actors.
    pub fn stats(&self) -> Result<StoreStats> {
        let one = |sql: &str| -> Result<u64> { Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
        Ok(StoreStats {
            articles: one("SELECT count(*) FROM articles")?,
            records: one("SELECT count(*) FROM records")?,
            daily_events: one("SELECT count(*) FROM daily_events")?,
            actors: one("SELECT count(*) FROM actors")?,
        })
    }
}
