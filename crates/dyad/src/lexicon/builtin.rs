//! Reads dyad's own lexicon files (`crates/dyad/lexicon/*.txt`, described in
//! that folder's README) into lexicon entries.

use super::morph::Morphology;
use super::{ActorCode, ActorEntry, ActorKind, DateRange, LexProblem, PatElem, VerbPattern};
use crate::text;
use rustc_hash::FxHashMap;

/// The built-in actor lexicon, compiled into the binary.
pub const ACTORS: &str = include_str!("../../lexicon/actors.txt");
/// The built-in verb lexicon.
pub const VERBS: &str = include_str!("../../lexicon/verbs.txt");
/// Irregular verb forms.
pub const IRREGULAR: &str = include_str!("../../lexicon/irregular.txt");

/// What an actor file yields: actor phrases and place names.
#[derive(Debug, Default)]
pub struct ActorFile {
    /// Actor phrases.
    pub actors: Vec<ActorEntry>,
    /// Place names with their country (cities, regions, capitals).
    pub places: Vec<(String, String)>,
    /// Lines that could not be read.
    pub problems: Vec<LexProblem>,
}

fn items(field: &str) -> impl Iterator<Item = &str> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// English plural of the last word of a role phrase ("foreign minister" -> "foreign ministers").
pub fn plural(phrase: &str) -> String {
    let (head, last) = match phrase.rfind(' ') {
        Some(i) => (&phrase[..=i], &phrase[i + 1..]),
        None => ("", phrase),
    };
    let lb = last.as_bytes();
    let n = lb.len();
    let p = if last.ends_with("man") && !last.ends_with("human") {
        format!("{}men", &last[..n - 3])
    } else if last.ends_with('y') && n > 1 && !matches!(lb[n - 2], b'a' | b'e' | b'i' | b'o' | b'u') {
        format!("{}ies", &last[..n - 1])
    } else if last.ends_with('s') || last.ends_with('x') || last.ends_with("ch") || last.ends_with("sh") {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    format!("{head}{p}")
}

/// Parses `actors.txt` (format in the lexicon README). `name` labels origins.
pub fn parse_actors(text: &str, name: &str) -> ActorFile {
    let mut out = ActorFile::default();
    let mut section = String::new();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            section = line[1..line.len() - 1].trim().to_string();
            continue;
        }
        let origin = format!("{name}:{line_no}");
        let f: Vec<&str> = line.split('|').map(str::trim).collect();
        let mut bad = |msg: String| out.problems.push(LexProblem { origin: origin.clone(), message: msg });
        let push = |out: &mut ActorFile, phrase: &str, kind: ActorKind, code: &ActorCode, range: DateRange| {
            out.actors.push(ActorEntry { phrase: phrase.to_string(), kind, codes: vec![(code.clone(), range)], origin: origin.clone() });
        };
        match section.as_str() {
            "countries" => {
                if f.len() != 4 || f[0].len() != 3 {
                    bad(format!("expected `ISO3 | names | adjectives | capitals`, got `{line}`"));
                    continue;
                }
                let country = ActorCode { country: Some(f[0].to_string()), sectors: vec![] };
                let gov = ActorCode { country: Some(f[0].to_string()), sectors: vec!["GOV".into()] };
                for p in items(f[1]) {
                    push(&mut out, p, ActorKind::Country, &country, DateRange::default());
                }
                for p in items(f[2]) {
                    push(&mut out, p, ActorKind::Demonym, &country, DateRange::default());
                }
                for p in items(f[3]) {
                    push(&mut out, p, ActorKind::Metonym, &gov, DateRange::default());
                    out.places.push((p.to_string(), f[0].to_string()));
                }
            }
            "igos" | "organizations" | "sectors" => {
                // An organisation may carry the dates of what it was: the SPLM was a
                // Sudanese rebel movement until South Sudan's independence, a South
                // Sudanese party after.
                let dated = section == "organizations" && f.len() == 3;
                if !(f.len() == 2 || dated) || f[0].is_empty() {
                    bad(format!("expected `CODE | names` (organizations: `CODE | names | from..to` also), got `{line}`"));
                    continue;
                }
                let range = if dated {
                    let Some(r) = parse_range(f[2]) else {
                        bad(format!("bad date range `{}` (want YYYY-MM-DD..YYYY-MM-DD, either end may be empty)", f[2]));
                        continue;
                    };
                    r
                } else {
                    DateRange::default()
                };
                let (kind, code) = match section.as_str() {
                    "igos" => (ActorKind::Igo, ActorCode { country: Some(f[0].to_string()), sectors: vec![] }),
                    "organizations" => (ActorKind::Organization, ActorCode::parse(&format!("{} ", f[0]))),
                    _ => (ActorKind::Sector, ActorCode { country: None, sectors: f[0].split_whitespace().map(String::from).collect() }),
                };
                for p in items(f[1]) {
                    // `speaker!`: a role with no plural reading ("speakers at a rally" spoke).
                    let (p, singular_only) = match p.strip_suffix('!') {
                        Some(stem) if kind == ActorKind::Sector => (stem.trim_end(), true),
                        _ => (p, false),
                    };
                    push(&mut out, p, kind, &code, range);
                    if kind == ActorKind::Sector && !singular_only && !p.ends_with('s') && !p.contains("people") {
                        push(&mut out, &plural(p), kind, &code, DateRange::default());
                    }
                }
            }
            "people" => {
                if f.len() != 3 {
                    bad(format!("expected `CODE | names | from..to`, got `{line}`"));
                    continue;
                }
                let Some(range) = parse_range(f[2]) else {
                    bad(format!("bad date range `{}` (want YYYY-MM-DD..YYYY-MM-DD, either end may be empty)", f[2]));
                    continue;
                };
                let code = ActorCode::parse(&format!("{} ", f[0]));
                for p in items(f[1]) {
                    push(&mut out, p, ActorKind::Person, &code, range);
                }
            }
            "places" => {
                if f.len() != 2 || f[0].len() != 3 {
                    bad(format!("expected `ISO3 | places`, got `{line}`"));
                    continue;
                }
                for p in items(f[1]) {
                    out.places.push((p.to_string(), f[0].to_string()));
                }
            }
            other => bad(format!("line outside a known section (`[{other}]`)")),
        }
    }
    out
}

