//! The layout's rules and the bytes' determinism, on a report built in memory.

use chrono::{NaiveDate, TimeZone as _, Utc};
use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_core::readiness::Tally;
use csmsdesk_core::results::OverallResult;

use crate::fonts::{Faces, wrap};
use crate::layout::{BODY_WIDTH, Cell, Column, Flow, MARGIN_X, Op, Style};
use crate::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn action(n: usize) -> ActionRow {
    ActionRow {
        owner: format!("Owner {}", n % 7),
        department: "Engineering".into(),
        due: day("2027-03-01") + chrono::Days::new(n as u64),
        description: format!("Corrective action number {n}, with some words to wrap around"),
        status: Message::new("action_status.open"),
        question: "1.2".into(),
    }
}

pub(crate) fn sample(lang: Lang, findings: usize, files: usize) -> Report {
    let tally = Tally {
        covered: 20,
        needs_review: 3,
        missing: 5,
    };
    Report {
        lang,
        generated_at: Utc.with_ymd_and_hms(2027, 2, 1, 9, 30, 0).unwrap(),
        today: day("2027-02-01"),
        company: "Müller Fahrzeugtechnik GmbH".into(),
        scope: "Steuergeräte Werk Süd".into(),
        enx_scope_id: Some("SCOPE-123".into()),
        catalogue: "VCS ISA 1.1".into(),
        objectives: vec![Message::new("scope.objective_development")],
        locations: vec!["Stuttgart".into()],
        provider: "Audit AG".into(),
        planned_audit: Some(day("2027-05-01")),
        audit: None,
        overall: OverallResult::ConditionalPass,
        tally,
        by_objective: vec![(Message::new("scope.objective_development"), tally)],
        by_chapter: vec![("1".into(), "Organisation".into(), tally)],
        labels: vec![],
        open_actions: (0..findings).map(action).collect(),
        deadlines: vec![],
        more_deadlines: 0,
        questions: vec![QuestionDetail {
            id: "1.2".into(),
            text: "Is cybersecurity governance established?".into(),
            applicable: true,
            na_justification: None,
            self_result: Message::new("assess_result.minor"),
            audit_result: None,
            implementation: "A policy /very/long/path/".repeat(20),
            reference_documentation: String::new(),
            requirements: vec![RequirementDetail {
                id: "1.2.1".into(),
                state: Message::new("requirement_state.covered"),
                deviation: None,
                evidence: (0..files)
                    .map(|i| {
                        (
                            format!("Evidence file {i}"),
                            Message::new("requirement_state.covered"),
                        )
                    })
                    .collect(),
            }],
            findings: (0..findings)
                .map(|n| FindingDetail {
                    kind: Message::new("finding_type.minor"),
                    description: format!("Finding {n}"),
                    actions: vec![action(n)],
                })
                .collect(),
        }],
    }
}

