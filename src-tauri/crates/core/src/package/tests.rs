use super::*;

#[test]
fn names_are_safe_on_every_os() {
    let cases = [
        ("policy.pdf", "policy.pdf"),
        ("../../etc/passwd", "_.._etc_passwd"),
        ("a<b>c:d\"e|f?g*h.txt", "a_b_c_d_e_f_g_h.txt"),
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        ("Lpt9.log", "_Lpt9.log"),
        ("com\u{b9}.txt", "_com\u{b9}.txt"),
        ("CONOUT$", "_CONOUT$"),
        ("console.txt", "console.txt"),
        ("  report. ", "report"),
        ("...", "file"),
        ("", "file"),
        ("tab\there", "tab_here"),
        // "é" written as e + combining accent becomes the one precomposed character.
        ("Caf\u{65}\u{301}.pdf", "Caf\u{e9}.pdf"),
    ];
    for (given, expected) in cases {
        assert_eq!(safe_name(given), expected, "{given:?}");
    }
}

#[test]
fn long_names_are_cut_at_a_character_boundary_keeping_the_extension() {
    let long = format!("{}.pdf", "ä".repeat(100));
    let safe = safe_name(&long);
    assert!(safe.len() <= MAX_NAME_BYTES, "{} bytes", safe.len());
    assert!(safe.ends_with(".pdf"));
    assert!(safe.starts_with('ä'));
}

#[test]
fn collisions_get_numbers_deterministically_and_case_is_ignored() {
    let names: Vec<String> = ["Policy.pdf", "policy.pdf", "POLICY.pdf", "notes", "notes"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(
        unique_names(&names),
        [
            "Policy.pdf",
            "policy (2).pdf",
            "POLICY (3).pdf",
            "notes",
            "notes (2)"
        ]
    );
}

#[test]
fn compressed_formats_are_stored_and_text_is_deflated() {
    assert!(!compresses("report.PDF"));
    assert!(!compresses("tara.xlsx"));
    assert!(compresses("manifest.json"));
    assert!(compresses("SHA256SUMS"));
    assert!(compresses("notes.txt"));
}

#[test]
fn levels_contain_what_the_scheme_says_and_sharing_below_publication_adds_nothing() {
    assert_eq!(Level::parse("a+labels"), Some(Level::ALabels));
    assert_eq!(Level::parse("A + labels + B"), Some(Level::ALabelsB));
    assert_eq!(Level::parse("B"), None);
    assert!(Level::A.includes_section_a() && !Level::A.includes_labels());
    assert!(Level::ALabels.includes_labels() && !Level::ALabels.includes_results());
    assert!(Level::ALabelsB.includes_results() && !Level::ALabelsB.includes_internals());
    assert!(Level::Full.includes_internals());
    assert!(sharing_adds_nothing(Level::ALabels, Level::A));
    assert!(sharing_adds_nothing(Level::ALabels, Level::ALabels));
    assert!(!sharing_adds_nothing(Level::A, Level::ALabelsB));
}

/// The bidi formatting characters the issue names: embeddings, overrides, isolates, the marks.
const BIDI: [char; 12] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
];

#[test]
fn bidi_controls_are_dropped_so_a_name_cannot_show_another_extension() {
    // `report\u{202E}fdp.exe` shows as "reportexe.pdf"; what is left is the name it is.
    assert_eq!(safe_name("report\u{202E}fdp.exe"), "reportfdp.exe");
    for c in BIDI {
        assert!(is_invisible(c), "U+{:04X}", u32::from(c));
        assert_eq!(
            safe_name(&format!("exe{c}.txt")),
            "exe.txt",
            "U+{:04X}",
            u32::from(c)
        );
    }
    assert_eq!(
        safe_name("\u{202E}\u{2066}"),
        "file",
        "nothing visible left"
    );
}

#[test]
fn zero_width_and_other_invisible_characters_are_dropped_and_odd_spaces_become_plain() {
    let cases = [
        ("pass\u{200B}word.txt", "password.txt"),
        ("a\u{200C}b\u{200D}c.txt", "abc.txt"),
        ("\u{FEFF}bom.txt", "bom.txt"),
        ("soft\u{AD}hyphen.txt", "softhyphen.txt"),
        ("word\u{2060}joiner.txt", "wordjoiner.txt"),
        ("tag\u{E0041}.txt", "tag.txt"),
        ("\u{3164}.txt", "txt"),
        // Dropped before NFC: the accent joins the letter it was kept from.
        ("Cafe\u{200C}\u{301}.pdf", "Caf\u{e9}.pdf"),
        ("a\u{A0}b\u{3000}c.pdf\u{2028}", "a b c.pdf"),
        ("\u{2003}report.pdf", "report.pdf"),
    ];
    for (given, expected) in cases {
        assert_eq!(safe_name(given), expected, "{given:?}");
    }
}

