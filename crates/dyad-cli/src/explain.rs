//! `dyad explain`: what the coder saw in each sentence, for users tuning a
//! dictionary or asking why a sentence gave (or did not give) an event.

use crate::lex::LexArgs;
use anyhow::Result;
use clap::Args;
use dyad::article::{expand_inputs, FileReader};
use dyad::coder::SentenceTrace;
use dyad::Article;
use std::io::Write;
use std::path::PathBuf;

/// Options of `dyad explain`.
#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// Inputs as for `dyad code` (text files, JSON Lines, directories, `.gz`, `-`).
    pub inputs: Vec<PathBuf>,
    /// Explain this text instead of reading inputs.
    #[arg(long, conflicts_with = "inputs")]
    pub text: Option<String>,
    /// Publication date for `--text` (YYYY-MM-DD): date-ranged roles depend on it.
    #[arg(long, requires = "text")]
    pub date: Option<String>,
    /// One JSON object per sentence instead of the readable listing.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub lex: LexArgs,
}

/// Explains every article of the inputs on standard output.
pub fn run(a: ExplainArgs) -> Result<()> {
    if a.text.is_none() && a.inputs.is_empty() {
        anyhow::bail!("give inputs to explain, or --text \"...\"");
    }
    let coder = a.lex.coder()?;
    let out = std::io::stdout();
    let mut out = out.lock();
    let explain = |art: &Article, out: &mut dyn Write| -> Result<()> {
        let (_, trace) = coder.explain(art);
        for t in &trace {
            if a.json {
                let mut v = serde_json::to_value(t)?;
                v["doc_id"] = serde_json::Value::String(art.id.clone());
                writeln!(out, "{v}")?;
            } else {
                write_trace(out, &art.id, t)?;
            }
        }
        Ok(())
    };
    if let Some(text) = &a.text {
        let art = Article { id: "text".into(), date: a.date.clone(), text: text.clone(), ..Default::default() };
        return explain(&art, &mut out);
    }
    let (files, errors) = expand_inputs(&a.inputs);
    let mut bad = errors.len();
    for e in errors {
        eprintln!("{e}");
    }
    for f in files {
        for rec in FileReader::open(&f) {
            match rec {
                Ok(art) => explain(&art, &mut out)?,
                Err(e) => {
                    bad += 1;
                    eprintln!("{e}");
                }
            }
        }
    }
    if bad > 0 {
        eprintln!("dyad explain: {bad} inputs or records could not be read (listed above)");
    }
    Ok(())
}

fn write_trace(out: &mut dyn Write, id: &str, t: &SentenceTrace) -> std::io::Result<()> {
    writeln!(out, "{id} #{}: {}", t.index, t.text)?;
    for m in &t.mentions {
        let role = if m.absorbed {
            " [absorbed]"
        } else if m.place {
            " [place]"
        } else {
            ""
        };
        writeln!(out, "  actor  `{}` = {} ({}){}  <- {}", m.text, m.codes.join("/"), m.kind, role, m.rules.join("; "))?;
    }
    for v in &t.verbs {
        writeln!(out, "  verb   `{}` = {}  <- `{}` {}", v.text, v.code, v.pattern, v.lexicon)?;
    }
    for e in &t.events {
        writeln!(out, "  event  {e}")?;
    }
    if t.events.is_empty() {
        writeln!(out, "  (no event)")?;
    }
    Ok(())
}
