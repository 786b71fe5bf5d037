//! HTTP API tests against a store loaded with the dashboard fixture.

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dyad::article::Article;
use dyad::output::{ActorRecord, EventRecord, Evidence, PloverRecord, SentenceRecord};
use dyad_server::{router, AppState, Coder};
use dyad_store::Store;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/browser/fixtures/events.jsonl")
}

/// A test coder: every sentence naming two of a few countries becomes a
/// consultation from the first to the second.
fn fake_coder() -> Coder {
    Arc::new(|a: &Article| {
        let names = [("China", "CHN"), ("Kazakhstan", "KAZ"), ("Russia", "RUS")];
        let mut out = Vec::new();
        let mut start = 0;
        for sentence in a.text.split_inclusive('.') {
            let mut found: Vec<(usize, &str, &str)> = names.iter().filter_map(|(n, c)| sentence.find(n).map(|i| (start + i, *n, *c))).collect();
            found.sort();
            if found.len() >= 2 {
                let actor = |(i, n, c): (usize, &str, &str)| ActorRecord {
                    code: c.into(),
                    country: Some(c.into()),
                    sectors: vec![],
                    text: n.into(),
                    name: None,
                    span: [i, i + n.len()],
                    rule: "fake".into(),
                };
                out.push(EventRecord {
                    doc_id: a.id.clone(),
                    event_id: format!("{}-{}", a.id, out.len()),
                    date: a.date.clone(),
                    date_precision: "day".into(),
                    date_evidence: String::new(),
                    source: actor(found[0]),
                    target: Some(actor(found[1])),
                    cameo: "040".into(),
                    cameo_root: "04".into(),
                    cameo_label: "Consult".into(),
                    goldstein: 1.0,
                    quad_class: 1,
                    plover: PloverRecord { event: "CONSULT".into(), mode: String::new(), context: vec![] },
                    place: None,
                    sentence: SentenceRecord { index: 0, text: sentence.into(), span: [start, start + sentence.len()] },
                    evidence: Evidence { verb: String::new(), span: [start, start], rule: String::new(), lexicon: "fake".into(), notes: vec![] },
                    mentions: 1,
                });
            }
            start += sentence.len();
        }
        out
    })
}

struct App {
    _dir: tempfile::TempDir,
    router: axum::Router,
}

fn app_with_limit(max_body: usize) -> App {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("api.db");
    let mut store = Store::open(&db).unwrap();
    let file = std::fs::File::open(fixture()).expect("fixture events.jsonl");
    let report = store.load_records(std::io::BufReader::new(file)).unwrap();
    assert_eq!(report.bad_lines_total, 0);
    // One article with its text, for the highlighted article view.
    let text = "Russia and China held talks. Nothing else happened.";
    let art = Article { id: "with-text".into(), date: Some("2022-09-01".into()), text: text.into(), ..Article::default() };
    let recs = (fake_coder())(&art);
    store.load_article(&art, &recs).unwrap();
    drop(store);
    let state = AppState::new(&db, fake_coder(), max_body).unwrap();
    App { _dir: dir, router: router(Arc::new(state)) }
}

fn app() -> App {
    app_with_limit(4096)
}

async fn send(app: &App, req: Request<Body>) -> (StatusCode, Value) {
    let res = app.router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let value = serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    (status, value)
}

