use super::*;
use crate::sql::twin::{on_postgresql, on_sqlite};
use csmsdesk_core::i18n::Lang;

fn a_new_workspace_has_an_empty_profile_that_follows_the_os_language(conn: &dyn Sql) {
    assert_eq!(load(conn).unwrap(), CompanyProfile::default());
}

fn a_saved_profile_loads_back_unchanged(conn: &dyn Sql) {
    let profile = CompanyProfile {
        company_name: "Muster Zulieferer GmbH".into(),
        participant_id: Some(TisaxId::parse("P1A2B3").unwrap()),
        enx_contact: "jane@example.com".into(),
        language: LanguagePreference::Fixed(Lang::German),
    };
    save(conn, &profile).unwrap();
    assert_eq!(load(conn).unwrap(), profile);
    // And back to no participant id and the OS's language.
    let cleared = CompanyProfile {
        participant_id: None,
        language: LanguagePreference::default(),
        ..profile
    };
    save(conn, &cleared).unwrap();
    assert_eq!(load(conn).unwrap(), cleared);
}

fn a_hand_edited_participant_id_is_reported_not_trusted(conn: &dyn Sql) {
    conn.execute(
        "UPDATE company_profile SET participant_id = 'not an id'",
        params![],
    )
    .unwrap();
    let err = load(conn).unwrap_err();
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

fn profile_checks(conn: &dyn Sql) {
    a_new_workspace_has_an_empty_profile_that_follows_the_os_language(conn);
    a_saved_profile_loads_back_unchanged(conn);
    a_hand_edited_participant_id_is_reported_not_trusted(conn);
}

#[test]
fn company_profile_on_sqlite() {
    on_sqlite(profile_checks);
}

#[test]
fn company_profile_on_postgresql() {
    on_postgresql(profile_checks);
}
