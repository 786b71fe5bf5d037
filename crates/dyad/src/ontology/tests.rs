//! Table-driven checks of the ontology, plus verification against the
//! shared CAMEO codebook and CAMEO→PLOVER table (read in place, skipped
//! with a note when the shared data is absent).

use super::*;
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn table_is_sorted_unique_and_well_formed() {
    let codes: Vec<&str> = all_codes().map(|c| c.code).collect();
    assert!(codes.windows(2).all(|w| w[0] < w[1]), "table must be strictly ascending for binary search");
    for c in all_codes() {
        assert!(matches!(c.code.len(), 2..=4) && c.code.bytes().all(|b| b.is_ascii_digit()), "malformed code {:?}", c.code);
        assert!(!c.label.is_empty(), "{} has no label", c.code);
        assert!((-10.0..=10.0).contains(&c.goldstein), "{}", c.code);
        // Every code hangs under an existing parent.
        if c.code.len() > 2 {
            let parent = &c.code[..c.code.len() - 1];
            assert!(cameo(parent).is_some(), "{} has no parent", c.code);
        }
    }
    let roots: Vec<&str> = all_codes().filter(|c| c.code.len() == 2).map(|c| c.code).collect();
    assert_eq!(roots.len(), 20);
    assert_eq!(roots.first(), Some(&"01"));
    assert_eq!(roots.last(), Some(&"20"));
    // Every root has its residual "x0" code.
    for r in roots {
        let residual = format!("{r}0");
        assert!(cameo(&residual).is_some(), "missing {residual}");
    }
    assert_eq!(all_codes().count(), 313);
}

