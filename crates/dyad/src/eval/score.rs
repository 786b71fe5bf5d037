//! Scoring predicted event records against a gold set.
//!
//! # Matching rules
//!
//! * **Actors** compare on their country or IGO part. A gold code is split
//!   into a country (its first three letters, or its whole `IGO…` code) and
//!   three-letter sector blocks: `USAGOV` → `USA` + `GOV`, `---REB` → no
//!   country + `REB`, `IGOUNOMIL` → `IGOUNO` + `MIL`. Trailing blocks of an
//!   `IGO` code count as sectors only when they are general role codes
//!   (`GOV`, `MIL`, …), so `IGOEUREEC` stays one IGO. A leading `~` (agent
//!   without a state) and a double-quoted phrase (an actor in no dictionary)
//!   both mean "no country". `A/B/C` lists alternatives; any may match.
//!   Lower-case blocks (ethnic/language groups such as `alb`) and the
//!   unknown sector `***` are ignored.
//!   Predicted actors use [`ActorRecord::country`] (`None` = no country) and
//!   [`ActorRecord::sectors`]. Countries match when equal, when both are
//!   absent, when the gold writes the country as unknown (`---LEG`, `---REB`)
//!   and the prediction carries every sector the gold states (a bare `---`
//!   states nothing and matches only no country), when the gold says plain `IGO` or `NGO` and the prediction is
//!   any `IGO…` or `NGO…` code (PLOVER's generic codes for international
//!   organisations, which gold sets apply across the line dictionaries draw:
//!   the Red Cross and Amnesty are `IGO` in the PLOVER records), or when both
//!   are codes of one family (`IGO…`, `NGO…`) longer than three letters and
//!   their first six letters agree (`IGOUNO` = `IGOUNOKID`).
//! * **Sectors** (level 2) match when the two sets are equal after `GOV` is
//!   dropped from any set that also holds a more specific state sector
//!   (`LEG`, `MIL`, `COP`, `JUD`, `SPY`). No sectors matches no sectors.
//! * **Category** is the PLOVER event type when the gold event has one
//!   (compared with `record.plover.event`), otherwise the two-digit CAMEO
//!   root (compared with `record.cameo_root`). Level 3 compares the full
//!   CAMEO code instead and only covers documents whose gold events all
//!   carry a CAMEO code.
//! * `CONSULT` and `COOPERATE` (CAMEO roots `04` and `06`) are symmetric:
//!   they also match with source and target swapped.
//! * A gold event without a target matches a prediction on source and
//!   category whatever its target. A prediction without a target matches
//!   only a gold target written `---`, which is how PETRARCH writes an event
//!   with no target (`require_dyad` off); a gold `---GOV` target is an actor.
//! * Each gold event and each prediction is used at most once. Matching is
//!   greedy in three passes: same direction first, then swapped symmetric
//!   events, then target-less gold events against targeted predictions.
//! * Every prediction in an `expect_none` document is an extra.
//! * Precision, recall and F1 are 0 when their denominator is 0.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::eval::gold::{GoldDoc, GoldEvent};
use crate::output::{ActorRecord, EventRecord};

/// How to score.
#[derive(Debug, Clone, Default)]
pub struct ScoreOptions {
    /// Keep at most this many entries in each error list (missed, extra);
    /// `None` keeps all. The totals are always exact.
    pub max_errors: Option<usize>,
}

/// True positives, false positives, false negatives and the rates.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Gold events reproduced.
    pub tp: usize,
    /// Predictions that match no gold event.
    pub fp: usize,
    /// Gold events not reproduced.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// tp / (tp + fp).
    pub precision: f64,
    /// tp / (tp + fn).
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Prf {
    /// Builds the rates from the counts.
    pub fn new(tp: usize, fp: usize, fn_: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
        Prf { tp, fp, fn_, precision, recall, f1 }
    }
}

/// How often matched events also carry the gold date.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DateAccuracy {
    /// Level-1 matched pairs whose gold event has a date.
    pub dated_pairs: usize,
    /// Of those, pairs where the record's date equals the gold date.
    pub correct: usize,
    /// `correct / dated_pairs`, `None` when no pair is dated.
    pub accuracy: Option<f64>,
}

/// One row of the per-category table (level-1 matching).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryRow {
    /// PLOVER event type or two-digit CAMEO root.
    pub category: String,
    /// Scores for events of this category.
    #[serde(flatten)]
    pub prf: Prf,
}

/// One non-empty cell of the confusion table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfusionCell {
    /// Gold category, or [`NONE`] for a prediction that matched nothing.
    pub gold: String,
    /// Predicted category, or [`NONE`] for a gold event nothing matched.
    pub predicted: String,
    /// Number of pairs.
    pub count: usize,
}

/// Label used in the confusion table for "no event on this side".
pub const NONE: &str = "-";

/// A gold event that was not reproduced, or a prediction that matched
/// nothing, with enough context to see why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorItem {
    /// Gold document id.
    pub doc_id: String,
    /// The gold text for a miss, the record's sentence for an extra.
    pub text: String,
    /// Source actor code.
    pub source: String,
    /// Target actor code, if any.
    pub target: Option<String>,
    /// CAMEO code, if known.
    pub cameo: Option<String>,
    /// PLOVER event type, if known.
    pub plover: Option<String>,
}

/// Results for one gold-document category (the records' `category`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocCategoryRow {
    /// The category attribute, e.g. `COMPOUND`.
    pub category: String,
    /// Documents in this category.
    pub docs: usize,
    /// Gold events expected.
    pub expected: usize,
    /// Gold events reproduced (level 1).
    pub reproduced: usize,
    /// Predictions that matched nothing.
    pub extra: usize,
    /// Documents that must produce nothing.
    pub expect_none_docs: usize,
    /// Of those, documents that indeed produced nothing.
    pub expect_none_clean: usize,
}

