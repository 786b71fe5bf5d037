//! Verb dictionaries: PETRARCH-2 (`CAMEO.2.0.txt`) and flat TABARI syntax
//! (`CAMEO.091003.master.verbs`, PETRARCH-1 validation verbs).
//!
//! The syntax is detected per file: a line starting with `---` (a verb block
//! header) means PETRARCH-2, otherwise TABARI.
//!
//! **PETRARCH-2**: `--- NAME [code] ---` opens a block; verb lines follow
//! (`HURRY {HURRIES HURRYING HURRIED}` lists irregular forms, otherwise the
//! regular `-s`/`-ed`/`-ing` forms are generated; `+CALL_OFF` and
//! `RE_+ARREST` are multi-word verbs whose `+` word is the verb; a trailing
//! `[code]` overrides the block code), then patterns `- words * words [code]`.
//! Every pattern applies to every verb of its block. `&NAME` lines define
//! synonym sets (members on following `+` lines, plurals generated unless the
//! label or member ends in `_`; members may be other sets). In patterns,
//! `(...)` is a prepositional phrase and `{...}` a noun phrase whose last word
//! is the head.
//!
//! **TABARI**: `ROOT [code]` lines (a stem unless it ends in `_`; multi-word
//! roots allowed), an optional `{ FORMS }` line, then `- pattern [code]`
//! lines. `{ A | B }` are alternatives, `WORD_` an exact word, other words
//! are stems, `A_B` adjacent words. `;` starts a comment.
//!
//! **Flattening.** PETRARCH matched patterns against parse trees and TABARI
//! over raw text with open-ended skips; dyad's matcher walks a flat element
//! list over lowercase tokens. The conversion is:
//! - `*` -> [`PatElem::Verb`] with every inflected form of the verb (for a
//!   multi-word verb, its other words become adjacent [`PatElem::Words`]);
//!   `$` -> `Source`; `+` -> `Target`; `%` (both actors as a compound) ->
//!   `Source, Gap(COMPOUND_GAP), Target` (in PETRARCH-2 files, after the verb,
//!   a `Target` taking the whole coordinated group); `^` (skip a phrase) -> `Skip(1, SKIP_GAP)`
//!   (`^ ^`: `Skip(2, 2 * SKIP_GAP)`), which passes over one word at least.
//! - Words joined by `_` are adjacent; words separated by spaces get
//!   `Gap(LOOSE_GAP)` between them (words inside a PETRARCH `{...}` noun
//!   phrase get `Gap(NP_GAP)`): PETRARCH lets determiners and modifiers
//!   intervene, and a small bounded gap keeps the flat match precise.
//! - A synonym set or `{ A | B }` becomes one `Words` element with all
//!   single-word members; each multi-word member yields a separate pattern
//!   (at most `MAX_VARIANTS` per source line).
//! - TABARI stems are expanded to the stem plus common suffixes
//!   ([`stem_forms`]); PETRARCH-2 words are exact, as in PETRARCH-2.
//! - Codes are kept as written apart from `###` (TABARI's null) becoming
//!   `---`. `---` patterns are kept: a matching null pattern blocks the
//!   verb's default code. `[042:043]` means 042 for source->target and 043
//!   for the reverse direction (a visit and its hosting); see [`event_codes`].
//! - Each verb line whose code is not `---` also yields a verb-only pattern.
//!
//! Not supported (reported as problems): PETRARCH-2 verb transformations
//! (`~ a (b VERB) ...` lines), undefined synonym sets.

use std::collections::HashMap;

use crate::lexicon::{PatElem, VerbPattern};

use super::{normalize_phrase, plural_of, Ctx, Line};

/// Words allowed between two space-separated pattern elements.
pub const LOOSE_GAP: u8 = 3;
/// Words allowed between the words of a PETRARCH `{...}` noun phrase.
pub const NP_GAP: u8 = 1;
/// Words skipped by TABARI/PETRARCH's `^` (a skipped phrase).
pub const SKIP_GAP: u8 = 4;
/// Words allowed between the two actors of a `%` compound (", and").
pub const COMPOUND_GAP: u8 = 2;
/// Cap on merged gaps.
const MAX_GAP: u8 = 12;
/// Cap on the patterns produced from one source line by multi-word alternatives.
pub const MAX_VARIANTS: usize = 512;
/// Suffixes added to a TABARI stem (`ACCUS` -> accuse, accused, accusation, ...).
const STEM_SUFFIXES: [&str; 19] =
    ["", "s", "es", "e", "ed", "d", "ing", "er", "ers", "ion", "ions", "ation", "ations", "ment", "ments", "y", "ies", "ian", "ians"];

/// Splits a verb-pattern code into its two directions: `"042:043"` gives
/// `(Some("042"), Some("043"))` (042 from source to target, 043 from target
/// to source), `":173"` gives `(None, Some("173"))`, `"041"` gives
/// `(Some("041"), None)` and the null code `"---"` gives `(None, None)`.
pub fn event_codes(code: &str) -> (Option<&str>, Option<&str>) {
    fn nonempty(s: &str) -> Option<&str> {
        let s = s.trim();
        (!s.is_empty() && s != "---").then_some(s)
    }
    match code.split_once(':') {
        Some((a, b)) => (nonempty(a), nonempty(b)),
        None => (nonempty(code), None),
    }
}

/// Which dialect a file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Petrarch,
    Tabari,
}

/// A flattened pattern piece before conversion to [`PatElem`].
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Words(Vec<String>),
    /// The `*` slot, replaced by the verb phrase.
    Star,
    /// The verb head's forms.
    VerbForms(Vec<String>),
    Source,
    Target,
    /// A gap; `hard` gaps come from `^`/`%` and survive merging with the
    /// soft gaps that spaces around them produce.
    Gap(u8, bool),
    /// A `^` skip: a hard gap of this size that must pass over at least one word.
    Skip(u8),
}

type Seq = Vec<Piece>;

/// Parsed elements with the connector before each.
type Items = Vec<(Conn, Node)>;

/// How an element attaches to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conn {
    Adjacent,
    Loose,
}

