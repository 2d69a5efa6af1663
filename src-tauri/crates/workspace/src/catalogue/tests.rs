use super::*;
use crate::test_support::today;
use chrono::TimeZone as _;
use csmsdesk_core::catalogue::ProblemKind;
use csmsdesk_core::i18n::Lang;
use csmsdesk_workbook::WorkbookError;
use csmsdesk_workbook::fixtures::{
    RawCell, demo_raw_rows, demo_version_1_0, password_protected, raw_xlsx, zip_bomb,
};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap()
}

struct Setup {
    root: tempfile::TempDir,
    ws: Workspace,
}

fn setup() -> Setup {
    let root = tempfile::tempdir().unwrap();
    let ws = Workspace::create(&root.path().join("ws"), now()).unwrap();
    Setup { root, ws }
}

impl Setup {
    fn file(&self, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = self.root.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Imports `bytes` as `name`, expects a refusal, and checks that nothing was stored.
    fn refused(&mut self, name: &str, bytes: &[u8]) -> Error {
        let path = self.file(name, bytes);
        let err = self.ws.import_catalogue(&path, now()).unwrap_err();
        assert!(
            self.ws.catalogues().unwrap().is_empty(),
            "a failed import stores nothing"
        );
        let text = err.message().render(Lang::English);
        assert!(text.contains(name), "the message names the file: {text}");
        err
    }
}

fn sheet_problem(err: &Error) -> &csmsdesk_core::catalogue::CatalogueProblem {
    match err {
        Error::CatalogueSheet { problem, .. } => problem,
        other => panic!("expected a catalogue sheet problem, got {other:?}"),
    }
}

fn with_rows(edit: impl FnOnce(&mut Vec<Vec<RawCell>>)) -> Vec<u8> {
    let mut rows = demo_raw_rows();
    edit(&mut rows);
    raw_xlsx(&[("Vehicle CyberSecurity", rows)])
}

#[test]
fn the_demo_catalogue_imports_with_its_counts_and_version() {
    let mut s = setup();
    let outcome = s.ws.import_demo_catalogue(now()).unwrap();
    let c = &outcome.catalogue;
    assert_eq!(
        (c.version.as_str(), c.name.as_str()),
        ("1.1", "CSMS Desk demo catalogue")
    );
    assert_eq!(
        (
            c.counts.chapters,
            c.counts.control_questions,
            c.counts.requirements,
            c.counts.must,
            c.counts.should
        ),
        (9, 24, 76, 71, 32)
    );
    assert_eq!(c.source_sha256.len(), 64);
    assert_eq!(outcome.notes.len(), 1, "the repeated 3.1.i is reported");
}

#[test]
fn importing_the_same_file_again_changes_nothing_and_says_so() {
    let mut s = setup();
    let first = s.ws.import_demo_catalogue(now()).unwrap();
    let again = s.ws.import_demo_catalogue(now()).unwrap();
    assert!(again.already_imported);
    assert_eq!(again.catalogue.id, first.catalogue.id);
    assert_eq!(s.ws.catalogues().unwrap().len(), 1);
}

#[test]
fn a_file_imports_from_disk_and_keeps_its_name() {
    let mut s = setup();
    let path = s.file(
        "ENX_VCSA_1_1_EN.xlsx",
        &csmsdesk_workbook::demo::workbook().unwrap(),
    );
    let outcome = s.ws.import_catalogue(&path, now()).unwrap();
    assert_eq!(outcome.catalogue.source_file, "ENX_VCSA_1_1_EN.xlsx");
    let (_, tree) = s.ws.catalogue(None).unwrap();
    assert_eq!(tree.chapters.len(), 9);
}

#[test]
fn a_newer_version_supersedes_the_older_and_reports_what_moved() {
    let mut s = setup();
    let old_path = s.file("demo_1_0.xlsx", &demo_version_1_0());
    let old = s.ws.import_catalogue(&old_path, now()).unwrap();
    assert_eq!(old.catalogue.version, "1.0");
    let (_, old_tree) = s.ws.catalogue(Some(old.catalogue.id)).unwrap();
    assert!(
        old_tree
            .chapters
            .iter()
            .flat_map(|c| &c.questions)
            .any(|q| q.id == "7.1")
    );

    let new = s.ws.import_demo_catalogue(now()).unwrap();
    let change = new
        .version_change
        .expect("1.1 over 1.0 is a version change");
    assert_eq!(change.from.id, old.catalogue.id);
    assert!(change.table_known);
    assert!(
        change
            .changes
            .moved
            .contains(&("7.1.a".into(), "9.1.a".into())),
        "{:?}",
        change.changes.moved
    );
    assert!(change.changes.moved.contains(&("9.1".into(), "8.1".into())));
    assert!(
        change.changes.added.is_empty() && change.changes.removed.is_empty(),
        "{change:?}"
    );
    let listed = s.ws.catalogues().unwrap();
    assert_eq!(
        listed[0].superseded_by,
        Some(new.catalogue.id),
        "the old version stays, for history"
    );
    assert_eq!(
        s.ws.catalogue(None).unwrap().0.id,
        new.catalogue.id,
        "the new version is current"
    );
}

#[test]
fn search_finds_a_work_product_by_its_id() {
    let mut s = setup();
    let id = s.ws.import_demo_catalogue(now()).unwrap().catalogue.id;
    let hits = s.ws.search_catalogue(id, " WP-09-02 ").unwrap();
    assert!(!hits.is_empty());
}

#[test]
fn a_missing_file_is_named() {
    let mut s = setup();
    let err =
        s.ws.import_catalogue(&s.root.path().join("nowhere.xlsx"), now())
            .unwrap_err();
    assert!(matches!(err, Error::FileUnreadable { .. }), "got {err:?}");
}

#[test]
fn an_oversized_file_is_refused_unread() {
    let mut s = setup();
    let path = s.root.path().join("huge.xlsx");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(MAX_WORKBOOK_BYTES + 1)
        .unwrap();
    let err = s.ws.import_catalogue(&path, now()).unwrap_err();
    assert!(matches!(err, Error::FileTooLarge { .. }), "got {err:?}");
}

#[test]
fn not_a_spreadsheet_is_refused() {
    let err = setup().refused("notes.xlsx", b"VCS;Control question\n");
    assert!(matches!(
        err,
        Error::Workbook {
            source: WorkbookError::NotASpreadsheet,
            ..
        }
    ));
}

#[test]
fn a_password_protected_workbook_is_refused() {
    let err = setup().refused("locked.xlsx", &password_protected());
    assert!(matches!(
        err,
        Error::Workbook {
            source: WorkbookError::PasswordProtected,
            ..
        }
    ));
}

#[test]
fn a_truncated_file_is_refused() {
    let bytes = csmsdesk_workbook::demo::workbook().unwrap();
    let err = setup().refused("cut.xlsx", &bytes[..bytes.len() * 2 / 3]);
    assert!(
        matches!(
            err,
            Error::Workbook {
                source: WorkbookError::Damaged(_),
                ..
            }
        ),
        "got {err:?}"
    );
}

#[test]
fn a_workbook_without_a_catalogue_sheet_is_refused() {
    let bytes = raw_xlsx(&[("Budget", vec![vec![RawCell::Text("x".into())]])]);
    let err = setup().refused("budget.xlsx", &bytes);
    assert!(
        err.message().render(Lang::English).contains("Budget"),
        "lists the sheets it has"
    );
}

#[test]
fn a_missing_required_header_is_named() {
    let err = setup().refused(
        "cols.xlsx",
        &with_rows(|rows| rows[2][12] = RawCell::Text("Shoulds".into())),
    );
    assert_eq!(
        sheet_problem(&err).kind,
        ProblemKind::MissingHeader {
            header: "Requirements (should)"
        }
    );
    let text = err.message().render(Lang::English);
    assert!(
        text.contains("row 3") && text.contains("Requirements (should)"),
        "{text}"
    );
}

#[test]
fn a_question_row_before_any_chapter_row_is_refused() {
    // Drop the chapter 1 row (row 4), so question 1.1 comes first.
    let err = setup().refused("order.xlsx", &with_rows(|rows| drop(rows.remove(3))));
    let problem = sheet_problem(&err);
    assert_eq!(
        problem.kind,
        ProblemKind::QuestionOutsideChapter {
            question: "1.1".into(),
            chapter: "1".into()
        }
    );
    assert_eq!(problem.row, Some(4));
}

#[test]
fn a_requirement_before_any_question_is_refused() {
    let err = setup().refused("req.xlsx", &with_rows(|rows| drop(rows.remove(4))));
    assert!(matches!(
        sheet_problem(&err).kind,
        ProblemKind::RequirementOutsideQuestion { .. }
    ));
}

#[test]
fn a_duplicate_control_question_is_refused() {
    let err = setup().refused(
        "dup.xlsx",
        &with_rows(|rows| {
            let question = rows[4].clone();
            rows.insert(6, question);
        }),
    );
    assert!(matches!(
        sheet_problem(&err).kind,
        ProblemKind::DuplicateQuestion { first_row: 5, .. }
    ));
}

#[test]
fn an_error_value_in_a_cell_is_refused_with_its_place() {
    let err = setup().refused(
        "err.xlsx",
        &with_rows(|rows| rows[6][10] = RawCell::Error("#VALUE!")),
    );
    let text = err.message().render(Lang::English);
    assert!(
        text.contains("row 7") && text.contains("column K") && text.contains("#VALUE!"),
        "{text}"
    );
}

#[test]
fn a_hundred_thousand_rows_are_refused() {
    let err = setup().refused(
        "long.xlsx",
        &with_rows(|rows| rows.extend((0..100_000).map(|i| vec![RawCell::Text(format!("{i}"))]))),
    );
    assert!(matches!(
        sheet_problem(&err).kind,
        ProblemKind::TooManyRows { .. }
    ));
}

#[test]
fn a_one_megabyte_cell_is_refused() {
    let err = setup().refused(
        "big.xlsx",
        &with_rows(|rows| rows[5][10] = RawCell::Text("y".repeat(1 << 20))),
    );
    assert!(matches!(
        sheet_problem(&err).kind,
        ProblemKind::CellTooLong { .. }
    ));
}

#[test]
fn a_zip_bomb_is_refused() {
    let err = setup().refused("bomb.xlsx", &zip_bomb());
    assert!(matches!(
        err,
        Error::Workbook {
            source: WorkbookError::TooLarge { .. },
            ..
        }
    ));
}

#[test]
fn a_workbook_of_unknown_version_never_replaces_the_current_catalogue_unasked() {
    let mut s = setup();
    let current = s.ws.import_demo_catalogue(now()).unwrap().catalogue;
    assert_eq!(current.version, "1.1");
    s.ws.add_location(&crate::LocationInput {
        name: "Plant Nord".into(),
        cs_activities: true,
        ..crate::LocationInput::default()
    })
    .unwrap();
    s.ws.add_scope(
        &crate::ScopeInput {
            name: "ECU".into(),
            locations: vec![crate::test_support::location_id(&s.ws, "Plant Nord")],
            objectives: vec!["development".into()],
            ..crate::ScopeInput::default()
        },
        today(),
    )
    .unwrap();
    // The same catalogue without its history sheet, under a name that tells no version.
    let path = s.file("catalogue.xlsx", &with_rows(|_| {}));
    let err = s.ws.import_catalogue(&path, now()).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::NeedsConfirmation);
    let text = err.message().render(Lang::English);
    assert!(
        text.contains("catalogue.xlsx") && text.contains("1.1") && text.contains("1 scope"),
        "the refusal says what would be replaced and moved: {text}"
    );
    assert_eq!(s.ws.catalogues().unwrap().len(), 1, "nothing was stored");
    assert_eq!(s.ws.catalogue(None).unwrap().0.id, current.id);

