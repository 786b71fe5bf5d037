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
        self.code_inner(article, opts, None)
    }

    /// Codes one article and also says, sentence by sentence, what the coder
    /// saw: the actor mentions, the verb patterns that matched and the events
    /// they gave. It answers "why was this (not) coded?" for a user tuning a
    /// dictionary, without a debugger.
    pub fn explain(&self, article: &Article) -> (Coded, Vec<SentenceTrace>) {
        let mut trace = Vec::new();
        let coded = self.code_inner(article, &CodeOptions::default(), Some(&mut trace));
        (coded, trace)
    }

    fn code_inner(&self, article: &Article, opts: &CodeOptions, mut trace: Option<&mut Vec<SentenceTrace>>) -> Coded {
        let mut coded = Coded::default();
        let text = article.text.as_str();
        let layout = article.layout();
        let publication = article.publication_date(&layout);
        let dl_md = layout.dateline.as_ref().and_then(|d| d.month_day);
        let reference = time::reference_date(publication, dl_md);
        if reference.is_none() {
            coded.warnings.push(format!("{}: no date anywhere (no `date` field, header or dated dateline): events are undated", article.id));
        }
        let dateline_place = layout.dateline.as_ref().map(|d| {
            let mut p = places::from_dateline(text, d.city, &self.lex);
            places::as_of(&mut p, reference);
            p
        });
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
            actors::possessed_roles(&s, &mut ms);
            let mut sentence_place = places::in_sentence(&s, &self.lex, &ms);
            // The lexicon's places are today's states: Juba in a 1990s story is in Sudan.
            if let Some(p) = sentence_place.as_mut() {
                places::as_of(p, reference);
            }
            // "police", "rebels" with no country of their own belong to where the story happens.
            let local = sentence_place.as_ref().or(dateline_place.as_ref()).and_then(|p| p.country.clone().map(|c| (c, p.name.clone(), p.from.clone())));
            if let Some((country, name, from)) = local {
                actors::localize_sectors(&s, &mut ms, &country, &format!("country of the {from} place `{name}`"));
            } else if let Some(only) = actors::sole_country(&ms) {
                actors::localize_sectors(&s, &mut ms, &only, actors::SOLE_COUNTRY_RULE);
            }
            if let Some((country, name)) = sentence_place.as_ref().and_then(|p| p.country.clone().map(|c| (c, p.name.clone()))) {
                actors::ethnic_residents(&s, &mut ms, &country, &name);
            }
            let mut evs = events::code_sentence_with(&s, &self.lex, &ms, &ctx.dyad, opts);
            // A recipient read off a place ("shelled <town>") is of the state that held it then.
            for ev in evs.iter_mut() {
                for a in std::iter::once(&mut ev.source.0).chain(ev.target.as_mut().map(|t| &mut t.0)) {
                    if let Some((pred, why)) = a.code.country.as_deref().and_then(|c| crate::ontology::predecessor_on(c, reference)) {
                        a.code.country = Some(pred.to_string());
                        a.rule = format!("{}; {why}", a.rule);
                    }
                }
            }
            if let Some(tr) = trace.as_deref_mut() {
                tr.push(SentenceTrace::new(&s, &self.lex, si, &ms, &evs));
            }
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

/// What the coder saw in one sentence (see [`Coder::explain`]).
#[derive(Debug, Clone, serde::Serialize)]
pub struct SentenceTrace {
    /// Sentence index in the article.
    pub index: usize,
    /// The sentence text.
    pub text: String,
    /// Actor mentions: text, codes, kind, the rule that made each, and whether it
    /// was used only as a place or absorbed into another mention's description.
    pub mentions: Vec<MentionTrace>,
    /// Verb patterns matched, left to right, before source and target are chosen.
    pub verbs: Vec<VerbTrace>,
    /// Events the sentence gave, before dates and de-duplication:
    /// `SOURCE -> TARGET CODE` with the notes of what the coder did.
    pub events: Vec<String>,
}

/// One actor mention of a [`SentenceTrace`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct MentionTrace {
    /// The words of the mention.
    pub text: String,
    /// Actor codes it stands for (usually one).
    pub codes: Vec<String>,
    /// The phrase kind (country, demonym, sector, person, ...).
    pub kind: String,
    /// The rule or lexicon entry of each actor.
    pub rules: Vec<String>,
    /// Used as a location, not as an actor.
    pub place: bool,
    /// Part of another mention's description: never a source or target.
    pub absorbed: bool,
}