/// Parsed pattern syntax tree.
#[derive(Debug, Clone)]
enum Node {
    Word(String, bool),
    Syn(String),
    Star,
    Source,
    Target,
    Compound,
    Skip,
    Alt(Vec<Vec<(Conn, Node)>>),
    Group(bool, Vec<(Conn, Node)>),
}

/// Synonym sets of a PETRARCH-2 file, resolved to lowercase word sequences.
#[derive(Default)]
struct Synsets {
    resolved: HashMap<String, Vec<Vec<String>>>,
}

/// A synonym-set member as written.
enum Member {
    Phrase(Vec<String>, bool),
    Ref(String),
}

/// Parses a verb dictionary into `out`; returns the number of patterns added.
pub(super) fn parse(lines: &[Line<'_>], ctx: &mut Ctx<'_>, out: &mut Vec<VerbPattern>) -> usize {
    let before = out.len();
    let syntax = if lines.iter().any(|l| l.text.starts_with("---")) { Syntax::Petrarch } else { Syntax::Tabari };
    let synsets = collect_synsets(lines, ctx);
    let mut block: Option<Block<'_>> = None;
    let mut in_synset = false;
    for line in lines {
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('&') {
            in_synset = true;
            continue;
        }
        if in_synset && t.starts_with('+') {
            continue;
        }
        in_synset = false;
        if let Some(body) = t.strip_prefix('-').filter(|_| !t.starts_with("---")) {
            match block.as_mut() {
                Some(b) => b.patterns.push((*line, body)),
                None => ctx.problem(line.no, "pattern before any verb; skipped"),
            }
            continue;
        }
        if t.contains('*') && !t.starts_with("---") {
            ctx.problem(line.no, "pattern line without its leading '-'; read as a pattern");
            match block.as_mut() {
                Some(b) => b.patterns.push((*line, t)),
                None => ctx.problem(line.no, "pattern before any verb; skipped"),
            }
            continue;
        }
        match syntax {
            Syntax::Petrarch => {
                if t.starts_with("---") {
                    if let Some(b) = block.take() {
                        b.finish(syntax, &synsets, ctx, out);
                    }
                    block = Some(Block::new(block_code(t, line.no, ctx)));
                } else if t.starts_with('~') {
                    ctx.problem(line.no, "verb transformation lines are not supported; skipped");
                } else {
                    match block.as_mut() {
                        Some(b) => {
                            if let Some(v) = petrarch_verb_line(t, line, ctx, &b.code) {
                                b.verbs.push(v);
                            }
                        }
                        None => ctx.problem(line.no, "verb line before any '---' block header; skipped"),
                    }
                }
            }
            Syntax::Tabari => {
                if t.starts_with('{') {
                    match block.as_mut() {
                        Some(b) => tabari_forms_line(t, line, ctx, b),
                        None => ctx.problem(line.no, "verb forms before any verb root; skipped"),
                    }
                } else {
                    if let Some(b) = block.take() {
                        b.finish(syntax, &synsets, ctx, out);
                    }
                    block = tabari_root_line(t, line, ctx);
                }
            }
        }
    }
    if let Some(b) = block.take() {
        b.finish(syntax, &synsets, ctx, out);
    }
    out.len() - before
}

/// A verb line: its phrases (pre words, head forms, post words) and code.
struct VerbLine<'a> {
    phrases: Vec<Seq>,
    /// Effective code (own or the block's), normalised.
    code: String,
    line: Line<'a>,
}

/// A verb block (PETRARCH-2 `---` block or TABARI root) being assembled.
struct Block<'a> {
    code: String,
    verbs: Vec<VerbLine<'a>>,
    patterns: Vec<(Line<'a>, &'a str)>,
}

impl<'a> Block<'a> {
    fn new(code: String) -> Self {
        Block { code, verbs: Vec::new(), patterns: Vec::new() }
    }

    /// Emits the verb-only patterns and every pattern crossed with every verb phrase.
    fn finish(self, syntax: Syntax, synsets: &Synsets, ctx: &mut Ctx<'_>, out: &mut Vec<VerbPattern>) {
        for v in &self.verbs {
            if v.code == "---" {
                continue;
            }
            for p in &v.phrases {
                if let Some(elems) = to_elems(p) {
                    out.push(VerbPattern { code: v.code.clone(), elems, text: v.line.raw.trim().to_string(), origin: ctx.origin(v.line.no) });
                }
            }
        }
        if self.patterns.is_empty() {
            return;
        }
        // Single-word verbs share one Verb element; multi-word verbs keep their own phrase.
        let mut single: Vec<String> = Vec::new();
        let mut phrases: Vec<Seq> = Vec::new();
        for v in &self.verbs {
            for p in &v.phrases {
                match p.as_slice() {
                    [Piece::VerbForms(forms)] => {
                        for f in forms {
                            if !single.contains(f) {
                                single.push(f.clone());
                            }
                        }
                    }
                    _ => phrases.push(p.clone()),
                }
            }
        }
        if !single.is_empty() {
            phrases.insert(0, vec![Piece::VerbForms(single)]);
        }
        if phrases.is_empty() {
            let first = self.patterns[0].0.no;
            ctx.problem(first, "patterns in a block without verbs; skipped");
            return;
        }
        for (line, body) in &self.patterns {
            let Some((seqs, code)) = compile_pattern(body, line.no, syntax, synsets, ctx) else {
                continue;
            };
            for seq in &seqs {
                for vp in &phrases {
                    let mut full: Seq = Vec::with_capacity(seq.len() + vp.len());
                    for piece in seq {
                        if *piece == Piece::Star {
                            full.extend(vp.iter().cloned());
                        } else {
                            full.push(piece.clone());
                        }
                    }
                    if let Some(elems) = to_elems(&full) {
                        out.push(VerbPattern { code: code.clone(), elems, text: line.raw.trim().to_string(), origin: ctx.origin(line.no) });
                    }
                }
            }
        }
    }
}

/// `---  NAME  [code]  ---`
fn block_code(t: &str, line: usize, ctx: &mut Ctx<'_>) -> String {
    match bracket(t) {
        Some((inner, _)) => match normalize_code(inner) {
            Some(c) => c,
            None => {
                ctx.problem(line, format!("malformed block code '[{inner}]'; block has no default event"));
                "---".to_string()
            }
        },
        None => "---".to_string(),
    }
}

