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
pub mod words;

use rustc_hash::FxHashMap;
use std::collections::HashMap;
use words::{PhraseTrie, Vocabulary, UNKNOWN};

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
    /// Patterns whose next element is a literal word, by that word's id.
    by_next: FxHashMap<u32, Vec<u32>>,
    /// Patterns whose first later literal word comes after a gap or slot, by that word's id.
    by_later: FxHashMap<u32, Vec<u32>>,
    /// Bit `id % 64` of every key of `by_later`: most words of a sentence skip the lookup.
    later_bits: u64,
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
    /// Literal word elements besides the anchor, as word ids: one of each must
    /// occur in the sentence, a cheap test before the full match.
    pub required: Vec<Vec<u32>>,
    /// dyad's own syntax: a trailing `+` means the actor stands right there.
    /// (In PETRARCH dictionaries `+` may stand anywhere later in the verb phrase.)
    pub strict_target: bool,
}

/// The frozen lexicon: every word it knows has an id ([`words`]); actor
/// phrases sit in one trie over word ids, verb patterns behind an index on
/// the id of their anchor word.
#[derive(Debug)]
pub struct Lexicon {
    /// Actor entries, one per distinct phrase key (the last added wins).
    pub actors: Vec<ActorEntry>,
    /// Phrase key of each entry, same order as `actors`.
    pub actor_keys: Vec<String>,
    /// Whether each entry must match with its capitals (acronyms, short names).
    case_sensitive: Vec<bool>,
    /// The rule naming each entry in evidence, written the first time the entry is met.
    actor_rules: Vec<std::sync::OnceLock<String>>,
    /// Every word of an actor key or a verb pattern.
    vocab: Vocabulary,
    /// Actor phrase keys as word ids, each naming its entry.
    actor_trie: PhraseTrie,
    /// All verb patterns.
    pub verbs: Vec<VerbPattern>,
    /// Compiled patterns, same order as `verbs`, each filled on first use.
    compiled: Vec<std::sync::OnceLock<Compiled>>,
    /// Per word id: its slot in `anchors`, or [`UNKNOWN`] when no pattern is anchored on it.
    anchor_of: Vec<u32>,
    anchors: Vec<AnchorIndex>,
    /// Per pattern: the [`words::bit`]s of the literal words it needs besides its
    /// anchor (those with no alternative), a test that needs no compiled pattern.
    required_bits: Vec<u128>,
    /// Tells sentences' cached word ids apart from another lexicon's.
    id: u64,
    /// Place name key -> ISO3.
    pub places: HashMap<String, String>,
    /// Discard phrase keys.
    pub discards: Vec<String>,
    /// Problems met while reading the lexicon.
    pub problems: Vec<LexProblem>,
    /// Morphology, kept for learning new verbs at run time.
    pub morph: Morphology,
    /// One-word country and demonym keys of at least [`MIN_MISSPELT`] letters,
    /// with their entries, sorted: the candidates for [`Lexicon::misspelt_country`].
    spellings: Vec<(String, u32)>,
    /// Country name and demonym keys -> ISO3 (see [`Lexicon::shared_place_country`]).
    country_words: HashMap<String, String>,
    /// Place name key -> the other countries that hold a place of that name,
    /// from the qualified entries ("Tripoli, Lebanon", "Valencia, Venezuela").
    shared_places: HashMap<String, Vec<String>>,
}

/// The shortest country name or demonym a one-letter slip is read as: shorter
/// names ("Chad", "Mali", "Iran") sit one letter from too many other words.
pub const MIN_MISSPELT: usize = 7;

/// Whether `a` becomes `b` by one insertion, deletion, substitution or swap
/// of neighbouring letters (and is not `b`).
fn one_edit(a: &[u8], b: &[u8]) -> bool {
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
        std::cmp::Ordering::Equal => ra[1..] == rb[1..] || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..]),
    }
}

impl Lexicon {
    /// dyad's built-in lexicon.
    pub fn builtin() -> Lexicon {
        LexiconBuilder::with_builtin().build()
    }

