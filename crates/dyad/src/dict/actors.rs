//! Actor dictionaries (`Phoenix.*.actors.txt`, `PETR.Validate.actors.txt`).
//!
//! An entry is a primary phrase, optional `+` synonym lines, and codes in
//! square brackets, either on the primary line or on following indented
//! lines. A code may carry a date restriction: `[CODE A-B]`, `[CODE >A]`,
//! `[CODE <B]`, dates as `YYMMDD` (years 00-30 are 20YY, others 19YY, as in
//! KEDS/TABARI/PETRARCH) or `YYYYMMDD`. An undated code next to dated ones is
//! the default, so dated codes are listed first: the lexicon takes the first
//! code whose range contains the story date.
//!
//! Primary phrases without a code that are immediately followed (no blank
//! line) by another code-less primary share that entry's codes: the Phoenix
//! files list a person's name variants this way (`IVO_JOSIPOVIC_`,
//! `PRESIDENT_JOSIPOVIC_`, `JOSIPOVIC_`, then the role lines). A code-less
//! entry that never gets a code is reported and skipped.

use crate::lexicon::{ActorCode, ActorEntry, ActorKind, DateRange};
use crate::time::Date;

use super::{normalize_phrase, Ctx, Line};

/// The entry being assembled.
#[derive(Default)]
struct Block {
    /// Normalised phrases with the line each came from.
    phrases: Vec<(String, usize)>,
    /// Codes in file order, with whether they carry a date restriction.
    codes: Vec<(ActorCode, DateRange, bool)>,
    /// Line of the last line that belonged to this block.
    last_line: usize,
}

