//! Module-level tests: loading from disk, kind detection, the check report,
//! and every dictionary in the shared data folder.
//!
//! Shared data is read in place from `<workspace root>/../shared/data`; when
//! it is absent those tests print a note and check nothing.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::*;

fn shared_data() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("shared data folder {} not found; test skipped", dir.display());
        None
    }
}

fn load_folder(name: &str) -> Option<Dictionaries> {
    let dir = shared_data()?.join(name);
    if !dir.is_dir() {
        eprintln!("{} not found; test skipped", dir.display());
        return None;
    }
    let d = Dictionaries::load(&dir).expect("folder loads");
    eprintln!("{}", check_report(&d));
    Some(d)
}

/// Entries reported for the file whose name is `name`.
fn entries(d: &Dictionaries, name: &str) -> usize {
    d.files.iter().find(|(p, _, _)| p.file_name().is_some_and(|n| n == name)).map(|f| f.2).unwrap_or_else(|| panic!("{name} was not loaded"))
}

fn problems_in(d: &Dictionaries, name: &str) -> usize {
    d.problems.iter().filter(|p| p.file.file_name().is_some_and(|n| n == name)).count()
}

/// Distinct source lines that produced patterns from `- ...` lines of a file.
fn pattern_lines(d: &Dictionaries, name: &str) -> usize {
    let prefix = format!("{name}:");
    d.verbs.iter().filter(|p| p.origin.starts_with(&prefix) && p.text.starts_with('-')).map(|p| p.origin.as_str()).collect::<HashSet<_>>().len()
}

fn in_range(what: &str, n: usize, lo: usize, hi: usize) {
    assert!((lo..=hi).contains(&n), "{what}: {n} not in {lo}..={hi}");
}

#[test]
fn phoenix_dictionaries_load_with_few_problems() {
    let Some(d) = load_folder("phoenix-petrarch2-dictionaries") else {
        return;
    };
    // PROVENANCE.md: Countries 18,390 primaries + 7,527 synonyms; MilNonState 1,021 + 772.
    in_range("countries", entries(&d, "Phoenix.Countries.actors.txt"), 25_800, 25_917);
    in_range("international", entries(&d, "Phoenix.International.actors.txt"), 7_840, 8_400);
    in_range("milnonstate", entries(&d, "Phoenix.MilNonState.actors.txt"), 1_780, 1_793);
    // 1,975 agent lines, most with a generated plural, plus !MINIST! expansions.
    in_range("agents", entries(&d, "Phoenix.agents.txt"), 3_900, 6_500);
    // 506 discard entries, 64 of them story-level.
    assert_eq!(d.story_discards.len(), 64);
    in_range("discards", d.discards.len() + d.story_discards.len(), 500, 506);
    in_range("issues", entries(&d, "Phoenix.IssueCoding.txt"), 2_900, 8_000);
    // 4,668 pattern lines; a handful are malformed or use undefined sets.
    in_range("CAMEO.2.0 pattern lines", pattern_lines(&d, "CAMEO.2.0.txt"), 4_600, 4_668);
    assert!(entries(&d, "CAMEO.2.0.txt") >= 4_668);
    in_range("CAMEO.2.0 problems", problems_in(&d, "CAMEO.2.0.txt"), 0, 30);
    in_range("phoenix problems", d.problems.len(), 0, 80);
    // Only the notes and the preposition list are skipped.
    assert_eq!(d.skipped.len(), 2, "{:?}", d.skipped);
    let usa = d.actors.iter().find(|a| a.phrase == "united states").expect("united states");
    assert_eq!(usa.codes[0].0.code(), "USA");
}

#[test]
fn validation_dictionaries_load() {
    for folder in ["petrarch2-unittest", "tabari-validation-petr1", "udpetrarch-validation"] {
        let Some(d) = load_folder(folder) else { return };
        in_range(&format!("{folder} actors"), d.actors.len(), 150, 260);
        in_range(&format!("{folder} agents"), d.agents.len(), 140, 200);
        in_range(&format!("{folder} verbs"), d.verbs.len(), 500, 1_500);
        in_range(&format!("{folder} problems"), d.problems.len(), 0, 40);
        // The fictional date-restricted actor of the DATE tests.
        let gollum = d.actors.iter().find(|a| a.phrase == "gollum").expect("gollum");
        assert!(gollum.codes.len() >= 3, "{gollum:?}");
    }
}