fn parse_range(s: &str) -> Option<DateRange> {
    let (a, b) = s.split_once("..")?;
    let p = |x: &str| -> Option<Option<crate::time::Date>> {
        let x = x.trim();
        if x.is_empty() {
            Some(None)
        } else {
            x.parse().ok().map(Some)
        }
    };
    Some(DateRange { from: p(a)?, to: p(b)? })
}

/// Parses `verbs.txt`: `CODE | pattern; pattern`.
pub fn parse_verbs(text: &str, name: &str, morph: &Morphology) -> (Vec<VerbPattern>, Vec<LexProblem>) {
    parse_verbs_from(text, name, 1, morph)
}

/// Like [`parse_verbs`] for a part of a file whose first line is line `first_line`
/// (so that the origins of its patterns name the right lines).
pub fn parse_verbs_from(text: &str, name: &str, first_line: usize, morph: &Morphology) -> (Vec<VerbPattern>, Vec<LexProblem>) {
    let mut pats = Vec::new();
    let mut problems = Vec::new();
    // Thousands of patterns share a few hundred lemmas and words: inflect and key each once.
    let mut cache = Caches::default();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let origin = format!("{name}:{}", n + first_line);
        let Some((code, rest)) = line.split_once('|') else {
            problems.push(LexProblem { origin, message: format!("expected `CODE | patterns`, got `{line}`") });
            continue;
        };
        let code = code.trim();
        // `:CODE`: the target acts on the subject ("receive weapons from +").
        let digits = code.strip_prefix(':').unwrap_or(code);
        // `---`: a blocking phrase that is no event ("meet demand" is supply, not concession).
        if code != "---" && (digits.len() < 3 || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit())) {
            problems.push(LexProblem { origin, message: format!("`{code}` is not a CAMEO code") });
            continue;
        }
        for p in items(rest) {
            match parse_pattern_cached(p, morph, &mut cache) {
                Ok(elems) => pats.push(VerbPattern { code: code.to_string(), elems, text: p.to_string(), origin: origin.clone() }),
                Err(e) => problems.push(LexProblem { origin: origin.clone(), message: format!("pattern `{p}`: {e}") }),
            }
        }
    }
    (pats, problems)
}

