//! How is a whole article coded?
//!
//! The article loop: layout (header, captions, dateline, body), sentences,
//! actor mentions with the article's running context, events, dates and
//! places, then one record per distinct (source, target, code, date) with a
//! count of its mentions.

use crate::actors::{self, Actor, DocContext, Sentence};
use crate::article::Article;
use crate::events;
use crate::lexicon::Lexicon;
use crate::ontology;
use crate::output::{ActorRecord, EventRecord, Evidence, PloverRecord, SentenceRecord};
use crate::places;
use crate::text;
use crate::time::{self, Precision};
use std::collections::HashMap;

/// What coding one article produced.
#[derive(Debug, Clone, Default)]
pub struct Coded {
    /// The events, in order of first mention.
    pub events: Vec<EventRecord>,
    /// Things the user should know (no date anywhere, ...).
    pub warnings: Vec<String>,
    /// Number of sentences coded.
    pub sentences: usize,
}

/// Per-article coding options: the switches PETRARCH's validation suites set
/// with `<Config>` between records. The defaults are dyad's (and PETRARCH's)
/// usual behaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct CodeOptions {
    /// An event needs a target (PETRARCH's `require_dyad`). When false, a
    /// loaded dictionary's pattern that finds a source but no target still
    /// gives an event, without a target; dyad's own lexicon keeps its rules
    /// for untargeted acts either way.
    pub require_target: bool,
    /// Longest phrase, in words, that may stand for an actor no dictionary
    /// codes (PETRARCH's `new_actor_length`; 0, the default, allows none): a
    /// proper-noun phrase such as "the Ministry of Magic" then acts, with no code.
    pub new_actor_length: usize,
}

impl Default for CodeOptions {
    fn default() -> Self {
        CodeOptions { require_target: true, new_actor_length: 0 }
    }
}

/// The event coder: a lexicon and the rules in [`crate::actors`] and [`crate::events`].
#[derive(Debug)]
pub struct Coder {
    lex: Lexicon,
}

impl Coder {
    /// A coder over a frozen lexicon.
    pub fn new(lex: Lexicon) -> Self {
        Coder { lex }
    }

