use super::*;
use crate::Db;
use csmsdesk_core::i18n::Lang;

fn db() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::create(
        &dir.path().join("workspace.sqlite"),
        "2026-11-25T10:00:00Z",
        "test",
    )
    .unwrap();
    (dir, db)
}

#[test]
fn a_new_workspace_has_an_empty_profile_that_follows_the_os_language() {
    let (_dir, db) = db();
    assert_eq!(load(db.conn()).unwrap(), CompanyProfile::default());
}

#[test]
fn a_saved_profile_loads_back_unchanged() {
    let (_dir, db) = db();
    let profile = CompanyProfile {
        company_name: "Muster Zulieferer GmbH".into(),
        participant_id: Some(TisaxId::parse("P1A2B3").unwrap()),
        enx_contact: "jane@example.com".into(),
        language: LanguagePreference::Fixed(Lang::German),
    };
    save(db.conn(), &profile).unwrap();
    assert_eq!(load(db.conn()).unwrap(), profile);
}

#[test]
fn a_hand_edited_participant_id_is_reported_not_trusted() {
    let (_dir, db) = db();
    db.conn()
        .execute(
            "UPDATE company_profile SET participant_id = 'not an id'",
            [],
        )
        .unwrap();
    let err = load(db.conn()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Corrupt {
                column: "participant_id",
                ..
            }
        ),
        "got {err:?}"
    );
}