/// The last `[...]` of a line and the text before it.
fn bracket(t: &str) -> Option<(&str, &str)> {
    let open = t.rfind('[')?;
    let close = open + t[open..].find(']')?;
    Some((t[open + 1..close].trim(), &t[..open]))
}

/// `---`/`###` -> `---`; otherwise 2-4 digit CAMEO codes, optionally `a:b`.
/// A code may end in one letter (`174K`, `075A`): a coder's variant of the
/// numeric code, written as given.
fn normalize_code(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw == "---" || raw == "###" {
        return Some("---".to_string());
    }
    let digits = |s: &str| {
        let num = s.strip_suffix(|c: char| c.is_ascii_alphabetic()).unwrap_or(s);
        s.is_empty() || ((2..=4).contains(&num.len()) && num.bytes().all(|b| b.is_ascii_digit()))
    };
    let ok = match raw.split_once(':') {
        Some((a, b)) => digits(a) && digits(b) && !(a.is_empty() && b.is_empty()),
        None => !raw.is_empty() && digits(raw),
    };
    ok.then(|| raw.to_string())
}

/// A PETRARCH-2 verb line: `VERB {FORMS} [code]`, `+CALL_OFF`, `RE_+ARREST`.
fn petrarch_verb_line<'a>(t: &str, line: &Line<'a>, ctx: &mut Ctx<'_>, block_code: &str) -> Option<VerbLine<'a>> {
    let (spec, code) = match bracket(t) {
        Some((inner, before)) => match normalize_code(inner) {
            Some(c) => (before, c),
            None => {
                ctx.problem(line.no, format!("malformed verb code '[{inner}]'; block code used"));
                (before, block_code.to_string())
            }
        },
        None => (t, block_code.to_string()),
    };
    let (head_spec, forms_spec) = match spec.find('{') {
        Some(b) => {
            let Some(e) = spec[b..].find('}') else {
                ctx.problem(line.no, "missing '}' after verb forms; line skipped");
                return None;
            };
            (spec[..b].trim(), Some(&spec[b + 1..b + e]))
        }
        None => (spec.trim(), None),
    };
    if head_spec.is_empty() {
        ctx.problem(line.no, "verb line without a verb; skipped");
        return None;
    }
    // Several words separated by spaces behave like a multi-word verb.
    let head_spec = head_spec.split_whitespace().collect::<Vec<_>>().join("_");
    let mut groups: Vec<(Vec<String>, Vec<String>, Vec<String>)> = Vec::new();
    let mut add = |spec: &str, generate: bool, ctx: &mut Ctx<'_>| {
        let words: Vec<&str> = spec.split('_').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return;
        }
        let head = match words.iter().position(|w| w.starts_with('+')) {
            Some(i) => i,
            None => {
                if words.len() > 1 {
                    ctx.problem(line.no, format!("multi-word verb '{spec}' has no '+' on its verb; first word used"));
                }
                0
            }
        };
        let lc = |w: &str| normalize_phrase(w.trim_start_matches('+'));
        let pre: Vec<String> = words[..head].iter().map(|w| lc(w)).collect();
        let post: Vec<String> = words[head + 1..].iter().map(|w| lc(w)).collect();
        let h = lc(words[head]);
        let forms = if generate { regular_verb_forms(&h) } else { vec![h] };
        match groups.iter_mut().find(|g| g.0 == pre && g.2 == post) {
            Some(g) => {
                for f in forms {
                    if !g.1.contains(&f) {
                        g.1.push(f);
                    }
                }
            }
            None => groups.push((pre, forms, post)),
        }
    };
    add(&head_spec, forms_spec.is_none(), ctx);
    if let Some(fs) = forms_spec {
        for f in fs.split_whitespace() {
            add(f, false, ctx);
        }
    }
    let phrases = groups
        .into_iter()
        .map(|(pre, heads, post)| {
            let mut seq: Seq = pre.into_iter().map(|w| Piece::Words(vec![w])).collect();
            seq.push(Piece::VerbForms(heads));
            seq.extend(post.into_iter().map(|w| Piece::Words(vec![w])));
            seq
        })
        .collect();
    Some(VerbLine { phrases, code, line: *line })
}

/// A TABARI root line: `ROOT [code]`, `HAD_ AUDIENCE [---]`, `CALLED_ON [094]`.
fn tabari_root_line<'a>(t: &str, line: &Line<'a>, ctx: &mut Ctx<'_>) -> Option<Block<'a>> {
    let (spec, code) = match bracket(t) {
        Some((inner, before)) => match normalize_code(inner) {
            Some(c) => (before, c),
            None => {
                ctx.problem(line.no, format!("malformed root code '[{inner}]'; root has no default event"));
                (before, "---".to_string())
            }
        },
        None => {
            ctx.problem(line.no, "verb root without [code]; root has no default event");
            (t, "---".to_string())
        }
    };
    let mut spec = spec.trim().to_string();
    if spec.contains('=') {
        ctx.problem(line.no, format!("unexpected '=' in verb root '{spec}'; ignored"));
        spec.retain(|c| c != '=');
    }
    let words = split_words(&spec);
    if words.is_empty() {
        ctx.problem(line.no, "verb root line without a root; skipped");
        return None;
    }
    let mut seq: Seq = Vec::with_capacity(words.len() * 2);
    for (i, (w, exact, conn)) in words.iter().enumerate() {
        let forms = if *exact { vec![w.clone()] } else { stem_forms(w) };
        if i == 0 {
            seq.push(Piece::VerbForms(forms));
        } else {
            if *conn == Conn::Loose {
                seq.push(Piece::Gap(LOOSE_GAP, false));
            }
            seq.push(Piece::Words(forms));
        }
    }
    let mut b = Block::new(code.clone());
    b.verbs.push(VerbLine { phrases: vec![seq], code, line: *line });
    Some(b)
}

