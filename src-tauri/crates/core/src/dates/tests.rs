use super::*;

#[test]
fn an_ordinary_date_is_read() {
    assert_eq!(
        parse_date(" 2027-03-15 "),
        Ok(NaiveDate::from_ymd_opt(2027, 3, 15).unwrap())
    );
}

#[test]
fn the_range_ends_are_inclusive() {
    assert!(parse_date("1900-01-01").is_ok());
    assert!(parse_date("2200-12-31").is_ok());
}

#[test]
fn typo_years_are_refused_naming_the_range() {
    for given in [
        "0000-01-01",
        "9999-12-31",
        "1899-12-31",
        "2201-01-01",
        "-0001-01-01",
    ] {
        let message = parse_date(given).unwrap_err();
        assert_eq!(message.key, "input.date_out_of_range", "{given}");
        let text = message.render(crate::i18n::Lang::English);
        assert!(
            text.contains(given) && text.contains("1900") && text.contains("2200"),
            "{text}"
        );
    }
}

#[test]
fn text_that_is_no_date_says_how_to_write_one() {
    for given in ["2027-02-30", "15.03.2027", "2027-3", ""] {
        assert_eq!(
            parse_date(given).unwrap_err().key,
            "input.bad_date",
            "{given}"
        );
    }
}
