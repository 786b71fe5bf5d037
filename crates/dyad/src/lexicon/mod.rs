//! Which words mean which actors and which events?
//!
//! The lexicon is the coder's knowledge: actor phrases (countries, IGOs,
//! institutions, roles and sectors, people with date ranges) and verb
//! patterns (one CAMEO code each). It is filled from dyad's built-in files
//! (`lexicon/*.txt`, compiled into the binary) and from community
//! dictionaries (`crate::dict`), then frozen into matchers by
//! [`Lexicon::build`].

use crate::time::Date;

/// A date interval during which an actor code applies; open ends are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateRange {
    /// First day the code applies (inclusive).
    pub from: Option<Date>,
    /// Last day the code applies (inclusive).
    pub to: Option<Date>,
}

impl DateRange {
    /// Whether `date` falls in the range; an unknown date matches every range.
    pub fn contains(&self, date: Option<Date>) -> bool {
        let Some(d) = date else { return true };
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }
}

/// The code an actor phrase stands for, split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorCode {
    /// ISO3 country, an `IGO...` code, or `None` for no country (`---`).
    pub country: Option<String>,
    /// Sector codes (`GOV`, `LEG`, `MIL`, ...), most general first.
    pub sectors: Vec<String>,
}

impl ActorCode {
    /// Parses a CAMEO-style code (`CHNGOVLEG`, `IGOUNO`, `---REB`) or the
    /// built-in lexicon's spaced form (`CHN GOV LEG`).
    pub fn parse(code: &str) -> ActorCode {
        let parts: Vec<&str> = code.split_whitespace().collect();
        if parts.len() > 1 {
            let country = match parts[0] {
                "---" => None,
                c => Some(c.to_string()),
            };
            return ActorCode { country, sectors: parts[1..].iter().map(|s| s.to_string()).collect() };
        }
        let code = code.trim();
        if code.starts_with("IGO") {
            return ActorCode { country: Some(code.to_string()), sectors: vec![] };
        }
        let bytes = code.as_bytes();
        let country = if code.len() >= 3 && &code[..3] != "---" { Some(code[..3].to_string()) } else { None };
        let mut sectors = Vec::new();
        let mut i = 3.min(bytes.len());
        while i + 3 <= code.len() {
            sectors.push(code[i..i + 3].to_string());
            i += 3;
        }
        ActorCode { country, sectors }
    }

    /// The CAMEO-style concatenated code, e.g. `CHNGOVLEG`.
    pub fn code(&self) -> String {
        let mut s = self.country.clone().unwrap_or_else(|| "---".to_string());
        for sec in &self.sectors {
            s.push_str(sec);
        }
        s
    }
}

/// What kind of thing an actor phrase names; decides how it combines with
/// neighbouring words ("Kazakh" + "foreign minister").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A country's name ("Kazakhstan").
    Country,
    /// A country adjective or demonym ("Kazakh", "Kazakhs").
    Demonym,
    /// A capital or seat of government used for the government ("Beijing", "the Kremlin").
    Metonym,
    /// An intergovernmental organisation ("NATO").
    Igo,
    /// A named institution or group with its own code ("National People's Congress", "Taliban").
    Organization,
    /// A role or sector word with no country of its own ("foreign minister", "troops").
    Sector,
    /// A named person ("Joe Biden").
    Person,
}

/// One actor phrase of the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    /// The phrase as written (matching is case-insensitive on ASCII).
    pub phrase: String,
    /// How the phrase behaves in composites.
    pub kind: ActorKind,
    /// Its codes, each with the dates it applies; the first that fits the event date wins.
    pub codes: Vec<(ActorCode, DateRange)>,
    /// Where the entry came from (`builtin:actors.txt:12`, `Phoenix.Countries.actors.txt:4410`).
    pub origin: String,
}

/// One element of a verb pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatElem {
    /// Any one of these lowercase words.
    Words(Vec<String>),
    /// The verb head: any one of these lowercase inflected forms.
    Verb(Vec<String>),
    /// Up to this many arbitrary words.
    Gap(u8),
    /// A skipped phrase (PETRARCH's `^`): at least the first and at most the
    /// second number of words, determiners opening it not counted, so that
    /// "at ^ +" passes over "the Capital" to the actor after it.
    Skip(u8, u8),
    /// The target actor appears here.
    Target,
    /// The source actor appears here.
    Source,
}

