//! The CAMEO and PLOVER event ontologies: what each CAMEO code means, how
//! cooperative or conflictual it is, and what it becomes in PLOVER.
//!
//! Everything here is static data and `match` rules; no lookup allocates.
//!
//! # CAMEO
//! [`cameo`] knows every CAMEO event code: the 20 two-digit roots (`"01"` ..
//! `"20"`), their residual codes (`"010"` .. `"200"`) and all 3- and 4-digit
//! codes, each with a short label in our own words and the standard
//! Goldstein conflict–cooperation score (−10 .. +10). `1214` (reject
//! intelligence cooperation) is part of the CAMEO code list but missing from
//! the ICEWS-derived codebook table; it carries its siblings' score, −4.
//!
//! # Quad classes
//! [`quad_class`] follows the GDELT/Phoenix convention, which groups roots,
//! not individual codes:
//!
//! | quad | meaning              | roots   |
//! |------|----------------------|---------|
//! | 1    | verbal cooperation   | 01 – 05 |
//! | 2    | material cooperation | 06 – 08 |
//! | 3    | verbal conflict      | 09 – 13 |
//! | 4    | material conflict    | 14 – 20 |
//!
//! # PLOVER
//! [`plover`] maps a CAMEO code to the PLOVER (2021 draft 0.8) event type,
//! mode and contexts, following the CAMEO→PLOVER conversion table of that
//! draft, organised as rules (see the `plover_rules` submodule) rather
//! than a per-code list. Two roots are outside that table:
//! - **01 (public statements)**: PLOVER dropped statements; there is no
//!   event type for them, so [`plover`] returns `None`.
//! - **02 (appeals)**: the table omits them too, but the manual defines
//!   REQUEST as *all* requests, demands and orders, of which an appeal is
//!   the mildest kind. CAMEO's appeal codes mirror its demand codes digit
//!   for digit (0211 ↔ 1011, 025 ↔ 105, ...), so an appeal gets the PLOVER
//!   mapping of its demand twin. Goldstein scores still differ (appeals are
//!   mild, demands are not); only the PLOVER side is shared.
//!
//! A few table entries are knowingly not followed (a context in the mode
//! slot, a mode the table itself retired, two one-off mode names that exist
//! in no mode list of the manual); they are listed on the `mode` rule and
//! in the verification test. Some names the table uses consistently but the
//! manual does not list (`democracy` and `humanitarian` contexts; `ban`,
//! `assassinate`, `massacre`, `cleansing`, `return` modes) are kept as the
//! table gives them, so that output stays comparable with other
//! CAMEO-derived PLOVER data.

mod codes;
mod plover_rules;

/// One CAMEO event code with what we know about it.
///
/// Kept `'static` so event records can point at it instead of copying
/// labels around.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CameoCode {
    /// The code as written in CAMEO, leading zero included (`"041"`).
    pub code: &'static str,
    /// A short human-readable label (our own wording).
    pub label: &'static str,
    /// Goldstein conflict–cooperation score, −10 (most conflictual) to +10.
    pub goldstein: f32,
}

/// The PLOVER reading of a CAMEO code: event type (*what*), mode (*how*) and
/// contexts (*about what*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Plover {
    /// One of [`PLOVER_TYPES`].
    pub event: &'static str,
    /// PLOVER mode, `""` when the CAMEO code implies none.
    pub mode: &'static str,
    /// PLOVER contexts implied by the code alone (often empty: most context
    /// comes from the surrounding text, not the event code).
    pub context: &'static [&'static str],
}

/// The 16 PLOVER event types of the 2021 draft, in alphabetical order.
pub const PLOVER_TYPES: [&str; 16] = [
    "ACCUSE",
    "AGREE",
    "AID",
    "ASSAULT",
    "COERCE",
    "CONCEDE",
    "CONSULT",
    "COOPERATE",
    "MOBILIZE",
    "PROTEST",
    "REJECT",
    "REQUEST",
    "RETREAT",
    "SANCTION",
    "SUPPORT",
    "THREATEN",
];

/// CAMEO's regional actor codes ("Middle East", "West Africa", "Western
/// countries"): actors, but not states, so never a country an act falls on.
pub const REGION_CODES: &[&str] = &[
    "LAM", "SAM", "NMR", "CRB", "MEA", "PGS", "AFR", "NAF", "WAF", "EAF", "SAF", "CFR", "ASA", "CAS", "SAS", "SEA", "EUR", "EEU", "CEU", "WEU", "SCN", "BLK",
    "CAU", "WST",
];

/// Whether `code` (its first three letters) is a CAMEO region rather than a state.
pub fn is_region(code: &str) -> bool {
    code.get(..3).is_some_and(|c| REGION_CODES.contains(&c))
}

/// Country-field codes of non-state actors that act across borders (PLOVER's
/// transnational militarized groups, social movements and multinational
/// companies): like IGOs and NGOs, they are no state's.
pub const TRANSNATIONAL_CODES: &[&str] = &["IMG", "ISM", "MNC"];

