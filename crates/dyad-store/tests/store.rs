//! Integration tests of the store: idempotence, dedup, filters, formats, dyads.

mod common;

use dyad_store::export::{dyads_table, records_table, write_jsonl, Delimiter};
use dyad_store::{Direction, DyadQuery, EventQuery, LoadOutcome, Period, Store, StoreError, SCHEMA_VERSION};

fn loaded() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("t.db")).unwrap();
    for (a, recs) in common::corpus() {
        let out = store.load_article(&a, &recs).unwrap();
        assert_eq!(out, LoadOutcome::Inserted { records: recs.len() });
    }
    (dir, store)
}

fn ids(store: &Store, q: EventQuery) -> Vec<String> {
    store.query(&q).unwrap().into_iter().map(|r| r.event_id).collect()
}

#[test]
fn open_sets_wal_and_schema_version() {
    let (_dir, store) = loaded();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let mode: String = store.connection().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn loading_twice_adds_nothing() {
    let (_dir, mut store) = loaded();
    let before = store.stats().unwrap();
    for (a, recs) in common::corpus() {
        assert_eq!(store.load_article(&a, &recs).unwrap(), LoadOutcome::Unchanged);
    }
    assert_eq!(store.stats().unwrap(), before);
    assert_eq!(before.articles, 7);
    assert_eq!(before.records, 8);
    let actors_before = store.actors(None, 100).unwrap();
    // Re-coding an article with different output replaces its records and
    // keeps the actor counts exact.
    let (a, mut recs) = common::corpus().remove(1);
    recs.pop();
    assert_eq!(store.load_article(&a, &recs).unwrap(), LoadOutcome::Replaced { records: 1, previous: 2 });
    assert_eq!(store.stats().unwrap().records, 7);
    let actors_after = store.actors(None, 100).unwrap();
    let n = |v: &[dyad_store::ActorSummary], c: &str| v.iter().find(|a| a.code == c).map(|a| a.n_records);
    assert_eq!(n(&actors_before, "KAZ"), Some(3));
    assert_eq!(n(&actors_after, "KAZ"), Some(2));
    assert_eq!(n(&actors_before, "CHN"), Some(2));
    assert_eq!(n(&actors_after, "CHN"), Some(1));
}

#[test]
fn records_of_wrong_article_are_refused() {
    let mut store = Store::open_in_memory().unwrap();
    let (a, _) = common::corpus().remove(0);
    let (_, other) = common::corpus().remove(2);
    let err = store.load_article(&a, &other).unwrap_err();
    assert!(matches!(err, StoreError::InvalidRecord { .. }));
    assert!(err.to_string().contains("a3-0"), "{err}");
    assert_eq!(store.stats().unwrap().articles, 0);
}

#[test]
fn same_event_same_day_is_one_daily_event() {
    let (_dir, store) = loaded();
    let daily = store.daily_events(&EventQuery { cameo: Some("041".into()), ..Default::default() }).unwrap();
    assert_eq!(daily.len(), 1);
    assert_eq!(daily[0].articles, vec!["a1", "a2"]);
    assert_eq!(daily[0].sources, vec!["Wire A", "Wire B"]);
    assert_eq!(daily[0].source_code, "CHNGOV");
    assert_eq!(daily[0].target_code.as_deref(), Some("KAZGOV"));
    // Per-article records stay available.
    assert_eq!(ids(&store, EventQuery { cameo: Some("041".into()), ..Default::default() }), ["a1-0", "a2-0"]);
    // The SQL view agrees; undated events are not in it.
    let stats = store.stats().unwrap();
    assert_eq!(stats.daily_events, 6);
}

#[test]
fn every_filter_narrows_correctly() {
    let (_dir, store) = loaded();
    let q = |f: fn(&mut EventQuery)| {
        let mut q = EventQuery::default();
        f(&mut q);
        ids(&store, q)
    };
    assert_eq!(q(|_| {}).len(), 8);
    // Source as a code prefix and as a country.
    assert_eq!(q(|q| q.source = Some("CHN".into())), ["a1-0", "a2-0", "a4-0"]);
    assert_eq!(q(|q| q.source = Some("chngov".into())), ["a1-0", "a2-0"]);
    assert_eq!(q(|q| q.target = Some("CHN".into())), ["a2-1", "a3-0"]);
    // Direction both makes the pair undirected.
    assert_eq!(
        q(|q| {
            q.source = Some("CHN".into());
            q.target = Some("KAZ".into());
        }),
        ["a1-0", "a2-0", "a4-0"]
    );
    assert_eq!(
        q(|q| {
            q.source = Some("CHN".into());
            q.target = Some("KAZ".into());
            q.direction = Direction::Both;
        }),
        ["a1-0", "a2-0", "a2-1", "a3-0", "a4-0"]
    );
    assert_eq!(q(|q| q.actor = Some("RUS".into())), ["a5-0", "a6-0"]);
    assert_eq!(q(|q| q.country = Some("UKR".into())), ["a6-0"]);
    assert_eq!(q(|q| q.sector = Some("MIL".into())), ["a6-0"]);
    assert_eq!(q(|q| q.sector = Some("BUS".into())), ["a4-0"]);
    assert_eq!(q(|q| q.cameo = Some("04".into())), ["a1-0", "a2-0", "a7-0"]);
    assert_eq!(q(|q| q.cameo = Some("042".into())), ["a7-0"]);
    assert_eq!(q(|q| q.plover = Some("consult".into())), ["a1-0", "a2-0", "a7-0"]);
    assert_eq!(q(|q| q.quad = Some(4)), ["a6-0"]);
    assert_eq!(q(|q| q.quad = Some(2)), ["a4-0"]);
    assert_eq!(q(|q| q.from = Some("2022-07-01".into())), ["a3-0", "a6-0", "a4-0"]);
    assert_eq!(
        q(|q| {
            q.from = Some("2022-06-15".into());
            q.to = Some("2022-07-05".into());
        }),
        ["a5-0", "a3-0"]
    );
    assert_eq!(q(|q| q.text = Some("RAILWAY".into())), ["a3-0"]);
    // LIKE wildcards in the text are literal.
    assert!(q(|q| q.text = Some("%".into())).is_empty());
    // Pagination: undated records sort last.
    assert_eq!(
        q(|q| {
            q.limit = Some(2);
            q.offset = 6;
        }),
        ["a4-0", "a7-0"]
    );
    assert_eq!(store.count(&EventQuery { limit: Some(1), country: Some("KAZ".into()), ..Default::default() }).unwrap(), 5);
}

#[test]
fn bad_parameters_are_named() {
    let store = Store::open_in_memory().unwrap();
    let cases: Vec<(EventQuery, &str)> = vec![
        (EventQuery { from: Some("2022-13-01".into()), ..Default::default() }, "from"),
        (EventQuery { to: Some("yesterday".into()), ..Default::default() }, "to"),
        (EventQuery { quad: Some(7), ..Default::default() }, "quad"),
        (EventQuery { cameo: Some("4x".into()), ..Default::default() }, "cameo"),
        (EventQuery { source: Some("CH N".into()), ..Default::default() }, "source"),
        (EventQuery { plover: Some("consult!".into()), ..Default::default() }, "plover"),
        (EventQuery { from: Some("2022-02-01".into()), to: Some("2022-01-01".into()), ..Default::default() }, "to"),
    ];
    for (q, param) in cases {
        let err = store.query(&q).unwrap_err();
        assert_eq!(err.parameter(), Some(param), "{err}");
        assert!(err.to_string().contains(param));
    }
}

#[test]
fn output_formats_round_trip() {
    let (_dir, store) = loaded();
    let recs = store.query(&EventQuery { country: Some("KAZ".into()), ..Default::default() }).unwrap();
    // JSON Lines: each line parses back to the same record.
    let mut out = Vec::new();
    write_jsonl(&mut out, &recs).unwrap();
    let back: Vec<dyad::output::EventRecord> = String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(back, recs);
    // CSV: header plus one line per record; the comma in a2's sentence is quoted.
    let mut out = Vec::new();
    records_table(&recs).write_delimited(&mut out, Delimiter::Csv).unwrap();
    let csv = String::from_utf8(out).unwrap();
    assert!(csv.starts_with("event_id,doc_id,date,"));
    assert_eq!(csv.lines().count(), recs.len() + 1);
    assert!(csv.contains("\"China's government held a phone call with Kazakhstan's government, and"));
    // TSV: same number of fields on every line.
    let mut out = Vec::new();
    records_table(&recs).write_delimited(&mut out, Delimiter::Tsv).unwrap();
    let tsv = String::from_utf8(out).unwrap();
    let widths: Vec<usize> = tsv.lines().map(|l| l.split('\t').count()).collect();
    assert!(widths.iter().all(|w| *w == widths[0]), "{widths:?}");
    assert_eq!(widths[0], records_table(&recs).columns.len());
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_output_reads_back() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let (dir, store) = loaded();
    let recs = store.query(&EventQuery::default()).unwrap();
    let path = dir.path().join("e.parquet");
    records_table(&recs).write_parquet(std::fs::File::create(&path).unwrap()).unwrap();
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 8);
    let schema = reader.metadata().file_metadata().schema_descr();
    let names: Vec<&str> = schema.columns().iter().map(|c| c.name()).collect();
    assert!(names.contains(&"cameo") && names.contains(&"goldstein"));
    let rows: Vec<_> = reader.get_row_iter(None).unwrap().map(|r| r.unwrap()).collect();
    let first = rows[0].to_string();
    assert!(first.contains("a1-0") && first.contains("CHNGOV"), "{first}");
    // The undated record has a null date.
    assert!(rows[7].to_string().contains("date: null"), "{}", rows[7]);

    let dy = store.dyads(&DyadQuery::new("CHN", "KAZ")).unwrap();
    let path = dir.path().join("d.parquet");
    dyads_table(&dy).write_parquet(std::fs::File::create(&path).unwrap()).unwrap();
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 2);
}

