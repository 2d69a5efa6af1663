use super::*;

#[test]
fn participant_id_is_trimmed_and_upper_cased() {
    let id = TisaxId::parse("  p1a2b3 ").expect("a letter and five alphanumerics is valid");
    assert_eq!(id.as_str(), "P1A2B3");
}

#[test]
fn ids_of_five_to_eight_characters_after_the_letter_are_accepted() {
    for ok in [
        "PABCDE",
        "P12345",
        "S1234567",
        "A12345678",
        "P1A2B3-1",
        "SABCDEF-12",
    ] {
        assert!(TisaxId::parse(ok).is_ok(), "{ok} has the documented shape");
    }
}

#[test]
fn ids_of_the_wrong_shape_are_refused() {
    for bad in [
        "1ABCDE",
        "P1234",
        "P123456789",
        "P12 345",
        "P1234-",
        "P12345-x",
        "P12345-1-2",
        "PÄ2345",
    ] {
        assert_eq!(
            TisaxId::parse(bad),
            Err(TisaxIdError::Malformed),
            "{bad} must be refused"
        );
    }
}

#[test]
fn blank_id_is_reported_as_empty_not_malformed() {
    assert_eq!(TisaxId::parse("   "), Err(TisaxIdError::Empty));
}
