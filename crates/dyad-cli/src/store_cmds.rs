//! The store subcommands: `dyad load`, `dyad query`, `dyad dyads`, `dyad serve`.
//!
//! Each has a clap `Args` struct and a `run_*` function; `main.rs` wires them
//! into the command enum.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use dyad_server::{Coder, ServerConfig};
use dyad_store::export::{dyads_table, records_table, write_jsonl, Delimiter, Table};
use dyad_store::{Direction, DyadQuery, EventQuery, Period, Store};

/// Direction of actor filters on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DirectionArg {
    /// Source and target are sides (events from source to target).
    Forward,
    /// The pair is undirected.
    Both,
}

impl From<DirectionArg> for Direction {
    fn from(d: DirectionArg) -> Self {
        match d {
            DirectionArg::Forward => Direction::Forward,
            DirectionArg::Both => Direction::Both,
        }
    }
}

/// `dyad load FILE.jsonl --store DB`: load event records written by `dyad code`.
#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Event records as JSON Lines (`-` for standard input).
    pub file: PathBuf,
    /// The store database (created if missing).
    #[arg(long)]
    pub store: PathBuf,
}

/// Loads records into the store, printing what happened and every skipped line.
pub fn run_load(args: &LoadArgs) -> Result<()> {
    let mut store = Store::open(&args.store).with_context(|| format!("opening store {}", args.store.display()))?;
    let name = args.file.display().to_string();
    let report = if args.file.as_os_str() == "-" {
        store.load_records(std::io::stdin().lock())
    } else {
        let f = File::open(&args.file).with_context(|| format!("opening {name}"))?;
        store.load_records(BufReader::new(f))
    }
    .with_context(|| format!("loading {name} into {}", args.store.display()))?;
    for bad in &report.bad_lines {
        eprintln!("{name}:{}: skipped: {}", bad.line, bad.message);
    }
    if report.bad_lines_total > report.bad_lines.len() {
        eprintln!("{name}: ... and {} more skipped lines", report.bad_lines_total - report.bad_lines.len());
    }
    eprintln!(
        "{name}: {} records read; articles: {} new, {} replaced, {} unchanged; {} lines skipped",
        report.records, report.articles_inserted, report.articles_replaced, report.articles_unchanged, report.bad_lines_total
    );
    Ok(())
}

/// Output format of `dyad query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RecordFormat {
    /// JSON Lines, as `dyad code` writes.
    Jsonl,
    /// Comma-separated, one flattened record per line.
    Csv,
    /// Tab-separated.
    Tsv,
}

/// `dyad query --store DB [filters]`: event records matching filters.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The store database.
    #[arg(long)]
    pub store: PathBuf,
    /// Source actor: code prefix (CHN matches CHNGOV) or country.
    #[arg(long)]
    pub source: Option<String>,
    /// Target actor: code prefix or country.
    #[arg(long)]
    pub target: Option<String>,
    /// Actor code prefix or country on either side.
    #[arg(long)]
    pub actor: Option<String>,
    /// Country (ISO3) on either side.
    #[arg(long)]
    pub country: Option<String>,
    /// Sector code (GOV, MIL, ...) on either side.
    #[arg(long)]
    pub sector: Option<String>,
    /// `both` also returns events from --target to --source.
    #[arg(long, value_enum, default_value = "forward")]
    pub direction: DirectionArg,
    /// CAMEO code or root: 04 or 041.
    #[arg(long)]
    pub cameo: Option<String>,
    /// PLOVER event type, e.g. CONSULT.
    #[arg(long)]
    pub plover: Option<String>,
    /// Quad class 0-4.
    #[arg(long)]
    pub quad: Option<u8>,
    /// First date, YYYY-MM-DD, inclusive.
    #[arg(long)]
    pub from: Option<String>,
    /// Last date, YYYY-MM-DD, inclusive.
    #[arg(long)]
    pub to: Option<String>,
    /// Word or phrase in the sentence (case-insensitive).
    #[arg(long)]
    pub text: Option<String>,
    /// Output format on standard output or in --out.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: RecordFormat,
    /// Write to this file instead of standard output; a `.parquet` name writes Parquet.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// At most this many records.
    #[arg(long)]
    pub limit: Option<u64>,
    /// Skip this many records first.
    #[arg(long, default_value_t = 0)]
    pub offset: u64,
}

