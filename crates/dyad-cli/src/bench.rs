//! `dyad bench`: throughput and peak memory on a corpus, overall and per stage.

use crate::lex::LexArgs;
use anyhow::{bail, Result};
use clap::Args;
use dyad::actors::{self, DocContext, Sentence};
use dyad::article::{self, Article};
use dyad::output::{Format, Writer};
use dyad::{events, text, time};
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

/// Options of `dyad bench`.
#[derive(Args, Debug)]
pub struct BenchArgs {
    /// Corpus: any input `dyad code` reads (e.g. ../shared/data/reuters21578/lead3.jsonl).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Thread counts to measure the full pipeline with.
    #[arg(long, value_delimiter = ',', default_value = "1,2")]
    pub threads: Vec<usize>,
    /// Repetitions of each measurement (the best is reported).
    #[arg(long, default_value_t = 3)]
    pub repeat: usize,
    /// Print the results as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub lex: LexArgs,
}

/// Peak resident memory of this process in bytes (Linux `VmHWM`), if known.
pub fn peak_rss() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn best<T>(repeat: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut last = None;
    for _ in 0..repeat.max(1) {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64());
        last = Some(r);
    }
    (best, last.expect("at least one run"))
}

/// Runs `f` over every body sentence of every article (with the article's
/// running context) and sums what it returns: one stage of the pipeline.
fn sentence_pass(docs: &[Article], mut f: impl FnMut(&Sentence, &mut DocContext) -> usize) -> usize {
    let mut n = 0usize;
    for d in docs {
        let l = d.layout();
        let lower = d.text.to_ascii_lowercase();
        let mut ctx = DocContext::new(time::reference_date(d.publication_date(&l), None));
        for &(s, e) in &l.body {
            for sp in text::sentences(&d.text, s, e) {
                let s = Sentence::new(&d.text, &lower, sp);
                n += f(&s, &mut ctx);
            }
        }
    }
    n
}

