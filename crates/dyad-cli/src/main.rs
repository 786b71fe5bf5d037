//! The `dyad` command line.
//!
//! Branch `store` wiring: only the store subcommands. The lead merges these
//! into the full command enum and passes `dyad::Coder` to `run_serve`.

mod store_cmds;

use std::sync::Arc;

use anyhow::Result;
use clap::{Parser, Subcommand};
use dyad::article::Article;
use dyad::output::{ActorRecord, EventRecord, Evidence, PloverRecord, SentenceRecord};

/// Political event data: news text in, CAMEO and PLOVER events out.
#[derive(Debug, Parser)]
#[command(name = "dyad", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Load event records (JSON Lines from `dyad code`) into a store.
    Load(store_cmds::LoadArgs),
    /// Query stored event records.
    Query(store_cmds::QueryArgs),
    /// Aggregate a pair of countries or actors per period.
    Dyads(store_cmds::DyadsArgs),
    /// Serve the JSON API and the dashboard.
    Serve(store_cmds::ServeArgs),
}

/// Interim coder for `dyad serve` on this branch, until `dyad::Coder` is
/// merged: a sentence naming two actors the store already knows (by their
/// most frequent mention text, e.g. "China") yields one neutral CAMEO 010
/// statement from the first to the second. It exists so the dashboard's
/// paste box and its browser test work end to end before the real coder.
fn interim_coder(store: &std::path::Path) -> Result<dyad_server::Coder> {
    let known: Vec<(String, String)> = dyad_store::Store::open_read_only(store)?
        .actors(None, 500)?
        .into_iter()
        .filter_map(|a| Some((a.label?, a.code)))
        .filter(|(label, _)| label.chars().count() >= 3)
        .collect();
    Ok(Arc::new(move |article: &Article| {
        let mut out = Vec::new();
        let mut start = 0;
        for sentence in article.text.split_inclusive(['.', '!', '?', '\n']) {
            let mut hits: Vec<(usize, &str, &str)> = known
                .iter()
                .filter_map(|(label, code)| {
                    sentence
                        .find(label.as_str())
                        .map(|i| (start + i, label.as_str(), code.as_str()))
                })
                .collect();
            hits.sort();
            hits.dedup_by(|a, b| a.2 == b.2);
            if let [first, second, ..] = hits[..] {
                let actor = |(at, text, code): (usize, &str, &str)| ActorRecord {
                    code: code.to_string(),
                    country: (code.len() >= 3).then(|| code[..3].to_string()),
                    sectors: (3..code.len())
                        .step_by(3)
                        .map(|i| code[i..(i + 3).min(code.len())].to_string())
                        .collect(),
                    text: text.to_string(),
                    name: None,
                    span: [at, at + text.len()],
                    rule: "interim: known mention".into(),
                };
                let verb_span = [first.0 + first.1.len(), second.0];
                out.push(EventRecord {
                    doc_id: article.id.clone(),
                    event_id: format!("{}-{}", article.id, out.len()),
                    date: article.date.clone(),
                    date_precision: if article.date.is_some() {
                        "day"
                    } else {
                        "none"
                    }
                    .into(),
                    date_evidence: "article date".into(),
                    source: actor(first),
                    target: Some(actor(second)),
                    cameo: "010".into(),
                    cameo_root: "01".into(),
                    cameo_label: "Make statement".into(),
                    goldstein: 0.0,
                    quad_class: 0,
                    // PLOVER drops CAMEO 01 (statements): no PLOVER type.
                    plover: PloverRecord {
                        event: String::new(),
                        mode: String::new(),
                        context: vec![],
                    },
                    place: None,
                    sentence: SentenceRecord {
                        index: out.len(),
                        text: sentence.to_string(),
                        span: [start, start + sentence.len()],
                    },
                    evidence: Evidence {
                        verb: article.text[verb_span[0]..verb_span[1]].trim().to_string(),
                        span: verb_span,
                        rule: "interim co-mention".into(),
                        lexicon: "interim".into(),
                        notes: vec!["interim-coder".into()],
                    },
                    mentions: 1,
                });
            }
            start += sentence.len();
        }
        out
    }))
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Load(a) => store_cmds::run_load(&a),
        Command::Query(a) => store_cmds::run_query(&a),
        Command::Dyads(a) => store_cmds::run_dyads(&a),
        Command::Serve(a) => {
            let coder = interim_coder(&a.store)?;
            store_cmds::run_serve(&a, coder)
        }
    }
}
