//! What did they do, and to whom?
//!
//! Matches verb patterns in a sentence, then finds each pattern's source and
//! target among the sentence's actor mentions: pattern slots first, then the
//! grammar a wire sentence mostly follows (subject to the left within the
//! clause, object to the right), with the passive voice, intent and
//! modality, negation, infinitive complements, reported speech, compound and
//! reciprocal actors handled on top.

use crate::actors::{Actor, Mention, Sentence, SPEECH};
use crate::coder::CodeOptions;
use crate::lexicon::{ActorCode, ActorKind, Compiled, Lexicon, PatElem};
use crate::ontology;

/// A verb pattern found in a sentence.
#[derive(Debug, Clone)]
pub struct VerbMatch {
    /// First token of the matched words (slots excluded).
    pub start: usize,
    /// One past the last matched word.
    pub end: usize,
    /// Index into [`Lexicon::compiled`].
    pub compiled: usize,
    /// Mention filling the pattern's source slot.
    pub source_slot: Option<usize>,
    /// Mention filling the pattern's target slot.
    pub target_slot: Option<usize>,
    /// Token where the anchor (verb) stands.
    pub anchor: usize,
}

/// An event found in a sentence, before dates, places and records.
#[derive(Debug, Clone)]
pub struct SentenceEvent {
    /// The acting actor and the token range of its mention.
    pub source: (Actor, usize, usize),
    /// The target and its mention's range, if any.
    pub target: Option<(Actor, usize, usize)>,
    /// Final CAMEO code (after intent adjustments).
    pub code: String,
    /// Token range of the verb phrase.
    pub verb: (usize, usize),
    /// Pattern index in [`Lexicon::verbs`].
    pub pattern: usize,
    /// Adjustments applied (`intent`, `passive`, `reciprocal`, ...).
    pub notes: Vec<String>,
}

const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "both",
    "all",
    "fellow",
    "neighbouring",
    "neighboring",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "several",
    "some",
    "many",
];
/// Nouns whose "that" clause says what someone wants done, which has not happened.
const DEMAND_NOUNS: &[&str] = &[
    "demand",
    "demands",
    "call",
    "calls",
    "request",
    "requests",
    "appeal",
    "appeals",
    "proposal",
    "proposals",
    "insistence",
    "condition",
    "conditions",
    "ultimatum",
];

/// Nouns for a body of people that stand for their members ("a group of X",
/// "a delegation of X", "members of X"): X governs the verb.
const COLLECTIVES: &[&str] = &[
    "group",
    "groups",
    "delegation",
    "delegations",
    "team",
    "teams",
    "number",
    "handful",
    "crowd",
    "crowds",
    "band",
    "bands",
    "contingent",
    "batch",
    "unit",
    "units",
    "squad",
    "squads",
    "column",
    "wave",
    "member",
    "members",
    "majority",
];
const PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "at",
    "from",
    "with",
    "to",
    "for",
    "by",
    "on",
    "against",
    "about",
    "between",
    "among",
    "into",
    "over",
    "under",
    "near",
    "towards",
    "toward",
    "including",
    "like",
    "than",
    "despite",
    "after",
    "before",
    "during",
    "across",
    "through",
    "via",
    "without",
    "within",
    "upon",
    "amid",
];
/// Words that stand before a person's title without a determiner ("ordered
/// former president X to appear").
const PERSON_MODIFIERS: &[&str] = &["former", "ousted", "exiled", "jailed", "outgoing", "deposed", "detained", "imprisoned", "acting", "interim"];
/// Particles of phrasal verbs ("blow up", "shoot down", "cut off"): after a
/// participle they still read as a passive, unlike a preposition ("engaged in").
const PARTICLES: &[&str] = &["up", "down", "off", "out", "away", "back", "over"];

const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s", "am", "get", "got", "gets"];
/// Modals and the auxiliaries "have" and "do": a word after a subject that
/// opens its verb group.
const AUXILIARIES: &[&str] = &["has", "have", "had", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "did", "does", "do"];
const NEGATORS: &[&str] = &[
    "not", "n't", "never", "no", "neither", "nor", "cannot", "refused", "refuses", "refuse", "declined", "declines", "decline", "failed", "fails", "fail",
    "denied", "denies", "deny", "rejected", "rejects", "failing",
];
/// Words that put the following verb in the intent mood ("is ready to work with").
const INTENT: &[&str] = &[
    "will",
    "would",
    "shall",
    "'ll",
    "ready",
    "willing",
    "prepared",
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "hope",
    "hopes",
    "hoped",
    "want",
    "wants",
    "wanted",
    "expect",
    "expects",
    "expected",
    "aim",
    "aims",
    "aimed",
    "may",
    "might",
    "seek",
    "seeks",
    "sought",
    "seeking",
    "wanting",
    "hoping",
    "aiming",
    "intending",
    "pledging",
    "vowing",
    "promising",
    "agree",
    "agrees",
    "agreed",
    "pledge",
    "pledges",
    "pledged",
    "promise",
    "promises",
    "promised",
    "vow",
    "vows",
    "vowed",
    "offer",
    "offers",
    "offered",
    "should",
    "eager",
    "keen",
    "going",
    "wish",
    "wishes",
    "wished",
    "determined",
    "committed",
    "intention",
    "propose",
    "proposed",
    "proposes",
];
const THREAT: &[&str] = &["threaten", "threatens", "threatened", "threatening", "warn", "warns", "warned"];
/// Words between a modal and its verb that do not change the reading.
const ADVERBS: &[&str] = &[
    "also",
    "further",
    "jointly",
    "continue",
    "continues",
    "continued",
    "to",
    "soon",
    "still",
    "again",
    "then",
    "now",
    "firmly",
    "actively",
    "formally",
    "officially",
    "publicly",
    "strongly",
    "immediately",
    "later",
    "eventually",
    "likely",
    "be",
    "have",
    "has",
    "had",
    "is",
    "are",
    "was",
    "were",
    "both",
    "and",
    "fully",
    "closely",
];
/// Roots whose events are symmetric enough to code both ways when two actors act together.
const RECIPROCAL_ROOTS: &[&str] = &["03", "04", "05", "06"];
/// Roots coded without a target when the sentence names none.
const TARGETLESS_ROOTS: &[&str] = &["14", "15"];

/// Sectors that challenge their own state (rebels, insurgents, the opposition,
/// separatists, radicals): their acts on their own country are acts on its state.
const CHALLENGER_SECTORS: &[&str] = &["REB", "OPP", "INS", "SEP", "RAD", "UAF"];

/// Sectors of a country's own society and its challengers: with no country of
/// their own, they belong to the state whose authorities act on them.
const DOMESTIC_SECTORS: &[&str] = &["REB", "OPP", "CRM", "CVL", "MED", "LAB", "EDU", "BUS", "REL", "INS", "SEP", "RAD"];

/// A state's civil authorities (government, police, courts, legislature), not its
/// military, which also acts abroad.
fn domestic_authority(a: &Actor) -> bool {
    let state = a.code.country.as_deref().is_some_and(ontology::is_state);
    state && !a.code.sectors.is_empty() && a.code.sectors.iter().all(|x| matches!(x.as_str(), "GOV" | "COP" | "JUD" | "LEG" | "ELI" | "HLH"))
}

/// A state actor: a country itself or its government, forces, police, courts or
/// legislature (not its civilians, opposition or rebels).
fn state_actor(a: &Actor) -> bool {
    a.code.sectors.is_empty() || a.code.sectors.iter().any(|x| matches!(x.as_str(), "GOV" | "MIL" | "COP" | "JUD" | "LEG" | "ELI" | "SPY"))
}

/// The state of a place named after the verb, in its clause (tokens
/// `from..until`): a country used as a place ("in Peru") or a city, province
/// or region from the lexicon ("in West Darfur"). Returns the target actor,
/// its token range and a note saying where it came from.
fn place_after(s: &Sentence, lex: &Lexicon, ms: &[Mention], from: usize, until: usize, attending: bool) -> Option<(Actor, usize, usize, String)> {
    let state = |c: &str| !ontology::is_region(c) && !c.starts_with("IGO");
    let until = clause_end(s, from, until);
    // ("pushed for a statement at the economic summit in Venice": where a meeting sits
    // is no recipient of what is done there; whoever attends it goes there.)
    let venue = |t: usize| {
        !attending
            && t >= 2
            && s.words[t - 1] == "in"
            && matches!(s.words[t - 2], "summit" | "meeting" | "meetings" | "conference" | "talks" | "session" | "gathering" | "forum")
    };
    let until = (from..until).find(|&t| venue(t)).unwrap_or(until);
    if let Some(p) =
        ms.iter().find(|m| m.place && m.start >= from && m.start < until && m.actors.len() == 1 && m.actors[0].code.country.as_deref().is_some_and(state))
    {
        let t = Actor { code: ActorCode { country: p.actors[0].code.country.clone(), sectors: vec![] }, name: None, rule: p.actors[0].rule.clone() };
        return Some((t, p.start, p.end, format!("the place `{}`", s.slice(p.start, p.end))));
    }
    // Stop at a clause break: "..., relief officials in Nairobi said" is not where the act fell.
    let until = (from..until).find(|&t| is_boundary(s.words[t]) || s.words[t] == ",").unwrap_or(until);
    let (a, b, country) = (from..until).find_map(|t| crate::places::lexicon_place_at(s, lex, t).filter(|(_, b, c)| *b <= until && state(c)))?;
    let t = Actor { code: ActorCode { country: Some(country.clone()), sectors: vec![] }, name: None, rule: format!("place `{}` ({country})", s.slice(a, b)) };
    Some((t, a, b, format!("the place `{}`", s.slice(a, b))))
}

