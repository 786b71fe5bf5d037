//! Who is acting?
//!
//! Finds actor mentions in a sentence: lexicon phrases (one leftmost-longest
//! pass of the lexicon's phrase trie over the sentence's word ids), composites ("Kazakh foreign minister",
//! "the government of Freedonia", "Indian and French naval forces"), people
//! introduced with their role ("Jane Roe, the speaker of Freedonia's
//! parliament", "Freedonian envoy Jane Roe") and, within one article, later
//! references to them (surname, "he", "the two sides") and names learned
//! from the text ("the Xyz, or lower house, of ...", "(ACR)").

use crate::lexicon::{ActorCode, ActorKind, Lexicon};
use crate::text::Token;
use crate::time::Date;
use std::collections::HashMap;

/// A resolved actor: its code and how it was reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Country/IGO part and sectors.
    pub code: ActorCode,
    /// A person's name.
    pub name: Option<String>,
    /// The rule or lexicon entry that gave the code.
    pub rule: String,
}

/// An actor mention in a sentence: a token range and the actor(s) it names.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Usually one actor; "the two sides" names two.
    pub actors: Vec<Actor>,
    /// What kind of phrase it is.
    pub kind: ActorKind,
    /// Part of another mention's description (an apposition): never a source or target itself.
    pub absorbed: bool,
    /// Used as a location ("in Beijing"), not as an actor.
    pub place: bool,
}

impl Mention {
    /// An empty mention that allocates nothing, left where one was moved out.
    fn placeholder() -> Mention {
        Mention { start: 0, end: 0, actors: Vec::new(), kind: ActorKind::Sector, absorbed: false, place: false }
    }
}

/// A sentence prepared for coding.
#[derive(Debug)]
pub struct Sentence<'a> {
    /// The article text (all spans point into it).
    pub text: &'a str,
    /// Tokens of the sentence.
    pub toks: Vec<Token>,
    /// Folded word of each token.
    pub words: Vec<&'a str>,
    /// Byte range of the sentence.
    pub span: (usize, usize),
    /// Lexicon word ids of `words` and the lexicon they belong to, looked up on
    /// first use: actor and verb matching share one lookup per word.
    ids: std::cell::OnceCell<(u64, Vec<u32>)>,
}

impl<'a> Sentence<'a> {
    /// Tokenizes `text[span]`; `lower` is the ASCII-lowercased article text.
    pub fn new(text: &'a str, lower: &'a str, span: (usize, usize)) -> Self {
        // About one token per five bytes of news text: room enough that the vector rarely grows.
        let mut toks = Vec::with_capacity((span.1 - span.0) / 4 + 4);
        crate::text::tokenize(text, span.0, span.1, &mut toks);
        let words = toks
            .iter()
            .map(|t| {
                let w = &lower[t.start..t.end];
                if w.starts_with('\u{2019}') {
                    "'s"
                } else {
                    w
                }
            })
            .collect();
        Sentence { text, toks, words, span, ids: std::cell::OnceCell::new() }
    }

    /// The lexicon's ids of the sentence's words (see [`Lexicon::word_id`]).
    pub fn word_ids(&self, lex: &Lexicon) -> std::borrow::Cow<'_, [u32]> {
        let (owner, ids) = self.ids.get_or_init(|| {
            let mut v = Vec::with_capacity(self.words.len());
            lex.word_ids(&self.words, &mut v);
            (lex.instance_id(), v)
        });
        if *owner == lex.instance_id() {
            std::borrow::Cow::Borrowed(ids)
        } else {
            // Coded with a second lexicon: look up again, uncached.
            let mut v = Vec::with_capacity(self.words.len());
            lex.word_ids(&self.words, &mut v);
            std::borrow::Cow::Owned(v)
        }
    }

    /// Original text of tokens `[a, b)`.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        if a >= b {
            return "";
        }
        &self.text[self.toks[a].start..self.toks[b - 1].end]
    }

    /// Byte span of tokens `[a, b)`.
    pub fn byte_span(&self, a: usize, b: usize) -> [usize; 2] {
        [self.toks[a].start, self.toks[b - 1].end]
    }

    /// Word `i`, or "" past the ends.
    pub fn word(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }
}

/// A person met in the article.
#[derive(Debug, Clone)]
struct Person {
    actor: Actor,
}

/// What the coder has learned about an article so far.
#[derive(Debug, Default)]
pub struct DocContext {
    /// The article's reference date, for date-ranged lexicon roles.
    pub date: Option<Date>,
    people: Vec<Person>,
    /// Exact name or surname -> person.
    aliases: HashMap<String, usize>,
    /// Folded phrase -> actor, for names learned from the text.
    learned: HashMap<String, Actor>,
    /// Most recent person mentioned, for "he"/"she".
    pub last_person: Option<usize>,
    /// The article's main pair of countries, for "the two sides".
    pub dyad: Vec<Actor>,
}

/// Modifiers that may stand between a country word and a role ("China's top legislator").
const ROLE_MODIFIERS: &[&str] = &[
    "top",
    "senior",
    "visiting",
    "former",
    "new",
    "acting",
    "deputy",
    "chief",
    "then",
    "outgoing",
    "incoming",
    "interim",
    "caretaker",
    "vice",
    "assistant",
    "junior",
    "high-ranking",
    "ranking",
    "veteran",
    "leading",
    "powerful",
    "peacekeeping",
    "elite",
    "special",
    "riot",
    "border",
    "allied",
    "coalition",
    "local",
    "national",
    "federal",
    "regional",
    "provincial",
    "young",
    "armed",
    "militant",
    "islamist",
    "islamic",
    "muslim",
    "christian",
    "ethnic",
    "hardline",
    "moderate",
    "exiled",
    "jailed",
    "detained",
    "striking",
    "angry",
    "unidentified",
    "suspected",
    "pro-government",
    "anti-government",
    "separatist",
];

/// Words after "the two" that make a reciprocal pair.
const PAIR_NOUNS: &[&str] = &[
    "sides",
    "countries",
    "nations",
    "parties",
    "leaders",
    "governments",
    "states",
    "presidents",
    "ministers",
    "neighbours",
    "neighbors",
    "delegations",
    "heads",
];

/// Capitalized words that never start a personal name.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "on",
    "in",
    "at",
    "and",
    "but",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mr",
    "mrs",
    "ms",
    "dr",
    "his",
    "her",
    "their",
    "its",
    "when",
    "while",
    "after",
    "before",
    "as",
    "if",
    "for",
    "with",
    "by",
    "of",
    "to",
    "from",
    "said",
    "says",
];

/// Capitalized words that mark an institution, plan or place rather than a person.
const NOT_PERSON_WORDS: &[&str] = &[
    "initiative",
    "agenda",
    "committee",
    "council",
    "ministry",
    "office",
    "agency",
    "association",
    "organization",
    "organisation",
    "union",
    "party",
    "front",
    "movement",
    "army",
    "force",
    "forces",
    "bank",
    "fund",
    "group",
    "company",
    "corporation",
    "university",
    "institute",
    "program",
    "programme",
    "plan",
    "strategy",
    "road",
    "belt",
    "day",
    "week",
    "summit",
    "conference",
    "forum",
    "assembly",
    "congress",
    "parliament",
    "court",
    "house",
    "hall",
    "square",
    "street",
    "airport",
    "station",
    "province",
    "state",
    "city",
    "region",
    "river",
    "sea",
    "ocean",
    "island",
    "islands",
    "republic",
    "kingdom",
    "federation",
    "news",
    "times",
    "post",
    "daily",
    "development",
    "security",
    "cooperation",
    "partnership",
    "treaty",
    "agreement",
    "accord",
    "pact",
    "games",
    "olympics",
    "cup",
    "award",
    "prize",
    "center",
    "centre",
    "project",
    "corridor",
    "zone",
    "port",
    "museum",
    "church",
    "mosque",
    "temple",
    "school",
    "hospital",
    "inc",
    "ltd",
    "co",
    "corp",
    "group",
    "media",
    "network",
    "television",
    "radio",
    "tv",
    "authority",
    "commission",
    "department",
    "service",
    "services",
    "police",
    "guard",
    "navy",
];

/// Set lookups for the word lists above, built once: name detection asks them for every capitalized word.
fn not_name(w: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| NOT_NAMES.iter().copied().collect()).contains(w)
}

fn not_person_word(w: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| NOT_PERSON_WORDS.iter().copied().collect()).contains(w)
}

/// Words that may sit inside a personal name without capitals.
const NAME_PARTICLES: &[&str] = &["bin", "al", "el", "de", "van", "von", "der", "da", "di", "du", "ibn", "abu", "la", "le"];

/// Speech verbs: they end an apposition and open reported speech.
pub const SPEECH: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "add",
    "adds",
    "added",
    "note",
    "notes",
    "noted",
    "stress",
    "stresses",
    "stressed",
    "state",
    "stated",
    "announce",
    "announced",
    "announces",
    "declared",
    "emphasized",
    "emphasised",
    "insisted",
    "remarked",
    "explained",
    "reported",
    "reports",
    "according",
];

impl DocContext {
    /// A context for an article with this reference date.
    pub fn new(date: Option<Date>) -> Self {
        DocContext { date, ..Default::default() }
    }

    fn add_person(&mut self, actor: Actor, name: &str) -> usize {
        if let Some(&i) = self.aliases.get(name) {
            // A later, better description refines an earlier bare one.
            if self.people[i].actor.code.country.is_none() && actor.code.country.is_some() {
                self.people[i].actor = actor;
            }
            return i;
        }
        let idx = self.people.len();
        self.people.push(Person { actor });
        self.aliases.insert(name.to_string(), idx);
        let parts: Vec<&str> = name.split_whitespace().collect();
        if parts.len() > 1 {
            let surname = parts[parts.len() - 1];
            self.aliases.entry(surname.to_string()).or_insert(idx);
            // East Asian order: family name first ("Li Zhanshu" -> "Li").
            self.aliases.entry(parts[0].to_string()).or_insert(idx);
        }
        idx
    }

    /// Learns a name for an actor from the text.
    pub fn learn(&mut self, phrase: &str, actor: Actor) {
        let key = crate::text::phrase_key(phrase);
        if !key.is_empty() {
            self.learned.entry(key).or_insert(actor);
        }
    }

    /// Records the article's main pair from a coded event.
    pub fn note_pair(&mut self, a: &ActorCode, b: &ActorCode) {
        if self.dyad.len() >= 2 {
            return;
        }
        for c in [a, b] {
            let Some(country) = &c.country else { continue };
            if !self.dyad.iter().any(|d| d.code.country.as_deref() == Some(country)) && self.dyad.len() < 2 {
                self.dyad.push(Actor { code: ActorCode { country: Some(country.clone()), sectors: vec![] }, name: None, rule: "article dyad".into() });
            }
        }
    }
}

