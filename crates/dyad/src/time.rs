//! When did it happen?
//!
//! Dates are civil dates (no time zone): event data is daily. An event takes
//! its date from a time expression in its sentence ("on Tuesday", "last
//! week", "June 28"), counted from the report's reference date (the
//! dateline's day, else the publication date).

/// A calendar date.
pub type Date = jiff::civil::Date;

use jiff::civil::Weekday;
use jiff::ToSpan;

/// How precise an event date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// A specific day.
    Day,
    /// Some day in a given week (the date is that week's Monday).
    Week,
    /// Some day in a given month (the date is its first day).
    Month,
    /// Some day in a given year (the date is 1 January).
    Year,
    /// No date at all.
    None,
}

impl Precision {
    /// The name written in event records.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::None => "none",
        }
    }
}

/// Parses `YYYY-MM-DD`, `YYYYMMDD` or `YYMMDD` (years 00-49 read as 20xx).
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i16> { s.get(r)?.parse().ok() };
    let (y, m, d) = if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        (num(0..4)?, num(5..7)?, num(8..10)?)
    } else if b.len() == 8 && b.iter().all(u8::is_ascii_digit) {
        (num(0..4)?, num(4..6)?, num(6..8)?)
    } else if b.len() == 6 && b.iter().all(u8::is_ascii_digit) {
        let yy = num(0..2)?;
        (if yy < 50 { 2000 + yy } else { 1900 + yy }, num(2..4)?, num(4..6)?)
    } else {
        return None;
    };
    Date::new(y, m as i8, d as i8).ok()
}

/// The reference date of a report: the dateline's month and day in the
/// publication year (the year before when that would put the dateline more
/// than a month after publication), else the publication date.
pub fn reference_date(publication: Option<Date>, dateline: Option<(i8, i8)>) -> Option<Date> {
    let p = publication?;
    match dateline {
        Some((m, d)) => {
            let cand = Date::new(p.year(), m, d).ok()?;
            if cand > p.checked_add(31.days()).ok()? {
                Date::new(p.year() - 1, m, d).ok().or(Some(p))
            } else {
                Some(cand)
            }
        }
        None => Some(p),
    }
}

/// A time expression found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    /// The resolved date.
    pub date: Date,
    /// Its precision.
    pub precision: Precision,
    /// Token range `[start, end)` in the sentence.
    pub tokens: (usize, usize),
}

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// The weekday a folded word names, if any.
pub(crate) fn weekday(w: &str) -> Option<Weekday> {
    WEEKDAYS.iter().find(|(n, _)| *n == w).map(|&(_, d)| d)
}

/// Every time expression among `words`, left to right.
pub fn find_all(words: &[&str], reference: Date) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    let mut from = 0;
    while from < words.len() {
        match find(&words[from..], reference) {
            Some(mut t) => {
                t.tokens = (t.tokens.0 + from, t.tokens.1 + from);
                from = t.tokens.1.max(from + 1);
                out.push(t);
            }
            None => break,
        }
    }
    out
}

