//! What a user reads when a workspace on PostgreSQL cannot be used: each store error's code
//! and its text in English and German, naming where and what to check, never a password.

use csmsdesk_core::i18n::Lang;
use csmsdesk_store::Error as StoreError;

use super::{Error, ErrorCode};

/// The message of `e` in both languages, each checked to hold every one of `parts`.
fn says(e: StoreError, code: ErrorCode, parts: &[&str]) -> [String; 2] {
    let e = Error::Store(e);
    assert_eq!(e.code(), code, "{e}");
    let texts = [Lang::English, Lang::German].map(|lang| e.message().render(lang));
    for text in &texts {
        for part in parts {
            assert!(text.contains(part), "{part:?} missing in: {text}");
        }
        assert!(!text.contains("{"), "an argument left unfilled: {text}");
    }
    texts
}

#[test]
fn an_unreachable_server_names_host_port_and_what_to_check() {
    let [en, de] = says(
        StoreError::PgUnreachable {
            host: "db.example.com".into(),
            port: 5433,
            reason: "Connection refused".into(),
        },
        ErrorCode::WorkspaceMissing,
        &["db.example.com", "5433", "Connection refused", "PGHOST"],
    );
    assert!(
        en.contains("firewall") && de.contains("Firewall"),
        "{en}\n{de}"
    );
}

#[test]
fn refused_credentials_name_user_database_and_the_servers_reason() {
    let [en, de] = says(
        StoreError::PgCredentials {
            host: "db.example.com".into(),
            port: 5432,
            user: "auditor".into(),
            database: "acme_csms".into(),
            reason: "password authentication failed for user \"auditor\"".into(),
        },
        ErrorCode::InvalidInput,
        &[
            "auditor",
            "acme_csms",
            "password authentication failed",
            "pg_hba.conf",
        ],
    );
    assert!(
        en.contains("refused user") && de.contains("abgewiesen"),
        "{en}\n{de}"
    );
}

#[test]
fn a_missing_password_says_where_to_put_it() {
    says(
        StoreError::PgPasswordNeeded {
            host: "db.example.com".into(),
            port: 5432,
            user: "auditor".into(),
            database: "acme_csms".into(),
        },
        ErrorCode::InvalidInput,
        &[
            "auditor",
            "acme_csms",
            "PGPASSWORD",
            "~/.pgpass",
            "pgpass.conf",
            "pg_service.conf",
        ],
    );
}

#[test]
fn a_tls_failure_gives_the_reason_and_names_sslmode() {
    says(
        StoreError::PgTls {
            host: "db.example.com".into(),
            port: 5432,
            reason: "the server offers no TLS".into(),
        },
        ErrorCode::InvalidInput,
        &[
            "db.example.com",
            "the server offers no TLS",
            "sslmode",
            "sslrootcert",
            "verify-full",
        ],
    );
}

#[test]
fn a_missing_database_says_how_to_create_it() {
    says(
        StoreError::PgNoDatabase {
            host: "db.example.com".into(),
            port: 5432,
            database: "acme_csms".into(),
        },
        ErrorCode::WorkspaceMissing,
        &["acme_csms", "createdb acme_csms", "CREATE DATABASE"],
    );
    says(
        StoreError::PgNoWorkspace {
            database: "acme_csms".into(),
        },
        ErrorCode::WorkspaceMissing,
        &["acme_csms", "csmsdesk-cli init --workspace"],
    );
}

#[test]
fn a_foreign_database_names_what_was_found_and_a_newer_schema_its_versions() {
    says(
        StoreError::PgForeignDatabase {
            database: "erp".into(),
            found: vec!["public.invoices".into(), "billing (schema)".into()],
        },
        ErrorCode::WorkspaceUnusable,
        &["erp", "public.invoices, billing (schema)"],
    );
    says(
        StoreError::PgNewerSchema {
            database: "acme_csms".into(),
            found: 12,
            supported: 9,
        },
        ErrorCode::WorkspaceUnusable,
        &["acme_csms", "12", "9"],
    );
    says(
        StoreError::PgAlreadyAWorkspace {
            database: "acme_csms".into(),
        },
        ErrorCode::InvalidInput,
        &["acme_csms"],
    );
}

#[test]
fn what_is_not_ported_yet_says_so_instead_of_failing_inside() {
    says(
        StoreError::PgNotYet {
            operation: "audit".into(),
            at: "audit.rs:130".into(),
        },
        ErrorCode::InvalidInput,
        &["PostgreSQL", "audit"],
    );
}

#[test]
fn what_a_member_may_not_do_says_who_may_and_a_folder_has_no_members() {
    for action in ["set_up", "add", "remove"] {
        says(
            StoreError::PgNotAllowed {
                action,
                reason: "permission denied to create role".into(),
            },
            ErrorCode::ReadOnly,
            &["CREATEROLE", "permission denied to create role"],
        );
    }
    says(
        StoreError::PgOwnerMustUpdate {
            database: "acme_csms".into(),
            owner: "csms_owner".into(),
            found: 12,
            supported: 13,
        },
        ErrorCode::WorkspaceUnusable,
        &["acme_csms", "csms_owner", "12", "13"],
    );
    says(
        StoreError::MembersOnServerOnly,
        ErrorCode::InvalidInput,
        &["PostgreSQL"],
    );
}

#[test]
fn no_message_shows_a_password_even_one_inside_a_url() {
    let url = csmsdesk_store::pg::PgUrl::parse("postgresql://auditor:s3cret@db/acme").unwrap();
    let location = csmsdesk_store::pg::Location::Postgres(url);
    assert_eq!(location.to_string(), "postgresql://auditor:***@db/acme");
    // A setting that cannot be read names the setting, never the password beside it.
    let err =
        csmsdesk_store::pg::PgUrl::parse("postgresql://auditor:s3cret@db/acme?sslmode=sometimes")
            .and_then(|url| csmsdesk_store::pg::PgConfig::resolve_with(&url, &|_| None))
            .unwrap_err();
    let err = Error::Store(err);
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    for lang in [Lang::English, Lang::German] {
        let text = err.message().render(lang);
        assert!(
            text.contains("sslmode") && !text.contains("s3cret"),
            "{text}"
        );
    }
}