/// Roots whose acts, when no recipient is named, fall on the state where the
/// clause places them ("lifted a curfew in <province>", "imposed a curfew in <city>").
/// Not statements: "said in Geneva" is not said to Switzerland.
const PLACE_TARGET_ROOTS: &[&str] = &["02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "15", "16", "17", "18", "19", "20"];

/// Whether an act of this code with no recipient named falls on the place its
/// clause names. Statements do when they are about something that happened
/// there ("claimed responsibility for an attack in Kenya's capital",
/// "expressed sorrow for the shootings in X"); a plain statement or a
/// refusal to comment does not ("said in Geneva" is not said to Switzerland).
fn place_target_code(code: &str) -> bool {
    PLACE_TARGET_ROOTS.contains(&ontology::root(code)) || (ontology::root(code) == "01" && !matches!(code.get(..3), Some("010" | "011")) && code != "01")
}

const CLAUSE_BREAKS: &[&str] = &[";", ":", "--", "but", "while", "whereas", "although", "though", "because", "since", "\""];

/// Finds the best verb pattern matches in a sentence, left to right, without overlaps.
pub fn match_verbs(s: &Sentence, lex: &Lexicon, ms: &[Mention]) -> Vec<VerbMatch> {
    let n = s.words.len();
    let mut at: Vec<Option<usize>> = vec![None; n];
    let mut ends: Vec<Option<usize>> = vec![None; n + 1];
    for (i, m) in ms.iter().enumerate() {
        // A pattern slot may name a place ("arrive in +"); free search never does.
        if !m.absorbed {
            if at[m.start].is_none() {
                at[m.start] = Some(i);
            }
            ends[m.end] = Some(i);
        }
    }
    let mut in_mention = vec![false; n];
    for m in ms {
        in_mention[m.start..m.end].iter_mut().for_each(|c| *c = true);
    }
    // The sentence's words, to reject patterns whose literal words are absent.
    let ids = s.word_ids(lex);
    let mut present: Vec<u32> = ids.iter().copied().filter(|&w| w != crate::lexicon::words::UNKNOWN).collect();
    present.sort_unstable();
    present.dedup();
    let present_bits = crate::lexicon::words::mask_of(&present);
    let mut cands: Vec<u32> = Vec::new();
    let mut out: Vec<VerbMatch> = Vec::new();
    // Inside a sentence a capitalized word is a name ("the Sovereign State of
    // X"), not a verb; unless the sentence is in title case, as headlines are.
    let words = s.toks.iter().filter(|t| t.word).count();
    let title_case = s.toks.iter().filter(|t| t.word && t.capitalized).count() * 2 > words;
    let mut i = 0;
    while i < n {
        // A word no pattern is anchored on has no candidates: the rest would find none.
        if in_mention[i] || !s.toks[i].word || !lex.is_anchor_id(ids[i]) {
            i += 1;
            continue;
        }
        if is_noun_reading(s, i, &in_mention) || currency_move(s, i) || demonstrates_something(s, i) || attribution_modifier(s, ms, i) {
            i += 1;
            continue;
        }
        let mut best: Option<(u32, usize, VerbMatch)> = None;
        lex.candidates(&ids[i..], &mut cands);
        // "a brief private visit to": a base form after a determiner and modifiers is a
        // noun. Only for loaded dictionaries, whose coders (PETRARCH) code verbs alone; the
        // built-in lexicon keeps such nominal events ("during a surprise visit to X").
        for &ci in &cands {
            // A needed word is missing: rejected before the pattern is even loaded.
            if lex.required_bits(ci as usize) & !present_bits != 0 {
                continue;
            }
            let c = lex.compiled(ci as usize);
            if !c.required.iter().all(|alts| alts.iter().any(|a| present.binary_search(a).is_ok())) {
                continue;
            }
            if !c.strict_target && is_base_form(c, s.words[i]) && determiner_and_modifiers_before(s, i, &in_mention) {
                continue;
            }
            // (Named protests and attacks are still events: "Palestinian riots against X
            // are continuing".)
            if after_demonym_noun(s, ms, i) && !matches!(ontology::root(&lex.verbs[c.pattern].code), "14" | "18" | "19" | "20") {
                continue;
            }
            // ("end-March": a capitalized month after a hyphen is the month too.)
            if c.strict_target
                && c.verbal
                && !title_case
                && i > 0
                && s.toks[i].capitalized
                && (s.toks[i - 1].word || crate::article::month_number(s.words[i]).is_some())
            {
                continue;
            }
            let Some(vm) = try_match(s, c, ci as usize, i, &at, &ends, ms) else { continue };
            if out.last().is_some_and(|p| vm.start < p.end) {
                continue;
            }
            let key = (c.weight, c.pattern);
            if best.as_ref().is_none_or(|(w, p, _)| key > (*w, *p)) {
                best = Some((c.weight, c.pattern, vm));
            }
        }
        match best {
            Some((_, _, vm)) => {
                i = vm.end.max(i + 1);
                out.push(vm);
            }
            None => i += 1,
        }
    }
    out
}

/// "the Taiwan dollar appreciated against the U.S. dollar", "wants the
/// currency to appreciate faster": a currency gaining value, not praise.
fn currency_move(s: &Sentence, i: usize) -> bool {
    const CURRENCIES: &[&str] = &[
        "currency",
        "currencies",
        "dollar",
        "dollars",
        "yen",
        "mark",
        "marks",
        "franc",
        "francs",
        "pound",
        "sterling",
        "won",
        "yuan",
        "renminbi",
        "peso",
        "rupee",
        "rouble",
        "ruble",
        "lira",
        "euro",
        "rand",
        "real",
        "ringgit",
        "baht",
        "rupiah",
        "shekel",
        "dinar",
        "riyal",
        "krona",
        "krone",
        "guilder",
    ];
    let w = s.words[i];
    (w.starts_with("appreciat") || w.starts_with("depreciat"))
        && ((i.saturating_sub(4)..i).any(|t| CURRENCIES.contains(&s.words[t])) || matches!(s.word(i + 1), "against" | "faster" | "further" | "sharply"))
}

/// Whether a release (084) is of things, documents or figures rather than
/// of people, or its word is no verb at all (see the call).
fn released_thing(s: &Sentence, vm: &VerbMatch) -> bool {
    const THINGS: &[&str] = &[
        "tonnes",
        "tons",
        "tonne",
        "ton",
        "barrels",
        "bales",
        "dlrs",
        "dollars",
        "mln",
        "million",
        "billion",
        "pct",
        "figures",
        "figure",
        "data",
        "report",
        "reports",
        "results",
        "statement",
        "details",
        "proposals",
        "proposal",
        "text",
        "document",
        "documents",
        "list",
        "study",
        "findings",
        "funds",
        "stocks",
        "reserves",
        "supplies",
        "wheat",
        "grain",
        "oil",
        "album",
        "film",
        "estimates",
        "forecast",
        "budget",
        "version",
    ];
    const FREE_COMPOUNDS: &[&str] = &[
        "trade",
        "traders",
        "trading",
        "market",
        "markets",
        "elections",
        "election",
        "zone",
        "zones",
        "press",
        "speech",
        "enterprise",
        "world",
        "port",
        "float",
        "flow",
        "rein",
        "kick",
        "agent",
        "agents",
        "of",
        "from",
    ];
    let w = s.words[vm.anchor];
    let prev = if vm.anchor > 0 { s.words[vm.anchor - 1] } else { "" };
    (prev == "press" || prev == "news")
        || (w == "free" && FREE_COMPOUNDS.contains(&s.word(vm.anchor + 1)))
        || THINGS.contains(&prev)
        || (vm.anchor + 1..(vm.anchor + 4).min(s.words.len())).any(|t| THINGS.contains(&s.words[t]))
}

/// Economic quantities a country word may modify (see `subject_in`).
const ECONOMIC_NOUNS: &[&str] = &[
    "rates",
    "rate",
    "prices",
    "price",
    "shares",
    "stocks",
    "yields",
    "bonds",
    "exports",
    "imports",
    "output",
    "production",
    "growth",
    "inflation",
    "currency",
    "economy",
    "markets",
    "market",
    "reserves",
    "earnings",
    "profits",
    "sales",
    "deficit",
    "surplus",
    "debt",
    "interest",
];

/// Verbs of talking about a topic with a partner ("discussed X with Y").
const TALK_VERBS: &[&str] = &["discuss", "negotiat", "talk", "consult", "confer", "review", "debat", "explor", "rais"];

/// Whether the mention starting at `start` is the object of a "with" (after
/// determiners and modifiers: "with allied leaders"), no earlier than `floor`.
fn after_with(s: &Sentence, start: usize, floor: usize) -> bool {
    let mut q = start;
    while q > floor && (DETERMINERS.contains(&s.words[q - 1]) || is_member_modifier(s, q - 1) || s.words[q - 1] == "allied") {
        q -= 1;
    }
    q > floor && s.words[q - 1] == "with"
}

/// ", rescue workers said", ", relief officials said": a verb's word
/// modifying the speaker of a trailing attribution is a noun.
fn attribution_modifier(s: &Sentence, ms: &[Mention], i: usize) -> bool {
    i > 0
        && s.words[i - 1] == ","
        && ms
            .iter()
            .find(|m| m.start == i + 1)
            .is_some_and(|m| SPEECH.contains(&s.word(m.end)) && matches!(s.word(m.end + 1), "." | "" | "on" | "today" | "yesterday"))
}

/// "demonstrated a growing consensus", "demonstrates that": to demonstrate
/// something is to show it; only the intransitive verb is a protest.
fn demonstrates_something(s: &Sentence, i: usize) -> bool {
    s.words[i].starts_with("demonstrat")
        && matches!(s.word(i + 1), "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our" | "this" | "that" | "how" | "what" | "anew")
}

/// "cheated by Japanese promises", "Chilean threats": an -s form right after a
/// demonym is a plural noun, since a demonym before a verb is a plural people
/// ("the Japanese promise") or an adjective, and neither takes a verb in -s.
fn after_demonym_noun(s: &Sentence, ms: &[Mention], i: usize) -> bool {
    let w = s.words[i];
    w.ends_with('s') && !w.ends_with("ss") && ms.iter().any(|m| m.end == i && m.kind == ActorKind::Demonym && !m.absorbed)
}

/// "the meeting", "an informal meeting", "the final status talks": an -ing or
/// -s form after a determiner (with at most two words between, none an actor)
/// is a noun, not a verb.
fn is_noun_reading(s: &Sentence, i: usize, in_mention: &[bool]) -> bool {
    let w = s.words[i];
    if i == 0 {
        return false;
    }
    // Written against a slash it is one of a pair of nouns ("supply/demand
    // data", "import/export figures"); "supply and demand" is the same pair.
    let (start, end) = (s.toks[i].start, s.toks[i].end);
    if s.text.as_bytes().get(start.wrapping_sub(1)) == Some(&b'/') || s.text.as_bytes().get(end) == Some(&b'/') {
        return true;
    }
    if matches!(w, "demand" | "demands") {
        // "stimulate domestic demand", "weak consumer demand": the market's demand.
        let market_modifier = matches!(
            s.words[i - 1],
            "domestic"
                | "consumer"
                | "internal"
                | "external"
                | "export"
                | "import"
                | "world"
                | "global"
                | "strong"
                | "weak"
                | "weaker"
                | "stronger"
                | "firm"
                | "aggregate"
                | "seasonal"
        );
        let supply_and = s.words[i - 1] == "and" && i >= 2 && s.words[i - 2] == "supply";
        // "the export demand of the United States", "demand for rice": the verb takes
        // its object or "that", never "of" or "for".
        if matches!(s.word(i + 1), "of" | "for") || (w == "demand" && (market_modifier || supply_and)) {
            return true;
        }
    }
    // "a rise in imports from", "mexican oil exports to japan": trade figures. The verb
    // follows its subject directly ("Chile exports copper", "it imports"), or an
    // adverb or auxiliary after it.
    if matches!(w, "imports" | "exports") && (s.words[i - 1] == "'s" || (s.toks[i - 1].word && !s.toks[i - 1].capitalized && !in_mention[i - 1])) {
        let prev = s.words[i - 1];
        let verbal = matches!(prev, "it" | "he" | "she" | "which" | "that" | "who" | "also" | "now" | "still" | "already" | "currently" | "mainly" | "only");
        if !verbal {
            return true;
        }
    }
    // "said talks were stalled", "expects exports to double": an -s form right after
    // a finite speech or expectation verb is the subject of what follows.
    if w.ends_with('s')
        && (SPEECH.contains(&s.words[i - 1])
            || matches!(s.words[i - 1], "expects" | "expected" | "hopes" | "hoped" | "fears" | "feared" | "believes" | "believed"))
    {
        return true;
    }
    // After a degree adverb it is an adjective or adverb: "very close to the border".
    if matches!(s.words[i - 1], "very" | "quite") {
        return true;
    }
    // Right after a determiner any form is a noun or adjective: "a visit", "the besieged town".
    if matches!(s.words[i - 1], "the" | "a" | "an" | "this" | "these" | "those" | "their" | "its" | "his" | "her" | "our" | "'s") && !in_mention[i - 1] {
        return true;
    }
    if !(w.ends_with("ing") || w.ends_with('s')) {
        return false;
    }
    // "issued a declaration demanding that": an -ing right after a noun of speech or
    // writing is a participle, not the noun of "an informal meeting".
    if w.ends_with("ing")
        && (["tion", "sion", "ment"].iter().any(|x| s.words[i - 1].ends_with(x))
            || matches!(s.words[i - 1], "letter" | "note" | "message" | "communique" | "report" | "petition" | "motion"))
    {
        return false;
    }
    for back in 1..=3 {
        if back > i {
            return false;
        }
        let t = i - back;
        if in_mention[t] || !s.toks[t].word {
            return false;
        }
        let x = s.words[t];
        if matches!(x, "the" | "a" | "an" | "this" | "that" | "these" | "those" | "their" | "its" | "his" | "her" | "our" | "'s" | "first" | "further" | "new")
        {
            return true;
        }
        if BE.contains(&x) || matches!(x, "will" | "would" | "to" | "and" | "has" | "have" | "had") {
            return false;
        }
    }
    false
}

/// Whether one to three modifier words, led by a determiner, stand right before
/// token `i` ("a brief private", "the new"): lowercase words outside any
/// mention, none a plural noun (ending in -s), auxiliary, adverb or connective.
fn determiner_and_modifiers_before(s: &Sentence, i: usize, in_mention: &[bool]) -> bool {
    for back in 1..=4 {
        if back > i {
            return false;
        }
        let t = i - back;
        if in_mention[t] || !s.toks[t].word || s.toks[t].capitalized {
            return false;
        }
        let x = s.words[t];
        if back > 1 && matches!(x, "a" | "an" | "the" | "this" | "their" | "its" | "his" | "her" | "our") {
            return true;
        }
        if x.ends_with('s')
            || x.ends_with("ly")
            || x.ends_with("n't")
            || is_number(x)
            || BE.contains(&x)
            || NEGATORS.contains(&x)
            || INTENT.contains(&x)
            || ADVERBS.contains(&x)
            || PREPOSITIONS.contains(&x)
            || SUBORDINATORS.contains(&x)
            || matches!(x, "do" | "did" | "can" | "could" | "may" | "might" | "must" | "or" | "that" | "who" | "which" | "first" | "then")
        {
            return false;
        }
    }
    false
}

/// Whether `w` is the base form of the pattern's verb: its third person is
/// among the forms, and it is no participle ("hit", "put" may be past tense).
fn is_base_form(c: &Compiled, w: &str) -> bool {
    let PatElem::Verb(forms) = &c.anchor else { return false };
    if c.participles.iter().any(|p| p == w) {
        return false;
    }
    forms.iter().any(|f| {
        f.len() > w.len() && f.starts_with(w) && matches!(&f[w.len()..], "s" | "es")
            || w.ends_with('y') && f.len() == w.len() + 2 && f.starts_with(&w[..w.len() - 1]) && f.ends_with("ies")
    })
}

fn try_match(s: &Sentence, c: &Compiled, ci: usize, i: usize, at: &[Option<usize>], ends: &[Option<usize>], ms: &[Mention]) -> Option<VerbMatch> {
    let mut vm = VerbMatch { start: i, end: i + 1, compiled: ci, source_slot: None, target_slot: None, anchor: i };
    let fwd = match_fwd(s, &c.after, 0, i + 1, at, ms, &mut vm)?;
    // A one-word pattern ("back +") must see its actor: alone the word is too ambiguous.
    if c.strict_target
        && c.weight == 1
        && vm.target_slot.is_none()
        && matches!(c.after.last(), Some(PatElem::Target))
        && !matches!(s.word(fwd), "by" | "yesterday" | "today")
    {
        return None;
    }
    vm.end = fwd;
    let back = match_back(s, &c.before, 0, i as isize - 1, ends, ms, &mut vm)?;
    vm.start = (back + 1) as usize;
    // Slots are not part of the verb phrase.
    if let Some(t) = vm.source_slot {
        if ms[t].end <= i {
            vm.start = vm.start.max(ms[t].end);
        }
    }
    if let Some(t) = vm.target_slot {
        if ms[t].start >= vm.start && ms[t].end >= vm.end {
            vm.end = vm.end.min(ms[t].start).max(i + 1);
        }
    }
    // Determiners before a target slot are not part of the verb phrase.
    while vm.end > i + 1 && DETERMINERS.contains(&s.words[vm.end - 1]) {
        vm.end -= 1;
    }
    Some(vm)
}

/// Matches `els[k..]` forward from token `p`; returns the end position.
fn match_fwd(s: &Sentence, els: &[PatElem], k: usize, p: usize, at: &[Option<usize>], ms: &[Mention], vm: &mut VerbMatch) -> Option<usize> {
    let n = s.words.len();
    if k == els.len() {
        return Some(p);
    }
    match &els[k] {
        PatElem::Words(alts) | PatElem::Verb(alts) => {
            // "agreed on Wednesday that": a preposition opening a time phrase is not
            // the pattern's ("agree on").
            let time_phrase = matches!(s.words.get(p), Some(&("on" | "in" | "at" | "by"))) && starts_time_phrase(s.word(p + 1));
            if p < n && alts.iter().any(|a| a == s.words[p]) && !time_phrase {
                match_fwd(s, els, k + 1, p + 1, at, ms, vm)
            } else {
                None
            }
        }
        PatElem::Gap(g) => gap_fwd(s, els, k, p, 0..=*g as usize, at, ms, vm),
        PatElem::Skip(min, max) => {
            // Determiners opening the skipped phrase do not count towards its minimum.
            let mut q = p;
            while q < n && DETERMINERS.contains(&s.words[q]) {
                q += 1;
            }
            let lead = q - p;
            gap_fwd(s, els, k, p, (lead + *min as usize)..=(lead + *max as usize), at, ms, vm)
        }
        PatElem::Target | PatElem::Source => {
            // Skip determiners, unless a mention starts with one ("The Philippines", "The Hague").
            let mut q = p;
            while q < n && at[q].is_none() && DETERMINERS.contains(&s.words[q]) {
                q += 1;
            }
            // After a determiner, one or two adjectives may stand before the actor:
            // "helped the two exiled dissidents", "freed the jailed activists".
            if q < n && (q > p || PERSON_MODIFIERS.contains(&s.words[q])) && at[q].is_none() {
                let mut r = q;
                while r < (q + 2).min(n) && at[r].is_none() && is_plain_word(s, r) && !s.words[r].ends_with("ly") {
                    r += 1;
                }
                // (Not a country word modifying a noun: "welcomed the first U.S. night session".)
                let heads = |mi: usize| {
                    let e = ms[mi].end;
                    let has_role = ms[mi].actors.iter().any(|a| !a.code.sectors.is_empty());
                    !(e < n && s.toks[e].word && (s.toks[e].capitalized || (!has_role && is_plain_word(s, e))))
                };
                if r > q && at.get(r).copied().flatten().is_some_and(heads) {
                    q = r;
                }
            }
            match at.get(q).copied().flatten() {
                Some(mi) => {
                    if matches!(els[k], PatElem::Target) {
                        vm.target_slot = Some(mi);
                    } else {
                        vm.source_slot = Some(mi);
                    }
                    // A coordinated group fills the slot as a whole ("urged A and B to").
                    let e = group(s, ms, mi, false).last().map(|&l| ms[l].end).unwrap_or(ms[mi].end);
                    match_fwd(s, els, k + 1, e, at, ms, vm)
                }
                // A trailing target slot may be empty: the object is found by the clause rules.
                None if k + 1 == els.len() && matches!(els[k], PatElem::Target) => Some(p),
                None => None,
            }
        }
    }
}

/// Tries the rest of the pattern after skipping each number of words in
/// `skips`, fewest first. A gap never jumps over a clause break. It may enter an
/// actor mention, so that "released .. prisoners" matches "released 32
/// Armenian prisoners".
#[allow(clippy::too_many_arguments)]
fn gap_fwd(
    s: &Sentence,
    els: &[PatElem],
    k: usize,
    p: usize,
    skips: std::ops::RangeInclusive<usize>,
    at: &[Option<usize>],
    ms: &[Mention],
    vm: &mut VerbMatch,
) -> Option<usize> {
    for skip in skips {
        if p + skip > s.words.len() {
            break;
        }
        if skip > 0 {
            let q = p + skip - 1;
            if CLAUSE_BREAKS.contains(&s.words[q]) || s.words[q] == "," || s.words[q] == "." {
                break;
            }
            // Nor into a second verb: "a wage increase and allowed trade unions to".
            if matches!(s.words[q], "and" | "or") && s.word(q + 1).ends_with("ed") && s.toks.get(q + 1).is_some_and(|t| !t.capitalized) {
                break;
            }
        }
        let saved = (vm.source_slot, vm.target_slot);
        if let Some(e) = match_fwd(s, els, k + 1, p + skip, at, ms, vm) {
            return Some(e);
        }
        (vm.source_slot, vm.target_slot) = saved;
    }
    None
}

/// Matches `els[k..]` backward from token `p` (inclusive); returns the last position left unmatched.
fn match_back(s: &Sentence, els: &[PatElem], k: usize, p: isize, ends: &[Option<usize>], ms: &[Mention], vm: &mut VerbMatch) -> Option<isize> {
    if k == els.len() {
        return Some(p);
    }
    match &els[k] {
        PatElem::Words(alts) | PatElem::Verb(alts) => {
            if p >= 0 && alts.iter().any(|a| a == s.words[p as usize]) {
                match_back(s, els, k + 1, p - 1, ends, ms, vm)
            } else {
                None
            }
        }
        PatElem::Gap(_) | PatElem::Skip(..) => {
            let (lo, hi) = match &els[k] {
                PatElem::Skip(a, b) => (*a as isize, *b as isize),
                PatElem::Gap(g) => (0, *g as isize),
                _ => unreachable!("matched above"),
            };
            for skip in lo..=hi {
                if p - skip < -1 {
                    break;
                }
                if let Some(e) = match_back(s, els, k + 1, p - skip, ends, ms, vm) {
                    return Some(e);
                }
            }
            None
        }
        PatElem::Target | PatElem::Source => {
            let mi = ends.get((p + 1) as usize).copied().flatten()?;
            if matches!(els[k], PatElem::Target) {
                vm.target_slot = Some(mi);
            } else {
                vm.source_slot = Some(mi);
            }
            match_back(s, els, k + 1, ms[mi].start as isize - 1, ends, ms, vm)
        }
    }
}

/// Mentions usable as actors (not absorbed in an apposition, not a location).
fn usable(m: &Mention) -> bool {
    !m.absorbed && !m.place
}

/// Extends a mention to its coordinated group ("Britain and France").
fn group(s: &Sentence, ms: &[Mention], mi: usize, leftward: bool) -> Vec<usize> {
    // Tokens between two mentions that make them one compound actor: (joins, is a final "and").
    // The next member may carry a determiner and modifiers of its own ("A and the
    // embattled B", "A, the awful B, and good C").
    let joiner = |a: usize, mut b: usize| -> Option<bool> {
        let mut mods = 0;
        while b > a + 1 && mods < 3 && is_member_modifier(s, b - 1) {
            b -= 1;
            mods += 1;
        }
        if b > a + 1 && s.words[b - 1] == "the" {
            b -= 1;
        }
        let w: Vec<&str> = (a..b).map(|t| s.words[t]).collect();
        match w.as_slice() {
            ["and"] | [",", "and"] | ["as", "well", "as"] | [",", "as", "well", "as"] | ["&"] | ["nor"] => Some(true),
            [","] => Some(false),
            // "A, B, and with strings attached, C": an aside inside the closing "and".
            [",", "and", mid @ .., ","] if (1..=4).contains(&mid.len()) && mid.iter().all(|w| !is_boundary(w) && *w != ",") => Some(true),
            _ => None,
        }
    };
    // Chain of (mention, joiner-is-final-and) walking away from `mi`.
    let mut chain: Vec<(usize, bool)> = Vec::new();
    let mut cur = mi;
    loop {
        let next = if leftward {
            ms.iter().enumerate().filter(|(_, m)| usable(m) && m.end <= ms[cur].start).max_by_key(|(_, m)| m.end).map(|(i, _)| i)
        } else {
            ms.iter().enumerate().filter(|(_, m)| usable(m) && m.start >= ms[cur].end).min_by_key(|(_, m)| m.start).map(|(i, _)| i)
        };
        let Some(nx) = next else { break };
        let j = if leftward { joiner(ms[nx].end, ms[cur].start) } else { joiner(ms[cur].end, ms[nx].start) };
        let Some(is_and) = j else { break };
        chain.push((nx, is_and));
        cur = nx;
    }
    // A list is "A, B and C": commas count only when an "and" closes the list
    // (reading left to right); "Bosnia, Defense Secretary Perry" is no list.
    let keep = if leftward {
        // Walking left, the joiner nearest `mi` comes first; the list's closing "and" is the first.
        match chain.first() {
            Some((_, true)) => chain.len(),
            _ => 0,
        }
    } else {
        chain.iter().position(|(_, and)| *and).map(|p| p + 1).unwrap_or(0)
    };
    let mut g: Vec<usize> = chain[..keep].iter().map(|(m, _)| *m).collect();
    if leftward {
        g.reverse();
        g.push(mi);
    } else {
        g.insert(0, mi);
    }
    g
}

/// A word that may modify a member of a list of actors: a lowercase word that
/// is no function word, verb form, number or speech verb ("evil", "awful").
pub(crate) fn is_member_modifier(s: &Sentence, t: usize) -> bool {
    let w = s.words[t];
    is_plain_word(s, t) && !(w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly") || w.ends_with('s'))
}

/// A lowercase content word: no function word, number, auxiliary, negator,
/// modal or speech verb ("contacts", "custody", "evil").
pub(crate) fn is_plain_word(s: &Sentence, t: usize) -> bool {
    let w = s.words[t];
    s.toks[t].word
        && !s.toks[t].capitalized
        && w.len() > 2
        && !is_number(w)
        && !DETERMINERS.contains(&w)
        && !PREPOSITIONS.contains(&w)
        && !BE.contains(&w)
        && !NEGATORS.contains(&w)
        && !INTENT.contains(&w)
        && !SPEECH.contains(&w)
        && !SUBORDINATORS.contains(&w)
        && !CLAUSE_BREAKS.contains(&w)
        && !matches!(w, "and" | "or" | "nor" | "that" | "then" | "than" | "not" | "but" | "who" | "which" | "also" | "has" | "have" | "had")
}

/// Whether the verb `vm` has a subject of its own that is no actor: "Israel
/// said a mortar bomb was fired at it", "X said the sanctions would hurt Y".
/// The previous verb's subject is then not this verb's. The word before the
/// verb group (auxiliaries, modals, negators and adverbs skipped) decides: a
/// conjunction, comma, pronoun, "to" or the previous verb itself leaves the
/// subject shared ("visited Moldova and pledged", "said it would"); a noun
/// ends a subject of its own. An "-ing" participle with no auxiliary shares
/// its subject ("met Y in Paris discussing trade").
fn own_clause_subject(s: &Sentence, vm: &VerbMatch, floor: usize) -> bool {
    const AUX: &[&str] = &[
        "will",
        "would",
        "shall",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "has",
        "have",
        "had",
        "did",
        "does",
        "do",
        "not",
        "n't",
        "also",
        "already",
        "still",
        "then",
        "now",
        "reportedly",
        "allegedly",
    ];
    let mut t = vm.start;
    let mut aux = false;
    while t > floor {
        let w = s.words[t - 1];
        if BE.contains(&w) || AUX.contains(&w) || (w.ends_with("ly") && s.toks[t - 1].word && !s.toks[t - 1].capitalized) {
            aux = true;
            t -= 1;
        } else {
            break;
        }
    }
    if t <= floor || t == 0 {
        return false;
    }
    // ("offering aid": a participle; "during a surprise visit to Beirut": a noun
    // standing for the act, whose actor is the sentence's subject.)
    if !aux && (s.words[vm.anchor].ends_with("ing") || (t.saturating_sub(2)..t).any(|u| u >= floor && DETERMINERS.contains(&s.words[u]))) {
        return false;
    }
    let w = s.words[t - 1];
    let tok = &s.toks[t - 1];
    tok.word
        && !matches!(
            w,
            "and"
                | "or"
                | "but"
                | "nor"
                | "then"
                | "to"
                | "he"
                | "she"
                | "it"
                | "they"
                | "we"
                | "i"
                | "you"
                | "who"
                | "which"
                | "that"
                | "itself"
                | "themselves"
                | "himself"
                | "herself"
        )
        && !is_time_word(w)
        && !PREPOSITIONS.contains(&w)
        && (tok.capitalized || is_plain_word(s, t - 1))
}

/// Time words that may stand between a verb and its auxiliary, agent or complement.
pub(crate) fn is_time_word(w: &str) -> bool {
    matches!(w, "on" | "today" | "yesterday" | "tomorrow") || crate::time::weekday(w).is_some()
}

/// A word that opens a time phrase after a preposition ("on Wednesday", "in
/// June", "by Friday").
fn starts_time_phrase(w: &str) -> bool {
    crate::time::weekday(w).is_some() || crate::article::month_number(w).is_some()
}

fn is_number(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_digit()) && w.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// Whether an "unless" or "if" clause follows token `from` in its sentence
/// part ("will withdraw its force unless the president arranges a
/// ceasefire"): what is announced then hangs on a condition. "even if" and
/// "as if" set no condition.
fn conditional_after(s: &Sentence, from: usize) -> bool {
    (from..s.words.len())
        .take_while(|&t| !matches!(s.words[t], ";" | "." | "--"))
        .any(|t| s.words[t] == "unless" || (s.words[t] == "if" && !matches!(s.words[t - 1], "even" | "as")))
}

/// Whether token `t` opens an ", as <clause>" ("..., as authorities in
/// Croatia cracked down"): a new clause whose actors are neither the object
/// nor the place of the verb before it. ", as well as X" only extends a list.
fn as_clause(s: &Sentence, t: usize) -> bool {
    t > 0 && s.words[t] == "as" && s.words[t - 1] == "," && s.word(t + 1) != "well"
}

/// Where the clause running from token `from` ends, at `until` at the latest:
/// a clause break or an ", as <clause>" after its first token.
fn clause_end(s: &Sentence, from: usize, until: usize) -> usize {
    (from..until).find(|&t| is_boundary(s.words[t]) || (t > from && as_clause(s, t))).unwrap_or(until)
}

fn is_boundary(w: &str) -> bool {
    CLAUSE_BREAKS.contains(&w) || w == "." || w == "?" || w == "!"
}

/// The subject of a verb starting at token `start`: the nearest usable
/// mention to its left in the same clause that is not the object of a
/// preposition. `floor` is where the previous verb phrase ended.
fn subject(s: &Sentence, ms: &[Mention], start: usize, floor: usize) -> Option<usize> {
    subject_in(s, ms, start, floor, false)
}

/// [`subject`]; `loaded` when the verb comes from a loaded dictionary (see [`governing_word_in`]).
fn subject_in(s: &Sentence, ms: &[Mention], start: usize, floor: usize, loaded: bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, m) in ms.iter().enumerate() {
        if !usable(m) || m.end > start || m.start < floor {
            continue;
        }
        // A clause break between the mention and the verb.
        if (m.end..start).any(|t| is_boundary(s.words[t])) {
            continue;
        }
        let prev = governing_word_in(s, m.start, loaded);
        if PREPOSITIONS.contains(&prev) {
            continue;
        }
        // Possessive modifier of something else ("China's initiative"): not the actor,
        // unless what it modifies opens a loaded pattern ("X's death toll has risen":
        // PETRARCH's noun phrase is X's).
        // So is "X's new mayor left": to PETRARCH a noun phrase with an actor in it and
        // no coded head is that actor.
        // ("The Philippines' growth figures released": a bare apostrophe after a plural
        // name. After a plural role it makes a group's name: "the workers' front".)
        let possessive = s.word(m.end) == "'s" || (s.word(m.end) == "'" && s.words[m.end - 1].ends_with('s') && m.kind != ActorKind::Sector);
        if possessive && ms.iter().all(|o| o.start != m.end + 1) && !(loaded && uncoded_head(s, ms, m.end + 1, start)) {
            continue;
        }
        // "Australian prime rates have retreated", "Japanese exports damaged ties": a
        // country word modifying an economic quantity is not what acts.
        if matches!(m.kind, ActorKind::Demonym | ActorKind::Country)
            && start > m.end
            && start - m.end <= 4
            && (m.end..start).all(|t| s.toks[t].word && !s.toks[t].capitalized)
            && (m.end..start).any(|t| ECONOMIC_NOUNS.contains(&s.words[t]))
        {
            continue;
        }
        // Inside an apposition ("Pakistan, a key U.S. ally in the war, has refused"):
        // the apposition describes the subject before it.
        if appositive(s, ms, m, start) {
            continue;
        }
        if best.is_none_or(|b| ms[b].end < m.end) {
            best = Some(i);
        }
    }
    if !loaded && best.is_none_or(|b| relative_of_non_actor(s, ms[b].end, start)) {
        return None;
    }
    best
}

/// "the militant group that has seized parts of Iraq": whether the verb at
/// `start` follows a relative pronoun whose antecedent, the noun before it, is
/// no actor mention (ending at `after` or earlier). Such a verb has no actor
/// subject, neither one further back nor the previous verb's.
fn relative_of_non_actor(s: &Sentence, after: usize, start: usize) -> bool {
    let mut r = start;
    while r > after
        && (matches!(
            s.words[r - 1],
            "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "could"
                | "may"
                | "might"
                | "can"
                | "also"
                | "not"
                | "to"
                | "aims"
                | "aimed"
                | "seeks"
                | "sought"
                | "intends"
                | "plans"
                | "tries"
        ) || BE.contains(&s.words[r - 1])
            || s.words[r - 1].ends_with("ly"))
    {
        r -= 1;
    }
    if r <= after + 1 || !matches!(s.words[r - 1], "that" | "which" | "who") {
        return false;
    }
    let p = r - 1;
    let actor_antecedent = p == after || (p == after + 1 && s.words[after] == ",");
    // ("said that X had ...": there "that" opens a reported clause, its subject inside.)
    !actor_antecedent && is_plain_word(s, p - 1) && !SPEECH.contains(&s.words[p - 1])
}

/// The subject of a passive verb at `start` given as the owner of a thing: a
/// mention right after "for"/"of" that follows a lowercase noun at the start
/// of the clause ("A temporary camp for Congolese refugees was attacked",
/// "the offices of X were raided").
fn possessor_subject(s: &Sentence, ms: &[Mention], start: usize, floor: usize) -> Option<usize> {
    let (i, m) = ms.iter().enumerate().filter(|(_, m)| usable(m) && m.end <= start && m.start >= floor.max(2)).max_by_key(|(_, m)| m.end)?;
    if !matches!(s.words[m.start - 1], "for" | "of") || !is_plain_word(s, m.start - 2) || (m.end..start).any(|t| is_boundary(s.words[t]) || s.words[t] == ",") {
        return None;
    }
    // Only determiners and modifiers before the noun: the phrase opens the clause.
    let mut q = m.start - 2;
    while q > floor && (DETERMINERS.contains(&s.words[q - 1]) || is_member_modifier(s, q - 1)) {
        q -= 1;
    }
    (q == floor || q == 0).then_some(i)
}

/// Whether mention `m` sits in an apposition ", a/an/the ... ," right after
/// another mention, closed before the verb at `verb`.
fn appositive(s: &Sentence, ms: &[Mention], m: &Mention, verb: usize) -> bool {
    let Some(open) = (0..m.start).rev().take_while(|&t| !is_boundary(s.words[t])).find(|&t| s.words[t] == ",") else { return false };
    if !matches!(s.word(open + 1), "a" | "an" | "the") || !ms.iter().any(|o| o.end == open && usable(o)) {
        return false;
    }
    (m.end..verb).any(|t| s.words[t] == ",")
}

/// Whether tokens `from..to` are empty or at most three lowercase words
/// forming a noun phrase's rest ("new mayor"), none of them in a mention or a
/// function word.
fn uncoded_head(s: &Sentence, ms: &[Mention], from: usize, to: usize) -> bool {
    to >= from
        && to - from <= 3
        && (from..to).all(|t| {
            let w = s.words[t];
            s.toks[t].word
                && !s.toks[t].capitalized
                && !ms.iter().any(|m| m.start <= t && t < m.end)
                && is_member_modifier(s, t)
                && !matches!(w, "has" | "have" | "had" | "will" | "would" | "can" | "could" | "may" | "must" | "should")
        })
}

/// Where the object slot at `from` holds a capitalized name that no mention
/// covers ("met [Jorvan Tesk]", "arrived in [Geneva]"): the act is on that
/// unknown party or place, and a known actor further on (the talks' topic) is
/// not its object. A title before a known name ("Mr Putin"), a place with its
/// country after a comma ("Karvosk, Syria") and a list going on to a known
/// actor ("Tesk and Putin") do not block.
fn uncoded_name_at(s: &Sentence, ms: &[Mention], from: usize) -> Option<(usize, usize)> {
    let covered = |t: usize| ms.iter().any(|m| m.start <= t && t < m.end);
    let starts = |t: usize| ms.iter().any(|m| m.start == t && usable(m));
    let mut t = from;
    // ("<Fuji Bank Ltd>": Reuters marks company names with angle brackets.)
    while t < s.words.len() && matches!(s.words[t], "the" | "a" | "an" | "<") {
        t += 1;
    }
    let name = |t: usize| {
        s.toks.get(t).is_some_and(|x| x.word && x.capitalized)
            && !covered(t)
            && crate::time::weekday(s.words[t]).is_none()
            && !crate::actors::is_month(s.words[t])
    };
    if !name(t) {
        return None;
    }
    let skip_det = |mut u: usize| {
        while u < s.words.len() && DETERMINERS.contains(&s.words[u]) {
            u += 1;
        }
        u
    };
    let run_end = |mut e: usize| {
        while name(e) || (s.word(e) == "-" && name(e + 1)) {
            e += 1;
        }
        e
    };
    // "Protestant and Roman Catholic officials": names listed together.
    let mut e = run_end(t);
    while matches!(s.word(e), "and" | "or" | ",") && name(e + 1) {
        e = run_end(e + 1);
    }
    if s.word(e) == ">" {
        e += 1;
    }
    // A name modifying a known actor is no object of its own: "the Ohio-based company",
    // "the Democrat-controlled Congress", "the Franco-U.S. consortium".
    let mut m = e;
    while m < e + 3 && m < s.words.len() && !starts(m) && (s.words[m] == "-" || (s.toks[m].word && !s.toks[m].capitalized && s.words[m].ends_with("ed"))) {
        m += 1;
    }
    let goes_on = starts(e)
        || (m > e && starts(m))
        || (s.word(e) == "," && ms.iter().any(|m| m.start == e + 1 && m.kind == ActorKind::Country))
        || (matches!(s.word(e), "and" | "or") && starts(skip_det(e + 1)))
        // A name described by a known actor: "Democrats in Congress", "Tesk of the opposition".
        || (matches!(s.word(e), "of" | "in" | "from") && starts(skip_det(e + 1)));
    (!goes_on).then_some((t, e))
}

/// Whether a place starting at `place` locates the unknown name ending at
/// `end`: "Esfahan Uranium Conversion Facilities (UCF) in central Iran", "met
/// Tesk in Moscow". A place further on ("ruled against Phoenix's claim to a
/// share of ... operations in Ecuador") is not where the party is.
fn locates(s: &Sentence, end: usize, place: usize) -> bool {
    let mut t = end;
    if s.word(t) == "(" {
        while t < place && s.word(t) != ")" {
            t += 1;
        }
        t += 1;
    }
    if s.word(t) == "," {
        t += 1;
    }
    if !matches!(s.word(t), "in" | "at" | "near") {
        return false;
    }
    t += 1;
    while t < place && (s.words[t] == "the" || is_compass(s.words[t])) {
        t += 1;
    }
    t == place
}

/// The object: the first usable mention to the right, before the clause ends.
fn object(s: &Sentence, ms: &[Mention], from: usize, until: usize, avoid: &[usize]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, m) in ms.iter().enumerate() {
        if !usable(m) || m.start < from || m.start >= until || avoid.contains(&i) {
            continue;
        }
        // ("following the discovery of X" is background, as "after" is; so is a
        // participle clause after a comma: ", expected to be joined by X".)
        if (from..m.start).any(|t| {
            is_boundary(s.words[t])
                || (s.words[t] == ","
                    && s.toks.get(t + 1).is_some_and(|n| n.word && !n.capitalized)
                    && (s.word(t + 1).ends_with("ed") || s.word(t + 1).ends_with("ing")))
                || SPEECH.contains(&s.words[t])
                || (t > from && as_clause(s, t))
                || (t > from && (SUBORDINATORS.contains(&s.words[t]) || (s.words[t] == "following" && DETERMINERS.contains(&s.word(t + 1)))))
        }) {
            continue;
        }
        // ", Li said", ", the White House announced": the speaker of a trailing attribution is not the object.
        let mut q = m.start;
        while q > 0 && DETERMINERS.contains(&s.words[q - 1]) {
            q -= 1;
        }
        // (The speaker's name may follow the role: ", US Deputy Secretary of Energy Jeffrey Kupfer said".)
        let mut e = m.end;
        while e < s.words.len()
            && e < m.end + 8
            && s.toks[e].word
            && (s.toks[e].capitalized || (s.words[e] == "of" && s.toks.get(e + 1).is_some_and(|t| t.capitalized)))
        {
            e += 1;
        }
        // (Or a role after it: ", the official Tass news agency reported".)
        while let Some(next) = ms.iter().find(|o| o.start == e && o.end > e) {
            e = next.end;
        }
        if SPEECH.contains(&s.word(e)) && q > 0 && s.words[q - 1] == "," {
            continue;
        }
        if best.is_none_or(|b| ms[b].start > m.start) {
            best = Some(i);
        }
    }
    best
}