/// Parses an actor dictionary into `out`; returns the number of entries added.
pub(super) fn parse(lines: &[Line<'_>], ctx: &mut Ctx<'_>, out: &mut Vec<ActorEntry>) -> usize {
    let before = out.len();
    let mut block: Option<Block> = None;
    for line in lines {
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('[') {
            match block.as_mut() {
                Some(b) => {
                    parse_codes(t, line.no, ctx, &mut b.codes);
                    b.last_line = line.no;
                }
                None => ctx.problem(line.no, format!("code line '{t}' before any actor phrase; skipped")),
            }
            continue;
        }
        if let Some(syn) = t.strip_prefix('+') {
            let Some(b) = block.as_mut() else {
                ctx.problem(line.no, "synonym line before any actor phrase; skipped");
                continue;
            };
            let (phrase, codes) = split_phrase(syn);
            add_phrase(phrase, line.no, ctx, b);
            if !codes.is_empty() {
                parse_codes(codes, line.no, ctx, &mut b.codes);
            }
            b.last_line = line.no;
            continue;
        }
        // A primary phrase.
        let (phrase, codes) = split_phrase(t);
        let chain = codes.is_empty() && block.as_ref().is_some_and(|b| b.codes.is_empty() && b.last_line + 1 == line.no);
        if !chain {
            if let Some(b) = block.take() {
                finish(b, ctx, out);
            }
            block = Some(Block::default());
        }
        let b = block.as_mut().expect("block was just ensured");
        add_phrase(phrase, line.no, ctx, b);
        if !codes.is_empty() {
            parse_codes(codes, line.no, ctx, &mut b.codes);
        }
        b.last_line = line.no;
    }
    if let Some(b) = block.take() {
        finish(b, ctx, out);
    }
    out.len() - before
}

/// Splits `PHRASE [CODE] [CODE]` at the first bracket.
fn split_phrase(s: &str) -> (&str, &str) {
    match memchr::memchr(b'[', s.as_bytes()) {
        Some(i) => (s[..i].trim(), &s[i..]),
        None => (s.trim(), ""),
    }
}

fn add_phrase(raw: &str, line: usize, ctx: &mut Ctx<'_>, b: &mut Block) {
    let p = normalize_phrase(raw);
    if p.is_empty() {
        ctx.problem(line, "empty actor phrase; skipped");
    } else {
        b.phrases.push((p, line));
    }
}

/// Turns a finished block into one entry per phrase.
fn finish(b: Block, ctx: &mut Ctx<'_>, out: &mut Vec<ActorEntry>) {
    if b.phrases.is_empty() {
        return;
    }
    if b.codes.is_empty() {
        let names: Vec<&str> = b.phrases.iter().map(|(p, _)| p.as_str()).collect();
        ctx.problem(b.phrases[0].1, format!("actor phrase '{}' has no code; skipped", names.join("', '")));
        return;
    }
    // Dated codes first, in file order; undated defaults after them.
    let mut codes: Vec<(ActorCode, DateRange)> = Vec::with_capacity(b.codes.len());
    codes.extend(b.codes.iter().filter(|c| c.2).map(|c| (c.0.clone(), c.1)));
    codes.extend(b.codes.iter().filter(|c| !c.2).map(|c| (c.0.clone(), c.1)));
    let kind = infer_kind(&b.codes);
    for (phrase, line) in b.phrases {
        out.push(ActorEntry { phrase, kind, codes: codes.clone(), origin: ctx.origin(line) });
    }
}

/// The files do not say what kind of actor an entry is, so guess from its
/// codes: IGO codes are organisations of states, dated roles belong to
/// people, a bare three-letter code is a country (or its adjective/capital,
/// which the coder treats alike), anything else is a named organisation.
fn infer_kind(codes: &[(ActorCode, DateRange, bool)]) -> ActorKind {
    // Several actors in one phrase ("[FRO/BIL/SAM]") act as a group, like a named organisation.
    if codes.iter().any(|c| c.0.country.as_deref().is_some_and(|s| s.contains('/'))) {
        return ActorKind::Organization;
    }
    let is_igo = |c: &ActorCode| c.country.as_deref().is_some_and(|s| s.starts_with("IGO"));
    if codes.iter().any(|c| is_igo(&c.0)) {
        ActorKind::Igo
    } else if codes.iter().any(|c| c.2) {
        ActorKind::Person
    } else if codes.iter().all(|c| c.0.sectors.is_empty() && c.0.country.as_deref().is_some_and(|s| s.len() == 3)) {
        ActorKind::Country
    } else {
        ActorKind::Organization
    }
}

/// Parses every `[...]` group in `s`; text outside brackets is reported.
fn parse_codes(s: &str, line: usize, ctx: &mut Ctx<'_>, out: &mut Vec<(ActorCode, DateRange, bool)>) {
    let mut rest = s;
    loop {
        let Some(open) = rest.find('[') else {
            if !rest.trim().is_empty() {
                ctx.problem(line, format!("text '{}' after the codes ignored", rest.trim()));
            }
            break;
        };
        if !rest[..open].trim().is_empty() {
            ctx.problem(line, format!("text '{}' between codes ignored", rest[..open].trim()));
        }
        let Some(close) = rest[open..].find(']') else {
            ctx.problem(line, format!("unclosed '[' in '{}'; code skipped", rest.trim()));
            break;
        };
        let inner = &rest[open + 1..open + close];
        if let Some(code) = parse_code(inner, line, ctx) {
            out.push(code);
        }
        rest = &rest[open + close + 1..];
    }
}

/// Parses the inside of one bracket: `CODE`, `CODE A-B`, `CODE >A`, `CODE <B`.
fn parse_code(inner: &str, line: usize, ctx: &mut Ctx<'_>) -> Option<(ActorCode, DateRange, bool)> {
    let inner = inner.trim();
    let (code, dates) = match inner.find(char::is_whitespace) {
        Some(i) => (&inner[..i], inner[i..].trim()),
        None => (inner, ""),
    };
    let code = code.to_ascii_uppercase();
    if !code.split('/').all(valid_actor_code) {
        ctx.problem(line, format!("malformed actor code '[{inner}]'; code skipped"));
        return None;
    }
    // `[FRO/BIL/SAM]`: the phrase names several actors at once; they stay joined
    // here and are taken apart when the phrase is found in a sentence.
    let actor_code = if code.contains('/') { ActorCode { country: Some(code), sectors: vec![] } } else { ActorCode::parse(&code) };
    if dates.is_empty() {
        return Some((actor_code, DateRange::default(), false));
    }
    // Spaces inside the restriction occur ("> 990816", "19950601 - 19990815").
    let dates: String = dates.chars().filter(|c| !c.is_whitespace()).collect();
    let mut range = DateRange::default();
    if let Some(d) = dates.strip_prefix('>') {
        range.from = parse_date(d, line, ctx);
    } else if let Some(d) = dates.strip_prefix('<') {
        range.to = parse_date(d, line, ctx);
    } else if let Some((a, b)) = dates.split_once('-') {
        range.from = parse_date(a, line, ctx);
        range.to = parse_date(b, line, ctx);
    } else {
        ctx.problem(line, format!("date '{dates}' in '[{inner}]' has no '<', '>' or '-'; read as a start date"));
        range.from = parse_date(&dates, line, ctx);
    }
    if let (Some(f), Some(t)) = (range.from, range.to) {
        if t < f {
            ctx.problem(line, format!("date range in '[{inner}]' ends before it starts; code skipped"));
            return None;
        }
    }
    if range.from.is_none() && range.to.is_none() {
        // Both bounds unreadable (already reported): an undated code is the
        // closest reading, but it must not shadow the real defaults.
        return Some((actor_code, range, false));
    }
    Some((actor_code, range, true))
}

/// Codes are letters and digits (`IGOUNO`, `NGOCHRPRO214`), optionally
/// after `---` for "no country" (`---REB`).
fn valid_actor_code(code: &str) -> bool {
    let body = code.strip_prefix("---").unwrap_or(code);
    (code.len() >= 3) && body.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Parses `YYMMDD` or `YYYYMMDD`; anything else is reported and gives `None`
/// (an open end), which is the most lenient reading of a typo.
pub(super) fn parse_date(s: &str, line: usize, ctx: &mut Ctx<'_>) -> Option<Date> {
    match parse_date_str(s) {
        Ok(d) => Some(d),
        Err(why) => {
            ctx.problem(line, format!("date '{s}' {why}; that end of the range left open"));
            None
        }
    }
}

fn parse_date_str(s: &str) -> Result<Date, &'static str> {
    if !s.bytes().all(|b| b.is_ascii_digit()) || s.is_empty() {
        return Err("is not a number");
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<i16>().map_err(|_| "is not a number");
    let (year, month, day) = match s.len() {
        6 => {
            let yy = num(0..2)?;
            let year = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            (year, num(2..4)?, num(4..6)?)
        }
        8 => (num(0..4)?, num(4..6)?, num(6..8)?),
        _ => return Err("has neither 6 (YYMMDD) nor 8 (YYYYMMDD) digits"),
    };
    let (Ok(m), Ok(d)) = (i8::try_from(month), i8::try_from(day)) else {
        return Err("is not a calendar date");
    };
    Date::new(year, m, d).map_err(|_| "is not a calendar date")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::dict::{load_text, DictKind, Dictionaries};

    fn load(text: &str) -> Dictionaries {
        let mut d = Dictionaries::default();
        load_text(Path::new("sample.actors.txt"), DictKind::Actors, text, &mut d);
        d
    }

    fn date(y: i16, m: i8, d: i8) -> Option<Date> {
        Some(Date::new(y, m, d).unwrap())
    }

    #[test]
    fn primary_phrase_and_synonyms_share_codes() {
        let d = load("UNITED_STATES_  [USA]\n+AMERICAN_\n+U.S.\nFRANCE [FRA]\n");
        let phrases: Vec<&str> = d.actors.iter().map(|a| a.phrase.as_str()).collect();
        assert_eq!(phrases, ["united states", "american", "u.s.", "france"]);
        assert_eq!(d.actors[1].codes[0].0.code(), "USA");
        assert_eq!(d.actors[1].kind, ActorKind::Country);
        assert_eq!(d.actors[2].origin, "sample.actors.txt:3");
        assert!(d.problems.is_empty(), "{:?}", d.problems);
    }

    #[test]
    fn indented_code_lines_and_all_date_forms() {
        let text = "GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB >990816]\n\t[HOBCIV]\n";
        let d = load(text);
        assert_eq!(d.actors.len(), 2);
        let codes = &d.actors[1].codes;
        assert_eq!(codes.len(), 4);
        assert_eq!(codes[0].0.code(), "HOB");
        assert_eq!(codes[0].1, DateRange { from: None, to: date(1995, 6, 1) });
        assert_eq!(codes[1].1, DateRange { from: date(1995, 6, 1), to: date(1999, 8, 15) });
        assert_eq!(codes[2].1, DateRange { from: date(1999, 8, 16), to: None });
        // The undated default comes last so dated roles win when they apply.
        assert_eq!(codes[3].0.code(), "HOBCIV");
        assert_eq!(codes[3].1, DateRange::default());
        assert_eq!(d.actors[0].kind, ActorKind::Person);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
    }

    #[test]
    fn six_digit_years_pivot_at_thirty() {
        let d = load("A_PERSON [ABCGOV >300101] [ABCGOV <310101]\nX [ABC 991231-000101]\n");
        assert_eq!(d.actors[0].codes[0].1.from, date(2030, 1, 1));
        assert_eq!(d.actors[0].codes[1].1.to, date(1931, 1, 1));
        assert_eq!(d.actors[1].codes[0].1.from, date(1999, 12, 31));
        assert_eq!(d.actors[1].codes[0].1.to, date(2000, 1, 1));
        assert!(d.problems.is_empty(), "{:?}", d.problems);
    }

    #[test]
    fn eight_digit_dates() {
        let d = load("Y [ABCGOV 19450508-20120229]\n");
        let r = d.actors[0].codes[0].1;
        assert_eq!(r, DateRange { from: date(1945, 5, 8), to: date(2012, 2, 29) });
        assert!(d.problems.is_empty(), "{:?}", d.problems);
    }

    #[test]
    fn several_codes_on_one_line_and_default_code() {
        let d = load("JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt\n");
        let a = &d.actors[0];
        assert_eq!(a.phrase, "javier de cuellar");
        assert_eq!(a.kind, ActorKind::Igo);
        assert_eq!(a.codes.len(), 2);
        assert_eq!(a.codes[0].1.from, date(1982, 1, 1));
        assert_eq!(a.codes[1].0.code(), "ELI");
    }

    #[test]
    fn comments_of_every_style_are_ignored() {
        let text = "<!-- header\n spanning lines -->\n# a comment line\nITALY  [ITA] #JW 9/10/91\n+ITALIAN ; coder note\n<!-- one-line -->\n<! -- PETRARCH's loose comment -->\n";
        let d = load(text);
        assert_eq!(d.actors.len(), 2);
        assert_eq!(d.actors[1].phrase, "italian");
        assert!(d.problems.is_empty(), "{:?}", d.problems);
    }

    #[test]
    fn codeless_primaries_chain_into_the_next_coded_entry() {
        let text = "IVO_JOSIPOVIC_\nPRESIDENT_JOSIPOVIC_\n\t[HRVGOV >20120219]\nLONELY_NAME\n\nOTHER [ABC]\n";
        let d = load(text);
        let phrases: Vec<&str> = d.actors.iter().map(|a| a.phrase.as_str()).collect();
        assert_eq!(phrases, ["ivo josipovic", "president josipovic", "other"]);
        assert_eq!(d.actors[1].codes[0].1.from, date(2012, 2, 19));
        assert_eq!(d.problems.len(), 1);
        assert_eq!(d.problems[0].line, 4);
        assert!(d.problems[0].message.contains("lonely name"));
    }

    #[test]
    fn malformed_dates_and_codes_are_reported_and_the_rest_used() {
        let text = "BAN_KI-MOON\n\t[IGOUNO >20070101]\n\t[KORGOVBUS 2004017-20061201]\n\t[ELR-GAL]\nX [pse]\nY [ABC 20100231]\n";
        let d = load(text);
        assert_eq!(d.actors.len(), 3);
        let ban = &d.actors[0];
        assert_eq!(ban.codes.len(), 2);
        // The seven-digit start date is dropped: the range stays open at that end.
        assert_eq!(ban.codes[1].1, DateRange { from: None, to: date(2006, 12, 1) });
        assert_eq!(d.actors[1].codes[0].0.code(), "PSE");
        let lines: Vec<usize> = d.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [3, 4, 6, 6], "{:?}", d.problems);
    }

    #[test]
    fn reversed_range_is_reported_and_skipped() {
        let d = load("X [ABC 20100101-20000101] [ABC]\n");
        assert_eq!(d.actors[0].codes.len(), 1);
        assert_eq!(d.problems.len(), 1);
    }

    #[test]
    fn kind_inference() {
        let d = load("TALIBAN [AFGREB]\nNATO [IGOWSTNAT]\nRUSSIA [RUS]\n");
        let kinds: Vec<ActorKind> = d.actors.iter().map(|a| a.kind).collect();
        assert_eq!(kinds, [ActorKind::Organization, ActorKind::Igo, ActorKind::Country]);
    }
}
