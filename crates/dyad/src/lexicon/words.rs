//! Word ids and the actor phrase trie.
//!
//! Every word the lexicon can match (a word of an actor phrase key or of a
//! verb pattern) gets a small integer id. A sentence is looked up once, word
//! by word; after that, actor phrases are found by walking a trie over ids and
//! verb patterns are indexed by ids, so the hot loops compare integers instead
//! of hashing and comparing strings.

use rustc_hash::FxHashMap;

/// Id of a sentence word the lexicon does not know: it matches nothing.
pub const UNKNOWN: u32 = u32::MAX;

/// The lexicon's words, each with a dense id.
///
/// Words of up to 15 bytes (nearly all) are keyed by a `u128` holding their
/// bytes and length, so a lookup hashes and compares in registers and never
/// follows a pointer to a key (a sentence looks up every one of its words).
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    short: FxHashMap<u128, u32>,
    long: FxHashMap<Box<str>, u32>,
}

/// The inline key of a word of at most 15 bytes: its bytes (little-endian,
/// zero-padded), then its length in the top byte.
#[inline]
fn short_key(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    let n = b.len();
    if n > 15 {
        return None;
    }
    // Two overlapping fixed-size loads instead of a variable-length copy: the
    // second load's bytes past the first are shifted down into place.
    let (lo, hi) = if n >= 8 {
        let lo = u64::from_le_bytes(b[..8].try_into().expect("8 bytes"));
        let t = u64::from_le_bytes(b[n - 8..].try_into().expect("8 bytes"));
        (lo, if n == 8 { 0 } else { t >> ((16 - n) * 8) })
    } else if n >= 4 {
        let a = u64::from(u32::from_le_bytes(b[..4].try_into().expect("4 bytes")));
        let t = u64::from(u32::from_le_bytes(b[n - 4..].try_into().expect("4 bytes")));
        (a | ((t >> ((8 - n) * 8)) << 32), 0)
    } else {
        (b.iter().enumerate().fold(0u64, |v, (i, &c)| v | (u64::from(c) << (8 * i))), 0)
    };
    Some(u128::from(lo) | (u128::from(hi) << 64) | ((n as u128) << 120))
}

impl Vocabulary {
    /// An empty vocabulary with room for about `n` words.
    pub fn with_capacity(n: usize) -> Self {
        let mut short = FxHashMap::default();
        short.reserve(n);
        Vocabulary { short, long: FxHashMap::default() }
    }

    /// The id of `w`, added if new.
    pub fn intern(&mut self, w: &str) -> u32 {
        let id = self.get(w);
        if id != UNKNOWN {
            return id;
        }
        let id = u32::try_from(self.len()).expect("fewer than 4 billion lexicon words");
        assert!(id != UNKNOWN, "vocabulary full");
        match short_key(w) {
            Some(k) => self.short.insert(k, id),
            None => self.long.insert(w.into(), id),
        };
        id
    }

