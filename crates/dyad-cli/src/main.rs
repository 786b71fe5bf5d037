//! The `dyad` command line: a thin layer over the `dyad` library, the
//! `dyad-store` event store and the `dyad-server` API.

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::sync::Arc;

/// Coding allocates many small, short-lived strings and vectors; mimalloc
/// serves them markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod bench;
mod code;
mod dict;
mod eval;
mod explain;
mod lex;
mod store_cmds;

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
    /// Show what the coder saw in each sentence: actors, verb patterns, events.
    Explain(explain::ExplainArgs),
    /// Measure throughput and peak memory on a corpus, overall and per stage.
    Bench(bench::BenchArgs),
    /// Community dictionaries: check them, find what they miss.
    #[command(subcommand)]
    Dict(dict::DictCmd),
    /// Load event records (JSON Lines from `dyad code`) into a store.
    Load(store_cmds::LoadArgs),
    /// Query stored event records.
    Query(store_cmds::QueryArgs),
    /// Aggregate a pair of countries or actors per period.
    Dyads(store_cmds::DyadsArgs),
    /// Serve the JSON API and the dashboard.
    Serve(ServeCmd),
}

/// `dyad serve`: the store options plus the lexicon that codes pasted articles.
#[derive(clap::Args)]
struct ServeCmd {
    #[command(flatten)]
    serve: store_cmds::ServeArgs,
    #[command(flatten)]
    lex: lex::LexArgs,
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Code(a) => code::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Bench(a) => bench::run(a),
        Command::Dict(c) => dict::run(c),
        Command::Load(a) => store_cmds::run_load(&a),
        Command::Query(a) => store_cmds::run_query(&a),
        Command::Dyads(a) => store_cmds::run_dyads(&a),
        Command::Serve(a) => {
            let coder = Arc::new(a.lex.coder()?);
            store_cmds::run_serve(&a.serve, Arc::new(move |art: &dyad::Article| coder.code(art).events))
        }
    }
}