#[test]
fn sample_codes() {
    let cases: &[(&str, &str, f32)] = &[
        ("01", "Public statement", 0.0),
        ("010", "Statement, unspecified", 0.0),
        ("016", "Deny responsibility or charges", -5.0),
        ("020", "Appeal, unspecified", 3.0),
        ("0214", "Ask for intelligence sharing", 3.4),
        ("0256", "Ask for military de-escalation", -0.3),
        ("0334", "Promise protection or peacekeepers", 6.0),
        ("041", "Discuss by telephone", 1.0),
        ("043", "Host a visit", 2.8),
        ("057", "Sign a formal agreement", 8.0),
        ("0874", "Retreat or surrender", 10.0),
        ("1214", "Reject intelligence sharing", -4.0),
        ("13", "Threaten", -6.0),
        ("130", "Threaten, unspecified", -4.4),
        ("1385", "Threaten a mass-destruction attack", -7.0),
        ("163", "Impose sanctions or embargo", -8.0),
        ("1823", "Kill by physical assault", -10.0),
        ("201", "Mass expulsion", -9.5),
        ("2042", "Nuclear detonation", -10.0),
    ];
    for &(code, label, g) in cases {
        let c = cameo(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(c.code, code);
        assert_eq!(c.label, label, "{code}");
        assert_eq!(c.goldstein, g, "{code}");
    }
}

#[test]
fn unknown_codes_are_none() {
    for bad in ["", "0", "00", "000", "21", "210", "41", "0415", "1215", "abc", " 041", "041 ", "04١", "é"] {
        assert!(cameo(bad).is_none(), "{bad:?}");
        assert!(plover(bad).is_none(), "{bad:?}");
        assert!(intent_code(bad).is_none(), "{bad:?}");
    }
}

#[test]
fn roots_and_root_labels() {
    let cases = [("041", "04"), ("1823", "18"), ("20", "20"), ("7", "7"), ("", ""), ("é1", "é")];
    for (code, r) in cases {
        assert_eq!(root(code), r, "{code:?}");
    }
    // Second byte inside a multi-byte character: returned unchanged.
    assert_eq!(root("aé"), "aé");
    assert_eq!(root_label("04"), "Consult");
    assert_eq!(root_label("0411"), "Consult");
    assert_eq!(root_label("19"), "Fight");
    assert_eq!(root_label("21"), "");
    assert_eq!(root_label("x"), "");
}

#[test]
fn quad_classes() {
    let cases = [
        ("01", 1),
        ("019", 1),
        ("0214", 1),
        ("036", 1),
        ("057", 1),
        ("06", 2),
        ("075", 2),
        ("0874", 2),
        ("09", 3),
        ("1056", 3),
        ("139", 3),
        ("14", 4),
        ("1823", 4),
        ("2042", 4),
        ("00", 0),
        ("21", 0),
        ("x1", 0),
        ("1", 0),
        ("", 0),
    ];
    for (code, q) in cases {
        assert_eq!(quad_class(code), q, "{code:?}");
    }
    // Every known code is in some class.
    assert!(all_codes().all(|c| (1..=4).contains(&quad_class(c.code))));
}

#[test]
fn plover_samples() {
    let cases: &[(&str, &str, &str, &[&str])] = &[
        ("030", "AGREE", "", &["diplomatic"]),
        ("0333", "AGREE", "", &["humanitarian"]),
        ("035", "AGREE", "", &[]),
        ("041", "CONSULT", "phone", &[]),
        ("04", "CONSULT", "", &[]),
        ("057", "SUPPORT", "", &["diplomatic"]),
        ("064", "COOPERATE", "", &["intelligence"]),
        ("075", "AID", "", &["asylum"]),
        ("08", "CONCEDE", "", &[]),
        ("0812", "CONCEDE", "", &["democracy"]),
        ("0813", "CONCEDE", "", &["legal"]),
        ("0814", "CONCEDE", "", &["legal"]),
        ("0831", "RETREAT", "resign", &["political_institutions"]),
        ("0841", "RETREAT", "release", &["legal"]),
        ("0861", "RETREAT", "access", &["peacekeeping"]),
        ("0871", "RETREAT", "ceasefire", &["military"]),
        ("091", "ACCUSE", "investigate", &["crime", "corruption"]),
        ("105", "REQUEST", "change", &["legal"]),
        ("1054", "REQUEST", "yield", &["economic"]),
        ("1124", "ACCUSE", "allege", &["military", "legal"]),
        ("1214", "REJECT", "assist", &["intelligence"]),
        ("1242", "REJECT", "change", &[]),
        ("1243", "REJECT", "yield", &["legal"]),
        ("1322", "THREATEN", "ban", &["pro_autocracy"]),
        ("1385", "THREATEN", "violence", &["cbrn"]),
        ("1433", "PROTEST", "boycott", &["rights_freedoms"]),
        ("154", "MOBILIZE", "troops", &["military"]),
        ("163", "SANCTION", "discontinue", &["diplomatic"]),
        ("1663", "SANCTION", "expel", &["human_security"]),
        ("1712", "ASSAULT", "destroy", &["human_security"]),
        ("175", "ASSAULT", "", &["pro_autocracy", "military"]),
        ("1724", "COERCE", "martial-law", &["pro_autocracy"]),
        ("1823", "ASSAULT", "", &[]),
        ("1833", "ASSAULT", "explosives", &[]),
        ("191", "COERCE", "restrict", &["military"]),
        ("196", "ASSAULT", "", &["legal", "military"]),
        ("201", "ASSAULT", "cleansing", &["religion_ethnicity"]),
        ("2041", "ASSAULT", "unconventional", &["cbrn"]),
    ];
    for &(code, event, mode, context) in cases {
        let p = plover(code).unwrap_or_else(|| panic!("{code} unmapped"));
        assert_eq!(p, Plover { event, mode, context }, "{code}");
    }
}

#[test]
fn statements_have_no_plover_type_and_appeals_mirror_demands() {
    for c in all_codes().filter(|c| root(c.code) == "01") {
        assert_eq!(plover(c.code), None, "{}", c.code);
    }
    let appeals: Vec<&CameoCode> = all_codes().filter(|c| root(c.code) == "02").collect();
    assert_eq!(appeals.len(), 28);
    for c in appeals {
        let twin = format!("10{}", &c.code[2..]);
        let twin = if twin == "10" { "100".to_string() } else { twin };
        assert!(cameo(&twin).is_some(), "{} has no twin {twin}", c.code);
        let p = plover(c.code).unwrap_or_else(|| panic!("{} unmapped", c.code));
        assert_eq!(p.event, "REQUEST");
        assert_eq!(Some(p), plover(&twin), "{} vs {twin}", c.code);
    }
    assert_eq!(plover("0243").map(|p| p.mode), Some("change"));
    assert_eq!(plover("026").map(|p| p.mode), Some("meet"));
}

#[test]
fn every_code_outside_root_01_has_a_valid_plover_type() {
    for c in all_codes() {
        match plover(c.code) {
            None => assert_eq!(root(c.code), "01", "{} unmapped", c.code),
            Some(p) => {
                assert!(PLOVER_TYPES.contains(&p.event), "{}: {}", c.code, p.event);
                assert_eq!(p.mode.trim(), p.mode);
                assert!(p.context.iter().all(|x| !x.is_empty()));
            }
        }
    }
}

#[test]
fn intent_codes() {
    let cases: &[(&str, Option<&str>)] = &[
        ("036", Some("036")),
        ("0311", Some("0311")),
        ("04", Some("036")),
        ("042", Some("036")),
        ("043", Some("036")),
        ("045", Some("039")),
        ("046", Some("036")),
        ("051", Some("032")),
        ("060", Some("031")),
        ("061", Some("0311")),
        ("062", Some("0312")),
        ("064", Some("0314")),
        ("07", Some("033")),
        ("071", Some("0331")),
        ("074", Some("0334")),
        ("075", Some("033")),
        ("080", Some("035")),
        ("081", Some("0351")),
        ("0813", Some("0351")),
        ("0832", Some("0342")),
        ("083", Some("034")),
        ("0841", Some("0353")),
        ("085", Some("0354")),
        ("0862", Some("0355")),
        ("0871", Some("0356")),
        ("1384", Some("1384")),
        ("141", Some("133")),
        ("1454", Some("133")),
        ("152", Some("138")),
        ("160", Some("131")),
        ("161", Some("1313")),
        ("1622", Some("1311")),
        ("163", Some("1312")),
        ("164", Some("134")),
        ("1661", Some("136")),
        ("170", Some("130")),
        ("1711", Some("130")),
        ("1723", Some("1323")),
        ("173", Some("137")),
        ("174", Some("132")),
        ("175", Some("137")),
        ("18", Some("1383")),
        ("1831", Some("1383")),
        ("190", Some("1384")),
        ("191", Some("1381")),
        ("192", Some("1382")),
        ("195", Some("1384")),
        ("203", Some("1385")),
        ("2042", Some("1385")),
        ("010", None),
        ("0231", None),
        ("091", None),
        ("1041", None),
        ("112", None),
        ("129", None),
    ];
    for &(code, want) in cases {
        assert_eq!(intent_code(code), want, "{code}");
    }
    // Whatever it returns is a real intent (03x) or threat (13x) code.
    for c in all_codes() {
        if let Some(i) = intent_code(c.code) {
            assert!(cameo(i).is_some(), "{} -> {i}", c.code);
            let r = root(i);
            assert!(r == "03" || r == "13", "{} -> {i}", c.code);
            // An announced cooperative act stays cooperative, and so on.
            assert_eq!(quad_class(c.code) <= 2, r == "03", "{} -> {i} crosses sides", c.code);
        }
    }
}

#[test]
fn plover_name_normalisation() {
    let cases = [
        ("ACCUSE", Some("ACCUSE")),
        ("agree", Some("AGREE")),
        (" Threaten\n", Some("THREATEN")),
        ("demand", Some("REQUEST")),
        ("DISAPPROVE", Some("ACCUSE")),
        ("Fight", Some("ASSAULT")),
        ("investigate", Some("ACCUSE")),
        ("request", Some("REQUEST")),
        ("", None),
        ("DOCUMENT", None),
        ("YIELD", None),
        ("ASSAULTS", None),
    ];
    for (name, want) in cases {
        assert_eq!(normalize_plover(name), want, "{name:?}");
    }
    for t in PLOVER_TYPES {
        assert_eq!(normalize_plover(t), Some(t));
        assert_eq!(normalize_plover(&t.to_lowercase()), Some(t));
    }
    assert!(PLOVER_TYPES.windows(2).all(|w| w[0] < w[1]));
}

// ---------------------------------------------------------------------------
// Verification against the shared reference files.
// ---------------------------------------------------------------------------

const CODEBOOK_CSV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/cameo-codebook/cameo-codes.utf8.csv");
const CAMEO2PLOVER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/plover-gsr/CAMEO2PLOVER-2021.txt");

/// Reads a shared reference file, or prints why the check is skipped.
fn read_shared(path: &str) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) => {
            eprintln!("note: skipping check, cannot read {path}: {e}");
            None
        }
    }
}