/// A verb pattern: a sequence of elements that, when matched, codes an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbPattern {
    /// CAMEO code, e.g. `"041"`.
    pub code: String,
    /// The pattern; exactly one element is a [`PatElem::Verb`] unless the pattern is nominal.
    pub elems: Vec<PatElem>,
    /// The pattern as written in its source, for evidence.
    pub text: String,
    /// Where it came from (`builtin:verbs.txt:40`).
    pub origin: String,
}

pub mod builtin;
pub mod morph;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap;
use std::collections::HashMap;

/// A line of a lexicon file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexProblem {
    /// `file:line`.
    pub origin: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for LexProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// Collects entries from the built-in files and loaded dictionaries; later
/// additions take precedence over earlier ones for the same phrase.
#[derive(Debug, Default)]
pub struct LexiconBuilder {
    morph: Morphology,
    actors: Vec<ActorEntry>,
    places: Vec<(String, String)>,
    verbs: Vec<VerbPattern>,
    discards: Vec<String>,
    problems: Vec<LexProblem>,
}

use morph::Morphology;

impl LexiconBuilder {
    /// An empty builder that knows English verb morphology (needed to read patterns).
    pub fn new() -> Self {
        let (morph, probs) = Morphology::parse(builtin::IRREGULAR);
        let problems = probs.into_iter().map(|(l, m)| LexProblem { origin: format!("builtin:irregular.txt:{l}"), message: m }).collect();
        LexiconBuilder { morph, problems, ..Default::default() }
    }

    /// A builder holding dyad's built-in lexicon.
    pub fn with_builtin() -> Self {
        let mut b = Self::new();
        // The files are independent, and so are the lines of the verb file: the
        // actors and each half of the verbs are read side by side (start-up time
        // is the time to the first event).
        let text = builtin::VERBS;
        let cut = memchr::memchr(b'\n', &text.as_bytes()[text.len() / 2..]).map_or(text.len(), |i| text.len() / 2 + i + 1);
        let second_line = 1 + text[..cut].bytes().filter(|&c| c == b'\n').count();
        let (af, (verbs, probs)) = std::thread::scope(|sc| {
            let actors = sc.spawn(|| builtin::parse_actors(builtin::ACTORS, "builtin:actors.txt"));
            let second = sc.spawn(|| builtin::parse_verbs_from(&text[cut..], "builtin:verbs.txt", second_line, &b.morph));
            let mut first = builtin::parse_verbs_from(&text[..cut], "builtin:verbs.txt", 1, &b.morph);
            let (v2, p2) = second.join().expect("verb lexicon parser does not panic");
            first.0.extend(v2);
            first.1.extend(p2);
            (actors.join().expect("actor lexicon parser does not panic"), first)
        });
        b.actors.extend(af.actors);
        b.places.extend(af.places);
        b.problems.extend(af.problems);
        b.verbs.extend(verbs);
        b.problems.extend(probs);
        b
    }

    /// The verb morphology, for readers that inflect their own patterns.
    pub fn morphology(&self) -> &Morphology {
        &self.morph
    }

    /// Adds actor phrases (later ones win for the same phrase).
    pub fn add_actors(&mut self, it: impl IntoIterator<Item = ActorEntry>) {
        self.actors.extend(it);
    }

    /// Adds verb patterns; loaded patterns beat built-in ones of equal length.
    pub fn add_verbs(&mut self, it: impl IntoIterator<Item = VerbPattern>) {
        self.verbs.extend(it);
    }

    /// Adds discard phrases: a sentence containing one is not coded.
    pub fn add_discards(&mut self, it: impl IntoIterator<Item = String>) {
        self.discards.extend(it);
    }

    /// Adds place names with their ISO3 country.
    pub fn add_places(&mut self, it: impl IntoIterator<Item = (String, String)>) {
        self.places.extend(it);
    }

    /// Problems recorded so far.
    pub fn problem_count(&self) -> usize {
        self.problems.len()
    }

    /// Records problems found while reading.
    pub fn add_problems(&mut self, it: impl IntoIterator<Item = LexProblem>) {
        self.problems.extend(it);
    }

    /// Adds everything read from community dictionaries; their entries take
    /// precedence over the built-in ones for the same phrase.
    pub fn add_dictionaries(&mut self, d: crate::dict::Dictionaries) {
        self.actors.extend(d.actors);
        self.actors.extend(d.agents);
        self.verbs.extend(d.verbs);
        self.discards.extend(d.discards);
        self.problems.extend(d.problems.into_iter().map(|p| LexProblem { origin: format!("{}:{}", p.file.display(), p.line), message: p.message }));
    }

