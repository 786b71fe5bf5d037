//! How is text cut into sentences and words?
//!
//! Both cuts keep byte offsets into the article text, so every coded field
//! can point back at the characters that justify it. Words are lowercased on
//! ASCII only: that keeps offsets identical between the original and the
//! lowercased text, and news names outside ASCII compare byte-for-byte.

/// A word or punctuation token: `[start, end)` in the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Whether the token begins with an uppercase letter (names, sentence starts).
    pub capitalized: bool,
    /// Whether the token is a word (letters or digits) rather than punctuation.
    pub word: bool,
}

/// Words that end with a period without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "gov", "sen", "rep", "rev", "st", "sr", "jr", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "co", "corp", "inc", "ltd", "vs", "approx", "dept", "est",
    "fig", "mt", "ft", "pres", "gens", "messrs", "mme", "hon", "amb", "atty", "supt",
];

/// Sentences longer than this are cut at a space: a runaway "sentence" (a
/// table, a 50 MB line with no full stop) must not make coding quadratic.
pub const MAX_SENTENCE_BYTES: usize = 4_000;

/// Splits `text[range]` into sentence ranges (absolute offsets), trimmed of
/// surrounding whitespace. Blank lines always end a sentence.
pub fn sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    split_sentences(text, start, end, MAX_SENTENCE_BYTES)
}

/// [`sentences`] with the runaway limit as a parameter (small in tests).
fn split_sentences(text: &str, start: usize, end: usize, max: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let hay = &bytes[..end];
    let mut out = Vec::new();
    let mut s = start;
    let mut i = start;
    // Only a newline or `.`, `!`, `?` can end a sentence: memchr jumps between
    // them. The next of each kind (`end` if none) is kept until passed.
    let find_nl = |from: usize| memchr::memchr(b'\n', &hay[from..]).map_or(end, |k| from + k);
    let find_mark = |from: usize| memchr::memchr3(b'.', b'!', b'?', &hay[from..]).map_or(end, |k| from + k);
    let mut next_nl = find_nl(start.min(end));
    let mut next_mark = find_mark(start.min(end));
    while i < end {
        if next_nl < i {
            next_nl = find_nl(i);
        }
        if next_mark < i {
            next_mark = find_mark(i);
        }
        let q = next_nl.min(next_mark);
        cut_long_runs(text, &mut s, i, q, max, &mut out);
        if q >= end {
            break;
        }
        let b = bytes[q];
        let mut cut: Option<usize> = None;
        if b == b'\n' {
            // A blank line (paragraph break) ends the sentence.
            let mut j = q + 1;
            while j < end && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\r') {
                j += 1;
            }
            if j < end && bytes[j] == b'\n' {
                cut = Some(q);
            }
        } else {
            // Take trailing closing quotes and brackets into the sentence.
            let mut j = q + 1;
            while j < end && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            if j + 2 < end && &bytes[j..j + 3] == "\u{201d}".as_bytes() {
                j += 3;
            }
            let at_end = j >= end;
            let followed_by_space = at_end || bytes[j].is_ascii_whitespace();
            if followed_by_space && (at_end || next_starts_sentence(bytes, j, end)) && (b != b'.' || !is_abbreviation(text, s, q)) {
                cut = Some(j);
            }
        }
        match cut {
            Some(c) => {
                push_trimmed(text, s, c, &mut out);
                s = c;
                i = c.max(q + 1);
            }
            None => i = q + 1,
        }
    }
    push_trimmed(text, s, end, &mut out);
    out
}

/// Cuts the current sentence (from `*s`) at every space in `[from, to)` that
/// stands more than `max` bytes after the sentence's start.
fn cut_long_runs(text: &str, s: &mut usize, mut from: usize, to: usize, max: usize, out: &mut Vec<(usize, usize)>) {
    loop {
        let lo = from.max(*s + max + 1);
        if lo >= to {
            return;
        }
        let Some(k) = memchr::memchr(b' ', &text.as_bytes()[lo..to]) else { return };
        let p = lo + k;
        push_trimmed(text, *s, p, out);
        *s = p;
        from = p + 1;
    }
}