/// Splits one CSV record with double-quoted fields (quotes doubled inside).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(ch),
        }
    }
    fields.push(field);
    fields
}

#[test]
fn csv_splitter_handles_quotes() {
    assert_eq!(csv_fields(r#""1",2,"a, ""b""",NA"#), vec!["1", "2", r#"a, "b""#, "NA"]);
}

#[test]
fn goldstein_matches_codebook() {
    let Some(text) = read_shared(CODEBOOK_CSV) else {
        return;
    };
    let mut lines = text.lines().enumerate();
    let (_, header) = lines.next().expect("codebook CSV is empty");
    let header = csv_fields(header);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("codebook CSV has no {name} column"));
    let (code_col, score_col) = (col("code"), col("goldstein"));
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let f = csv_fields(line);
        let (Some(code), Some(score)) = (f.get(code_col), f.get(score_col)) else {
            problems.push(format!("line {}: too few fields", i + 1));
            continue;
        };
        let Ok(score) = score.parse::<f32>() else {
            problems.push(format!("line {}: bad score {score:?}", i + 1));
            continue;
        };
        seen.insert(code.clone());
        match cameo(code) {
            None => problems.push(format!("line {}: {code} missing from our table", i + 1)),
            Some(c) if c.goldstein != score => problems.push(format!("line {}: {code} Goldstein {} but codebook says {score}", i + 1, c.goldstein)),
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(seen.len(), 312, "codebook rows");
    // The only code we add is 1214, which the codebook table lacks.
    let extra: Vec<&str> = all_codes().map(|c| c.code).filter(|c| !seen.contains(*c)).collect();
    assert_eq!(extra, ["1214"]);
}

/// A PLOVER mapping as written in the conversion table.
type Mapping = (String, String, Vec<String>);

/// Where we knowingly differ from CAMEO2PLOVER-2021.txt: code, what the
/// table says, what we say, and why.
const DEVIATIONS: &[(&str, Triple, Triple, &str)] = &[
    (
        "0831",
        ("CONCEDE", "", &["political_institutions"]),
        ("RETREAT", "resign", &["political_institutions"]),
        "the manual files resignations under RETREAT, mode `resign`, a mode the table never assigns",
    ),
    ("0813", ("RETREAT", "", &["legal"]), ("CONCEDE", "", &["legal"]), "the manual's CONCEDE covers removing curfews, a verbal concession by its own argument"),
    ("0814", ("RETREAT", "", &["legal"]), ("CONCEDE", "", &["legal"]), "lifting emergency rule is the same concession as lifting a curfew (manual, CONCEDE)"),
    (
        "163",
        ("COERCE", "restrict", &["diplomatic"]),
        ("SANCTION", "discontinue", &["diplomatic"]),
        "the manual's SANCTION `discontinue` names international sanctions",
    ),
    ("085", ("RETREAT", "ease", &["economic"]), ("RETREAT", "", &["economic"]), "the table's own note retires `ease` as a mode and clears it on 0813/0814"),
    (
        "1321",
        ("THREATEN", "political", &["human_rights"]),
        ("THREATEN", "restrict", &["human_rights"]),
        "`political` is no PLOVER mode; THREATEN `restrict` covers bans on political activity",
    ),
    (
        "1712",
        ("ASSAULT", "seize", &["human_security"]),
        ("ASSAULT", "destroy", &["human_security"]),
        "`seize` is a COERCE mode; ASSAULT's mode for destroying property is `destroy`",
    ),
    (
        "175",
        ("ASSAULT", "pro_autocracy", &["military"]),
        ("ASSAULT", "", &["pro_autocracy", "military"]),
        "`pro_autocracy` is a context, written in the mode slot",
    ),
];

type Triple = (&'static str, &'static str, &'static [&'static str]);

/// Parses the conversion table into code → mapping, reporting malformed
/// lines by number. Duplicate lines must agree.
fn parse_cameo2plover(text: &str) -> (BTreeMap<String, Mapping>, Vec<String>) {
    let mut map = BTreeMap::new();
    let mut problems = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('~') {
            continue;
        }
        let Some((code, rest)) = line.split_once(':') else {
            problems.push(format!("line {n}: no ':' in {raw:?}"));
            continue;
        };
        let code = code.trim();
        if code.len() == 2 {
            continue; // root header such as "03: AGREE"
        }
        let parts: Vec<&str> = rest.splitn(3, ',').map(str::trim).collect();
        let [event, mode, context] = parts[..] else {
            problems.push(format!("line {n}: expected 3 fields in {raw:?}"));
            continue;
        };
        let context: Vec<String> = context.split(';').map(str::trim).filter(|c| !c.is_empty()).map(String::from).collect();
        let mapping = (event.to_string(), mode.to_string(), context);
        if let Some(prev) = map.insert(code.to_string(), mapping.clone()) {
            if prev != mapping {
                problems.push(format!("line {n}: {code} contradicts an earlier line"));
            }
        }
    }
    (map, problems)
}