    fn build(b: LexiconBuilder) -> Lexicon {
        let LexiconBuilder { morph, actors: entries, places, verbs, discards, problems } = b;
        // Start-up is the time to the first event: the actor entries are merged
        // (and the places keyed) on a thread of their own while the verb patterns
        // are indexed. Verb words get their ids first, actor words after.
        let n_entries = entries.len();
        let ((actors, keys, case_sensitive, places), (mut vocab, verb_index)) = std::thread::scope(|sc| {
            let merged = sc.spawn(move || {
                let (actors, keys, cs) = merge_actors(entries);
                let places: HashMap<String, String> = places.into_iter().map(|(p, c)| (crate::text::phrase_key(&p), c)).collect();
                (actors, keys, cs, places)
            });
            // (About two words per actor entry and one per pattern: the built-in lexicon
            // has 10,556 words for 5,072 entries and 8,203 patterns.)
            let mut vocab = Vocabulary::with_capacity(2 * n_entries);
            let index = index_verbs(&verbs, &mut vocab);
            (merged.join().expect("actor merging does not panic"), (vocab, index))
        });
        let VerbIndex { anchor_of, anchors, required_bits } = verb_index;
        let mut actor_trie = PhraseTrie::new();
        for (i, k) in keys.iter().enumerate() {
            let ws: Vec<u32> = k.split(' ').map(|w| vocab.intern(w)).collect();
            actor_trie.insert(ws, i as u32);
        }
        let discards = discards.iter().map(|d| crate::text::phrase_key(d)).filter(|d| !d.is_empty()).collect();
        let compiled = (0..verbs.len()).map(|_| std::sync::OnceLock::new()).collect();
        let actor_rules = (0..actors.len()).map(|_| std::sync::OnceLock::new()).collect();
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut spellings: Vec<(String, u32)> = keys
            .iter()
            .enumerate()
            .filter(|(i, k)| {
                matches!(actors[*i].kind, ActorKind::Country | ActorKind::Demonym)
                    && !k.contains(' ')
                    && k.len() >= MIN_MISSPELT
                    && k.bytes().all(|b| b.is_ascii_lowercase())
            })
            .map(|(i, k)| (k.clone(), i as u32))
            .collect();
        spellings.sort();
        // Country names and demonyms by key, to tell which countries a sentence names.
        let country_words: HashMap<String, String> = keys
            .iter()
            .enumerate()
            .filter(|(i, _)| matches!(actors[*i].kind, ActorKind::Country | ActorKind::Demonym))
            .filter_map(|(i, k)| Some((k.clone(), actors[i].codes.first()?.0.country.clone()?)))
            .collect();
        // "Tripoli , lebanon" qualifies a name another country holds too.
        let mut shared_places: HashMap<String, Vec<String>> = HashMap::new();
        for (k, c) in &places {
            if let Some((head, _)) = k.split_once(" , ") {
                let alts = shared_places.entry(head.to_string()).or_default();
                if !alts.contains(c) {
                    alts.push(c.clone());
                }
            }
        }
        Lexicon {
            spellings,
            country_words,
            shared_places,
            actors,
            actor_keys: keys,
            case_sensitive,
            actor_rules,
            vocab,
            actor_trie,
            verbs,
            compiled,
            anchor_of,
            anchors,
            required_bits,
            id,
            places,
            discards,
            problems,
            morph,
        }
    }

    /// Pattern `ci` prepared for matching (compiled the first time it is asked for).
    pub fn compiled(&self, ci: usize) -> &Compiled {
        self.compiled[ci].get_or_init(|| compile_pattern(ci, &self.verbs[ci], &self.morph, &self.vocab))
    }

    /// The id of a folded word, or [`words::UNKNOWN`] if no phrase or pattern uses it.
    #[inline]
    pub fn word_id(&self, w: &str) -> u32 {
        self.vocab.get(w)
    }

    /// The ids of `words` (see [`Lexicon::word_id`]), into `out`.
    pub fn word_ids(&self, words: &[&str], out: &mut Vec<u32>) {
        out.clear();
        out.extend(words.iter().map(|w| self.vocab.get(w)));
    }

    /// A number telling this lexicon apart from every other built in this process.
    pub fn instance_id(&self) -> u64 {
        self.id
    }

    fn anchor_slot(&self, id: u32) -> Option<&AnchorIndex> {
        match self.anchor_of.get(id as usize) {
            Some(&a) if a != UNKNOWN => Some(&self.anchors[a as usize]),
            _ => None,
        }
    }

    /// Whether some pattern is anchored on the folded word `w` (a verb form of the lexicon).
    pub fn is_anchor(&self, w: &str) -> bool {
        self.is_anchor_id(self.vocab.get(w))
    }