fn texts(ops: &[Op]) -> Vec<&str> {
    ops.iter()
        .filter_map(|op| match op {
            Op::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn lines_never_exceed_the_width_and_long_words_break() {
    let faces = Faces::new();
    let path = "C:\\Users\\someone\\Documents\\Cybersecurity\\".repeat(10)
        + "Supercalifragilisticexpialidocious".repeat(10).as_str();
    let text = format!("Short words then {path} and the end");
    let lines = wrap(&faces.regular, &text, 9.5, 200.0);
    assert!(lines.len() > 5, "{lines:?}");
    for line in &lines {
        assert!(faces.regular.width(line, 9.5) <= 200.0 + 0.01, "{line}");
    }
    // Nothing lost: the characters are all there.
    let joined: String = lines.concat().replace(' ', "");
    assert_eq!(joined, text.replace(' ', ""));
    // Hard line ends are kept; an empty text is one empty line.
    assert_eq!(wrap(&faces.regular, "a\nb", 9.5, 200.0), ["a", "b"]);
    assert_eq!(wrap(&faces.regular, "", 9.5, 200.0), [""]);
}

#[test]
fn every_text_stays_inside_the_body_width() {
    let faces = Faces::new();
    let report = sample(Lang::German, 40, 300);
    let pages = lay_out(&faces, &report);
    for op in pages.iter().flatten() {
        if let Op::Text {
            x,
            size,
            bold,
            text,
            ..
        } = op
        {
            let right = x + faces.face(*bold).width(text, *size);
            assert!(
                *x >= MARGIN_X - 0.01 && right <= MARGIN_X + BODY_WIDTH + 0.5,
                "{text} from {x} to {right}"
            );
        }
    }
}

#[test]
fn a_table_breaks_across_pages_and_repeats_its_header() {
    let faces = Faces::new();
    let mut flow = Flow::new(&faces);
    let columns = vec![
        Column {
            title: "Head A".into(),
            share: 1.0,
        },
        Column {
            title: "Head B".into(),
            share: 2.0,
        },
    ];
    let rows: Vec<Vec<Cell>> = (0..200)
        .map(|i| vec![Cell::new(format!("row {i}")), Cell::new("text")])
        .collect();
    flow.table(&columns, &rows);
    assert!(flow.pages.len() >= 4, "{}", flow.pages.len());
    for page in &flow.pages {
        let t = texts(page);
        assert_eq!(t.iter().filter(|s| **s == "Head A").count(), 1);
    }
    // Every row once, in order.
    let all: Vec<&str> = flow
        .pages
        .iter()
        .flat_map(|p| texts(p))
        .filter(|s| s.starts_with("row "))
        .collect();
    assert_eq!(all.len(), 200);
    assert_eq!(all[199], "row 199");
}

#[test]
fn a_row_taller_than_a_page_continues_on_the_next() {
    let faces = Faces::new();
    let mut flow = Flow::new(&faces);
    let columns = vec![Column {
        title: "Evidence".into(),
        share: 1.0,
    }];
    let lines: Vec<String> = (0..500).map(|i| format!("file {i}")).collect();
    flow.table(&columns, &[vec![Cell::new(lines.join("\n"))]]);
    assert!(flow.pages.len() >= 6, "{}", flow.pages.len());
    let all: Vec<&str> = flow
        .pages
        .iter()
        .flat_map(|p| texts(p))
        .filter(|s| s.starts_with("file "))
        .collect();
    assert_eq!(all.len(), 500);
    for page in &flow.pages {
        assert_eq!(texts(page).iter().filter(|s| **s == "Evidence").count(), 1);
    }
}

#[test]
fn the_same_report_gives_the_same_bytes_and_counts_its_pages() {
    let report = sample(Lang::English, 30, 50);
    let (a, pages) = render_pages(&report).unwrap();
    let (b, _) = render_pages(&report).unwrap();
    assert_eq!(a, b);
    assert!(a.starts_with(b"%PDF-"));
    assert!(pages >= 2);
    // The page count in the footer: the last page says "Page M of M".
    let faces = Faces::new();
    assert_eq!(lay_out(&faces, &report).len(), pages);
    // Another generation time is another creation date, hence other bytes.
    let mut later = report.clone();
    later.generated_at = Utc.with_ymd_and_hms(2027, 2, 2, 9, 30, 0).unwrap();
    assert_ne!(render(&later).unwrap(), a);
}

#[test]
fn a_heading_is_never_the_last_line_of_a_page() {
    let faces = Faces::new();
    let mut flow = Flow::new(&faces);
    for i in 0..300 {
        flow.heading(&format!("Heading {i}"), 2, 30.0);
        flow.paragraph("Body text of the heading.", Style::BODY, 0.0);
    }
    for page in &flow.pages {
        let t = texts(page);
        assert!(!t.last().unwrap().starts_with("Heading"), "{t:?}");
    }
}

#[test]
fn the_summary_counts_down_labels_actions_and_deadlines_in_words() {
    let faces = Faces::new();
    let mut report = sample(Lang::German, 2, 1);
    report.labels = vec![LabelRow {
        objective: Message::new("scope.objective_development"),
        kind: Message::new("label_kind.temporary"),
        valid_from: day("2026-11-01"),
        expires: day("2027-02-02"),
    }];
    report.deadlines = vec![DeadlineRow {
        due: day("2027-01-30"),
        what: Message::new("pdf.title"),
    }];
    report.more_deadlines = 3;
    let pages = lay_out(&faces, &report);
    let first: Vec<&str> = pages.iter().take(2).flat_map(|p| texts(p)).collect();
    let has = |needle: &str| first.iter().any(|t| t.contains(needle));
    assert!(has("Temporär"), "{first:?}");
    assert!(has("in einem Tag"), "the label expires tomorrow: {first:?}");
    assert!(
        has("2 Tage überfällig"),
        "the deadline was two days ago: {first:?}"
    );
    assert!(
        has("in 28 Tagen"),
        "the first action is due in 28 days: {first:?}"
    );
    assert!(has("3 weitere Fristen"), "{first:?}");
    assert!(has("02.02.2027"), "German dates: {first:?}");
}