/// The subject of an "if"/"unless" clause after a threat, in its sentence part.
fn condition_subject(s: &Sentence, ms: &[Mention], from: usize, avoid: &[usize]) -> Option<usize> {
    let cond = (from..s.words.len()).take_while(|&t| !matches!(s.words[t], ";" | "." | "--")).find(|&t| matches!(s.words[t], "if" | "unless"))?;
    let m = object(s, ms, cond + 1, s.words.len(), avoid)?;
    // The subject stands at the clause's start, past determiners and modifiers.
    let mut q = ms[m].start;
    while q > cond + 1 && (DETERMINERS.contains(&s.words[q - 1]) || is_member_modifier(s, q - 1)) {
        q -= 1;
    }
    (q == cond + 1).then_some(m)
}

/// Modality of the verb at `start`: looks back over auxiliaries and frame words.
fn modality(s: &Sentence, start: usize, floor: usize) -> (bool, Option<String>, bool) {
    let mut negated = false;
    let mut intent: Option<String> = None;
    let mut threat = false;
    let mut t = start;
    let mut steps = 0;
    while t > floor && steps < 6 {
        t -= 1;
        steps += 1;
        let w = s.words[t];
        if NEGATORS.contains(&w) || is_negative_contraction(w) {
            negated = true;
            // "won't", "wouldn't": a negated future.
            if w.starts_with("won") || w.starts_with("wouldn") || w.starts_with("shan") {
                intent.get_or_insert_with(|| "will".to_string());
            }
        } else if THREAT.contains(&w) {
            threat = true;
            intent.get_or_insert_with(|| w.to_string());
        } else if INTENT.contains(&w) {
            intent.get_or_insert_with(|| w.to_string());
        } else if ADVERBS.contains(&w) || w.ends_with("ly") || BE.contains(&w) || matches!(w, "do" | "does" | "did" | "n't") || is_time_word(w) {
            continue;
        } else if t > floor + 1
            && matches!(
                (s.words[t - 1], w),
                ("in", "principle") | ("at", "last") | ("in", "writing") | ("last", "week" | "month" | "year") | ("this", "week" | "month" | "year")
            )
        {
            // "agreed in principle on Saturday to provide": set phrases that do not change the reading.
            t -= 1;
            continue;
        } else {
            break;
        }
    }
    (negated, intent, threat)
}

