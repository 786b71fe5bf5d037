//! The CAMEO code table: every code with our own short label and its
//! Goldstein score.
//!
//! The table is written root by root. Each root block names its own
//! Goldstein score and a default for the codes under it; a code only spells
//! out its score (`@ value`) where it differs from that default. This keeps
//! the scale's structure visible (e.g. within root 02 the reform and
//! yield appeals are the only mildly negative ones) and makes a wrong score
//! stand out in review.
//!
//! Labels are our own concise wording, not the codebook's titles. The
//! entries are in ascending string order so lookups can binary-search; a
//! unit test enforces this.

use super::CameoCode;

/// Picks a code's explicit score when given, else its root block's default.
macro_rules! score {
    ($default:literal) => {
        $default
    };
    ($default:literal, $own:literal) => {
        $own
    };
}

/// Expands the root blocks into one flat, sorted static table.
macro_rules! cameo_table {
    ($(
        $root:literal $root_label:literal @ $root_score:literal, default $default:literal {
            $( $code:literal $label:literal $(@ $own:literal)? ),* $(,)?
        }
    )*) => {
        /// All CAMEO codes in ascending string order (roots first within
        /// their block, then the 3- and 4-digit codes under them).
        pub(super) static TABLE: &[CameoCode] = &[
            $(
                CameoCode { code: $root, label: $root_label, goldstein: $root_score },
                $(
                    CameoCode { code: $code, label: $label, goldstein: score!($default $(, $own)?) },
                )*
            )*
        ];
    };
}

