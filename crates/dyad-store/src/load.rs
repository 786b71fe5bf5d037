//! Loading articles and their event records.

use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;

use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{Article, EventRecord, Result, Store, StoreError};

/// What loading one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum LoadOutcome {
    /// The article was new; `records` records were stored.
    Inserted {
        /// Records stored.
        records: usize,
    },
    /// The same article with the same records was already stored: nothing changed.
    Unchanged,
    /// The article id was stored with different content or records (for
    /// example re-coded by a newer coder); the old records were replaced.
    Replaced {
        /// Records stored now.
        records: usize,
        /// Records that were there before.
        previous: usize,
    },
}

/// One input line that could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadLine {
    /// 1-based line number in the input.
    pub line: usize,
    /// Why it was skipped.
    pub message: String,
}

/// Summary of a bulk load: what was read, stored, skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LoadReport {
    /// Non-empty lines read.
    pub lines: usize,
    /// Records parsed successfully.
    pub records: usize,
    /// Articles stored for the first time.
    pub articles_inserted: usize,
    /// Articles whose records were replaced.
    pub articles_replaced: usize,
    /// Articles already stored identically.
    pub articles_unchanged: usize,
    /// Lines skipped, in total.
    pub bad_lines_total: usize,
    /// The first [`LoadReport::MAX_BAD_LINES`] skipped lines with their reasons.
    pub bad_lines: Vec<BadLine>,
}

impl LoadReport {
    /// How many skipped lines are kept with their message; more are only counted.
    pub const MAX_BAD_LINES: usize = 100;

    fn bad(&mut self, line: usize, message: String) {
        self.bad_lines_total += 1;
        if self.bad_lines.len() < Self::MAX_BAD_LINES {
            self.bad_lines.push(BadLine { line, message });
        }
    }

    fn count(&mut self, outcome: LoadOutcome) {
        match outcome {
            LoadOutcome::Inserted { .. } => self.articles_inserted += 1,
            LoadOutcome::Unchanged => self.articles_unchanged += 1,
            LoadOutcome::Replaced { .. } => self.articles_replaced += 1,
        }
    }
}