#[test]
fn plover_agents_load() {
    let Some(d) = load_folder("plover-agents-ngec") else {
        return;
    };
    // 2,169 entry lines.
    in_range("plover agents", d.agents.len(), 4_000, 7_000);
    in_range("plover agent problems", d.problems.len(), 0, 5);
    let farmers = d.agents.iter().find(|a| a.phrase == "farmers").expect("plural generated");
    assert_eq!(farmers.codes[0].0.sectors, ["AGR"]);
}

#[test]
fn tabari_master_verbs_load() {
    let Some(d) = load_folder("cameo-verbs-tabari-2009") else {
        return;
    };
    // 15,583 patterns under 1,216 roots.
    in_range("tabari pattern lines", pattern_lines(&d, "CAMEO.091003.master.verbs"), 15_500, 15_583);
    in_range("tabari problems", d.problems.len(), 0, 40);
}

#[test]
fn kinds_are_detected_from_name_then_content() {
    let p = Path::new;
    assert_eq!(detect_kind(p("x/Phoenix.agents.txt"), ""), Ok(DictKind::Agents));
    assert_eq!(detect_kind(p("PETR.Validate.actors.txt"), ""), Ok(DictKind::Actors));
    assert_eq!(detect_kind(p("PETR_Validate_verbs_2_02.txt"), ""), Ok(DictKind::Verbs));
    assert_eq!(detect_kind(p("Phoenix.IssueCoding.txt"), ""), Ok(DictKind::Issues));
    assert_eq!(detect_kind(p("Phoenix.discards.txt"), ""), Ok(DictKind::Discards));
    let verbs = "--- A [---] ---\nA\n- * B [010]\n- * C [020]\n";
    assert_eq!(detect_kind(p("CAMEO.2.0.txt"), verbs), Ok(DictKind::Verbs));
    assert!(detect_kind(p("README.md"), verbs).is_err());
    assert!(detect_kind(p("PETR.Validate.records.txt"), verbs).is_err());
    assert!(detect_kind(p("notes.txt"), "just some words\n").is_err());
}

