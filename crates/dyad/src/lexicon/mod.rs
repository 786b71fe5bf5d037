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
