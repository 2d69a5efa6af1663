use super::*;

fn input(name: &str, id: &str) -> CompanyProfileInput {
    CompanyProfileInput {
        company_name: name.into(),
        participant_id: id.into(),
        enx_contact: "  Jane Doe <jane@example.com> ".into(),
        language: "de".into(),
    }
}

#[test]
fn a_valid_profile_is_returned_in_normal_form() {
    let profile = validate_profile(&input("  Muster Zulieferer GmbH ", " p1a2b3 ")).unwrap();
    assert_eq!(
        profile.company_name, "Muster Zulieferer GmbH",
        "names are trimmed"
    );
    assert_eq!(
        profile.participant_id.unwrap().as_str(),
        "P1A2B3",
        "IDs are upper-cased"
    );
    assert_eq!(profile.enx_contact, "Jane Doe <jane@example.com>");
    assert_eq!(profile.language, LanguagePreference::Fixed(Lang::German));
}

#[test]
fn the_participant_id_is_optional_until_the_company_registers() {
    let profile = validate_profile(&input("ACME", "  ")).unwrap();
    assert_eq!(profile.participant_id, None);
}

#[test]
fn every_field_problem_is_reported_at_once() {
    let mut bad = input(" ", "12");
    bad.language = "fr".into();
    let errors = validate_profile(&bad).unwrap_err();
    let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            ProfileField::CompanyName,
            ProfileField::ParticipantId,
            ProfileField::Language
        ],
        "a form marks all wrong fields in one go"
    );
}

#[test]
fn overlong_and_multi_line_texts_are_refused() {
    let long = "x".repeat(MAX_TEXT_LEN + 1);
    let errors = validate_profile(&input(&long, "")).unwrap_err();
    assert_eq!(
        errors[0].problem,
        ProfileProblem::TooLong { max: MAX_TEXT_LEN }
    );
    let errors = validate_profile(&input("ACME\nGmbH", "")).unwrap_err();
    assert_eq!(errors[0].problem, ProfileProblem::ControlCharacter);
}

#[test]
fn the_malformed_id_message_quotes_what_was_typed() {
    let errors = validate_profile(&input("ACME", "P12")).unwrap_err();
    let text = errors[0].message().render(Lang::English);
    assert!(text.contains("P12"), "the user sees what was wrong: {text}");
}

#[test]
fn system_language_follows_the_os_locale() {
    assert_eq!(
        LanguagePreference::System.resolve(Some("de_DE.UTF-8")),
        Lang::German
    );
    assert_eq!(
        LanguagePreference::Fixed(Lang::English).resolve(Some("de_DE")),
        Lang::English
    );
    for pref in [
        LanguagePreference::System,
        LanguagePreference::Fixed(Lang::German),
    ] {
        assert_eq!(
            LanguagePreference::parse(pref.as_str()),
            Some(pref),
            "names round-trip"
        );
    }
}