/// The actors a lexicon phrase stands for on `date`: usually one; a dictionary
/// code joined with `/` (`[FRO/BIL/SAM]`) names several acting together.
///
/// `titled`: the phrase follows a role word ("President Obama"), which makes
/// a bare surname met outside its dates the known person all the same.
fn actors_of(lex: &Lexicon, i: usize, date: Option<Date>, titled: bool) -> Vec<Actor> {
    let e = &lex.actors[i];
    let Some(code) = e.codes.iter().find(|(_, r)| r.contains(date)).map(|(c, _)| c) else {
        // A person the built-in lexicon knows in a role, met outside its dates, is
        // still of that country: "President Obama" in a 2000 story is American,
        // though not yet the president. (Loaded dictionaries say for themselves
        // what a name means outside its dates.)
        // Only a full name: a bare surname outside its dates may well be someone else
        // ("Stoltenberg" in a 1987 story is not the later Norwegian), unless a
        // title stands before it: "President Obama" in a 2000-dated story is
        // still the American, and a title with a distinctive surname rarely
        // means a namesake of another country.
        if e.kind == ActorKind::Person && e.origin.starts_with("builtin:") && (e.phrase.contains(' ') || titled) {
            let nearest = e.codes.iter().min_by_key(|(_, r)| distance(r, date)).map(|(c, _)| c);
            if let Some(c) = nearest.filter(|c| c.country.is_some()) {
                let code = ActorCode { country: c.country.clone(), sectors: Vec::new() };
                let rule = format!("lexicon {} `{}`, outside the dates of its role: country only", e.origin, e.phrase);
                return vec![Actor { code, name: Some(e.phrase.clone()), rule }];
            }
        }
        return Vec::new();
    };
    let name = if e.kind == ActorKind::Person { Some(e.phrase.clone()) } else { None };
    let rule = lex.actor_rule(i).to_string();
    match code.country.as_deref() {
        Some(joined) if joined.contains('/') => {
            joined.split('/').map(|c| Actor { code: ActorCode::parse(c), name: name.clone(), rule: rule.clone() }).collect()
        }
        _ => {
            // (The built-in lexicon writes today's states; loaded dictionaries say what they mean.)
            if let Some((pred, why)) =
                code.country.as_deref().filter(|_| e.origin.starts_with("builtin:")).and_then(|c| crate::ontology::predecessor_on(c, date))
            {
                // Juba before 2011 is a Sudanese regional city, not a seat of government.
                let sectors = if e.kind == ActorKind::Metonym { Vec::new() } else { code.sectors.clone() };
                return vec![Actor { code: ActorCode { country: Some(pred.to_string()), sectors }, name, rule: format!("{rule}; {why}") }];
            }
            vec![Actor { code: code.clone(), name, rule }]
        }
    }
}

/// Days between `date` and the range (0 inside it, or with no date).
fn distance(r: &crate::lexicon::DateRange, date: Option<Date>) -> i64 {
    let Some(d) = date else { return 0 };
    let days = |a: Date, b: Date| a.since(b).map_or(i64::MAX, |s| i64::from(s.get_days()).abs());
    match (r.from, r.to) {
        (Some(f), _) if d < f => days(f, d),
        (_, Some(t)) if d > t => days(d, t),
        _ => 0,
    }
}

fn merge_code(country_of: &ActorCode, sectors_of: &[&ActorCode]) -> ActorCode {
    let mut sectors: Vec<String> = country_of.sectors.clone();
    for c in sectors_of {
        for s in &c.sectors {
            if !sectors.contains(s) {
                sectors.push(s.clone());
            }
        }
    }
    // GOV first among the added roles: "GOV LEG" reads as "the legislative branch of
    // government" (the country's own blocks stay in front: `NGO` + `ARN` + `GOV`).
    let own = country_of.sectors.len();
    if let Some(p) = sectors.iter().skip(own).position(|s| s == "GOV") {
        let g = sectors.remove(own + p);
        sectors.insert(own, g);
    }
    ActorCode { country: country_of.country.clone(), sectors }
}

/// Whether the phrase starting at `start` (past a determiner) opens its sentence or clause.
fn opens_clause(s: &Sentence, start: usize) -> bool {
    let mut q = start;
    if q > 0 && matches!(s.words[q - 1], "the" | "a" | "an" | "some" | "many" | "several") {
        q -= 1;
    }
    q == 0 || matches!(s.words[q - 1], "," | ";" | ":" | "--" | "and" | "but" | "that" | "while" | "after" | "when" | "as" | "\"")
}

/// Nouns that a meeting place names ("the Paris accord", "the Geneva talks").
const NAMED_AFTER_VENUE: &[&str] = &[
    "accord",
    "accords",
    "agreement",
    "agreements",
    "pact",
    "treaty",
    "talks",
    "summit",
    "conference",
    "club",
    "process",
    "declaration",
    "protocol",
    "convention",
];

/// Capitalized nouns that end the name of a building, road or landmark ("Europe
/// Bridge", "Peace Square"): a country word before one is part of that name.
const STRUCTURE_NOUNS: &[&str] = &[
    "bridge",
    "square",
    "street",
    "avenue",
    "boulevard",
    "road",
    "highway",
    "hotel",
    "airport",
    "stadium",
    "tower",
    "towers",
    "station",
    "mall",
    "arena",
    "museum",
];

/// Whether the word at token `t` is written right after "anti-" or "pro-".
fn stance_prefix(s: &Sentence, t: usize) -> bool {
    let before = &s.text.as_bytes()[..s.toks[t].start];
    [&b"anti-"[..], &b"pro-"[..]].iter().any(|p| before.len() >= p.len() && before[before.len() - p.len()..].eq_ignore_ascii_case(p))
}

/// Whether an actor's code comes from dyad's built-in lexicon (its rule names
/// the lexicon line it came from).
fn from_builtin(a: &Actor) -> bool {
    a.rule.starts_with("lexicon builtin:")
}

/// Role words that double as adjectives ("official contact", "police custody",
/// "military intelligence" is a role pair and stays).
const ADJECTIVAL_ROLES: &[&str] =
    &["official", "police", "military", "civilian", "rebel", "government", "army", "security", "opposition", "state", "passenger", "employee"];

/// A bare role word used as an adjective: alone, with no country, before a
/// lowercase noun that is not a verb or a function word (the caller checks
/// that no role follows).
fn role_adjective(s: &Sentence, lex: &Lexicon, m: &Mention) -> bool {
    // (dyad's own role words only: a loaded dictionary says for itself what its words mean.)
    if m.kind != ActorKind::Sector || m.end != m.start + 1 || !ADJECTIVAL_ROLES.contains(&s.words[m.start]) || !m.actors.iter().all(from_builtin) {
        return false;
    }
    let Some(next) = s.toks.get(m.end) else { return false };
    let w = s.words[m.end];
    next.word
        && !next.capitalized
        && crate::events::is_plain_word(s, m.end)
        && !w.ends_with("ly")
        // ("military force", "military aid": nouns that are also verbs, read as nouns here.)
        && (!lex.is_anchor(w) || ANCHOR_NOUNS_AFTER_ROLES.contains(&w) || (singular_role_before_base_form(s.words[m.start], w) && !lex.morph.is_irregular_past(w)))
        && !crate::events::is_time_word(w)
        && !matches!(w, "today" | "tonight" | "now" | "here" | "there")
}

/// Whether `role` is a singular count noun and `w` looks like a bare verb
/// form, so that `w` cannot be its verb ("an official document", "an army
/// patrol": the subject would need "documents", "patrols"). Mass and plural
/// roles ("police", "military", "security", "opposition") take bare verbs;
/// the caller rules out irregular pasts ("the government sent").
fn singular_role_before_base_form(role: &str, w: &str) -> bool {
    matches!(role, "official" | "civilian" | "rebel" | "army" | "state" | "passenger" | "government")
        && !(w.ends_with('s') || w.ends_with("ed") || w.ends_with("ing"))
}

/// Nouns after a role adjective ("use military force", "military aid to X")
/// that are also verb anchors but are read as the noun there.
const ANCHOR_NOUNS_AFTER_ROLES: &[&str] = &[
    "force",
    "action",
    "actions",
    "aid",
    "support",
    "assistance",
    "training",
    "exercise",
    "exercises",
    "pressure",
    "threat",
    "threats",
    "intervention",
    "cooperation",
    "ties",
    "presence",
    "buildup",
    "operation",
    "operations",
    "strikes",
    "attack",
    "attacks",
];

/// Whether the capitalized words from token `t` on close a company's name
/// ("International Inc", "Holdings Ltd"): at most four, the last a corporate
/// suffix.
fn opens_company_name(s: &Sentence, t: usize) -> bool {
    company_name_end(s, t).is_some()
}

/// One past the corporate suffix that closes the capitalized words from token
/// `t` on ("Shipbuilding Corp", "Airlines"), if it comes within four words.
fn company_name_end(s: &Sentence, t: usize) -> Option<usize> {
    const SUFFIXES: &[&str] = &[
        "inc",
        "corp",
        "corporation",
        "co",
        "ltd",
        "limited",
        "plc",
        "ag",
        "sa",
        "nv",
        "bv",
        "gmbh",
        "spa",
        "holdings",
        "bancorp",
        "industries",
        "airlines",
        "airways",
    ];
    let mut u = t;
    while u < s.words.len() && u < t + 4 && s.toks[u].word && s.toks[u].capitalized {
        if SUFFIXES.contains(&s.words[u]) {
            return Some(u + 1);
        }
        u += 1;
    }
    None
}

/// Whether a code is a non-state body's (rebels, a party, a movement): it has
/// sectors and none is `GOV`, so its leaders and spokesmen take no `GOV`.
fn is_movement(code: &ActorCode) -> bool {
    !code.sectors.is_empty() && !code.sectors.iter().any(|x| x == "GOV")
}

fn is_countryish(k: ActorKind) -> bool {
    matches!(k, ActorKind::Country | ActorKind::Demonym | ActorKind::Metonym)
}

