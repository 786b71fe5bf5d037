//! Where did it happen?
//!
//! A place named in the sentence ("in Antalya", "at the Kremlin") wins;
//! otherwise the dateline's city. Countries come from the lexicon's place
//! and capital lists.

use crate::actors::{Mention, Sentence};
use crate::lexicon::Lexicon;
use crate::output::PlaceRecord;

/// The place named in a sentence: `in`/`at`/`near` followed by a known place,
/// capital or country.
pub fn in_sentence(s: &Sentence, lex: &Lexicon, ms: &[Mention]) -> Option<PlaceRecord> {
    if let Some(m) = ms.iter().find(|m| m.place) {
        return Some(PlaceRecord {
            name: s.slice(m.start, m.end).to_string(),
            country: m.actors[0].code.country.clone(),
            span: s.byte_span(m.start, m.end),
            from: "sentence".into(),
        });
    }
    let n = s.words.len();
    for i in 0..n {
        if !matches!(s.words[i], "in" | "at" | "near") {
            continue;
        }
        let mut a = i + 1;
        if s.word(a) == "the" {
            a += 1;
        }
        for len in (1..=3).rev() {
            if a + len > n || !s.toks[a].capitalized {
                continue;
            }
            let key = s.words[a..a + len].join(" ");
            if let Some(c) = lex.places.get(&key) {
                return Some(PlaceRecord {
                    name: s.slice(a, a + len).to_string(),
                    country: Some(c.clone()),
                    span: s.byte_span(a, a + len),
                    from: "sentence".into(),
                });
            }
        }
    }
    None
}

/// The dateline's city with its country, when the lexicon knows it.
pub fn from_dateline(text: &str, city: (usize, usize), lex: &Lexicon) -> PlaceRecord {
    let name = &text[city.0..city.1];
    let country = lex.places.get(&crate::text::phrase_key(name)).cloned();
    PlaceRecord { name: title_case(name), country, span: [city.0, city.1], from: "dateline".into() }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