/// Everything `dyad eval` reports; serialisable for `--json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Gold documents scored.
    pub docs: usize,
    /// Gold events in those documents.
    pub gold_events: usize,
    /// Predicted events scored.
    pub predicted_events: usize,
    /// Source country + target country + category.
    pub level1: Prf,
    /// Level 1 plus sectors.
    pub level2: Prf,
    /// Level 1 with the full CAMEO code; `None` when no gold event has one.
    pub level3: Option<Prf>,
    /// Date agreement among level-1 matches.
    pub date: DateAccuracy,
    /// Per event category, sorted by name.
    pub categories: Vec<CategoryRow>,
    /// Mean F1 over the rows of `categories`.
    pub macro_f1: f64,
    /// Non-empty cells of gold category × predicted category.
    pub confusion: Vec<ConfusionCell>,
    /// Gold events not reproduced (capped by `max_errors`).
    pub missed: Vec<ErrorItem>,
    /// Total number of missed gold events.
    pub missed_total: usize,
    /// Predictions that matched nothing (capped by `max_errors`).
    pub extra: Vec<ErrorItem>,
    /// Total number of extra predictions.
    pub extra_total: usize,
    /// Per gold-document category; empty when the gold set has none.
    pub doc_categories: Vec<DocCategoryRow>,
    /// Anything odd about the inputs themselves.
    pub notes: Vec<String>,
}

/// Country/IGO part and sectors of one actor, as compared by the scorer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorKey {
    /// ISO3 or `IGO…` code; `None` for actors without a country.
    pub country: Option<String>,
    /// Upper-case three-letter sector codes.
    pub sectors: Vec<String>,
    /// The gold wrote the country as unknown (`---`), not as absent: such
    /// an actor's country is compared on the sectors the gold does state.
    pub country_unknown: bool,
}

/// General role codes that may follow an `IGO` code as sectors rather than
/// being part of the organisation's own code.
const ROLE_SECTORS: &[&str] = &[
    "GOV", "MIL", "COP", "JUD", "SPY", "LEG", "OPP", "REB", "PTY", "ELI", "CVL", "BUS", "MED", "EDU", "HLH", "REL", "LAB", "AGR", "CRM", "REF", "UAF", "INS",
    "SEP", "HRI", "ENV", "DEV", "JRN", "NGO", "IGO", "MOD", "RAD",
];

/// State sectors more specific than `GOV`.
const SPECIFIC_STATE: &[&str] = &["LEG", "MIL", "COP", "JUD", "SPY"];

/// Splits a gold actor code into its alternatives (`A/B` → two keys).
pub fn gold_actor(code: &str) -> Vec<ActorKey> {
    code.split('/').map(gold_actor_one).collect()
}

fn gold_actor_one(code: &str) -> ActorKey {
    let code = code.trim();
    let none = ActorKey { country: None, sectors: Vec::new(), country_unknown: false };
    if code.is_empty() || code.starts_with('"') || code.starts_with('\'') {
        return none;
    }
    if let Some(rest) = code.strip_prefix('~') {
        return ActorKey { country: None, sectors: sector_blocks(rest), country_unknown: false };
    }
    if let Some(rest) = code.strip_prefix("---") {
        return ActorKey { country: None, sectors: sector_blocks(rest), country_unknown: true };
    }
    if let Some(org) = code.strip_prefix("IGO") {
        let mut blocks: Vec<&str> = chunks3(org);
        let mut sectors = Vec::new();
        while let Some(last) = blocks.last() {
            if ROLE_SECTORS.contains(last) {
                sectors.push(last.to_string());
                blocks.pop();
            } else {
                break;
            }
        }
        sectors.reverse();
        let country = format!("IGO{}", blocks.concat());
        return ActorKey { country: Some(country), sectors: clean_sectors(sectors), country_unknown: false };
    }
    let split = code.char_indices().nth(3).map(|(i, _)| i).unwrap_or(code.len());
    let country = legacy_country(&code[..split]).unwrap_or(&code[..split]);
    ActorKey { country: Some(country.to_string()), sectors: sector_blocks(&code[split..]), country_unknown: false }
}

/// Country codes of older coding conventions (Correlates-of-War style, as in
/// the PLOVER gold-standard records) and their ISO 3166 alpha-3 equivalents,
/// which dyad writes.
const LEGACY_COUNTRIES: &[(&str, &str)] = &[("JAP", "JPN"), ("ITL", "ITA"), ("VTN", "VNM"), ("GMY", "DEU"), ("UKG", "GBR"), ("ROK", "KOR"), ("SPN", "ESP")];

fn legacy_country(code: &str) -> Option<&'static str> {
    LEGACY_COUNTRIES.iter().find(|(old, _)| *old == code).map(|(_, iso)| *iso)
}

fn chunks3(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let cut = rest.char_indices().nth(3).map(|(i, _)| i).unwrap_or(rest.len());
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    out
}

fn sector_blocks(s: &str) -> Vec<String> {
    clean_sectors(chunks3(s).into_iter().map(str::to_string).collect())
}

/// Drops ethnic/language suffixes (lower case) and the unknown marker.
fn clean_sectors(blocks: Vec<String>) -> Vec<String> {
    blocks.into_iter().filter(|b| !b.is_empty() && b != "***" && !b.chars().any(|c| c.is_ascii_lowercase())).collect()
}