fn is_parquet(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

/// Opens `--out` or standard output.
fn output(out: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match out {
        Some(p) => Box::new(BufWriter::new(File::create(p).with_context(|| format!("creating {}", p.display()))?)),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    })
}

#[cfg(feature = "parquet")]
fn write_parquet(table: &Table, path: &Path) -> Result<()> {
    let f = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    table.write_parquet(BufWriter::new(f)).with_context(|| format!("writing {}", path.display()))
}

#[cfg(not(feature = "parquet"))]
fn write_parquet(_table: &Table, path: &Path) -> Result<()> {
    bail!("cannot write {}: this dyad was built without the `parquet` feature", path.display())
}

/// Runs a query and writes the records.
pub fn run_query(args: &QueryArgs) -> Result<()> {
    let store = open_existing(&args.store)?;
    let q = EventQuery {
        source: args.source.clone(),
        target: args.target.clone(),
        actor: args.actor.clone(),
        country: args.country.clone(),
        sector: args.sector.clone(),
        direction: args.direction.into(),
        cameo: args.cameo.clone(),
        plover: args.plover.clone(),
        quad: args.quad,
        from: args.from.clone(),
        to: args.to.clone(),
        text: args.text.clone(),
        doc_id: None,
        limit: args.limit,
        offset: args.offset,
    };
    let records = store.query(&q).context("querying the store")?;
    match args.out.as_deref() {
        Some(p) if is_parquet(p) => write_parquet(&records_table(&records), p)?,
        out => {
            let mut w = output(out)?;
            match args.format {
                RecordFormat::Jsonl => write_jsonl(&mut w, &records)?,
                RecordFormat::Csv => records_table(&records).write_delimited(&mut w, Delimiter::Csv)?,
                RecordFormat::Tsv => records_table(&records).write_delimited(&mut w, Delimiter::Tsv)?,
            }
        }
    }
    if let Some(p) = &args.out {
        eprintln!("{} records written to {}", records.len(), p.display());
    }
    Ok(())
}

/// Output format of `dyad dyads`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DyadFormat {
    /// Aligned columns for reading.
    Table,
    /// Comma-separated.
    Csv,
    /// Tab-separated.
    Tsv,
}

/// Aggregation period on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    /// Per day.
    Day,
    /// Per ISO week.
    Week,
    /// Per month.
    Month,
    /// Per year.
    Year,
}

impl From<PeriodArg> for Period {
    fn from(p: PeriodArg) -> Self {
        match p {
            PeriodArg::Day => Period::Day,
            PeriodArg::Week => Period::Week,
            PeriodArg::Month => Period::Month,
            PeriodArg::Year => Period::Year,
        }
    }
}

/// `dyad dyads --store DB --a CHN --b KAZ --by month`: aggregates for a pair.
#[derive(Debug, Args)]
pub struct DyadsArgs {
    /// The store database.
    #[arg(long)]
    pub store: PathBuf,
    /// First country or actor code.
    #[arg(long)]
    pub a: String,
    /// Second country or actor code.
    #[arg(long)]
    pub b: String,
    /// Period of the buckets.
    #[arg(long, value_enum, default_value = "month")]
    pub by: PeriodArg,
    /// `forward` counts only events from A to B.
    #[arg(long, value_enum, default_value = "both")]
    pub direction: DirectionArg,
    /// First date, YYYY-MM-DD, inclusive.
    #[arg(long)]
    pub from: Option<String>,
    /// Last date, YYYY-MM-DD, inclusive.
    #[arg(long)]
    pub to: Option<String>,
    /// Output format on standard output or in --out.
    #[arg(long, value_enum, default_value = "table")]
    pub format: DyadFormat,
    /// Write to this file; a `.parquet` name writes Parquet.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Computes and writes dyad aggregates.
pub fn run_dyads(args: &DyadsArgs) -> Result<()> {
    let store = open_existing(&args.store)?;
    let q =
        DyadQuery { a: args.a.clone(), b: args.b.clone(), by: args.by.into(), direction: args.direction.into(), from: args.from.clone(), to: args.to.clone() };
    let rows = store.dyads(&q).context("computing dyads")?;
    let table = dyads_table(&rows);
    match args.out.as_deref() {
        Some(p) if is_parquet(p) => write_parquet(&table, p)?,
        out => {
            let mut w = output(out)?;
            match args.format {
                DyadFormat::Table => table.write_text(&mut w)?,
                DyadFormat::Csv => table.write_delimited(&mut w, Delimiter::Csv)?,
                DyadFormat::Tsv => table.write_delimited(&mut w, Delimiter::Tsv)?,
            }
        }
    }
    Ok(())
}

/// `dyad serve --store DB`: the HTTP API and dashboard.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The store database.
    #[arg(long)]
    pub store: PathBuf,
    /// Address to listen on; port 0 picks a free port (printed on start).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// Largest accepted request body in bytes (POST /api/code); larger gets 413.
    #[arg(long, default_value_t = dyad_server::DEFAULT_MAX_BODY)]
    pub max_body: usize,
}

