//! The `/api/` handlers.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use dyad::article::Article;
use dyad::output::EventRecord;
use dyad_store::{Direction, DyadQuery, EventQuery, Period, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::highlight::{highlights, segments, Highlight, Part};
use crate::{AppState, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};

/// An error answered as JSON: `{"error": ..., "parameter": ...}`.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
    parameter: Option<String>,
}

impl ApiError {
    fn bad(parameter: &str, message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: format!("invalid value for `{parameter}`: {}", message.into()),
            parameter: Some(parameter.to_string()),
        }
    }

    fn internal(message: impl Into<String>) -> Self {
        ApiError { status: StatusCode::INTERNAL_SERVER_ERROR, message: message.into(), parameter: None }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e.parameter() {
            Some(p) => ApiError { status: StatusCode::BAD_REQUEST, message: e.to_string(), parameter: Some(p.to_string()) },
            None => ApiError::internal(e.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({ "error": self.message });
        if let Some(p) = self.parameter {
            body["parameter"] = json!(p);
        }
        (self.status, Json(body)).into_response()
    }
}

type ApiResult<T> = Result<T, ApiError>;

/// Runs blocking store or coder work off the async threads; a panic there
/// becomes a 500 instead of a dropped connection.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> ApiResult<T> + Send + 'static) -> ApiResult<T> {
    tokio::task::spawn_blocking(f).await.map_err(|e| ApiError::internal(format!("request handler failed: {e}")))?
}

/// Query parameters as given, refusing names the endpoint does not know so
/// a typo (`contry=CHN`) is an error rather than a silently ignored filter.
struct Params(HashMap<String, String>);

impl Params {
    fn new(pairs: Vec<(String, String)>, allowed: &[&str]) -> ApiResult<Self> {
        let mut map = HashMap::new();
        for (k, v) in pairs {
            if !allowed.contains(&k.as_str()) {
                return Err(ApiError::bad(&k, format!("unknown parameter; expected one of {}", allowed.join(", "))));
            }
            if map.insert(k.clone(), v).is_some() {
                return Err(ApiError::bad(&k, "given more than once"));
            }
        }
        Ok(Params(map))
    }

    /// A non-empty value; an empty one (`?country=`) counts as absent, which
    /// is what an HTML form sends for "any".
    fn get(&self, k: &str) -> Option<String> {
        self.0.get(k).filter(|v| !v.trim().is_empty()).cloned()
    }

    fn parse<T: std::str::FromStr>(&self, k: &str, what: &str) -> ApiResult<Option<T>> {
        self.get(k).map(|v| v.trim().parse::<T>().map_err(|_| ApiError::bad(k, format!("{v:?} is not {what}")))).transpose()
    }
}

const EVENT_PARAMS: &[&str] =
    &["source", "target", "actor", "country", "sector", "direction", "cameo", "plover", "quad", "from", "to", "text", "doc_id", "limit", "offset"];

/// A record with its sentence cut into highlighted parts.
#[derive(Serialize)]
pub(crate) struct EventOut {
    #[serde(flatten)]
    record: EventRecord,
    sentence_parts: Vec<Part>,
}

/// A page of `/api/events`. Serialised directly (not through
/// `serde_json::Value`) so `f32` scores keep their short form (3.4).
#[derive(Serialize)]
pub(crate) struct EventPage {
    total: u64,
    offset: u64,
    limit: u64,
    events: Vec<EventOut>,
}

fn event_out(record: EventRecord) -> EventOut {
    let sentence_parts = segments(&record.sentence.text, record.sentence.span[0], &highlights(&record));
    EventOut { record, sentence_parts }
}

pub(crate) async fn events(State(state): State<Arc<AppState>>, Query(pairs): Query<Vec<(String, String)>>) -> ApiResult<Json<EventPage>> {
    let p = Params::new(pairs, EVENT_PARAMS)?;
    let direction = match p.get("direction") {
        Some(d) => d.parse::<Direction>()?,
        None => Direction::Forward,
    };
    let limit = p.parse::<u64>("limit", "a non-negative integer")?.unwrap_or(DEFAULT_PAGE_SIZE).min(MAX_PAGE_SIZE);
    let offset = p.parse::<u64>("offset", "a non-negative integer")?.unwrap_or(0);
    let q = EventQuery {
        source: p.get("source"),
        target: p.get("target"),
        actor: p.get("actor"),
        country: p.get("country"),
        sector: p.get("sector"),
        direction,
        cameo: p.get("cameo"),
        plover: p.get("plover"),
        quad: p.parse::<u8>("quad", "a quad class 0-4")?,
        from: p.get("from"),
        to: p.get("to"),
        text: p.get("text"),
        doc_id: p.get("doc_id"),
        limit: Some(limit),
        offset,
    };
    blocking(move || {
        let (total, records) = state.with_store(|s| Ok((s.count(&q)?, s.query(&q)?)))?;
        Ok(Json(EventPage { total, offset, limit, events: records.into_iter().map(event_out).collect() }))
    })
    .await
}

