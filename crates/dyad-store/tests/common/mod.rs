//! Hand-built articles and records shared by the store tests.
#![allow(dead_code)]

use dyad::article::Article;
use dyad::output::{ActorRecord, EventRecord, Evidence, PloverRecord, SentenceRecord};

/// An actor whose mention is `text` at `start` in the article.
pub fn actor(code: &str, text: &str, start: usize) -> ActorRecord {
    let country = if code.starts_with("---") { None } else { Some(code[..3].to_string()) };
    let sectors = (3..code.len()).step_by(3).map(|i| code[i..(i + 3).min(code.len())].to_string()).collect();
    ActorRecord { code: code.into(), country, sectors, text: text.into(), name: None, span: [start, start + text.len()], rule: "test".into() }
}

/// (goldstein, quad, plover) for the codes the tests use.
fn code_facts(cameo: &str) -> (f32, u8, &'static str, &'static str) {
    match cameo {
        "030" => (4.0, 1, "AGREE", "Express intent to cooperate"),
        "041" => (1.0, 1, "CONSULT", "Discuss by telephone"),
        "042" => (1.9, 1, "CONSULT", "Make a visit"),
        "051" => (3.4, 1, "SUPPORT", "Praise or endorse"),
        "061" => (6.4, 2, "COOPERATE", "Cooperate economically"),
        "112" => (-2.0, 3, "ACCUSE", "Accuse"),
        "190" => (-10.0, 4, "ASSAULT", "Use conventional military force"),
        other => panic!("test fixture has no facts for {other}"),
    }
}

/// A record of `doc`'s sentence `sentence` (which starts at byte
/// `sent_start`), from `src` to `tgt` with code `cameo`. Actor and verb
/// mentions are located in the sentence text.
#[allow(clippy::too_many_arguments)]
pub fn record(
    doc: &str,
    seq: usize,
    date: Option<&str>,
    src: (&str, &str),
    tgt: Option<(&str, &str)>,
    cameo: &str,
    verb: &str,
    sentence: &str,
    sent_start: usize,
) -> EventRecord {
    let (goldstein, quad, plover, label) = code_facts(cameo);
    let at = |t: &str| sent_start + sentence.find(t).unwrap_or_else(|| panic!("{t:?} not in {sentence:?}"));
    EventRecord {
        doc_id: doc.into(),
        event_id: format!("{doc}-{seq}"),
        date: date.map(str::to_string),
        date_precision: if date.is_some() { "day" } else { "none" }.into(),
        date_evidence: "test".into(),
        source: actor(src.0, src.1, at(src.1)),
        target: tgt.map(|(c, t)| actor(c, t, at(t))),
        cameo: cameo.into(),
        cameo_root: cameo[..2].into(),
        cameo_label: label.into(),
        goldstein,
        quad_class: quad,
        plover: PloverRecord { event: plover.into(), mode: String::new(), context: vec![] },
        place: None,
        sentence: SentenceRecord { index: 0, text: sentence.into(), span: [sent_start, sent_start + sentence.len()] },
        evidence: Evidence { verb: verb.into(), span: [at(verb), at(verb) + verb.len()], rule: verb.into(), lexicon: "test".into(), notes: vec![] },
        mentions: 1,
    }
}

/// One event of a test article: (source code, mention), optional
/// (target code, mention), CAMEO code, verb text.
pub type EventSpec<'a> = ((&'a str, &'a str), Option<(&'a str, &'a str)>, &'a str, &'a str);

/// An article whose text is `sentence`, with one record per event spec
/// `(src, tgt, cameo, verb)`.
pub fn article(id: &str, date: Option<&str>, source: &str, sentence: &str, events: &[EventSpec<'_>]) -> (Article, Vec<EventRecord>) {
    let art = Article {
        id: id.into(),
        date: date.map(str::to_string),
        title: Some(format!("Title of {id}")),
        text: sentence.into(),
        source: Some(source.into()),
        url: Some(format!("https://example.org/{id}")),
    };
    let recs = events.iter().enumerate().map(|(i, (s, t, c, v))| record(id, i, date, *s, *t, c, v, sentence, 0)).collect();
    (art, recs)
}

/// The standard test corpus: China-Kazakhstan in June and July 2022
/// (two articles report the same phone call on the same day), plus
/// US-Russia, Russia-Ukraine and an undated Kenyan event.
pub fn corpus() -> Vec<(Article, Vec<EventRecord>)> {
    vec![
        article(
            "a1",
            Some("2022-06-14"),
            "Wire A",
            "Chinese officials spoke by telephone with Kazakh officials about trade.",
            &[(("CHNGOV", "Chinese officials"), Some(("KAZGOV", "Kazakh officials")), "041", "spoke by telephone with")],
        ),
        article(
            "a2",
            Some("2022-06-14"),
            "Wire B",
            "China's government held a phone call with Kazakhstan's government, and Kazakhstan pledged cooperation with China.",
            &[
                (("CHNGOV", "China's government"), Some(("KAZGOV", "Kazakhstan's government")), "041", "held a phone call with"),
                (("KAZ", "Kazakhstan"), Some(("CHN", "China")), "030", "pledged cooperation with"),
            ],
        ),
        article(
            "a3",
            Some("2022-07-05"),
            "Wire A",
            "Kazakhstan praised China for the railway deal and Chinese troops were not involved.",
            &[(("KAZ", "Kazakhstan"), Some(("CHN", "China")), "051", "praised")],
        ),
        article(
            "a4",
            Some("2022-07-20"),
            "Wire C",
            "Chinese firms agreed to invest in Kazakh mines as China expanded economic ties with Kazakhstan.",
            &[(("CHNBUS", "Chinese firms"), Some(("KAZ", "Kazakh mines")), "061", "agreed to invest in")],
        ),
        article(
            "a5",
            Some("2022-06-20"),
            "Wire B",
            "Washington accused Moscow of blocking grain exports.",
            &[(("USAGOV", "Washington"), Some(("RUSGOV", "Moscow")), "112", "accused")],
        ),
        article(
            "a6",
            Some("2022-07-11"),
            "Wire C",
            "Russian forces shelled Ukrainian positions.",
            &[(("RUSMIL", "Russian forces"), Some(("UKRMIL", "Ukrainian positions")), "190", "shelled")],
        ),
        article("a7", None, "Wire A", "Kenya's government visited the region.", &[(("KENGOV", "Kenya's government"), None, "042", "visited")]),
    ]
}