/// A TABARI `{ FORMS }` line: extra (irregular) forms of the current root.
fn tabari_forms_line(t: &str, line: &Line<'_>, ctx: &mut Ctx<'_>, b: &mut Block<'_>) {
    let Some(end) = t.find('}') else {
        ctx.problem(line.no, "missing '}' after verb forms; line skipped");
        return;
    };
    let Some(root) = b.verbs.first_mut() else {
        return;
    };
    for form in t[1..end].split_whitespace() {
        let words: Vec<String> = form.split('_').filter(|w| !w.is_empty()).map(normalize_phrase).collect();
        let Some((head, rest)) = words.split_first() else {
            continue;
        };
        if rest.is_empty() {
            if let Some(Piece::VerbForms(forms)) = root.phrases[0].first_mut() {
                if !forms.contains(head) {
                    forms.push(head.clone());
                }
            }
        } else {
            let mut seq = vec![Piece::VerbForms(vec![head.clone()])];
            seq.extend(rest.iter().map(|w| Piece::Words(vec![w.clone()])));
            root.phrases.push(seq);
        }
    }
}

/// Splits `HAD_ AUDIENCE` into words with exactness (trailing `_`) and the
/// connector before each word.
fn split_words(s: &str) -> Vec<(String, bool, Conn)> {
    let mut out = Vec::new();
    let mut conn = Conn::Adjacent;
    for chunk in s.split_whitespace() {
        let parts: Vec<&str> = chunk.split('_').collect();
        for (i, p) in parts.iter().enumerate() {
            if p.is_empty() {
                continue;
            }
            let exact = i + 1 < parts.len();
            out.push((normalize_phrase(&p.replace('~', "")), exact, conn));
            conn = Conn::Adjacent;
        }
        conn = Conn::Loose;
    }
    out.retain(|(w, _, _)| !w.is_empty());
    out
}

/// Regular verb forms: base, third person, past, present participle.
fn regular_verb_forms(v: &str) -> Vec<String> {
    let b = v.as_bytes();
    let n = b.len();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let cons_y = n >= 2 && b[n - 1] == b'y' && !vowel(b[n - 2]);
    let third = if cons_y { format!("{}ies", &v[..n - 1]) } else { plural_of(v) };
    let past = if v.ends_with('e') {
        format!("{v}d")
    } else if cons_y {
        format!("{}ied", &v[..n - 1])
    } else {
        format!("{v}ed")
    };
    let ing = if n > 2 && v.ends_with('e') && !v.ends_with("ee") && !v.ends_with("ye") && !v.ends_with("oe") {
        format!("{}ing", &v[..n - 1])
    } else {
        format!("{v}ing")
    };
    vec![v.to_string(), third, past, ing]
}

/// Words a TABARI stem stands for: the stem plus common inflectional and
/// derivational suffixes (TABARI matched stems as prefixes; a flat matcher
/// needs whole words).
pub fn stem_forms(stem: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(STEM_SUFFIXES.len() + 5);
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    for suf in STEM_SUFFIXES {
        push(format!("{stem}{suf}"));
    }
    let b = stem.as_bytes();
    let n = b.len();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if n >= 2 && b[n - 1] == b'y' {
        push(format!("{}ies", &stem[..n - 1]));
        push(format!("{}ied", &stem[..n - 1]));
    }
    // Short consonant-vowel-consonant stems double their last letter (ban -> banned).
    if n >= 3 && b[n - 1].is_ascii_alphabetic() && !vowel(b[n - 1]) && !matches!(b[n - 1], b'w' | b'x' | b'y') && vowel(b[n - 2]) && !vowel(b[n - 3]) {
        let last = &stem[n - 1..];
        for suf in ["ed", "ing", "er"] {
            push(format!("{stem}{last}{suf}"));
        }
    }
    out
}

/// First pass: every `&NAME` set with its `+` members, resolved (members
/// that are sets are expanded, plurals added).
fn collect_synsets(lines: &[Line<'_>], ctx: &mut Ctx<'_>) -> Synsets {
    let mut defs: HashMap<String, (Vec<Member>, bool, usize)> = HashMap::new();
    let mut current: Option<String> = None;
    for line in lines {
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(label) = t.strip_prefix('&') {
            let label = label.trim();
            let plural = !label.ends_with('_');
            let name = label.trim_end_matches('_').to_ascii_uppercase();
            if name.is_empty() {
                ctx.problem(line.no, "synonym set without a name; skipped");
                current = None;
                continue;
            }
            defs.insert(name.clone(), (Vec::new(), plural, line.no));
            current = Some(name);
            continue;
        }
        match (&current, t.strip_prefix('+')) {
            (Some(name), Some(member)) => {
                let member = join_contractions(member.trim());
                let member = &*member;
                let m = if let Some(r) = member.strip_prefix('&') {
                    Member::Ref(r.trim().trim_end_matches('_').to_ascii_uppercase())
                } else {
                    let words: Vec<String> = normalize_phrase(member).split(' ').map(str::to_string).collect();
                    Member::Phrase(words, member.ends_with('_'))
                };
                if let Some(d) = defs.get_mut(name) {
                    d.0.push(m);
                }
            }
            _ => current = None,
        }
    }
    let mut resolved = HashMap::new();
    for (name, (_, _, line)) in &defs {
        let mut out = Vec::new();
        if resolve(name, &defs, 0, &mut out) {
            resolved.insert(name.clone(), out);
        } else {
            ctx.problem(*line, format!("synonym set &{name} refers to an undefined or circular set; skipped"));
        }
    }
    Synsets { resolved }
}

fn resolve(name: &str, defs: &HashMap<String, (Vec<Member>, bool, usize)>, depth: usize, out: &mut Vec<Vec<String>>) -> bool {
    let Some((members, plural, _)) = defs.get(name) else {
        return false;
    };
    if depth > 4 {
        return false;
    }
    for m in members {
        match m {
            Member::Phrase(words, exact) => {
                if words.iter().all(|w| w.is_empty()) {
                    continue;
                }
                push_unique(out, words.clone());
                if *plural && !exact {
                    let mut pl = words.clone();
                    if let Some(last) = pl.last_mut() {
                        *last = plural_of(last);
                    }
                    push_unique(out, pl);
                }
            }
            Member::Ref(r) => {
                if !resolve(r, defs, depth + 1, out) {
                    return false;
                }
            }
        }
    }
    true
}

fn push_unique(out: &mut Vec<Vec<String>>, v: Vec<String>) {
    if !out.contains(&v) {
        out.push(v);
    }
}

/// Joins Penn Treebank contractions back into one word, as dyad's tokenizer
/// keeps them: `DID N'T` -> `DIDN'T`, `WO_N'T` -> `WON'T`, `CA N'T` -> `CAN'T`.
fn join_contractions(s: &str) -> std::borrow::Cow<'_, str> {
    let is_nt =
        |rest: &str| rest.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("n't")) && rest[3..].bytes().next().is_none_or(|b| !b.is_ascii_alphanumeric());
    if !s.bytes().any(|b| b == b'\'') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s.as_bytes()[i];
        if matches!(c, b' ' | b'_' | b'\t') && out.bytes().last().is_some_and(|b| b.is_ascii_alphabetic()) {
            let mut j = i;
            while j < s.len() && matches!(s.as_bytes()[j], b' ' | b'_' | b'\t') {
                j += 1;
            }
            if is_nt(&s[j..]) {
                i = j;
                continue;
            }
        }
        let ch = s[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    std::borrow::Cow::Owned(out)
}