#[test]
fn files_and_folders_load_from_disk() {
    let dir = std::env::temp_dir().join(format!("dyad-dict-test-{}", std::process::id()));
    let sub = dir.join("nested");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(dir.join("mini.actors.txt"), "FRANCE [FRA]\n+FRENCH\nBROKEN [FR/A]\n").unwrap();
    // Latin-1 bytes must not stop a file from loading.
    std::fs::write(sub.join("mini.verbs"), b"CAF\xc9  [010]\n- * TALKS [040]\n").unwrap();
    std::fs::write(dir.join("README.md"), "# notes\n").unwrap();
    std::fs::write(dir.join("mystery.txt"), "nothing here\n").unwrap();

    let d = Dictionaries::load(&dir).unwrap();
    assert_eq!(d.actors.len(), 2);
    assert_eq!(d.verbs.len(), 2);
    assert!(d.verbs[0].elems.iter().any(|e| matches!(e, crate::lexicon::PatElem::Verb(f) if f.contains(&"caf\u{e9}".to_string()))));
    assert_eq!(d.files.len(), 2);
    assert_eq!(d.skipped.len(), 2);
    assert_eq!(d.problems.len(), 2, "{:?}", d.problems);

    let report = check_report(&d);
    let actors_file = dir.join("mini.actors.txt");
    assert!(report.contains(&format!("{}:3: malformed actor code '[FR/A]'", actors_file.display())), "{report}");
    assert!(report.contains("kind: verbs, entries: 2, problems: 0"), "{report}");
    assert!(report.contains("mystery.txt"), "{report}");

    let err = load_path(&dir.join("mystery.txt"), &mut Dictionaries::default()).unwrap_err();
    assert!(matches!(err, DictError::UnknownKind { .. }), "{err}");
    let err = load_path(&dir.join("absent.txt"), &mut Dictionaries::default()).unwrap_err();
    assert!(matches!(err, DictError::Io { .. }), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Invented countries for the coding tests below.
const MINI_ACTORS: &str = "FREEDONIA [FRE]\nSYLVANIA [SYL]\nOSTERLICH [OST]\nLATVERIA [LAT]\nTHE_MARCHES [MRA/MRB/MRC]\nTHE_VALES [VLA/VLB]\n";

/// Codes `text` with only the invented actors and `verbs` (a PETRARCH-2 verb file).
fn code_with(verbs: &str, text: &str) -> Vec<String> {
    code_opts(verbs, text, &crate::coder::CodeOptions::default())
}

/// [`code_with`] under the given coding options.
fn code_opts(verbs: &str, text: &str, opts: &crate::coder::CodeOptions) -> Vec<String> {
    let mut d = Dictionaries::default();
    load_text(Path::new("mini.actors.txt"), DictKind::Actors, MINI_ACTORS, &mut d);
    load_text(Path::new("mini.verbs.txt"), DictKind::Verbs, verbs, &mut d);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    let mut b = crate::lexicon::LexiconBuilder::new();
    b.add_dictionaries(d);
    let coder = crate::coder::Coder::new(b.build());
    let a = crate::article::Article { id: "t".into(), date: Some("2031-05-07".into()), text: text.into(), ..Default::default() };
    coder
        .code_with(&a, opts)
        .events
        .iter()
        .map(|e| format!("{} {} {}", e.source.code, e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"), e.cameo))
        .collect()
}

#[test]
fn without_required_dyads_an_act_on_an_uncoded_phrase_is_an_event() {
    let verbs = "--- SMASH [---] ---\nSMASH\n- * DOWN [222]\n\n--- GRUMBLE [023] ---\nGRUMBLE\n\n--- DECLARE [010] ---\nDECLARE\n";
    let off = crate::coder::CodeOptions { require_target: false, ..Default::default() };
    let text = "Freedonia smashed down the gate. Sylvania grumbled on Saturday.";
    assert_eq!(code_opts(verbs, text, &off), ["FRE - 222", "SYL - 023"]);
    // By default (PETRARCH's `require_dyad`), an event needs a target.
    assert_eq!(code_with(verbs, text), Vec::<String>::new());
    // No phrase after the verb, no uncoded target: no event.
    assert_eq!(code_opts(verbs, "Sylvania grumbled today.", &off), Vec::<String>::new());
    // A statement to no one only attributes what is reported.
    assert_eq!(code_opts(verbs, "Freedonia declared on Saturday.", &off), Vec::<String>::new());
}

#[test]
fn a_second_predicate_after_a_rejection_is_an_act_of_its_own() {
    let verbs = "--- CONDEMN [122] ---\nCONDEMN\n\n--- PROMISE [050] ---\nPROMISE\n";
    // "in south Osterlich" places the attack: Osterlich is not the subject of "promised".
    assert_eq!(code_with(verbs, "Freedonia condemned an attack by Sylvania in south Osterlich and promised aid to Latveria."), ["FRE SYL 122", "FRE LAT 050"]);
}

#[test]
fn a_possessive_before_a_patterns_opening_words_is_the_source() {
    let verbs = "--- SOAR [---] ---\nSOAR {SOARS SOARED SOARING}\n- WAR TOLL * [223]\n";
    assert_eq!(code_with(verbs, "Freedonia's war and famine toll has soared in its quarrel with Sylvania."), ["FRE SYL 223"]);
    // A noun phrase with an actor and an uncoded head is that actor.
    let verbs = "--- SCOLD [111] ---\nSCOLD\n";
    assert_eq!(code_with(verbs, "Freedonia's grumpy envoy scolded Sylvania."), ["FRE SYL 111"]);
    // A possessive before anything else is no actor.
    assert_eq!(code_with(verbs, "Freedonia's envoy to Latveria scolded Sylvania."), Vec::<String>::new());
}

#[test]
fn a_paired_code_gives_the_act_and_the_targets_counterpart() {
    let verbs = "--- DEPART [032:033] ---\nDEPART\n\n--- GREET [031:031] ---\nGREET\n";
    assert_eq!(code_with(verbs, "Freedonia departed for Sylvania."), ["FRE SYL 032", "SYL FRE 033"]);
    assert_eq!(code_with(verbs, "Freedonia greeted Sylvania and Osterlich."), ["FRE SYL 031", "SYL FRE 031", "FRE OST 031", "OST FRE 031"]);
}

#[test]
fn an_infinitive_after_the_object_noun_belongs_to_the_first_verb() {
    let verbs = "--- DESERT [345] ---\nDESERT\n\n--- HALT [190] ---\nHALT\n";
    assert_eq!(code_with(verbs, "Freedonia deserted attempts to halt a pro- Sylvania rally."), ["FRE SYL 345"]);
    assert_eq!(code_with(verbs, "Freedonia halted Sylvania."), ["FRE SYL 190"]);
}

#[test]
fn a_verb_form_after_a_degree_adverb_is_no_verb() {
    let verbs = "--- TRUDGE [181] ---\nTRUDGE\n\n--- CLOSE [---] ---\nCLOSE\n- * FRONTIER [192]\n";
    assert_eq!(code_with(verbs, "Freedonia has trudged very close to the frontier with Sylvania."), ["FRE SYL 181"]);
}

#[test]
fn a_neither_nor_pattern_finds_its_subjects_inside_it() {
    let verbs = "--- IGNORE [191] ---\nIGNORE\n- NEITHER * [081]\n\n--- HUG [057] ---\nHUG\n";
    assert_eq!(code_with(verbs, "Neither Freedonia nor Sylvania ignored Osterlich."), ["FRE OST 081", "SYL OST 081"]);
    // Without the pattern the negation stands.
    assert_eq!(code_with(verbs, "Freedonia did not ignore Osterlich."), Vec::<String>::new());
    // Each of "neither ... nor" acts alone: no reciprocal pair.
    assert_eq!(code_with(verbs, "Neither Freedonia nor Sylvania hugged."), Vec::<String>::new());
}

#[test]
fn a_caret_skips_a_phrase_before_the_target() {
    let verbs = "--- FEAST [---] ---\nFEAST\n- * IN ^ + [045]\n\n--- GRUMBLE [---] ---\nGRUMBLE\n- * AT ^ + [162]\n";
    assert_eq!(code_with(verbs, "Freedonia feasted in Osterlich with Sylvania."), ["FRE SYL 045"]);
    // Determiners opening the skipped phrase do not count: "the Osterlich" is skipped whole.
    assert_eq!(code_with(verbs, "Freedonia grumbled at the Osterlich of Sylvania."), ["FRE SYL 162"]);
}

#[test]
fn phrases_no_dictionary_codes_act_when_new_actors_are_allowed() {
    let verbs = "--- DEPART [032:033] ---\nDEPART\n";
    let four = crate::coder::CodeOptions { new_actor_length: 4, ..Default::default() };
    let three = crate::coder::CodeOptions { new_actor_length: 3, ..Default::default() };
    assert_eq!(code_opts(verbs, "The Royal Guard departed for Sylvania on Monday.", &four), ["--- SYL 032", "SYL --- 033"]);
    assert_eq!(code_opts(verbs, "The Royal Guard departed for the Hall of Mirrors.", &four), ["--- --- 032", "--- --- 033"]);
    // Too long a phrase stays no actor; by default there are no new actors at all.
    assert_eq!(code_opts(verbs, "The Royal Guard departed for the Hall of Mirrors.", &three), Vec::<String>::new());
    assert_eq!(code_with(verbs, "The Royal Guard departed for Sylvania."), Vec::<String>::new());
}

#[test]
fn underscores_in_text_join_words_as_in_dictionaries() {
    let verbs = "--- SCOLD [111] ---\nSCOLD\n";
    assert_eq!(code_with(verbs, "Freedonia scolded The_Marches."), ["FRE MRA 111", "FRE MRB 111", "FRE MRC 111"]);
}

#[test]
fn dictionary_codes_outside_cameo_are_kept() {
    let verbs = "--- SCOLD [111] ---\nSCOLD\n- * BRISKLY [901]\n- * RUDELY [1717]\n";
    assert_eq!(code_with(verbs, "Freedonia scolded Sylvania briskly."), ["FRE SYL 901"]);
    assert_eq!(code_with(verbs, "Freedonia scolded Sylvania rudely."), ["FRE SYL 1717"]);
    assert_eq!(code_with(verbs, "Freedonia scolded Sylvania."), ["FRE SYL 111"]);
    // A code may carry a letter after its digits: a coder's variant, kept as written.
    let verbs = "--- HAGGLE [031] ---\nHAGGLE\n- * FOR_REFUGE [174K]\n";
    assert_eq!(code_with(verbs, "Freedonia haggled for refuge in Sylvania."), ["FRE SYL 174K"]);
}

#[test]
fn a_phrase_coded_as_several_actors_gives_one_event_per_actor() {
    let verbs = "--- RESTORE [064] ---\nRESTORE\n";
    assert_eq!(
        code_with(verbs, "The Marches restored ties with the Vales."),
        ["MRA VLA 064", "MRA VLB 064", "MRB VLA 064", "MRB VLB 064", "MRC VLA 064", "MRC VLB 064"]
    );
    // Acting as one party, the group does not act on itself.
    assert_eq!(code_with(verbs, "The Marches restored ties."), Vec::<String>::new());
}

#[test]
fn treebank_contractions_in_patterns_match_whole_words() {
    let verbs = "&NEGAUX\n+DID N'T\n+WO N'T\n\n--- SCOLD [111] ---\nSCOLD\n- &NEGAUX * LOUDLY [904]\n- CA_N'T * GENTLY [905]\n";
    assert_eq!(code_with(verbs, "Freedonia didn't scold Sylvania loudly."), ["FRE SYL 904"]);
    assert_eq!(code_with(verbs, "Freedonia won't scold Sylvania loudly."), ["FRE SYL 904"]);
    assert_eq!(code_with(verbs, "Freedonia can't scold Sylvania gently."), ["FRE SYL 905"]);
    // Outside a pattern, a negative contraction negates the verb.
    assert_eq!(code_with(verbs, "Freedonia didn't scold Sylvania."), Vec::<String>::new());
    assert_eq!(code_with(verbs, "Freedonia scolded Sylvania."), ["FRE SYL 111"]);
}

#[test]
fn dictionary_verbs_after_determiner_and_modifiers_are_nouns() {
    let verbs = "--- TOUR [042] ---\nTOUR\n\n--- SCOLD [111] ---\nSCOLD\n";
    // "a brief private tour to": a noun phrase, no event.
    assert_eq!(code_with(verbs, "Freedonia scolded Sylvania during a brief private tour to Osterlich."), ["FRE SYL 111"]);
    // Verb readings stay: a base form after an actor, inflected forms.
    assert_eq!(code_with(verbs, "Freedonia and Osterlich tour Sylvania."), ["FRE SYL 042", "OST SYL 042"]);
    assert_eq!(code_with(verbs, "Freedonia tours Sylvania."), ["FRE SYL 042"]);
    assert_eq!(code_with(verbs, "Freedonia toured Sylvania."), ["FRE SYL 042"]);
}

#[test]
fn dictionary_patterns_code_the_future_as_the_act() {
    let verbs = "--- TOUR [042] ---\nTOUR\n";
    // PETRARCH codes "will tour" as the tour; dyad's own lexicon makes it an intent (036).
    assert_eq!(code_with(verbs, "Freedonia will tour Sylvania."), ["FRE SYL 042"]);
    assert_eq!(code_with(verbs, "Freedonia won't tour Sylvania."), Vec::<String>::new());
}

#[test]
fn compound_subject_acts_on_the_pair_between_which_ties_stand() {
    let verbs = "--- WELCOME [041] ---\nWELCOME\n";
    assert_eq!(
        code_with(verbs, "Freedonia and Sylvania welcomed new ties between Osterlich and Latveria."),
        ["FRE OST 041", "FRE LAT 041", "SYL OST 041", "SYL LAT 041"]
    );
}

#[test]
fn list_members_may_carry_the_and_modifiers() {
    let verbs = "--- SCOLD [111] ---\nSCOLD\n";
    assert_eq!(code_with(verbs, "Freedonia and the evil awful Sylvania scolded Osterlich."), ["FRE OST 111", "SYL OST 111"]);
    assert_eq!(code_with(verbs, "Evil Latveria, the awful Freedonia, and good Sylvania scolded Osterlich."), ["LAT OST 111", "FRE OST 111", "SYL OST 111"]);
    // A verb between the two is no list.
    assert_eq!(code_with(verbs, "Freedonia wavered and the awful Sylvania scolded Osterlich."), ["SYL OST 111"]);
}

#[test]
fn a_percent_compound_acts_both_ways() {
    let verbs = "--- STALL [120] ---\nSTALL\n- % HAVE * [191]\n";
    assert_eq!(code_with(verbs, "Freedonia and Sylvania have stalled their summit."), ["FRE SYL 191", "SYL FRE 191"]);
    // Without the compound, the pattern's default reading stands.
    assert_eq!(code_with(verbs, "Freedonia stalled its talks with Sylvania."), ["FRE SYL 120"]);
}

#[test]
fn a_percent_compound_after_the_verb_is_the_recipient() {
    let verbs = "--- CONCUR [081] ---\nCONCUR\n- * WITH % [031]\n";
    assert_eq!(code_with(verbs, "Latveria concurs with Freedonia and Sylvania that the river is wide."), ["LAT FRE 031", "LAT SYL 031"]);
    // TABARI's flat syntax reads the same pattern as the members acting on each other.
    let tabari = "CONCUR [081]\n- * WITH % [031]\n";
    let got = code_with(tabari, "Latveria concurs with Freedonia and Sylvania that the river is wide.");
    assert!(got.contains(&"FRE SYL 031".to_string()) && !got.iter().any(|e| e.starts_with("LAT")), "{got:?}");
}

#[test]
fn a_name_coded_with_a_bare_country_holds_the_role_before_it() {
    let mut d = Dictionaries::default();
    load_text(Path::new("mini.actors.txt"), DictKind::Actors, "FREEDONIA [FRE]\nSYLVANIA [SYL]\nRUFUS_FIREFLY [FRE]\n", &mut d);
    load_text(Path::new("mini.agents.txt"), DictKind::Agents, "PRIME_MINISTER [~GOV]\n", &mut d);
    load_text(Path::new("mini.verbs.txt"), DictKind::Verbs, "--- SCOLD [111] ---\nSCOLD\n", &mut d);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    let mut b = crate::lexicon::LexiconBuilder::new();
    b.add_dictionaries(d);
    let coder = crate::coder::Coder::new(b.build());
    let code = |text: &str| -> Vec<String> {
        let a = crate::article::Article { id: "t".into(), date: Some("2031-05-07".into()), text: text.into(), ..Default::default() };
        coder.code(&a).events.iter().map(|e| format!("{} {}", e.source.code, e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"))).collect()
    };
    assert_eq!(code("Freedonia Prime Minister Rufus Firefly scolded Sylvania."), ["FREGOV SYL"]);
    assert_eq!(code("Prime Minister Rufus Firefly scolded Sylvania."), ["FREGOV SYL"]);
}

#[test]
fn roles_in_a_list_of_countries_are_each_role_of_each_country() {
    let mut d = Dictionaries::default();
    load_text(Path::new("mini.actors.txt"), DictKind::Actors, MINI_ACTORS, &mut d);
    load_text(Path::new("mini.agents.txt"), DictKind::Agents, "SENATOR [~LEG]\nCLERK [~GOV]\n", &mut d);
    load_text(Path::new("mini.verbs.txt"), DictKind::Verbs, "--- HAIL [041] ---\nHAIL\n", &mut d);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    let mut b = crate::lexicon::LexiconBuilder::new();
    b.add_dictionaries(d);
    let coder = crate::coder::Coder::new(b.build());
    let code = |text: &str| -> Vec<String> {
        let a = crate::article::Article { id: "t".into(), date: Some("2031-05-07".into()), text: text.into(), ..Default::default() };
        coder.code(&a).events.iter().map(|e| format!("{} {}", e.source.code, e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"))).collect()
    };
    assert_eq!(code("Senators in Freedonia and Sylvania hailed Latveria."), ["FRELEG LAT", "SYLLEG LAT"]);
    assert_eq!(code("Senators and clerks in Freedonia and Sylvania hailed Latveria."), ["FRELEG LAT", "FREGOV LAT", "SYLLEG LAT", "SYLGOV LAT"]);
}

#[test]
fn a_role_joined_to_a_countrys_role_shares_the_country() {
    let mut d = Dictionaries::default();
    load_text(Path::new("mini.actors.txt"), DictKind::Actors, "FREEDONIA [FRE]\n+FREEDONIAN\nSYLVANIA [SYL]\n", &mut d);
    load_text(Path::new("mini.agents.txt"), DictKind::Agents, "PRESS {} [~MED]\nCABINET [~GOV]\n", &mut d);
    load_text(Path::new("mini.verbs.txt"), DictKind::Verbs, "--- SCOLD [111] ---\nSCOLD\n", &mut d);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    let mut b = crate::lexicon::LexiconBuilder::new();
    b.add_dictionaries(d);
    let coder = crate::coder::Coder::new(b.build());
    let a = crate::article::Article {
        id: "t".into(),
        date: Some("2031-05-07".into()),
        text: "Freedonian press and cabinet scolded Sylvania.".into(),
        ..Default::default()
    };
    let got: Vec<String> =
        coder.code(&a).events.iter().map(|e| format!("{} {}", e.source.code, e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"))).collect();
    assert_eq!(got, ["FREMED SYL", "FREGOV SYL"]);
}

#[test]
fn a_possessors_role_with_adjectives_holds_the_name_after_it() {
    let mut d = Dictionaries::default();
    load_text(Path::new("mini.actors.txt"), DictKind::Actors, "FREEDONIA [FRE]\nSYLVANIA [SYL]\n+RUFUS\nLATVERIA [LAT]\n", &mut d);
    load_text(Path::new("mini.agents.txt"), DictKind::Agents, "MINISTER [~GOV]\n", &mut d);
    load_text(Path::new("mini.verbs.txt"), DictKind::Verbs, "--- SCOLD [111] ---\nSCOLD\n", &mut d);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    let mut b = crate::lexicon::LexiconBuilder::new();
    b.add_dictionaries(d);
    let coder = crate::coder::Coder::new(b.build());
    let code = |text: &str| -> Vec<String> {
        let a = crate::article::Article { id: "t".into(), date: Some("2031-05-07".into()), text: text.into(), ..Default::default() };
        coder.code(&a).events.iter().map(|e| format!("{} {}", e.source.code, e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"))).collect()
    };
    // The name is coded as Sylvania, but it holds Freedonia's role.
    assert_eq!(code("Freedonia's grim and gloomy minister Rufus scolded Latveria."), ["FREGOV LAT"]);
    assert_eq!(code("Freedonia's minister Rufus scolded Latveria."), ["FREGOV LAT"]);
}

#[test]
fn a_named_prepended_agent_before_a_country_is_written_first() {
    let mut d = Dictionaries::default();
    load_text(Path::new("mini.actors.txt"), DictKind::Actors, MINI_ACTORS, &mut d);
    load_text(Path::new("mini.agents.txt"), DictKind::Agents, "DOCTORS_ABROAD {} [NGO~]\nHEALERS {} [NGO~]\nENVOY [~GOV]\n", &mut d);
    load_text(Path::new("mini.verbs.txt"), DictKind::Verbs, "--- SCOLD [111] ---\nSCOLD\n", &mut d);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    let mut b = crate::lexicon::LexiconBuilder::new();
    b.add_dictionaries(d);
    let coder = crate::coder::Coder::new(b.build());
    let code = |text: &str| -> Vec<String> {
        let a = crate::article::Article { id: "t".into(), date: Some("2031-05-07".into()), text: text.into(), ..Default::default() };
        coder.code(&a).events.iter().map(|e| format!("{} {}", e.source.code, e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"))).collect()
    };
    assert_eq!(code("Doctors Abroad Freedonia scolded Sylvania."), ["NGOFRE SYL"]);
    assert_eq!(code("A Doctors Abroad Freedonia envoy scolded Sylvania."), ["NGOFREGOV SYL"]);
    // A common noun before a country is no branch of an organisation.
    assert_ne!(code("The healers Freedonia scolded Sylvania."), ["NGOFRE SYL"]);
}