/// "didn't", "won't", "can't": the tokenizer keeps a negative contraction as one word.
fn is_negative_contraction(w: &str) -> bool {
    w.len() > 3 && w.ends_with("n't")
}

/// Codes the events of one sentence with the default options.
pub fn code_sentence(s: &Sentence, lex: &Lexicon, ms: &[Mention], dyad: &[Actor]) -> Vec<SentenceEvent> {
    code_sentence_with(s, lex, ms, dyad, &CodeOptions::default())
}

/// Codes the events of one sentence.
pub fn code_sentence_with(s: &Sentence, lex: &Lexicon, ms: &[Mention], dyad: &[Actor], opts: &CodeOptions) -> Vec<SentenceEvent> {
    let vms = match_verbs(s, lex, ms);
    let mut out = Vec::new();
    let mut prev_subject: Option<Vec<usize>> = None;
    let mut prev_objects: Vec<usize> = Vec::new();
    // "urged Iran to stop ...": the first verb carries the event. But a bare frame
    // ("agreed to", "pledged to") gives way to the act it frames, coded as intent.
    let mut skip = vec![false; vms.len()];
    for vi in 1..vms.len() {
        if infinitive_complement(s, ms, &vms[vi - 1], &vms[vi], !lex.compiled(vms[vi - 1].compiled).strict_target) {
            if is_frame(s, lex, &vms[vi - 1]) {
                skip[vi - 1] = true;
            } else {
                skip[vi] = true;
            }
        } else if lex.compiled(vms[vi].compiled).strict_target
            && !skip[vi - 1]
            && !is_frame(s, lex, &vms[vi - 1])
            && purpose_infinitive(s, &vms[vi - 1], &vms[vi])
        {
            skip[vi] = true;
        }
    }
    // "demanded that the US cancel plans to sell arms", "refused to let UN planes
    // land", "threatened to storm the residence": what is asked for, refused or
    // threatened has not happened; only the request, refusal or threat is an event.
    // A new clause (";", "but", "while") ends the content.
    let mut asking: Option<usize> = None;
    for vi in 0..vms.len() {
        if let Some(end) = asking {
            // "condemned an attack by X and promised aid to Y": an inflected verb right
            // after "and" is a predicate of its own, not what is asked for or refused
            // ("threatened to storm the residence and kill the hostages"). For loaded
            // dictionaries, whose coders know no such content rule; dyad's lexicon keeps it whole.
            let conjoined = {
                let v = &vms[vi];
                let w = s.words[v.anchor];
                let c = lex.compiled(v.compiled);
                !c.strict_target
                    && v.anchor == v.start
                    && v.start > end
                    && s.words[v.start - 1] == "and"
                    && c.verbal
                    && !is_base_form(c, w)
                    && !w.ends_with("ing")
            };
            if conjoined || (end..vms[vi].start).any(|t| matches!(s.words[t], ";" | "but" | "while" | "whereas")) {
                asking = None;
            } else {
                skip[vi] = true;
                continue;
            }
        }
        if skip[vi] {
            continue;
        }
        // "accepted demands from the rebels that it initiate reforms": the content of a
        // demand, request or proposal has not happened either.
        let floor = if vi > 0 { vms[vi - 1].end } else { 0 };
        if let Some(that) = (floor..vms[vi].start).rev().take_while(|&t| !is_boundary(s.words[t])).find(|&t| s.words[t] == "that") {
            if (that.saturating_sub(8)..that).any(|t| DEMAND_NOUNS.contains(&s.words[t])) {
                skip[vi] = true;
                continue;
            }
        }
        let code = &lex.verbs[lex.compiled(vms[vi].compiled).pattern].code;
        if matches!(code.get(..2), Some("02" | "10" | "12" | "13")) {
            asking = Some(vms[vi].end);
        }
    }
    let protest_place = ms.iter().find(|m| m.place && m.actors.len() == 1);
    // ", a statement issued by the ministry said": nothing in a trailing attribution is an object.
    let attribution = crate::places::attribution_start(s);
    for vi in 0..vms.len() {
        let vm = &vms[vi];
        let prev_end = vms[..vi].iter().enumerate().rev().find(|(k, _)| !skip[*k]).map(|(_, v)| v.end).unwrap_or(0);
        if skip[vi] || background_clause(s, vm, prev_end, lex) {
            continue;
        }
        // "The civilians imprisoned for acting against Moscow were released by Putin":
        // a reduced relative modifies its noun and does not end the next verb's subject search.
        if reduced_relative(s, ms, vm, lex) {
            // (Only right after the people it describes: "civilians imprisoned".)
            // (Not an adjective before a name: "the state owned Bank of Greece".)
            if ms.iter().any(|m| usable(m) && m.end == vm.start && matches!(m.kind, ActorKind::Sector | ActorKind::Person))
                && !s.toks.get(vm.end).is_some_and(|t| t.capitalized)
                && !lex.verbs[lex.compiled(vm.compiled).pattern].code.starts_with("01")
            {
                skip[vi] = true;
            }
            continue;
        }
        let c = lex.compiled(vm.compiled);
        let pat = &lex.verbs[c.pattern];
        // "X said (that) Y must ...": X demands of Y; the act Y must do is not an event itself.
        if !c.verbal && matches!(&c.anchor, PatElem::Words(w) if w.iter().any(|x| x == "must")) {
            if let Some(ev) = reported_obligation(s, ms, vm, c.pattern, &pat.code) {
                out.extend(ev);
            }
            if let Some(k) = vms.iter().position(|v| v.start > vm.end.saturating_sub(1) && v.start <= vm.end + 3) {
                skip[k] = true;
            }
            continue;
        }
        // Dictionary codes may be directional (`042:043`, `:173`) or null (`---`, a blocking pattern).
        let (mut code, reverse) = match crate::dict::event_codes(&pat.code) {
            (Some(f), _) => (f.to_string(), false),
            (None, Some(r)) => (r.to_string(), true),
            (None, None) => continue,
        };
        // "a press release", "free traders", "proposals released yesterday", "releasing
        // 300,000 tonnes of wheat": releasing things or words is no release of people.
        if c.strict_target && code.starts_with("084") && released_thing(s, vm) {
            continue;
        }
        let mut notes = Vec::new();
        // The clause starts after the previous verb that still counts (a frame that gave
        // way to this verb is part of this clause: "China is ready to work with ...").
        let floor = vms[..vi].iter().enumerate().rev().find(|(k, _)| !skip[*k]).map(|(_, v)| v.end).unwrap_or(0);
        let (negated, mut intent, threat) = modality(s, vm.start, floor);
        if negated {
            // "said he would not provide support to X": refusing a cooperative act is a
            // rejection. Any other negated act did not happen.
            let refusal = intent.as_deref().is_some_and(|f| matches!(f, "will" | "would" | "shall"));
            if !(refusal && c.strict_target && matches!(ontology::root(&code), "03" | "04" | "05" | "06" | "07" | "08")) {
                continue;
            }
            notes.push(format!("negated future of {code}: a rejection"));
            code = "120".to_string();
            // The future was the refusal's; the rejection is not an intent of its own.
            intent = None;
        }
        let root = ontology::root(&code).to_string();
        // A loaded dictionary's coder (PETRARCH, TABARI) codes a future tense as the act
        // itself and writes any modality it wants into its patterns; only dyad's own
        // lexicon turns "will X" into an intent.
        let intent = intent.filter(|f| c.strict_target || !matches!(f.as_str(), "will" | "shall" | "'ll" | "would" | "may" | "might"));
        if let Some(frame) = &intent {
            if root != "03" && root != "13" && root != "01" && root != "02" {
                let conflict = root.as_str() >= "09";
                if threat || !conflict {
                    if let Some(ic) = ontology::intent_code(&code) {
                        notes.push(format!("intent `{frame}`: {code} -> {ic}"));
                        code = ic.to_string();
                    }
                } else if root == "16"
                    && c.strict_target
                    && (vm.start.saturating_sub(8)..vm.start).any(|t| matches!(s.words[t], "announced" | "announces" | "decided" | "decides"))
                    && !conditional_after(s, vm.end)
                {
                    // "announced it would prohibit all aid to": a measure announced is the
                    // measure taken, not a threat of it. ("announced it will withdraw its
                    // force unless ..." is a threat: the measure hangs on a condition.)
                    notes.push(format!("announced `{frame}`: the measure itself"));
                } else if let Some(ic) = ontology::intent_code(&code) {
                    notes.push(format!("future `{frame}`: {code} -> {ic}"));
                    code = ic.to_string();
                }
            }
        }
        let root = ontology::root(&code).to_string();
        // Passive voice: "X was received by Y".
        let anchor_word = s.words[vm.anchor];
        // ("were engaged in ethnic cleansing", "is committed to": a pattern going on
        // with its own words after the verb reads as a state, not a passive.)
        // (dyad's own patterns only: PETRARCH reads its patterns' passives itself.)
        // A phrasal verb's particle is no such words: "was blown up by", "was shot down".
        let stative = c.strict_target && matches!(c.after.first(), Some(PatElem::Words(w)) if !w.iter().all(|w| PARTICLES.contains(&w.as_str())));
        let passive = c.verbal && !stative && c.participles.iter().any(|p| p == anchor_word) && vm.anchor > 0 && {
            let mut t = vm.anchor;
            let mut found = false;
            while t > floor {
                t -= 1;
                let w = s.words[t];
                if BE.contains(&w) {
                    found = true;
                    break;
                }
                if !(w.ends_with("ly") || matches!(w, "also" | "not" | "n't" | "reportedly" | "later" | "then")) {
                    break;
                }
            }
            found
        };
        // The agent: "by X", possibly after a time word ("released yesterday by Putin").
        let by_at = (vm.end..(vm.end + 4).min(s.words.len())).find(|&t| s.words[t] == "by").filter(|&t| {
            (vm.end..t).all(|u| is_time_word(s.words[u]) || s.words[u].ends_with("ly") || matches!(s.words[u], "earlier" | "later" | "again" | "also"))
        });
        // ... or after where it happened: "was blown up over Eastern Ukraine by", "were
        // shot in Gaza City by" (a preposition, then only capitalized words).
        let by_at = by_at.or_else(|| {
            if !matches!(s.word(vm.end), "in" | "over" | "near" | "outside" | "at" | "on") {
                return None;
            }
            let mut t = vm.end + 1;
            if s.word(t) == "the" {
                t += 1;
            }
            let first = t;
            while t < s.words.len() && t < first + 4 && s.toks[t].word && s.toks[t].capitalized {
                t += 1;
            }
            (t > first && s.word(t) == "by").then_some(t)
        });
        // ... or inside the pattern's gap, right after the participle: "was attacked by
        // Burundian militiamen armed with machetes" (`attack .. with .. machetes`).
        let by_at = by_at.or_else(|| {
            (c.strict_target
                && s.word(vm.anchor + 1) == "by"
                && vm.anchor + 1 < vm.end
                && ms.iter().any(|m| usable(m) && m.start >= vm.anchor + 2 && m.start <= vm.anchor + 3))
            .then_some(vm.anchor + 1)
        });
        // Objects may lie beyond a complement verb that was folded into this one.
        let next_start = vms.iter().enumerate().skip(vi + 1).find(|(k, _)| !skip[*k]).map(|(_, v)| v.start).unwrap_or(s.words.len());
        let next_start = if vm.end <= attribution { next_start.min(attribution) } else { next_start };
        let (mut sources, mut targets): (Vec<usize>, Vec<usize>);
        // An object slot holding a name no dictionary codes (see `uncoded_name_at`).
        let unknown_object = if !passive && vm.target_slot.is_none() { uncoded_name_at(s, ms, vm.end) } else { None };
        let mut inherited = false;
        if passive && vm.target_slot.is_none() {
            // "X was received by Y": Y acts on X. Without "by", the first actor after the
            // verb in the clause is the agent ("were killed in Israeli shelling"), else no event.
            let agent = match by_at {
                Some(b) => object(s, ms, b + 1, next_start, &[]),
                // Without "by", only an adjectival actor ("killed in Israeli shelling"), not a
                // place named in a prepositional phrase ("killed in a blast in Beirut").
                None => object(s, ms, vm.end, next_start, &[])
                    .filter(|&m| !c.strict_target || (ms[m].kind != ActorKind::Metonym && ms[m].kind != ActorKind::Country))
                    // The adjectival actor may stand inside the pattern's own words: "were
                    // killed in [Israeli] tank shelling" (`kill .. in .. shelling`).
                    .or_else(|| {
                        ms.iter().position(|m| {
                            c.strict_target && usable(m) && m.kind == ActorKind::Demonym && m.start > vm.anchor && m.end < vm.end && s.word(m.end) != "'s"
                        })
                    }),
            };
            // "A camp for Congolese refugees was attacked": the attacked are the camp's.
            let subj =
                subject_in(s, ms, vm.start, floor, !c.strict_target).or_else(|| if c.strict_target { possessor_subject(s, ms, vm.start, floor) } else { None });
            let (Some(a), Some(p)) = (agent, subj) else { continue };
            sources = group(s, ms, a, false);
            targets = group(s, ms, p, true);
            notes.push(if by_at.is_some() { "passive".into() } else { "passive without `by`: agent from the phrase after the verb".into() });
        } else {
            // "X visited Moldova and pledged ...": the previous object is not the new subject.
            // ("awarded the Australian workforce a rise and allowed ...": a verb joined by
            // "and" to the one before shares that one's subject, never a word of its object.)
            let coordinated = c.strict_target && floor > 0 && vm.start > floor && matches!(s.words[vm.start - 1], "and" | "or");
            // (A mention with a verb of its own after it is a clause's subject: "said
            // it was certain Reagan would go ahead and impose ...".)
            let own_verb = |m: usize| {
                let (w, t) = (s.word(ms[m].end), ms[m].end);
                BE.contains(&w) || AUXILIARIES.contains(&w) || (w.ends_with("ed") && s.toks.get(t).is_some_and(|k| !k.capitalized))
            };
            let subj = subject_in(s, ms, vm.start, floor, !c.strict_target)
                .filter(|m| !(prev_objects.contains(m) && matches!(s.word(ms[*m].end), "and" | ",")))
                .filter(|&m| !coordinated || own_verb(m));
            // A loaded pattern may open before its subject ("- NEITHER * [081]": "Neither A
            // nor B boycotted"): with no subject before it, one inside it, before the verb.
            let subj = subj.or_else(|| (!c.strict_target && vm.anchor > vm.start).then(|| subject_in(s, ms, vm.anchor, vm.start + 1, true)).flatten());
            sources = match vm.source_slot {
                Some(m) => group(s, ms, m, true),
                None => match subj {
                    Some(m) => group(s, ms, m, true),
                    None => match &prev_subject {
                        Some(g) if !(own_clause_subject(s, vm, floor) || (c.strict_target && relative_of_non_actor(s, floor, vm.start))) => {
                            inherited = true;
                            g.clone()
                        }
                        _ => {
                            // ("a resolution that aims to tighten sanctions and impose ...": the
                            // verbs joined to a subjectless relative clause share its subject.)
                            if c.strict_target && relative_of_non_actor(s, floor, vm.start) {
                                prev_subject = None;
                            }
                            continue;
                        }
                    },
                },
            };
            // "The two sides discussed X" is mutual whatever follows; "X and Y agreed
            // that ..." is mutual unless they act on an object before a complement clause.
            // (A dictionary phrase standing for several actors, an organisation-like
            // group, acts as one party: it is not such a pair.)
            let pair_mention = sources.iter().any(|&m| ms[m].actors.len() >= 2 && ms[m].kind != ActorKind::Organization);
            let compound = sources.len() >= 2;
            targets = match vm.target_slot {
                Some(m) => group(s, ms, m, false),
                None if root == "01" || (pair_mention && RECIPROCAL_ROOTS.contains(&root.as_str())) => vec![],
                None => {
                    // The object may be inside the verb phrase itself ("released 32 Armenian
                    // prisoners", "praised Ethiopia's efforts"): it comes first.
                    // ("its armed forces" is the subject's own: not an object.)
                    let inner = (0..ms.len()).find(|&k| {
                        usable(&ms[k])
                            && ms[k].start > vm.anchor
                            // (A titled name may run on past the pattern's last word:
                            // "summoned [Chile's ambassador Tomas Vidal]".)
                            // Nor may a role the pattern ends on: "arrested [officials of the X]".
                            && (ms[k].end <= vm.end || (ms[k].start < vm.end && (ms[k].kind == ActorKind::Person || ms[k].start + 1 == vm.end)))
                            && !sources.contains(&k)
                            && ms[k].actors.iter().all(|a| a.code.country.is_some())
                            && !matches!(s.words[ms[k].start - 1], "its" | "their" | "his" | "her" | "our" | "own")
                    });
                    // ("sent 21 military personnel to Bosnia": what is sent goes to the recipient.)
                    // ("to send them back": an infinitive is no recipient.)
                    let to_recipient = if matches!(s.word(vm.end), "to" | "into") && !lex.is_anchor(s.word(vm.end + 1)) {
                        object(s, ms, vm.end + 1, next_start, &sources).filter(|&m| governing_word(s, ms[m].start) == s.word(vm.end))
                    } else {
                        None
                    };
                    // ("met Jorvan Tesk in Geneva to discuss Syria": the one met is a name no
                    // dictionary knows, and Syria is the topic, not the partner.)
                    let found = to_recipient.or(inner).or_else(|| if unknown_object.is_some() { None } else { object(s, ms, vm.end, next_start, &sources) });
                    // "threatened to halt the talks if the United States goes ahead": a
                    // threat is aimed at the one whose act is its condition.
                    let found = found.or_else(|| if root == "13" { condition_subject(s, ms, vm.end, &sources) } else { None });
                    // Acting together, they act on a partner ("ties with X", "sent aid to X",
                    // "ties between X and Y"),
                    // not on the topic of their talks ("negotiations on an Israeli pullback").
                    let found = found.filter(|&m| {
                        !(compound && RECIPROCAL_ROOTS.contains(&root.as_str())) || {
                            let mut q = ms[m].start;
                            while q > vm.end && DETERMINERS.contains(&s.words[q - 1]) {
                                q -= 1;
                            }
                            // ("China and Israel discussed Middle East peace": what is
                            // discussed is the topic.)
                            (q == vm.end && !anchor_word.starts_with("discuss"))
                                || matches!(s.words[q - 1], "with" | "to" | "against" | "toward" | "towards" | "between")
                        }
                    });
                    // "discussed the Gulf situation with allied leaders", "discussed the
                    // deployment of Iranian missiles with Kuwaiti officials": talks are with
                    // the partner after `with`, not about the topic before it.
                    let found = match found {
                        Some(m)
                            if c.strict_target
                                && (root == "04" || pat.code.starts_with("04"))
                                && TALK_VERBS.iter().any(|v| anchor_word.starts_with(v))
                                && !after_with(s, ms[m].start, vm.end) =>
                        {
                            // (In the same clause: not "since Tirana split with Moscow".)
                            let partner = (0..ms.len()).find(|&k| {
                                usable(&ms[k])
                                    && ms[k].start > ms[m].end
                                    && ms[k].start < next_start
                                    && !sources.contains(&k)
                                    && after_with(s, ms[k].start, ms[m].end)
                                    && !(ms[m].end..ms[k].start).any(|t| is_boundary(s.words[t]) || matches!(s.words[t], "," | "whose" | "which" | "who"))
                            });
                            partner.or(Some(m))
                        }
                        other => other,
                    };
                    found.map(|m| group(s, ms, m, false)).unwrap_or_default()
                }
            };
        }
        if inherited {
            notes.push("subject shared with the previous verb".into());
        }
        if reverse {
            std::mem::swap(&mut sources, &mut targets);
            notes.push(format!("pattern code `{}` acts from target to source", pat.code));
        }
        prev_subject = Some(sources.clone());
        prev_objects = targets.clone();
        sources.retain(|&m| !targets.contains(&m));
        targets.retain(|&m| !sources.contains(&m));
        let verb = (vm.start, vm.end);
        let mut push = |ev_code: &str, src: &Actor, sm: &Mention, tgt: Option<(&Actor, usize, usize)>, notes: &[String]| {
            let mut notes = notes.to_vec();
            // "UN troops withdrew from <place>": forces withdrawing retreat militarily
            // (0874), where a state withdrawing from something cuts its ties (16x).
            let military_retreat = c.strict_target
                && ev_code == "160"
                && anchor_word.starts_with("withdr")
                && src.code.sectors.iter().any(|x| x == "MIL")
                && tgt.is_some_and(|(t, _, _)| t.code.sectors.is_empty());
            // "The building was demolished by a Ukrainian protestor": violence or
            // destruction by protesters is a violent protest (145).
            let rioting = c.strict_target
                && (ev_code == "1712" || ontology::root(ev_code) == "18")
                && (sm.start..sm.end).any(|t| {
                    matches!(s.words[t], "protester" | "protesters" | "protestor" | "protestors" | "demonstrator" | "demonstrators" | "rioter" | "rioters")
                });
            // "welcomed X's statement": welcoming what someone did approves of it (051);
            // one hosts a visitor, not a statement.
            let approval = c.strict_target && ev_code == "043" && tgt.is_some_and(|(_, _, e)| s.word(e) == "'s");
            let ev_code = if approval {
                notes.push("welcomed a possessed thing: 043 -> 051".into());
                "051"
            } else if military_retreat {
                notes.push("forces withdrawing: 160 -> 0874".into());
                "0874"
            } else if rioting {
                notes.push(format!("by protesters: {ev_code} -> 145"));
                "145"
            } else {
                ev_code
            };
            let mut tgt = tgt.map(|(t, a, b)| (t.clone(), a, b));
            let mut drop_target = false;
            // "Rebels attacked Chile": a role given the one country named, only as a guess,
            // is not of the country it acts on; the guess is withdrawn.
            let unguessed;
            // ("boycott Algeria's elections": what the country owns is its state's, and
            // the guess may stand.)
            let possessed = tgt.as_ref().is_some_and(|&(_, _, e)| s.word(e) == "'s");
            let src = match tgt.as_ref() {
                Some((t, _, _))
                    if !possessed
                        && src.rule.ends_with(crate::actors::SOLE_COUNTRY_RULE)
                        && t.code.country == src.code.country
                        && t.code.sectors.is_empty()
                        && src.code.sectors.iter().any(|x| CHALLENGER_SECTORS.contains(&x.as_str())) =>
                {
                    let mut a = src.clone();
                    a.code.country = None;
                    a.rule = format!("{}, but that is the country it acts on: no country", a.rule);
                    unguessed = a;
                    &unguessed
                }
                _ => src,
            };
            if let Some((t, _, _)) = tgt.as_mut() {
                // "The Sudanese government accused rebels": a state's civil authorities act
                // at home, so countryless rebels, opposition or criminals are their country's.
                if t.code.country.is_none() && t.code.sectors.iter().any(|x| DOMESTIC_SECTORS.contains(&x.as_str())) && domestic_authority(src) {
                    t.code.country = src.code.country.clone();
                    notes.push("countryless target takes the country of the authority acting on it".into());
                }
                // "officials told AFP": telling a news outlet is how a story is sourced, not an event.
                if root == "01" && t.code.sectors.iter().all(|x| x == "MED") && !t.code.sectors.is_empty() {
                    return;
                }
                // An actor acting on itself is no event, nor a government on its own bare
                // country. (Its people acting on their government is: "Algerians
                // blocked roads to press their demands from the government".)
                // (Two actors no dictionary codes are two, whatever their empty codes. A
                // state's act on its own polity is one: "promised to democratize Serbia".)
                let two_new = t.rule == crate::actors::NEW_ACTOR_RULE && src.rule == crate::actors::NEW_ACTOR_RULE && t.name != src.name;
                // A challenger of the state acting on its own bare country acts on the state:
                // "Sudanese rebels shelled [a town of] Sudan", "Palestinian militants rejected ...".
                // (Not when its country is only the guess that it is the one country named,
                // unless it acts on what that country owns.)
                let challenger = src.code.sectors.iter().any(|x| CHALLENGER_SECTORS.contains(&x.as_str()))
                    && (possessed || !src.rule.ends_with(crate::actors::SOLE_COUNTRY_RULE));
                if !two_new
                    && (t.code == src.code
                        || (t.code.country == src.code.country && t.code.sectors.is_empty() && !challenger && !ontology::domestic_code(ev_code)))
                {
                    // A protest, force posture, de-escalation or resignation stands without a
                    // recipient: "their forces completed their withdrawal from the Bosnian
                    // town", "the general resigned". (Not a state protesting: that is a
                    // misread subject.)
                    let r = ontology::root(ev_code);
                    if !(c.strict_target
                        && (ev_code.starts_with("087") || (ev_code == "0831" && src.code.country.is_some()) || r == "15" || (r == "14" && !state_actor(src))))
                    {
                        return;
                    }
                    notes.push("the own country as recipient: coded with none".into());
                    drop_target = true;
                }
            }
            if drop_target {
                tgt = None;
            }
            out.push(SentenceEvent { source: (src.clone(), sm.start, sm.end), target: tgt, code: ev_code.to_string(), verb, pattern: c.pattern, notes });
        };
        if targets.is_empty() {
            let mut placed = Vec::new();
            let src_actors: Vec<(&Actor, &Mention)> = sources.iter().flat_map(|&m| ms[m].actors.iter().map(move |a| (a, &ms[m]))).collect();
            // (One dictionary phrase standing for several actors is one party: not reciprocal.)
            let one_party = sources.len() == 1 && ms[sources[0]].kind == ActorKind::Organization;
            // "Neither A nor B ...": each acts alone, not with the other.
            let one_party = one_party || (sources.len() >= 2 && (ms[sources[0]].end..ms[sources[sources.len() - 1]].start).any(|t| s.words[t] == "nor"));
            // "French and Egyptian warships launched war games": two countries' forces
            // exercising together cooperate militarily (062), each with the other.
            let joint = root == "15"
                && !one_party
                && c.strict_target
                && (vm.start..vm.end).any(|t| matches!(s.words[t], "exercise" | "exercises" | "drills" | "games" | "maneuvers" | "manoeuvres"))
                && src_actors.iter().any(|(a, _)| a.code.country.is_some() && a.code.country != src_actors[0].0.code.country);
            let (code, root) = if joint {
                notes.push(format!("exercise by two countries' forces: {code} -> 062"));
                ("062".to_string(), "06".to_string())
            } else {
                (code.clone(), root.clone())
            };
            if src_actors.len() >= 2 && !one_party && RECIPROCAL_ROOTS.contains(&root.as_str()) {
                let mut n2 = notes.clone();
                n2.push("reciprocal".into());
                for (a, am) in &src_actors {
                    for (b, bm) in &src_actors {
                        if a.code != b.code || a.name != b.name {
                            push(&code, a, am, Some((b, bm.start, bm.end)), &n2);
                        }
                    }
                }
                continue;
            }
            for (a, am) in &src_actors {
                // An event of this act on a recipient the coder supplies (a place's state,
                // the actor's own country), bypassing `push`: such a target may be the
                // source's own bare country.
                let on_recipient = |t: Actor, ts: usize, te: usize, note: String| {
                    let mut n2 = notes.clone();
                    n2.push(note);
                    SentenceEvent {
                        source: ((*a).clone(), am.start, am.end),
                        target: Some((t, ts, te)),
                        code: code.clone(),
                        verb,
                        pattern: c.pattern,
                        notes: n2,
                    }
                };
                // In a two-party story an untargeted cooperative act is aimed at the other party.
                let other = (dyad.len() == 2 && RECIPROCAL_ROOTS.contains(&root.as_str()))
                    .then(|| {
                        let ac = a.code.country.as_deref();
                        match (dyad[0].code.country.as_deref() == ac, dyad[1].code.country.as_deref() == ac) {
                            (true, false) => Some(&dyad[1]),
                            (false, true) => Some(&dyad[0]),
                            _ => None,
                        }
                    })
                    .flatten();
                if let Some(o) = other {
                    let mut n2 = notes.clone();
                    n2.push(format!("target from the article's dyad ({})", o.code.code()));
                    push(&code, a, am, Some((o, am.start, am.start)), &n2);
                } else if let Some(p) = protest_place.filter(|_| root == "14") {
                    // A protest in a country is aimed at that country's authorities.
                    let mut n2 = notes.clone();
                    n2.push(format!("protest target from the place `{}`", s.slice(p.start, p.end)));
                    push(&code, a, am, Some((&p.actors[0], p.start, p.end)), &n2);
                } else if !c.strict_target && TARGETLESS_ROOTS.contains(&root.as_str()) {
                    push(&code, a, am, None, &notes);
                } else if !c.strict_target && !opts.require_target && root != "01" && phrase_follows(s, vm.end) {
                    // PETRARCH with `require_dyad` off: an event whose target is a phrase no
                    // dictionary codes (its `---`) is kept. A statement to no one is the
                    // attribution of what is reported, not an event.
                    let mut n2 = notes.clone();
                    n2.push("no target: dyads not required".into());
                    push(&code, a, am, None, &n2);
                } else if let Some((t, ts, te, why)) = a
                    .code
                    .country
                    .as_deref()
                    .filter(|c| !ontology::is_region(c) && (place_target_code(&code) || ontology::domestic_code(&code)))
                    .and_then(|_| place_after(s, lex, ms, vm.end, next_start, anchor_word.starts_with("attend")))
                    // (A company's deal at home is no act on its state: "agreed to buy a
                    // cable system in Los Angeles County"; investing abroad still is.)
                    .filter(|(t, ..)| !(a.code.sectors.len() == 1 && a.code.sectors[0] == "BUS" && t.code.country == a.code.country))
                    // (A meeting at home "with" people no dictionary codes is not with the
                    // state: "meeting with portfolio managers in New York". Abroad the
                    // place tells whose they are: "talks with creditors in the United States".)
                    .filter(|(t, ts, _, _)| !(root == "04" && t.code.country == a.code.country && (vm.start..*ts).any(|q| s.words[q] == "with")))
                    // (Past a party no dictionary knows, only the place where it is.)
                    .filter(|&(_, ts, _, _)| unknown_object.is_none_or(|(u, e)| u == ts || locates(s, e, ts)))
                {
                    // No recipient named: the act falls on the state of a place named
                    // after the verb in the clause ("lifted a curfew in <province>").
                    // (A country placed on itself is no event: "U.S.A. ... agreed to ... in
                    // the United States".)
                    if t.code != a.code {
                        placed.push(on_recipient(t, ts, te, format!("no recipient named: {why}")));
                    }
                } else if let Some(own) = a.code.country.as_deref().filter(|own| {
                    c.strict_target
                        // (An act on a named party no dictionary knows is not on the own country.)
                        && unknown_object.is_none()
                        && ontology::is_state(own)
                        && ontology::domestic_code(&code)
                        // ("Thousands of Iraqis marched": a people named by its demonym is no state actor.)
                        && (if root == "14" { !state_actor(a) || (am.kind == ActorKind::Demonym && a.code.sectors.is_empty()) } else { state_actor(a) })
                }) {
                    // A state's act on its own polity ("lifted the state of emergency",
                    // "resigned") and a protest with no target named fall on the actor's
                    // own country: its people, or for a protest its authorities. (Loaded
                    // dictionaries' patterns code as their own coders do: not this way.)
                    let sectors = if root == "14" { vec!["GOV".to_string()] } else { vec![] };
                    let t =
                        Actor { code: ActorCode { country: Some(own.to_string()), sectors }, name: None, rule: format!("domestic act of {}", a.code.code()) };
                    placed.push(on_recipient(t, am.start, am.start, format!("no recipient named: a domestic act ({code}) falls on the actor's own country")));
                } else if c.strict_target && (TARGETLESS_ROOTS.contains(&root.as_str()) || code.starts_with("087")) {
                    // Protests, force postures and de-escalation ("rebels surrendered",
                    // "declared a unilateral ceasefire") are events even with no recipient.
                    push(&code, a, am, None, &notes);
                }
            }
            out.extend(placed);
            continue;
        }
        // A PETRARCH `%` slot ("% HAVE POSTPONED *"): the two members of the compound
        // subject act on each other, so the event goes both ways.
        let mutual = !c.strict_target && vm.source_slot.is_some() && vm.target_slot.is_some() && pat.text.contains('%');
        let mut back_notes = notes.clone();
        if mutual {
            back_notes.push("compound `%`: each member acts on the other".into());
        }
        // `[032:033]`: the act (a visit) and its counterpart from the target (hosting the
        // visit), as PETRARCH codes such a pair; only while the act stands as written.
        let counterpart = match crate::dict::event_codes(&pat.code) {
            (Some(f), Some(r)) if f == code && !reverse => Some(r.to_string()),
            _ => None,
        };
        let mut counter_notes = notes.clone();
        counter_notes.push(format!("pattern code `{}`: the target's counterpart act", pat.code));
        for &sm in &sources {
            for a in &ms[sm].actors {
                for &tm in &targets {
                    for b in &ms[tm].actors {
                        push(&code, a, &ms[sm], Some((b, ms[tm].start, ms[tm].end)), &notes);
                        if mutual {
                            push(&code, b, &ms[tm], Some((a, ms[sm].start, ms[sm].end)), &back_notes);
                        }
                        if let Some(r) = &counterpart {
                            push(r, b, &ms[tm], Some((a, ms[sm].start, ms[sm].end)), &counter_notes);
                        }
                    }
                }
            }
        }
    }
    allegations(s, ms, lex, &mut out);
    complaints_about(s, ms, lex, &mut out);
    independence_from(s, ms, lex, &mut out);
    merge_protest_motives(&mut out);
    out
}