/// Finds the actor mentions of a sentence, learning names into `ctx` as it goes.
pub fn find_mentions(s: &Sentence, lex: &Lexicon, ctx: &mut DocContext) -> Vec<Mention> {
    let n = s.words.len();
    let mut ms = lexicon_mentions(s, lex, ctx.date);
    places_over_names(s, lex, &mut ms);
    // A capital's name that another country's city shares, in a sentence about
    // that other country ("militias in Tripoli ... the north Lebanese port"), is
    // that city: a place, not the capital's government.
    ms.retain(|m| {
        let shared = m.kind == ActorKind::Metonym
            && m.actors.len() == 1
            && m.actors[0].code.country.as_deref().is_some_and(|c| lex.shared_place_country(&s.words[m.start..m.end].join(" "), c, &s.words).is_some());
        !shared
    });
    // "an anti-Syria journalist", "pro-Russia rebels": a stance, not the country itself.
    ms.retain(|m| !(is_countryish(m.kind) && stance_prefix(s, m.start)));
    // "CPC International Inc", "Commonwealth Edison Co": an organisation's name or
    // acronym opening a company's name is the company, not the organisation. (A
    // company's own name opening its unit's is still that company: "Siemens
    // Information Systems Inc".)
    ms.retain(|m| {
        let business = m.actors.iter().any(|a| a.code.sectors.iter().any(|x| x == "BUS" || x == "MED"));
        !(matches!(m.kind, ActorKind::Organization | ActorKind::Igo) && !business && opens_company_name(s, m.end))
    });
    // "China Shipbuilding Corp", "Malaysia Airlines": a country word or capital
    // opening a company's name is that country's business, not its state; the
    // mention spans the name.
    for q in 0..ms.len() {
        let m = &ms[q];
        if !(is_countryish(m.kind) && !m.place && m.actors.len() == 1) {
            continue;
        }
        let Some(end) = company_name_end(s, m.end) else { continue };
        // ("Malaysian Primary Industries Minister": a ministry's name, not a company's.)
        if ms.iter().any(|o| (o.start >= m.end && o.start < end) || (o.start == end && o.kind == ActorKind::Sector)) {
            continue;
        }
        let a = &m.actors[0];
        let name = s.text[s.toks[m.start].start..s.toks[end - 1].end].to_string();
        let actor = Actor {
            code: ActorCode { country: a.code.country.clone(), sectors: vec!["BUS".into()] },
            name: None,
            rule: format!("{}; opens the company name `{name}`", a.rule),
        };
        ms[q] = Mention { start: m.start, end, actors: vec![actor], kind: ActorKind::Organization, absorbed: m.absorbed, place: false };
    }
    // "British Chancellor of the Exchequer", "the Japanese MITI": a country word
    // right before an institution of that same country is part of its name.
    let mut q = 1;
    while q < ms.len() {
        let (a, b) = (&ms[q - 1], &ms[q]);
        let same = is_countryish(a.kind)
            && !a.place
            && a.end == b.start
            && b.kind == ActorKind::Organization
            && a.actors.len() == 1
            && !b.actors.is_empty()
            && b.actors.iter().all(|x| x.code.country.is_some() && x.code.country == a.actors[0].code.country);
        if same {
            let before = ms[q - 1].actors[0].rule.clone();
            ms[q].start = ms[q - 1].start;
            ms[q].actors.iter_mut().for_each(|x| x.rule = format!("{before} + {}", x.rule));
            ms.remove(q - 1);
        } else {
            q += 1;
        }
    }
    // "the Paris accord", "the Geneva talks": a capital naming an agreement or a
    // meeting held there is no party to it. ("Shultz' Moscow talks" are still his
    // talks in Moscow.)
    ms.retain(|m| {
        !(m.kind == ActorKind::Metonym
            && m.start > 0
            && matches!(s.words[m.start - 1], "the" | "a" | "an")
            && !s.toks.get(m.end).is_some_and(|t| t.capitalized)
            && NAMED_AFTER_VENUE.contains(&s.word(m.end)))
    });
    // "the Europe Bridge", "the Kenya Hotel": a country word opening the name of a
    // structure names neither the country nor a place in it.
    ms.retain(|m| {
        !(matches!(m.kind, ActorKind::Country | ActorKind::Demonym)
            && s.toks.get(m.end).is_some_and(|t| t.capitalized)
            && STRUCTURE_NOUNS.contains(&s.word(m.end)))
    });
    // "a UK-based group", "European-based missiles": where something sits, neither an
    // actor nor the place the story happens.
    ms.retain(|m| !(is_countryish(m.kind) && s.word(m.end) == "-" && s.word(m.end + 1) == "based"));
    // "official contact", "police custody": a role word used as an adjective names no actor.
    // (Before another role it makes a pair: "military police", "government troops".)
    // (After a country word it is that country's: "a Somali army checkpoint".)
    let starts: Vec<usize> = ms.iter().map(|m| m.start).collect();
    let country_ends: Vec<usize> = ms.iter().filter(|m| is_countryish(m.kind)).map(|m| m.end).collect();
    ms.retain(|m| {
        let owned = country_ends.contains(&m.start) || (m.start > 0 && s.words[m.start - 1] == "'s");
        !(role_adjective(s, lex, m) && !starts.contains(&m.end) && !starts.contains(&(m.end + 1)) && !owned)
    });
    // "Tom King", "John Major": a capitalized role word right after a capitalized
    // word outside any phrase is a surname.
    let covered_by = |ms: &[Mention], t: usize| ms.iter().any(|m| m.start <= t && t < m.end);
    let surnames: Vec<usize> = (0..ms.len())
        .filter(|&q| {
            let m = &ms[q];
            m.kind == ActorKind::Sector
                && m.end == m.start + 1
                && s.toks[m.start].capitalized
                && m.start > 0
                && s.toks[m.start - 1].capitalized
                && s.toks[m.start - 1].word
                && !covered_by(&ms, m.start - 1)
                && !NOT_NAMES.contains(&s.words[m.start - 1])
        })
        .collect();
    for q in surnames.into_iter().rev() {
        ms.remove(q);
    }
    // "US $50 million", "U.S. dollars": a currency, not an actor.
    ms.retain(|m| !(matches!(s.word(m.end), "$" | "dollars" | "dollar" | "cents") && m.end == m.start + 1));
    let mut covered = vec![false; n];
    for m in &ms {
        covered[m.start..m.end].iter_mut().for_each(|c| *c = true);
    }
    // Names and phrases learned earlier in the article; pronouns; "the two sides".
    let mut i = 0;
    while i < n {
        if covered[i] {
            i += 1;
            continue;
        }
        if let Some(m) = learned_mention(s, ctx, i, &covered) {
            covered[m.start..m.end].iter_mut().for_each(|c| *c = true);
            i = m.end;
            ms.push(m);
            continue;
        }
        let w = s.words[i];
        if (w == "he" || w == "she") && ctx.last_person.is_some() {
            let p = &ctx.people[ctx.last_person.unwrap_or(0)];
            let mut a = p.actor.clone();
            a.rule = format!("pronoun `{}` -> {}", s.slice(i, i + 1), a.name.clone().unwrap_or_default());
            ms.push(Mention { start: i, end: i + 1, actors: vec![a], kind: ActorKind::Person, absorbed: false, place: false });
        } else if w == "two" && i > 0 && s.words[i - 1] == "the" && PAIR_NOUNS.contains(&s.word(i + 1)) && ctx.dyad.len() == 2 {
            let end = if s.word(i + 1) == "heads" && s.word(i + 2) == "of" { i + 4 } else { i + 2 };
            // "the two presidents" are the two governments; "the two sides" the two countries.
            let sector: &[&str] = match s.word(i + 1) {
                "leaders" | "governments" | "presidents" | "ministers" | "heads" | "delegations" => &["GOV"],
                _ => &[],
            };
            let actors = ctx
                .dyad
                .iter()
                .map(|a| {
                    let mut code = a.code.clone();
                    code.sectors = sector.iter().map(|x| x.to_string()).collect();
                    Actor { code, name: None, rule: format!("`{}` -> article dyad", s.slice(i - 1, end.min(n))) }
                })
                .collect();
            // The pair replaces any lexicon phrase inside it ("heads of state").
            ms.retain(|m| m.end < i || m.start >= end.min(n));
            ms.push(Mention { start: i - 1, end: end.min(n), actors, kind: ActorKind::Country, absorbed: false, place: false });
            i = end;
            continue;
        }
        i += 1;
    }
    ms.sort_by_key(|m| m.start);
    let mut ms = composites(s, lex, ms);
    roles_of_places(s, lex, &mut ms);
    titled_people(s, &mut ms);
    people(s, lex, ctx, &mut ms);
    followers_of_people(s, &mut ms);
    opponents_of(s, &mut ms);
    acronyms(s, ctx, &mut ms);
    for m in ms.iter_mut() {
        // "in Beijing", "at the Kremlin": a location, not an actor.
        let prev = if m.start > 0 { s.words[m.start - 1] } else { "" };
        let prev2 = if m.start > 1 { s.words[m.start - 2] } else { "" };
        let located = matches!(prev, "in" | "at" | "near")
            || (matches!(
                prev,
                "the"
                    | "northern"
                    | "southern"
                    | "eastern"
                    | "western"
                    | "central"
                    | "northeastern"
                    | "northwestern"
                    | "southeastern"
                    | "southwestern"
                    | "neighbouring"
                    | "neighboring"
            ) && matches!(prev2, "in" | "at" | "near"));
        // "the Gulf of Guinea", "the Sea of Japan": a body of water named after a country.
        let water = prev == "of" && matches!(prev2, "gulf" | "bay" | "sea" | "strait" | "straits");
        // "in the east of the Gaza Strip", "on the outskirts of Kabul": a part of a place.
        let before_the = if prev == "the" { prev2 } else { prev };
        let back = if prev == "the" { 3 } else { 2 };
        let part_word = if m.start >= back { s.words[m.start - back] } else { "" };
        let part_of_place = before_the == "of"
            && matches!(
                part_word,
                "north"
                    | "south"
                    | "east"
                    | "west"
                    | "northeast"
                    | "northwest"
                    | "southeast"
                    | "southwest"
                    | "outskirts"
                    | "suburbs"
                    | "centre"
                    | "center"
                    | "heart"
            );
        if matches!(m.kind, ActorKind::Metonym | ActorKind::Country) && (located || water || part_of_place) {
            m.place = true;
        }
    }
    for m in &ms {
        if m.kind == ActorKind::Person && !m.absorbed {
            if let Some(name) = &m.actors[0].name {
                if let Some(&p) = ctx.aliases.get(name.as_str()) {
                    ctx.last_person = Some(p);
                }
            }
        }
    }
    ms
}

/// Whether the words from token `a` on are capitalized wherever the entry's
/// phrase capitalizes them. Only phrases written in natural case say so: an
/// all-capitals dictionary phrase (PETRARCH's `ARMED_ISLAMIC_GROUP`) says
/// nothing about case.
fn proper_as_written(s: &Sentence, a: usize, phrase: &str) -> bool {
    if !phrase.bytes().any(|b| b.is_ascii_lowercase()) {
        return true;
    }
    phrase.split_whitespace().enumerate().all(|(k, w)| !w.starts_with(|c: char| c.is_ascii_uppercase()) || s.toks.get(a + k).is_none_or(|t| t.capitalized))
}

/// "supporters of former President X", "followers of X": people named as a
/// person's following are of that person's country, and the person is not
/// the one acting (the following is).
fn followers_of_people(s: &Sentence, ms: &mut [Mention]) {
    for k in 0..ms.len() {
        let m = &ms[k];
        if m.kind != ActorKind::Sector || m.end != m.start + 1 || !FOLLOWERS.contains(&s.words[m.start]) || s.word(m.end) != "of" {
            continue;
        }
        let after = if matches!(s.word(m.end + 1), "the" | "former" | "ousted" | "exiled" | "jailed" | "late") { m.end + 2 } else { m.end + 1 };
        let Some(p) = ms.iter().position(|q| q.kind == ActorKind::Person && !q.absorbed && (q.start == m.end + 1 || q.start == after)) else { continue };
        // (A person whose country is not yet known passes it on later, with the sentence's.)
        let country = ms[p].actors[0].code.country.clone();
        let why = format!("following of {}", s.slice(ms[p].start, ms[p].end));
        let end = ms[p].end;
        ms[p].absorbed = true;
        let m = &mut ms[k];
        m.end = end;
        for a in m.actors.iter_mut() {
            if country.is_some() {
                a.code.country = country.clone();
            }
            a.rule = format!("{}; {why}", a.rule);
        }
    }
}