pub(crate) async fn dyads(State(state): State<Arc<AppState>>, Query(pairs): Query<Vec<(String, String)>>) -> ApiResult<Json<serde_json::Value>> {
    let p = Params::new(pairs, &["a", "b", "by", "direction", "from", "to"])?;
    let a = p.get("a").ok_or_else(|| ApiError::bad("a", "is required"))?;
    let b = p.get("b").ok_or_else(|| ApiError::bad("b", "is required"))?;
    let q = DyadQuery {
        a,
        b,
        by: match p.get("by") {
            Some(by) => by.parse::<Period>()?,
            None => Period::Month,
        },
        direction: match p.get("direction") {
            Some(d) => d.parse::<Direction>()?,
            None => Direction::Both,
        },
        from: p.get("from"),
        to: p.get("to"),
    };
    blocking(move || {
        let rows = state.with_store(|s| s.dyads(&q))?;
        Ok(Json(json!({
            "a": q.a, "b": q.b, "by": q.by, "direction": q.direction, "rows": rows,
        })))
    })
    .await
}

pub(crate) async fn actors(State(state): State<Arc<AppState>>, Query(pairs): Query<Vec<(String, String)>>) -> ApiResult<Json<serde_json::Value>> {
    let p = Params::new(pairs, &["country", "limit"])?;
    let limit = p.parse::<u64>("limit", "a non-negative integer")?.unwrap_or(DEFAULT_PAGE_SIZE).min(MAX_PAGE_SIZE);
    let country = p.get("country");
    blocking(move || {
        let (countries, actors) = state.with_store(|s| Ok((s.countries()?, s.actors(country.as_deref(), limit)?)))?;
        Ok(Json(json!({ "countries": countries, "actors": actors })))
    })
    .await
}

/// An article with its events and highlights, as `/api/articles/{id}` and
/// `/api/code` return it.
#[derive(Serialize)]
pub(crate) struct ArticleOut {
    article: serde_json::Value,
    events: Vec<EventOut>,
    highlights: Vec<Highlight>,
    /// The article text cut at the highlights; empty without text.
    parts: Vec<Part>,
}

fn article_out(article: serde_json::Value, text: Option<&str>, records: Vec<EventRecord>) -> ArticleOut {
    let spans: Vec<Highlight> = records.iter().flat_map(highlights).collect();
    let parts = text.map(|t| segments(t, 0, &spans)).unwrap_or_default();
    ArticleOut { article, events: records.into_iter().map(event_out).collect(), highlights: spans, parts }
}

pub(crate) async fn article(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> ApiResult<Response> {
    blocking(move || {
        let found = state.with_store(|s| {
            Ok(match s.article(&id)? {
                Some(a) => Some((a, s.article_records(&id)?)),
                None => None,
            })
        })?;
        let Some((article, records)) = found else {
            return Ok(ApiError { status: StatusCode::NOT_FOUND, message: format!("no article with id {id:?} in the store"), parameter: Some("id".into()) }
                .into_response());
        };
        let text = article.text.clone();
        let value = serde_json::to_value(&article).map_err(|e| ApiError::internal(e.to_string()))?;
        Ok(Json(article_out(value, text.as_deref(), records)).into_response())
    })
    .await
}

/// The body of `POST /api/code`: an article, of which only `text` is required.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeRequest {
    text: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

pub(crate) async fn code(State(state): State<Arc<AppState>>, body: Result<Bytes, BytesRejection>) -> ApiResult<Json<ArticleOut>> {
    let body = body.map_err(|rejection| {
        let status = rejection.status();
        ApiError {
            status,
            message: if status == StatusCode::PAYLOAD_TOO_LARGE {
                format!("request body is larger than the limit of {} bytes", state.max_body)
            } else {
                format!("cannot read request body: {}", rejection.body_text())
            },
            parameter: Some("body".into()),
        }
    })?;
    let req: CodeRequest = serde_json::from_slice(&body).map_err(|e| ApiError::bad("body", format!("expected a JSON object with a `text` string: {e}")))?;
    if req.text.trim().is_empty() {
        return Err(ApiError::bad("text", "is empty"));
    }
    if let Some(d) = &req.date {
        // The store's period key validates calendar dates with the same rule as queries.
        if d.len() != 10 || dyad_store::period_key(d, Period::Day).is_none() {
            return Err(ApiError::bad("date", format!("{d:?} is not YYYY-MM-DD")));
        }
    }
    let article =
        Article { id: req.id.unwrap_or_else(|| "pasted".to_string()), date: req.date, title: req.title, text: req.text, source: req.source, url: req.url };
    blocking(move || {
        let records = (state.coder())(&article);
        let value = serde_json::to_value(&article).map_err(|e| ApiError::internal(e.to_string()))?;
        // The text is already in the request; don't echo megabytes back.
        let mut value = value;
        if let Some(obj) = value.as_object_mut() {
            obj.remove("text");
        }
        Ok(Json(article_out(value, Some(&article.text), records)))
    })
    .await
}

pub(crate) async fn not_found(Path(rest): Path<String>) -> ApiError {
    ApiError { status: StatusCode::NOT_FOUND, message: format!("no API endpoint /api/{rest}; see /openapi.json"), parameter: None }
}
