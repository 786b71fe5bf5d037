//! Plain-text rendering of a [`Report`] for the terminal.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::eval::score::{ErrorItem, Prf, Report, NONE};

impl Report {
    /// Renders the report as compact aligned text: the three levels, date
    /// accuracy, per-category and confusion tables, the per-document-category
    /// table when the gold has categories, and with `show_errors` every
    /// missed and extra event beside its sentence.
    pub fn render_text(&self, show_errors: bool) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail; the results are ignored for brevity.
        let _ = writeln!(out, "{} documents, {} gold events, {} predicted events", self.docs, self.gold_events, self.predicted_events);
        for note in &self.notes {
            let _ = writeln!(out, "note: {note}");
        }
        let _ = writeln!(out, "\n{:<28} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}", "level", "tp", "fp", "fn", "P", "R", "F1");
        prf_line(&mut out, "1 countries+category", &self.level1);
        prf_line(&mut out, "2 +sectors", &self.level2);
        match &self.level3 {
            Some(p) => prf_line(&mut out, "3 countries+full CAMEO", p),
            None => {
                let _ = writeln!(out, "{:<28} (no CAMEO codes in gold)", "3 countries+full CAMEO");
            }
        }
        match self.date.accuracy {
            Some(a) => {
                let _ = writeln!(out, "\ndate accuracy: {}/{} = {:.3}", self.date.correct, self.date.dated_pairs, a);
            }
            None => {
                let _ = writeln!(out, "\ndate accuracy: no dated gold events among matches");
            }
        }

        if !self.categories.is_empty() {
            let _ = writeln!(out, "\n{:<12} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}", "category", "tp", "fp", "fn", "P", "R", "F1");
            for row in &self.categories {
                prf_line_w(&mut out, &row.category, &row.prf, 12);
            }
            let _ = writeln!(out, "macro-F1: {:.3}", self.macro_f1);
        }

        if !self.confusion.is_empty() {
            self.render_confusion(&mut out);
        }

        if !self.doc_categories.is_empty() {
            let _ = writeln!(out, "\n{:<14} {:>5} {:>8} {:>10} {:>6} {:>12}", "doc category", "docs", "expected", "reproduced", "extra", "none-clean");
            for r in &self.doc_categories {
                let none = if r.expect_none_docs == 0 { "-".to_string() } else { format!("{}/{}", r.expect_none_clean, r.expect_none_docs) };
                let _ = writeln!(out, "{:<14} {:>5} {:>8} {:>10} {:>6} {:>12}", r.category, r.docs, r.expected, r.reproduced, r.extra, none);
            }
        }

        if show_errors {
            error_list(&mut out, "missed", &self.missed, self.missed_total);
            error_list(&mut out, "extra", &self.extra, self.extra_total);
        }
        out
    }

    fn render_confusion(&self, out: &mut String) {
        // Rows and columns only for categories that occur, with the
        // "nothing" marker last so misses and extras read as a margin.
        fn order(set: BTreeSet<&str>) -> Vec<&str> {
            let mut v: Vec<&str> = set.into_iter().filter(|c| *c != NONE).collect();
            v.push(NONE);
            v
        }
        let rows = order(self.confusion.iter().map(|c| c.gold.as_str()).collect());
        let cols = order(self.confusion.iter().map(|c| c.predicted.as_str()).collect());
        let rows: Vec<&str> = rows.into_iter().filter(|r| self.confusion.iter().any(|c| c.gold == *r)).collect();
        let cols: Vec<&str> = cols.into_iter().filter(|k| self.confusion.iter().any(|c| c.predicted == *k)).collect();
        let w = cols.iter().map(|c| c.len()).max().unwrap_or(1).max(4);
        let _ = writeln!(out, "\nconfusion (rows gold, columns predicted, {NONE} = none)");
        let _ = write!(out, "{:<12}", "");
        for c in &cols {
            let _ = write!(out, " {c:>w$}");
        }
        out.push('\n');
        for r in &rows {
            let _ = write!(out, "{r:<12}");
            for c in &cols {
                let n = self.confusion.iter().find(|x| x.gold == *r && x.predicted == *c).map(|x| x.count).unwrap_or(0);
                if n == 0 {
                    let _ = write!(out, " {:>w$}", ".");
                } else {
                    let _ = write!(out, " {n:>w$}");
                }
            }
            out.push('\n');
        }
    }
}

fn prf_line(out: &mut String, label: &str, p: &Prf) {
    prf_line_w(out, label, p, 28);
}

