//! Accuracy floors on the public gold sets: fails when a change makes dyad
//! code them worse than the figures reported in the README (minus a small
//! margin). Reads the sets in place from `../shared/data`; skips, loudly,
//! where they are absent.

use dyad::dict::Dictionaries;
use dyad::eval::{read_gold, score, ScoreOptions};
use dyad::lexicon::LexiconBuilder;
use dyad::{Article, Coder};
use std::path::{Path, PathBuf};

fn data(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipping: {} not present", p.display());
        None
    }
}

/// Level-1 precision, recall and F1 of `coder` on a gold file.
fn level1(coder: &Coder, gold: &Path) -> (f64, f64, f64) {
    let set = read_gold(gold).expect("gold file reads");
    let preds: Vec<_> = set
        .docs
        .iter()
        .map(|d| coder.code_with(&Article { id: d.id.clone(), date: d.date.clone(), text: d.text.clone(), ..Default::default() }, &d.coding).events)
        .collect();
    let r = score(&set.docs, &preds, &ScoreOptions::default());
    println!("{}: P {:.3} R {:.3} F1 {:.3}", gold.display(), r.level1.precision, r.level1.recall, r.level1.f1);
    (r.level1.precision, r.level1.recall, r.level1.f1)
}

/// Floors: (gold file, minimum precision, minimum F1), with the built-in lexicon.
const BUILTIN_FLOORS: &[(&str, f64, f64)] =
    &[("plover-gsr/gold.jsonl", 0.84, 0.79), ("plover-gsr/PLOVER_GSR_CAMEO.json", 0.85, 0.79), ("petr2-gsr-validation/gold.jsonl", 0.73, 0.67)];

#[test]
fn builtin_lexicon_accuracy_floors() {
    let coder = Coder::builtin();
    for (rel, min_p, min_f1) in BUILTIN_FLOORS {
        let Some(p) = data(rel) else { continue };
        let (prec, _, f1) = level1(&coder, &p);
        assert!(prec >= *min_p, "{rel}: precision {prec:.3} fell below the floor {min_p}");
        assert!(f1 >= *min_f1, "{rel}: F1 {f1:.3} fell below the floor {min_f1}");
    }
}

#[test]
fn petrarch2_unit_tests_with_their_own_dictionaries() {
    let (Some(gold), Some(dicts)) = (data("petrarch2-unittest/PETR.UnitTest.records.xml"), data("petrarch2-unittest")) else { return };
    let mut b = LexiconBuilder::new();
    b.add_dictionaries(Dictionaries::load(&dicts).expect("suite dictionaries load"));
    let coder = Coder::new(b.build());
    let (prec, recall, _) = level1(&coder, &gold);
    // Share of expected codings reproduced (recall) and share of extras (1 - precision).
    assert!(recall >= 0.90, "PETRARCH-2 unit tests: {recall:.3} of expected codings reproduced, below the floor 0.90");
    assert!(prec >= 0.94, "PETRARCH-2 unit tests: precision {prec:.3} below the floor 0.94");
}

/// Floors: (gold file, dictionary folder, minimum precision, minimum F1), each suite with its own dictionaries only.
const VALIDATION_FLOORS: &[(&str, &str, f64, f64)] = &[
    ("udpetrarch-validation/PETR_Validate_records_2_02.xml", "udpetrarch-validation", 0.87, 0.84),
    ("tabari-validation-petr1/PETR.Validate.records.140226.txt", "tabari-validation-petr1", 0.74, 0.645),
];

#[test]
fn validation_suites_with_their_own_dictionaries() {
    for (rel, dicts, min_p, min_f1) in VALIDATION_FLOORS {
        let (Some(gold), Some(dicts)) = (data(rel), data(dicts)) else { continue };
        let mut b = LexiconBuilder::new();
        b.add_dictionaries(Dictionaries::load(&dicts).expect("suite dictionaries load"));
        let coder = Coder::new(b.build());
        let (prec, _, f1) = level1(&coder, &gold);
        assert!(prec >= *min_p, "{rel}: precision {prec:.3} fell below the floor {min_p}");
        assert!(f1 >= *min_f1, "{rel}: F1 {f1:.3} fell below the floor {min_f1}");
    }
}
