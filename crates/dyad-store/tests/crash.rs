//! Crash safety: a loader process killed in the middle of loading leaves
//! every article either complete or absent, and a sound database.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dyad_store::Store;

const CHILD_ENV: &str = "DYAD_STORE_CRASH_CHILD_DB";
const RECORDS_PER_ARTICLE: usize = 40;

/// How many records article `i` gets: varies so a half-written article
/// could not pass for a complete one.
fn records_for(i: usize) -> usize {
    1 + (i * 7) % RECORDS_PER_ARTICLE
}

fn article(i: usize) -> (dyad::article::Article, Vec<dyad::output::EventRecord>) {
    let sentence = "Chinese officials spoke by telephone with Kazakh officials about trade.";
    let id = format!("crash-{i:06}");
    let (mut art, mut recs) = common::article(
        &id,
        Some("2022-06-14"),
        "Wire A",
        sentence,
        &[(("CHNGOV", "Chinese officials"), Some(("KAZGOV", "Kazakh officials")), "041", "spoke by telephone with")],
    );
    let template = recs.pop().unwrap();
    for seq in 0..records_for(i) {
        let mut r = template.clone();
        r.event_id = format!("{id}-{seq}");
        r.date = Some(format!("2022-06-{:02}", 1 + seq % 28));
        recs.push(r);
    }
    art.text = format!("{sentence} ({i})");
    (art, recs)
}

/// The child side: loads articles until killed. Only runs when spawned by
/// `killed_loader_leaves_whole_articles` (it is `#[ignore]`d otherwise).
#[test]
#[ignore = "helper process for killed_loader_leaves_whole_articles"]
fn crash_child_loader() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut store = Store::open(&path).unwrap();
    for i in 0..1_000_000 {
        let (a, recs) = article(i);
        store.load_article(&a, &recs).unwrap();
    }
}

#[test]
fn killed_loader_leaves_whole_articles() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    // Create the schema first so the parent can poll while the child writes.
    drop(Store::open(&db).unwrap());
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_child_loader", "--ignored", "--test-threads=1"])
        .env(CHILD_ENV, &db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let reader = Store::open(&db).unwrap();
    let start = Instant::now();
    loop {
        let n = reader.stats().unwrap().articles;
        if n >= 150 {
            break;
        }
        assert!(child.try_wait().unwrap().is_none(), "loader child exited early");
        assert!(start.elapsed() < Duration::from_secs(120), "child too slow: {n} articles");
        std::thread::sleep(Duration::from_millis(20));
    }
    // SIGKILL: no destructors, no chance to finish the open transaction.
    child.kill().unwrap();
    child.wait().unwrap();
    drop(reader);

    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let conn = store.connection();
    let mut stmt = conn
        .prepare(
            "SELECT a.id, a.n_records, (SELECT count(*) FROM records r WHERE r.doc_id = a.id)
             FROM articles a ORDER BY a.id",
        )
        .unwrap();
    let rows: Vec<(String, i64, i64)> = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(|r| r.unwrap()).collect();
    assert!(rows.len() >= 150);
    for (i, (id, declared, actual)) in rows.iter().enumerate() {
        // Articles are committed in order, so the survivors are a prefix.
        assert_eq!(id, &format!("crash-{i:06}"));
        assert_eq!(*declared as usize, records_for(i), "{id}");
        assert_eq!(declared, actual, "{id} is partially loaded");
    }
    let orphans: i64 = conn.query_row("SELECT count(*) FROM records WHERE doc_id NOT IN (SELECT id FROM articles)", [], |r| r.get(0)).unwrap();
    assert_eq!(orphans, 0);
    // Actor counts were updated in the same transactions.
    let total: i64 = rows.iter().map(|r| r.2).sum();
    let chn = store.actors(Some("CHN"), 5).unwrap();
    assert_eq!(chn[0].n_records as i64, total);
}