/// "opponents of the regime", "critics of President X": people named by what
/// they oppose are that country's opposition, and the opposed actor is not
/// the one acting. Only an opposed government, institution, party or person
/// counts: "critics of Iran's programme" oppose a policy, whose owner says
/// nothing of the critics' country.
fn opponents_of(s: &Sentence, ms: &mut Vec<Mention>) {
    let mut k = 0;
    while k < ms.len() {
        let m = &ms[k];
        let t = m.start;
        let opener = if t >= 2 && s.words[t - 1] == "the" && s.words[t - 2] == "of" {
            t - 2
        } else if t >= 1 && s.words[t - 1] == "of" {
            t - 1
        } else {
            k += 1;
            continue;
        };
        let opposed = matches!(m.kind, ActorKind::Sector | ActorKind::Person | ActorKind::Organization);
        if !opposed || m.place || m.absorbed || opener == 0 || !OPPONENTS.contains(&s.words[opener - 1]) || s.word(m.end) == "'s" {
            k += 1;
            continue;
        }
        let start = opener - 1;
        if ms.iter().any(|q| q.start <= start && start < q.end) {
            k += 1;
            continue;
        }
        let inner = ms.remove(k);
        let country = inner.actors.first().and_then(|a| a.code.country.clone());
        let rule = format!("`{}` -> opposition to {}", s.slice(start, start + 1), s.slice(inner.start, inner.end));
        let actor = Actor { code: ActorCode { country, sectors: vec!["OPP".to_string()] }, name: None, rule };
        ms.insert(k, Mention { start, end: inner.end, actors: vec![actor], kind: ActorKind::Sector, absorbed: false, place: false });
        k += 1;
    }
}

/// Words naming people by what they oppose (see [`opponents_of`]).
const OPPONENTS: &[&str] = &["opponents", "opponent", "critics", "critic", "foes", "detractors"];

/// Words naming a person's following (see [`followers_of_people`]).
const FOLLOWERS: &[&str] = &["supporters", "supporter", "followers", "loyalists", "partisans"];

/// Real names one letter from a country's: Columbia (the District, the
/// river, the university, British Columbia) is not Colombia.
const REAL_LOOKALIKES: &[&str] = &["columbia", "columbian", "columbians"];

