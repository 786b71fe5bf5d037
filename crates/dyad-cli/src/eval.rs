//! `dyad eval`: code a gold set and score the result.

use crate::lex::LexArgs;
use anyhow::{Context, Result};
use clap::Args;
use dyad::eval::{self, ScoreOptions};
use dyad::{Article, Coder};
use rayon::prelude::*;
use std::path::PathBuf;

/// Options of `dyad eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Gold file: dyad gold JSONL, PETRARCH validation XML/records, or the PLOVER GSR JSON.
    #[arg(long, required = true)]
    pub gold: Vec<PathBuf>,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
    /// List every missed and every extra event beside its sentence.
    #[arg(long)]
    pub errors: bool,
    /// Keep at most this many entries in each error list.
    #[arg(long)]
    pub max_errors: Option<usize>,
    #[command(flatten)]
    pub lex: LexArgs,
}

/// Codes every gold document and scores the predictions.
pub fn evaluate(coder: &Coder, set: &eval::GoldSet, opts: &ScoreOptions) -> eval::Report {
    let preds: Vec<_> = set
        .docs
        .par_iter()
        .map(|d| {
            let a = Article { id: d.id.clone(), date: d.date.clone(), text: d.text.clone(), ..Default::default() };
            // The gold file may set coding options per record (PETRARCH's `require_dyad`).
            coder.code_with(&a, &d.coding).events
        })
        .collect();
    eval::score(&set.docs, &preds, opts)
}

pub fn run(a: EvalArgs) -> Result<()> {
    let coder = a.lex.coder()?;
    let mut reports = Vec::new();
    for g in &a.gold {
        let set = eval::read_gold(g).with_context(|| format!("cannot read gold file {}", g.display()))?;
        for p in &set.problems {
            eprintln!("{}:{}: {}{}", g.display(), p.line, p.record.as_deref().map(|r| format!("record {r}: ")).unwrap_or_default(), p.message);
        }
        let report = evaluate(&coder, &set, &ScoreOptions { max_errors: a.max_errors });
        if a.json {
            reports.push(serde_json::json!({ "gold": g, "format": format!("{:?}", set.format), "skipped": set.problems.len(), "report": report }));
        } else {
            println!("== {} ({:?}, {} documents, {} skipped)", g.display(), set.format, set.docs.len(), set.problems.len());
            print!("{}", report.render_text(a.errors));
        }
    }
    if a.json {
        let v = if reports.len() == 1 { reports.remove(0) } else { serde_json::Value::Array(reports) };
        println!("{}", serde_json::to_string_pretty(&v)?);
    }
    Ok(())
}