fn owned(t: Triple) -> Mapping {
    (t.0.to_string(), t.1.to_string(), t.2.iter().map(|s| s.to_string()).collect())
}

#[test]
fn plover_matches_conversion_table() {
    let Some(text) = read_shared(CAMEO2PLOVER) else {
        return;
    };
    let (table, mut problems) = parse_cameo2plover(&text);
    assert_eq!(table.len(), 256, "distinct codes in the conversion table");
    let deviations: BTreeMap<&str, _> = DEVIATIONS.iter().map(|(code, theirs, ours, why)| (*code, (owned(*theirs), owned(*ours), *why))).collect();
    for (code, want) in &table {
        let got = match plover(code) {
            Some(p) => owned((p.event, p.mode, p.context)),
            None => {
                problems.push(format!("{code}: we have no PLOVER mapping"));
                continue;
            }
        };
        match deviations.get(code.as_str()) {
            Some((theirs, ours, why)) => {
                // Keep the deviation list honest: it must describe the table
                // as it is and what we actually do.
                if theirs != want {
                    problems.push(format!("{code}: deviation note ({why}) expects table {theirs:?}, table has {want:?}"));
                }
                if &got != ours {
                    problems.push(format!("{code}: deviation note promises {ours:?}, we give {got:?}"));
                }
            }
            None if &got != want => {
                problems.push(format!("{code}: table {want:?}, ours {got:?}"));
            }
            None => {}
        }
    }
    // Every code of roots 03-20 we know is covered by the table, so the
    // rules are never checked against nothing.
    for c in all_codes().filter(|c| c.code.len() > 2 && quad_class(c.code) > 0) {
        let r = root(c.code);
        if r != "01" && r != "02" && !table.contains_key(c.code) {
            problems.push(format!("{}: not in the conversion table", c.code));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn domestic_codes_are_acts_on_the_own_polity() {
    let cases: &[(&str, bool)] = &[
        ("0341", true),  // intent to change leadership
        ("0814", true),  // ease state of emergency
        ("0831", true),  // accede to demands for change in leadership (resign)
        ("1231", true),  // reject request for change in leadership
        ("1723", true),  // impose curfew
        ("141", true),   // demonstrate
        ("1434", true),  // strike for institutional change
        ("0873", true),  // demobilize own forces
        ("0871", false), // a ceasefire is with an enemy
        ("0874", false), // a retreat is from someone
        ("173", false),  // an arrest names whom
        ("040", false),
        ("190", false),
    ];
    for (code, want) in cases {
        assert_eq!(domestic_code(code), *want, "{code}");
        assert!(cameo(code).is_some(), "{code} is a CAMEO code");
    }
}

#[test]
fn states_before_their_independence() {
    let d = |y, m, dd| Some(crate::time::Date::new(y, m, dd).unwrap());
    let cases: &[(&str, Option<crate::time::Date>, Option<&str>)] = &[
        ("SSD", d(2000, 1, 1), Some("SDN")),
        ("SSD", d(2011, 7, 8), Some("SDN")),
        ("SSD", d(2011, 7, 9), None),
        ("SSD", None, None),
        ("SDN", d(2000, 1, 1), None),
        ("ERI", d(1990, 1, 1), None),
    ];
    for &(code, date, want) in cases {
        assert_eq!(super::predecessor_on(code, date).map(|(p, _)| p), want, "{code} on {date:?}");
    }
}
