use super::*;
use crate::grid::{Cell, Grid};
use crate::i18n::Lang;

const HEADERS: [&str; 12] = [
    "Row_Format",
    "Is_Title?",
    "ISO/PAS 5112",
    "VCS",
    "Control\nquestion",
    "Objective",
    "Requirements (must)",
    "Reference (must)",
    "Requirements (should)",
    "Reference (should)",
    "Further information",
    "Possible evidence (not mandatory)",
];

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_owned())
    }
}

/// A sheet with a title row, a blank row, the header row (row 3) and `rows` below it.
fn sheet(rows: &[[&str; 12]]) -> Grid {
    let mut grid = Grid {
        name: CATALOGUE_SHEET.into(),
        first_row: 1,
        first_col: 0,
        rows: Vec::new(),
    };
    grid.rows.push(vec![
        Cell::Empty,
        Cell::Empty,
        text("Demo Audit Catalogue\n\n "),
    ]);
    grid.rows.push(vec![]);
    grid.rows.push(HEADERS.iter().map(|h| text(h)).collect());
    grid.rows
        .extend(rows.iter().map(|r| r.iter().map(|c| text(c)).collect()));
    grid
}

fn chapter(id: &str, title: &str) -> [&'static str; 12] {
    let leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
    [
        "Header",
        "1",
        "na",
        leak(id),
        leak(title),
        "",
        "filler",
        "filler",
        "filler",
        "filler",
        "",
        "",
    ]
}

fn question(id: &'static str) -> [&'static str; 12] {
    [
        "Control Question",
        "2",
        "01.1",
        id,
        "Is it done?",
        "Why it matters",
        "",
        "",
        "",
        "",
        "",
        "",
    ]
}

fn requirement(id: &'static str) -> [&'static str; 12] {
    [
        "Requirement",
        "",
        "01.1.a",
        id,
        "",
        "",
        "+ Do this\n+ and that",
        "[RQ-05-01]\n[ISO 19011 §5.2]",
        "None",
        "None",
        "",
        "+ [WP-05-01] Policy",
    ]
}

#[test]
fn a_well_formed_sheet_becomes_a_tree_with_counts() {
    let grid = sheet(&[
        chapter("1", "Organisation"),
        question("1.1"),
        requirement("1.1.a"),
        requirement("1.1.b"),
        question("1.2"),
        requirement("1.2.a"),
        chapter("2", "People"),
        question("2.1"),
        requirement("2.1.a"),
    ]);
    let catalogue = parse_catalogue(&grid).unwrap();
    assert_eq!(
        catalogue.title, "Demo Audit Catalogue",
        "the first line above the header"
    );
    assert_eq!(
        catalogue.counts(),
        CatalogueCounts {
            chapters: 2,
            control_questions: 3,
            requirements: 4,
            must: 4,
            should: 0
        }
    );
    let q = &catalogue.chapters[0].questions[0];
    assert_eq!(
        (q.id.as_str(), q.row),
        ("1.1", 5),
        "rows are numbered as in the spreadsheet"
    );
    assert_eq!(
        q.requirements[0].must, "+ Do this\n+ and that",
        "bullets are kept"
    );
    assert_eq!(q.requirements[0].should, "", "the literal None means empty");
    let tags: Vec<_> = q.requirements[0]
        .references()
        .into_iter()
        .map(|(f, r)| (f, r.tag))
        .collect();
    assert_eq!(
        tags,
        [
            (ReferenceField::Must, "RQ-05-01".to_owned()),
            (ReferenceField::Must, "ISO 19011 §5.2".to_owned()),
            (ReferenceField::Evidence, "WP-05-01".to_owned()),
        ]
    );
}

#[test]
fn columns_are_found_by_name_wherever_they_stand() {
    let mut grid = sheet(&[chapter("1", "A"), question("1.1"), requirement("1.1.a")]);
    for row in &mut grid.rows {
        row.resize(12, Cell::Empty);
        row.swap(4, 11); // move "Control question" to the far right
        row.reverse();
    }
    let catalogue = parse_catalogue(&grid).unwrap();
    assert_eq!(catalogue.chapters[0].questions[0].text, "Is it done?");
    assert_eq!(
        catalogue.chapters[0].questions[0].requirements[0].possible_evidence,
        "+ [WP-05-01] Policy"
    );
}

#[test]
fn a_repeated_requirement_id_is_kept_under_a_suffix_and_noted() {
    let grid = sheet(&[
        chapter("3", "Risk"),
        question("3.1"),
        requirement("3.1.i"),
        requirement("3.1.i"),
    ]);
    let catalogue = parse_catalogue(&grid).unwrap();
    let ids: Vec<_> = catalogue.chapters[0].questions[0]
        .requirements
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["3.1.i", "3.1.i-2"]);
    assert_eq!(
        catalogue.notes,
        [CatalogueNote::DuplicateRequirementRenamed {
            id: "3.1.i".into(),
            renamed: "3.1.i-2".into(),
            row: 7
        }]
    );
}