/// One verb-pattern match of a [`SentenceTrace`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct VerbTrace {
    /// The matched words.
    pub text: String,
    /// The pattern's CAMEO code.
    pub code: String,
    /// The pattern as written.
    pub pattern: String,
    /// Where the pattern comes from (`builtin:verbs.txt:98`, a dictionary line).
    pub lexicon: String,
}

impl SentenceTrace {
    fn new(s: &Sentence, lex: &Lexicon, index: usize, ms: &[actors::Mention], evs: &[events::SentenceEvent]) -> Self {
        let mentions = ms
            .iter()
            .map(|m| MentionTrace {
                text: s.slice(m.start, m.end).to_string(),
                codes: m.actors.iter().map(|a| a.code.code()).collect(),
                kind: format!("{:?}", m.kind),
                rules: m.actors.iter().map(|a| a.rule.clone()).collect(),
                place: m.place,
                absorbed: m.absorbed,
            })
            .collect();
        let verbs = events::match_verbs(s, lex, ms)
            .iter()
            .map(|vm| {
                let pat = &lex.verbs[lex.compiled(vm.compiled).pattern];
                VerbTrace { text: s.slice(vm.start, vm.end).to_string(), code: pat.code.clone(), pattern: pat.text.clone(), lexicon: pat.origin.clone() }
            })
            .collect();
        let events = evs
            .iter()
            .map(|e| {
                let t = e.target.as_ref().map_or_else(|| "-".to_string(), |t| t.0.code.code());
                let notes = if e.notes.is_empty() { String::new() } else { format!(" ({})", e.notes.join("; ")) };
                format!("{} -> {} {}{}", e.source.0.code.code(), t, e.code, notes)
            })
            .collect();
        SentenceTrace { index, text: s.slice(0, s.toks.len()).to_string(), mentions, verbs, events }
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
    pub const ACTORS: &str = "[countries]\nFRE | Freedonia | Freedonian; Freedonians | Fredville\nSYL | Sylvania | Sylvanian; Sylvanians | Sylvan City\nOST | Osterlich | Osterlichian | Ostburg\n[igos]\nIGOUNO | United Nations; UN\n[organizations]\nFRE GOV LEG | Grand Assembly of Freedonia\n[sectors]\nGOV | government; foreign minister; president; leader; envoy\nGOV LEG | parliament; lower house; speaker; legislator; top legislator\nMIL | troops; army; naval forces\nCOP | police\nLAB | workers\nREB | rebels\nOPP | dissidents\nREF | refugees\n[people]\nFRE GOV | Ambrose Quill; Quill | 2040-01-01..2044-12-31\n[places]\nFRE | Port Marx\n";
    pub const VERBS: &str = "010 | say; state\n019 | agree on\n030 | agree to\n040 | hold talks with +; meet +; meet with +; meet\n0814 | lift .. state of emergency\n0831 | resign\n083 | accept .. demands\n130 | threaten to\n154 | send .. troops\n0344 | democratize\n190 | engage in .. attacks on +\n:072 | receive .. weapons from +\n050 | deepen .. ties\n084 | release +\n020 | seek\n141 | demonstrate\n143 | go on strike\n041 | hold video talks with +\n042 | visit +\n043 | receive +\n051 | praise +; think highly of +\n060 | work with +; cooperate with +; strengthen exchanges with +\n112 | accuse + of\n111 | condemn +\n020 | urge + to; want + to\n120 | refuse +; refuse to\n173 | arrest +\n190 | attack +\n141 | demonstrate against +\n";

    pub fn test_coder() -> Coder {
        let mut b = LexiconBuilder::new();
        let af = builtin::parse_actors(ACTORS, "builtin:test-actors");
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
            // A state's act on its own polity, with no recipient named, falls on its country;
            // a protest on its authorities; a state actor's strike names no one.
            ("The Freedonian government lifted the state of emergency.", &["FREGOV FRE 0814"]),
            ("Freedonian workers went on strike.", &["FRELAB FREGOV 143"]),
            ("Freedonian police went on strike.", &["FRECOP - 143"]),
            // A resignation stands without a recipient when the one it names is the
            // resigner's own bare country (Quill is known only by country outside the
            // dates of his role, 2040-2044).
            ("Ambrose Quill resigned to allow Freedonia's first free elections.", &["FRE - 0831"]),
            // A threat is aimed at the one whose act is its condition.
            ("Freedonia threatened to leave the talks if Sylvania attacks Osterlich.", &["FRE SYL 130"]),
            // A group stands for its members; a possessive role is the owner's.
            ("A delegation of Freedonian envoys met Sylvania.", &["FREGOV SYL 040"]),
            ("Freedonia said its troops attacked Sylvania.", &["FREMIL SYL 190"]),
            // A people named after the country it lives in is of that country.
            ("Freedonian Sylvanians demonstrated against Osterlich.", &["FRE OST 141"]),
            // What a demand asks for has not happened.
            ("Sylvania accepted demands from Freedonian workers that it attack Osterlich.", &["SYL FRELAB 083"]),
            // "on Tuesday" is a time phrase, not the pattern's "agree on"; "in principle" keeps the intent.
            ("Freedonia agreed on Tuesday to visit Sylvania.", &["FRE SYL 036"]),
            ("Freedonia agreed in principle to visit Sylvania.", &["FRE SYL 036"]),
            // A person the lexicon dates in a role is still of its country outside those dates.
            ("President Ambrose Quill praised Sylvania.", &["FREGOV SYL 051"]),
            // A surname outside its dates, after a title, is still that person ("President
            // Obama" in a story dated before 2009 is the American): its country, the title's sector.
            ("President Quill praised Sylvania.", &["FREGOV SYL 051"]),
            // A bare surname outside its dates is not taken for that person (it may be a
            // namesake): no actor, no event.
            ("Quill praised Sylvania.", &[]),
            // A capitalized word inside a sentence is a name, not a verb.
            ("Freedonian envoys toured the State Museum and met Sylvania.", &["FREGOV SYL 040"]),
            // `:CODE` patterns put the act on the giver.
            ("Sylvanian rebels received weapons from Freedonia.", &["FRE SYLREB 072"]),
            // Wanting someone to act is asking them to; seeking to act is an intent.
            ("Freedonia wants Sylvania to attack Osterlich.", &["FRE SYL 020"]),
            ("Freedonia and Sylvania are seeking to deepen ties.", &["FRE SYL 032", "SYL FRE 032"]),
            // A participle and preposition before the clause's auxiliary is a reduced relative.
            ("The rebels arrested in Port Marx were released by Freedonia.", &["FRE FREREB 084"]),
            ("Freedonia said on Tuesday it had attacked Sylvania.", &["FRE SYL 190"]),
            // A role of a known place is of its country; dissidents from a country are its.
            ("The government of Port Marx condemned Sylvania.", &["FREGOV SYL 111"]),
            ("Freedonia met dissidents from Sylvania.", &["FRE SYLOPP 040"]),
            // What an act is for has not happened: a purpose infinitive is no event.
            ("Freedonia met Sylvania to condemn Osterlich.", &["FRE SYL 040"]),
            // Nothing in a trailing attribution is an object.
            ("Freedonia condemned the raid, a statement issued by the Sylvanian government said.", &[]),
            // What is sent goes to the recipient after "to".
            ("Freedonia sent Sylvanian troops to Osterlich.", &["FRE OST 154"]),
            // An apposition describes the subject before it.
            ("Freedonia, a Sylvanian ally, attacked Osterlich.", &["FRE OST 190"]),
            // "pro-X" is a stance, not X.
            ("Pro-Sylvania rebels attacked Osterlichian troops in Port Marx.", &["FREREB OSTMIL 190"]),
            // A pattern going on with its own words after the participle is no passive.
            ("Freedonian troops were engaged in attacks on Sylvania.", &["FREMIL SYL 190"]),
            // A state's act on its own polity may name its country.
            ("The Freedonian government promised to democratize Freedonia.", &["FREGOV FRE 0344"]),
            // A passive's patient may be the owner of what was hit.
            ("A camp for Sylvanian refugees was attacked by Freedonian troops.", &["FREMIL SYLREF 190"]),
            // Where the source speaks is not where the act happened.
            ("Freedonian troops attacked rebels, officials in Sylvan City said.", &["FREMIL ---REB 190"]),
        ];
        for (text, want) in cases {
            assert_eq!(triples(text), *want, "{text}");
        }
    }
}