/// "rioted ... demanding a referendum on independence from Indonesian rule": a
/// protest or demand for independence from a state is aimed at that state,
/// whatever target the protest's place or its own country gave it.
fn independence_from(s: &Sentence, ms: &[Mention], lex: &Lexicon, out: &mut [SentenceEvent]) {
    for e in out.iter_mut() {
        if !lex.verbs[e.pattern].origin.starts_with("builtin:") || !matches!(ontology::root(&e.code), "14" | "10") {
            continue;
        }
        let end = (e.verb.1..s.words.len()).find(|&t| matches!(s.words[t], ";" | "." | "--")).unwrap_or(s.words.len());
        let Some(from) = (e.verb.0..end.saturating_sub(1)).find(|&t| s.words[t] == "independence" && s.words[t + 1] == "from").map(|t| t + 1) else {
            continue;
        };
        let Some((state, a, b)) = state_named_after(ms, from, from + 2, e.source.0.code.country.as_deref()) else { continue };
        if e.target.as_ref().is_some_and(|(t, _, _)| t.code.country == state.code.country) {
            continue;
        }
        e.notes.push(format!("independence from `{}`: aimed at that state", s.slice(a, b)));
        e.target = Some((state, a, b));
    }
}

/// The first state named by a country or demonym starting after token `after`
/// and at most at `last`, other than `own`: as a bare country actor, with its
/// token range.
fn state_named_after(ms: &[Mention], after: usize, last: usize, own: Option<&str>) -> Option<(Actor, usize, usize)> {
    let m = ms.iter().find(|m| {
        m.start > after
            && m.start <= last
            && matches!(m.kind, ActorKind::Demonym | ActorKind::Country)
            && m.actors.len() == 1
            && m.actors[0].code.country.as_deref().is_some_and(|c| ontology::is_state(c) && Some(c) != own)
    })?;
    let state = Actor { code: ActorCode { country: m.actors[0].code.country.clone(), sectors: vec![] }, name: None, rule: m.actors[0].rule.clone() };
    Some((state, m.start, m.end))
}

