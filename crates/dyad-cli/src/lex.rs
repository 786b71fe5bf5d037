//! Lexicon options shared by the subcommands that code text.

use anyhow::{Context, Result};
use clap::Args;
use dyad::lexicon::LexiconBuilder;
use dyad::Coder;
use std::path::PathBuf;

/// Which lexicon to code with.
#[derive(Args, Debug, Clone, Default)]
pub struct LexArgs {
    /// Load TABARI/PETRARCH/Phoenix dictionaries (a file or a folder; repeatable).
    /// Their entries take precedence over the built-in lexicon.
    #[arg(long = "dict", value_name = "PATH")]
    pub dicts: Vec<PathBuf>,
    /// Ignore the built-in lexicon (use only loaded dictionaries).
    #[arg(long)]
    pub no_builtin: bool,
    /// List every problem found in the loaded dictionaries (default: a count).
    #[arg(long)]
    pub dict_problems: bool,
}

impl LexArgs {
    /// Builds the coder these options describe, reporting lexicon problems on stderr.
    pub fn coder(&self) -> Result<Coder> {
        if self.no_builtin && self.dicts.is_empty() {
            anyhow::bail!("--no-builtin needs at least one --dict PATH");
        }
        let mut b = if self.no_builtin { LexiconBuilder::new() } else { LexiconBuilder::with_builtin() };
        let builtin_problems = b.problem_count();
        for p in &self.dicts {
            let d = dyad::dict::Dictionaries::load(p).with_context(|| format!("cannot load dictionary {}", p.display()))?;
            b.add_dictionaries(d);
        }
        let lex = b.build();
        let (own, loaded) = lex.problems.split_at(builtin_problems.min(lex.problems.len()));
        for p in own {
            eprintln!("lexicon: {p}");
        }
        if self.dict_problems {
            for p in loaded {
                eprintln!("dictionary: {p}");
            }
        } else if !loaded.is_empty() {
            eprintln!("dictionaries: {} malformed lines skipped (see `dyad dict check PATH`)", loaded.len());
        }
        Ok(Coder::new(lex))
    }
}