pub fn run(a: BenchArgs) -> Result<()> {
    let t_load = Instant::now();
    let coder = a.lex.coder()?;
    let lexicon_secs = t_load.elapsed().as_secs_f64();
    let (read_secs, docs) = best(1, || article::read_all(&a.inputs).filter_map(Result::ok).collect::<Vec<Article>>());
    if docs.is_empty() {
        bail!("no article could be read from the inputs");
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let lex = coder.lexicon();
    // Stage 1: layout, sentences, tokens.
    let (split_secs, n_sent) = best(a.repeat, || {
        sentence_pass(&docs, |s, _| {
            std::hint::black_box(&s.words);
            1
        })
    });
    // Stage 2: + actor mentions. Stage 3: + verbs and events (sentence level).
    let (actor_secs, _) = best(a.repeat, || sentence_pass(&docs, |s, ctx| actors::find_mentions(s, lex, ctx).len()));
    let (event_secs, _) = best(a.repeat, || {
        sentence_pass(&docs, |s, ctx| {
            let ms = actors::find_mentions(s, lex, ctx);
            events::code_sentence(s, lex, &ms, &ctx.dyad).len()
        })
    });
    // Full coder, one thread, and the output stage.
    let (full1_secs, coded) = best(a.repeat, || docs.iter().map(|d| coder.code(d)).collect::<Vec<_>>());
    let n_events: usize = coded.iter().map(|c| c.events.len()).sum();
    let (out_secs, _) = best(a.repeat, || {
        let mut w = Writer::new(std::io::sink(), Format::Jsonl);
        for c in &coded {
            for e in &c.events {
                w.write(e).expect("sink never fails");
            }
        }
    });
    let mut parallel = Vec::new();
    for &t in &a.threads {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(t).build()?;
        let (secs, _) = best(a.repeat, || pool.install(|| docs.par_iter().map(|d| coder.code(d).events.len()).sum::<usize>()));
        parallel.push((t, secs));
    }
    // The machine's own ceiling: t independent copies of the one-thread job run at
    // once share nothing in dyad, so t x (one copy's time) / (their wall time) is
    // the best any t-thread coder could scale here (virtual cores often share a
    // physical core's caches and execution units).
    let mut ceilings = Vec::new();
    for &t in a.threads.iter().filter(|&&t| t > 1) {
        let (secs, _) = best(a.repeat, || {
            std::thread::scope(|sc| {
                let hs: Vec<_> = (0..t).map(|_| sc.spawn(|| docs.iter().map(|d| coder.code(d).events.len()).sum::<usize>())).collect();
                hs.into_iter().map(|h| h.join().expect("bench copy ran")).sum::<usize>()
            })
        });
        ceilings.push((t, t as f64 * full1_secs / secs));
    }
    let per = |secs: f64| n_sent as f64 / secs.max(1e-12);
    let peak = peak_rss();
    if a.json {
        let v = serde_json::json!({
            "articles": docs.len(), "sentences": n_sent, "bytes": bytes, "events": n_events,
            "lexicon_load_s": lexicon_secs, "read_s": read_secs,
            "stages_s": { "split": split_secs, "actors": (actor_secs - split_secs).max(0.0), "events": (event_secs - actor_secs).max(0.0), "records_and_dedup": (full1_secs - event_secs).max(0.0), "output": out_secs },
            "one_thread": { "seconds": full1_secs, "sentences_per_s": per(full1_secs), "articles_per_s": docs.len() as f64 / full1_secs, "mb_per_s": bytes as f64 / 1e6 / full1_secs, "events_per_s": n_events as f64 / full1_secs },
            "threads": parallel.iter().map(|(t, s)| serde_json::json!({"threads": t, "seconds": s, "sentences_per_s": per(*s)})).collect::<Vec<_>>(),
            "machine_ceiling": ceilings.iter().map(|(t, x)| serde_json::json!({"threads": t, "speedup": x})).collect::<Vec<_>>(),
            "peak_rss_bytes": peak,
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    println!("corpus: {} articles, {} sentences, {:.1} MB, {} events", docs.len(), n_sent, bytes as f64 / 1e6, n_events);
    println!("lexicon load: {:.1} ms; reading: {:.3} s ({:.1} MB/s)", lexicon_secs * 1e3, read_secs, bytes as f64 / 1e6 / read_secs);
    println!("stages (one thread, best of {}):", a.repeat);
    println!("  split (layout, sentences, tokens) {:>8.3} s", split_secs);
    println!("  actor matching                    {:>8.3} s", (actor_secs - split_secs).max(0.0));
    println!("  verbs and events                  {:>8.3} s", (event_secs - actor_secs).max(0.0));
    println!("  dates, places, records, dedup     {:>8.3} s", (full1_secs - event_secs).max(0.0));
    println!("  output (JSON Lines)               {:>8.3} s", out_secs);
    println!(
        "full coder, 1 thread: {:.3} s = {:.0} sentences/s, {:.0} articles/s, {:.1} MB/s, {:.0} events/s",
        full1_secs,
        per(full1_secs),
        docs.len() as f64 / full1_secs,
        bytes as f64 / 1e6 / full1_secs,
        n_events as f64 / full1_secs
    );
    let base = parallel.iter().find(|(t, _)| *t == 1).map(|(_, s)| *s);
    for (t, s) in &parallel {
        let speedup = base.map(|b| format!(" (x{:.2} vs 1 thread)", b / s)).unwrap_or_default();
        println!("  {t} threads: {:.3} s = {:.0} sentences/s{speedup}", s, per(*s));
    }
    for (t, x) in &ceilings {
        println!("  machine ceiling for {t} threads: x{x:.2} ({t} independent copies of the 1-thread job at once)");
    }
    if let Some(p) = peak {
        println!("peak memory (whole bench, corpus held in memory): {:.1} MB", p as f64 / 1e6);
    }
    Ok(())
}