    /// [`Lexicon::is_anchor`] for a word id.
    #[inline]
    pub fn is_anchor_id(&self, id: u32) -> bool {
        self.anchor_slot(id).is_some()
    }

    /// Patterns anchored on the word `ids[0]` that can match the words that
    /// follow it (all given as word ids): those with no later literal word, those
    /// whose next word is `ids[1]`, and those whose first later word occurs
    /// within [`LATER_WINDOW`] words.
    pub fn candidates(&self, ids: &[u32], out: &mut Vec<u32>) {
        out.clear();
        let Some(slot) = ids.first().and_then(|&w| self.anchor_slot(w)) else { return };
        out.extend_from_slice(&slot.any);
        if let Some(v) = ids.get(1).and_then(|n| slot.by_next.get(n)) {
            out.extend_from_slice(v);
        }
        if !slot.by_later.is_empty() {
            let end = ids.len().min(LATER_WINDOW + 1);
            for (k, w) in ids[1..end].iter().enumerate() {
                // A word no pattern uses indexes nothing; most others are not keys here.
                if slot.later_bits & (1 << (w % 64)) == 0 || *w == UNKNOWN {
                    continue;
                }
                // Each word once: a repeated word would add its patterns twice.
                if ids[1..1 + k].contains(w) {
                    continue;
                }
                if let Some(v) = slot.by_later.get(w) {
                    out.extend_from_slice(v);
                }
            }
        }
    }

    /// The [`words::bit`]s pattern `ci` needs among a sentence's [`words::mask_of`]:
    /// if one is missing, the pattern cannot match.
    #[inline]
    pub fn required_bits(&self, ci: usize) -> u128 {
        self.required_bits[ci]
    }

    /// The actor phrases among `ids` (a sentence's word ids), leftmost-longest
    /// and without overlaps: `(first word, one past the last, entry index)`.
    pub fn actor_phrases(&self, ids: &[u32], out: &mut Vec<(usize, usize, u32)>) {
        self.actor_trie.find_all(ids, out);
    }

    /// The one country name or demonym entry that the unknown folded word `w`
    /// is a one-letter slip of ("afganistan", "ethopia"), if exactly one is:
    /// wire copy misspells names, and a misspelt country is still that
    /// country. The first letter must agree and the word be at least
    /// [`MIN_MISSPELT`] letters long.
    pub fn misspelt_country(&self, w: &str) -> Option<usize> {
        if w.len() < MIN_MISSPELT || self.word_id(w) != words::UNKNOWN {
            return None;
        }
        let first = w.as_bytes()[0];
        let from = self.spellings.partition_point(|(k, _)| k.as_bytes()[0] < first);
        let mut hits = self.spellings[from..].iter().take_while(|(k, _)| k.as_bytes()[0] == first).filter(|(k, _)| one_edit(w.as_bytes(), k.as_bytes()));
        let hit = hits.next()?;
        hits.next().is_none().then_some(hit.1 as usize)
    }

    /// The country a place name shared by several countries stands for in a
    /// sentence (its lowercased words), when that is not `default`, the
    /// country its bare name is filed under: the one other holder of the name
    /// ("Tripoli, Lebanon") that the sentence names ("Lebanese", "Lebanon")
    /// while it names no `default`. `None` keeps the default.
    pub fn shared_place_country(&self, key: &str, default: &str, words: &[&str]) -> Option<String> {
        let alts = self.shared_places.get(key)?;
        let mut named: Vec<&str> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let one = self.country_words.get(*w);
            let two = words.get(i + 1).and_then(|n| self.country_words.get(&format!("{w} {n}")));
            for c in one.into_iter().chain(two) {
                if !named.contains(&c.as_str()) {
                    named.push(c);
                }
            }
        }
        if named.contains(&default) {
            return None;
        }
        let mut hits = alts.iter().filter(|a| a.as_str() != default && named.contains(&a.as_str()));
        let hit = hits.next()?;
        hits.next().is_none().then(|| hit.clone())
    }

    /// The rule of actor entry `i` in evidence: ``lexicon ORIGIN `PHRASE` ``
    /// (formatted once per entry, however often it is met).
    pub fn actor_rule(&self, i: usize) -> &str {
        self.actor_rules[i].get_or_init(|| format!("lexicon {} `{}`", self.actors[i].origin, self.actors[i].phrase))
    }

    /// Whether entry `i` must match the text's capitals exactly.
    pub fn is_case_sensitive(&self, i: usize) -> bool {
        self.case_sensitive[i]
    }
}

