//! End-to-end tests of the `dyad` binary: inputs, bad inputs, output formats.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad")).args(args).output().expect("dyad runs")
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dyad-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const ARTICLE: &str = " date 2024-03-07 Talks\n\nPARIS, March 6 (Agency) -- French Foreign Minister Odile Vantrepot on Wednesday held talks with German officials. France condemned Iran.\n";

fn lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&o.stdout).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

fn seed() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seed/000_dda12a8a62aa801c.txt");
    p.exists().then_some(p)
}

#[test]
fn output_validates_against_the_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/event.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let d = tmpdir("schema");
    let p = d.join("a.txt");
    std::fs::write(&p, ARTICLE).unwrap();
    let mut inputs = vec![p.to_string_lossy().to_string()];
    if let Some(s) = seed() {
        inputs.push(s.to_string_lossy().to_string());
    }
    let mut args = vec!["code", "--quiet"];
    args.extend(inputs.iter().map(String::as_str));
    let o = dyad(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let recs = lines(&o);
    assert!(!recs.is_empty(), "no events coded");
    for r in &recs {
        let errs: Vec<String> = validator.iter_errors(r).map(|e| format!("{} at {}", e, e.instance_path)).collect();
        assert!(errs.is_empty(), "record fails the schema: {errs:?}\n{r}");
        // Every span points at the text it claims.
        let text = if r["doc_id"] == "a" { ARTICLE.to_string() } else { std::fs::read_to_string(seed().unwrap()).unwrap() };
        for (span, want) in
            [(&r["source"]["span"], &r["source"]["text"]), (&r["evidence"]["span"], &r["evidence"]["verb"]), (&r["sentence"]["span"], &r["sentence"]["text"])]
        {
            let (a, b) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
            assert_eq!(&text[a..b], want.as_str().unwrap());
        }
    }
}

#[test]
fn bad_inputs_are_reported_and_good_ones_still_coded() {
    let d = tmpdir("bad");
    std::fs::write(d.join("good.txt"), ARTICLE).unwrap();
    std::fs::write(d.join("junk.bin"), [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 254]).unwrap();
    std::fs::write(d.join("latin1.txt"), b"Fran\xe7ois met Iran.\n").unwrap();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    // Malformed JSON on line 7 of 10.
    let mut jl = String::new();
    for i in 1..=10 {
        if i == 7 {
            jl.push_str("{\"id\": \"x7\", \"text\": \"unterminated\n");
        } else {
            jl.push_str(&format!("{{\"id\":\"j{i}\",\"date\":\"2024-01-0{}\",\"text\":\"France condemned Iran.\",\"unknown_field\":[1,2]}}\n", (i % 9) + 1));
        }
    }
    std::fs::write(d.join("docs.jsonl"), &jl).unwrap();
    let o = dyad(&["code", "--quiet", d.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("junk.bin") && err.contains("binary"), "{err}");
    assert!(err.contains("latin1.txt") && err.contains("UTF-8"), "{err}");
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    assert!(err.contains("docs.jsonl:7") && err.contains("malformed JSON"), "{err}");
    let recs = lines(&o);
    let docs: std::collections::BTreeSet<String> = recs.iter().map(|r| r["doc_id"].as_str().unwrap().to_string()).collect();
    for i in [1, 2, 3, 4, 5, 6, 8, 9, 10] {
        assert!(docs.contains(&format!("j{i}")), "j{i} not coded: {docs:?}");
    }
    assert!(docs.contains("good"), "{docs:?}");
}

#[test]
fn a_fifty_megabyte_line_neither_panics_nor_stops_the_run() {
    let d = tmpdir("huge");
    let p = d.join("huge.jsonl");
    let mut f = std::fs::File::create(&p).unwrap();
    let big = "France condemned Iran and ".repeat(50 * 1024 * 1024 / 26);
    writeln!(f, "{{\"id\":\"big\",\"date\":\"2024-01-01\",\"text\":\"{big}.\"}}").unwrap();
    writeln!(f, "{{\"id\":\"small\",\"date\":\"2024-01-01\",\"text\":\"France condemned Iran.\"}}").unwrap();
    // And a 50 MB line that is not JSON at all.
    writeln!(f, "{}", "x".repeat(50 * 1024 * 1024)).unwrap();
    drop(f);
    let o = dyad(&["code", "--quiet", p.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("huge.jsonl:3"), "{err}");
    let recs = lines(&o);
    assert!(recs.iter().any(|r| r["doc_id"] == "small"));
    assert!(recs.iter().any(|r| r["doc_id"] == "big"));
}

#[test]
fn gzip_stdin_and_tsv() {
    let d = tmpdir("gz");
    let p = d.join("a.txt.gz");
    let mut gz = flate2::write::GzEncoder::new(std::fs::File::create(&p).unwrap(), flate2::Compression::default());
    gz.write_all(ARTICLE.as_bytes()).unwrap();
    gz.finish().unwrap();
    let o = dyad(&["code", "--quiet", p.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(!lines(&o).is_empty());

    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["code", "--quiet", "--format", "tsv", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(ARTICLE.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    let mut ls = out.lines();
    let header: Vec<&str> = ls.next().unwrap().split('\t').collect();
    assert_eq!(header[0], "doc_id");
    let rows: Vec<Vec<&str>> = ls.map(|l| l.split('\t').collect()).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.len() == header.len()));
}

#[test]
fn plover_format() {
    let d = tmpdir("plover");
    let p = d.join("a.txt");
    std::fs::write(&p, ARTICLE).unwrap();
    let o = dyad(&["code", "--quiet", "--format", "plover", p.to_str().unwrap()]);
    assert!(o.status.success());
    let recs = lines(&o);
    assert!(!recs.is_empty());
    for r in recs {
        assert!(r["actor"].is_array() && r["recipient"].is_array() && r["event"].is_array() && r["event_text"].is_array());
        assert!(r["actor"][0]["code"].is_string());
    }
}

#[test]
fn undated_articles_get_a_warning_and_no_date() {
    let d = tmpdir("undated");
    let p = d.join("u.txt");
    std::fs::write(&p, "France condemned Iran on Tuesday.\n").unwrap();
    let o = dyad(&["code", p.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no date"), "{err}");
    for r in lines(&o) {
        assert!(r["date"].is_null());
        assert_eq!(r["date_precision"], "none");
    }
}

#[test]
fn missing_input_is_a_clear_error() {
    let o = dyad(&["code", "/nonexistent/file.txt"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent/file.txt"));
}

#[test]
fn explain_shows_actors_verbs_and_events_per_sentence() {
    let o = dyad(&["explain", "--date", "2024-03-06", "--text", "France condemned Iran. The weather was fine."]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("actor  `France` = FRA (Country)"), "{out}");
    assert!(out.contains("verb   `condemned` = 111"), "{out}");
    assert!(out.contains("event  FRA -> IRN 111"), "{out}");
    // A sentence with nothing to code says so.
    assert!(out.contains("#1: The weather was fine.\n  (no event)"), "{out}");
    // JSON: one object per sentence, with its document.
    let o = dyad(&["explain", "--json", "--text", "France condemned Iran."]);
    let recs = lines(&o);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["doc_id"], "text");
    assert_eq!(recs[0]["events"][0], "FRA -> IRN 111");
    // Unreadable input is reported with its name, and the run goes on.
    let o = dyad(&["explain", "/nonexistent/file.txt"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent/file.txt"));
}