/// Finds the first time expression among `words` (folded tokens) and
/// resolves it against `reference`. Past tense is the default reading of a
/// bare weekday ("on Tuesday" = the latest Tuesday on or before the reference);
/// "next"/"tomorrow" look forward.
pub fn find(words: &[&str], reference: Date) -> Option<TimeExpr> {
    for i in 0..words.len() {
        let w = words[i];
        let prev = if i > 0 { words[i - 1] } else { "" };
        let next = words.get(i + 1).copied().unwrap_or("");
        let r = |date: Date, precision: Precision, a: usize, b: usize| Some(TimeExpr { date, precision, tokens: (a, b) });
        match w {
            "today" | "tonight" => return r(reference, Precision::Day, i, i + 1),
            "yesterday" => return r(reference.checked_sub(1.day()).ok()?, Precision::Day, i, i + 1),
            "tomorrow" => return r(reference.checked_add(1.day()).ok()?, Precision::Day, i, i + 1),
            // "this year" frames a statement rather than dating an act: not an event date.
            "week" | "month" | "year" if matches!(prev, "last" | "next" | "past") => {
                let sign: i64 = match prev {
                    "last" | "past" => -1,
                    _ => 1,
                };
                let (date, prec) = match w {
                    "week" => {
                        let d = reference.checked_add((7 * sign).days()).ok()?;
                        let monday = d.checked_sub((d.weekday().to_monday_zero_offset() as i64).days()).ok()?;
                        (monday, Precision::Week)
                    }
                    "month" => {
                        let d = reference.checked_add(sign.months()).ok()?;
                        (d.first_of_month(), Precision::Month)
                    }
                    _ => (Date::new(reference.year() + sign as i16, 1, 1).ok()?, Precision::Year),
                };
                return r(date, prec, i - 1, i + 1);
            }
            _ => {}
        }
        if let Some(wd) = weekday(w) {
            let fwd = prev == "next";
            let mut d = reference;
            if fwd {
                d = d.checked_add(1.day()).ok()?;
                while d.weekday() != wd {
                    d = d.checked_add(1.day()).ok()?;
                }
            } else {
                while d.weekday() != wd {
                    d = d.checked_sub(1.day()).ok()?;
                }
            }
            let start = if matches!(prev, "on" | "next" | "last") { i - 1 } else { i };
            return r(d, Precision::Day, start, i + 1);
        }
        if let Some(m) = crate::article::month_number(w) {
            // "June 28[, 2022]" or "28 June [2022]"; "May" alone is too ambiguous.
            let day_after = next.parse::<i8>().ok().filter(|d| (1..=31).contains(d));
            let day_before = prev.parse::<i8>().ok().filter(|d| (1..=31).contains(d));
            if let Some(day) = day_after.or(day_before) {
                let (start, mut end) = if day_after.is_some() { (i, i + 2) } else { (i - 1, i + 1) };
                let mut year = reference.year();
                let ypos = if words.get(end) == Some(&",") { end + 1 } else { end };
                if let Some(y) = words.get(ypos).and_then(|y| y.parse::<i16>().ok()).filter(|y| (1800..=2200).contains(y)) {
                    year = y;
                    end = ypos + 1;
                }
                if let Ok(mut d) = Date::new(year, m, day) {
                    // Reports look back: "December 28" in a January report is last December.
                    if end == start + 2 && d > reference.checked_add(30.days()).ok()? {
                        d = Date::new(year - 1, m, day).ok()?;
                    }
                    return r(d, Precision::Day, start, end);
                }
            } else if w != "may" && w != "march" {
                if let Some(y) = next.parse::<i16>().ok().filter(|y| (1800..=2200).contains(y)) {
                    return r(Date::new(y, m, 1).ok()?, Precision::Month, i, i + 2);
                }
                if prev == "in" || prev == "since" || prev == "last" {
                    let mut y = reference.year();
                    if m > reference.month() && prev != "since" {
                        y -= 1;
                    }
                    return r(Date::new(y, m, 1).ok()?, Precision::Month, i, i + 1);
                }
            }
        }
        if prev == "in" {
            if let Some(y) = w.parse::<i16>().ok().filter(|y| (1800..=2200).contains(y) && w.len() == 4) {
                return r(Date::new(y, 1, 1).ok()?, Precision::Year, i - 1, i + 1);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    #[test]
    fn parses_dates() {
        assert_eq!(parse_date("2022-06-28"), Some(Date::constant(2022, 6, 28)));
        assert_eq!(parse_date("20080804"), Some(Date::constant(2008, 8, 4)));
        assert_eq!(parse_date("121108"), Some(Date::constant(2012, 11, 8)));
        assert_eq!(parse_date("880101"), Some(Date::constant(1988, 1, 1)));
        assert_eq!(parse_date("2022-13-01"), None);
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn reference_dates() {
        assert_eq!(reference_date(Some(d("2022-06-29")), Some((6, 28))), Some(d("2022-06-28")));
        assert_eq!(reference_date(Some(d("2023-01-02")), Some((12, 31))), Some(d("2022-12-31")));
        assert_eq!(reference_date(None, Some((6, 28))), None);
    }

    #[test]
    fn resolves_expressions() {
        // 2022-06-28 is a Tuesday.
        let reference = d("2022-06-28");
        let cases: &[(&str, &str, Precision)] = &[
            ("held talks on tuesday", "2022-06-28", Precision::Day),
            ("met on monday", "2022-06-27", Precision::Day),
            ("will meet next monday", "2022-07-04", Precision::Day),
            ("said wednesday", "2022-06-22", Precision::Day),
            ("arrived yesterday", "2022-06-27", Precision::Day),
            ("clashed last week", "2022-06-20", Precision::Week),
            ("will visit next month", "2022-07-01", Precision::Month),
            ("signed on june 2 , 2021", "2021-06-02", Precision::Day),
            ("met on 3 march", "2022-03-03", Precision::Day),
            ("invaded in 1990", "1990-01-01", Precision::Year),
            ("met on december 28", "2021-12-28", Precision::Day),
            ("began in september", "2021-09-01", Precision::Month),
        ];
        for (s, want, p) in cases {
            let words: Vec<&str> = s.split(' ').collect();
            let t = find(&words, reference).unwrap_or_else(|| panic!("no date in {s}"));
            assert_eq!((t.date, t.precision), (d(want), *p), "{s}");
        }
        assert!(find(&["they", "may", "meet"], reference).is_none());
    }
}