/// One entry per distinct phrase key, in order of first appearance: later
/// entries replace earlier ones, except that several terms of one office in
/// one file are kept together. Returns the entries, their keys and whether
/// each must match with its capitals.
fn merge_actors(entries: Vec<ActorEntry>) -> (Vec<ActorEntry>, Vec<String>, Vec<bool>) {
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    by_key.reserve(entries.len());
    let mut actors: Vec<ActorEntry> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut case_sensitive = Vec::new();
    for e in entries {
        let key = crate::text::phrase_key(&e.phrase);
        if key.is_empty() {
            continue;
        }
        let mut letters = e.phrase.chars().filter(|c| c.is_alphabetic());
        let acronym = letters.clone().nth(1).is_some() && letters.all(char::is_uppercase) && !e.phrase.contains(' ');
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
    (actors, keys, case_sensitive)
}

/// The verb patterns' index: anchor slots by word id, and each pattern's required-word bits.
struct VerbIndex {
    anchor_of: Vec<u32>,
    anchors: Vec<AnchorIndex>,
    required_bits: Vec<u128>,
}

/// Indexes the patterns by their anchor word, interning every literal word
/// (so that compiling a pattern later needs no new ids). Patterns are indexed
/// now and compiled on first use: most are never met in a given corpus.
fn index_verbs(verbs: &[VerbPattern], vocab: &mut Vocabulary) -> VerbIndex {
    let mut anchor_of: Vec<u32> = Vec::new();
    let mut anchors: Vec<AnchorIndex> = Vec::new();
    let mut required_bits: Vec<u128> = vec![0; verbs.len()];
    // The ids of each element's words: `flat[spans[k].0..spans[k].1]`.
    let mut flat: Vec<u32> = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (ci, p) in verbs.iter().enumerate() {
        flat.clear();
        spans.clear();
        for e in &p.elems {
            let a = flat.len();
            if let PatElem::Verb(ws) | PatElem::Words(ws) = e {
                flat.extend(ws.iter().map(|w| vocab.intern(w)));
            }
            spans.push((a, flat.len()));
        }
        let ids = |k: usize| &flat[spans[k].0..spans[k].1];
        let Some(ai) = anchor_position(&p.elems) else { continue };
        // The words `Compiled::required` will hold, less those with alternatives.
        for (k, e) in p.elems.iter().enumerate() {
            if let (PatElem::Words(ws), false) = (e, k == ai) {
                if ws.len() == 1 {
                    required_bits[ci] |= words::bit(ids(k)[0]);
                }
            }
        }
        let ci = ci as u32;
        if !matches!(&p.elems[ai], PatElem::Verb(_) | PatElem::Words(_)) {
            continue;
        }
        // Second level: the word right after the anchor, when the pattern fixes it,
        // else the first later literal word.
        let next = matches!(p.elems.get(ai + 1), Some(PatElem::Words(_))).then_some(ai + 1);
        let later = (ai + 1..p.elems.len()).find(|&k| matches!(p.elems[k], PatElem::Words(_)));
        for &fid in ids(ai) {
            let f = fid as usize;
            if anchor_of.len() <= f {
                anchor_of.resize(f + 1, UNKNOWN);
            }
            if anchor_of[f] == UNKNOWN {
                anchor_of[f] = anchors.len() as u32;
                anchors.push(AnchorIndex::default());
            }
            let slot = &mut anchors[anchor_of[f] as usize];
            let (table, key) = match (next, later) {
                (Some(k), _) => (&mut slot.by_next, k),
                (None, Some(k)) => (&mut slot.by_later, k),
                (None, None) => {
                    slot.any.push(ci);
                    continue;
                }
            };
            for &wid in ids(key) {
                if next.is_none() {
                    slot.later_bits |= 1 << (wid % 64);
                }
                table.entry(wid).or_default().push(ci);
            }
        }
    }
    VerbIndex { anchor_of, anchors, required_bits }
}

fn same_file(a: &str, b: &str) -> bool {
    a.rsplit_once(':').map(|x| x.0) == b.rsplit_once(':').map(|x| x.0)
}

/// Where a pattern's anchor stands: its verb, or else its first word.
fn anchor_position(elems: &[PatElem]) -> Option<usize> {
    elems.iter().position(|e| matches!(e, PatElem::Verb(_))).or_else(|| elems.iter().position(|e| matches!(e, PatElem::Words(_))))
}

/// Prepares pattern `pi` for matching (see [`anchor_position`]).
fn compile_pattern(pi: usize, p: &VerbPattern, morph: &Morphology, vocab: &Vocabulary) -> Compiled {
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
    let required = before
        .iter()
        .chain(after.iter())
        .filter_map(|e| if let PatElem::Words(w) = e { Some(w.iter().map(|x| vocab.get(x)).collect()) } else { None })
        .collect();
    let strict_target = p.origin.starts_with("builtin:");
    Compiled { pattern: pi, before, anchor, after, weight, participles, verbal, required, strict_target }
}

/// Past participles among a verb's forms: a form that the morphology gives
/// as the participle of some lemma among the forms.
fn participles_of(forms: &[String], morph: &Morphology) -> Vec<String> {
    let mut out = Vec::new();
    for f in forms {
        let pp = morph.participle(f);
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
    fn shared_place_names_follow_the_country_the_sentence_names() {
        // Invented places: the mechanism, not the lexicon, is under test.
        let mut b = LexiconBuilder::new();
        let af = builtin::parse_actors(
            "[countries]\nFRE | Freedonia | Freedonian | Fredville\nSYL | Sylvania | Sylvanian | Sylvan City\n[places]\nSYL | Fredville, Sylvania\n",
            "builtin:test",
        );
        assert!(af.problems.is_empty(), "{:?}", af.problems);
        b.add_actors(af.actors);
        b.add_places(af.places);
        let lex = b.build();
        let cases: &[(&str, Option<&str>)] = &[
            ("clashes in fredville , the sylvanian port", Some("SYL")),
            ("clashes in fredville , sylvania", Some("SYL")),
            ("clashes in fredville", None),
            // Both named: the name keeps its default.
            ("freedonian troops in fredville , the sylvanian port", None),
        ];
        for (text, want) in cases {
            let words: Vec<&str> = text.split(' ').collect();
            assert_eq!(lex.shared_place_country("fredville", "FRE", &words).as_deref(), *want, "{text}");
        }
        assert_eq!(lex.shared_place_country("sylvan city", "SYL", &["freedonia"]), None, "no other holder of the name");
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
    fn phrase_trie_finds_what_the_old_automaton_found() {
        let lex = Lexicon::builtin();
        let text = "The United Nations Security Council and U.S. Secretary of State met Chinese President Xi Jinping, \
                    the Kremlin, NATO troops and the European Union's foreign ministers in New York on Tuesday; \
                    Kazakh police, Iraqi Kurdish rebels and the Palestine Liberation Organization's leader said so.";
        let mut toks = Vec::new();
        crate::text::tokenize(text, 0, text.len(), &mut toks);
        let lower = text.to_ascii_lowercase();
        let words: Vec<&str> = toks.iter().map(|t| &lower[t.start..t.end]).collect();
        let keys: Vec<&str> = lex.actor_keys.iter().map(String::as_str).collect();
        let want = words::tests::by_automaton(&keys, &words);
        let mut ids = Vec::new();
        lex.word_ids(&words, &mut ids);
        let mut got = Vec::new();
        lex.actor_phrases(&ids, &mut got);
        assert!(want.len() >= 10, "{want:?}");
        assert_eq!(got, want);
    }

    #[test]
    fn required_bits_are_those_of_the_compiled_required_words() {
        let lex = Lexicon::builtin();
        for ci in 0..lex.verbs.len() {
            if anchor_position(&lex.verbs[ci].elems).is_none() {
                assert_eq!(lex.required_bits(ci), 0);
                continue;
            }
            let c = lex.compiled(ci);
            let want = c.required.iter().filter(|alts| alts.len() == 1).fold(0u128, |m, alts| m | words::bit(alts[0]));
            assert_eq!(lex.required_bits(ci), want, "{}", lex.verbs[ci].text);
            // A sentence holding the required words passes the test.
            let all: Vec<u32> = c.required.iter().map(|alts| alts[0]).collect();
            assert_eq!(lex.required_bits(ci) & !words::mask_of(&all), 0);
        }
    }

    #[test]
    fn builtin_lexicon_reads_cleanly() {
        let lex = Lexicon::builtin();
        assert!(lex.problems.is_empty(), "{:?}", lex.problems);
        assert!(lex.actors.len() > 3000 && lex.verbs.len() > 1000, "{} actors, {} verbs", lex.actors.len(), lex.verbs.len());
    }
}