fn next_starts_sentence(bytes: &[u8], mut j: usize, end: usize) -> bool {
    while j < end && bytes[j].is_ascii_whitespace() {
        j += 1;
    }
    if j >= end {
        return true;
    }
    let c = bytes[j];
    c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, b'"' | b'\'' | b'(' | b'[') || c >= 0x80
}

/// Whether the period at `dot` closes an abbreviation rather than the sentence.
fn is_abbreviation(text: &str, sentence_start: usize, dot: usize) -> bool {
    let bytes = text.as_bytes();
    let mut w = dot;
    while w > sentence_start && (bytes[w - 1].is_ascii_alphanumeric() || bytes[w - 1] == b'.') {
        w -= 1;
    }
    let word = &text[w..dot];
    if word.is_empty() {
        return false;
    }
    // Initials ("J.") and dotted acronyms ("U.S.", "U.N.").
    if word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase() {
        return true;
    }
    if word.contains('.') && word.split('.').all(|p| p.len() <= 2) {
        return true;
    }
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn push_trimmed(text: &str, mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    while s < e && bytes[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && bytes[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    if e > s {
        out.push((s, e));
    }
}

/// Cuts `text[start..end]` into tokens. Words keep internal periods of
/// acronyms ("U.S."), internal apostrophes of names ("O'Brien") and hyphens
/// between letters stay separate tokens so "China-Kazakhstan" yields both
/// countries. A possessive `'s` is its own token. An underscore separates
/// words like a space: it is how the event-data community writes a phrase's
/// words (`Dol_Amroth`, `United_States`), in dictionaries and in text.
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() || b == b'_' {
            i += 1;
            continue;
        }
        let curly_at = b == 0xE2 && bytes.get(i + 1..i + 3) == Some(&[0x80, 0x99]);
        if is_word_byte(b) && !curly_at {
            let s = i;
            // Whether a period went into the word (only the two rules below let one in).
            let mut dotted = false;
            while i < end {
                // Most word bytes are plain ASCII letters and digits: skip their run at once.
                i += bytes[i..end].iter().position(|&c| ALNUM[c as usize] == 0).unwrap_or(end - i);
                if i >= end {
                    break;
                }
                let c = bytes[i];
                let curly = c == 0xE2 && bytes.get(i + 1..i + 3) == Some(&[0x80, 0x99]);
                if is_word_byte(c) && !curly {
                    i += utf8_len(c);
                } else if (c == b'.' || c == b',') && i + 1 < end && bytes[i + 1].is_ascii_digit() && bytes[i - 1].is_ascii_digit() && bytes[s].is_ascii_digit()
                {
                    // Numbers keep their decimal point and thousands separators ("5.1", "25,000").
                    dotted |= c == b'.';
                    i += 1;
                } else if c == b'-' && i + 1 < end && bytes[i + 1].is_ascii_lowercase() && bytes[s].is_ascii_lowercase() {
                    // Lowercase compounds ("self-rule", "anti-government") stay one word;
                    // "China-Kazakhstan" and "Kazakh-led" split so the names stay visible.
                    i += 1;
                } else if c == b'.' && i + 1 < end && bytes[i + 1].is_ascii_alphabetic() && i > s && is_acronym_so_far(&bytes[s..i]) {
                    dotted = true;
                    i += 1;
                } else if (c == b'\'' || curly) && !is_possessive(bytes, i, end) {
                    let al = if c == b'\'' { 1 } else { 3 };
                    if i + al < end && bytes[i + al].is_ascii_alphabetic() {
                        i += al;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            // Keep the final period of a dotted acronym ("U.S.").
            if i < end && bytes[i] == b'.' && dotted && is_acronym_so_far(&bytes[s..i]) {
                i += 1;
            }
            out.push(Token { start: s, end: i, capitalized: b.is_ascii_uppercase() || (b >= 0x80 && starts_upper(&text[s..i])), word: true });
            continue;
        }
        // Possessive 's as a token of its own.
        if (b == b'\'' || b == 0xE2) && is_possessive(bytes, i, end) {
            let al = if b == b'\'' { 1 } else { 3 };
            out.push(Token { start: i, end: i + al + 1, capitalized: false, word: true });
            i += al + 1;
            continue;
        }
        let l = utf8_len(b).min(end - i);
        // "--" is one token (dateline dash).
        let l = if b == b'-' && i + 1 < end && bytes[i + 1] == b'-' { 2 } else { l };
        out.push(Token { start: i, end: i + l, capitalized: false, word: false });
        i += l;
    }
}

/// ASCII letters and digits, as a table: the tokenizer's inner loop is one load per byte.
static ALNUM: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() as u8;
        b += 1;
    }
    t
};

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0xC0 || (0x80..0xC0).contains(&b)
}

fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// `X.Y.` style: single letters separated by periods.
fn is_acronym_so_far(w: &[u8]) -> bool {
    w.split(|&c| c == b'.').all(|p| p.len() == 1 && p[0].is_ascii_alphabetic())
}

fn is_possessive(bytes: &[u8], i: usize, end: usize) -> bool {
    let al = if bytes[i] == b'\'' {
        1
    } else if bytes.get(i..i + 3) == Some(&[0xE2, 0x80, 0x99]) {
        3
    } else {
        return false;
    };
    let j = i + al;
    j < end && (bytes[j] == b's' || bytes[j] == b'S') && (j + 1 >= end || !bytes[j + 1].is_ascii_alphanumeric())
}

/// Lowercases ASCII letters, keeping byte offsets: the form the lexicon is matched on.
pub fn fold(s: &str) -> String {
    let mut o = s.to_ascii_lowercase();
    // Curly apostrophes fold to straight ones; lengths differ, so only
    // phrase keys (never article text) go through this path.
    if o.contains('\u{2019}') {
        o = o.replace('\u{2019}', "'");
    }
    o
}

/// The words of a phrase, tokenized and folded as the coder sees them,
/// joined by single spaces: the key form of every lexicon phrase.
pub fn phrase_key(phrase: &str) -> String {
    // Fast path for plain words: the tokenizer would only lowercase and respace them.
    if phrase.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ') {
        let mut key = String::with_capacity(phrase.len());
        for w in phrase.split_ascii_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(w);
        }
        key.make_ascii_lowercase();
        return key;
    }
    let mut toks = Vec::new();
    tokenize(phrase, 0, phrase.len(), &mut toks);
    let mut key = String::with_capacity(phrase.len());
    for t in &toks {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&fold(&phrase[t.start..t.end]));
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s, 0, s.len()).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    fn words(s: &str) -> Vec<&str> {
        let mut t = Vec::new();
        tokenize(s, 0, s.len(), &mut t);
        t.into_iter().map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn splits_sentences() {
        let cases: &[(&str, &[&str])] = &[
            ("He left. She stayed.", &["He left.", "She stayed."]),
            ("The U.S. Army moved. Then it stopped.", &["The U.S. Army moved.", "Then it stopped."]),
            ("Mr. Smith met Gen. Jones on Feb. 3. They talked.", &["Mr. Smith met Gen. Jones on Feb. 3.", "They talked."]),
            ("J. R. Doe arrived. Fine.", &["J. R. Doe arrived.", "Fine."]),
            ("\"We will win.\" He said so.", &["\"We will win.\"", "He said so."]),
            ("First para\n\nSecond para", &["First para", "Second para"]),
            ("Is it? Yes! Done", &["Is it?", "Yes!", "Done"]),
            ("It rose 3.5 percent. Next.", &["It rose 3.5 percent.", "Next."]),
        ];
        for (input, want) in cases {
            assert_eq!(split(input), *want, "input: {input}");
        }
    }

    #[test]
    fn tokenizes_words() {
        assert_eq!(words("China-Kazakhstan ties"), ["China", "-", "Kazakhstan", "ties"]);
        assert_eq!(words("anti-government self-rule Kazakh-led"), ["anti-government", "self-rule", "Kazakh", "-", "led"]);
        assert_eq!(words("5.1 million, 25,000 tons"), ["5.1", "million", ",", "25,000", "tons"]);
        assert_eq!(words("Kazakhstan's parliament"), ["Kazakhstan", "'s", "parliament"]);
        assert_eq!(words("the U.S. and U.N."), ["the", "U.S.", "and", "U.N."]);
        assert_eq!(words("O'Brien said (Xinhua) --"), ["O'Brien", "said", "(", "Xinhua", ")", "--"]);
        assert_eq!(words("Kazakhstan\u{2019}s"), ["Kazakhstan", "\u{2019}s"]);
        assert_eq!(words("Zürich talks"), ["Zürich", "talks"]);
        assert_eq!(words("the Prince of Dol_Amroth"), ["the", "Prince", "of", "Dol", "Amroth"]);
    }

    #[test]
    fn phrase_keys_fold_case_and_spacing() {
        assert_eq!(phrase_key("National People's  Congress"), "national people 's congress");
        assert_eq!(phrase_key("U.S."), "u.s.");
    }

    proptest::proptest! {
        #[test]
        fn tokens_and_sentences_stay_in_bounds(s in "\\PC{0,200}") {
            let mut t = Vec::new();
            tokenize(&s, 0, s.len(), &mut t);
            let mut last = 0;
            for tok in &t {
                proptest::prop_assert!(tok.start >= last && tok.end > tok.start && tok.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(tok.start) && s.is_char_boundary(tok.end));
                last = tok.end;
            }
            for (a, b) in sentences(&s, 0, s.len()) {
                proptest::prop_assert!(a < b && b <= s.len() && s.is_char_boundary(a) && s.is_char_boundary(b));
            }
        }
    }

    /// The splitter and tokenizer as they were before memchr and the ASCII fast
    /// path: the reference the fast ones must agree with byte for byte.
    mod reference {
        use super::super::*;

        pub fn sentences(text: &str, start: usize, end: usize, max: usize) -> Vec<(usize, usize)> {
            let bytes = text.as_bytes();
            let mut out = Vec::new();
            let mut s = start;
            let mut i = start;
            while i < end {
                let b = bytes[i];
                let mut cut: Option<usize> = None;
                if b == b'\n' {
                    let mut j = i + 1;
                    while j < end && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\r') {
                        j += 1;
                    }
                    if j < end && bytes[j] == b'\n' {
                        cut = Some(i);
                    }
                } else if b == b'.' || b == b'!' || b == b'?' {
                    let mut j = i + 1;
                    while j < end && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                        j += 1;
                    }
                    if j + 2 < end && &bytes[j..j + 3] == "\u{201d}".as_bytes() {
                        j += 3;
                    }
                    let at_end = j >= end;
                    let followed_by_space = at_end || bytes[j].is_ascii_whitespace();
                    if followed_by_space && (at_end || next_starts_sentence(bytes, j, end)) && (b != b'.' || !is_abbreviation(text, s, i)) {
                        cut = Some(j);
                    }
                }
                if let Some(c) = cut {
                    push_trimmed(text, s, c, &mut out);
                    s = c;
                    i = c.max(i + 1);
                    continue;
                }
                if i - s > max && b == b' ' {
                    push_trimmed(text, s, i, &mut out);
                    s = i;
                }
                i += 1;
            }
            push_trimmed(text, s, end, &mut out);
            out
        }

        // Kept as it was written (its rules had comments of their own), so some branches read alike.
        #[allow(clippy::if_same_then_else)]
        pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
            out.clear();
            let bytes = text.as_bytes();
            let mut i = start;
            while i < end {
                let b = bytes[i];
                if b.is_ascii_whitespace() || b == b'_' {
                    i += 1;
                    continue;
                }
                let curly_at = b == 0xE2 && bytes.get(i + 1..i + 3) == Some(&[0x80, 0x99]);
                if is_word_byte(b) && !curly_at {
                    let s = i;
                    while i < end {
                        let c = bytes[i];
                        let curly = c == 0xE2 && bytes.get(i + 1..i + 3) == Some(&[0x80, 0x99]);
                        if is_word_byte(c) && !curly {
                            i += utf8_len(c);
                        } else if (c == b'.' || c == b',')
                            && i + 1 < end
                            && bytes[i + 1].is_ascii_digit()
                            && bytes[i - 1].is_ascii_digit()
                            && bytes[s].is_ascii_digit()
                        {
                            i += 1;
                        } else if c == b'-' && i + 1 < end && bytes[i + 1].is_ascii_lowercase() && bytes[s].is_ascii_lowercase() {
                            i += 1;
                        } else if c == b'.' && i + 1 < end && bytes[i + 1].is_ascii_alphabetic() && i > s && is_acronym_so_far(&bytes[s..i]) {
                            i += 1;
                        } else if (c == b'\'' || curly) && !is_possessive(bytes, i, end) {
                            let al = if c == b'\'' { 1 } else { 3 };
                            if i + al < end && bytes[i + al].is_ascii_alphabetic() {
                                i += al;
                            } else {
                                break;
                            }
                        } else {
                            break;
                        }
                    }
                    if i < end && bytes[i] == b'.' && text[s..i].contains('.') && is_acronym_so_far(&bytes[s..i]) {
                        i += 1;
                    }
                    out.push(Token { start: s, end: i, capitalized: b.is_ascii_uppercase() || (b >= 0x80 && starts_upper(&text[s..i])), word: true });
                    continue;
                }
                if (b == b'\'' || b == 0xE2) && is_possessive(bytes, i, end) {
                    let al = if b == b'\'' { 1 } else { 3 };
                    out.push(Token { start: i, end: i + al + 1, capitalized: false, word: true });
                    i += al + 1;
                    continue;
                }
                let l = utf8_len(b).min(end - i);
                let l = if b == b'-' && i + 1 < end && bytes[i + 1] == b'-' { 2 } else { l };
                out.push(Token { start: i, end: i + l, capitalized: false, word: false });
                i += l;
            }
        }
    }

    /// Text made of the characters the splitter and tokenizer treat specially.
    const TRICKY: &str = "(?:[aAzZsS09 .,'!?\\-\n\t\"()\\]]|\u{2019}|\u{201d}|\u{2014}|\u{e9}|\u{dc}|Mr|U\\.S\\.|St|Jan|no){0,120}";

    proptest::proptest! {
        #[test]
        fn fast_tokenizer_and_splitter_match_the_reference(s in TRICKY, max in 3usize..40) {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            tokenize(&s, 0, s.len(), &mut a);
            reference::tokenize(&s, 0, s.len(), &mut b);
            proptest::prop_assert_eq!(&a, &b);
            proptest::prop_assert_eq!(split_sentences(&s, 0, s.len(), max), reference::sentences(&s, 0, s.len(), max));
            proptest::prop_assert_eq!(sentences(&s, 0, s.len()), reference::sentences(&s, 0, s.len(), MAX_SENTENCE_BYTES));
            // Sub-ranges, as the coder calls them on paragraphs.
            let cut = s.char_indices().map(|(i, _)| i).nth(s.chars().count() / 3).unwrap_or(0);
            proptest::prop_assert_eq!(split_sentences(&s, cut, s.len(), max), reference::sentences(&s, cut, s.len(), max));
            tokenize(&s, cut, s.len(), &mut a);
            reference::tokenize(&s, cut, s.len(), &mut b);
            proptest::prop_assert_eq!(a, b);
        }

        #[test]
        fn fast_tokenizer_and_splitter_match_the_reference_on_any_text(s in "\\PC{0,300}", max in 3usize..60) {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            tokenize(&s, 0, s.len(), &mut a);
            reference::tokenize(&s, 0, s.len(), &mut b);
            proptest::prop_assert_eq!(a, b);
            proptest::prop_assert_eq!(split_sentences(&s, 0, s.len(), max), reference::sentences(&s, 0, s.len(), max));
        }
    }

    #[test]
    fn long_runs_are_cut() {
        let s = "word ".repeat(5_000);
        let parts = sentences(&s, 0, s.len());
        assert!(parts.len() > 1);
        assert!(parts.iter().all(|(a, b)| b - a <= MAX_SENTENCE_BYTES + 8));
    }
}