/// The comparable view of a predicted actor.
pub fn predicted_actor(a: &ActorRecord) -> ActorKey {
    ActorKey {
        country: a.country.as_deref().map(str::trim).filter(|c| !c.is_empty() && !c.starts_with("---")).map(str::to_ascii_uppercase),
        sectors: clean_sectors(a.sectors.iter().map(|s| s.trim().to_string()).collect()),
        country_unknown: false,
    }
}

/// Whether a gold country matches a predicted one (see the module rules).
pub fn country_match(gold: Option<&str>, pred: Option<&str>) -> bool {
    match (gold, pred) {
        (None, None) => true,
        (Some(g), Some(p)) => {
            let international = |c: &str| c.starts_with("IGO") || c.starts_with("NGO");
            if international(g) && international(p) {
                // PLOVER's plain IGO and NGO are "intentionally broad and generic",
                // and gold sets apply them across the line dictionaries draw
                // (the Red Cross and Amnesty are `IGO` in the PLOVER records).
                if g == "IGO" || g == "NGO" {
                    return true;
                }
                if g.len() > 3 && p.len() > 3 {
                    return g.get(..6.min(g.len())) == p.get(..6.min(p.len()));
                }
                return false;
            }
            g == p
        }
        _ => false,
    }
}

/// Whether two sector lists match after folding `GOV` into a more specific
/// state sector.
pub fn sectors_match(gold: &[String], pred: &[String]) -> bool {
    fn norm(s: &[String]) -> BTreeSet<&str> {
        let mut set: BTreeSet<&str> = s.iter().map(String::as_str).collect();
        if SPECIFIC_STATE.iter().any(|x| set.contains(x)) {
            set.remove("GOV");
        }
        set
    }
    norm(gold) == norm(pred)
}

/// Which comparison a matching pass applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    /// Countries + category.
    One,
    /// Countries + sectors + category.
    Two,
    /// Countries + full CAMEO code.
    Three,
}

/// A gold event prepared for matching.
struct GoldPrep<'a> {
    ev: &'a GoldEvent,
    source: Vec<ActorKey>,
    target: Option<Vec<ActorKey>>,
    category: String,
    symmetric: bool,
}

/// A prediction prepared for matching.
struct PredPrep<'a> {
    rec: &'a EventRecord,
    source: ActorKey,
    target: Option<ActorKey>,
    /// Category in the scheme of the document's gold (PLOVER or CAMEO).
    category: String,
}

fn cameo_root(code: &str) -> String {
    let digits: String = code.chars().take_while(|c| c.is_ascii_digit()).take(2).collect();
    if digits.len() == 2 {
        digits
    } else {
        code.trim().to_string()
    }
}

fn gold_category(ev: &GoldEvent) -> String {
    match (&ev.plover, &ev.cameo) {
        (Some(p), _) => p.clone(),
        (None, Some(c)) => cameo_root(c),
        (None, None) => String::new(),
    }
}

fn is_symmetric(category: &str) -> bool {
    matches!(category, "04" | "06" | "CONSULT" | "COOPERATE")
}

fn actor_ok(gold: &[ActorKey], pred: &ActorKey, level: Level) -> bool {
    gold.iter().any(|g| {
        let country = country_match(g.country.as_deref(), pred.country.as_deref()) || unknown_country_match(g, pred);
        country && (level != Level::Two || sectors_match(&g.sectors, &pred.sectors))
    })
}

/// A gold actor of unknown country with stated sectors (`---LEG`: "some
/// legislature") matches any prediction that carries those sectors: the gold
/// does not say the predicted country is wrong, only that it did not know
/// one. A bare `---` states nothing and still matches only no country.
fn unknown_country_match(gold: &ActorKey, pred: &ActorKey) -> bool {
    gold.country_unknown && !gold.sectors.is_empty() && gold.sectors.iter().all(|s| pred.sectors.contains(s))
}

fn code_ok(g: &GoldPrep, p: &PredPrep, level: Level) -> bool {
    match level {
        Level::Three => g.ev.cameo.as_deref().map(str::trim) == Some(p.rec.cameo.trim()),
        _ => g.category == p.category,
    }
}

/// The three greedy passes; returns `(gold index, pred index)` pairs.
fn match_doc(gold: &[GoldPrep], pred: &[PredPrep], level: Level) -> Vec<(usize, usize)> {
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for pass in 0..3 {
        for (gi, g) in gold.iter().enumerate() {
            if gold_used[gi] {
                continue;
            }
            for (pi, p) in pred.iter().enumerate() {
                if pred_used[pi] || !code_ok(g, p, level) {
                    continue;
                }
                let ok = match pass {
                    0 => {
                        actor_ok(&g.source, &p.source, level)
                            && match (&g.target, &p.target) {
                                (Some(gt), Some(pt)) => actor_ok(gt, pt, level),
                                (None, None) => true,
                                // PETRARCH writes an event without a target with the target `---`.
                                (Some(_), None) => g.ev.target.as_deref().map(str::trim) == Some("---"),
                                _ => false,
                            }
                    }
                    1 => match (&g.target, &p.target) {
                        (Some(gt), Some(pt)) if g.symmetric => actor_ok(&g.source, pt, level) && actor_ok(gt, &p.source, level),
                        _ => false,
                    },
                    _ => g.target.is_none() && p.target.is_some() && actor_ok(&g.source, &p.source, level),
                };
                if ok {
                    gold_used[gi] = true;
                    pred_used[pi] = true;
                    pairs.push((gi, pi));
                    break;
                }
            }
        }
    }
    pairs
}