    /// Freezes the entries into matchers.
    pub fn build(self) -> Lexicon {
        Lexicon::build(self)
    }
}

/// Patterns sharing an anchor word, split by the word that must follow it.
#[derive(Debug, Default)]
struct AnchorIndex {
    /// Patterns with no literal word after the anchor.
    any: Vec<u32>,
    /// Patterns whose next element is a literal word, by that word.
    by_next: FxHashMap<String, Vec<u32>>,
    /// Patterns whose first later literal word comes after a gap or slot, by that word.
    by_later: FxHashMap<String, Vec<u32>>,
}

/// How far after the anchor a pattern's first later word may stand (gaps and actor slots).
pub const LATER_WINDOW: usize = 14;

/// A verb pattern prepared for matching: elements before the anchor word
/// (reversed), the anchor, and the elements after it.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// Index into [`Lexicon::verbs`].
    pub pattern: usize,
    /// Elements before the anchor, nearest first.
    pub before: Vec<PatElem>,
    /// The anchor element (a verb or the first word).
    pub anchor: PatElem,
    /// Elements after the anchor.
    pub after: Vec<PatElem>,
    /// Number of word elements: more words = more specific.
    pub weight: u32,
    /// Past participles of the verb head, to recognise the passive voice.
    pub participles: Vec<String>,
    /// Whether the anchor is a verb (nominal patterns are not).
    pub verbal: bool,
    /// Literal word elements besides the anchor: one of each must occur in the
    /// sentence, a cheap test before the full match.
    pub required: Vec<Vec<String>>,
    /// dyad's own syntax: a trailing `+` means the actor stands right there.
    /// (In PETRARCH dictionaries `+` may stand anywhere later in the verb phrase.)
    pub strict_target: bool,
}

/// The frozen lexicon: actor phrases behind one Aho-Corasick automaton,
/// verb patterns behind a hash index on their anchor word.
#[derive(Debug)]
pub struct Lexicon {
    /// Actor entries, one per distinct phrase key (the last added wins).
    pub actors: Vec<ActorEntry>,
    /// Phrase key of each entry, same order as `actors`.
    pub actor_keys: Vec<String>,
    /// Whether each entry must match with its capitals (acronyms, short names).
    case_sensitive: Vec<bool>,
    ac: AhoCorasick,
    /// All verb patterns.
    pub verbs: Vec<VerbPattern>,
    /// Compiled patterns, same order as `verbs`, each filled on first use.
    compiled: Vec<std::sync::OnceLock<Compiled>>,
    verb_index: FxHashMap<String, AnchorIndex>,
    /// Place name key -> ISO3.
    pub places: HashMap<String, String>,
    /// Discard phrase keys.
    pub discards: Vec<String>,
    /// Problems met while reading the lexicon.
    pub problems: Vec<LexProblem>,
    /// Morphology, kept for learning new verbs at run time.
    pub morph: Morphology,
}

impl Lexicon {
    /// dyad's built-in lexicon.
    pub fn builtin() -> Lexicon {
        LexiconBuilder::with_builtin().build()
    }