/// Compiles a pattern body (text after the leading `-`) into flattened
/// variants and its code; problems are reported and give `None`.
fn compile_pattern(body: &str, line: usize, syntax: Syntax, synsets: &Synsets, ctx: &mut Ctx<'_>) -> Option<(Vec<Seq>, String)> {
    let Some((inner, pat)) = bracket(body) else {
        ctx.problem(line, "pattern has no [code]; skipped");
        return None;
    };
    let Some(code) = normalize_code(inner) else {
        ctx.problem(line, format!("malformed event code '[{inner}]'; pattern skipped"));
        return None;
    };
    let pat = join_contractions(pat);
    let mut p = PatternParser { s: &pat, i: 0, synsets };
    let nodes = match p.seq(&[]) {
        Ok((nodes, _)) => nodes,
        Err(msg) => {
            ctx.problem(line, format!("{msg}; pattern skipped"));
            return None;
        }
    };
    let stars = count_stars(&nodes);
    if stars != 1 {
        let msg = if stars == 0 { "pattern has no '*' verb marker; skipped".to_string() } else { format!("pattern has {stars} '*' verb markers; skipped") };
        ctx.problem(line, msg);
        return None;
    }
    let mut truncated = false;
    let mut seqs = flatten(&nodes, false, syntax, synsets, &mut truncated);
    // TABARI reads "HAS * WITH %" as the compound's members acting on each other;
    // PETRARCH-2 as a compound recipient.
    if syntax == Syntax::Petrarch {
        seqs = seqs.into_iter().map(compound_after_verb_is_target).collect();
    }
    if truncated {
        ctx.problem(line, format!("pattern expands to more than {MAX_VARIANTS} variants; first {MAX_VARIANTS} kept"));
    }
    Some((seqs, code))
}

fn count_stars(nodes: &[(Conn, Node)]) -> usize {
    nodes
        .iter()
        .map(|(_, n)| match n {
            Node::Star => 1,
            Node::Group(_, items) => count_stars(items),
            // An alternative set counts once if any alternative has the verb.
            Node::Alt(alts) => alts.iter().map(|a| count_stars(a)).max().unwrap_or(0),
            _ => 0,
        })
        .sum()
}

/// Recursive-descent parser for one pattern's text.
struct PatternParser<'a> {
    s: &'a str,
    i: usize,
    synsets: &'a Synsets,
}

impl PatternParser<'_> {
    /// Parses elements until one of `stops` (returned) or the end (`None`).
    fn seq(&mut self, stops: &[u8]) -> Result<(Items, Option<u8>), String> {
        let b = self.s.as_bytes();
        let mut items: Vec<(Conn, Node)> = Vec::new();
        let mut space = false;
        while self.i < b.len() {
            let c = b[self.i];
            if stops.contains(&c) {
                self.i += 1;
                return Ok((items, Some(c)));
            }
            let conn = if space { Conn::Loose } else { Conn::Adjacent };
            let node = match c {
                b' ' | b'\t' => {
                    space = true;
                    self.i += 1;
                    continue;
                }
                b'_' | b'~' => {
                    self.i += 1;
                    continue;
                }
                b'*' | b'$' | b'+' | b'%' | b'^' => {
                    self.i += 1;
                    match c {
                        b'*' => Node::Star,
                        b'$' => Node::Source,
                        b'+' => Node::Target,
                        b'%' => Node::Compound,
                        _ => Node::Skip,
                    }
                }
                b'(' => {
                    self.i += 1;
                    let (inner, stop) = self.seq(b")")?;
                    if stop.is_none() {
                        return Err("unclosed '('".to_string());
                    }
                    Node::Group(false, inner)
                }
                b'{' => {
                    self.i += 1;
                    let mut alts = Vec::new();
                    loop {
                        let (inner, stop) = self.seq(b"|}")?;
                        alts.push(inner);
                        match stop {
                            Some(b'|') => continue,
                            Some(_) => break,
                            None => return Err("unclosed '{'".to_string()),
                        }
                    }
                    if alts.len() == 1 {
                        Node::Group(true, alts.pop().unwrap_or_default())
                    } else {
                        Node::Alt(alts)
                    }
                }
                b')' | b'}' | b'|' => return Err(format!("unbalanced '{}'", c as char)),
                b'&' => self.synset_ref()?,
                _ => self.word(),
            };
            items.push((conn, node));
            space = false;
        }
        Ok((items, None))
    }

    fn word(&mut self) -> Node {
        let b = self.s.as_bytes();
        let start = self.i;
        while self.i < b.len() && !is_special(b[self.i]) {
            self.i += 1;
        }
        let exact = self.i < b.len() && b[self.i] == b'_';
        Node::Word(normalize_phrase(&self.s[start..self.i]), exact)
    }

    /// `&NAME`; names may contain `_`, so the longest defined prefix wins
    /// (`NEW_&TIETYPES_RELATIONS`).
    fn synset_ref(&mut self) -> Result<Node, String> {
        let b = self.s.as_bytes();
        let start = self.i + 1;
        let mut end = start;
        while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'_' || b[end] == b'-') {
            end += 1;
        }
        let run = &self.s[start..end];
        let mut cut = run.len();
        loop {
            let cand = run[..cut].trim_end_matches('_').to_ascii_uppercase();
            if !cand.is_empty() && self.synsets.resolved.contains_key(&cand) {
                self.i = start + cut;
                return Ok(Node::Syn(cand));
            }
            match run[..cut].rfind('_') {
                Some(u) => cut = u,
                None => break,
            }
        }
        Err(format!("undefined synonym set '&{run}'"))
    }
}

