//! Discard lists and issue lists.
//!
//! Discards (`Phoenix.discards.txt`): one phrase per line. The file header
//! says a `+` prefix marks a story-level discard (the whole story is not
//! coded) and a plain phrase a sentence-level one. PETRARCH matches them
//! case-insensitively on word boundaries; a trailing `_` (exact word) is
//! dropped like elsewhere.
//!
//! Issues (`Phoenix.IssueCoding.txt`): `phrase [CODE]` lines inside
//! `<ISSUE CATEGORY=...>` blocks. Expansion prefixes apply to the word they
//! precede: `n:` adds the regular plural, `v:` the regular verb forms
//! (`-s`, `-ed`, `-ing`), and `a+b` stands for both `a b` and `a-b`.
//! `~phrase` / `~~phrase` are exclusions, kept with PETRARCH's pseudo-codes
//! `~` (sentence) and `~~` (story).

use super::{normalize_phrase, plural_of, Ctx, Line};

/// Above this many variants an issue line is assumed to be a mistake.
const MAX_VARIANTS: usize = 64;

/// Parses a discard list; returns the number of phrases added.
pub(super) fn parse_discards(lines: &[Line<'_>], ctx: &mut Ctx<'_>, sentence: &mut Vec<String>, story: &mut Vec<String>) -> usize {
    let mut n = 0;
    for line in lines {
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        let (target, body) = match t.strip_prefix('+') {
            Some(rest) => (&mut *story, rest),
            None => (&mut *sentence, t),
        };
        let p = normalize_phrase(body);
        if p.is_empty() {
            ctx.problem(line.no, "empty discard phrase; skipped");
            continue;
        }
        target.push(p);
        n += 1;
    }
    n
}

/// Parses an issue list; returns the number of (phrase, code) pairs added.
pub(super) fn parse_issues(lines: &[Line<'_>], ctx: &mut Ctx<'_>, out: &mut Vec<(String, String)>) -> usize {
    let before = out.len();
    for line in lines {
        let t = line.text.trim();
        if t.is_empty() || t.starts_with("<ISSUE") || t.starts_with("</ISSUE") {
            continue;
        }
        let (phrase, code) = if let Some(rest) = t.strip_prefix("~~") {
            (rest, "~~".to_string())
        } else if let Some(rest) = t.strip_prefix('~') {
            (rest, "~".to_string())
        } else {
            let Some(open) = t.find('[') else {
                ctx.problem(line.no, format!("issue phrase '{t}' has no [CODE]; skipped"));
                continue;
            };
            let Some(close) = t[open..].find(']') else {
                ctx.problem(line.no, "unclosed '[' in issue code; skipped");
                continue;
            };
            let code = t[open + 1..open + close].trim();
            if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
                ctx.problem(line.no, format!("malformed issue code '[{code}]'; skipped"));
                continue;
            }
            (&t[..open], code.to_string())
        };
        let variants = expand_issue_phrase(&phrase.to_lowercase());
        if variants.is_empty() {
            ctx.problem(line.no, "empty issue phrase; skipped");
            continue;
        }
        if variants.len() > MAX_VARIANTS {
            ctx.problem(line.no, format!("issue phrase expands to {} variants; skipped", variants.len()));
            continue;
        }
        out.extend(variants.into_iter().map(|v| (v, code.clone())));
    }
    out.len() - before
}

/// All spelled-out forms of an issue phrase (already lowercase).
fn expand_issue_phrase(s: &str) -> Vec<String> {
    let mut acc: Vec<String> = vec![String::new()];
    for word in s.split_whitespace() {
        // `a+b` joins parts with a space or a hyphen.
        let parts: Vec<&str> = word.split('+').filter(|p| !p.is_empty()).collect();
        let mut word_forms: Vec<String> = vec![String::new()];
        for (i, part) in parts.iter().enumerate() {
            let forms = marker_forms(part);
            let mut next = Vec::with_capacity(word_forms.len() * forms.len() * 2);
            for prefix in &word_forms {
                for f in &forms {
                    if i == 0 {
                        next.push(f.clone());
                    } else {
                        next.push(format!("{prefix} {f}"));
                        next.push(format!("{prefix}-{f}"));
                    }
                }
            }
            word_forms = next;
            if word_forms.len() > MAX_VARIANTS {
                break;
            }
        }
        let mut next = Vec::with_capacity(acc.len() * word_forms.len());
        for a in &acc {
            for w in &word_forms {
                if w.is_empty() {
                    continue;
                }
                next.push(if a.is_empty() { w.clone() } else { format!("{a} {w}") });
            }
        }
        acc = next;
        if acc.len() > MAX_VARIANTS {
            break;
        }
    }
    acc.into_iter().map(|p| normalize_phrase(&p)).filter(|p| !p.is_empty()).collect()
}

/// Forms of one word with an optional `n:`/`v:` prefix.
fn marker_forms(part: &str) -> Vec<String> {
    if let Some(stem) = part.strip_prefix("n:") {
        vec![stem.to_string(), plural_of(stem)]
    } else if let Some(stem) = part.strip_prefix("v:") {
        let (past, ing) = match stem.strip_suffix('e') {
            Some(root) => (format!("{stem}d"), format!("{root}ing")),
            None => (format!("{stem}ed"), format!("{stem}ing")),
        };
        vec![stem.to_string(), format!("{stem}s"), past, ing]
    } else {
        vec![part.to_string()]
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::dict::{load_text, DictKind, Dictionaries};

    fn load(kind: DictKind, text: &str) -> Dictionaries {
        let mut d = Dictionaries::default();
        load_text(Path::new("sample.txt"), kind, text, &mut d);
        d
    }

    #[test]
    fn discards_split_by_scope() {
        let d =
            load(DictKind::Discards, "# Story-level discards are indicated with a '+'.\n1914\n+ACADEMY AWARD   # LRP 08 Mar 2004 ;LRP\nAFL_GRAND_FINAL\n+\n");
        assert_eq!(d.discards, ["1914", "afl grand final"]);
        assert_eq!(d.story_discards, ["academy award"]);
        assert_eq!(d.problems.len(), 1);
        assert_eq!(d.problems[0].line, 5);
        assert_eq!(d.files[0].2, 3);
    }

    #[test]
    fn issue_expansions_and_exclusions() {
        let text = "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\nn:teacher [TEACHERS]\npre+k [EARLY]\nethnic v:purge [ATROCITY]\nn:deputy [X]\n~a head start\n~~Armenian genocide\nno code here\n</ISSUE>\n";
        let d = load(DictKind::Issues, text);
        let got: Vec<(&str, &str)> = d.issues.iter().map(|(p, c)| (p.as_str(), c.as_str())).collect();
        assert_eq!(
            got,
            [
                ("teacher", "TEACHERS"),
                ("teachers", "TEACHERS"),
                ("pre k", "EARLY"),
                ("pre-k", "EARLY"),
                ("ethnic purge", "ATROCITY"),
                ("ethnic purges", "ATROCITY"),
                ("ethnic purged", "ATROCITY"),
                ("ethnic purging", "ATROCITY"),
                ("deputy", "X"),
                ("deputies", "X"),
                ("a head start", "~"),
                ("armenian genocide", "~~"),
            ]
        );
        assert_eq!(d.problems.len(), 1);
        assert_eq!(d.problems[0].line, 8);
    }

    #[test]
    fn issue_prefix_inside_joined_word() {
        let d = load(DictKind::Issues, "pre+n:school [EARLY]\n");
        let got: Vec<&str> = d.issues.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(got, ["pre school", "pre-school", "pre schools", "pre-schools"]);
    }
}