cameo_table! {
    "01" "Public statement" @ 0.0, default 0.0 {
        "010" "Statement, unspecified",
        "011" "Refuse to comment" @ -0.1,
        "012" "Voice pessimism" @ -0.4,
        "013" "Voice optimism" @ 0.4,
        "014" "Weigh a policy option",
        "015" "Admit or claim responsibility",
        "016" "Deny responsibility or charges" @ -5.0,
        "017" "Symbolic act",
        "018" "Express sympathy or condolences" @ 3.4,
        "019" "Voice agreement or accord" @ 3.4,
    }
    "02" "Appeal" @ 3.0, default 3.4 {
        "020" "Appeal, unspecified" @ 3.0,
        "021" "Ask for material cooperation",
        "0211" "Ask for economic cooperation",
        "0212" "Ask for military cooperation",
        "0213" "Ask for judicial cooperation",
        "0214" "Ask for intelligence sharing",
        "022" "Ask for diplomatic cooperation or policy support",
        "023" "Ask for aid",
        "0231" "Ask for economic aid",
        "0232" "Ask for military aid",
        "0233" "Ask for humanitarian aid",
        "0234" "Ask for protection or peacekeepers",
        "024" "Ask for political reform" @ -0.3,
        "0241" "Ask for leadership change" @ -0.3,
        "0242" "Ask for policy change" @ -0.3,
        "0243" "Ask for rights" @ -0.3,
        "0244" "Ask for institutional or regime change" @ -0.3,
        "025" "Ask the target to yield" @ -0.3,
        "0251" "Ask for easing of administrative sanctions" @ -0.3,
        "0252" "Ask for an end to protest or dissent" @ -0.3,
        "0253" "Ask for release of people or property" @ -0.3,
        "0254" "Ask for lifting of economic sanctions or embargo" @ -0.3,
        "0255" "Ask the target to admit international involvement" @ -0.3,
        "0256" "Ask for military de-escalation" @ -0.3,
        "026" "Urge talks or a meeting" @ 4.0,
        "027" "Urge settlement of a dispute" @ 4.0,
        "028" "Urge mediation" @ 4.0,
    }
    "03" "Express intent to cooperate" @ 4.0, default 5.2 {
        "030" "Intent to cooperate, unspecified" @ 4.0,
        "031" "Promise material cooperation",
        "0311" "Promise economic cooperation",
        "0312" "Promise military cooperation",
        "0313" "Promise judicial cooperation",
        "0314" "Promise intelligence sharing",
        "032" "Promise diplomatic cooperation or policy support" @ 4.5,
        "033" "Promise aid",
        "0331" "Promise economic aid",
        "0332" "Promise military aid",
        "0333" "Promise humanitarian aid",
        "0334" "Promise protection or peacekeepers" @ 6.0,
        "034" "Promise political reform" @ 7.0,
        "0341" "Promise leadership change" @ 7.0,
        "0342" "Promise policy change" @ 7.0,
        "0343" "Promise to grant rights" @ 7.0,
        "0344" "Promise institutional or regime change" @ 7.0,
        "035" "Promise to yield" @ 7.0,
        "0351" "Promise to ease administrative sanctions" @ 7.0,
        "0352" "Promise to scale back protest or dissent" @ 7.0,
        "0353" "Promise to release people or property" @ 7.0,
        "0354" "Promise to ease economic sanctions or embargo" @ 7.0,
        "0355" "Promise to admit international involvement" @ 7.0,
        "0356" "Promise military de-escalation" @ 7.0,
        "036" "Offer to meet or negotiate" @ 4.0,
        "037" "Offer to settle a dispute" @ 5.0,
        "038" "Agree to accept mediation" @ 7.0,
        "039" "Offer to mediate" @ 5.0,
    }
    "04" "Consult" @ 1.0, default 1.0 {
        "040" "Consult, unspecified",
        "041" "Discuss by telephone",
        "042" "Visit" @ 1.9,
        "043" "Host a visit" @ 2.8,
        "044" "Meet at a third location" @ 2.5,
        "045" "Mediate" @ 5.0,
        "046" "Negotiate" @ 7.0,
    }
    "05" "Diplomatic cooperation" @ 3.5, default 3.5 {
        "050" "Diplomatic cooperation, unspecified",
        "051" "Praise or endorse" @ 3.4,
        "052" "Defend verbally",
        "053" "Rally support for" @ 3.8,
        "054" "Recognise diplomatically" @ 6.0,
        "055" "Apologise" @ 7.0,
        "056" "Forgive" @ 7.0,
        "057" "Sign a formal agreement" @ 8.0,
    }
    "06" "Material cooperation" @ 6.0, default 6.0 {
        "060" "Material cooperation, unspecified",
        "061" "Economic cooperation" @ 6.4,
        "062" "Military cooperation" @ 7.4,
        "063" "Judicial cooperation" @ 7.4,
        "064" "Share intelligence or information" @ 7.0,
    }
    "07" "Provide aid" @ 7.0, default 7.0 {
        "070" "Aid, unspecified",
        "071" "Give economic aid" @ 7.4,
        "072" "Give military aid" @ 8.3,
        "073" "Give humanitarian aid" @ 7.4,
        "074" "Provide protection or peacekeepers" @ 8.5,
        "075" "Grant asylum",
    }
    "08" "Yield" @ 5.0, default 5.0 {
        "080" "Yield, unspecified",
        "081" "Ease administrative sanctions",
        "0811" "Relax limits on political freedoms",
        "0812" "Lift a ban on parties or politicians",
        "0813" "Lift a curfew",
        "0814" "Lift emergency rule or martial law",
        "082" "Scale back protest or dissent",
        "083" "Concede political reform",
        "0831" "Concede leadership change",
        "0832" "Concede policy change",
        "0833" "Concede rights",
        "0834" "Concede institutional or regime change",
        "084" "Return or release" @ 7.0,
        "0841" "Release people" @ 7.0,
        "0842" "Return property" @ 7.0,
        "085" "Ease economic sanctions or embargo" @ 7.0,
        "086" "Admit international involvement" @ 9.0,
        "0861" "Accept peacekeepers" @ 9.0,
        "0862" "Accept inspectors" @ 9.0,
        "0863" "Allow humanitarian access" @ 9.0,
        "087" "De-escalate militarily" @ 9.0,
        "0871" "Declare a truce or ceasefire" @ 9.0,
        "0872" "Lift a military blockade" @ 9.0,
        "0873" "Demobilise forces" @ 9.0,
        "0874" "Retreat or surrender" @ 10.0,
    }
    "09" "Investigate" @ -2.0, default -2.0 {
        "090" "Investigate, unspecified",
        "091" "Investigate crime or corruption",
        "092" "Investigate human rights abuses",
        "093" "Investigate military action",
        "094" "Investigate war crimes",
    }
    "10" "Demand" @ -5.0, default -5.0 {
        "100" "Demand, unspecified",
        "101" "Demand material cooperation",
        "1011" "Demand economic cooperation",
        "1012" "Demand military cooperation",
        "1013" "Demand judicial cooperation",
        "1014" "Demand intelligence sharing",
        "102" "Demand diplomatic cooperation or policy support",
        "103" "Demand aid",
        "1031" "Demand economic aid",
        "1032" "Demand military aid",
        "1033" "Demand humanitarian aid",
        "1034" "Demand protection or peacekeepers",
        "104" "Demand political reform",
        "1041" "Demand leadership change",
        "1042" "Demand policy change",
        "1043" "Demand rights",
        "1044" "Demand institutional or regime change",
        "105" "Demand that the target yield",
        "1051" "Demand easing of administrative sanctions",
        "1052" "Demand an end to protest or dissent",
        "1053" "Demand release of people or property",
        "1054" "Demand lifting of economic sanctions or embargo",
        "1055" "Demand admission of international involvement",
        "1056" "Demand military de-escalation",
        "106" "Demand talks or a meeting",
        "107" "Demand settlement of a dispute",
        "108" "Demand mediation",
    }
    "11" "Disapprove" @ -2.0, default -2.0 {
        "110" "Disapprove, unspecified",
        "111" "Criticise or denounce",
        "112" "Accuse",
        "1121" "Accuse of crime or corruption",
        "1122" "Accuse of human rights abuses",
        "1123" "Accuse of aggression",
        "1124" "Accuse of war crimes",
        "1125" "Accuse of espionage or treason",
        "113" "Rally opposition against",
        "114" "Lodge an official complaint",
        "115" "Sue",
        "116" "Find guilty or liable",
    }
    "12" "Reject" @ -4.0, default -4.0 {
        "120" "Reject, unspecified",
        "121" "Reject material cooperation",
        "1211" "Reject economic cooperation",
        "1212" "Reject military cooperation",
        "1213" "Reject judicial cooperation",
        // Absent from the ICEWS-derived codebook table but part of the CAMEO
        // code list; scored like its siblings and parent.
        "1214" "Reject intelligence sharing",
        "122" "Refuse requested aid",
        "1221" "Refuse requested economic aid",
        "1222" "Refuse requested military aid",
        "1223" "Refuse requested humanitarian aid",
        "1224" "Refuse requested protection or peacekeepers",
        "123" "Refuse political reform",
        "1231" "Refuse leadership change",
        "1232" "Refuse policy change",
        "1233" "Refuse rights",
        "1234" "Refuse institutional or regime change",
        "124" "Refuse to yield",
        "1241" "Refuse to ease administrative sanctions",
        "1242" "Refuse to scale back protest or dissent",
        "1243" "Refuse to release people or property",
        "1244" "Refuse to ease economic sanctions or embargo",
        "1245" "Refuse international involvement",
        "1246" "Refuse military de-escalation",
        "125" "Reject talks or a meeting" @ -5.0,
        "126" "Reject mediation" @ -5.0,
        "127" "Reject a settlement plan" @ -5.0,
        "128" "Defy norms or law" @ -5.0,
        "129" "Veto" @ -5.0,
    }
    "13" "Threaten" @ -6.0, default -5.8 {
        "130" "Threaten, unspecified" @ -4.4,
        "131" "Threaten non-forceful measures",
        "1311" "Threaten to cut aid",
        "1312" "Threaten sanctions or embargo",
        "1313" "Threaten to cut or sever relations",
        "132" "Threaten administrative sanctions",
        "1321" "Threaten limits on political freedoms",
        "1322" "Threaten to ban parties or politicians",
        "1323" "Threaten a curfew",
        "1324" "Threaten emergency rule or martial law",
        "133" "Threaten protest or dissent",
        "134" "Threaten to break off talks",
        "135" "Threaten to end mediation",
        "136" "Threaten to end international involvement" @ -7.0,
        "137" "Threaten repression" @ -7.0,
        "138" "Threaten military force" @ -7.0,
        "1381" "Threaten a blockade" @ -7.0,
        "1382" "Threaten occupation" @ -7.0,
        "1383" "Threaten unconventional violence" @ -7.0,
        "1384" "Threaten conventional attack" @ -7.0,
        "1385" "Threaten a mass-destruction attack" @ -7.0,
        "139" "Issue an ultimatum" @ -7.0,
    }
    "14" "Protest" @ -6.5, default -6.5 {
        "140" "Political dissent, unspecified",
        "141" "Demonstrate or rally",
        "1411" "Demonstrate for leadership change",
        "1412" "Demonstrate for policy change",
        "1413" "Demonstrate for rights",
        "1414" "Demonstrate for institutional or regime change",
        "142" "Hunger strike",
        "1421" "Hunger strike for leadership change",
        "1422" "Hunger strike for policy change",
        "1423" "Hunger strike for rights",
        "1424" "Hunger strike for institutional or regime change",
        "143" "Strike or boycott",
        "1431" "Strike or boycott for leadership change",
        "1432" "Strike or boycott for policy change",
        "1433" "Strike or boycott for rights",
        "1434" "Strike or boycott for institutional or regime change",
        "144" "Obstruct passage" @ -7.5,
        "1441" "Obstruct passage for leadership change" @ -7.5,
        "1442" "Obstruct passage for policy change" @ -7.5,
        "1443" "Obstruct passage for rights" @ -7.5,
        "1444" "Obstruct passage for institutional or regime change" @ -7.5,
        "145" "Riot or protest violently" @ -7.5,
        "1451" "Riot for leadership change" @ -7.5,
        "1452" "Riot for policy change" @ -7.5,
        "1453" "Riot for rights" @ -7.5,
        "1454" "Riot for institutional or regime change" @ -7.5,
    }
    "15" "Show of force" @ -7.2, default -7.2 {
        "150" "Show of force, unspecified",
        "151" "Raise police alert",
        "152" "Raise military alert",
        "153" "Mobilise or reinforce police",
        "154" "Mobilise or reinforce armed forces",
    }
    "16" "Reduce relations" @ -4.0, default -7.0 {
        "160" "Reduce relations, unspecified" @ -4.0,
        "161" "Cut or sever diplomatic ties" @ -4.0,
        "162" "Cut aid" @ -5.6,
        "1621" "Cut economic aid" @ -5.6,
        "1622" "Cut military aid" @ -5.6,
        "1623" "Cut humanitarian aid" @ -5.6,
        "163" "Impose sanctions or embargo" @ -8.0,
        "164" "Break off talks" @ -6.5,
        "165" "End mediation",
        "166" "Expel or withdraw",
        "1661" "Expel or withdraw peacekeepers",
        "1662" "Expel or withdraw inspectors or observers",
        "1663" "Expel or withdraw aid agencies",
    }
    "17" "Coerce" @ -7.0, default -5.0 {
        "170" "Coerce, unspecified" @ -7.0,
        "171" "Seize or damage property" @ -9.2,
        "1711" "Confiscate property" @ -9.2,
        "1712" "Destroy property" @ -9.2,
        "172" "Impose administrative sanctions",
        "1721" "Restrict political freedoms",
        "1722" "Ban parties or politicians",
        "1723" "Impose a curfew",
        "1724" "Impose emergency rule or martial law",
        "173" "Arrest, detain or charge",
        "174" "Expel or deport individuals",
        "175" "Violent repression" @ -9.0,
    }
    "18" "Assault" @ -9.0, default -9.0 {
        "180" "Unconventional violence, unspecified",
        "181" "Abduct, hijack or take hostages",
        "182" "Physical assault" @ -9.5,
        "1821" "Sexual assault",
        "1822" "Torture",
        "1823" "Kill by physical assault" @ -10.0,
        "183" "Non-military bombing" @ -10.0,
        "1831" "Suicide bombing" @ -10.0,
        "1832" "Car bombing" @ -10.0,
        "1833" "Roadside bombing" @ -10.0,
        "184" "Use human shields" @ -8.0,
        "185" "Attempted assassination" @ -8.0,
        "186" "Assassinate" @ -10.0,
    }
    "19" "Fight" @ -10.0, default -10.0 {
        "190" "Conventional military force, unspecified",
        "191" "Blockade or restrict movement" @ -9.5,
        "192" "Occupy territory" @ -9.5,
        "193" "Fight with small arms",
        "194" "Fight with artillery or tanks",
        "195" "Air strikes",
        "196" "Break a ceasefire" @ -9.5,
    }
    "20" "Mass violence" @ -10.0, default -10.0 {
        "200" "Mass violence, unspecified",
        "201" "Mass expulsion" @ -9.5,
        "202" "Mass killing",
        "203" "Ethnic cleansing",
        "204" "Use weapons of mass destruction",
        "2041" "Chemical, biological or radiological attack",
        "2042" "Nuclear detonation",
    }
}