/// "complained to the United Nations over two Israeli air raids": a complaint
/// or criticism lodged with an international body about a state's acts is
/// aimed at that state, the body only hears it. The state is the first
/// country or demonym after "over", "about" or "against" within a few words
/// of the body, in its clause.
fn complaints_about(s: &Sentence, ms: &[Mention], lex: &Lexicon, out: &mut [SentenceEvent]) {
    for e in out.iter_mut() {
        if !lex.verbs[e.pattern].origin.starts_with("builtin:") || !matches!(e.code.get(..3), Some("111" | "112" | "114")) {
            continue;
        }
        let Some((body, _, body_end)) = &e.target else { continue };
        if !body.code.country.as_deref().is_some_and(|c| c.starts_with("IGO")) {
            continue;
        }
        let clause_end = clause_end(s, *body_end, s.words.len());
        let Some(about) = (*body_end..clause_end.min(body_end + 6)).find(|&t| matches!(s.words[t], "over" | "about" | "against")) else { continue };
        let last = (about + 3).min(clause_end.saturating_sub(1));
        let Some((accused, a, b)) = state_named_after(ms, about, last, e.source.0.code.country.as_deref()) else { continue };
        e.notes.push(format!("lodged with `{}` {} `{}`: aimed at the state", body.code.code(), s.words[about], s.slice(a, b)));
        e.target = Some((accused, a, b));
    }
}