/// Pairs leftover events on actors alone (either direction for symmetric
/// gold), for the confusion table.
fn match_actors_only(gold: &[&GoldPrep], pred: &[&PredPrep]) -> Vec<(usize, usize)> {
    let mut pred_used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            if pred_used[pi] {
                continue;
            }
            let forward = actor_ok(&g.source, &p.source, Level::One)
                && match (&g.target, &p.target) {
                    (Some(gt), Some(pt)) => actor_ok(gt, pt, Level::One),
                    (None, _) => true,
                    (Some(_), None) => false,
                };
            if forward {
                pred_used[pi] = true;
                pairs.push((gi, pi));
                break;
            }
        }
    }
    pairs
}

fn actor_code(a: &ActorRecord) -> String {
    a.code.clone()
}

/// Scores predictions against gold documents; `predicted[i]` holds the
/// records produced for `docs[i]`. A missing entry counts as "nothing
/// predicted" and surplus entries are ignored, both with a note.
pub fn score(docs: &[GoldDoc], predicted: &[Vec<EventRecord>], opts: &ScoreOptions) -> Report {
    let mut report = Report { docs: docs.len(), ..Report::default() };
    if predicted.len() != docs.len() {
        report.notes.push(format!(
            "{} gold documents but {} prediction lists; missing lists count as empty, surplus ones are ignored",
            docs.len(),
            predicted.len()
        ));
    }
    let n_plover = docs.iter().flat_map(|d| &d.events).filter(|e| e.plover.is_some()).count();
    let n_cameo_only = docs.iter().flat_map(|d| &d.events).filter(|e| e.plover.is_none() && e.cameo.is_some()).count();
    let set_uses_plover = n_plover > n_cameo_only;
    let any_cameo = docs.iter().flat_map(|d| &d.events).any(|e| e.cameo.is_some());

    let (mut l1, mut l2, mut l3) = ([0usize; 3], [0usize; 3], [0usize; 3]);
    let mut cat_counts: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut doc_cats: BTreeMap<String, DocCategoryRow> = BTreeMap::new();
    let empty = Vec::new();

    for (di, doc) in docs.iter().enumerate() {
        let preds = predicted.get(di).unwrap_or(&empty);
        report.gold_events += doc.events.len();
        report.predicted_events += preds.len();
        let doc_plover = if doc.events.is_empty() { set_uses_plover } else { doc.events.iter().any(|e| e.plover.is_some()) };
        let gold: Vec<GoldPrep> = doc
            .events
            .iter()
            .map(|ev| {
                let category = gold_category(ev);
                GoldPrep { ev, source: gold_actor(&ev.source), target: ev.target.as_deref().map(gold_actor), symmetric: is_symmetric(&category), category }
            })
            .collect();
        let pred: Vec<PredPrep> = preds
            .iter()
            .map(|rec| PredPrep {
                rec,
                source: predicted_actor(&rec.source),
                target: rec.target.as_ref().map(predicted_actor),
                category: if doc_plover {
                    normalize_upper(&rec.plover.event)
                } else if rec.cameo_root.trim().is_empty() {
                    cameo_root(&rec.cameo)
                } else {
                    rec.cameo_root.trim().to_string()
                },
            })
            .collect();

        // Level 1, with everything that hangs off it.
        let pairs = match_doc(&gold, &pred, Level::One);
        add(&mut l1, pairs.len(), pred.len(), gold.len());
        let mut gold_hit = vec![false; gold.len()];
        let mut pred_hit = vec![false; pred.len()];
        for &(gi, pi) in &pairs {
            gold_hit[gi] = true;
            pred_hit[pi] = true;
            cat_counts.entry(gold[gi].category.clone()).or_default()[0] += 1;
            *confusion.entry((gold[gi].category.clone(), gold[gi].category.clone())).or_default() += 1;
            if let Some(gd) = &gold[gi].ev.date {
                report.date.dated_pairs += 1;
                if pred[pi].rec.date.as_deref() == Some(gd.as_str()) {
                    report.date.correct += 1;
                }
            }
        }
        let missed: Vec<&GoldPrep> = gold.iter().zip(&gold_hit).filter(|(_, h)| !**h).map(|(g, _)| g).collect();
        let extra: Vec<&PredPrep> = pred.iter().zip(&pred_hit).filter(|(_, h)| !**h).map(|(p, _)| p).collect();
        for g in &missed {
            cat_counts.entry(g.category.clone()).or_default()[2] += 1;
            report.missed_total += 1;
            if opts.max_errors.is_none_or(|m| report.missed.len() < m) {
                report.missed.push(ErrorItem {
                    doc_id: doc.id.clone(),
                    text: doc.text.clone(),
                    source: g.ev.source.clone(),
                    target: g.ev.target.clone(),
                    cameo: g.ev.cameo.clone(),
                    plover: g.ev.plover.clone(),
                });
            }
        }
        for p in &extra {
            cat_counts.entry(p.category.clone()).or_default()[1] += 1;
            report.extra_total += 1;
            if opts.max_errors.is_none_or(|m| report.extra.len() < m) {
                report.extra.push(ErrorItem {
                    doc_id: doc.id.clone(),
                    text: p.rec.sentence.text.clone(),
                    source: actor_code(&p.rec.source),
                    target: p.rec.target.as_ref().map(actor_code),
                    cameo: Some(p.rec.cameo.clone()).filter(|c| !c.is_empty()),
                    plover: Some(p.rec.plover.event.clone()).filter(|e| !e.is_empty()),
                });
            }
        }
        let confused = match_actors_only(&missed, &extra);
        let mut missed_confused = vec![false; missed.len()];
        let mut extra_confused = vec![false; extra.len()];
        for &(gi, pi) in &confused {
            missed_confused[gi] = true;
            extra_confused[pi] = true;
            *confusion.entry((missed[gi].category.clone(), extra[pi].category.clone())).or_default() += 1;
        }
        for (g, _) in missed.iter().zip(&missed_confused).filter(|(_, c)| !**c) {
            *confusion.entry((g.category.clone(), NONE.to_string())).or_default() += 1;
        }
        for (p, _) in extra.iter().zip(&extra_confused).filter(|(_, c)| !**c) {
            *confusion.entry((NONE.to_string(), p.category.clone())).or_default() += 1;
        }

        let pairs2 = match_doc(&gold, &pred, Level::Two);
        add(&mut l2, pairs2.len(), pred.len(), gold.len());
        if any_cameo && gold.iter().all(|g| g.ev.cameo.is_some()) {
            let pairs3 = match_doc(&gold, &pred, Level::Three);
            add(&mut l3, pairs3.len(), pred.len(), gold.len());
        }

        if let Some(cat) = &doc.category {
            let row = doc_cats.entry(cat.clone()).or_insert_with(|| DocCategoryRow { category: cat.clone(), ..DocCategoryRow::default() });
            row.docs += 1;
            row.expected += gold.len();
            row.reproduced += pairs.len();
            row.extra += extra.len();
            if doc.expect_none {
                row.expect_none_docs += 1;
                if pred.is_empty() {
                    row.expect_none_clean += 1;
                }
            }
        }
    }

    report.level1 = Prf::new(l1[0], l1[1], l1[2]);
    report.level2 = Prf::new(l2[0], l2[1], l2[2]);
    report.level3 = any_cameo.then(|| Prf::new(l3[0], l3[1], l3[2]));
    report.date.accuracy = (report.date.dated_pairs > 0).then(|| report.date.correct as f64 / report.date.dated_pairs as f64);
    report.categories = cat_counts.into_iter().map(|(category, [tp, fp, fn_])| CategoryRow { category, prf: Prf::new(tp, fp, fn_) }).collect();
    report.macro_f1 = if report.categories.is_empty() { 0.0 } else { report.categories.iter().map(|r| r.prf.f1).sum::<f64>() / report.categories.len() as f64 };
    report.confusion = confusion.into_iter().map(|((gold, predicted), count)| ConfusionCell { gold, predicted, count }).collect();
    report.doc_categories = doc_cats.into_values().collect();
    report
}