fn lexicon_mentions(s: &Sentence, lex: &Lexicon, date: Option<Date>) -> Vec<Mention> {
    let ids = s.word_ids(lex);
    let mut found = Vec::new();
    lex.actor_phrases(&ids, &mut found);
    let mut out = Vec::new();
    for &(a, end, idx) in &found {
        let b = end - 1;
        let idx = idx as usize;
        let written = s.slice(a, b + 1);
        let entry = &lex.actors[idx];
        if lex.is_case_sensitive(idx) {
            if written != entry.phrase {
                continue;
            }
        } else if b == a && written.len() <= 4 && entry.kind != ActorKind::Sector && !s.toks[a].capitalized {
            // Short names ("Chad", "Iran") only when capitalized: "us", "who" are words.
            continue;
        } else if matches!(entry.kind, ActorKind::Organization | ActorKind::Igo)
            && b > a
            && a > 0
            && matches!(s.words[a - 1], "a" | "an")
            && !proper_as_written(s, a, &entry.phrase)
        {
            // "an armed Islamic group" is a description, the "Armed Islamic Group" a name.
            continue;
        }
        // (Only a person's name can be titled; most phrases skip the search.)
        let titled = entry.kind == ActorKind::Person && found.iter().any(|&(_, e2, j)| e2 == a && lex.actors[j as usize].kind == ActorKind::Sector);
        let actors = actors_of(lex, idx, date, titled);
        if actors.is_empty() {
            continue;
        }
        out.push(Mention { start: a, end: b + 1, actors, kind: entry.kind, absorbed: false, place: false });
    }
    // "Afganistan", "Ethopia": a capitalized word no phrase knows, one letter off a country.
    // Not inside a run of capitalized words: there it is a name's part ("Roy
    // Lichtenstein", "Dominick Dunne", "Columbian Chemicals Co").
    let cap_word = |t: usize| s.toks.get(t).is_some_and(|x| x.word && x.capitalized);
    for t in 0..s.words.len() {
        if ids[t] != crate::lexicon::words::UNKNOWN
            || !cap_word(t)
            || (t > 0 && cap_word(t - 1))
            || cap_word(t + 1)
            || REAL_LOOKALIKES.contains(&s.words[t])
            || out.iter().any(|m| m.start <= t && t < m.end)
        {
            continue;
        }
        let Some(idx) = lex.misspelt_country(s.words[t]) else { continue };
        let mut actors = actors_of(lex, idx, date, false);
        for a in actors.iter_mut() {
            a.rule = format!("`{}` read as {} (one letter off)", s.slice(t, t + 1), a.rule);
        }
        if !actors.is_empty() {
            out.push(Mention { start: t, end: t + 1, actors, kind: lex.actors[idx].kind, absorbed: false, place: false });
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

/// "East Jerusalem", "West Bank": a place the lexicon knows whose name holds
/// another country's name or capital is the place's country, not the
/// capital's government ("voting in East Jerusalem" is not about Israel's
/// seat of government).
fn places_over_names(s: &Sentence, lex: &Lexicon, ms: &mut Vec<Mention>) {
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    for m in ms.iter().filter(|m| is_countryish(m.kind)) {
        let countries: Vec<&str> = m.actors.iter().filter_map(|a| a.code.country.as_deref()).collect();
        let over = (m.start.saturating_sub(2)..=m.start).find_map(|a| {
            crate::places::place_name_at(s, lex, a)
                .filter(|(end, c)| *end >= m.end && (a < m.start || *end > m.end) && !countries.contains(&c.as_str()))
                .map(|(end, c)| (a, end, c))
        });
        if let Some(span) = over.filter(|o| !spans.contains(o)) {
            spans.push(span);
        }
    }
    for (a, end, country) in spans {
        let rule = format!("place `{}` ({country}) in the lexicon, over the name inside it", s.slice(a, end));
        ms.retain(|o| o.end <= a || o.start >= end);
        let code = ActorCode { country: Some(country), sectors: Vec::new() };
        ms.push(Mention { start: a, end, actors: vec![Actor { code, name: None, rule }], kind: ActorKind::Country, absorbed: false, place: false });
    }
    ms.sort_by_key(|m| m.start);
}

fn learned_mention(s: &Sentence, ctx: &DocContext, i: usize, covered: &[bool]) -> Option<Mention> {
    if !s.toks[i].capitalized || (ctx.aliases.is_empty() && ctx.learned.is_empty()) {
        return None;
    }
    let n = s.words.len();
    for len in (1..=4.min(n - i)).rev() {
        if covered[i..i + len].iter().any(|&c| c) {
            continue;
        }
        let written = s.slice(i, i + len);
        if let Some(&p) = ctx.aliases.get(written) {
            let mut a = ctx.people[p].actor.clone();
            a.rule = format!("`{written}` -> earlier mention of {}", a.name.clone().unwrap_or_default());
            return Some(Mention { start: i, end: i + len, actors: vec![a], kind: ActorKind::Person, absorbed: false, place: false });
        }
        if ctx.learned.is_empty() {
            continue;
        }
        let key = s.words[i..i + len].join(" ");
        if let Some(a) = ctx.learned.get(&key) {
            let mut a = a.clone();
            a.rule = format!("`{written}` -> {}", a.rule);
            return Some(Mention { start: i, end: i + len, actors: vec![a], kind: ActorKind::Organization, absorbed: false, place: false });
        }
    }
    None
}

/// "Bosnian Serbs", "Iraqi Kurds", "Turkish Kurd refugees": a people named
/// after the country they live in is of that country (CAMEO codes ethnic
/// groups by their state). Two adjacent demonyms become one mention with the
/// first one's country.
fn ethnic_groups(s: &Sentence, ms: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
    for m in ms {
        if let Some(prev) = out.last_mut() {
            if prev.kind == ActorKind::Demonym
                && m.kind == ActorKind::Demonym
                && prev.end == m.start
                && s.toks[m.start].capitalized
                && prev.actors.len() == 1
                && m.actors.len() == 1
                && prev.actors[0].code.country != m.actors[0].code.country
            {
                prev.end = m.end;
                let rule = format!("{} + {}: a people of the first country", prev.actors[0].rule, m.actors[0].rule);
                prev.actors[0].rule = rule;
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// Joins country words and roles into one mention.
fn composites(s: &Sentence, lex: &Lexicon, ms: Vec<Mention>) -> Vec<Mention> {
    let mut ms = prefixed_agents(s, ethnic_groups(s, ms));
    let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
    let mut k = 0;
    while k < ms.len() {
        let m = &ms[k];
        // Country word + ['s] + [modifiers] + role(s): "China's top legislator", "Kazakh Foreign Minister".
        if is_countryish(m.kind) || m.kind == ActorKind::Igo || (m.kind == ActorKind::Organization && m.actors[0].code.country.is_some()) {
            // "Indian and French naval forces": two countries sharing one role.
            if let (Some(m2), Some(r)) = (ms.get(k + 1), ms.get(k + 2)) {
                let link = s.word(m.end);
                if matches!(m.kind, ActorKind::Demonym | ActorKind::Country)
                    && m2.kind == ActorKind::Demonym
                    && (link == "and" || link == ",")
                    && m2.start == m.end + 1
                    && r.kind == ActorKind::Sector
                    && r.start == m2.end
                {
                    for c in [m, m2] {
                        let code = merge_code(&c.actors[0].code, &[&r.actors[0].code]);
                        // The first country keeps its own words so the two stay a coordinated pair.
                        out.push(Mention {
                            start: c.start,
                            end: if std::ptr::eq(c, m) { c.end } else { r.end },
                            actors: vec![Actor { code, name: None, rule: format!("{} + {}", c.actors[0].rule, r.actors[0].rule) }],
                            kind: ActorKind::Sector,
                            absorbed: false,
                            place: false,
                        });
                    }
                    k += 3;
                    continue;
                }
            }
            let mut j = m.end;
            if s.word(j) == "'s" {
                j += 1;
                // "Ithilen's awful and evil minister": after a possessive, plain lowercase
                // adjectives (and "and") may stand before the role.
                let mut q = j;
                while q < j + 4 && is_plain_adjective(s, q) && ms.get(k + 1).is_none_or(|r| r.start != q) {
                    q += 1;
                }
                if q > j && ms.get(k + 1).is_some_and(|r| r.kind == ActorKind::Sector && r.start == q) && s.word(q - 1) != "and" {
                    j = q;
                }
            }
            // "Vietnamese-led forces", "US-led coalition": forces a country leads are its own.
            if s.word(j) == "-" && matches!(s.word(j + 1), "led" | "commanded") && ms.get(k + 1).is_some_and(|r| r.start == j + 2) {
                j += 2;
            }
            let mut mods = 0;
            // A modifier may itself open the role phrase ("top legislator").
            while mods < 2 && ROLE_MODIFIERS.contains(&s.word(j)) && ms.get(k + 1).is_none_or(|r| r.start != j) {
                j += 1;
                mods += 1;
            }
            // Other plain modifiers too, when a role follows them: "French paper workers",
            // "Irish nationalist guerrillas".
            let role_at = |t: usize| ms.get(k + 1).is_some_and(|r| r.kind == ActorKind::Sector && r.start == t);
            if !role_at(j) {
                let mut t = j;
                while t < j + 2 && t < s.words.len() && crate::events::is_member_modifier(s, t) && !lex.is_anchor(s.words[t]) && !role_at(t) {
                    t += 1;
                }
                if t > j && role_at(t) {
                    j = t;
                }
            }
            let mut roles = Vec::new();
            let mut kk = k + 1;
            let mut end = m.end;
            while let Some(r) = ms.get(kk) {
                if r.kind == ActorKind::Sector && r.start == j {
                    roles.push(kk);
                    end = r.end;
                    j = r.end;
                    kk += 1;
                } else {
                    break;
                }
            }
            if !roles.is_empty() {
                let codes: Vec<&ActorCode> = roles.iter().map(|&r| &ms[r].actors[0].code).collect();
                let code = merge_code(&m.actors[0].code, &codes);
                let rule =
                    std::iter::once(m.actors[0].rule.as_str()).chain(roles.iter().map(|&r| ms[r].actors[0].rule.as_str())).collect::<Vec<_>>().join(" + ");
                out.push(Mention {
                    start: m.start,
                    end,
                    actors: vec![Actor { code, name: None, rule }],
                    kind: ActorKind::Sector,
                    absorbed: false,
                    place: false,
                });
                // "Danish media and government": a countryless role joined by "and"
                // shares the country (the list stays coordinated: "and" between them).
                while let Some(r) = ms.get(kk).filter(|r| {
                    r.kind == ActorKind::Sector
                        && r.start == end + 1
                        && s.word(end) == "and"
                        && r.actors.iter().all(|a| a.code.country.is_none() && !a.code.sectors.is_empty())
                        && ms.get(kk + 1).is_none_or(|n| n.start != r.end)
                }) {
                    let code = merge_code(&m.actors[0].code, &[&r.actors[0].code]);
                    let rule = format!("{} + {} (shared)", m.actors[0].rule, r.actors[0].rule);
                    out.push(Mention {
                        start: r.start,
                        end: r.end,
                        actors: vec![Actor { code, name: None, rule }],
                        kind: ActorKind::Sector,
                        absorbed: false,
                        place: false,
                    });
                    end = r.end;
                    kk += 1;
                }
                k = kk;
                continue;
            }
        }
        // "Lawmakers [and officials] in Freedonia and Sylvania welcomed ...": countryless
        // roles opening their clause, then the countries they are in: each role of each.
        if let Some((mentions, next)) = roles_in_countries(s, &ms, k) {
            out.extend(mentions);
            k = next;
            continue;
        }
        // Role(s) + of/for + [the] country or institution: "the government of Freedonia".
        if m.kind == ActorKind::Sector {
            let mut kk = k + 1;
            let mut end = m.end;
            let mut codes = vec![&m.actors[0].code];
            while let Some(r) = ms.get(kk) {
                if r.kind == ActorKind::Sector && r.start == end {
                    codes.push(&r.actors[0].code);
                    end = r.end;
                    kk += 1;
                } else {
                    break;
                }
            }
            let mut j = end;
            // "Soldiers from Freedonia have ...": a role with no country of its own, opening
            // its clause, takes the country it comes from ("withdraw troops from X" does not).
            // Dissidents, refugees and civilians "from" a country are its people wherever the
            // phrase stands ("met dissidents from Myanmar"); others may be leaving a place
            // ("withdraw aid workers from X").
            let civilian = codes.iter().all(|c| !c.sectors.is_empty() && c.sectors.iter().all(|x| matches!(x.as_str(), "OPP" | "REF" | "CVL")));
            let from = s.word(j) == "from" && codes.iter().all(|c| c.country.is_none()) && (opens_clause(s, m.start) || civilian);
            if matches!(s.word(j), "of" | "for") || from {
                j += 1;
                if s.word(j) == "the" {
                    j += 1;
                }
                // "the mayor of the northern West Bank city": modifiers before the country.
                let mut q = j;
                while q < j + 2 && q < s.words.len() && (crate::events::is_member_modifier(s, q) || (s.toks[q].word && s.words[q].contains('-'))) {
                    q += 1;
                }
                if q > j && ms.get(kk).is_some_and(|c| c.start == q) {
                    j = q;
                }
                // "leaders of Egypt's Muslim Brotherhood": the role is the organisation's,
                // which the country only owns.
                if let (Some(c), Some(o)) = (ms.get(kk), ms.get(kk + 1)) {
                    if c.start == j
                        && is_countryish(c.kind)
                        && s.word(c.end) == "'s"
                        && o.start == c.end + 1
                        && o.kind == ActorKind::Organization
                        && o.actors.len() == 1
                        && o.actors[0].code.country.is_some()
                        && o.actors[0].code.country == c.actors[0].code.country
                    {
                        kk += 1;
                        j = o.start;
                    }
                }
                if let Some(c) = ms.get(kk) {
                    // "of the two sides": the pair mention starts at its own "the".
                    if (c.start == j || (c.start + 1 == j && c.actors.len() > 1))
                        && (is_countryish(c.kind) || c.kind == ActorKind::Igo || (c.kind == ActorKind::Organization && c.actors[0].code.country.is_some()))
                    {
                        // "the legislatures of the two sides": one role per side.
                        // "a delegation of Tajik legislators": roles right after the country join too.
                        let mut end = c.end;
                        let mut k2 = kk + 1;
                        while let Some(r) = ms.get(k2).filter(|r| r.kind == ActorKind::Sector && r.start == end) {
                            codes.push(&r.actors[0].code);
                            end = r.end;
                            k2 += 1;
                        }
                        // ("leaders of the Muslim Brotherhood", "a spokesman for the rebels": a
                        // movement's own leaders and spokesmen are no government.)
                        let movement = |ca: &Actor| c.kind == ActorKind::Organization && is_movement(&ca.code);
                        let actors = c
                            .actors
                            .iter()
                            .map(|ca| {
                                let roles: Vec<&ActorCode> = codes.iter().copied().filter(|r| !(movement(ca) && r.sectors == ["GOV"])).collect();
                                Actor { code: merge_code(&ca.code, &roles), name: None, rule: format!("{} of {}", m.actors[0].rule, ca.rule) }
                            })
                            .collect();
                        out.push(Mention { start: m.start, end, actors, kind: ActorKind::Sector, absorbed: false, place: false });
                        k = k2;
                        continue;
                    }
                }
            }
            if kk > k + 1 {
                let code = merge_code(&m.actors[0].code, &codes[1..]);
                out.push(Mention {
                    start: m.start,
                    end,
                    actors: vec![Actor { code, name: None, rule: m.actors[0].rule.clone() }],
                    kind: ActorKind::Sector,
                    absorbed: false,
                    place: false,
                });
                k = kk;
                continue;
            }
        }
        // Taken, not copied: the loop only ever looks at mentions after `k`.
        out.push(std::mem::replace(&mut ms[k], Mention::placeholder()));
        k += 1;
    }
    out
}

/// `ms[k]` a countryless role opening its clause, optionally "and" a second
/// one, then "in" and a list of countries ("A and B", "A, B and C"): one
/// mention per country holding every role there (the first keeps the roles'
/// words, so the list stays a coordinated group), and the index after them.
fn roles_in_countries(s: &Sentence, ms: &[Mention], k: usize) -> Option<(Vec<Mention>, usize)> {
    let countryless = |m: &Mention| m.kind == ActorKind::Sector && m.actors.iter().all(|a| a.code.country.is_none() && !a.code.sectors.is_empty());
    let m = &ms[k];
    // ("officials from A and B" says where they come from wherever it stands.)
    if !countryless(m) || !(opens_clause(s, m.start) || s.word(m.end) == "from") {
        return None;
    }
    let mut roles = vec![m];
    let mut kk = k + 1;
    let mut end = m.end;
    if s.word(end) == "and" {
        if let Some(r) = ms.get(kk).filter(|r| countryless(r) && r.start == end + 1) {
            roles.push(r);
            end = r.end;
            kk += 1;
        }
    }
    if !(s.word(end) == "in" || (s.word(end) == "from" && roles.iter().all(|r| comes_from_place(s, r)))) {
        return None;
    }
    let mut countries: Vec<&Mention> = Vec::new();
    let mut j = end + 1;
    while let Some(c) = ms.get(kk).filter(|c| c.start == j && matches!(c.kind, ActorKind::Country | ActorKind::Demonym)) {
        countries.push(c);
        kk += 1;
        j = c.end + 1;
        let link = s.word(c.end);
        if !(link == "and" || link == "," && s.word(c.end + 1) != "and") {
            break;
        }
        if link == "," && s.word(c.end + 1) == "and" {
            j += 1;
        }
    }
    // A list needs its "and": "lawmakers in A, B" ends at A.
    if countries.len() < 2 {
        return None;
    }
    let last = countries[countries.len() - 1];
    if s.word(last.start - 1) != "and" {
        return None;
    }
    let out = countries
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let actors = roles
                .iter()
                .flat_map(|r| {
                    c.actors.iter().map(|ca| Actor {
                        code: merge_code(&ca.code, &[&r.actors[0].code]),
                        name: None,
                        rule: format!("{} in {}", r.actors[0].rule, ca.rule),
                    })
                })
                .collect();
            Mention { start: if i == 0 { m.start } else { c.start }, end: c.end, actors, kind: ActorKind::Organization, absorbed: false, place: false }
        })
        .collect();
    Some((out, kk))
}

/// "MSF Arnor": a named agent (capitalized, like an organisation's name before
/// its national branch) whose code is written before the country's (`[NGO~]`,
/// kept in the code's country part with no sectors) right before a country
/// gives the combined code `NGOARN`, as PETRARCH writes it: the
/// prefix in the country part, the country's code and sectors after it. The
/// result reads as a country, so roles after it still join ("an MSF Arnor
/// diplomat" -> `NGOARNGOV`).
fn prefixed_agents(s: &Sentence, ms: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
    let mut it = ms.into_iter().peekable();
    while let Some(m) = it.next() {
        let prefix = (m.kind == ActorKind::Sector && m.actors.len() == 1 && m.actors[0].code.sectors.is_empty() && s.toks[m.start].capitalized)
            .then(|| m.actors[0].code.country.clone())
            .flatten();
        if let (Some(p), Some(c)) = (prefix, it.peek()) {
            if c.start == m.end && matches!(c.kind, ActorKind::Country | ActorKind::Demonym) && c.actors.iter().all(|a| a.code.country.is_some()) {
                let c = it.next().expect("peeked");
                let actors = c
                    .actors
                    .iter()
                    .map(|a| {
                        let mut sectors = vec![a.code.country.clone().unwrap_or_default()];
                        sectors.extend(a.code.sectors.iter().cloned());
                        Actor { code: ActorCode { country: Some(p.clone()), sectors }, name: None, rule: format!("{} before {}", m.actors[0].rule, a.rule) }
                    })
                    .collect();
                out.push(Mention { start: m.start, end: c.end, actors, kind: c.kind, absorbed: false, place: false });
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// A lowercase word that may modify a role after a possessive ("awful",
/// "evil"), or the "and" between two such words.
fn is_plain_adjective(s: &Sentence, t: usize) -> bool {
    let w = s.word(t);
    t < s.words.len()
        && s.toks[t].word
        && !s.toks[t].capitalized
        && w.len() > 2
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            w,
            "the"
                | "who"
                | "which"
                | "that"
                | "has"
                | "have"
                | "had"
                | "was"
                | "were"
                | "are"
                | "will"
                | "would"
                | "not"
                | "for"
                | "from"
                | "with"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
        )
        && !SPEECH.contains(&w)
}

/// "President Reagan", "King Hassan of Morocco": a role right before a known
/// person joins the person; "of Country" after a title-only person gives the country.
fn titled_people(s: &Sentence, ms: &mut Vec<Mention>) {
    let mut k = 0;
    while k + 1 < ms.len() {
        let (a, b) = (&ms[k], &ms[k + 1]);
        // A dictionary may code a person with a bare country code, which reads as a
        // country ("ROMENDACIL [BRE]"): right after a role of that country, or of
        // none, such a name is the role's holder ("Bree Prime Minister Romendacil").
        // After a possessive's role ("Ithilen's minister Calimehtar") the name holds the
        // possessor's role whatever its own code: the possessor's country stands.
        let possessed = s.word(a.start + 1) == "'s" || (a.start + 1..a.end).any(|t| s.words[t] == "'s");
        let bare_name = b.kind == ActorKind::Country
            && b.actors.len() == 1
            && b.actors[0].code.sectors.is_empty()
            && s.toks[b.start].capitalized
            && a.actors.len() == 1
            && !a.actors[0].code.sectors.is_empty()
            && (possessed || a.actors[0].code.country.as_ref().is_none_or(|c| Some(c) == b.actors[0].code.country.as_ref()));
        if a.kind == ActorKind::Sector && (b.kind == ActorKind::Person || bare_name) && a.end == b.start && a.actors.len() == 1 {
            let mut person = b.actors[0].clone();
            if person.code.country.is_none() || (bare_name && possessed) {
                person.code.country = a.actors[0].code.country.clone();
            }
            // ("its leader Abdullah Ocalan": a rebel or party leader is no government.)
            let movement = is_movement(&person.code);
            for sec in &a.actors[0].code.sectors {
                let held = person.code.sectors.contains(sec) || (movement && sec == "GOV");
                if !held {
                    person.code.sectors.push(sec.clone());
                }
            }
            person.rule = format!("{} with title {}", person.rule, a.actors[0].rule);
            let start = a.start;
            ms[k + 1].start = start;
            ms[k + 1].actors = vec![person];
            ms.remove(k);
            continue;
        }
        k += 1;
    }
    for k in 0..ms.len() {
        if ms[k].kind == ActorKind::Person && ms[k].actors.len() == 1 && ms[k].actors[0].code.country.is_none() && s.word(ms[k].end) == "of" {
            if let Some(c) = ms.iter().find(|c| c.start == ms[k].end + 1 && is_countryish(c.kind)) {
                let country = c.actors[0].code.country.clone();
                let end = c.end;
                ms[k].actors[0].code.country = country;
                ms[k].end = end;
            }
        }
    }
    // Only the people's spans matter for what a mention may sit inside.
    let people: Vec<(usize, usize)> = ms.iter().filter(|o| o.kind == ActorKind::Person).map(|o| (o.start, o.end)).collect();
    if !people.is_empty() {
        ms.retain(|m| !inside_a_person(m, &people));
    }
}

/// Whether `m`, no person itself, lies strictly inside one of the `people` spans.
fn inside_a_person(m: &Mention, people: &[(usize, usize)]) -> bool {
    m.kind != ActorKind::Person && people.iter().any(|&(s, e)| s <= m.start && m.end <= e && (e - s) > (m.end - m.start))
}

/// A run of capitalized words at `i` that can be a personal name: `(end)`.
fn name_run(s: &Sentence, i: usize, taken: &[bool]) -> Option<usize> {
    let n = s.words.len();
    let mut j = i;
    while j < n && j - i < 5 && !taken[j] && (s.toks[j].word || (s.words[j] == "-" && j > i && s.toks.get(j + 1).is_some_and(|t| t.capitalized))) {
        let w = s.words[j];
        let cap = s.toks[j].capitalized;
        let name_word = cap && !not_name(w) && !w.bytes().all(|b| b.is_ascii_digit());
        let particle = j > i && NAME_PARTICLES.contains(&w) && j + 1 < n && s.toks[j + 1].capitalized;
        if name_word || particle || (j > i && w == "-") {
            j += 1;
        } else {
            break;
        }
    }
    // A name must not be all capitals ("BEIJING") nor contain an institution word ("Initiative").
    (j > i && s.slice(i, j).chars().any(|c| c.is_lowercase()) && !s.words[i..j].iter().any(|w| not_person_word(w))).then_some(j)
}

/// People introduced with a role, before ("Freedonian envoy Jane Roe") or after
/// their name ("Jane Roe, the speaker of the Freedonian parliament").
fn people(s: &Sentence, lex: &Lexicon, ctx: &mut DocContext, ms: &mut Vec<Mention>) {
    let n = s.words.len();
    let mut taken = vec![false; n];
    for m in ms.iter() {
        taken[m.start..m.end].iter_mut().for_each(|c| *c = true);
    }
    let mut k = 0;
    while k < ms.len() {
        // Role then name.
        let m = &ms[k];
        let role_like = m.kind == ActorKind::Sector && m.actors.len() == 1 && m.actors[0].name.is_none() && !m.actors[0].code.sectors.is_empty();
        // A state office named as an institution ("Chancellor of the Exchequer",
        // "Taoiseach") titles a full name after it just as a role word does.
        let office = m.kind == ActorKind::Organization
            && m.actors.len() == 1
            && m.actors[0].code.country.is_some()
            && m.actors[0].code.sectors.iter().any(|x| x == "GOV");
        if (role_like || office) && m.end < n && !taken[m.end] && s.toks[m.end].capitalized && s.toks[m.end].word {
            // (A copy: the loop below rewrites other mentions and this one.)
            let m = m.clone();
            if let Some(e) = name_run(s, m.end, &taken).filter(|&e| role_like || e - m.end >= 2) {
                let name = s.slice(m.end, e).to_string();
                let mut actor = Actor { code: m.actors[0].code.clone(), name: Some(name.clone()), rule: format!("title before name: {}", m.actors[0].rule) };
                let mut end = e;
                // "King Name of Freedonia": the country follows the name.
                if actor.code.country.is_none() && s.word(e) == "of" {
                    let of = ms.iter().position(|o| o.start == e + 1 && is_countryish(o.kind) && o.actors.len() == 1 && o.actors[0].code.country.is_some());
                    if let Some(q) = of {
                        actor.code.country = ms[q].actors[0].code.country.clone();
                        actor.rule = format!("{} + `of` {}", actor.rule, ms[q].actors[0].rule);
                        end = ms[q].end;
                        ms[q].absorbed = true;
                    }
                }
                let p = ctx.add_person(actor.clone(), &name);
                ctx.last_person = Some(p);
                taken[m.end..e].iter_mut().for_each(|c| *c = true);
                ms[k] = Mention { start: m.start, end, actors: vec![actor], kind: ActorKind::Person, absorbed: false, place: false };
            }
        }
        k += 1;
    }
    // Name, then an apposition with a role.
    let mut i = 0;
    while i < n {
        let existing = ms.iter().position(|m| m.start == i && !m.absorbed);
        let (name_end, known) = match existing {
            Some(p) if ms[p].kind == ActorKind::Person => (ms[p].end, Some(p)),
            Some(p) => {
                i = ms[p].end;
                continue;
            }
            None if !taken[i] && s.toks[i].capitalized => match name_run(s, i, &taken) {
                Some(e) if e - i >= 2 => (e, None),
                _ => {
                    i += 1;
                    continue;
                }
            },
            None => {
                i += 1;
                continue;
            }
        };
        if s.word(name_end) != "," {
            i = name_end;
            continue;
        }
        let (ap_start, ap_end) = (name_end + 1, apposition_end(s, lex, name_end + 1));
        // An apposition opens with a description, not a conjunction or a verb.
        let opener = s.word(ap_start);
        if matches!(opener, "and" | "or" | "but" | "who" | "which" | "that" | "while" | "as") || SPEECH.contains(&opener) || lex.is_anchor(opener) {
            i = name_end;
            continue;
        }
        // "Name, a Treasury spokesman said.": the attribution of what Name did, not his role.
        let last_word = (ap_start..ap_end).rev().find(|&t| s.toks[t].word);
        if last_word.is_some_and(|t| SPEECH.contains(&s.words[t])) && ap_end >= n.saturating_sub(1) {
            i = name_end;
            continue;
        }
        let inner: Vec<usize> = (0..ms.len()).filter(|&q| ms[q].start >= ap_start && ms[q].end <= ap_end).collect();
        // The role must come early: "Name, the speaker of ...", not a word far down the clause.
        let has_role = inner.iter().any(|&q| matches!(ms[q].kind, ActorKind::Sector | ActorKind::Organization | ActorKind::Igo) && ms[q].start < ap_start + 8);
        if !has_role || ap_end <= ap_start {
            i = name_end;
            continue;
        }
        // The apposition's country: its first country word, IGO or institution with a country.
        let country = inner.iter().map(|&q| &ms[q]).find(|m| m.actors[0].code.country.is_some() && !m.place).map(|m| m.actors[0].code.clone());
        let role_codes: Vec<ActorCode> = inner.iter().map(|&q| ms[q].actors[0].code.clone()).collect();
        let base = country.clone().unwrap_or(ActorCode { country: None, sectors: vec![] });
        let refs: Vec<&ActorCode> = role_codes.iter().collect();
        let code = merge_code(&ActorCode { country: base.country.clone(), sectors: vec![] }, &refs);
        let ap_text = s.slice(ap_start, ap_end).to_string();
        // Unknown institutions named inside the role ("the Xyz, or lower house, of Freedonia's parliament").
        learn_institutions(s, ctx, &taken, ap_start, ap_end, &code);
        match known {
            Some(p) => {
                let pm = &mut ms[p];
                if pm.actors[0].code.country.is_none() || pm.actors[0].code.sectors.is_empty() {
                    pm.actors[0].code = code.clone();
                    pm.actors[0].rule = format!("{}; role from apposition `{ap_text}`", pm.actors[0].rule);
                    if let Some(name) = pm.actors[0].name.clone() {
                        ctx.add_person(pm.actors[0].clone(), &name);
                    }
                }
            }
            None => {
                let name = s.slice(i, name_end).to_string();
                let actor = Actor { code, name: Some(name.clone()), rule: format!("name with apposition `{ap_text}`") };
                let p = ctx.add_person(actor.clone(), &name);
                ctx.last_person = Some(p);
                ms.push(Mention { start: i, end: name_end, actors: vec![actor], kind: ActorKind::Person, absorbed: false, place: false });
            }
        }
        for q in inner {
            ms[q].absorbed = true;
        }
        i = ap_end;
    }
    ms.sort_by_key(|m| (m.start, m.absorbed));
}

/// Where an apposition opened at `start` ends: before a comma that is
/// followed by a verb, or at the end of the sentence.
fn apposition_end(s: &Sentence, lex: &Lexicon, start: usize) -> usize {
    let n = s.words.len();
    let limit = (start + 30).min(n);
    let mut j = start;
    while j < limit {
        let w = s.words[j];
        if matches!(w, "." | ";" | ":" | "?" | "!" | "--" | "\"") {
            return j;
        }
        if w == "," {
            let nx = s.word(j + 1);
            let nx2 = s.word(j + 2);
            let verbish =
                |x: &str| SPEECH.contains(&x) || lex.is_anchor(x) || matches!(x, "who" | "which" | "has" | "have" | "had" | "is" | "was" | "will" | "would");
            if verbish(nx) || (matches!(nx, "also" | "then" | "later" | "on") && verbish(nx2)) || nx == "and" {
                return j;
            }
        }
        j += 1;
    }
    limit
}

fn learn_institutions(s: &Sentence, ctx: &mut DocContext, taken: &[bool], a: usize, b: usize, code: &ActorCode) {
    if code.country.is_none() {
        return;
    }
    let mut j = a;
    while j < b {
        if s.words[j] == "the" && j + 1 < b && !taken[j + 1] && s.toks[j + 1].capitalized {
            let mut e = j + 1;
            while e < b && !taken[e] && s.toks[e].capitalized && s.toks[e].word {
                e += 1;
            }
            if e > j + 1 {
                let name = s.slice(j + 1, e);
                ctx.learn(name, Actor { code: code.clone(), name: None, rule: format!("institution learned from `{}`", s.slice(a, b)) });
            }
            j = e;
        } else {
            j += 1;
        }
    }
}

/// "National People's Congress (NPC)": the acronym names the same actor from now on.
fn acronyms(s: &Sentence, ctx: &mut DocContext, ms: &mut [Mention]) {
    for m in ms.iter_mut() {
        if s.word(m.end) == "(" && s.word(m.end + 2) == ")" && m.actors.len() == 1 && m.kind != ActorKind::Person {
            let acr = s.slice(m.end + 1, m.end + 2);
            if (2..=8).contains(&acr.len()) && acr.chars().all(|c| c.is_ascii_uppercase()) {
                let mut a = m.actors[0].clone();
                a.rule = format!("acronym defined as `{}`", s.slice(m.start, m.end));
                ctx.learn(acr, a);
                m.end += 3;
            }
        }
    }
}

/// "The government of Sindh province", "police in the city of Xyz": a role with
/// no country of its own, of or in a known place, is of that place's country.
fn roles_of_places(s: &Sentence, lex: &Lexicon, ms: &mut [Mention]) {
    let countries: Vec<(usize, String)> = ms
        .iter()
        .filter(|m| m.kind == ActorKind::Country && m.actors.len() == 1)
        .filter_map(|m| m.actors[0].code.country.clone().map(|c| (m.start, c)))
        .collect();
    for m in ms.iter_mut().filter(|m| m.kind == ActorKind::Sector && !m.place && m.actors.iter().all(|a| a.code.country.is_none())) {
        let mut j = m.end;
        if !(matches!(s.word(j), "of" | "in") || (s.word(j) == "from" && comes_from_place(s, m))) {
            continue;
        }
        j += 1;
        if s.word(j) == "the" {
            j += 1;
        }
        // "the city of", "the northern province of": a head noun and its "of" may come first.
        let mut q = j;
        while q < j + 3 && q < s.words.len() && !s.toks[q].capitalized && (crate::events::is_member_modifier(s, q) || s.words[q] == "of") {
            q += 1;
        }
        let Some((_, country)) = crate::places::place_name_at(s, lex, q).or_else(|| crate::places::place_name_at(s, lex, j)).or_else(|| {
            // "authorities in Croatia": a country named right there.
            countries.iter().find(|(a, _)| *a == j).map(|(_, c)| (j, c.clone()))
        }) else {
            continue;
        };
        let place = s.slice(q, q + 1).to_string();
        for a in &mut m.actors {
            a.code.country = Some(country.clone());
            a.rule = format!("{}; of the place `{place}` ({country})", a.rule);
        }
    }
}

/// Whether "from" after a role-only mention says where its people come from:
/// unarmed roles met "with" someone ("talks with counterparts from Japan").
/// Elsewhere "from" may be where they are taken from ("recalled the
/// ambassador from X", "withdrew troops from Lebanon"), except for a role
/// opening its clause ("Lawmakers from Ontario asked").
fn comes_from_place(s: &Sentence, m: &Mention) -> bool {
    const UNARMED: &[&str] = &["GOV", "LEG", "JUD", "BUS", "LAB", "EDU", "MED", "HLH", "AGR", "ELI", "REL", "CVL"];
    let mut q = m.start;
    if q > 0 && matches!(s.words[q - 1], "the" | "some" | "several" | "their" | "his" | "her" | "its") {
        q -= 1;
    }
    let with = q > 0 && matches!(s.words[q - 1], "with" | "among" | "between");
    (with || opens_clause(s, m.start)) && m.actors.iter().all(|a| !a.code.sectors.is_empty() && a.code.sectors.iter().all(|x| UNARMED.contains(&x.as_str())))
}

/// "Bosnian Serbs said their forces had withdrawn", "Israel strengthened its
/// forces": a role-only mention after a possessive pronoun belongs to the
/// nearest actor before it in the sentence that has a country.
pub fn possessed_roles(s: &Sentence, ms: &mut [Mention]) {
    for i in 0..ms.len() {
        let m = &ms[i];
        if m.start == 0 || !matches!(s.words[m.start - 1], "its" | "their" | "his" | "her") || m.place {
            continue;
        }
        if !m.actors.iter().all(|a| a.code.country.is_none() && !a.code.sectors.is_empty()) {
            continue;
        }
        let owner = ms[..i]
            .iter()
            .rev()
            .filter(|o| !o.place && !o.absorbed && o.end < m.start)
            .find_map(|o| o.actors.iter().find_map(|a| a.code.country.clone().filter(|c| !c.starts_with("IGO") && !c.starts_with("NGO"))));
        let Some(country) = owner else { continue };
        let pronoun = s.words[m.start - 1];
        for a in &mut ms[i].actors {
            a.code.country = Some(country.clone());
            a.rule = format!("{}; `{pronoun}`: of {country}, the actor before it", a.rule);
        }
    }
}

/// "Up to 100 ethnic Albanians demonstrated in Serbia": a people called
/// *ethnic* X is a minority where it lives, not the state X. With a place in
/// the sentence in another country, the mention is of that country; a bare
/// people is civilians (`CVL`), a people with a role keeps the role ("ethnic
/// Albanian guerrillas in Macedonia" = Macedonian rebels).
pub fn ethnic_residents(s: &Sentence, ms: &mut [Mention], country: &str, place: &str) {
    for m in ms.iter_mut().filter(|m| matches!(m.kind, ActorKind::Demonym | ActorKind::Sector) && !m.place && m.start > 0) {
        if s.words[m.start - 1] != "ethnic" {
            continue;
        }
        for a in m.actors.iter_mut().filter(|a| a.code.country.as_deref().is_some_and(|c| c != country && c.len() == 3 && !c.starts_with("IGO"))) {
            let people = a.code.country.replace(country.to_string()).unwrap_or_default();
            if a.code.sectors.is_empty() {
                a.code.sectors.push("CVL".to_string());
            }
            a.rule = format!("{}; ethnic {people} living in `{place}`: of {country}", a.rule);
        }
    }
}

/// Gives role-only mentions ("police", "rebels", "the government") the
/// country where the story happens, noting why in their rule.
pub fn localize_sectors(s: &Sentence, ms: &mut [Mention], country: &str, why: &str) {
    // Role-only actors, including people known only by a role ("transport minister Name").
    // ("private foreign banks", "overseas investors" say they are not the place's.)
    let foreign = |m: &Mention| {
        (m.start.saturating_sub(2)..m.start).any(|t| matches!(s.words[t], "foreign" | "overseas" | "international" | "multinational" | "western"))
    };
    for m in ms.iter_mut().filter(|m| matches!(m.kind, ActorKind::Sector | ActorKind::Person) && !m.place && !foreign(m)) {
        for a in m.actors.iter_mut().filter(|a| a.code.country.is_none() && !a.code.sectors.is_empty()) {
            a.code.country = Some(country.to_string());
            a.rule = format!("{}; {why}", a.rule);
        }
    }
}

/// Rule text of actors made by [`add_new_actors`].
pub const NEW_ACTOR_RULE: &str = "new actor: a phrase no dictionary codes";

/// Adds an uncoded actor for each proper-noun phrase of at most `max_words`
/// words that no mention covers ("Gryffindor's head Minerva McGonagall", "the
/// Ministry of Magic"): capitalized words, joined by "of", a possessive or one
/// lowercase word between capitalized ones, after an optional "the". Weekdays
/// and months are no actors. The actor has no code; its name is the phrase.
pub fn add_new_actors(s: &Sentence, ms: &mut Vec<Mention>, max_words: usize) {
    let n = s.words.len();
    let covered = |t: usize, ms: &[Mention]| ms.iter().any(|m| m.start <= t && t < m.end);
    let cap = |t: usize| t < n && s.toks[t].word && s.toks[t].capitalized && crate::time::weekday(s.words[t]).is_none() && !is_month(s.words[t]);
    let mut found = Vec::new();
    let mut i = 0;
    while i < n {
        let start = i;
        let mut j = if s.words[i] == "the" && !covered(i, ms) { i + 1 } else { i };
        if !cap(j) || covered(j, ms) || (j == 0 && !cap(j + 1) && s.word(j + 1) != "'s") {
            i += 1;
            continue;
        }
        j += 1;
        loop {
            if cap(j) && !covered(j, ms) {
                j += 1;
            } else if matches!(s.word(j), "of" | "'s") && cap(j + 1) && !covered(j + 1, ms) {
                j += 2;
            } else if s.word(j) == "'s" && j + 2 < n && !s.toks[j + 1].capitalized && s.toks[j + 1].word && cap(j + 2) && !covered(j + 2, ms) {
                // "Gryffindor's head Minerva": a role word between names.
                j += 3;
            } else {
                break;
            }
        }
        let words = (start..j).filter(|&t| s.words[t] != "'s").count();
        if words <= max_words && !(start..j).any(|t| covered(t, ms)) {
            let text = s.slice(start, j).to_string();
            let actor = Actor { code: ActorCode { country: None, sectors: vec![] }, name: Some(text), rule: NEW_ACTOR_RULE.to_string() };
            found.push(Mention { start, end: j, actors: vec![actor], kind: ActorKind::Organization, absorbed: false, place: false });
        }
        i = j.max(i + 1);
    }
    ms.extend(found);
    ms.sort_by_key(|m| m.start);
}

/// Whether a (lower-cased) word is a month's full name.
pub(crate) fn is_month(w: &str) -> bool {
    matches!(w, "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october" | "november" | "december")
}

/// Why a role-only actor took [`sole_country`]'s country. A guess, so the
/// events coder does not let it turn an act on that country into a domestic
/// one ("Guerrillas restored ties with <country>").
pub const SOLE_COUNTRY_RULE: &str = "the only country named in the sentence";

/// The one country the sentence's actors name, if they name exactly one.
/// IGOs, NGOs and transnational groups ("Al-Qaeda") name none; a region
/// ("European") counts, so that "European companies" stay European.
pub fn sole_country(ms: &[Mention]) -> Option<String> {
    let mut found: Option<&str> = None;
    for m in ms.iter().filter(|m| !m.absorbed) {
        for a in &m.actors {
            if let Some(c) = a.code.country.as_deref().filter(|c| !crate::ontology::is_international(c)) {
                match found {
                    None => found = Some(c),
                    Some(f) if f != c => return None,
                    _ => {}
                }
            }
        }
    }
    found.map(str::to_string)
}

/// Capitalized word runs that no mention covers: candidate actors the
/// lexicon does not know (for `dyad dict unknown`). A single word at the
/// start of the sentence is skipped, since capitals there prove nothing.
pub fn uncoded_names(s: &Sentence, ms: &[Mention]) -> Vec<(usize, usize)> {
    let n = s.words.len();
    let mut taken = vec![false; n];
    for m in ms {
        taken[m.start..m.end].iter_mut().for_each(|c| *c = true);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if taken[i] || !s.toks[i].capitalized {
            i += 1;
            continue;
        }
        match name_run(s, i, &taken) {
            Some(e) => {
                if e - i >= 2 || i > 0 {
                    out.push((i, e));
                }
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{builtin, LexiconBuilder};

    fn lex() -> Lexicon {
        let mut b = LexiconBuilder::new();
        let af = builtin::parse_actors(
            "[countries]\nFRE | Freedonia | Freedonian | Fredville\n[sectors]\nGOV | foreign minister; government; official\nMIL | troops\nGOV LEG | speaker; parliament; lower house\n[igos]\nIGOUNO | United Nations; UN\n",
            "builtin:t",
        );
        b.add_actors(af.actors);
        b.build()
    }

    fn codes(text: &str, ctx: &mut DocContext) -> Vec<(String, String)> {
        let l = lex();
        let lower = text.to_ascii_lowercase();
        let s = Sentence::new(text, &lower, (0, text.len()));
        find_mentions(&s, &l, ctx)
            .into_iter()
            .filter(|m| !m.absorbed)
            .map(|m| (s.slice(m.start, m.end).to_string(), m.actors.iter().map(|a| a.code.code()).collect::<Vec<_>>().join("+")))
            .collect()
    }

    #[test]
    fn role_words_used_as_adjectives_and_stances() {
        let mut ctx = DocContext::new(None);
        // "official" before a noun is an adjective; before a verb, or joined to a role, an actor.
        assert!(codes("Official contacts resumed.", &mut ctx).is_empty());
        assert_eq!(codes("The official said so.", &mut ctx), [("official".to_string(), "---GOV".to_string())]);
        assert_eq!(codes("Government troops left.", &mut ctx).len(), 1);
        // "anti-X", "pro-X": a stance, not the country.
        assert!(codes("An anti-Freedonia crowd left.", &mut ctx).is_empty());
        assert_eq!(codes("Freedonian troops left.", &mut ctx), [("Freedonian troops".to_string(), "FREMIL".to_string())]);
    }

    #[test]
    fn people_and_learned_names() {
        let mut ctx = DocContext::new(None);
        let got = codes("Talia Vorn, the speaker of the Zemvar, or lower house, of Freedonia's parliament, arrived.", &mut ctx);
        assert_eq!(got, [("Talia Vorn".to_string(), "FREGOVLEG".to_string())]);
        // Surname, learned institution and pronoun in the next sentences.
        assert_eq!(codes("Vorn spoke.", &mut ctx), [("Vorn".to_string(), "FREGOVLEG".to_string())]);
        assert_eq!(codes("The Zemvar agreed.", &mut ctx), [("Zemvar".to_string(), "FREGOVLEG".to_string())]);
        assert_eq!(codes("She left.", &mut ctx), [("She".to_string(), "FREGOVLEG".to_string())]);
    }

    #[test]
    fn composites_and_acronyms() {
        let mut ctx = DocContext::new(None);
        assert_eq!(
            codes("Freedonian Foreign Minister Ola Brandt left.", &mut ctx),
            [("Freedonian Foreign Minister Ola Brandt".to_string(), "FREGOV".to_string())]
        );
        // An unknown body learns nothing from its acronym; its demonym stays a plain mention.
        assert_eq!(codes("The Grand Council of Freedonian Elders (GCFE) met.", &mut ctx), [("Freedonian".to_string(), "FRE".to_string())]);
        assert!(codes("GCFE met.", &mut ctx).is_empty());
        assert_eq!(codes("The United Nations (UNX) met.", &mut ctx), [("United Nations (UNX)".to_string(), "IGOUNO".to_string())]);
        assert_eq!(codes("UNX staff left.", &mut ctx), [("UNX".to_string(), "IGOUNO".to_string())]);
        // Lowercase "us" is a pronoun, not the United States; "un" is not the UN.
        assert!(codes("Tell us about the un plan.", &mut ctx).is_empty());
    }

    #[test]
    fn a_role_opening_its_clause_takes_the_country_it_comes_from() {
        let mut ctx = DocContext::new(None);
        assert_eq!(codes("The foreign minister from Freedonia left.", &mut ctx), [("foreign minister from Freedonia".to_string(), "FREGOV".to_string())]);
        // After a verb, "from" is where something is taken from: no composite.
        let got = codes("They recalled the foreign minister from Freedonia.", &mut ctx);
        assert_eq!(got, [("foreign minister".to_string(), "---GOV".to_string()), ("Freedonia".to_string(), "FRE".to_string())]);
    }

    #[test]
    fn finds_uncoded_names() {
        let l = lex();
        let text = "Freedonia and Ruritania met Otto Blum in Fredville.";
        let lower = text.to_ascii_lowercase();
        let s = Sentence::new(text, &lower, (0, text.len()));
        let mut ctx = DocContext::new(None);
        let ms = find_mentions(&s, &l, &mut ctx);
        let names: Vec<&str> = uncoded_names(&s, &ms).into_iter().map(|(a, b)| s.slice(a, b)).collect();
        assert_eq!(names, ["Ruritania", "Otto Blum"]);
    }

    /// A lexicon of actors and places from `[section]` text, as the built-in one is read.
    fn lexicon_of(text: &str) -> Lexicon {
        let mut b = LexiconBuilder::new();
        let file = builtin::parse_actors(text, "builtin:t");
        b.add_actors(file.actors);
        b.add_places(file.places);
        b.build()
    }

    fn dated_codes(lexicon: &str, text: &str, date: &str) -> Vec<(String, String)> {
        let l = lexicon_of(lexicon);
        let lower = text.to_ascii_lowercase();
        let s = Sentence::new(text, &lower, (0, text.len()));
        let mut ctx = DocContext::new(Some(date.parse().unwrap()));
        find_mentions(&s, &l, &mut ctx)
            .into_iter()
            .filter(|m| !m.absorbed)
            .map(|m| (s.slice(m.start, m.end).to_string(), m.actors.iter().map(|a| a.code.code()).collect::<Vec<_>>().join("+")))
            .collect()
    }

    #[test]
    fn a_titled_surname_outside_its_dates_keeps_its_country() {
        let lexicon = "[countries]\nFRE | Freedonia | Freedonian | Fredville\n[sectors]\nGOV | president\n[people]\nFRE GOV | Talo Brenk; Brenk | 2010-01-01..2014-12-31\n";
        let brenk = |text: &str, date: &str| dated_codes(lexicon, text, date);
        assert_eq!(brenk("Brenk spoke.", "2012-05-01"), [("Brenk".to_string(), "FREGOV".to_string())]);
        // A bare surname out of its dates may be a namesake: nothing.
        assert!(brenk("Brenk spoke.", "2000-01-01").is_empty());
        // With a title it is the known person: the country, and the title's sector.
        assert_eq!(brenk("President Brenk spoke.", "2000-01-01"), [("President Brenk".to_string(), "FREGOV".to_string())]);
    }

    #[test]
    fn a_country_misspelt_by_one_letter_is_still_that_country() {
        let lexicon = "[countries]\nFRE | Freedonia | Freedonian | Fredville\nSYL | Sylvania | Sylvanian | Sylvan City\n";
        let got = |text: &str| dated_codes(lexicon, text, "2020-01-01");
        let fre = |w: &str| vec![(w.to_string(), "FRE".to_string())];
        // A letter dropped, added, changed, or two letters swapped.
        for w in ["Fredonia", "Freedoonia", "Freedomia", "Freedonain"] {
            assert_eq!(got(&format!("The talks with {w} failed.")), fre(w), "{w}");
        }
        // Two letters off, lowercase, or inside a run of capitalized words: no actor.
        for text in ["The talks with Fredomia failed.", "The talks with freedomia failed.", "Jan Freedomia spoke.", "Freedomia Mining Co grew."] {
            assert!(got(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_known_place_outweighs_the_capital_inside_its_name() {
        let lexicon = "[countries]\nFRE | Freedonia | Freedonian | Fredville\nSYL | Sylvania | Sylvanian | Sylvan City\n[places]\nSYL | East Fredville; Fredville Heights\n";
        let got = |text: &str| dated_codes(lexicon, text, "2020-01-01");
        assert_eq!(
            got("Freedonia banned voting in East Fredville."),
            [("Freedonia".to_string(), "FRE".to_string()), ("East Fredville".to_string(), "SYL".to_string())]
        );
        assert_eq!(got("Fredville Heights voted."), [("Fredville Heights".to_string(), "SYL".to_string())]);
        // The capital alone is still the capital.
        assert_eq!(got("Fredville voted."), [("Fredville".to_string(), "FREGOV".to_string())]);
    }

    #[test]
    fn a_transnational_group_names_no_country() {
        let lexicon = "[countries]\nFRE | Freedonia | Freedonian | Fredville\n[organizations]\nIMG REB | Zedist Front\n[sectors]\nGOV | president\n";
        let l = lexicon_of(lexicon);
        let text = "Zedist Front fighters from Freedonia attacked the president.";
        let lower = text.to_ascii_lowercase();
        let s = Sentence::new(text, &lower, (0, text.len()));
        let ms = find_mentions(&s, &l, &mut DocContext::new(None));
        let seen: Vec<_> =
            ms.iter().map(|m| (s.slice(m.start, m.end).to_string(), m.absorbed, m.actors.iter().map(|a| a.code.code()).collect::<Vec<_>>())).collect();
        assert_eq!(sole_country(&ms).as_deref(), Some("FRE"), "{seen:?}");
    }
}