/// Whether an actor's country part is an international non-state one: an
/// IGO, an NGO or a transnational group, which no state owns.
pub fn is_international(code: &str) -> bool {
    code.starts_with("IGO") || code.starts_with("NGO") || TRANSNATIONAL_CODES.contains(&code)
}

/// States younger than the archives dyad codes, with the state their land
/// belonged to before independence and the day they became independent.
/// Only where event data codes the earlier years under the older state:
/// Juba in a 1990s report is a Sudanese regional capital. (Eritrea,
/// Montenegro, Kosovo and East Timor are coded as themselves throughout, as
/// coders and gold sets keep them.)
const SUCCESSIONS: &[(&str, &str, (i16, i8, i8))] = &[("SSD", "SDN", (2011, 7, 9))];

/// The state that held a country's land on `date`, when that is not the
/// country itself: `SSD` in 2000 is `SDN`. With the reason, for the trace.
pub fn predecessor_on(country: &str, date: Option<crate::time::Date>) -> Option<(&'static str, String)> {
    let date = date?;
    SUCCESSIONS.iter().find(|(c, _, _)| *c == country).and_then(|&(c, pred, (y, m, d))| {
        let from = crate::time::Date::new(y, m, d).ok()?;
        (date < from).then(|| (pred, format!("{c} was part of {pred} before {from}")))
    })
}

/// Whether an actor's country part names a state (an ISO3 code, or one of the
/// older CAMEO country codes): not an IGO, NGO, region or transnational group.
pub fn is_state(code: &str) -> bool {
    code.len() == 3 && !is_international(code) && !is_region(code)
}

/// Whether an event of this CAMEO code, when the text names no recipient,
/// falls on the actor's own country: acts of a state on its own polity
/// (reform and its refusal, easing or imposing curfews, bans and states of
/// emergency, resignations, threats of repression, demobilising its own
/// forces) and protests, which CAMEO aims at the protesters' own authorities.
/// "Sudan's government lifted the state of emergency" is Sudan acting on
/// Sudan; "the government declared a ceasefire" names no such recipient,
/// because a ceasefire is with an enemy.
pub fn domestic_code(code: &str) -> bool {
    let three = code.get(..3).unwrap_or("");
    matches!(three, "034" | "081" | "082" | "083" | "123" | "137" | "172" | "141" | "142" | "143" | "144" | "145")
        || matches!(code, "0351" | "0352" | "0873" | "1241" | "1242" | "14")
}

/// Looks up a CAMEO code (exact string, leading zeros included: `"041"`,
/// not `"41"`). `None` for anything that is not a CAMEO event code.
pub fn cameo(code: &str) -> Option<&'static CameoCode> {
    codes::TABLE.binary_search_by(|entry| entry.code.cmp(code)).ok().map(|i| &codes::TABLE[i])
}

/// Every CAMEO code we know, roots included, in ascending code order.
pub fn all_codes() -> impl Iterator<Item = &'static CameoCode> {
    codes::TABLE.iter()
}

/// The two-digit root of a code: `"041"` → `"04"`, `"1823"` → `"18"`.
///
/// Purely textual (the code is not validated); an input shorter than two
/// bytes, or whose second byte is inside a multi-byte character, is
/// returned unchanged rather than panicking.
pub fn root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// Root number 1..=20 of a code, if its first two characters are one.
fn root_number(code: &str) -> Option<u8> {
    match code.as_bytes() {
        [a @ b'0'..=b'9', b @ b'0'..=b'9', ..] => {
            let n = (a - b'0') * 10 + (b - b'0');
            (1..=20).contains(&n).then_some(n)
        }
        _ => None,
    }
}

/// GDELT/Phoenix quad class of a code, decided by its root: 1 verbal
/// cooperation (01–05), 2 material cooperation (06–08), 3 verbal conflict
/// (09–13), 4 material conflict (14–20). Returns 0 when the code does not
/// start with a root 01..20, so callers can tell "unknown" from a class.
pub fn quad_class(code: &str) -> u8 {
    match root_number(code) {
        Some(1..=5) => 1,
        Some(6..=8) => 2,
        Some(9..=13) => 3,
        Some(14..=20) => 4,
        _ => 0,
    }
}

/// Label of a root (`"04"` → `"Consult"`). Longer codes are reduced to their
/// root first, so `root_label("0411")` is also `"Consult"`. Returns `""` for
/// anything that is not under a root 01..20.
pub fn root_label(root_code: &str) -> &'static str {
    cameo(root(root_code)).map_or("", |c| c.label)
}

/// Looks up a code given as bytes built on the stack; `None` if the bytes do
/// not form a known code. Returns the table's own `'static` copy.
fn known(bytes: &[u8]) -> Option<&'static str> {
    std::str::from_utf8(bytes).ok().and_then(cameo).map(|c| c.code)
}