fn is_special(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'_' | b'~' | b'*' | b'$' | b'+' | b'%' | b'^' | b'(' | b')' | b'{' | b'}' | b'|' | b'&')
}

/// Flattens parsed elements into variants of pieces.
fn flatten(items: &[(Conn, Node)], np: bool, syntax: Syntax, syn: &Synsets, truncated: &mut bool) -> Vec<Seq> {
    let mut acc: Vec<Seq> = vec![Vec::new()];
    for (k, (conn, node)) in items.iter().enumerate() {
        let alts = flatten_node(node, syntax, syn, truncated);
        if alts.is_empty() {
            continue;
        }
        let gap = (k > 0 && *conn == Conn::Loose).then_some(Piece::Gap(if np { NP_GAP } else { LOOSE_GAP }, false));
        let mut next: Vec<Seq> = Vec::with_capacity(acc.len() * alts.len());
        'outer: for a in &acc {
            for alt in &alts {
                if next.len() >= MAX_VARIANTS {
                    *truncated = true;
                    break 'outer;
                }
                let mut s = a.clone();
                if let Some(g) = &gap {
                    s.push(g.clone());
                }
                s.extend(alt.iter().cloned());
                next.push(s);
            }
        }
        acc = next;
    }
    acc
}

fn flatten_node(node: &Node, syntax: Syntax, syn: &Synsets, truncated: &mut bool) -> Vec<Seq> {
    match node {
        Node::Word(w, exact) => {
            if w.is_empty() {
                return vec![];
            }
            let forms = if syntax == Syntax::Tabari && !exact { stem_forms(w) } else { vec![w.clone()] };
            vec![vec![Piece::Words(forms)]]
        }
        Node::Syn(name) => phrases_to_variants(syn.resolved.get(name).map(Vec::as_slice).unwrap_or(&[])),
        Node::Star => vec![vec![Piece::Star]],
        Node::Source => vec![vec![Piece::Source]],
        Node::Target => vec![vec![Piece::Target]],
        Node::Compound => vec![vec![Piece::Source, Piece::Gap(COMPOUND_GAP, true), Piece::Target]],
        Node::Skip => vec![vec![Piece::Skip(SKIP_GAP)]],
        Node::Group(np, items) => flatten(items, *np, syntax, syn, truncated),
        Node::Alt(alts) => {
            let mut singles: Vec<String> = Vec::new();
            let mut others: Vec<Seq> = Vec::new();
            for a in alts {
                for v in flatten(a, false, syntax, syn, truncated) {
                    match v.as_slice() {
                        [Piece::Words(ws)] => {
                            for w in ws {
                                if !singles.contains(w) {
                                    singles.push(w.clone());
                                }
                            }
                        }
                        [] => {}
                        _ => others.push(v),
                    }
                }
            }
            let mut out = Vec::with_capacity(others.len() + 1);
            if !singles.is_empty() {
                out.push(vec![Piece::Words(singles)]);
            }
            out.extend(others);
            out
        }
    }
}

/// PETRARCH-2: a `%` after the verb ("agree with %") is a compound target,
/// each member the recipient; only before the verb do its members act on
/// each other.
fn compound_after_verb_is_target(seq: Seq) -> Seq {
    let Some(star) = seq.iter().position(|p| *p == Piece::Star) else { return seq };
    let mut out = Vec::with_capacity(seq.len());
    let mut i = 0;
    while i < seq.len() {
        if i > star && i + 2 < seq.len() && seq[i] == Piece::Source && seq[i + 1] == Piece::Gap(COMPOUND_GAP, true) && seq[i + 2] == Piece::Target {
            out.push(Piece::Target);
            i += 3;
        } else {
            out.push(seq[i].clone());
            i += 1;
        }
    }
    out
}

/// One `Words` element for the single-word phrases, one adjacent word
/// sequence per multi-word phrase.
fn phrases_to_variants(phrases: &[Vec<String>]) -> Vec<Seq> {
    let mut singles: Vec<String> = Vec::new();
    let mut out: Vec<Seq> = Vec::new();
    for p in phrases {
        if p.len() == 1 {
            if !singles.contains(&p[0]) {
                singles.push(p[0].clone());
            }
        } else {
            out.push(p.iter().map(|w| Piece::Words(vec![w.clone()])).collect());
        }
    }
    if !singles.is_empty() {
        out.insert(0, vec![Piece::Words(singles)]);
    }
    out
}