#[test]
fn dyads_aggregate_deduplicated_events() {
    let (_dir, store) = loaded();
    let rows = store.dyads(&DyadQuery::new("CHN", "KAZ")).unwrap();
    assert_eq!(rows.len(), 2);
    let june = &rows[0];
    assert_eq!(june.period, "2022-06");
    // a1 and a2 report one phone call: 2 daily events (041 and KAZ->CHN 030), 2 articles.
    assert_eq!(june.events, 2);
    assert_eq!(june.articles, 2);
    assert_eq!(june.quad, [0, 2, 0, 0, 0]);
    assert_eq!(june.plover.get("CONSULT"), Some(&1));
    assert_eq!(june.plover.get("AGREE"), Some(&1));
    assert!((june.goldstein_sum - 5.0).abs() < 1e-6);
    assert!((june.goldstein_mean - 2.5).abs() < 1e-6);
    let july = &rows[1];
    assert_eq!(july.period, "2022-07");
    assert_eq!((july.events, july.articles), (2, 2));
    assert_eq!(july.quad, [0, 1, 1, 0, 0]);

    // Forward only: China acting on Kazakhstan.
    let mut q = DyadQuery::new("CHN", "KAZ");
    q.direction = Direction::Forward;
    q.by = Period::Year;
    let rows = store.dyads(&q).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].period.as_str(), rows[0].events), ("2022", 2));

    // Date range and weekly buckets.
    let mut q = DyadQuery::new("CHN", "KAZ");
    q.by = Period::Week;
    q.from = Some("2022-07-01".into());
    let rows = store.dyads(&q).unwrap();
    let periods: Vec<&str> = rows.iter().map(|r| r.period.as_str()).collect();
    assert_eq!(periods, ["2022-W27", "2022-W29"]);

    let mut q = DyadQuery::new("CHN", "KAZ");
    q.from = Some("July".into());
    assert_eq!(store.dyads(&q).unwrap_err().parameter(), Some("from"));
    assert_eq!(store.dyads(&DyadQuery::new("C N", "KAZ")).unwrap_err().parameter(), Some("a"));
}

