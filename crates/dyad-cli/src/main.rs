//! The `dyad` command line: a thin layer over the `dyad` library.

use anyhow::Result;
use clap::{Parser, Subcommand};

mod bench;
mod code;
mod dict;
mod eval;
mod lex;

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
    /// Score the coder against a gold set: precision, recall, F1, confusions, errors.
    Eval(eval::EvalArgs),
    /// Measure throughput and peak memory on a corpus, overall and per stage.
    Bench(bench::BenchArgs),
    /// Community dictionaries: check them, find what they miss.
    #[command(subcommand)]
    Dict(dict::DictCmd),
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Code(a) => code::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Bench(a) => bench::run(a),
        Command::Dict(c) => dict::run(c),
    }
}