    fn build(b: LexiconBuilder) -> Lexicon {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut actors: Vec<ActorEntry> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        let mut case_sensitive = Vec::new();
        for e in b.actors {
            let key = crate::text::phrase_key(&e.phrase);
            if key.is_empty() {
                continue;
            }
            let letters: Vec<char> = e.phrase.chars().filter(|c| c.is_alphabetic()).collect();
            let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && !e.phrase.contains(' ');
            let cs = acronym && e.phrase.len() <= 6;
            match by_key.get(&key) {
                // Several terms of one office in one file ("2017-2021", "2025-"): keep them all.
                Some(&i) if same_file(&actors[i].origin, &e.origin) && e.codes.iter().chain(&actors[i].codes).all(|(_, r)| *r != DateRange::default()) => {
                    actors[i].codes.extend(e.codes);
                }
                Some(&i) => {
                    actors[i] = e;
                    case_sensitive[i] = cs;
                }
                None => {
                    by_key.insert(key.clone(), actors.len());
                    actors.push(e);
                    keys.push(key);
                    case_sensitive.push(cs);
                }
            }
        }
        // The actor automaton builds on its own thread while the verb patterns compile.
        let padded: Vec<String> = keys.iter().map(|k| format!(" {} ", k.replace(' ', "  "))).collect();
        let ac_thread =
            std::thread::spawn(move || AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&padded).expect("actor automaton builds"));
        // Patterns are indexed now and compiled on first use: most are never
        // met in a given corpus, and start-up time is the time to the first event.
        let mut verb_index: FxHashMap<String, AnchorIndex> = FxHashMap::default();
        verb_index.reserve(b.verbs.len());
        for (ci, p) in b.verbs.iter().enumerate() {
            let Some(ai) = anchor_position(&p.elems) else { continue };
            let ci = ci as u32;
            let forms = match &p.elems[ai] {
                PatElem::Verb(f) | PatElem::Words(f) => f,
                _ => continue,
            };
            let after = &p.elems[ai + 1..];
            // Second level: the word right after the anchor, when the pattern fixes it.
            let next: Option<&Vec<String>> = match after.first() {
                Some(PatElem::Words(w)) => Some(w),
                _ => None,
            };
            let later: Option<&Vec<String>> = after.iter().find_map(|e| if let PatElem::Words(w) = e { Some(w) } else { None });
            for f in forms {
                let slot = match verb_index.get_mut(f.as_str()) {
                    Some(slot) => slot,
                    None => verb_index.entry(f.clone()).or_default(),
                };
                let (table, words) = match (next, later) {
                    (Some(ws), _) => (&mut slot.by_next, ws),
                    (None, Some(ws)) => (&mut slot.by_later, ws),
                    (None, None) => {
                        slot.any.push(ci);
                        continue;
                    }
                };
                for w in words {
                    match table.get_mut(w.as_str()) {
                        Some(v) => v.push(ci),
                        None => {
                            table.insert(w.clone(), vec![ci]);
                        }
                    }
                }
            }
        }
        let ac = ac_thread.join().expect("actor automaton thread does not panic");
        let places = b.places.into_iter().map(|(p, c)| (crate::text::phrase_key(&p), c)).collect();
        let discards = b.discards.iter().map(|d| crate::text::phrase_key(d)).filter(|d| !d.is_empty()).collect();
        let compiled = (0..b.verbs.len()).map(|_| std::sync::OnceLock::new()).collect();
        Lexicon { actors, actor_keys: keys, case_sensitive, ac, verbs: b.verbs, compiled, verb_index, places, discards, problems: b.problems, morph: b.morph }
    }

    /// Pattern `ci` prepared for matching (compiled the first time it is asked for).
    pub fn compiled(&self, ci: usize) -> &Compiled {
        self.compiled[ci].get_or_init(|| compile_pattern(ci, &self.verbs[ci], &self.morph))
    }

    /// Whether some pattern is anchored on the folded word `w` (a verb form of the lexicon).
    pub fn is_anchor(&self, w: &str) -> bool {
        self.verb_index.contains_key(w)
    }

    /// Patterns anchored on `words[0]` that can match the words that follow it:
    /// those with no later literal word, those whose next word is `words[1]`, and
    /// those whose first later word occurs within [`LATER_WINDOW`] words.
    pub fn candidates(&self, words: &[&str], out: &mut Vec<u32>) {
        out.clear();
        let Some(slot) = words.first().and_then(|w| self.verb_index.get(*w)) else { return };
        out.extend_from_slice(&slot.any);
        if let Some(v) = words.get(1).and_then(|n| slot.by_next.get(*n)) {
            out.extend_from_slice(v);
        }
        if !slot.by_later.is_empty() {
            let end = words.len().min(LATER_WINDOW + 1);
            for (k, w) in words[1..end].iter().enumerate() {
                // Each word once: a repeated word would add its patterns twice.
                if words[1..1 + k].contains(w) {
                    continue;
                }
                if let Some(v) = slot.by_later.get(*w) {
                    out.extend_from_slice(v);
                }
            }
        }
    }

    /// The actor automaton; keys are padded (`" word  word "`), see [`crate::actors`].
    pub fn actor_automaton(&self) -> &AhoCorasick {
        &self.ac
    }

    /// Whether entry `i` must match the text's capitals exactly.
    pub fn is_case_sensitive(&self, i: usize) -> bool {
        self.case_sensitive[i]
    }
}

fn same_file(a: &str, b: &str) -> bool {
    a.rsplit_once(':').map(|x| x.0) == b.rsplit_once(':').map(|x| x.0)
}