fn hex(digest: impl AsRef<[u8]>) -> String {
    digest.as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

fn hash_field(h: &mut Sha256, field: Option<&str>) {
    // Length-prefixed so ("ab", "c") and ("a", "bc") hash differently, and a
    // missing field differs from an empty one.
    match field {
        None => h.update([0u8]),
        Some(s) => {
            h.update([1u8]);
            h.update((s.len() as u64).to_le_bytes());
            h.update(s.as_bytes());
        }
    }
}

/// SHA-256 (hex) of an article's id, metadata and text: what "the same
/// article" means for idempotent loading.
pub fn content_hash(article: &Article) -> String {
    let mut h = Sha256::new();
    hash_field(&mut h, Some(&article.id));
    hash_field(&mut h, article.date.as_deref());
    hash_field(&mut h, article.title.as_deref());
    hash_field(&mut h, article.source.as_deref());
    hash_field(&mut h, article.url.as_deref());
    hash_field(&mut h, Some(&article.text));
    hex(h.finalize())
}

/// SHA-256 (hex) of the records' JSON in order: re-coding an article with a
/// different coder changes it, loading the same output twice does not.
pub fn records_hash(records: &[EventRecord]) -> Result<String> {
    let mut h = Sha256::new();
    for r in records {
        let json = serde_json::to_string(r).map_err(|e| StoreError::InvalidRecord {
            doc_id: r.doc_id.clone(),
            event_id: r.event_id.clone(),
            message: e.to_string(),
        })?;
        hash_field(&mut h, Some(&json));
    }
    Ok(hex(h.finalize()))
}

/// Widens an `f32` through its shortest decimal form, so the stored REAL
/// is 3.4 rather than 3.4000000953674316 and sums stay readable.
fn f32_to_f64(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(x as f64)
}

fn padded_sectors(sectors: &[String]) -> String {
    if sectors.is_empty() {
        String::new()
    } else {
        format!(" {} ", sectors.join(" "))
    }
}

/// Per-actor deltas of one article's records, applied to the `actors` and
/// `actor_texts` tables.
#[derive(Default)]
struct ActorDeltas {
    actors: BTreeMap<String, (Option<String>, String, i64)>,
    texts: BTreeMap<(String, String), i64>,
}

impl ActorDeltas {
    fn add(&mut self, a: &dyad::output::ActorRecord, sign: i64) {
        let label = a.name.clone().unwrap_or_else(|| a.text.clone());
        let e = self.actors.entry(a.code.clone()).or_insert_with(|| (a.country.clone(), a.sectors.join(" "), 0));
        e.2 += sign;
        *self.texts.entry((a.code.clone(), label)).or_insert(0) += sign;
    }

    fn add_record(&mut self, r: &EventRecord, sign: i64) {
        self.add(&r.source, sign);
        if let Some(t) = &r.target {
            self.add(t, sign);
        }
    }

    fn apply(&self, tx: &Transaction<'_>) -> Result<()> {
        let mut up = tx.prepare_cached(
            "INSERT INTO actors (code, country, sectors, n_records) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(code) DO UPDATE SET n_records = n_records + excluded.n_records",
        )?;
        for (code, (country, sectors, n)) in &self.actors {
            if *n != 0 {
                up.execute(params![code, country, sectors, n])?;
            }
        }
        let mut up_t = tx.prepare_cached(
            "INSERT INTO actor_texts (code, text, n) VALUES (?1, ?2, ?3)
             ON CONFLICT(code, text) DO UPDATE SET n = n + excluded.n",
        )?;
        for ((code, text), n) in &self.texts {
            if *n != 0 {
                up_t.execute(params![code, text, n])?;
            }
        }
        tx.execute("DELETE FROM actors WHERE n_records <= 0", [])?;
        tx.execute("DELETE FROM actor_texts WHERE n <= 0", [])?;
        Ok(())
    }
}

impl Store {
    /// Stores an article and the records coded from it, in one transaction.
    ///
    /// Idempotent: loading the same article (same content hash) with the same
    /// records again changes nothing and returns [`LoadOutcome::Unchanged`].
    /// The same id with different content or records replaces the old records.
    /// Every record must have `doc_id == article.id`.
    pub fn load_article(&mut self, article: &Article, records: &[EventRecord]) -> Result<LoadOutcome> {
        self.load_inner(article, true, records)
    }

    /// `with_text == false` is the records-only path of [`Store::load_records`]:
    /// the article row keeps whatever text and metadata it already had.
    fn load_inner(&mut self, article: &Article, with_text: bool, records: &[EventRecord]) -> Result<LoadOutcome> {
        if article.id.is_empty() {
            return Err(StoreError::InvalidRecord {
                doc_id: String::new(),
                event_id: records.first().map(|r| r.event_id.clone()).unwrap_or_default(),
                message: "article id is empty".into(),
            });
        }
        let mut jsons = Vec::with_capacity(records.len());
        for r in records {
            if r.doc_id != article.id {
                return Err(StoreError::InvalidRecord {
                    doc_id: article.id.clone(),
                    event_id: r.event_id.clone(),
                    message: format!("its doc_id is {:?}", r.doc_id),
                });
            }
            jsons.push(serde_json::to_string(r).map_err(|e| StoreError::InvalidRecord {
                doc_id: article.id.clone(),
                event_id: r.event_id.clone(),
                message: e.to_string(),
            })?);
        }
        let rhash = records_hash(records)?;
        let chash = with_text.then(|| content_hash(article));

        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing: Option<(Option<String>, String, i64)> = tx
            .query_row("SELECT content_hash, records_hash, n_records FROM articles WHERE id = ?1", [&article.id], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })
            .optional()?;

        let mut deltas = ActorDeltas::default();
        let previous = match &existing {
            Some((old_c, old_r, n)) => {
                let same_content = chash.is_none() || chash == *old_c;
                if same_content && *old_r == rhash {
                    return Ok(LoadOutcome::Unchanged);
                }
                let mut stmt = tx.prepare("SELECT json, event_id FROM records WHERE doc_id = ?1")?;
                let old: Vec<(String, String)> = stmt.query_map([&article.id], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
                drop(stmt);
                for (json, event_id) in old {
                    let rec: EventRecord =
                        serde_json::from_str(&json).map_err(|source| StoreError::CorruptRecord { doc_id: article.id.clone(), event_id, source })?;
                    deltas.add_record(&rec, -1);
                }
                tx.execute("DELETE FROM records WHERE doc_id = ?1", [&article.id])?;
                Some(*n as usize)
            }
            None => None,
        };

        match (&existing, with_text) {
            (Some(_), false) => {
                tx.execute("UPDATE articles SET records_hash = ?2, n_records = ?3 WHERE id = ?1", params![article.id, rhash, records.len() as i64])?;
            }
            _ => {
                tx.execute(
                    "INSERT INTO articles (id, date, title, source, url, text, content_hash, records_hash, n_records)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                     ON CONFLICT(id) DO UPDATE SET date = excluded.date, title = excluded.title,
                        source = excluded.source, url = excluded.url, text = excluded.text,
                        content_hash = excluded.content_hash, records_hash = excluded.records_hash,
                        n_records = excluded.n_records,
                        loaded_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
                    params![
                        article.id,
                        article.date,
                        article.title,
                        article.source,
                        article.url,
                        with_text.then_some(article.text.as_str()),
                        chash,
                        rhash,
                        records.len() as i64
                    ],
                )?;
            }
        }

        {
            let mut ins = tx.prepare_cached(
                "INSERT INTO records (doc_id, seq, event_id, date, source_code, source_country,
                    source_sectors, source_text, target_code, target_country, target_sectors,
                    target_text, cameo, cameo_root, goldstein, quad_class, plover, sentence,
                    mentions, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                    ?17, ?18, ?19, ?20)",
            )?;
            for (seq, (r, json)) in records.iter().zip(&jsons).enumerate() {
                let t = r.target.as_ref();
                ins.execute(params![
                    r.doc_id,
                    seq as i64,
                    r.event_id,
                    r.date,
                    r.source.code,
                    r.source.country,
                    padded_sectors(&r.source.sectors),
                    r.source.text,
                    t.map(|t| &t.code),
                    t.and_then(|t| t.country.as_ref()),
                    t.map(|t| padded_sectors(&t.sectors)),
                    t.map(|t| &t.text),
                    r.cameo,
                    r.cameo_root,
                    f32_to_f64(r.goldstein),
                    r.quad_class,
                    r.plover.event,
                    r.sentence.text,
                    r.mentions,
                    json,
                ])?;
                deltas.add_record(r, 1);
            }
        }
        deltas.apply(&tx)?;
        tx.commit()?;
        Ok(match previous {
            None => LoadOutcome::Inserted { records: records.len() },
            Some(previous) => LoadOutcome::Replaced { records: records.len(), previous },
        })
    }

    /// Loads event records written as JSON Lines (what `dyad code` writes),
    /// grouped into articles by `doc_id`; each article is its own transaction.
    ///
    /// Lines that are not valid records are skipped and reported with their
    /// line number; the rest is loaded. Articles loaded this way have no text
    /// (only the records); an article already stored with its text keeps it.
    pub fn load_records<R: BufRead>(&mut self, reader: R) -> Result<LoadReport> {
        let mut report = LoadReport::default();
        let mut order: Vec<String> = Vec::new();
        let mut groups: HashMap<String, Vec<EventRecord>> = HashMap::new();
        for (i, line) in reader.lines().enumerate() {
            let lineno = i + 1;
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    report.bad(lineno, format!("unreadable line: {e}"));
                    continue;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            report.lines += 1;
            match serde_json::from_str::<EventRecord>(&line) {
                Ok(rec) if rec.doc_id.is_empty() => report.bad(lineno, format!("record {} has an empty doc_id", rec.event_id)),
                Ok(rec) => {
                    report.records += 1;
                    let group = groups.entry(rec.doc_id.clone()).or_insert_with(|| {
                        order.push(rec.doc_id.clone());
                        Vec::new()
                    });
                    group.push(rec);
                }
                Err(e) => report.bad(lineno, format!("not an event record: {e}")),
            }
        }
        for doc_id in order {
            let records = groups.remove(&doc_id).unwrap_or_default();
            let article = Article { id: doc_id, ..Article::default() };
            let outcome = self.load_inner(&article, false, &records)?;
            report.count(outcome);
        }
        Ok(report)
    }
}
