//! Aggregates over a pair of actors ("dyad") per day, week, month or year.

use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

use serde::Serialize;

use crate::query::check_date;
use crate::{Direction, EventQuery, Result, Store, StoreError};

/// Length of the aggregation buckets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// `YYYY-MM-DD`.
    Day,
    /// ISO week, `YYYY-Www`.
    Week,
    /// `YYYY-MM`.
    #[default]
    Month,
    /// `YYYY`.
    Year,
}

impl FromStr for Period {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "year" => Ok(Period::Year),
            _ => Err(StoreError::invalid("by", format!("{s:?} is not one of day, week, month, year"))),
        }
    }
}

/// The bucket a `YYYY-MM-DD` date falls in, or `None` if it is not a valid date.
pub fn period_key(date: &str, by: Period) -> Option<String> {
    let d: jiff::civil::Date = date.parse().ok()?;
    Some(match by {
        Period::Day => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        Period::Week => {
            let w = d.iso_week_date();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Period::Month => format!("{:04}-{:02}", d.year(), d.month()),
        Period::Year => format!("{:04}", d.year()),
    })
}

/// Which dyad to aggregate and how.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DyadQuery {
    /// First actor: a country code or actor code prefix (matched like
    /// [`EventQuery::source`]).
    pub a: String,
    /// Second actor.
    pub b: String,
    /// Bucket length.
    pub by: Period,
    /// `Both` (default for dyads): a→b and b→a; `Forward`: only a→b.
    pub direction: Direction,
    /// First date, inclusive.
    pub from: Option<String>,
    /// Last date, inclusive.
    pub to: Option<String>,
}

impl DyadQuery {
    /// A query for a pair in both directions, by month.
    pub fn new(a: impl Into<String>, b: impl Into<String>) -> Self {
        DyadQuery { a: a.into(), b: b.into(), by: Period::Month, direction: Direction::Both, from: None, to: None }
    }
}

/// Aggregates of one period of a dyad, counted over daily deduplicated events.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DyadRow {
    /// The bucket (`2022-06`, `2022-W24` ...).
    pub period: String,
    /// Deduplicated events.
    pub events: u64,
    /// Distinct articles reporting them.
    pub articles: u64,
    /// Events per quad class; index 0 is neutral, 1 verbal cooperation,
    /// 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad: [u64; 5],
    /// Events per PLOVER type.
    pub plover: BTreeMap<String, u64>,
    /// Sum of the Goldstein scores.
    pub goldstein_sum: f64,
    /// Mean Goldstein score (0 when there are no events).
    pub goldstein_mean: f64,
}

impl Store {
    /// Per-period aggregates for the pair `q.a`, `q.b`, oldest period first.
    /// Periods without events are omitted.
    pub fn dyads(&self, q: &DyadQuery) -> Result<Vec<DyadRow>> {
        if q.a.trim().is_empty() {
            return Err(StoreError::invalid("a", "is empty"));
        }
        if q.b.trim().is_empty() {
            return Err(StoreError::invalid("b", "is empty"));
        }
        let from = q.from.as_deref().map(|d| check_date("from", d)).transpose()?;
        let to = q.to.as_deref().map(|d| check_date("to", d)).transpose()?;
        let events = self
            .daily_events(&EventQuery { source: Some(q.a.clone()), target: Some(q.b.clone()), direction: q.direction, from, to, ..EventQuery::default() })
            .map_err(|e| match e {
                // The pair is called a/b here, not source/target.
                StoreError::InvalidParameter { parameter: "source", message } => StoreError::invalid("a", message),
                StoreError::InvalidParameter { parameter: "target", message } => StoreError::invalid("b", message),
                other => other,
            })?;
        let mut buckets: BTreeMap<String, (DyadRow, BTreeSet<String>)> = BTreeMap::new();
        for e in events {
            let Some(key) = period_key(&e.date, q.by) else {
                continue;
            };
            let (row, docs) = buckets.entry(key.clone()).or_insert_with(|| (DyadRow { period: key, ..DyadRow::default() }, BTreeSet::new()));
            row.events += 1;
            row.quad[(e.quad_class as usize).min(4)] += 1;
            *row.plover.entry(e.plover).or_insert(0) += 1;
            row.goldstein_sum += e.goldstein;
            docs.extend(e.articles);
        }
        Ok(buckets
            .into_values()
            .map(|(mut row, docs)| {
                row.articles = docs.len() as u64;
                // Scores have one decimal; rounding hides float noise in sums.
                let round = |x: f64| (x * 1e6).round() / 1e6;
                row.goldstein_mean = if row.events > 0 { round(row.goldstein_sum / row.events as f64) } else { 0.0 };
                row.goldstein_sum = round(row.goldstein_sum);
                row
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_keys() {
        assert_eq!(period_key("2022-06-15", Period::Day).unwrap(), "2022-06-15");
        assert_eq!(period_key("2022-06-15", Period::Month).unwrap(), "2022-06");
        assert_eq!(period_key("2022-06-15", Period::Year).unwrap(), "2022");
        // 2022-06-15 is a Wednesday in ISO week 24.
        assert_eq!(period_key("2022-06-15", Period::Week).unwrap(), "2022-W24");
        // 1 January 2021 belongs to the last ISO week of 2020.
        assert_eq!(period_key("2021-01-01", Period::Week).unwrap(), "2020-W53");
        assert_eq!(period_key("2022-13-01", Period::Month), None);
        assert_eq!(period_key("June", Period::Month), None);
    }

    #[test]
    fn period_parses_and_names_parameter() {
        assert_eq!("WEEK".parse::<Period>().unwrap(), Period::Week);
        let e = "fortnight".parse::<Period>().unwrap_err();
        assert_eq!(e.parameter(), Some("by"));
    }
}