/// The 3-digit residual code of a root (`"04"` → `"040"`), or the code
/// itself when it is already 3 or 4 digits long.
fn residual(code: &'static str) -> Option<&'static str> {
    match code.as_bytes() {
        [a, b] => known(&[*a, *b, b'0']),
        _ => Some(code),
    }
}

/// PLOVER event type, mode and contexts for a CAMEO code; `None` for unknown
/// codes and for root 01 (statements, which PLOVER does not code). Root 02
/// (appeals) maps like its demand twin in root 10; a two-digit root maps like
/// its residual code (`"08"` like `"080"`). See the module documentation.
pub fn plover(code: &str) -> Option<Plover> {
    let code = residual(cameo(code)?.code)?;
    let code = match code.as_bytes() {
        [b'0', b'1', ..] => return None,
        [b'0', b'2', rest @ ..] => {
            let mut twin = [b'1', b'0', 0, 0];
            twin[2..2 + rest.len()].copy_from_slice(rest);
            known(&twin[..2 + rest.len()])?
        }
        _ => code,
    };
    Some(Plover { event: plover_rules::event(code)?, mode: plover_rules::mode(code), context: plover_rules::context(code) })
}

/// The CAMEO code for *announcing* the action `code` stands for, so a coder
/// can turn "X will visit Y" or "X is ready to work with Y" into an intent
/// event instead of a realised one.
///
/// - Cooperative actions map into root 03 (express intent to cooperate):
///   consults → 036 (meet or negotiate; mediation 045 → 039), diplomatic
///   cooperation → 032, material cooperation → 031 and its subject code
///   (061 → 0311 ...), aid → 033 and 0331..0334 (asylum → 033), yielding →
///   035, 0351..0356 and, for accepting reform, 034 and 0341..0344.
/// - Conflictual actions map into root 13, since CAMEO codes any conflictual
///   action announced for the future as a threat: protest → 133, show of
///   force → 138, reduced relations → the matching 131x/134/135/136,
///   coercion → 132x (administrative sanctions, deportation), 137 (arrests,
///   repression) or 130, unconventional violence (18) → 1383, conventional
///   force (19) → 1384 (blockade 1381, occupation 1382), mass violence
///   (20) → 1385.
/// - Intent and threat codes (03x, 13x) are their own intent code.
/// - Statements, appeals and the verbal-conflict roots 09–12 have no intent
///   form: `None`, as for unknown codes.
pub fn intent_code(code: &str) -> Option<&'static str> {
    let code = cameo(code)?.code;
    let three = code.get(..3).unwrap_or("");
    let intent = match root(code) {
        "03" | "13" => code,
        "04" => match three {
            "045" => "039",
            _ => "036",
        },
        "05" => "032",
        "06" => match three {
            "061" => "0311",
            "062" => "0312",
            "063" => "0313",
            "064" => "0314",
            _ => "031",
        },
        "07" => match three {
            "071" => "0331",
            "072" => "0332",
            "073" => "0333",
            "074" => "0334",
            _ => "033",
        },
        "08" => match three {
            "081" => "0351",
            "082" => "0352",
            // Conceding reform is the realised form of promising it.
            "083" => match code {
                "0831" => "0341",
                "0832" => "0342",
                "0833" => "0343",
                "0834" => "0344",
                _ => "034",
            },
            "084" => "0353",
            "085" => "0354",
            "086" => "0355",
            "087" => "0356",
            _ => "035",
        },
        "14" => "133",
        "15" => "138",
        "16" => match three {
            "161" => "1313",
            "162" => "1311",
            "163" => "1312",
            "164" => "134",
            "165" => "135",
            "166" => "136",
            _ => "131",
        },
        "17" => match code {
            "1721" => "1321",
            "1722" => "1322",
            "1723" => "1323",
            "1724" => "1324",
            _ => match three {
                "172" | "174" => "132",
                "173" | "175" => "137",
                _ => "130",
            },
        },
        "18" => "1383",
        "19" => match three {
            "191" => "1381",
            "192" => "1382",
            _ => "1384",
        },
        "20" => "1385",
        _ => return None,
    };
    // Route through the table so the answer is always a known code.
    cameo(intent).map(|c| c.code)
}

/// Canonical PLOVER type name for `name`, ignoring case and surrounding
/// whitespace. Accepts the 16 current types and the names of the 2016
/// gold-standard records that were later renamed or merged: DEMAND →
/// REQUEST, DISAPPROVE → ACCUSE, FIGHT → ASSAULT, INVESTIGATE → ACCUSE.
pub fn normalize_plover(name: &str) -> Option<&'static str> {
    let name = name.trim();
    if let Some(t) = PLOVER_TYPES.iter().find(|t| t.eq_ignore_ascii_case(name)) {
        return Some(t);
    }
    const RENAMED: [(&str, &str); 4] = [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("FIGHT", "ASSAULT"), ("INVESTIGATE", "ACCUSE")];
    RENAMED.iter().find(|(old, _)| old.eq_ignore_ascii_case(name)).map(|(_, new)| *new)
}

#[cfg(test)]
mod tests;
