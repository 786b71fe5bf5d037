//! Lexicon options shared by the subcommands that code text.

use anyhow::Result;
use clap::Args;
use dyad::lexicon::LexiconBuilder;
use dyad::Coder;
use std::path::PathBuf;

/// Which lexicon to code with.
#[derive(Args, Debug, Clone, Default)]
pub struct LexArgs {
    /// Ignore the built-in lexicon (use only loaded dictionaries).
    #[arg(long)]
    pub no_builtin: bool,
}

impl LexArgs {
    /// Builds the coder these options describe, reporting lexicon problems on stderr.
    pub fn coder(&self) -> Result<Coder> {
        let b = if self.no_builtin { LexiconBuilder::new() } else { LexiconBuilder::with_builtin() };
        let lex = b.build();
        for p in &lex.problems {
            eprintln!("lexicon: {p}");
        }
        Ok(Coder::new(lex))
    }
}
