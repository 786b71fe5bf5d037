//! The `dyad` command line: a thin layer over the `dyad` library.

use anyhow::Result;
use clap::{Parser, Subcommand};

mod code;

/// dyad: news text in, explained CAMEO and PLOVER events out.
#[derive(Parser)]
#[command(name = "dyad", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles (text files, JSON Lines, directories, .gz, `-`) into events.
    Code(code::CodeArgs),
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Code(a) => code::run(a),
    }
}