#[test]
fn load_records_reports_bad_lines_and_loads_the_rest() {
    let mut jsonl = Vec::new();
    let all: Vec<_> = common::corpus().into_iter().flat_map(|(_, r)| r).collect();
    write_jsonl(&mut jsonl, &all).unwrap();
    let mut text = String::from_utf8(jsonl).unwrap();
    text.insert_str(0, "{\"doc_id\": \"broken\"\n\n");
    text.push_str("not json at all\n");
    let mut store = Store::open_in_memory().unwrap();
    let report = store.load_records(text.as_bytes()).unwrap();
    assert_eq!(report.records, 8);
    assert_eq!(report.articles_inserted, 7);
    assert_eq!(report.bad_lines_total, 2);
    assert_eq!(report.bad_lines[0].line, 1);
    assert_eq!(report.bad_lines[1].line, 11);
    assert!(report.bad_lines[1].message.contains("not an event record"));
    assert_eq!(store.stats().unwrap().records, 8);
    // Articles loaded from records only have no text...
    assert_eq!(store.article("a1").unwrap().unwrap().text, None);
    // ...and loading the same file again changes nothing.
    let again = store.load_records(text.as_bytes()).unwrap();
    assert_eq!(again.articles_unchanged, 7);
    assert_eq!(again.articles_inserted + again.articles_replaced, 0);
}