/// Serves until interrupted, coding pasted articles with `coder`.
pub fn run_serve(args: &ServeArgs, coder: Coder) -> Result<()> {
    // Refuse a missing store here: the server only opens stores read-only.
    open_existing(&args.store)?;
    let config = ServerConfig { store_path: args.store.clone(), bind: args.bind, max_body: args.max_body, coder };
    dyad_server::serve_blocking(config, |addr| {
        // Printed on stdout so scripts (and tests) can find a port-0 address.
        println!("dyad serving http://{addr}/");
        let _ = std::io::stdout().flush();
    })
    .with_context(|| format!("serving {}", args.store.display()))
}

fn open_existing(path: &Path) -> Result<Store> {
    if !path.exists() {
        bail!("store {} does not exist; create it with `dyad load FILE.jsonl --store {}`", path.display(), path.display());
    }
    Store::open(path).with_context(|| format!("opening store {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/browser/fixtures/events.jsonl")
    }

    fn loaded() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cli.db");
        run_load(&LoadArgs { file: fixture(), store: db.clone() }).unwrap();
        (dir, db)
    }

    fn query_args(store: PathBuf) -> QueryArgs {
        QueryArgs {
            store,
            source: None,
            target: None,
            actor: None,
            country: None,
            sector: None,
            direction: DirectionArg::Forward,
            cameo: None,
            plover: None,
            quad: None,
            from: None,
            to: None,
            text: None,
            format: RecordFormat::Jsonl,
            out: None,
            limit: None,
            offset: 0,
        }
    }

    #[test]
    fn query_writes_each_format() {
        let (dir, db) = loaded();
        for (format, name, check) in [
            (RecordFormat::Jsonl, "q.jsonl", "\"doc_id\":\"fx-001\""),
            (RecordFormat::Csv, "q.csv", "event_id,doc_id,"),
            (RecordFormat::Tsv, "q.tsv", "event_id\tdoc_id\t"),
        ] {
            let out = dir.path().join(name);
            let mut a = query_args(db.clone());
            a.country = Some("KAZ".into());
            a.format = format;
            a.out = Some(out.clone());
            run_query(&a).unwrap();
            let s = std::fs::read_to_string(&out).unwrap();
            assert!(s.contains(check), "{name}: {s}");
        }
        let mut a = query_args(db.clone());
        a.out = Some(dir.path().join("q.parquet"));
        run_query(&a).unwrap();
        let bytes = std::fs::read(dir.path().join("q.parquet")).unwrap();
        assert_eq!(&bytes[..4], b"PAR1");
    }

    #[test]
    fn bad_filter_and_missing_store_are_clear_errors() {
        let (dir, db) = loaded();
        let mut a = query_args(db);
        a.from = Some("June".into());
        let err = format!("{:#}", run_query(&a).unwrap_err());
        assert!(err.contains("`from`"), "{err}");
        let missing = dir.path().join("missing.db");
        let err = format!("{:#}", run_query(&query_args(missing.clone())).unwrap_err());
        assert!(err.contains("does not exist"), "{err}");
        assert!(!missing.exists(), "querying must not create a store");
    }

    #[test]
    fn dyads_table_and_csv() {
        let (dir, db) = loaded();
        let out = dir.path().join("d.csv");
        run_dyads(&DyadsArgs {
            store: db,
            a: "CHN".into(),
            b: "KAZ".into(),
            by: PeriodArg::Month,
            direction: DirectionArg::Both,
            from: Some("2022-01-01".into()),
            to: Some("2022-12-31".into()),
            format: DyadFormat::Csv,
            out: Some(out.clone()),
        })
        .unwrap();
        let s = std::fs::read_to_string(out).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines[0].starts_with("period,events,articles,neutral,verbal_coop"));
        assert!(lines[1].starts_with("2022-06,2,2,"), "{s}");
        assert_eq!(lines.len(), 4);
    }
}