    let confirmed = s.ws.import_catalogue_replacing(&path, now(), true).unwrap();
    assert_eq!(confirmed.catalogue.version, UNKNOWN_VERSION);
    assert_eq!(
        confirmed.version_change.map(|c| c.scopes_moved),
        Some(1),
        "confirmed, it replaces the current catalogue and moves the scope"
    );
    assert_eq!(s.ws.catalogue(None).unwrap().0.id, confirmed.catalogue.id);

    // Now a numbered version meets a current catalogue of unknown version: asked again.
    let numbered = s.file("demo_1_0.xlsx", &demo_version_1_0());
    let err = s.ws.import_catalogue(&numbered, now()).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::NeedsConfirmation);
    assert!(
        err.message()
            .render(Lang::English)
            .contains("the version of the current catalogue cannot be read")
    );
}

#[test]
fn an_xlsx_is_kept_as_imported_the_demo_is_not_and_a_second_import_keeps_an_older_one() {
    let mut s = setup();
    let demo = s.ws.import_demo_catalogue(now()).unwrap();
    assert_eq!(
        demo.catalogue.original_sha256, None,
        "the demo is ours, not a licensed copy"
    );
    // The same file imported before originals were kept (here: without keeping it).
    let bytes = csmsdesk_workbook::fixtures::rich_catalogue();
    let first =
        s.ws.import_catalogue_bytes(&bytes, "own.xlsx", now(), false, false)
            .unwrap();
    assert_eq!(first.catalogue.original_sha256, None);
    let journal_before = s.ws.journal_entries().unwrap().len();
    let again =
        s.ws.import_catalogue(&s.file("own.xlsx", &bytes), now())
            .unwrap();
    assert!(again.already_imported);
    let sha256 = again.catalogue.original_sha256.expect("kept now");
    assert_eq!(sha256, first.catalogue.source_sha256);
    assert!(std::fs::read(s.ws.vault().unwrap().blob_path(&sha256)).unwrap() == bytes);
    let entries = s.ws.journal_entries().unwrap();
    assert_eq!(entries.len(), journal_before + 1, "one journalled change");
    let last = entries.last().unwrap();
    assert_eq!(
        (last.table.as_str(), last.op.as_str()),
        ("catalogue", "update")
    );
    assert_eq!(
        s.ws.catalogue(Some(first.catalogue.id))
            .unwrap()
            .0
            .original_sha256,
        Some(sha256)
    );
    // An .ods or .xls cannot be filled in place: not kept, its package is generated.
    for (name, bytes) in [
        (
            "copy.ods",
            csmsdesk_workbook::fixtures::raw_ods(&[("Vehicle CyberSecurity", demo_raw_rows())]),
        ),
        (
            "copy.xls",
            csmsdesk_workbook::fixtures::raw_xls("Vehicle CyberSecurity", &demo_raw_rows()),
        ),
    ] {
        // No history sheet, so no version: imported beside the others when confirmed.
        let other =
            s.ws.import_catalogue_replacing(&s.file(name, &bytes), now(), true)
                .unwrap();
        assert!(!other.already_imported, "{name}");
        assert_eq!(other.catalogue.original_sha256, None, "{name}");
    }
}
