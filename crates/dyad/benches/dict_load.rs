//! How long does loading every Phoenix dictionary take?
//!
//! The coder loads the community dictionaries at start-up, so this must stay
//! well under a second in release mode. The data is read in place from the
//! shared folder next to the workspace; when it is absent the benchmark prints
//! a note and measures nothing.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use dyad::dict::{load_path, Dictionaries};

/// `<workspace root>/../shared/data/phoenix-petrarch2-dictionaries`.
fn phoenix_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/phoenix-petrarch2-dictionaries")
}

fn bench_dict_load(c: &mut Criterion) {
    let dir = phoenix_dir();
    if !dir.is_dir() {
        eprintln!("dict_load: {} not found; benchmark skipped", dir.display());
        return;
    }
    // Read once outside the timing loop so a broken folder fails loudly here.
    let mut first = Dictionaries::default();
    load_path(&dir, &mut first).expect("Phoenix dictionaries load");
    eprintln!(
        "dict_load: {} actors, {} agents, {} verb patterns, {} problems",
        first.actors.len(),
        first.agents.len(),
        first.verbs.len(),
        first.problems.len()
    );
    let mut group = c.benchmark_group("dict_load");
    group.sample_size(10);
    group.bench_function("phoenix_all", |b| {
        b.iter(|| {
            let mut d = Dictionaries::default();
            load_path(&dir, &mut d).expect("Phoenix dictionaries load");
            d
        })
    });
    group.finish();
}

criterion_group!(benches, bench_dict_load);
criterion_main!(benches);