/// Converts pieces to lexicon elements: merges runs of gaps (hard gaps add
/// up and absorb the soft gaps around them; soft gaps alone take the
/// largest), drops gaps at either end. `None` if no verb is left.
fn to_elems(seq: &[Piece]) -> Option<Vec<PatElem>> {
    let mut out: Vec<PatElem> = Vec::with_capacity(seq.len());
    let mut hard: u16 = 0;
    let mut soft: u8 = 0;
    let mut skips: u8 = 0;
    let mut has_verb = false;
    let flush = |out: &mut Vec<PatElem>, hard: &mut u16, soft: &mut u8, skips: &mut u8| {
        let g = if *hard > 0 { (*hard).min(MAX_GAP as u16) as u8 } else { *soft };
        if *skips > 0 && !out.is_empty() {
            out.push(PatElem::Skip((*skips).min(g), g));
        } else if g > 0 && !out.is_empty() {
            out.push(PatElem::Gap(g));
        }
        *hard = 0;
        *soft = 0;
        *skips = 0;
    };
    for p in seq {
        match p {
            Piece::Gap(n, true) => hard += *n as u16,
            Piece::Gap(n, false) => soft = soft.max(*n),
            Piece::Skip(n) => {
                hard += *n as u16;
                skips += 1;
            }
            other => {
                flush(&mut out, &mut hard, &mut soft, &mut skips);
                out.push(match other {
                    Piece::Words(w) => PatElem::Words(w.clone()),
                    Piece::VerbForms(f) => {
                        has_verb = true;
                        PatElem::Verb(f.clone())
                    }
                    Piece::Source => PatElem::Source,
                    Piece::Target => PatElem::Target,
                    Piece::Star => return None,
                    Piece::Gap(..) | Piece::Skip(_) => unreachable!("gaps are handled above"),
                });
            }
        }
    }
    has_verb.then_some(out)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::dict::{load_text, DictKind, Dictionaries};

    fn load(text: &str) -> Dictionaries {
        let mut d = Dictionaries::default();
        load_text(Path::new("sample.verbs.txt"), DictKind::Verbs, text, &mut d);
        d
    }

    fn w(words: &[&str]) -> PatElem {
        PatElem::Words(words.iter().map(|s| s.to_string()).collect())
    }

    fn v(words: &[&str]) -> PatElem {
        PatElem::Verb(words.iter().map(|s| s.to_string()).collect())
    }

    const GAP: PatElem = PatElem::Gap(LOOSE_GAP);

    #[test]
    fn block_verbs_forms_and_verb_only_patterns() {
        let text = "--- GRANT [070] ---\nGIVE {GAVE GIVEN GIVING}\nCONTRIBUTE\nCLARIFY [040]\nDENY [---]\n";
        let d = load(text);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        let codes: Vec<&str> = d.verbs.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["070", "070", "040"], "DENY has the null code: no verb-only pattern");
        assert_eq!(d.verbs[0].elems, [v(&["give", "gave", "given", "giving"])]);
        assert_eq!(d.verbs[1].elems, [v(&["contribute", "contributes", "contributed", "contributing"])]);
        assert_eq!(d.verbs[2].elems, [v(&["clarify", "clarifies", "clarified", "clarifying"])]);
        assert_eq!(d.verbs[2].origin, "sample.verbs.txt:4");
        assert_eq!(d.verbs[2].text, "CLARIFY [040]");
    }

    #[test]
    fn pattern_elements_in_order_with_gaps() {
        let text = "--- MEET [---] ---\nMEET {MET MEETS MEETING}\n- $ * + IN_ CAPITAL [036]  # MEET\n";
        let d = load(text);
        assert_eq!(d.verbs.len(), 1);
        let p = &d.verbs[0];
        assert_eq!(p.code, "036");
        assert_eq!(p.elems, [PatElem::Source, GAP, v(&["meet", "met", "meets", "meeting"]), GAP, PatElem::Target, GAP, w(&["in"]), GAP, w(&["capital"])]);
        assert_eq!(p.text, "- $ * + IN_ CAPITAL [036]  # MEET");
        assert_eq!(p.origin, "sample.verbs.txt:3");
    }

    #[test]
    fn underscores_make_words_adjacent() {
        let d = load("--- ACK [---] ---\nACKNOWLEDGE\n- SO IN_AND_*_OUT_AGAIN NOW [074]\n");
        let forms = ["acknowledge", "acknowledges", "acknowledged", "acknowledging"];
        assert_eq!(d.verbs[0].elems, [w(&["so"]), GAP, w(&["in"]), w(&["and"]), v(&forms), w(&["out"]), w(&["again"]), GAP, w(&["now"])]);
    }

    #[test]
    fn prepositional_and_noun_phrases() {
        let d = load("--- PUT [---] ---\nPUT {PUTS PUTTING}\n- * (TO A VOTE) {FINAL TOUCHES} [014]\n");
        let forms = ["put", "puts", "putting"];
        assert_eq!(
            d.verbs[0].elems,
            [v(&forms), GAP, w(&["to"]), GAP, w(&["a"]), GAP, w(&["vote"]), GAP, w(&["final"]), PatElem::Gap(NP_GAP), w(&["touches"])]
        );
    }

    #[test]
    fn synsets_expand_with_plurals_and_multiword_variants() {
        let text = "&LEADER\n+PRESIDENT\n+PRIME_MINISTER\n&AUX_\n+WAS\n+WERE\n--- X [---] ---\nOUST\n- &AUX * &LEADER [172]\n";
        let d = load(text);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        let forms = ["oust", "ousts", "ousted", "ousting"];
        let elems: Vec<&Vec<PatElem>> = d.verbs.iter().map(|p| &p.elems).collect();
        assert_eq!(elems.len(), 3);
        assert_eq!(*elems[0], [w(&["was", "were"]), GAP, v(&forms), GAP, w(&["president", "presidents"])]);
        assert_eq!(*elems[1], [w(&["was", "were"]), GAP, v(&forms), GAP, w(&["prime"]), w(&["minister"])]);
        assert_eq!(*elems[2], [w(&["was", "were"]), GAP, v(&forms), GAP, w(&["prime"]), w(&["ministers"])]);
    }

    #[test]
    fn nested_synsets_and_synset_inside_joined_words() {
        let text = "&TIES\n+MILITARY\n&ACC\n+&TIES\n+CLOSER\n--- A [---] ---\nRESTORE\n- * NEW_&TIES_RELATIONS [901]\n- &ACC * [083]\n";
        let d = load(text);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        let forms = ["restore", "restores", "restored", "restoring"];
        assert_eq!(d.verbs[0].elems, [v(&forms), GAP, w(&["new"]), w(&["military", "militaries"]), w(&["relations"])]);
        assert_eq!(d.verbs[1].elems, [w(&["military", "militaries", "closer", "closers"]), GAP, v(&forms)]);
    }

    #[test]
    fn compound_and_skip_markers() {
        let d = load("--- A [---] ---\nATTEND\n- % * SUMMIT (IN ^) [046:046]\n");
        let forms = ["attend", "attends", "attended", "attending"];
        let p = &d.verbs[0];
        assert_eq!(p.code, "046:046");
        assert_eq!(p.elems, [PatElem::Source, PatElem::Gap(COMPOUND_GAP), PatElem::Target, GAP, v(&forms), GAP, w(&["summit"]), GAP, w(&["in"])]);
        // A skip in the middle passes over one phrase at least; it absorbs the spaces around it.
        let d = load("--- A [---] ---\nLEAVE\n- * ^ INTO + [042]\n- * ^ ^ FROM + [043]\n");
        let forms = ["leave", "leaves", "leaved", "leaving"];
        assert_eq!(d.verbs[0].elems, [v(&forms), PatElem::Skip(1, SKIP_GAP), w(&["into"]), GAP, PatElem::Target]);
        assert_eq!(d.verbs[1].elems, [v(&forms), PatElem::Skip(2, 2 * SKIP_GAP), w(&["from"]), GAP, PatElem::Target]);
    }

    #[test]
    fn multiword_verbs_use_their_plus_word() {
        let text = "--- ASK [---] ---\nREQUEST\n+ASK_FOR {+ASKED_FOR +ASKING_FOR} [020]\nRE_+ARREST\n- * HELP [030]\n";
        let d = load(text);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        assert_eq!(d.verbs[0].code, "020");
        assert_eq!(d.verbs[0].elems, [v(&["ask", "asked", "asking"]), w(&["for"])]);
        // Each pattern is crossed with the single-word verbs and each multi-word verb.
        let pats: Vec<&Vec<PatElem>> = d.verbs.iter().filter(|p| p.code == "030").map(|p| &p.elems).collect();
        assert_eq!(pats.len(), 3);
        assert_eq!(*pats[0], [v(&["request", "requests", "requested", "requesting"]), GAP, w(&["help"])]);
        assert_eq!(*pats[1], [v(&["ask", "asked", "asking"]), w(&["for"]), GAP, w(&["help"])]);
        assert_eq!(*pats[2], [w(&["re"]), v(&["arrest", "arrests", "arrested", "arresting"]), GAP, w(&["help"])]);
    }

    #[test]
    fn compound_codes_split_by_direction() {
        assert_eq!(event_codes("042:043"), (Some("042"), Some("043")));
        assert_eq!(event_codes(":173"), (None, Some("173")));
        assert_eq!(event_codes("0874"), (Some("0874"), None));
        assert_eq!(event_codes("---"), (None, None));
    }

    #[test]
    fn flat_tabari_roots_stems_and_alternatives() {
        let text = "ABDUCT  [181] ;shan   7/24/93\n- + IN_ $ { WAS_ | WERE_ } *  [181] ;sls\n- *_AND_KILLED BY_ $  [1823]\nHAD_ AUDIENCE [---]\n- $ * WITH_ +  [042]\nABANDON [###]\n- * + PARTY  [160]\n";
        let d = load(text);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        let abduct = stem_forms("abduct");
        assert!(abduct.contains(&"abducted".to_string()) && abduct.contains(&"abduction".to_string()));
        let p: Vec<&VerbPattern> = d.verbs.iter().collect();
        assert_eq!(p[0].code, "181");
        assert_eq!(p[0].elems, [PatElem::Verb(abduct.clone())]);
        assert_eq!(p[1].elems, [PatElem::Target, GAP, w(&["in"]), GAP, PatElem::Source, GAP, w(&["was", "were"]), GAP, PatElem::Verb(abduct.clone())]);
        assert_eq!(p[2].elems, [PatElem::Verb(abduct), w(&["and"]), PatElem::Words(stem_forms("killed")), GAP, w(&["by"]), GAP, PatElem::Source]);
        // Multi-word root: the first word is the verb, the rest follows.
        assert_eq!(p[3].elems, [PatElem::Source, GAP, v(&["had"]), GAP, PatElem::Words(stem_forms("audience")), GAP, w(&["with"]), GAP, PatElem::Target]);
        // `###` is TABARI's null code: no verb-only pattern for ABANDON.
        assert_eq!(p[4].code, "160");
        assert_eq!(p.len(), 5);
    }

    #[test]
    fn tabari_forms_line_and_multiword_alternatives() {
        let text = "BREAK_ [1717]\n{ BROKE_ BROKEN_ BROKEN_DOWN_ }\n- * FOR { ECONOMIC_SANCTIONS | EMBARGO }  [172]\n";
        let d = load(text);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        assert_eq!(d.verbs[0].elems, [v(&["break", "broke", "broken"])]);
        assert_eq!(d.verbs[1].elems, [v(&["broken"]), w(&["down"])]);
        let pats: Vec<&Vec<PatElem>> = d.verbs.iter().filter(|p| p.code == "172").map(|p| &p.elems).collect();
        // Two verb phrases x two alternative shapes.
        assert_eq!(pats.len(), 4);
        let forb = PatElem::Words(stem_forms("for"));
        assert_eq!(*pats[0], [v(&["break", "broke", "broken"]), GAP, forb.clone(), GAP, PatElem::Words(stem_forms("embargo"))]);
        assert_eq!(*pats[2], [v(&["break", "broke", "broken"]), GAP, forb, GAP, w(&["economic"]), PatElem::Words(stem_forms("sanctions"))]);
    }

    #[test]
    fn malformed_verb_lines_are_reported() {
        let text = "- * ORPHAN [010]\n--- A [---] ---\nARM\n- * OUR FRIENDS [def]\n- * NO CODE\n- ACCUSE NOBODY [111]\n- * &NOSUCH [112]\n- * (UNCLOSED [113]\n~ a (_ b ATTACK) WANT = a b 138\n- * FINE [114]\n";
        let d = load(text);
        let lines: Vec<usize> = d.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 9, 4, 5, 6, 7, 8], "{:?}", d.problems);
        assert_eq!(d.verbs.len(), 1);
        assert_eq!(d.verbs[0].code, "114");
    }

    #[test]
    fn pattern_without_dash_is_reported_and_used() {
        let d = load("--- BEGIN [---] ---\nBEGIN {BEGAN BEGUN}\n* (TO QUESTION) [110]\n");
        assert_eq!(d.problems.len(), 1);
        assert_eq!(d.problems[0].line, 3);
        assert_eq!(d.verbs.len(), 1);
        assert_eq!(d.verbs[0].code, "110");
    }

    #[test]
    fn tabari_bad_codes_are_reported() {
        let d = load("ATTEND  [031!]\n- SAID * SUMMIT  [082]\n- * X [100!]\nBAN= [191]\n");
        let lines: Vec<usize> = d.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 3, 4], "{:?}", d.problems);
        let codes: Vec<&str> = d.verbs.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["082", "191"]);
    }
}