fn prf_line_w(out: &mut String, label: &str, p: &Prf, w: usize) {
    let _ = writeln!(out, "{label:<w$} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3}", p.tp, p.fp, p.fn_, p.precision, p.recall, p.f1);
}

fn error_list(out: &mut String, what: &str, items: &[ErrorItem], total: usize) {
    let shown = if items.len() < total { format!(" (first {})", items.len()) } else { String::new() };
    let _ = writeln!(out, "\n{what}: {total}{shown}");
    for e in items {
        let code = match (&e.cameo, &e.plover) {
            (Some(c), Some(p)) => format!("{c}/{p}"),
            (Some(c), None) => c.clone(),
            (None, Some(p)) => p.clone(),
            (None, None) => "?".to_string(),
        };
        let target = e.target.as_deref().unwrap_or("-");
        let source = if e.source.is_empty() { "?" } else { e.source.as_str() };
        let _ = writeln!(out, "  [{}] {source} -> {target} {code}", e.doc_id);
        let _ = writeln!(out, "      {}", e.text);
    }
}

#[cfg(test)]
mod tests {
    use crate::eval::score::{CategoryRow, ConfusionCell, DateAccuracy, DocCategoryRow, ErrorItem, Prf, Report, NONE};

    fn sample() -> Report {
        Report {
            docs: 2,
            gold_events: 2,
            predicted_events: 2,
            level1: Prf::new(1, 1, 1),
            level2: Prf::new(0, 2, 2),
            level3: None,
            date: DateAccuracy { dated_pairs: 1, correct: 1, accuracy: Some(1.0) },
            categories: vec![
                CategoryRow { category: "04".to_string(), prf: Prf::new(1, 0, 0) },
                CategoryRow { category: "19".to_string(), prf: Prf::new(0, 1, 1) },
            ],
            macro_f1: 0.5,
            confusion: vec![
                ConfusionCell { gold: "04".to_string(), predicted: "04".to_string(), count: 1 },
                ConfusionCell { gold: "19".to_string(), predicted: NONE.to_string(), count: 1 },
                ConfusionCell { gold: NONE.to_string(), predicted: "19".to_string(), count: 1 },
            ],
            missed: vec![ErrorItem {
                doc_id: "doc-7".to_string(),
                text: "Gondor attacked Mordor.".to_string(),
                source: "GON".to_string(),
                target: Some("MOR".to_string()),
                cameo: Some("190".to_string()),
                plover: None,
            }],
            missed_total: 1,
            extra: vec![],
            extra_total: 1,
            doc_categories: vec![DocCategoryRow {
                category: "DEMO".to_string(),
                docs: 2,
                expected: 2,
                reproduced: 1,
                extra: 1,
                expect_none_docs: 1,
                expect_none_clean: 0,
            }],
            notes: vec![],
        }
    }

    #[test]
    fn text_report_has_every_section() {
        let r = sample();
        let text = r.render_text(false);
        for needle in [
            "2 documents, 2 gold events, 2 predicted events",
            "1 countries+category",
            "(no CAMEO codes in gold)",
            "date accuracy: 1/1 = 1.000",
            "macro-F1: 0.500",
            "confusion",
            "doc category",
            "0/1",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in\n{text}");
        }
        assert!(!text.contains("Gondor attacked Mordor."), "errors only on request");
        let level1 = text.lines().find(|l| l.starts_with("1 countries+category")).expect("level 1 line");
        assert!(level1.ends_with("0.500  0.500  0.500"), "{level1}");

        let with_errors = r.render_text(true);
        assert!(with_errors.contains("missed: 1"));
        assert!(with_errors.contains("[doc-7] GON -> MOR 190"));
        assert!(with_errors.contains("Gondor attacked Mordor."));
        assert!(with_errors.contains("extra: 1 (first 0)"));
    }

    #[test]
    fn confusion_shows_only_used_rows_and_columns() {
        let text = sample().render_text(false);
        let start = text.find("confusion").expect("table");
        let table: Vec<&str> = text[start..].lines().skip(1).take(4).collect();
        // Header: columns 04, 19, none.
        let header: Vec<&str> = table[0].split_whitespace().collect();
        assert_eq!(header, ["04", "19", NONE]);
        let rows: Vec<Vec<&str>> = table[1..].iter().map(|l| l.split_whitespace().collect()).collect();
        assert_eq!(rows[0], ["04", "1", ".", "."]);
        assert_eq!(rows[1], ["19", ".", ".", "1"]);
        assert_eq!(rows[2], [NONE, ".", "1", "."]);
    }
}