#[test]
fn iso_5112_chapter_rows_become_groups_and_gaps_in_ids_are_fine() {
    let mut group = chapter("na", "Management");
    group[2] = "01";
    let grid = sheet(&[
        chapter("1", "A"),
        question("1.3"),
        requirement("1.3.a"),
        requirement("1.3.e"),
        group,
    ]);
    let catalogue = parse_catalogue(&grid).unwrap();
    assert_eq!(
        catalogue.groups_5112,
        [Group5112 {
            id: "01".into(),
            title: "Management".into()
        }]
    );
    assert_eq!(catalogue.counts().requirements, 2);
}

fn problem_of(rows: &[[&'static str; 12]]) -> CatalogueProblem {
    *parse_catalogue(&sheet(rows)).unwrap_err()
}

#[test]
fn a_question_before_its_chapter_is_named_with_its_row() {
    let problem = problem_of(&[question("1.1")]);
    assert_eq!(problem.row, Some(4));
    assert_eq!(
        problem.kind,
        ProblemKind::QuestionOutsideChapter {
            question: "1.1".into(),
            chapter: "1".into()
        }
    );
    let text = problem.message("demo.xlsx").render(Lang::English);
    assert!(
        text.contains("demo.xlsx") && text.contains("row 4") && text.contains("1.1"),
        "{text}"
    );
}

#[test]
fn a_requirement_before_its_question_is_refused() {
    let problem = problem_of(&[chapter("1", "A"), requirement("1.1.a")]);
    assert_eq!(
        problem.kind,
        ProblemKind::RequirementOutsideQuestion {
            requirement: "1.1.a".into(),
            question: "1.1".into()
        }
    );
}

#[test]
fn a_duplicate_control_question_names_both_rows() {
    let problem = problem_of(&[chapter("1", "A"), question("1.1"), question("1.1")]);
    assert_eq!(
        problem.kind,
        ProblemKind::DuplicateQuestion {
            id: "1.1".into(),
            first_row: 5
        }
    );
    assert_eq!(problem.row, Some(6));
}

#[test]
fn a_missing_header_is_named() {
    let mut grid = sheet(&[chapter("1", "A"), question("1.1")]);
    grid.rows[2][6] = text("Musts");
    let problem = parse_catalogue(&grid).unwrap_err();
    assert_eq!(
        problem.kind,
        ProblemKind::MissingHeader {
            header: "Requirements (must)"
        }
    );
    assert_eq!(problem.row, Some(3));
    let text = problem.message("x.xlsx").render(Lang::German);
    assert!(text.contains("Requirements (must)"), "{text}");
}

#[test]
fn a_sheet_without_the_headers_is_not_a_catalogue() {
    let grid = Grid {
        name: "Sheet1".into(),
        first_row: 1,
        first_col: 0,
        rows: vec![vec![text("Name"), text("Amount")]],
    };
    assert_eq!(
        parse_catalogue(&grid).unwrap_err().kind,
        ProblemKind::NoHeaderRow
    );
}

#[test]
fn an_error_value_is_located_to_its_cell() {
    let mut grid = sheet(&[chapter("1", "A"), question("1.1"), requirement("1.1.a")]);
    grid.rows[5][7] = Cell::Error("#REF!".into());
    let problem = parse_catalogue(&grid).unwrap_err();
    assert_eq!(
        problem.kind,
        ProblemKind::ErrorValue {
            value: "#REF!".into()
        }
    );
    assert_eq!(
        (problem.row, problem.column.clone()),
        (Some(6), Some(("H".into(), "Reference (must)".into())))
    );
    let text = problem.message("c.xlsx").render(Lang::English);
    assert!(
        text.contains("row 6") && text.contains("column H") && text.contains("#REF!"),
        "{text}"
    );
}

#[test]
fn a_cell_longer_than_a_spreadsheet_allows_is_refused() {
    let mut grid = sheet(&[chapter("1", "A"), question("1.1"), requirement("1.1.a")]);
    grid.rows[5][6] = Cell::Text("x".repeat(1_000_000));
    assert_eq!(
        parse_catalogue(&grid).unwrap_err().kind,
        ProblemKind::CellTooLong { chars: 1_000_000 }
    );
}

#[test]
fn a_sheet_of_a_hundred_thousand_rows_is_refused_before_reading_them() {
    let mut grid = sheet(&[chapter("1", "A"), question("1.1")]);
    grid.rows
        .extend(std::iter::repeat_n(vec![Cell::Empty], 100_000));
    assert!(matches!(
        parse_catalogue(&grid).unwrap_err().kind,
        ProblemKind::TooManyRows { .. }
    ));
}

#[test]
fn an_unknown_row_type_is_refused() {
    let mut odd = question("1.1");
    odd[1] = "3";
    let problem = problem_of(&[chapter("1", "A"), odd]);
    assert_eq!(
        problem.kind,
        ProblemKind::UnknownRowType { value: "3".into() }
    );
}

#[test]
fn malformed_ids_are_named() {
    assert_eq!(
        problem_of(&[chapter("A", "x")]).kind,
        ProblemKind::BadChapterId { id: "A".into() }
    );
    assert_eq!(
        problem_of(&[chapter("1", "x"), question("1-1")]).kind,
        ProblemKind::BadQuestionId { id: "1-1".into() }
    );
    assert_eq!(
        problem_of(&[chapter("1", "x"), question("1.1"), requirement("1.1.A")]).kind,
        ProblemKind::BadRequirementId { id: "1.1.A".into() }
    );
}

#[test]
fn a_sheet_with_chapters_but_no_questions_is_refused() {
    assert_eq!(
        problem_of(&[chapter("1", "x")]).kind,
        ProblemKind::NoQuestions
    );
}

#[test]
fn the_version_comes_from_the_history_or_the_file_name() {
    let history = Grid {
        name: HISTORY_SHEET.into(),
        first_row: 1,
        first_col: 0,
        rows: vec![
            vec![Cell::Empty, Cell::Empty, text("Change history")],
            vec![
                Cell::Empty,
                text("1.0-First Release"),
                text("First release"),
            ],
            vec![
                Cell::Empty,
                text("1.1"),
                text("Questions 7.5-7.7 renumbered"),
            ],
        ],
    };
    assert_eq!(version_from_history(&history).as_deref(), Some("1.1"));
    assert_eq!(
        version_from_file_name("ENX_VCSA_1_1_EN.xlsx").as_deref(),
        Some("1.1")
    );
    assert_eq!(version_from_file_name("catalogue.xlsx"), None);
}

#[test]
fn versions_compare_numerically() {
    use std::cmp::Ordering::*;
    assert_eq!(compare_versions("1.10", "1.9"), Greater);
    assert_eq!(compare_versions("1.1", "1.1"), Equal);
    assert_eq!(compare_versions("1.0", "1.1"), Less);
    assert_eq!(compare_versions("2", "1.9"), Greater);
}

/// A filled workbook's sheet: VCS, result, implementation and findings columns only.
fn filled_sheet(rows: &[[&str; 4]]) -> Grid {
    let mut grid = Grid {
        name: CATALOGUE_SHEET.into(),
        first_row: 1,
        first_col: 0,
        rows: vec![vec![text("Demo")], vec![]],
    };
    grid.rows.push(
        [
            "VCS",
            "Findings/\nresult",
            "Implementation description",
            "Control question",
        ]
        .iter()
        .map(|h| text(h))
        .collect(),
    );
    grid.rows
        .extend(rows.iter().map(|r| r.iter().map(|c| text(c)).collect()));
    grid
}

#[test]
fn filled_questions_take_results_and_texts_and_leave_absent_columns_alone() {
    let grid = filled_sheet(&[
        ["1", "", "", "Chapter"],
        ["1.1", "minor-non-conform", "We have a policy.", "Q"],
        [
            "1.1.a",
            "conform",
            "ignored: requirement rows hold no result",
            "",
        ],
        ["1.2", "", "", "Q"],
        ["9.3", "NA", "", "Q"],
    ]);
    let filled = parse_filled_questions(&grid).unwrap();
    let ids: Vec<&str> = filled.iter().map(|f| f.question_id.as_str()).collect();
    assert_eq!(ids, ["1.1", "1.2", "9.3"]);
    assert_eq!(filled[0].row, 5);
    assert_eq!(
        filled[0].result,
        Some(Some(crate::results::QuestionResult::Minor))
    );
    assert_eq!(
        filled[0].implementation.as_deref(),
        Some("We have a policy.")
    );
    assert_eq!(
        filled[1].result,
        Some(None),
        "an empty result cell is read as empty"
    );
    assert_eq!(
        filled[0].reference_documentation, None,
        "a column the sheet lacks must not overwrite anything"
    );
}

#[test]
fn an_unknown_result_is_named_with_its_cell() {
    let grid = filled_sheet(&[["1.1", "passed", "", "Q"]]);
    let problem = parse_filled_questions(&grid).unwrap_err();
    assert_eq!(problem.row, Some(4));
    assert_eq!(problem.column, Some(("B".into(), "Findings/result".into())));
    let text = problem.message("filled.xlsx").render(Lang::English);
    assert!(
        text.contains("“passed”") && text.contains("row 4"),
        "{text}"
    );
}

#[test]
fn an_unknown_version_is_neither_older_nor_newer_than_a_known_one() {
    use std::cmp::Ordering::Greater;
    assert_eq!(compare_known_versions("1.1", "1.0"), Some(Greater));
    assert_eq!(compare_known_versions(UNKNOWN_VERSION, "1.1"), None);
    assert_eq!(compare_known_versions("1.1", UNKNOWN_VERSION), None);
    assert_eq!(compare_known_versions("draft", "1.1"), None);
    assert!(version_known("2") && !version_known("") && !version_known(UNKNOWN_VERSION));
}
