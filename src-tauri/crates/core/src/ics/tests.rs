use super::*;

#[test]
fn a_calendar_has_crlf_lines_of_at_most_75_octets_and_escaped_text() {
    let events = [IcsEvent {
        uid: "corrective-action-12".into(),
        date: NaiveDate::from_ymd_opt(2027, 2, 28).unwrap(),
        summary: "Maßnahme fällig; Richtlinie, überarbeiten".into(),
        description: "Zeile eins\nZeile zwei ".repeat(8),
    }];
    let text = calendar(&events, "20261125T093000Z");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} has {} octets", line.len());
    }
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "only CRLF ends lines"
    );
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded.contains("SUMMARY:Maßnahme fällig\\; Richtlinie\\, überarbeiten\r\n"));
    assert!(unfolded.contains("UID:corrective-action-12@csmsdesk\r\n"));
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20270228\r\nDTEND;VALUE=DATE:20270301\r\n"));
    assert!(unfolded.contains("DESCRIPTION:Zeile eins\\nZeile zwei Zeile eins"));
    assert_eq!(
        calendar(&events, "20261125T093000Z"),
        text,
        "the same input, the same bytes"
    );
}
