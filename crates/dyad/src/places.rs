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
    // ", relief officials in Nairobi said.": where the source speaks is not where it happened.
    let end = attribution_start(s);
    if let Some(m) = ms.iter().find(|m| m.place && m.start < end) {
        return Some(PlaceRecord {
            name: s.slice(m.start, m.end).to_string(),
            country: m.actors[0].code.country.clone(),
            span: s.byte_span(m.start, m.end),
            from: "sentence".into(),
        });
    }
    (0..end).find_map(|i| {
        lexicon_place_at(s, lex, i).map(|(a, b, c)| PlaceRecord {
            name: s.slice(a, b).to_string(),
            country: Some(c),
            span: s.byte_span(a, b),
            from: "sentence".into(),
        })
    })
}

/// Where a trailing attribution (", officials in Nairobi said.", ", according
/// to X in Y") begins: the last comma-separated clause, when it holds a speech
/// verb or "according". The sentence's end when there is none.
pub fn attribution_start(s: &Sentence) -> usize {
    let n = s.words.len();
    let Some(comma) = (0..n).rev().find(|&t| s.words[t] == ",") else { return n };
    let tail = &s.words[comma + 1..];
    if !tail.iter().any(|w| crate::actors::SPEECH.contains(w) || *w == "according") {
        return n;
    }
    // ", IRNA, monitored by the BBC, said.": a bare speech verb after an apposition;
    // the attribution opens at the comma before the speaker.
    let bare = tail.iter().all(|w| crate::actors::SPEECH.contains(w) || matches!(*w, "." | "today" | "yesterday" | "on" | "late" | "early"));
    if bare {
        let before = |c: usize| (0..c).rev().find(|&t| s.words[t] == ",");
        if let Some(speaker) = before(comma).and_then(before) {
            return speaker;
        }
    }
    comma
}

/// A known place introduced by the preposition at token `i` ("in", "at",
/// "near", then an optional "the"): its token range and country, longest
/// name first. Only capitalized names count, so "in turkey" (the bird) does not.
pub fn lexicon_place_at(s: &Sentence, lex: &Lexicon, i: usize) -> Option<(usize, usize, String)> {
    if !matches!(s.words.get(i), Some(&("in" | "at" | "near"))) {
        return None;
    }
    let mut a = i + 1;
    if s.word(a) == "the" {
        a += 1;
    }
    place_name_at(s, lex, a).map(|(b, c)| (a, b, c))
}

/// A known place name (city, province, region) starting at token `a`,
/// capitalized, longest first: its end and country.
pub fn place_name_at(s: &Sentence, lex: &Lexicon, a: usize) -> Option<(usize, String)> {
    let n = s.words.len();
    if a >= n || !s.toks[a].capitalized {
        return None;
    }
    (1..=3).rev().filter(|len| a + len <= n).find_map(|len| {
        let key = s.words[a..a + len].join(" ");
        // A name two countries share is the one the sentence is about: "Tripoli" beside "Lebanese".
        lex.places.get(&key).map(|c| (a + len, lex.shared_place_country(&key, c, &s.words).unwrap_or_else(|| c.clone())))
    })
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

/// Moves a place to the state that held it on `date` (see
/// [`crate::ontology::predecessor_on`]): the lexicon writes today's states.
pub fn as_of(p: &mut PlaceRecord, date: Option<crate::time::Date>) {
    if let Some((pred, _)) = p.country.as_deref().and_then(|c| crate::ontology::predecessor_on(c, date)) {
        p.country = Some(pred.to_string());
    }
}
