use super::*;

const HEAD: CalendarHead<'static> = CalendarHead {
    stamp: "20261125T093000Z",
    workspace: "ws1",
    reminder_days: 7,
};

#[test]
fn a_calendar_has_crlf_lines_of_at_most_75_octets_and_escaped_text() {
    let events = [IcsEvent {
        uid: "corrective-action-12".into(),
        date: NaiveDate::from_ymd_opt(2027, 2, 28).unwrap(),
        summary: "Maßnahme fällig; Richtlinie, überarbeiten".into(),
        description: "Zeile eins\nZeile zwei ".repeat(8),
    }];
    let text = calendar(&events, &HEAD);
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
    assert!(unfolded.contains("UID:corrective-action-12@ws1.csmsdesk\r\n"));
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20270228\r\nDTEND;VALUE=DATE:20270301\r\n"));
    assert!(unfolded.contains("DESCRIPTION:Zeile eins\\nZeile zwei Zeile eins"));
    assert_eq!(
        calendar(&events, &HEAD),
        text,
        "the same input, the same bytes"
    );
}

#[test]
fn control_characters_rfc_5545_forbids_never_reach_the_file() {
    let events = [IcsEvent {
        uid: "evidence-review-7".into(),
        date: NaiveDate::from_ymd_opt(2027, 2, 28).unwrap(),
        summary: "Review\u{b}\u{c}\u{1b}[31m policy\u{7f}\u{85}".into(),
        description: "tab\tstays".into(),
    }];
    let text = calendar(&events, &HEAD);
    let forbidden: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\r' | '\n' | '\t'))
        .collect();
    assert!(
        forbidden.is_empty(),
        "VT, FF, ESC, DEL and C1 are dropped: {forbidden:?}"
    );
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded.contains("SUMMARY:Review[31m policy\r\n"));
    assert!(
        unfolded.contains("DESCRIPTION:tab\tstays\r\n"),
        "HTAB is allowed"
    );
}

#[test]
fn a_date_without_a_four_digit_year_is_left_out_not_written_wrong() {
    let event = |uid: &str, y| IcsEvent {
        uid: uid.into(),
        date: NaiveDate::from_ymd_opt(y, 12, 31).unwrap(),
        summary: "Label expires".into(),
        description: String::new(),
    };
    let text = calendar(&[event("far", 10002), event("near", 2029)], &HEAD);
    assert!(!text.contains("+1000"), "no expanded year: {text}");
    assert!(text.contains("UID:near@ws1.csmsdesk") && !text.contains("UID:far@ws1.csmsdesk"));
}

#[test]
fn the_same_deadline_of_two_workspaces_gets_two_uids_and_every_event_a_reminder() {
    let events = [IcsEvent {
        uid: "corrective-action-1".into(),
        date: NaiveDate::from_ymd_opt(2027, 2, 28).unwrap(),
        summary: "Review the policy".into(),
        description: String::new(),
    }];
    let first = calendar(&events, &HEAD);
    let other = calendar(
        &events,
        &CalendarHead {
            workspace: "ws2",
            ..HEAD
        },
    );
    assert!(first.contains("UID:corrective-action-1@ws1.csmsdesk\r\n"));
    assert!(other.contains("UID:corrective-action-1@ws2.csmsdesk\r\n"));
    assert!(first.contains(
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Review the policy\r\nTRIGGER;RELATED=START:-P7D\r\nEND:VALARM\r\nEND:VEVENT"
    ), "{first}");
}
