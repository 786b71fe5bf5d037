//! Turning byte spans into highlighted text segments.
//!
//! Spans in event records are byte offsets into the article text. Browsers
//! index strings in UTF-16 units, so instead of shipping offsets the server
//! cuts the text into segments, each either plain or tagged with what it is
//! (source, target, verb, place); the page only has to render them.

use dyad::output::{EventRecord, Span};
use serde::Serialize;

/// A byte span of the article with what it marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Highlight {
    /// Start byte offset into the article text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// `source`, `target`, `verb` or `place`.
    pub kind: &'static str,
    /// The event the span belongs to.
    pub event_id: String,
}

/// One piece of text: plain when `kind` is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The text of the piece.
    pub text: String,
    /// What the piece marks, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
}

/// The spans of a record: actors, verb and place, in article offsets.
pub fn highlights(record: &EventRecord) -> Vec<Highlight> {
    let mut out = Vec::new();
    let mut push = |span: Span, kind| out.push(Highlight { start: span[0], end: span[1], kind, event_id: record.event_id.clone() });
    push(record.source.span, "source");
    if let Some(t) = &record.target {
        push(t.span, "target");
    }
    push(record.evidence.span, "verb");
    if let Some(p) = &record.place {
        push(p.span, "place");
    }
    out
}

/// Cuts `text`, which starts at byte `base` of the article, into segments
/// marked by `spans` (article offsets). Spans outside the text, empty, not
/// on character boundaries or overlapping an earlier span are ignored, so
/// bad offsets in a record can only lose a highlight, never break the page.
pub fn segments(text: &str, base: usize, spans: &[Highlight]) -> Vec<Part> {
    let mut spans: Vec<(usize, usize, &'static str)> = spans
        .iter()
        .filter_map(|h| {
            let s = h.start.checked_sub(base)?;
            let e = h.end.checked_sub(base)?;
            (s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)).then_some((s, e, h.kind))
        })
        .collect();
    spans.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut parts = Vec::new();
    let mut pos = 0;
    for (s, e, kind) in spans {
        if s < pos {
            continue;
        }
        if s > pos {
            parts.push(Part { text: text[pos..s].to_string(), kind: None });
        }
        parts.push(Part { text: text[s..e].to_string(), kind: Some(kind) });
        pos = e;
    }
    if pos < text.len() {
        parts.push(Part { text: text[pos..].to_string(), kind: None });
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(start: usize, end: usize, kind: &'static str) -> Highlight {
        Highlight { start, end, kind, event_id: "e".into() }
    }

    #[test]
    fn cuts_text_around_spans_relative_to_base() {
        // "Ürümqi" has multi-byte letters: offsets are bytes.
        let text = "Ürümqi officials met Astana";
        let base = 100;
        let parts = segments(text, base, &[h(100 + 19, 100 + 22, "verb"), h(100, 100 + 18, "source")]);
        let got: Vec<(&str, Option<&str>)> = parts.iter().map(|p| (p.text.as_str(), p.kind)).collect();
        assert_eq!(got, [("Ürümqi officials", Some("source")), (" ", None), ("met", Some("verb")), (" Astana", None)]);
    }

    #[test]
    fn bad_spans_are_dropped_not_fatal() {
        let text = "Ürümqi met";
        let parts = segments(
            text,
            0,
            &[
                h(1, 3, "source"),  // inside the two-byte 'Ü'
                h(5, 50, "target"), // past the end
                h(0, 0, "verb"),    // empty
                h(9, 12, "verb"),   // "met"
                h(10, 12, "place"), // overlaps the verb
            ],
        );
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
        let marked: Vec<&str> = parts.iter().filter(|p| p.kind.is_some()).map(|p| p.text.as_str()).collect();
        assert_eq!(marked, ["met"]);
        // Spans before the base are ignored too.
        assert_eq!(segments("abc", 10, &[h(2, 11, "verb")]).len(), 1);
    }
}
