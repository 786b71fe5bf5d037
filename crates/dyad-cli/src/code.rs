//! `dyad code`: read articles, code them in parallel, write events in input order.

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use dyad::article::{self, Article, InputError, RawRecord};
use dyad::output::{Format, Writer};
use dyad::{Coded, Coder};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

/// Output format names on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// JSON Lines event records.
    Jsonl,
    /// Tab-separated values with a header.
    Tsv,
    /// PLOVER JSON records.
    Plover,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Tsv => Format::Tsv,
            FormatArg::Plover => Format::Plover,
        }
    }
}

/// Options of `dyad code`.
#[derive(Args, Debug)]
pub struct CodeArgs {
    /// Inputs: text articles, JSON Lines files, directories (recursive), .gz files, `-` for stdin.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: FormatArg,
    /// Write events here instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// No progress bar and no warnings: only the events (and errors and the
    /// one-line summary on stderr).
    #[arg(short, long)]
    pub quiet: bool,
    /// Also store articles and events in this SQLite database (created if missing).
    #[arg(long)]
    pub store: Option<PathBuf>,
    #[command(flatten)]
    pub lex: crate::lex::LexArgs,
}

/// Counters of a run.
#[derive(Debug, Default, Clone)]
pub struct Totals {
    /// Articles coded.
    pub articles: usize,
    /// Sentences coded.
    pub sentences: usize,
    /// Events written.
    pub events: usize,
    /// Records skipped with an error.
    pub errors: usize,
    /// Warnings (empty files, undated articles).
    pub warnings: usize,
}

/// Articles per parallel batch: big enough to keep cores busy, small enough to stream.
const BATCH: usize = 512;

pub fn run(a: CodeArgs) -> Result<()> {
    // Reading starts before the lexicon is built: the two overlap.
    let batches = spawn_reader(&a.inputs);
    let coder = a.lex.coder()?;
    let out: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?)),
        None => Box::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock())),
    };
    let mut writer = Writer::new(out, a.format.into());
    writer.header()?;
    let show_bar = !a.quiet && std::io::stderr().is_terminal();
    let mut store = match &a.store {
        Some(p) => Some(dyad_store::Store::open(p).with_context(|| format!("cannot open store {}", p.display()))?),
        None => None,
    };
    let totals = code_stream(&coder, &a.inputs, batches, a.threads, show_bar, a.quiet, |article, coded| {
        for e in &coded.events {
            writer.write(e)?;
        }
        if let Some(st) = store.as_mut() {
            st.load_article(article, &coded.events).with_context(|| format!("cannot store article {}", article.id))?;
        }
        Ok(())
    })?;
    writer.finish()?;
    // The lexicon lives until exit; freeing its many small strings one by one
    // only delays the exit.
    std::mem::forget(coder);
    if totals.articles == 0 && totals.errors > 0 {
        anyhow::bail!("no article could be read ({} errors)", totals.errors);
    }
    Ok(())
}

/// Batches of unparsed records from the reader thread.
pub type Batches = (std::sync::mpsc::Receiver<Vec<RawRecord>>, std::thread::JoinHandle<()>);

/// Starts reading the inputs on a thread of its own: it splits the next batch
/// of records while the pool parses and codes the current one (and the first
/// batches while the lexicon is still being built). Parsing is left to the
/// workers so that the reader's share of the work stays small and the run
/// scales with the worker count. The bounded channel keeps memory flat
/// whatever the input size.
pub fn spawn_reader(inputs: &[PathBuf]) -> Batches {
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<RawRecord>>(4);
    let owned_inputs = inputs.to_vec();
    let handle = std::thread::spawn(move || {
        let mut reader = article::read_all_raw(&owned_inputs).peekable();
        while reader.peek().is_some() {
            let batch: Vec<RawRecord> = reader.by_ref().take(BATCH).collect();
            if tx.send(batch).is_err() {
                break;
            }
        }
    });
    (rx, handle)
}

/// Reads the inputs in batches, codes each batch in parallel and hands the
/// results to `sink` in input order. Errors in single records are reported
/// on stderr and counted; they never stop the run.
pub fn code_stream(
    coder: &Coder,
    inputs: &[PathBuf],
    batches: Batches,
    threads: Option<usize>,
    show_bar: bool,
    quiet: bool,
    mut sink: impl FnMut(&Article, &Coded) -> Result<()>,
) -> Result<Totals> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads.unwrap_or(0)).build().context("cannot start worker threads")?;
    let single = pool.current_num_threads() == 1;
    let total_bytes: Option<u64> =
        inputs.iter().map(|p| std::fs::metadata(p).ok().filter(|m| m.is_file() && !p.to_string_lossy().ends_with(".gz")).map(|m| m.len())).sum();
    let bar = if show_bar {
        let b = match total_bytes {
            Some(t) => ProgressBar::new(t)
                .with_style(ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:30} {percent}% eta {eta} | {msg}").expect("valid template")),
            None => ProgressBar::new_spinner().with_style(ProgressStyle::with_template("{spinner} [{elapsed_precise}] {msg}").expect("valid template")),
        };
        Some(b)
    } else {
        None
    };
    let started = Instant::now();
    let mut totals = Totals::default();
    let report = |e: &InputError, totals: &mut Totals| {
        if e.warning {
            totals.warnings += 1;
            eprintln!("warning: {e}");
        } else {
            totals.errors += 1;
            eprintln!("error: {e} (skipped)");
        }
    };
    let (rx, reader_thread) = batches;
    let work = |r: RawRecord| {
        r.parse().map(|a| {
            let c = coder.code(&a);
            (a, c)
        })
    };
    for batch in rx.iter() {
        let results: Vec<Result<(Article, Coded), InputError>> =
            if single { batch.into_iter().map(work).collect() } else { pool.install(|| batch.into_par_iter().map(work).collect()) };
        for r in &results {
            let (a, c) = match r {
                Ok(ac) => ac,
                Err(e) => {
                    let print = |t: &mut Totals| report(e, t);
                    match &bar {
                        Some(b) => b.suspend(|| print(&mut totals)),
                        None => print(&mut totals),
                    }
                    continue;
                }
            };
            totals.articles += 1;
            totals.sentences += c.sentences;
            totals.events += c.events.len();
            for w in &c.warnings {
                totals.warnings += 1;
                if !quiet {
                    match &bar {
                        Some(b) => b.suspend(|| eprintln!("warning: {w}")),
                        None => eprintln!("warning: {w}"),
                    }
                }
            }
            sink(a, c)?;
            if let Some(b) = &bar {
                b.inc(a.text.len() as u64);
            }
        }
        if let Some(b) = &bar {
            let secs = started.elapsed().as_secs_f64().max(1e-9);
            b.set_message(format!(
                "{} articles, {:.0} sentences/s, {} events, {} errors",
                totals.articles,
                totals.sentences as f64 / secs,
                totals.events,
                totals.errors
            ));
        }
    }
    reader_thread.join().map_err(|_| anyhow::anyhow!("the reader thread panicked"))?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    // Always one summary line on stderr: piped output stays pure events on stdout.
    {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "dyad: {} articles, {} sentences, {} events, {} errors, {} warnings in {:.2}s ({:.0} sentences/s)",
            totals.articles,
            totals.sentences,
            totals.events,
            totals.errors,
            totals.warnings,
            secs,
            totals.sentences as f64 / secs.max(1e-9)
        );
    }
    Ok(totals)
}