    /// A coder over dyad's built-in lexicon.
    pub fn builtin() -> Self {
        Coder::new(Lexicon::builtin())
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Codes one article with the default options.
    pub fn code(&self, article: &Article) -> Coded {
        self.code_with(article, &CodeOptions::default())
    }

    /// Codes one article with the given options.
    pub fn code_with(&self, article: &Article, opts: &CodeOptions) -> Coded {
        let mut coded = Coded::default();
        let text = article.text.as_str();
        let layout = article.layout();
        let publication = article.publication_date(&layout);
        let dl_md = layout.dateline.as_ref().and_then(|d| d.month_day);
        let reference = time::reference_date(publication, dl_md);
        if reference.is_none() {
            coded.warnings.push(format!("{}: no date anywhere (no `date` field, header or dated dateline): events are undated", article.id));
        }
        let dateline_place = layout.dateline.as_ref().map(|d| places::from_dateline(text, d.city, &self.lex));
        let lower = text.to_ascii_lowercase();
        let mut ctx = DocContext::new(reference);
        let mut sentence_spans = Vec::new();
        for &(a, b) in &layout.body {
            sentence_spans.extend(text::sentences(text, a, b));
        }
        // A headline-only article: code the title.
        if sentence_spans.is_empty() {
            if let Some((a, b)) = layout.title {
                sentence_spans.push((a, b));
            }
        }
        let mut index: HashMap<(String, String, String, Option<String>), usize> = HashMap::new();
        for (si, &span) in sentence_spans.iter().enumerate() {
            let s = Sentence::new(text, &lower, span);
            if self.discarded(&s) {
                continue;
            }
            let mut ms = actors::find_mentions(&s, &self.lex, &mut ctx);
            if opts.new_actor_length > 0 {
                actors::add_new_actors(&s, &mut ms, opts.new_actor_length);
            }
            let sentence_place = places::in_sentence(&s, &self.lex, &ms);
            // "police", "rebels" with no country of their own belong to where the story happens.
            let local = sentence_place.as_ref().or(dateline_place.as_ref()).and_then(|p| p.country.clone().map(|c| (c, p.name.clone(), p.from.clone())));
            if let Some((country, name, from)) = local {
                actors::localize_sectors(&mut ms, &country, &format!("country of the {from} place `{name}`"));
            } else if let Some(only) = actors::sole_country(&ms) {
                actors::localize_sectors(&mut ms, &only, "the only country named in the sentence");
            }
            let evs = events::code_sentence_with(&s, &self.lex, &ms, &ctx.dyad, opts);
            if evs.is_empty() {
                continue;
            }
            let texprs = reference.map(|r| time::find_all(&s.words, r)).unwrap_or_default();
            let place = sentence_place.or_else(|| dateline_place.clone());
            for ev in evs {
                if let Some((t, _, _)) = &ev.target {
                    ctx.note_pair(&ev.source.0.code, &t.code);
                }
                // An announced intent ("will visit in July, ... said on Wednesday") happens
                // when it is announced: only a past day can date it.
                let intent = ev.notes.iter().any(|n| n.starts_with("intent") || n.starts_with("future"));
                let texpr =
                    if intent { texprs.iter().find(|t| t.precision == Precision::Day && reference.is_some_and(|r| t.date <= r)) } else { texprs.first() };
                let (date, precision, date_evidence) = match (texpr, reference) {
                    (Some(t), _) => (Some(t.date), t.precision, format!("`{}` in the sentence", s.slice(t.tokens.0, t.tokens.1))),
                    (None, Some(r)) if dl_md.is_some() => (Some(r), Precision::Day, "dateline".to_string()),
                    (None, Some(r)) => (Some(r), Precision::Day, "publication date".to_string()),
                    (None, None) => (None, Precision::None, "no date".to_string()),
                };
                let date_s = date.map(|d| d.to_string());
                let src = actor_record(&s, &ev.source.0, ev.source.1, ev.source.2);
                let tgt = ev.target.as_ref().map(|(a, x, y)| actor_record(&s, a, *x, *y));
                let key = (src.code.clone(), tgt.as_ref().map(|t| t.code.clone()).unwrap_or_default(), ev.code.clone(), date_s.clone());
                if let Some(&k) = index.get(&key) {
                    coded.events[k].mentions += 1;
                    continue;
                }
                // A loaded dictionary may use codes of its own beyond CAMEO's table (PETRARCH's
                // validation codes, local extensions): they are written as given, unlabelled.
                // The built-in lexicon uses only CAMEO codes, so an unknown one there is a bug.
                let cc = ontology::cameo(&ev.code);
                let pat = &self.lex.verbs[ev.pattern];
                if cc.is_none() && (pat.origin.starts_with("builtin:") || !is_numeric_code(&ev.code)) {
                    coded.warnings.push(format!("{}: pattern {} has unknown CAMEO code {}", article.id, pat.origin, ev.code));
                    continue;
                }
                let pl = ontology::plover(&ev.code);
                let n = coded.events.len();
                index.insert(key, n);
                coded.events.push(EventRecord {
                    doc_id: article.id.clone(),
                    event_id: format!("{}-{}", article.id, n + 1),
                    date: date_s,
                    date_precision: precision.as_str().to_string(),
                    date_evidence,
                    source: src,
                    target: tgt,
                    cameo: ev.code.clone(),
                    cameo_root: ontology::root(&ev.code).to_string(),
                    cameo_label: cc.map_or_else(String::new, |c| c.label.to_string()),
                    goldstein: cc.map_or(0.0, |c| c.goldstein),
                    quad_class: ontology::quad_class(&ev.code),
                    plover: PloverRecord {
                        event: pl.as_ref().map(|p| p.event.to_string()).unwrap_or_default(),
                        mode: pl.as_ref().map(|p| p.mode.to_string()).unwrap_or_default(),
                        context: pl.as_ref().map(|p| p.context.iter().map(|c| c.to_string()).collect()).unwrap_or_default(),
                    },
                    place: place.clone(),
                    sentence: SentenceRecord { index: si, text: text[span.0..span.1].to_string(), span: [span.0, span.1] },
                    evidence: Evidence {
                        verb: s.slice(ev.verb.0, ev.verb.1).to_string(),
                        span: s.byte_span(ev.verb.0, ev.verb.1),
                        rule: pat.text.clone(),
                        lexicon: pat.origin.clone(),
                        notes: ev.notes.clone(),
                    },
                    mentions: 1,
                });
            }
        }
        coded.sentences = sentence_spans.len();
        coded
    }

    fn discarded(&self, s: &Sentence) -> bool {
        if self.lex.discards.is_empty() {
            return false;
        }
        let joined = s.words.join(" ");
        self.lex.discards.iter().any(|d| {
            joined
                .match_indices(d.as_str())
                .any(|(i, _)| (i == 0 || joined.as_bytes()[i - 1] == b' ') && (i + d.len() == joined.len() || joined.as_bytes()[i + d.len()] == b' '))
        })
    }
}

/// A code of three or four digits, possibly with one letter after them
/// (a dictionary's variant, `174K`), as the event schema allows.
fn is_numeric_code(code: &str) -> bool {
    let digits = code.strip_suffix(|c: char| c.is_ascii_alphabetic()).unwrap_or(code);
    (3..=4).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

fn actor_record(s: &Sentence, a: &Actor, start: usize, end: usize) -> ActorRecord {
    let (text, span) =
        if end > start { (s.slice(start, end).to_string(), s.byte_span(start, end)) } else { (String::new(), [s.toks[start.min(s.toks.len() - 1)].start; 2]) };
    ActorRecord {
        code: a.code.code(),
        country: a.code.country.clone(),
        sectors: a.code.sectors.clone(),
        text,
        name: a.name.clone(),
        span,
        rule: a.rule.clone(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::lexicon::{builtin, LexiconBuilder};

    /// A small invented world: the mechanisms, not the lexicon, are under test.
    pub const ACTORS: &str = "[countries]\nFRE | Freedonia | Freedonian; Freedonians | Fredville\nSYL | Sylvania | Sylvanian; Sylvanians | Sylvan City\nOST | Osterlich | Osterlichian | Ostburg\n[igos]\nIGOUNO | United Nations; UN\n[organizations]\nFRE GOV LEG | Grand Assembly of Freedonia\n[sectors]\nGOV | government; foreign minister; president; leader; envoy\nGOV LEG | parliament; lower house; speaker; legislator; top legislator\nMIL | troops; army; naval forces\nCOP | police\n[places]\nFRE | Port Marx\n";
    pub const VERBS: &str = "040 | hold talks with +; meet +; meet with +; meet\n041 | hold video talks with +\n042 | visit +\n043 | receive +\n051 | praise +; think highly of +\n060 | work with +; cooperate with +; strengthen exchanges with +\n112 | accuse + of\n111 | condemn +\n020 | urge + to\n120 | refuse +; refuse to\n173 | arrest +\n190 | attack +\n141 | demonstrate against +\n";

    pub fn test_coder() -> Coder {
        let mut b = LexiconBuilder::new();
        let af = builtin::parse_actors(ACTORS, "test:actors");
        assert!(af.problems.is_empty(), "{:?}", af.problems);
        b.add_actors(af.actors);
        b.add_places(af.places);
        // Parsed like the built-in lexicon, so it behaves like it (its origin says so).
        let (v, p) = builtin::parse_verbs(VERBS, "builtin:test-verbs", b.morphology());
        assert!(p.is_empty(), "{p:?}");
        b.add_verbs(v);
        Coder::new(b.build())
    }

    fn triples(text: &str) -> Vec<String> {
        let a = Article { id: "t".into(), date: Some("2031-05-07".into()), text: text.into(), ..Default::default() };
        test_coder()
            .code(&a)
            .events
            .iter()
            .map(|e| format!("{} {} {}", e.source.code, e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"), e.cameo))
            .collect()
    }

    #[test]
    fn mechanisms() {
        let cases: &[(&str, &[&str])] = &[
            ("Freedonia attacked Sylvania.", &["FRE SYL 190"]),
            ("Freedonia did not attack Sylvania.", &[]),
            ("Freedonia didn't attack Sylvania, and Sylvania won't attack Osterlich.", &[]),
            ("Sylvania was attacked by Freedonia.", &["FRE SYL 190"]),
            ("Freedonia and Osterlich condemned Sylvania.", &["FRE SYL 111", "OST SYL 111"]),
            ("Freedonia urged Sylvania and Osterlich to attack nobody.", &["FRE SYL 020", "FRE OST 020"]),
            ("Freedonian troops attacked Sylvanian police.", &["FREMIL SYLCOP 190"]),
            ("Freedonian and Sylvanian naval forces attacked Osterlich.", &["FREMIL OST 190", "SYLMIL OST 190"]),
            ("The government of Freedonia praised Sylvania.", &["FREGOV SYL 051"]),
            ("Freedonia is ready to work with Sylvania.", &["FRE SYL 031"]),
            ("Freedonia will visit Sylvania.", &["FRE SYL 036"]),
            // A refused cooperative act is a rejection; a conflictual one that will not happen is nothing.
            ("Freedonia will not visit Sylvania.", &["FRE SYL 120"]),
            ("Freedonia won't work with Sylvania.", &["FRE SYL 120"]),
            ("Freedonia did not visit Sylvania.", &[]),
            // What is urged or refused has not happened.
            ("Freedonia urged Sylvania to visit Osterlich.", &["FRE SYL 020"]),
            ("Freedonia refused to let Sylvania attack Osterlich.", &["FRE SYL 120"]),
            ("Rufus Firefly, the foreign minister of Freedonia, met Sylvania.", &["FREGOV SYL 040"]),
            ("Freedonian envoy Rufus Firefly met Sylvanian President Ambrose Trentino.", &["FREGOV SYLGOV 040"]),
            ("Freedonia and Sylvania met on Tuesday.", &["FRE SYL 040", "SYL FRE 040"]),
            ("Freedonia accused Sylvania of lying, the UN said.", &["FRE SYL 112"]),
            ("Freedonia refused to meet Sylvania.", &["FRE SYL 120"]),
            ("Freedonia thinks highly of Sylvania, and is ready to work with Osterlich.", &["FRE SYL 051", "FRE OST 031"]),
        ];
        for (text, want) in cases {
            assert_eq!(triples(text), *want, "{text}");
        }
    }
}
