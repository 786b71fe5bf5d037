//! English verb inflection for lexicon patterns: a pattern names a lemma
//! ("hold talks with") and matches every form ("holds", "held", "holding").

use rustc_hash::FxHashMap;

/// The forms of one verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forms {
    /// Base form, also the infinitive and the plural present.
    pub base: String,
    /// Third person singular present.
    pub third: String,
    /// Simple past.
    pub past: String,
    /// Past participle (used to detect the passive voice).
    pub participle: String,
    /// Present participle / gerund.
    pub gerund: String,
}

impl Forms {
    /// All distinct forms.
    pub fn all(&self) -> Vec<String> {
        let mut v = vec![self.base.clone(), self.third.clone(), self.past.clone(), self.participle.clone(), self.gerund.clone()];
        // British spelling doubles a final -l after one vowel: "cancelled", "travelling".
        let b = self.base.as_bytes();
        let n = b.len();
        if n >= 3 && b[n - 1] == b'l' && is_vowel(b[n - 2]) && !is_vowel(b[n - 3]) {
            for f in [&self.past, &self.participle] {
                if let Some(stem) = f.strip_suffix("led").filter(|st| st.len() + 1 == n) {
                    v.push(format!("{stem}lled"));
                }
            }
            if let Some(stem) = self.gerund.strip_suffix("ling").filter(|st| st.len() + 1 == n) {
                v.push(format!("{stem}lling"));
            }
        }
        v.sort();
        v.dedup();
        v
    }
}

/// Irregular and spelling-exception forms, keyed by lemma.
#[derive(Debug, Default, Clone)]
pub struct Morphology {
    exceptions: FxHashMap<String, (String, String, Option<String>)>,
}

impl Morphology {
    /// Reads the `lemma | past | participle [| gerund]` table; bad lines are
    /// returned as `(line, message)` and skipped.
    pub fn parse(text: &str) -> (Morphology, Vec<(usize, String)>) {
        let mut m = Morphology::default();
        let mut problems = Vec::new();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('|').map(str::trim).collect();
            if f.len() < 3 || f.len() > 4 || f.iter().any(|x| x.is_empty()) {
                problems.push((n + 1, format!("expected `lemma | past | participle [| gerund]`, got `{line}`")));
                continue;
            }
            let ger = f.get(3).map(|s| s.to_string());
            m.exceptions.insert(f[0].to_ascii_lowercase(), (f[1].to_ascii_lowercase(), f[2].to_ascii_lowercase(), ger.map(|g| g.to_ascii_lowercase())));
        }
        (m, problems)
    }

    /// The forms of `lemma` (lowercase).
    pub fn inflect(&self, lemma: &str) -> Forms {
        let base = lemma.to_ascii_lowercase();
        let third = third_person(&base);
        let (past, participle, gerund) = match self.exceptions.get(&base) {
            Some((p, pp, g)) => (p.clone(), pp.clone(), g.clone().unwrap_or_else(|| gerund(&base))),
            None => {
                let p = regular_past(&base);
                (p.clone(), p, gerund(&base))
            }
        };
        Forms { base, third, past, participle, gerund }
    }

    /// Whether `w` (lowercase) is the irregular past or participle of some verb
    /// ("sent", "held", "put"): a bare-looking word that is no base form.
    pub fn is_irregular_past(&self, w: &str) -> bool {
        self.exceptions.values().any(|(p, pp, _)| p == w || pp == w)
    }

    /// The past participle of `lemma` (lowercase), as [`Morphology::inflect`]
    /// gives it, without building the other forms.
    pub fn participle(&self, lemma: &str) -> String {
        let base = lemma.to_ascii_lowercase();
        match self.exceptions.get(&base) {
            Some((_, pp, _)) => pp.clone(),
            None => regular_past(&base),
        }
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn third_person(b: &str) -> String {
    let by = b.as_bytes();
    let n = by.len();
    if b == "be" {
        return "is".into();
    }
    if b == "have" {
        return "has".into();
    }
    if b.ends_with('s') || b.ends_with('x') || b.ends_with('z') || b.ends_with("ch") || b.ends_with("sh") || (b.ends_with('o') && n > 1 && !is_vowel(by[n - 2]))
    {
        format!("{b}es")
    } else if b.ends_with('y') && n > 1 && !is_vowel(by[n - 2]) {
        format!("{}ies", &b[..n - 1])
    } else {
        format!("{b}s")
    }
}

fn regular_past(b: &str) -> String {
    let by = b.as_bytes();
    let n = by.len();
    if b.ends_with('e') {
        format!("{b}d")
    } else if b.ends_with('y') && n > 1 && !is_vowel(by[n - 2]) {
        format!("{}ied", &b[..n - 1])
    } else {
        format!("{b}ed")
    }
}

fn gerund(b: &str) -> String {
    if let Some(stem) = b.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    if b.ends_with('e') && !b.ends_with("ee") && !b.ends_with("ye") && !b.ends_with("oe") && b.len() > 2 {
        return format!("{}ing", &b[..b.len() - 1]);
    }
    format!("{b}ing")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn british_doubled_l_forms_are_matched_too() {
        let m = Morphology::default();
        let all = m.inflect("cancel").all();
        for f in ["cancel", "cancels", "canceled", "cancelled", "canceling", "cancelling"] {
            assert!(all.contains(&f.to_string()), "{f} in {all:?}");
        }
        // Not after two vowels or a double l.
        assert!(!m.inflect("appeal").all().contains(&"appealled".to_string()));
        assert!(!m.inflect("recall").all().iter().any(|f| f.contains("lll")));
    }

    #[test]
    fn inflects_regular_and_irregular() {
        let (m, problems) = Morphology::parse("hold | held | held\nban | banned | banned | banning\nbroken line\n");
        assert_eq!(problems.len(), 1);
        let cases = [
            ("hold", "holds", "held", "held", "holding"),
            ("ban", "bans", "banned", "banned", "banning"),
            ("cancel", "cancels", "canceled", "canceled", "canceling"),
            ("visit", "visits", "visited", "visited", "visiting"),
            ("urge", "urges", "urged", "urged", "urging"),
            ("accuse", "accuses", "accused", "accused", "accusing"),
            ("deny", "denies", "denied", "denied", "denying"),
            ("reach", "reaches", "reached", "reached", "reaching"),
            ("agree", "agrees", "agreed", "agreed", "agreeing"),
            ("veto", "vetoes", "vetoed", "vetoed", "vetoing"),
            ("employ", "employs", "employed", "employed", "employing"),
        ];
        for (lemma, third, past, pp, ger) in cases {
            let f = m.inflect(lemma);
            assert_eq!((f.third.as_str(), f.past.as_str(), f.participle.as_str(), f.gerund.as_str()), (third, past, pp, ger), "{lemma}");
            assert_eq!(m.participle(lemma), f.participle);
        }
    }
}
