//! `dyad dict`: check community dictionaries, and find what they miss.

use crate::lex::LexArgs;
use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use dyad::actors::{self, DocContext, Sentence};
use dyad::article::{self};
use dyad::{text, time};
use std::collections::HashMap;
use std::path::PathBuf;

/// `dyad dict` subcommands.
#[derive(Subcommand, Debug)]
pub enum DictCmd {
    /// Load dictionaries and report every malformed line (file:line: problem).
    Check {
        /// Dictionary files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// List the most frequent actor-like phrases that no dictionary codes, with examples.
    Unknown(UnknownArgs),
}

/// Options of `dyad dict unknown`.
#[derive(Args, Debug)]
pub struct UnknownArgs {
    /// Corpus: any input `dyad code` reads.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// How many phrases to list.
    #[arg(long, default_value_t = 50)]
    pub top: usize,
    #[command(flatten)]
    pub lex: LexArgs,
}

pub fn run(cmd: DictCmd) -> Result<()> {
    match cmd {
        DictCmd::Check { paths } => {
            let mut bad = 0;
            for p in &paths {
                let d = dyad::dict::Dictionaries::load(p).with_context(|| format!("cannot load {}", p.display()))?;
                bad += d.problems.len();
                print!("{}", dyad::dict::check_report(&d));
            }
            eprintln!("{bad} problem lines in total");
            Ok(())
        }
        DictCmd::Unknown(a) => unknown(a),
    }
}

fn unknown(a: UnknownArgs) -> Result<()> {
    let coder = a.lex.coder()?;
    let lex = coder.lexicon();
    let mut counts: HashMap<String, (usize, String)> = HashMap::new();
    let mut errors = 0;
    for art in article::read_all(&a.inputs) {
        let art = match art {
            Ok(x) => x,
            Err(e) => {
                errors += 1;
                eprintln!("error: {e} (skipped)");
                continue;
            }
        };
        let l = art.layout();
        let lower = art.text.to_ascii_lowercase();
        let mut ctx = DocContext::new(time::reference_date(art.publication_date(&l), l.dateline.as_ref().and_then(|d| d.month_day)));
        for &(s, e) in &l.body {
            for sp in text::sentences(&art.text, s, e) {
                let s = Sentence::new(&art.text, &lower, sp);
                let ms = actors::find_mentions(&s, lex, &mut ctx);
                for (x, y) in actors::uncoded_names(&s, &ms) {
                    let entry = counts.entry(s.slice(x, y).to_string()).or_insert_with(|| (0, art.text[sp.0..sp.1].to_string()));
                    entry.0 += 1;
                }
            }
        }
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    println!("count\tphrase\texample");
    for (phrase, (n, ex)) in v.into_iter().take(a.top) {
        println!("{n}\t{phrase}\t{}", ex.replace(['\t', '\n'], " "));
    }
    if errors > 0 {
        eprintln!("{errors} records could not be read");
    }
    Ok(())
}