/// Where a pattern's anchor stands: its verb, or else its first word.
fn anchor_position(elems: &[PatElem]) -> Option<usize> {
    elems.iter().position(|e| matches!(e, PatElem::Verb(_))).or_else(|| elems.iter().position(|e| matches!(e, PatElem::Words(_))))
}

/// Prepares pattern `pi` for matching (see [`anchor_position`]).
fn compile_pattern(pi: usize, p: &VerbPattern, morph: &Morphology) -> Compiled {
    let ai = anchor_position(&p.elems).unwrap_or(0);
    let anchor = p.elems.get(ai).cloned().unwrap_or(PatElem::Gap(0));
    let verbal = matches!(anchor, PatElem::Verb(_));
    let participles = match &anchor {
        PatElem::Verb(f) => participles_of(f, morph),
        _ => vec![],
    };
    let mut before: Vec<PatElem> = p.elems[..ai.min(p.elems.len())].to_vec();
    before.reverse();
    let after = p.elems.get(ai + 1..).map(<[PatElem]>::to_vec).unwrap_or_default();
    let weight = p.elems.iter().filter(|e| matches!(e, PatElem::Words(_) | PatElem::Verb(_))).count() as u32;
    let required = before.iter().chain(after.iter()).filter_map(|e| if let PatElem::Words(w) = e { Some(w.clone()) } else { None }).collect();
    let strict_target = p.origin.starts_with("builtin:");
    Compiled { pattern: pi, before, anchor, after, weight, participles, verbal, required, strict_target }
}

/// Past participles among a verb's forms: a form that the morphology gives
/// as the participle of some lemma among the forms.
fn participles_of(forms: &[String], morph: &Morphology) -> Vec<String> {
    let mut out = Vec::new();
    for f in forms {
        let pp = morph.inflect(f).participle;
        if forms.contains(&pp) && !out.contains(&pp) {
            out.push(pp);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_file_read_in_halves_is_the_file_read_whole() {
        let b = LexiconBuilder::with_builtin();
        let (whole, _) = builtin::parse_verbs(builtin::VERBS, "builtin:verbs.txt", b.morphology());
        assert_eq!(b.verbs.len(), whole.len());
        assert!(b.verbs.iter().zip(&whole).all(|(a, w)| a.origin == w.origin && a.text == w.text && a.code == w.code));
    }

    #[test]
    fn patterns_compile_on_first_use() {
        let lex = Lexicon::builtin();
        let met = lex.compiled.iter().filter(|c| c.get().is_some()).count();
        assert_eq!(met, 0, "nothing compiled before use");
        let i = lex.verbs.iter().position(|p| p.elems.iter().any(|e| matches!(e, PatElem::Verb(_)))).unwrap();
        let c = lex.compiled(i);
        assert_eq!(c.pattern, i);
        assert!(c.verbal);
        assert!(std::ptr::eq(c, lex.compiled(i)), "compiled once");
    }

    #[test]
    fn terms_of_office_merge_and_dictionaries_override() {
        let mut b = LexiconBuilder::new();
        let af = builtin::parse_actors("[people]\nXYZ GOV | Rufus Firefly | 2001-01-01..2004-12-31\nABC GOV | Rufus Firefly | 2009-01-01..\n[countries]\nXYZ | Freedonia | Freedonian | Fredville\n", "builtin:a");
        b.add_actors(af.actors);
        b.add_actors([ActorEntry {
            phrase: "FREEDONIA".into(),
            kind: ActorKind::Country,
            codes: vec![(ActorCode::parse("XYQ"), DateRange::default())],
            origin: "dict.txt:3".into(),
        }]);
        let lex = b.build();
        let i = lex.actor_keys.iter().position(|k| k == "rufus firefly").unwrap();
        assert_eq!(lex.actors[i].codes.len(), 2);
        let j = lex.actor_keys.iter().position(|k| k == "freedonia").unwrap();
        assert_eq!(lex.actors[j].codes[0].0.code(), "XYQ");
    }

    #[test]
    fn builtin_lexicon_reads_cleanly() {
        let lex = Lexicon::builtin();
        assert!(lex.problems.is_empty(), "{:?}", lex.problems);
        assert!(lex.actors.len() > 3000 && lex.verbs.len() > 1000, "{} actors, {} verbs", lex.actors.len(), lex.verbs.len());
    }
}