/// "began a hunger strike in protest of the government's refusal": the "in
/// protest of" after a protest by the same actor is that protest's motive, not
/// a second protest. Its target, an authority, becomes the protest's if the
/// protest's own came only from where it happened.
fn merge_protest_motives(out: &mut Vec<SentenceEvent>) {
    let mut k = 1;
    while k < out.len() {
        let e = &out[k];
        let motive = e.code == "140" && e.notes.iter().any(|n| n.starts_with("subject shared"));
        let protest = motive.then(|| (0..k).find(|&j| ontology::root(&out[j].code) == "14" && out[j].source.0.code == e.source.0.code)).flatten();
        let Some(j) = protest else {
            k += 1;
            continue;
        };
        let e = out.remove(k);
        let placed = out[j].notes.iter().any(|n| n.starts_with("no recipient named") || n.starts_with("protest target from the place"));
        // (Only an authority: "in protest of the arrest of activists" is not aimed at them.)
        if let (true, Some(t)) = (placed || out[j].target.is_none(), e.target.filter(|(t, _, _)| state_actor(t))) {
            out[j].target = Some(t);
            out[j].notes.push("target from the protest's motive (`in protest of ...`)".into());
        }
    }
}

/// Verbs of allegation: what follows them is claimed, not reported as fact.
const ALLEGE: &[&str] = &["claim", "claims", "claimed", "claiming", "allege", "alleges", "alleged", "alleging"];

