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