#[test]
fn records_only_reload_keeps_article_text() {
    let (_dir, mut store) = loaded();
    let (a, recs) = common::corpus().remove(0);
    let mut jsonl = Vec::new();
    write_jsonl(&mut jsonl, &recs).unwrap();
    let report = store.load_records(jsonl.as_slice()).unwrap();
    assert_eq!(report.articles_unchanged, 1);
    let stored = store.article("a1").unwrap().unwrap();
    assert_eq!(stored.text.as_deref(), Some(a.text.as_str()));
    assert_eq!(stored.source.as_deref(), Some("Wire A"));
    assert_eq!(store.article_records("a1").unwrap(), recs);
}

#[test]
fn actors_and_countries_are_ranked_and_labelled() {
    let (_dir, store) = loaded();
    let countries = store.countries().unwrap();
    // CHN and KAZ both appear on 5 record sides; ties sort by code.
    let top: Vec<(&str, u64)> = countries[..2].iter().map(|c| (c.country.as_str(), c.n_records)).collect();
    assert_eq!(top, [("CHN", 5), ("KAZ", 5)]);
    let chn = countries.iter().find(|c| c.country == "CHN").unwrap();
    assert_eq!(chn.label.as_deref(), Some("China"));
    // A country that only appears with sectors has no bare label.
    let ukr = countries.iter().find(|c| c.country == "UKR").unwrap();
    assert_eq!(ukr.label, None);
    let kaz_actors = store.actors(Some("kaz"), 10).unwrap();
    assert!(kaz_actors.iter().all(|a| a.country.as_deref() == Some("KAZ")));
    assert_eq!(kaz_actors[0].code, "KAZ");
    assert_eq!(store.actors(None, 2).unwrap().len(), 2);
}

#[test]
fn read_only_store_reads_and_refuses_writes() {
    let (dir, store) = loaded();
    drop(store);
    let mut ro = Store::open_read_only(dir.path().join("t.db")).unwrap();
    assert_eq!(ro.stats().unwrap().records, 8);
    let (a, recs) = common::corpus().remove(0);
    let mut changed = recs.clone();
    changed[0].cameo = "042".into();
    assert!(ro.load_article(&a, &changed).is_err());
    let missing = Store::open_read_only(dir.path().join("nope.db")).unwrap_err();
    assert!(missing.to_string().contains("nope.db"), "{missing}");
}