/// Names that have gone wrong before or could: every one must come out safe and stay so.
const NASTY: [&str; 16] = [
    "../../etc/passwd",
    "/etc/x",
    "C:\\Windows\\x.exe",
    "con.txt",
    " . .",
    "a\u{202E}fdp.exe",
    "e\u{301}\u{200B}\u{301}",
    "tab\there",
    "Report #3.txt",
    "a%20b.txt",
    "name.",
    "\u{0}\u{1}\u{7F}",
    "\u{2028}x\u{2029}",
    "ärger ärger ärger ärger ärger ärger ärger ärger ärger ärger ärger ärger ärger ärger ärger.pdf",
    "x.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "\u{1F469}\u{200D}\u{1F4BB} notes.txt",
];

#[test]
fn safe_names_stay_as_they_are_so_verify_can_hold_a_package_to_them() {
    for given in NASTY {
        let once = safe_name(given);
        assert_eq!(safe_name(&once), once, "{given:?} → {once:?}");
        assert!(is_safe_path(&once), "{given:?} → {once:?}");
        assert!(once.len() <= MAX_NAME_BYTES, "{given:?}");
    }
    // Numbered duplicates are safe names too, however long the extension.
    let names: Vec<String> = NASTY
        .iter()
        .chain(NASTY.iter())
        .map(|n| safe_name(n))
        .collect();
    for name in unique_names(&names) {
        assert_eq!(safe_name(&name), name);
        assert!(name.len() <= MAX_NAME_BYTES, "{name:?}");
    }
}

#[test]
fn a_duplicate_with_an_extension_longer_than_the_room_left_is_numbered_without_panicking() {
    let long = format!("a.{}", "b".repeat(MAX_NAME_BYTES - 2));
    let names = unique_names(&[long.clone(), long.clone()]);
    assert_eq!(names[0], long);
    assert!(names[1].ends_with(" (2)"), "{}", names[1]);
    assert!(names[1].len() <= MAX_NAME_BYTES);
}

#[test]
fn safe_paths_are_relative_names_our_writer_makes_and_nothing_else() {
    for good in [
        "index.html",
        "SHA256SUMS",
        "evidence/1.1/_CON.txt",
        "evidence/1.1/policy (2).PDF",
        "workbook/ECU - ENX VCS.xlsx",
        "evidence/1.1/a%20b.txt",
        "evidence/1.1/Report #3.txt",
    ] {
        assert!(is_safe_path(good), "{good}");
    }
    for bad in [
        "",
        "../../x",
        "evidence/../../x",
        "./index.html",
        "/etc/x",
        "C:\\x",
        "C:/x",
        "c:x",
        "evidence\\1.1\\x.txt",
        "evidence//x.txt",
        "evidence/",
        "CON",
        "evidence/aux.pdf",
        "exe\u{202E}.txt",
        "zero\u{200B}width",
        "nul\u{0}byte",
        "trailing.",
        " leading",
        "Cafe\u{301}.pdf",
        "tab\there",
    ] {
        assert!(!is_safe_path(bad), "{bad:?}");
    }
    assert!(!is_safe_path(&"x".repeat(MAX_NAME_BYTES + 1)));
}

/// Undoes [`href`], as a browser does when it looks a link up.
fn percent_decode(href: &str) -> String {
    let bytes = href.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' {
            out.push(u8::from_str_radix(&href[at + 1..at + 3], 16).unwrap());
            at += 3;
        } else {
            out.push(bytes[at]);
            at += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn hrefs_encode_every_byte_outside_the_unreserved_set_and_keep_the_slashes() {
    let cases = [
        ("evidence/1.1/a%20b.txt", "evidence/1.1/a%2520b.txt"),
        (
            "evidence/1.1/Report #3.txt",
            "evidence/1.1/Report%20%233.txt",
        ),
        ("evidence/1.1/what?.txt", "evidence/1.1/what%3F.txt"),
        ("evidence/1.1/\u{e4}.pdf", "evidence/1.1/%C3%A4.pdf"),
        (
            "evidence/1.1/policy (2).PDF",
            "evidence/1.1/policy%20%282%29.PDF",
        ),
        ("a&b;c=d+e'f.txt", "a%26b%3Bc%3Dd%2Be%27f.txt"),
        ("Az09-._~", "Az09-._~"),
        ("", ""),
    ];
    for (path, expected) in cases {
        assert_eq!(href(path), expected, "{path:?}");
        assert_eq!(
            percent_decode(&href(path)),
            path,
            "the link finds the entry"
        );
    }
    for name in NASTY {
        let path = format!("evidence/1.1/{}", safe_name(name));
        let link = href(&path);
        assert!(
            link.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%/".contains(&b)),
            "{link}"
        );
        assert_eq!(percent_decode(&link), path);
    }
}

#[test]
fn names_in_messages_show_invisible_and_control_characters_as_escapes() {
    assert_eq!(
        shown_name("exe\u{202E}txt.exe"),
        "exe\\u{202E}txt.exe",
        "the override cannot turn the message around"
    );
    assert_eq!(shown_name("a\tb\u{0}c"), "a\\u{0009}b\\u{0000}c");
    assert_eq!(shown_name("C:\\x and ../../y"), "C:\\x and ../../y");
    assert_eq!(shown_name("Caf\u{e9} notes"), "Caf\u{e9} notes");
}