async fn get(app: &App, uri: &str) -> (StatusCode, Value) {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post(app: &App, uri: &str, body: impl Into<Body>) -> (StatusCode, Value) {
    send(app, Request::post(uri).header("content-type", "application/json").body(body.into()).unwrap()).await
}

fn event_ids(v: &Value) -> Vec<String> {
    v["events"].as_array().unwrap().iter().map(|e| e["event_id"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn events_filter_paginate_and_highlight() {
    let app = app();
    let (s, v) = get(&app, "/api/events?source=CHN&target=KAZ").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(event_ids(&v), ["fx-001-0", "fx-002-0", "fx-004-0"]);
    let (_, v) = get(&app, "/api/events?source=chn&target=kaz&direction=both").await;
    assert_eq!(v["total"], 7);
    // The sentence comes cut at the actor and verb spans.
    let parts = v["events"][0]["sentence_parts"].as_array().unwrap();
    let marked: Vec<(&str, &str)> = parts.iter().filter_map(|p| Some((p["kind"].as_str()?, p["text"].as_str()?))).collect();
    assert_eq!(marked, [("source", "The Chinese president"), ("verb", "spoke by telephone with"), ("target", "the president of Kazakhstan")]);
    let (_, v) = get(&app, "/api/events?country=KAZ&limit=2&offset=2").await;
    assert_eq!((v["total"].as_u64(), v["limit"].as_u64()), (Some(7), Some(2)));
    assert_eq!(event_ids(&v), ["fx-002-0", "fx-003-0"]);
    // Page size is capped whatever is asked.
    let (_, v) = get(&app, "/api/events?limit=100000").await;
    assert_eq!(v["limit"], dyad_server::MAX_PAGE_SIZE);
    let (_, v) = get(&app, "/api/events?cameo=19&quad=4&plover=ASSAULT&sector=MIL").await;
    assert_eq!(event_ids(&v), ["fx-007-0"]);
    let (_, v) = get(&app, "/api/events?text=railway&from=2022-07-01&to=2022-07-31").await;
    assert_eq!(event_ids(&v), ["fx-003-0"]);
    // Empty values mean "any", as a form would send them.
    let (s, v) = get(&app, "/api/events?country=&actor=RUS").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["total"], 3);
}

#[tokio::test]
async fn bad_parameters_get_400_naming_them() {
    let app = app();
    for (uri, param) in [
        ("/api/events?quad=9", "quad"),
        ("/api/events?quad=x", "quad"),
        ("/api/events?from=2022-13-01", "from"),
        ("/api/events?to=tomorrow", "to"),
        ("/api/events?limit=-1", "limit"),
        ("/api/events?offset=many", "offset"),
        ("/api/events?cameo=abc", "cameo"),
        ("/api/events?source=C%20N", "source"),
        ("/api/events?direction=sideways", "direction"),
        ("/api/events?contry=CHN", "contry"),
        ("/api/events?quad=1&quad=2", "quad"),
        ("/api/dyads?a=CHN", "b"),
        ("/api/dyads?b=KAZ", "a"),
        ("/api/dyads?a=CHN&b=KAZ&by=fortnight", "by"),
        ("/api/dyads?a=CHN&b=KAZ&from=2022", "from"),
        ("/api/actors?limit=lots", "limit"),
        ("/api/actors?country=%25", "country"),
    ] {
        let (s, v) = get(&app, uri).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}: {v}");
        assert_eq!(v["parameter"], param, "{uri}: {v}");
        assert!(v["error"].as_str().unwrap().contains(param), "{uri}: {v}");
    }
}

#[tokio::test]
async fn dyads_by_month() {
    let app = app();
    let (s, v) = get(&app, "/api/dyads?a=CHN&b=KAZ&by=month").await;
    assert_eq!(s, StatusCode::OK);
    let rows = v["rows"].as_array().unwrap();
    let summary: Vec<(&str, u64, u64)> =
        rows.iter().map(|r| (r["period"].as_str().unwrap(), r["events"].as_u64().unwrap(), r["articles"].as_u64().unwrap())).collect();
    // June: the phone call reported by two wires is one event, plus KAZ->CHN 030.
    assert_eq!(summary, [("2022-06", 2, 2), ("2022-07", 3, 2), ("2022-08", 1, 1)]);
    assert_eq!(rows[2]["quad"], serde_json::json!([0, 0, 0, 0, 1]));
    assert_eq!(rows[0]["plover"]["CONSULT"], 1);
    let (_, v) = get(&app, "/api/dyads?a=CHN&b=KAZ&by=year&direction=forward").await;
    assert_eq!(v["rows"][0]["events"], 2);
}

#[tokio::test]
async fn actors_lists_countries_with_labels() {
    let app = app();
    let (s, v) = get(&app, "/api/actors?limit=3").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["actors"].as_array().unwrap().len(), 3);
    let countries = v["countries"].as_array().unwrap();
    let chn = countries.iter().find(|c| c["country"] == "CHN").unwrap();
    assert_eq!(chn["label"], "China");
    let (_, v) = get(&app, "/api/actors?country=RUS").await;
    let codes: Vec<&str> = v["actors"].as_array().unwrap().iter().map(|a| a["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["RUS", "RUSMIL"]);
}

#[tokio::test]
async fn articles_with_and_without_text() {
    let app = app();
    let (s, v) = get(&app, "/api/articles/with-text").await;
    assert_eq!(s, StatusCode::OK);
    let joined: String = v["parts"].as_array().unwrap().iter().map(|p| p["text"].as_str().unwrap()).collect();
    assert_eq!(joined, "Russia and China held talks. Nothing else happened.");
    assert_eq!(v["highlights"][0]["kind"], "source");
    assert_eq!(v["highlights"][0]["start"], 0);
    assert_eq!(v["events"][0]["source"]["code"], "RUS");
    // Loaded from records only: events, but no text to cut.
    let (s, v) = get(&app, "/api/articles/fx-004").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["events"].as_array().unwrap().len(), 2);
    assert_eq!(v["article"]["text"], Value::Null);
    assert!(v["parts"].as_array().unwrap().is_empty());
    let (s, v) = get(&app, "/api/articles/no-such-thing").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(v["error"].as_str().unwrap().contains("no-such-thing"));
}

#[tokio::test]
async fn code_endpoint_codes_without_storing() {
    let app = app();
    let body = r#"{"text": "China welcomed Kazakhstan's offer. Rain fell.", "date": "2023-01-02"}"#;
    let (s, v) = post(&app, "/api/code", body).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["events"].as_array().unwrap().len(), 1);
    assert_eq!(v["events"][0]["date"], "2023-01-02");
    assert_eq!(v["events"][0]["target"]["code"], "KAZ");
    assert_eq!(v["parts"][0]["text"], "China");
    assert_eq!(v["parts"][0]["kind"], "source");
    // Nothing was stored.
    let (_, v) = get(&app, "/api/events?from=2023-01-01").await;
    assert_eq!(v["total"], 0);

    let (s, v) = post(&app, "/api/code", r#"{"text": "   "}"#).await;
    assert_eq!((s, v["parameter"].as_str()), (StatusCode::BAD_REQUEST, Some("text")));
    let (s, v) = post(&app, "/api/code", "not json").await;
    assert_eq!((s, v["parameter"].as_str()), (StatusCode::BAD_REQUEST, Some("body")));
    let (s, v) = post(&app, "/api/code", r#"{"text": "x", "date": "2023-02-30"}"#).await;
    assert_eq!((s, v["parameter"].as_str()), (StatusCode::BAD_REQUEST, Some("date")));
    let (s, v) = post(&app, "/api/code", r#"{"text": "x", "colour": "red"}"#).await;
    assert_eq!((s, v["parameter"].as_str()), (StatusCode::BAD_REQUEST, Some("body")));
}

#[tokio::test]
async fn oversized_bodies_get_413() {
    let app = app_with_limit(1000);
    let big = format!("{{\"text\": \"{}\"}}", "China and Kazakhstan. ".repeat(100));
    let (s, v) = post(&app, "/api/code", big).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(v["error"].as_str().unwrap().contains("1000 bytes"), "{v}");
    let small = r#"{"text": "China and Kazakhstan."}"#;
    assert_eq!(post(&app, "/api/code", small).await.0, StatusCode::OK);
}

#[tokio::test]
async fn read_only_api_and_unknown_paths() {
    let app = app();
    let (s, _) = post(&app, "/api/events", "{}").await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    let (s, v) = get(&app, "/api/nothing/here").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(v["error"].as_str().unwrap().contains("/api/nothing/here"));
    let (s, _) = get(&app, "/api/code").await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn openapi_and_dashboard_are_served() {
    let app = app();
    let (s, v) = get(&app, "/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert!(v["openapi"].as_str().unwrap().starts_with("3."));
    let paths = v["paths"].as_object().unwrap();
    for p in ["/api/events", "/api/dyads", "/api/actors", "/api/articles/{id}", "/api/code"] {
        assert!(paths.contains_key(p), "{p} missing from openapi.json");
    }
    // Every documented parameter of /api/events is accepted by the server.
    for param in v["paths"]["/api/events"]["get"]["parameters"].as_array().unwrap() {
        let name = param["name"].as_str().unwrap();
        let (s, body) = get(&app, &format!("/api/events?{name}=")).await;
        assert_eq!(s, StatusCode::OK, "{name}: {body}");
    }
    let (s, html) = get(&app, "/").await;
    assert_eq!(s, StatusCode::OK);
    let html = html.as_str().unwrap();
    assert!(html.contains("id=\"country-a\"") && html.contains("/app.js"));
    let (s, js) = get(&app, "/app.js").await;
    assert_eq!(s, StatusCode::OK);
    assert!(js.as_str().unwrap().contains("/api/dyads"));
    assert_eq!(get(&app, "/style.css").await.0, StatusCode::OK);
}

#[test]
fn missing_store_fails_at_startup() {
    let err = AppState::new("/nonexistent/dir/x.db", fake_coder(), 10).err().unwrap();
    assert!(err.to_string().contains("/nonexistent/dir/x.db"), "{err}");
}