/// "The US claimed that ISIL had attacked Iraq": violence someone alleges is
/// their accusation of the alleged attacker (112), not an attack on record;
/// "The US claimed that they had attacked Iraq": violence a party claims as
/// its own is a claim of responsibility (015). (The built-in lexicon's
/// events only: loaded dictionaries code as their own coders do.)
fn allegations(s: &Sentence, ms: &[Mention], lex: &Lexicon, out: &mut [SentenceEvent]) {
    for e in out.iter_mut() {
        if !lex.verbs[e.pattern].origin.starts_with("builtin:") || !matches!(ontology::root(&e.code), "18" | "19" | "20") {
            continue;
        }
        let mut t = e.verb.0;
        let mut at = None;
        while t > 0 {
            t -= 1;
            let w = s.words[t];
            if ALLEGE.contains(&w) {
                at = Some(t);
                break;
            }
            if is_boundary(w) || w == ";" {
                break;
            }
        }
        // The claim must open a clause: "claimed (that) X ...", not "the alleged attack".
        let Some(at) = at.filter(|&a| s.word(a + 1) == "that" || ms.iter().any(|m| m.start == a + 1)) else { continue };
        let Some(spk) = subject(s, ms, at, 0) else { continue };
        let speaker = &ms[spk];
        let Some(who) = speaker.actors.first() else { continue };
        let word = s.words[at];
        if e.source.1 >= speaker.start && e.source.2 <= speaker.end {
            e.notes.push(format!("claimed as its own after `{word}`: {} -> 015", e.code));
            e.code = "015".to_string();
        } else if e.source.1 > at && who.code != e.source.0.code {
            let accused = std::mem::replace(&mut e.source, (who.clone(), speaker.start, speaker.end));
            e.notes.push(format!("alleged after `{word}`: {} by the accused -> 112 by the one alleging", e.code));
            e.target = Some(accused);
            e.code = "112".to_string();
        }
    }
}

/// Whether a phrase follows the verb phrase ending at `end` in its clause
/// ("burned down its embassy", "said on Saturday"), beyond adverbs that are
/// no phrase ("said today"): where PETRARCH finds a target, if an uncoded one.
fn phrase_follows(s: &Sentence, end: usize) -> bool {
    let mut t = end;
    while t < s.words.len() && s.toks[t].word && (s.words[t].ends_with("ly") || matches!(s.words[t], "today" | "yesterday" | "tomorrow" | "now" | "again")) {
        t += 1;
    }
    t < s.words.len() && s.toks[t].word && !is_boundary(s.words[t]) && !SUBORDINATORS.contains(&s.words[t]) && !matches!(s.words[t], "and" | "or")
}

/// Words that open a subordinate or relative clause: its verbs are background
/// ("after floods displaced thousands"), not the reported event.
const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "while", "since", "because", "if", "unless", "until", "although", "though", "whereas", "once", "who", "which", "whom", "whose",
    "where", "whether",
];

/// Whether the verb phrase sits in a background clause: a subordinate or
/// relative clause, a participle phrase ("intercepting a ship"), or a reduced
/// passive relative ("a channel disputed by X").
fn background_clause(s: &Sentence, vm: &VerbMatch, floor: usize, lex: &Lexicon) -> bool {
    let c = lex.compiled(vm.compiled);
    if !c.verbal {
        return false;
    }
    let anchor = s.words[vm.anchor];
    // Nearest auxiliary-like word before the verb (skipping adverbs).
    let mut t = vm.start;
    let mut aux = false;
    while t > 0 {
        t -= 1;
        let w = s.words[t];
        if w.ends_with("ly") || matches!(w, "not" | "n't" | "also" | "still" | "just" | "already") {
            continue;
        }
        aux = BE.contains(&w) || is_negative_contraction(w) || AUXILIARIES.contains(&w) || w == "to";
        break;
    }
    if anchor.ends_with("ing") && !aux {
        return true;
    }
    if c.participles.iter().any(|p| p == anchor) && s.word(vm.end) == "by" && !aux {
        return true;
    }
    // A subordinator between the clause start and the verb.
    let mut t = vm.start;
    while t > floor {
        t -= 1;
        let w = s.words[t];
        if matches!(w, "," | ";" | ":" | "--") {
            break;
        }
        if SUBORDINATORS.contains(&w) && !(w == "once" && s.word(t + 1) == "again") {
            return true;
        }
    }
    false
}

/// "Britain said Libya must hand over ...": the speaker demands of the one who must.
fn reported_obligation(s: &Sentence, ms: &[Mention], vm: &VerbMatch, pattern: usize, code: &str) -> Option<Vec<SentenceEvent>> {
    let obliged = subject(s, ms, vm.start, 0)?;
    let ob_group = group(s, ms, obliged, true);
    let first = ms[ob_group[0]].start;
    // A communication verb before the obliged party, and its own subject.
    let mut t = first;
    let mut speech_at = None;
    while t > 0 {
        t -= 1;
        let w = s.words[t];
        if SPEECH.contains(&w)
            || matches!(w, "declared" | "reiterated" | "concluded" | "insisted" | "warned" | "demanded" | "argued" | "maintained" | "repeated" | "wrote")
        {
            speech_at = Some(t);
            break;
        }
        if is_boundary(w) {
            break;
        }
    }
    let speech_at = speech_at?;
    let speaker = subject(s, ms, speech_at, 0)?;
    let mut out = Vec::new();
    for &sm in &group(s, ms, speaker, true) {
        for a in &ms[sm].actors {
            for &tm in &ob_group {
                for b in &ms[tm].actors {
                    if a.code.country == b.code.country && (a.code.sectors.is_empty() || b.code.sectors.is_empty()) || a.code == b.code {
                        continue;
                    }
                    out.push(SentenceEvent {
                        source: (a.clone(), ms[sm].start, ms[sm].end),
                        target: Some((b.clone(), ms[tm].start, ms[tm].end)),
                        code: code.to_string(),
                        verb: (speech_at, vm.end),
                        pattern,
                        notes: vec![format!("reported obligation: `{}` ... `must`", s.words[speech_at])],
                    });
                }
            }
        }
    }
    Some(out)
}

/// "warrants for two Brazilian men sought in ...": a participle right after the
/// object of a preposition modifies that object; it is no finite verb.
fn reduced_relative(s: &Sentence, ms: &[Mention], vm: &VerbMatch, lex: &Lexicon) -> bool {
    let c = lex.compiled(vm.compiled);
    if !c.verbal || !c.participles.iter().any(|p| p == s.words[vm.anchor]) || vm.anchor != vm.start {
        return false;
    }
    let Some(m) = ms.iter().find(|m| m.end == vm.start && !m.absorbed) else { return false };
    // "The civilians imprisoned for acting against X were released": a participle
    // followed by a preposition, with the clause's own auxiliary still to come.
    // ("Japan said on Tuesday it had ...": a speech verb, a time phrase and a new
    // subject make it a clause of its own.)
    if vm.end == vm.anchor + 1
        && PREPOSITIONS.contains(&s.word(vm.end))
        && !starts_time_phrase(s.word(vm.end + 1))
        && !SPEECH.contains(&s.words[vm.anchor])
        && !DETERMINERS.contains(&s.word(vm.start.wrapping_sub(1)))
    {
        let later_aux = (vm.end..s.words.len())
            .take_while(|&t| {
                !is_boundary(s.words[t])
                    && s.words[t] != ","
                    && !SUBORDINATORS.contains(&s.words[t])
                    && !matches!(s.words[t], "that" | "it" | "he" | "she" | "they" | "we" | "i" | "you")
            })
            .any(|t| matches!(s.words[t], "was" | "were" | "is" | "are" | "has" | "have" | "had" | "will"));
        if later_aux {
            return true;
        }
    }
    let gov = governing_word(s, m.start);
    // "Demonstrators in Baghdad blocked ...": a place closes the subject's phrase.
    if m.place && matches!(gov, "in" | "at") {
        return false;
    }
    // "for two Brazilian men detained in ...", "release a journalist detained in ...";
    // but "said Peruvian police detained ..." is a clause of its own, and "the
    // visiting leader praised ..." has an adjective, not a verb, before its subject.
    PREPOSITIONS.contains(&gov) || (lex.is_anchor(gov) && !SPEECH.contains(&gov) && gov != "that" && !gov.ends_with("ing"))
}

/// The word that governs a mention starting at `start`, past determiners,
/// numbers and quantities ("for two Brazilian men" -> "for", "hundreds of UN troops" -> before "hundreds").
fn governing_word<'a>(s: &'a Sentence, start: usize) -> &'a str {
    governing_word_in(s, start, false)
}

/// [`governing_word`], also past a compass word when `compass` ("in south
/// Ithilen" -> "in"). Only for loaded dictionaries, whose country phrases are
/// places as well; dyad's lexicon reads "Albanians in south Serbia" with its
/// place rules.
fn governing_word_in<'a>(s: &'a Sentence, start: usize, compass: bool) -> &'a str {
    let mut q = start;
    while q > 0 && (DETERMINERS.contains(&s.words[q - 1]) || is_number(s.words[q - 1]) || (compass && is_compass(s.words[q - 1]))) {
        q -= 1;
    }
    // "About 200 protesters", "around 50 soldiers": before a number these say how many.
    if q > 0 && q < start && matches!(s.words[q - 1], "about" | "around" | "over" | "under") && is_number(s.words[q]) {
        q -= 1;
    }
    // "some of the", "a group of Moroccan diplomats held ...": the group is its members;
    // so are "hundreds of thousands of people".
    while q > 1 && s.words[q - 1] == "of" && (DETERMINERS.contains(&s.words[q - 2]) || COLLECTIVES.contains(&s.words[q - 2])) {
        let collective = !DETERMINERS.contains(&s.words[q - 2]);
        q -= 2;
        // (A collective may carry its own determiner and modifiers: "a large group of".)
        while collective && q > 0 && (DETERMINERS.contains(&s.words[q - 1]) || is_number(s.words[q - 1]) || is_member_modifier(s, q - 1)) {
            q -= 1;
        }
    }
    if q > 0 {
        s.words[q - 1]
    } else {
        ""
    }
}

/// "south", "northern", "southeast": a word placing something within a place.
fn is_compass(w: &str) -> bool {
    let base = w.strip_suffix("ern").unwrap_or(w);
    matches!(base, "north" | "south" | "east" | "west" | "northeast" | "northwest" | "southeast" | "southwest" | "central")
}

/// A lowercase content word that may head an object noun phrase ("efforts").
fn is_object_noun(s: &Sentence, t: usize) -> bool {
    let w = s.words[t];
    is_plain_word(s, t) && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') && !w.ends_with("ly") && !ADVERBS.contains(&w)
}

/// A frame pattern: a 03 code whose words end in "to" ("agree to", "pledge to").
/// Also a verb of wanting or seeking with no object of its own, right before
/// "to" ("are seeking to deepen", "wants to visit"): it frames the act as an intent.
fn is_frame(s: &Sentence, lex: &Lexicon, vm: &VerbMatch) -> bool {
    let c = lex.compiled(vm.compiled);
    let bare_intent = vm.end == vm.anchor + 1 && vm.target_slot.is_none() && INTENT.contains(&s.words[vm.anchor]) && s.word(vm.end) == "to";
    bare_intent || (lex.verbs[c.pattern].code.starts_with("03") && matches!(c.after.last(), Some(PatElem::Words(w)) if w.iter().any(|x| x == "to")))
}

/// Whether `b` is the infinitive complement of the verb phrase `a`
/// ("urged Iran to release", "refused to meet"): only `to`, determiners,
/// adverbs and actors stand between them.
///
/// With `loaded` (a loaded dictionary's first verb), a noun of the first verb's
/// object may stand before `to` as well ("abandoned efforts to stop X"): to
/// PETRARCH the infinitive is inside the first verb's phrase, which codes it.
fn infinitive_complement(s: &Sentence, ms: &[Mention], a: &VerbMatch, b: &VerbMatch, loaded: bool) -> bool {
    if b.start == 0 || s.words[b.start - 1] != "to" && !(b.start >= 2 && s.words[b.start - 2] == "to" && s.words[b.start - 1].ends_with("ly")) {
        return false;
    }
    let nouns = (a.end..b.start).filter(|&t| is_object_noun(s, t)).count();
    (a.end..b.start).all(|t| {
        let w = s.words[t];
        if loaded && nouns <= 2 && is_object_noun(s, t) && !ms.iter().any(|m| m.start <= t && t < m.end) {
            return true;
        }
        matches!(w, "to" | "the" | "a" | "an" | "and" | "its" | "their" | "both" | "also" | "further" | "jointly" | "not")
            || is_time_word(w)
            || w.ends_with("ly")
            || ms.iter().any(|m| m.start <= t && t < m.end)
            || (matches!(w, "in" | "at") && s.toks.get(t + 1).is_some_and(|x| x.capitalized))
            || (t > a.end && s.toks[t].capitalized && matches!(s.words[t - 1], "in" | "at"))
            || matches!((s.word(t.wrapping_sub(1)), w), ("in", "principle") | ("at", "last"))
            || (w == "in" && s.word(t + 1) == "principle")
            || (w == "at" && s.word(t + 1) == "last")
    })
}

/// Whether `b` is a purpose infinitive of `a` ("gave X a grant to finance
/// projects", "summoned the ambassador to complain"): "to" + verb later in
/// the same clause, not coordinated ("and to"). What it is for has not
/// happened yet, so it is not an event of its own.
fn purpose_infinitive(s: &Sentence, a: &VerbMatch, b: &VerbMatch) -> bool {
    if b.start < 1 || s.words[b.start - 1] != "to" || b.start <= a.end + 1 || b.start > a.end + 12 {
        return false;
    }
    if matches!(s.word(b.start.wrapping_sub(2)), "and" | "or" | "not") {
        return false;
    }
    (a.end..b.start - 1).all(|t| {
        let w = s.words[t];
        !is_boundary(w) && w != "," && !SPEECH.contains(&w) && !SUBORDINATORS.contains(&w) && !matches!(w, "that" | "and" | "or")
    })
}