    /// The id of `w`, or [`UNKNOWN`].
    #[inline]
    pub fn get(&self, w: &str) -> u32 {
        match short_key(w) {
            Some(k) => self.short.get(&k),
            None => self.long.get(w),
        }
        .copied()
        .unwrap_or(UNKNOWN)
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// Whether no word is known.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The bit a word id stands for in a [`mask_of`] set.
#[inline]
pub fn bit(id: u32) -> u128 {
    1u128 << (id % 128)
}

/// A 128-bit summary of a set of word ids: a pattern needing a word whose bit
/// is clear cannot match, tested before anything about the pattern is loaded.
pub fn mask_of(ids: &[u32]) -> u128 {
    ids.iter().filter(|&&w| w != UNKNOWN).fold(0, |m, &w| m | bit(w))
}

/// Phrases as sequences of word ids, each naming one entry; finds the
/// leftmost-longest phrases of a sentence, without overlaps.
#[derive(Debug, Default, Clone)]
pub struct PhraseTrie {
    /// The root's child for each word id (or [`UNKNOWN`]): the step taken at
    /// every word of every sentence, so an array load instead of a hash lookup.
    first: Vec<u32>,
    /// (node, word) -> child node below the root. Node 0 is the root.
    children: FxHashMap<u64, u32>,
    /// Entry ending at each node, or [`UNKNOWN`].
    entry: Vec<u32>,
}

#[inline]
fn edge(node: u32, word: u32) -> u64 {
    (u64::from(node) << 32) | u64::from(word)
}

impl PhraseTrie {
    /// An empty trie.
    pub fn new() -> Self {
        PhraseTrie { first: Vec::new(), children: FxHashMap::default(), entry: vec![UNKNOWN] }
    }

    /// Adds the phrase `words` for entry `e` (a later phrase equal to an earlier one replaces it).
    pub fn insert(&mut self, words: impl IntoIterator<Item = u32>, e: u32) {
        let mut node = 0u32;
        for w in words {
            let next = self.entry.len() as u32;
            node = if node == 0 {
                let i = w as usize;
                if self.first.len() <= i {
                    self.first.resize(i + 1, UNKNOWN);
                }
                if self.first[i] == UNKNOWN {
                    self.first[i] = next;
                }
                self.first[i]
            } else {
                *self.children.entry(edge(node, w)).or_insert(next)
            };
            if node == next {
                self.entry.push(UNKNOWN);
            }
        }
        self.entry[node as usize] = e;
    }

    /// The longest phrase starting at `ids[i]`: `(end, entry)` with `end` one past its last word.
    #[inline]
    pub fn longest_at(&self, ids: &[u32], i: usize) -> Option<(usize, u32)> {
        let mut node = match ids.get(i).and_then(|&w| self.first.get(w as usize)) {
            Some(&n) if n != UNKNOWN => n,
            _ => return None,
        };
        let mut best = None;
        let e = self.entry[node as usize];
        if e != UNKNOWN {
            best = Some((i + 1, e));
        }
        for (j, &w) in ids.iter().enumerate().skip(i + 1) {
            if w == UNKNOWN {
                break;
            }
            let Some(&next) = self.children.get(&edge(node, w)) else { break };
            node = next;
            let e = self.entry[node as usize];
            if e != UNKNOWN {
                best = Some((j + 1, e));
            }
        }
        best
    }

    /// Leftmost-longest, non-overlapping phrases of `ids`: `(start, end, entry)`.
    /// A search resumes after each phrase found, like a leftmost-longest
    /// Aho-Corasick search over the words.
    pub fn find_all(&self, ids: &[u32], out: &mut Vec<(usize, usize, u32)>) {
        out.clear();
        let mut i = 0;
        while i < ids.len() {
            match self.longest_at(ids, i) {
                Some((end, e)) => {
                    out.push((i, end, e));
                    i = end;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, MatchKind};

    fn ids(v: &Vocabulary, s: &str) -> Vec<u32> {
        s.split(' ').map(|w| v.get(w)).collect()
    }

    /// The search the trie replaced: leftmost-longest Aho-Corasick over padded words.
    pub(crate) fn by_automaton(keys: &[&str], words: &[&str]) -> Vec<(usize, usize, u32)> {
        let padded: Vec<String> = keys.iter().map(|k| format!(" {} ", k.replace(' ', "  "))).collect();
        let ac = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&padded).unwrap();
        let mut norm = String::from(" ");
        let mut starts = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                norm.push_str("  ");
            }
            starts.push(norm.len());
            norm.push_str(w);
        }
        norm.push(' ');
        ac.find_iter(&norm)
            .map(|m| {
                let a = starts.binary_search(&(m.start() + 1)).unwrap();
                let b = (a..words.len()).find(|&j| starts[j] + words[j].len() == m.end() - 1).unwrap();
                (a, b + 1, m.pattern().as_usize() as u32)
            })
            .collect()
    }

    fn build(keys: &[&str]) -> (Vocabulary, PhraseTrie) {
        let mut v = Vocabulary::default();
        let mut t = PhraseTrie::new();
        for (e, k) in keys.iter().enumerate() {
            let ws: Vec<u32> = k.split(' ').map(|w| v.intern(w)).collect();
            t.insert(ws, e as u32);
        }
        (v, t)
    }

    #[test]
    fn finds_leftmost_longest_phrases() {
        let keys = ["united states", "united states army", "states", "army", "the us"];
        let (v, t) = build(&keys);
        let s = "the united states army and the states army met the us";
        let mut out = Vec::new();
        t.find_all(&ids(&v, s), &mut out);
        assert_eq!(out, [(1, 4, 1), (6, 7, 2), (7, 8, 3), (9, 11, 4)]);
        let words: Vec<&str> = s.split(' ').collect();
        assert_eq!(out, by_automaton(&keys, &words));
    }

    #[test]
    fn short_keys_are_the_padded_bytes_and_length() {
        let text = "abcdefghijklmnopqrstuvwxyz\u{e9}\u{2019}0123456789";
        for start in 0..8 {
            for n in 0..=15 {
                let Some(w) = text.get(start..start + n) else { continue };
                let mut k = [0u8; 16];
                k[..n].copy_from_slice(w.as_bytes());
                k[15] = n as u8;
                assert_eq!(short_key(w), Some(u128::from_le_bytes(k)), "{w:?}");
            }
        }
        assert_eq!(short_key("abcdefghijklmnop"), None);
    }

    #[test]
    fn short_and_long_words_get_distinct_ids() {
        let mut v = Vocabulary::default();
        let words = ["", "a", "a\0", "ab", "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq", "\u{e9}t\u{e9}", "international-cooperation"];
        let ids: Vec<u32> = words.iter().map(|w| v.intern(w)).collect();
        assert_eq!(ids, (0..words.len() as u32).collect::<Vec<_>>());
        for (w, id) in words.iter().zip(&ids) {
            assert_eq!(v.get(w), *id, "{w:?}");
            assert_eq!(v.intern(w), *id);
        }
        assert_eq!(v.len(), words.len());
        assert_eq!(v.get("abcdefghijklmn"), UNKNOWN);
        assert_eq!(v.get("a\0\0"), UNKNOWN);
    }

    #[test]
    fn unknown_words_match_nothing() {
        let (v, t) = build(&["a b"]);
        assert_eq!(v.get("zzz"), UNKNOWN);
        let mut out = Vec::new();
        t.find_all(&[v.get("a"), UNKNOWN, v.get("b")], &mut out);
        assert!(out.is_empty());
    }

    proptest::proptest! {
        /// Over a tiny alphabet (many shared prefixes and overlaps), the trie
        /// finds exactly what the padded-word automaton finds.
        #[test]
        fn agrees_with_the_automaton(
            keys in proptest::collection::btree_set("[abc]( [abc]){0,3}", 1..12),
            words in proptest::collection::vec("[abcd]", 0..30),
        ) {
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            let (v, t) = build(&keys);
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let ids: Vec<u32> = words.iter().map(|w| v.get(w)).collect();
            let mut out = Vec::new();
            t.find_all(&ids, &mut out);
            proptest::prop_assert_eq!(out, by_automaton(&keys, &words));
        }
    }
}