/// Compiles one pattern of the built-in syntax into elements.
pub fn parse_pattern(p: &str, morph: &Morphology) -> Result<Vec<PatElem>, String> {
    parse_pattern_cached(p, morph, &mut Caches::default())
}

/// What reading one verb file computes once per distinct lemma or word.
#[derive(Default)]
struct Caches<'t> {
    /// Lemma -> all its forms.
    forms: FxHashMap<&'t str, Vec<String>>,
    /// Word -> its phrase key.
    keys: FxHashMap<&'t str, String>,
}

fn forms_of<'t>(l: &'t str, morph: &Morphology, cache: &mut Caches<'t>) -> Vec<String> {
    cache.forms.entry(l).or_insert_with(|| morph.inflect(l).all()).clone()
}

fn parse_pattern_cached<'t>(p: &'t str, morph: &Morphology, cache: &mut Caches<'t>) -> Result<Vec<PatElem>, String> {
    let (literal, body) = match p.strip_prefix('=') {
        Some(rest) => (true, rest.trim()),
        None => (false, p),
    };
    let mut elems = Vec::new();
    for (i, w) in body.split_whitespace().enumerate() {
        match w {
            "+" => elems.push(PatElem::Target),
            "$" => elems.push(PatElem::Source),
            ".." => elems.push(PatElem::Gap(4)),
            _ if i == 0 && !literal => {
                if w.contains('/') {
                    let mut forms: Vec<String> = w.split('/').flat_map(|l| forms_of(l, morph, cache)).collect();
                    forms.sort();
                    forms.dedup();
                    elems.push(PatElem::Verb(forms));
                } else {
                    elems.push(PatElem::Verb(forms_of(w, morph, cache)));
                }
            }
            _ => {
                let alts: Vec<&str> = w.split('/').collect();
                // A word may tokenize into several tokens ("co-operate"); alternatives must be single tokens.
                let keys: Vec<String> = alts.iter().map(|a| cache.keys.entry(a).or_insert_with(|| text::phrase_key(a)).clone()).collect();
                if keys.iter().any(|k| k.is_empty()) {
                    return Err(format!("empty word in `{w}`"));
                }
                if alts.len() == 1 {
                    for part in keys[0].split(' ') {
                        elems.push(PatElem::Words(vec![part.to_string()]));
                    }
                } else if keys.iter().any(|k| k.contains(' ')) {
                    return Err(format!("alternatives must be single words: `{w}`"));
                } else {
                    elems.push(PatElem::Words(keys));
                }
            }
        }
    }
    if elems.iter().all(|e| matches!(e, PatElem::Target | PatElem::Source | PatElem::Gap(_))) {
        return Err("pattern has no words".into());
    }
    if matches!(elems.first(), Some(PatElem::Gap(_))) || matches!(elems.last(), Some(PatElem::Gap(_))) {
        return Err("a pattern cannot start or end with `..`".into());
    }
    Ok(elems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        for (s, p) in [
            ("minister", "ministers"),
            ("policeman", "policemen"),
            ("militia", "militias"),
            ("foreign ministry", "foreign ministries"),
            ("head of state", "head of states"),
            ("armed force", "armed forces"),
            ("bus", "buses"),
        ] {
            assert_eq!(plural(s), p);
        }
    }

    #[test]
    fn actor_sections() {
        let f = parse_actors(
            "[countries]\nXYZ | Freedonia; Republic of Freedonia | Freedonian | Fredville\n[sectors]\nGOV LEG | speaker; chairman!\n[people]\nXYZ GOV | Rufus Firefly | 2020-01-01..\n[places]\nXYZ | Port Marx\n[igos]\nbroken\n[nowhere]\nXYZ | a\n",
            "t",
        );
        assert_eq!(f.problems.len(), 2, "{:?}", f.problems);
        let kinds: Vec<_> = f.actors.iter().map(|a| (a.phrase.as_str(), a.kind, a.codes[0].0.code())).collect();
        assert!(kinds.contains(&("Freedonia", ActorKind::Country, "XYZ".into())));
        assert!(kinds.contains(&("Freedonian", ActorKind::Demonym, "XYZ".into())));
        assert!(kinds.contains(&("Fredville", ActorKind::Metonym, "XYZGOV".into())));
        assert!(kinds.contains(&("speakers", ActorKind::Sector, "---GOVLEG".into())));
        assert!(kinds.contains(&("chairman", ActorKind::Sector, "---GOVLEG".into())));
        assert!(!kinds.iter().any(|k| k.0.starts_with("chairm") && k.0 != "chairman"), "`chairman!` has no plural: {kinds:?}");
        assert!(kinds.contains(&("Rufus Firefly", ActorKind::Person, "XYZGOV".into())));
        assert_eq!(f.places.len(), 2);
        let person = f.actors.iter().find(|a| a.kind == ActorKind::Person).unwrap();
        assert!(!person.codes[0].1.contains(Some("2019-12-31".parse().unwrap())));
        assert!(person.codes[0].1.contains(Some("2030-01-01".parse().unwrap())));
    }

    #[test]
    fn organisations_may_carry_dates() {
        // An invented movement: a rebel group until its country splits, a party after.
        let f = parse_actors(
            "[organizations]\nXYZ REB | Freedom Front; FF | ..2011-07-08\nABC PTY | Freedom Front | 2011-07-09..\nXYZ GOV | Ministry of Truth | someday\n",
            "builtin:t",
        );
        assert_eq!(f.problems.len(), 1, "the bad range is reported: {:?}", f.problems);
        let mut b = crate::lexicon::LexiconBuilder::new();
        b.add_actors(f.actors);
        let lex = b.build();
        let e = lex.actors.iter().find(|a| a.phrase == "Freedom Front").unwrap();
        let on = |d: &str| e.codes.iter().find(|(_, r)| r.contains(Some(d.parse().unwrap()))).map(|(c, _)| c.code());
        assert_eq!(on("2005-01-09").as_deref(), Some("XYZREB"));
        assert_eq!(on("2015-01-01").as_deref(), Some("ABCPTY"));
    }

    #[test]
    fn patterns() {
        let (m, _) = Morphology::parse("hold | held | held\n");
        let e = parse_pattern("hold .. talks/discussions with +", &m).unwrap();
        assert!(matches!(&e[0], PatElem::Verb(f) if f.contains(&"held".to_string())));
        assert_eq!(e[1], PatElem::Gap(4));
        assert_eq!(e[2], PatElem::Words(vec!["talks".into(), "discussions".into()]));
        assert_eq!(e[4], PatElem::Target);
        let lit = parse_pattern("= talks with +", &m).unwrap();
        assert_eq!(lit[0], PatElem::Words(vec!["talks".into()]));
        assert!(parse_pattern("+ ..", &m).is_err());
        assert!(parse_pattern("hold ..", &m).is_err());
        let (pats, probs) = parse_verbs("040 | meet +; hold talks with +\n999x | bad\nnope\n", "v", &m);
        assert_eq!(pats.len(), 2);
        assert_eq!(probs.len(), 2);
    }
}