/// Adds one document's counts: matched pairs, predictions, gold events.
fn add(acc: &mut [usize; 3], tp: usize, n_pred: usize, n_gold: usize) {
    acc[0] += tp;
    acc[1] += n_pred - tp;
    acc[2] += n_gold - tp;
}

fn normalize_upper(s: &str) -> String {
    crate::eval::gold::normalize_plover(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{Evidence, PloverRecord, SentenceRecord};

    fn actor(code: &str) -> ActorRecord {
        let key = gold_actor(code).remove(0);
        ActorRecord {
            code: code.to_string(),
            country: key.country,
            sectors: key.sectors,
            text: code.to_string(),
            name: None,
            span: [0, 0],
            rule: "test".to_string(),
        }
    }

    /// A predicted record; `plover` defaults to an empty type.
    fn rec(source: &str, target: Option<&str>, cameo: &str, plover: &str) -> EventRecord {
        EventRecord {
            doc_id: "d".to_string(),
            event_id: "d-1".to_string(),
            date: Some("2001-02-03".to_string()),
            date_precision: "day".to_string(),
            date_evidence: "dateline".to_string(),
            source: actor(source),
            target: target.map(actor),
            cameo: cameo.to_string(),
            cameo_root: cameo.chars().take(2).collect(),
            cameo_label: String::new(),
            goldstein: 0.0,
            quad_class: 0,
            plover: PloverRecord { event: plover.to_string(), mode: String::new(), context: Vec::new() },
            place: None,
            sentence: SentenceRecord { index: 0, text: format!("predicted sentence {source}"), span: [0, 0] },
            evidence: Evidence { verb: String::new(), span: [0, 0], rule: String::new(), lexicon: String::new(), notes: Vec::new() },
            mentions: 1,
        }
    }

    fn cameo_ev(source: &str, target: Option<&str>, cameo: &str) -> GoldEvent {
        GoldEvent { source: source.to_string(), target: target.map(str::to_string), cameo: Some(cameo.to_string()), plover: None, date: None }
    }

    fn plover_ev(source: &str, target: Option<&str>, plover: &str) -> GoldEvent {
        GoldEvent { plover: Some(plover.to_string()), cameo: None, ..cameo_ev(source, target, "") }
    }

    fn doc(id: &str, events: Vec<GoldEvent>) -> GoldDoc {
        GoldDoc {
            id: id.to_string(),
            date: None,
            text: format!("gold text {id}"),
            category: None,
            expect_none: events.is_empty(),
            events,
            coding: Default::default(),
        }
    }

    #[test]
    fn gold_codes_split_into_country_and_sectors() {
        let cases: &[(&str, Option<&str>, &[&str])] = &[
            ("USAGOV", Some("USA"), &["GOV"]),
            ("IRQGOVMIL", Some("IRQ"), &["GOV", "MIL"]),
            ("---REB", None, &["REB"]),
            ("---", None, &[]),
            ("IGO", Some("IGO"), &[]),
            ("IGOUNOMIL", Some("IGOUNO"), &["MIL"]),
            ("IGOEUREEC", Some("IGOEUREEC"), &[]),
            // PETRARCH writes an NGO agent of a country NGO + country: no organisation code.
            ("NGOARN", Some("NGO"), &["ARN"]),
            ("\"THE MINISTRY OF MAGIC\"", None, &[]),
            ("", None, &[]),
            ("~MIL", None, &["MIL"]),
            ("ALBCVLalb", Some("ALB"), &["CVL"]),
            ("HUN***", Some("HUN"), &[]),
        ];
        for (code, country, sectors) in cases {
            let keys = gold_actor(code);
            assert_eq!(keys.len(), 1, "{code}");
            assert_eq!(keys[0].country.as_deref(), *country, "{code}");
            assert_eq!(keys[0].sectors, *sectors, "{code}");
        }
        let alts = gold_actor("FRO/BIL");
        assert_eq!(alts.len(), 2);
        assert_eq!(alts[1].country.as_deref(), Some("BIL"));
    }

    #[test]
    fn country_rules() {
        let cases: &[(Option<&str>, Option<&str>, bool)] = &[
            (Some("USA"), Some("USA"), true),
            (Some("USA"), Some("RUS"), false),
            (None, None, true),
            (None, Some("USA"), false),
            (Some("USA"), None, false),
            (Some("IGO"), Some("IGOUNO"), true),
            (Some("IGO"), Some("IGO"), true),
            (Some("IGOUNO"), Some("IGOUNOKID"), true),
            (Some("IGOUNO"), Some("IGOEUR"), false),
            (Some("IGOUNO"), Some("IGO"), false),
            (Some("IGO"), Some("USA"), false),
            (Some("IGO"), Some("NGOCRC"), true),
            (Some("NGO"), Some("NGOHRIAMN"), true),
            (Some("NGO"), Some("IGOUNO"), true),
            (Some("NGOCRC"), Some("NGOCRCGOV"), true),
            (Some("NGOCRC"), Some("IGOCRC"), false),
            (Some("IGOUNO"), Some("NGOCRC"), false),
            (Some("NGO"), Some("USA"), false),
        ];
        for (g, p, want) in cases {
            assert_eq!(country_match(*g, *p), *want, "{g:?} vs {p:?}");
        }
    }

    #[test]
    fn sector_rules() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let cases: &[(&[&str], &[&str], bool)] = &[
            (&["GOV", "MIL"], &["MIL"], true),
            (&["MIL"], &["GOV", "MIL"], true),
            (&["GOV", "LEG"], &["LEG", "GOV"], true),
            (&["GOV"], &["MIL"], false),
            (&[], &[], true),
            (&[], &["GOV"], false),
            (&["GOV", "BUS"], &["BUS"], false),
            (&["GOV", "SPY"], &["SPY"], true),
        ];
        for (g, p, want) in cases {
            assert_eq!(sectors_match(&v(g), &v(p)), *want, "{g:?} vs {p:?}");
        }
        let mut a = actor("USA");
        a.country = Some("---".to_string());
        assert_eq!(predicted_actor(&a).country, None, "--- is no country");
    }

    /// Name, gold events, predictions, expected level-1 (tp, fp, fn).
    type Case = (&'static str, Vec<GoldEvent>, Vec<EventRecord>, (usize, usize, usize));

    /// One document per case.
    #[test]
    fn matching_rules_table() {
        let cases: Vec<Case> = vec![
            ("exact", vec![cameo_ev("USAGOV", Some("RUS"), "042")], vec![rec("USAGOV", Some("RUS"), "042", "CONSULT")], (1, 0, 0)),
            ("level 1 ignores sectors", vec![cameo_ev("USAGOV", Some("RUSMIL"), "042")], vec![rec("USA", Some("RUS"), "043", "CONSULT")], (1, 0, 0)),
            ("wrong root", vec![cameo_ev("USA", Some("RUS"), "042")], vec![rec("USA", Some("RUS"), "112", "ACCUSE")], (0, 1, 1)),
            ("wrong target country", vec![cameo_ev("USA", Some("RUS"), "042")], vec![rec("USA", Some("CHN"), "042", "CONSULT")], (0, 1, 1)),
            ("consult swapped matches", vec![cameo_ev("USA", Some("RUS"), "040")], vec![rec("RUS", Some("USA"), "040", "CONSULT")], (1, 0, 0)),
            ("cooperate swapped matches", vec![cameo_ev("USA", Some("RUS"), "061")], vec![rec("RUS", Some("USA"), "061", "COOPERATE")], (1, 0, 0)),
            ("assault swapped does not match", vec![cameo_ev("USA", Some("RUS"), "190")], vec![rec("RUS", Some("USA"), "190", "ASSAULT")], (0, 1, 1)),
            ("gold without target takes any target", vec![cameo_ev("LVA", None, "087")], vec![rec("LVA", Some("RUS"), "087", "RETREAT")], (1, 0, 0)),
            ("gold without target still needs the source", vec![cameo_ev("LVA", None, "087")], vec![rec("EST", Some("RUS"), "087", "RETREAT")], (0, 1, 1)),
            ("legacy gold country codes compare as ISO", vec![cameo_ev("JAP", Some("ITL"), "042")], vec![rec("JPN", Some("ITA"), "042", "CONSULT")], (1, 0, 0)),
            ("prediction without target misses targeted gold", vec![cameo_ev("USA", Some("RUS"), "042")], vec![rec("USA", None, "042", "CONSULT")], (0, 1, 1)),
            ("PETRARCH's `---` target is no target", vec![cameo_ev("---GOV", Some("---"), "023")], vec![rec("---GOV", None, "023", "APPEAL")], (1, 0, 0)),
            ("a `---GOV` target is an actor", vec![cameo_ev("USA", Some("---GOV"), "023")], vec![rec("USA", None, "023", "APPEAL")], (0, 1, 1)),
            (
                "each gold used once",
                vec![cameo_ev("USA", Some("RUS"), "042")],
                vec![rec("USA", Some("RUS"), "042", "CONSULT"), rec("USA", Some("RUS"), "042", "CONSULT")],
                (1, 1, 0),
            ),
            (
                "exact beats swapped when both exist",
                vec![cameo_ev("USA", Some("RUS"), "040"), cameo_ev("RUS", Some("USA"), "040")],
                vec![rec("RUS", Some("USA"), "040", "CONSULT"), rec("USA", Some("RUS"), "040", "CONSULT")],
                (2, 0, 0),
            ),
            ("expect_none: every prediction is extra", vec![], vec![rec("USA", Some("RUS"), "042", "CONSULT")], (0, 1, 0)),
            (
                "plover gold compares the PLOVER type",
                vec![plover_ev("HUNGOV", Some("ROU"), "REQUEST")],
                vec![rec("HUN", Some("ROU"), "100", "REQUEST")],
                (1, 0, 0),
            ),
            (
                "plover gold ignores a matching CAMEO root",
                vec![plover_ev("HUN", Some("ROU"), "REQUEST")],
                vec![rec("HUN", Some("ROU"), "100", "ACCUSE")],
                (0, 1, 1),
            ),
            ("IGO gold matches any IGO", vec![cameo_ev("IGO", Some("JPN"), "057")], vec![rec("IGOUNO", Some("JPN"), "057", "AGREE")], (1, 0, 0)),
            (
                "no-country gold matches no-country prediction",
                vec![cameo_ev("\"THE MINISTRY\"", Some("GON"), "032")],
                vec![rec("---", Some("GON"), "032", "CONSULT")],
                (1, 0, 0),
            ),
            (
                "unknown-country gold matches any country with its sectors",
                vec![cameo_ev("---REB", Some("GON"), "190")],
                vec![rec("ARNREB", Some("GON"), "190", "ASSAULT")],
                (1, 0, 0),
            ),
            (
                "unknown-country gold still needs its sectors",
                vec![cameo_ev("---REB", Some("GON"), "190")],
                vec![rec("ARNMIL", Some("GON"), "190", "ASSAULT")],
                (0, 1, 1),
            ),
            ("a bare `---` source is no country", vec![cameo_ev("---", Some("GON"), "190")], vec![rec("ARN", Some("GON"), "190", "ASSAULT")], (0, 1, 1)),
            (
                "a stateless `~` agent does not match a country",
                vec![cameo_ev("~REB", Some("GON"), "190")],
                vec![rec("ARNREB", Some("GON"), "190", "ASSAULT")],
                (0, 1, 1),
            ),
            (
                "`---LEG` matches a national legislature (GOV beside LEG)",
                vec![cameo_ev("---LEG", Some("ARNGOV"), "023")],
                vec![rec("ARNGOVLEG", Some("ARNGOV"), "023", "APPEAL")],
                (1, 0, 0),
            ),
        ];
        for (name, events, preds, (tp, fp, fn_)) in cases {
            let d = doc(name, events);
            let r = score(&[d], &[preds], &ScoreOptions::default());
            assert_eq!((r.level1.tp, r.level1.fp, r.level1.fn_), (tp, fp, fn_), "{name}");
            assert_eq!(r.missed_total, fn_, "{name}");
            assert_eq!(r.extra_total, fp, "{name}");
        }
    }

    #[test]
    fn levels_two_and_three() {
        let docs = vec![doc("a", vec![cameo_ev("USAGOV", Some("RUSMIL"), "042"), cameo_ev("IRQGOVMIL", Some("IRN"), "190")])];
        let preds = vec![vec![rec("USA", Some("RUSMIL"), "043", "CONSULT"), rec("IRQMIL", Some("IRN"), "190", "ASSAULT")]];
        let r = score(&docs, &preds, &ScoreOptions::default());
        assert_eq!((r.level1.tp, r.level1.fp, r.level1.fn_), (2, 0, 0));
        assert_eq!((r.level2.tp, r.level2.fp, r.level2.fn_), (1, 1, 1));
        let l3 = r.level3.expect("CAMEO gold has level 3");
        assert_eq!((l3.tp, l3.fp, l3.fn_), (1, 1, 1));
        assert!((r.level1.f1 - 1.0).abs() < 1e-9);
        assert!((r.level2.precision - 0.5).abs() < 1e-9);

        let plover_docs = vec![doc("p", vec![plover_ev("USA", Some("RUS"), "CONSULT")])];
        let r = score(&plover_docs, &[vec![rec("USA", Some("RUS"), "042", "CONSULT")]], &ScoreOptions::default());
        assert!(r.level3.is_none(), "no CAMEO in gold, no level 3");
    }

    #[test]
    fn dates_categories_confusion_and_errors() {
        let mut dated = cameo_ev("USA", Some("RUS"), "042");
        dated.date = Some("2001-02-03".to_string());
        let mut dated_wrong = cameo_ev("USA", Some("CHN"), "111");
        dated_wrong.date = Some("2001-02-04".to_string());
        let mut d1 = doc("d1", vec![dated, dated_wrong, cameo_ev("GBR", Some("FRA"), "190")]);
        d1.category = Some("DEMO".to_string());
        let mut d2 = doc("d2", vec![]);
        d2.category = Some("DEMO".to_string());
        let mut d3 = doc("d3", vec![]);
        d3.category = Some("PARSING".to_string());
        let preds = vec![
            vec![
                rec("USA", Some("RUS"), "042", "CONSULT"),
                rec("USA", Some("CHN"), "111", "ACCUSE"),
                rec("GBR", Some("FRA"), "112", "ACCUSE"),
                rec("DEU", Some("FRA"), "051", "SUPPORT"),
            ],
            vec![],
            vec![rec("ARN", Some("GON"), "064", "COOPERATE")],
        ];
        let r = score(&[d1, d2, d3], &preds, &ScoreOptions { max_errors: Some(1) });
        assert_eq!((r.level1.tp, r.level1.fp, r.level1.fn_), (2, 3, 1));
        assert_eq!(r.date.dated_pairs, 2);
        assert_eq!(r.date.correct, 1);
        assert_eq!(r.date.accuracy, Some(0.5));

        let row = |c: &str| r.categories.iter().find(|x| x.category == c).map(|x| (x.prf.tp, x.prf.fp, x.prf.fn_));
        assert_eq!(row("04"), Some((1, 0, 0)));
        assert_eq!(row("11"), Some((1, 1, 0)));
        assert_eq!(row("19"), Some((0, 0, 1)));
        assert_eq!(row("05"), Some((0, 1, 0)));
        assert_eq!(row("06"), Some((0, 1, 0)));
        let mean = r.categories.iter().map(|c| c.prf.f1).sum::<f64>() / 5.0;
        assert!((r.macro_f1 - mean).abs() < 1e-9);

        let cell = |g: &str, p: &str| r.confusion.iter().find(|c| c.gold == g && c.predicted == p).map(|c| c.count);
        assert_eq!(cell("19", "11"), Some(1), "same actors, wrong category");
        assert_eq!(cell(NONE, "05"), Some(1));
        assert_eq!(cell(NONE, "06"), Some(1));
        assert_eq!(cell("04", "04"), Some(1));
        assert_eq!(cell("19", NONE), None, "the miss was paired in the confusion table");

        assert_eq!(r.missed_total, 1);
        assert_eq!(r.extra_total, 3);
        assert_eq!(r.extra.len(), 1, "capped");
        assert_eq!(r.missed[0].doc_id, "d1");
        assert_eq!(r.missed[0].text, "gold text d1");
        assert_eq!(r.extra[0].text, "predicted sentence GBR");

        let demo = &r.doc_categories[0];
        assert_eq!(demo.category, "DEMO");
        assert_eq!((demo.docs, demo.expected, demo.reproduced, demo.extra), (2, 3, 2, 2));
        assert_eq!((demo.expect_none_docs, demo.expect_none_clean), (1, 1));
        let parsing = &r.doc_categories[1];
        assert_eq!((parsing.expect_none_docs, parsing.expect_none_clean), (1, 0));
        assert_eq!(parsing.extra, 1);
    }

    #[test]
    fn mismatched_lengths_are_noted_not_fatal() {
        let docs = vec![doc("a", vec![cameo_ev("USA", Some("RUS"), "042")])];
        let r = score(&docs, &[], &ScoreOptions::default());
        assert_eq!(r.level1.fn_, 1);
        assert_eq!(r.notes.len(), 1);
        let empty = score(&[], &[], &ScoreOptions::default());
        assert_eq!(empty.level1, Prf::new(0, 0, 0));
        assert_eq!(empty.macro_f1, 0.0);
        assert!(empty.date.accuracy.is_none());
    }

    #[test]
    fn report_serialises_with_fn_field() {
        let r = score(&[doc("a", vec![cameo_ev("USA", Some("RUS"), "042")])], &[vec![]], &ScoreOptions::default());
        let json = serde_json::to_value(&r).expect("serialises");
        assert_eq!(json["level1"]["fn"], 1);
        assert_eq!(json["categories"][0]["category"], "04");
        assert_eq!(json["categories"][0]["fn"], 1);
    }

    /// Feeding each real gold set its own events back as predictions must
    /// score perfectly at every level; this checks the readers and the
    /// matcher agree on every code the upstream files use.
    #[test]
    fn real_gold_scores_perfectly_against_itself() {
        let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
        if !root.is_dir() {
            eprintln!("skipping: shared data not found at {}", root.display());
            return;
        }
        for file in [
            "petr2-gsr-validation/PETR2_GSR_validation.xml",
            "petrarch2-unittest/PETR.UnitTest.records.xml",
            "udpetrarch-validation/PETR_Validate_records_2_02.xml",
            "tabari-validation-petr1/PETR.Validate.records.140226.txt",
            "plover-gsr/PLOVER_GSR_CAMEO.json",
            "plover-gsr/gold.jsonl",
        ] {
            let path = root.join(file);
            if !path.is_file() {
                eprintln!("skipping {}: not present", path.display());
                continue;
            }
            let set = crate::eval::gold::read_gold(&path).unwrap_or_else(|e| panic!("{e}"));
            let preds: Vec<Vec<EventRecord>> = set
                .docs
                .iter()
                .map(|d| {
                    d.events
                        .iter()
                        .map(|e| rec(&e.source, e.target.as_deref(), e.cameo.as_deref().unwrap_or("---"), e.plover.as_deref().unwrap_or("")))
                        .collect()
                })
                .collect();
            let r = score(&set.docs, &preds, &ScoreOptions::default());
            assert_eq!(r.level1.fp + r.level1.fn_, 0, "{file} level 1");
            assert_eq!(r.level2.fp + r.level2.fn_, 0, "{file} level 2");
            if let Some(l3) = &r.level3 {
                assert_eq!(l3.fp + l3.fn_, 0, "{file} level 3");
            }
            assert_eq!(r.level1.tp, r.gold_events, "{file}");
            assert!(r.gold_events > 0, "{file}");
            // Removing every prediction turns all of them into misses.
            let none = score(&set.docs, &[], &ScoreOptions::default());
            assert_eq!(none.level1.fn_, r.gold_events, "{file}");
        }
    }
}
