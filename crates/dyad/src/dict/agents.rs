//! Agent dictionaries (`Phoenix.agents.txt`, `PLOVER_agents.txt`, validation agents).
//!
//! Lines are `PHRASE {PLURALS} [CODE]`:
//! - `[~GOV]` appends the agent code after the country's (`Chinese farmers`
//!   -> `CHNAGR`); `[NGO~]` puts it before. Appended codes are stored as
//!   sectors, prepended ones in `ActorCode::country` (see `dict::agent_prefix`).
//! - Without `{...}` the regular plural of the last word is generated, as the
//!   file headers require; `{}` means "no plural" (`POLICE {}`), and
//!   `{CHAMBERS_OF_COMMERCE}` gives an irregular plural.
//! - `!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON` defines a substitution set;
//!   `CONGRESS!PERSON!` expands to each member with no plural generated
//!   (the sets already list plurals).

use std::collections::HashMap;

use crate::lexicon::{ActorCode, ActorEntry, ActorKind, DateRange};

use super::{normalize_phrase, plural_of, Ctx, Line};

/// Above this many expansions a line is assumed to be a mistake.
const MAX_EXPANSIONS: usize = 256;

/// Parses an agent dictionary into `out`; returns the number of entries added.
pub(super) fn parse(lines: &[Line<'_>], ctx: &mut Ctx<'_>, out: &mut Vec<ActorEntry>) -> usize {
    let before = out.len();
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    for line in lines {
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('!') && t.contains('=') && !t.contains('[') {
            define_set(t, line.no, ctx, &mut sets);
            continue;
        }
        let Some(open) = t.find('[') else {
            ctx.problem(line.no, format!("agent line '{t}' has no [code]; skipped"));
            continue;
        };
        let Some(close_off) = t[open..].find(']') else {
            ctx.problem(line.no, "unclosed '[' in agent code; line skipped");
            continue;
        };
        let after = t[open + close_off + 1..].trim();
        if !after.is_empty() {
            ctx.problem(line.no, format!("text '{after}' after the code ignored"));
        }
        let Some(code) = parse_agent_code(&t[open + 1..open + close_off], line.no, ctx) else {
            continue;
        };
        let spec = t[..open].trim();
        let (base, plurals) = match spec.find('{') {
            Some(b) => {
                let Some(e) = spec[b..].find('}') else {
                    ctx.problem(line.no, "missing '}' after plural forms; line skipped");
                    continue;
                };
                let inner = spec[b + 1..b + e].trim();
                let plurals = if inner.is_empty() { vec![] } else { vec![inner.to_string()] };
                (spec[..b].trim(), Some(plurals))
            }
            None => (spec, None),
        };
        if base.is_empty() {
            ctx.problem(line.no, "agent line has no phrase; skipped");
            continue;
        }
        let mut phrases: Vec<String> = Vec::new();
        if base.contains('!') {
            match expand_markers(base, &sets) {
                Ok(v) => phrases.extend(v.iter().map(|p| normalize_phrase(p))),
                Err(msg) => {
                    ctx.problem(line.no, format!("{msg}; line skipped"));
                    continue;
                }
            }
        } else {
            let p = normalize_phrase(base);
            match plurals {
                Some(explicit) => {
                    phrases.push(p);
                    phrases.extend(explicit.iter().map(|x| normalize_phrase(x)));
                }
                None => {
                    let pl = plural_of(&p);
                    phrases.push(p);
                    phrases.push(pl);
                }
            }
        }
        for phrase in phrases {
            if phrase.is_empty() {
                continue;
            }
            out.push(ActorEntry { phrase, kind: ActorKind::Sector, codes: vec![(code.clone(), DateRange::default())], origin: ctx.origin(line.no) });
        }
    }
    out.len() - before
}

/// `!NAME! = A, B, C`
fn define_set(t: &str, line: usize, ctx: &mut Ctx<'_>, sets: &mut HashMap<String, Vec<String>>) {
    let rest = &t[1..];
    let (Some(end), Some(eq)) = (rest.find('!'), rest.find('=')) else {
        ctx.problem(line, "substitution set needs the form !NAME! = A, B; skipped");
        return;
    };
    if eq < end {
        ctx.problem(line, "substitution set needs the form !NAME! = A, B; skipped");
        return;
    }
    let name = rest[..end].trim().to_ascii_uppercase();
    let members: Vec<String> = rest[eq + 1..].split(',').map(|m| m.trim().to_string()).filter(|m| !m.is_empty()).collect();
    if name.is_empty() || members.is_empty() {
        ctx.problem(line, "substitution set with no name or no members; skipped");
        return;
    }
    sets.insert(name, members);
}

/// Replaces every `!NAME!` marker by each member of its set (all combinations).
fn expand_markers(base: &str, sets: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let mut done: Vec<String> = Vec::new();
    let mut todo: Vec<String> = vec![base.to_string()];
    while let Some(s) = todo.pop() {
        let Some(a) = s.find('!') else {
            done.push(s);
            continue;
        };
        let Some(b_off) = s[a + 1..].find('!') else {
            return Err(format!("unclosed substitution marker in '{base}'"));
        };
        let b = a + 1 + b_off;
        let name = s[a + 1..b].to_ascii_uppercase();
        let Some(members) = sets.get(&name) else {
            return Err(format!("substitution set !{name}! is not defined"));
        };
        for m in members {
            todo.push(format!("{}{}{}", &s[..a], m, &s[b + 1..]));
        }
        if todo.len() + done.len() > MAX_EXPANSIONS {
            return Err(format!("'{base}' expands to too many phrases"));
        }
    }
    done.reverse();
    Ok(done)
}

/// `~GOV` (append), `NGO~` (prepend); a code without `~` is read as appended.
fn parse_agent_code(inner: &str, line: usize, ctx: &mut Ctx<'_>) -> Option<ActorCode> {
    let c = inner.trim();
    let (body, prepend) = if let Some(b) = c.strip_prefix('~') {
        (b.trim(), false)
    } else if let Some(b) = c.strip_suffix('~') {
        (b.trim(), true)
    } else {
        ctx.problem(line, format!("agent code '[{c}]' has no '~'; read as appended"));
        (c, false)
    };
    let body = body.to_ascii_uppercase();
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_alphanumeric()) {
        ctx.problem(line, format!("malformed agent code '[{c}]'; line skipped"));
        return None;
    }
    if prepend {
        return Some(ActorCode { country: Some(body), sectors: vec![] });
    }
    let sectors = body.as_bytes().chunks(3).map(|ch| String::from_utf8_lossy(ch).into_owned()).collect();
    Some(ActorCode { country: None, sectors })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::dict::{agent_prefix, load_text, DictKind, Dictionaries};
    use crate::lexicon::ActorKind;

    fn load(text: &str) -> Dictionaries {
        let mut d = Dictionaries::default();
        load_text(Path::new("sample.agents.txt"), DictKind::Agents, text, &mut d);
        d
    }

    fn phrases(d: &Dictionaries) -> Vec<&str> {
        d.agents.iter().map(|a| a.phrase.as_str()).collect()
    }

    #[test]
    fn appended_code_with_regular_plurals() {
        let d = load("FARMER [~AGR]\nDEPUTY [~GOV]\nBOSS [~BUS]\nATTORNEY [~JUD]\nBUDDHIST_STUDENT [~BUDEDU]\n");
        assert_eq!(
            phrases(&d),
            ["farmer", "farmers", "deputy", "deputies", "boss", "bosses", "attorney", "attorneys", "buddhist student", "buddhist students"]
        );
        let a = &d.agents[0];
        assert_eq!(a.kind, ActorKind::Sector);
        assert_eq!(a.codes[0].0.country, None);
        assert_eq!(a.codes[0].0.sectors, ["AGR"]);
        assert_eq!(d.agents[8].codes[0].0.sectors, ["BUD", "EDU"]);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
    }

    #[test]
    fn prepended_code_goes_in_front() {
        let d = load("HUMAN_RIGHTS_BODY  [  NGO~] # BNL 07 Dec 2001\nMSF {}  [NGO~]\n");
        assert_eq!(phrases(&d), ["human rights body", "human rights bodies", "msf"]);
        let code = &d.agents[0].codes[0].0;
        assert_eq!(agent_prefix(code), Some("NGO"));
        assert!(code.sectors.is_empty());
    }

    #[test]
    fn explicit_and_null_plurals() {
        let d = load("POLICE {} [~COP]\nCHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\nLAWMAN {LAWMEN} [~COP]\n");
        assert_eq!(phrases(&d), ["police", "chamber of commerce", "chambers of commerce", "lawman", "lawmen"]);
    }

    #[test]
    fn substitution_sets_expand_without_plurals() {
        let d = load("!PERSON! = MAN, MEN, WOMAN\nCATTLE!PERSON! [~AGR]\n!PERSON!_OF_GOD [~REL]\n");
        assert_eq!(phrases(&d), ["cattleman", "cattlemen", "cattlewoman", "man of god", "men of god", "woman of god"]);
    }

    #[test]
    fn malformed_agent_lines_are_reported() {
        let d = load("NO_CODE_HERE\nBROKEN {PLURAL [~GOV]\n!NOPE!_X [~GOV]\nBAD [~G-V]\nPLAIN [GOV]\nOK [~MIL]\n");
        let lines: Vec<usize> = d.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 2, 3, 4, 5], "{:?}", d.problems);
        // The code without '~' is still used (as appended); OK is used.
        assert_eq!(phrases(&d), ["plain", "plains", "ok", "oks"]);
    }
}
