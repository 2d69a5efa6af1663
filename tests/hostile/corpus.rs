// The hostile-input corpus: one table of bad inputs across every capability, each with the
// error a user gets. Two runners read it (`include!`): the CLI's (`src-tauri/crates/cli/tests/
// hostile.rs`, every `Via::Cli` case, as a process) and the end-to-end suite's
// (`tests/e2e/hostile.rs`, every `Via::Ipc` case, sent straight to the app's commands through
// the real webview's IPC). Both check, for every case: the expected error code and message,
// no panic, and a workspace dump (Python's sqlite3 `iterdump` plus the vault's files) that is
// the same before and after.
//
// In arguments, `{file}` is the path of the case's input (made by the runner from `input`),
// `{out}` a path in an empty scratch folder that must stay empty, `{dir}` that folder, `{ws}`
// the workspace under test (whose dump must not change).
//
// The CLI runner runs its cases on a workspace in PostgreSQL too (with `CSMSDESK_TEST_PG`,
// judged by a dump made with `psql`), but for those `FOLDER_ONLY` names with the reason.
//
// The CLI runner also measures every case's peak memory (GNU time's maximum resident set
// size) and fails any case above `MAX_PEAK_MIB`: a bomb is refused in bounded memory.

/// The most memory any CLI case may take, however hostile its input.
#[allow(dead_code)]
pub const MAX_PEAK_MIB: u64 = 256;

/// How a case reaches CSMS Desk.
#[allow(dead_code)]
#[derive(Debug)]
pub enum Via {
    /// `csmsdesk-cli --json --workspace W ARGS...`
    Cli(&'static [&'static str]),
    /// `invoke(command, args)` from the webview; `args` is JSON.
    Ipc(&'static str, &'static str),
}

/// The input file a case needs, made fresh for each case.
#[allow(dead_code)]
#[derive(Debug)]
pub enum Input {
    None,
    /// These bytes in a file named `name`.
    Bytes(&'static str, &'static [u8]),
    /// A file built by the runner: see `fixture` in the runners.
    Fixture(&'static str, &'static str),
    /// A folder.
    Folder,
    /// A named pipe (opening it for reading would wait for a writer forever).
    Fifo,
    /// A path where nothing is.
    Missing,
    /// A folder whose only entry is a link to itself.
    LinkLoop,
    /// A link named `.0` in the scratch folder to `.1` inside the workspace under test.
    LinkIntoWorkspace(&'static str, &'static str),
    /// A folder whose only entry is a link to a file outside it (a secret elsewhere).
    FolderLinkingOut,
}

/// What the user gets.
#[allow(dead_code)]
#[derive(Debug)]
pub struct Expect {
    /// The exit code of the CLI (1 refused, 2 usage); IPC cases use 1.
    pub exit: i32,
    /// The error `code` (`invalid_input`, `read_only`, ...); `usage` for argument errors the
    /// parser refuses (CLI: exit 2; IPC: Tauri's own argument check); `report` for a check that
    /// ran and lists problems (`ok: false`).
    pub code: &'static str,
    /// A part of the English message (or of one listed problem).
    pub message: &'static str,
}

#[derive(Debug)]
pub struct Case {
    pub name: &'static str,
    pub via: Via,
    pub input: Input,
    pub expect: Expect,
}

/// The CLI cases that only make sense for a workspace in a folder, each with the reason: the
/// CLI runner skips them for a workspace in PostgreSQL (`…_on_postgresql`), printing both.
#[allow(dead_code)]
pub const FOLDER_ONLY: &[(&str, &str)] = &[
    (
        "output: a package onto the workspace's own database",
        "a database on a server has no file an output could overwrite",
    ),
    (
        "output: a backup onto the workspace lock",
        "a workspace on a server has no lock file (transactions keep writes safe)",
    ),
    (
        "output: a backup into the vault",
        "the vault of a workspace on a server is tables, not a folder",
    ),
    (
        "output: a calendar onto the workspace's own database",
        "a database on a server has no file an output could overwrite",
    ),
    (
        "output: a package through a link that leads to the database",
        "a database on a server has no file a link could lead to",
    ),
];

const fn refused(message: &'static str) -> Expect {
    Expect {
        exit: 1,
        code: "invalid_input",
        message,
    }
}

const fn usage(message: &'static str) -> Expect {
    Expect {
        exit: 2,
        code: "usage",
        message,
    }
}

const fn report(message: &'static str) -> Expect {
    Expect {
        exit: 1,
        code: "report",
        message,
    }
}

pub const CASES: &[Case] = &[
    // ---- Catalogue workbooks -------------------------------------------------------------
    Case {
        name: "workbook: an empty file",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Bytes("empty.xlsx", b""),
        expect: refused("is not a spreadsheet CSMS Desk can read"),
    },
    Case {
        name: "workbook: text with an .xlsx name",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Bytes(
            "catalogue.xlsx",
            b"ID;Question;Requirement\n1.1;Is there a policy?;yes\n",
        ),
        expect: refused("is not a spreadsheet CSMS Desk can read"),
    },
    Case {
        name: "workbook: cut off halfway (a stopped download)",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Fixture("truncated.xlsx", "demo_truncated"),
        expect: refused("is damaged or incomplete"),
    },
    Case {
        name: "workbook: a zip bomb",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Fixture("bomb.xlsx", "zip_bomb"),
        expect: refused("would unpack to more than"),
    },
    Case {
        name: "workbook: encrypted with a password",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Fixture("secret.xlsx", "password_protected"),
        expect: refused("is protected with a password"),
    },
    Case {
        name: "workbook: a spreadsheet without the catalogue sheet",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Fixture("budget.xlsx", "other_sheet"),
        expect: refused("has no sheet"),
    },
    Case {
        name: "workbook: an error value in a requirement cell",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Fixture("errors.xlsx", "error_cell"),
        expect: refused("#VALUE!"),
    },
    Case {
        name: "workbook: a question row before any chapter row",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Fixture("order.xlsx", "no_chapter"),
        expect: refused("row 4"),
    },
    Case {
        name: "workbook: a cell of a million characters",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Fixture("huge-cell.xlsx", "huge_cell"),
        expect: refused("row 6"),
    },
    Case {
        name: "workbook: a folder instead of a file",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Folder,
        expect: refused("is a folder or a special file"),
    },
    Case {
        name: "workbook: a named pipe (must not wait forever)",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Fifo,
        expect: refused("is a folder or a special file"),
    },
    Case {
        name: "workbook: a file that does not exist",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Missing,
        expect: refused("Could not read"),
    },
    Case {
        name: "workbook: shared strings claiming four billion entries",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Fixture("strings.xlsx", "shared_strings_bomb"),
        expect: refused("declares 4000000000 “uniqueCount” entries in xl/sharedStrings.xml"),
    },
    Case {
        name: "workbook: one shared string referred to by thousands of cells",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Fixture("fanout.xlsx", "shared_string_fanout"),
        expect: refused("MiB of cell text"),
    },
    Case {
        name: "workbook: an .xls whose shared string fans out to thousands of cells",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Fixture("fanout.xls", "xls_shared_string_fanout"),
        expect: refused("MiB of cell text"),
    },
    Case {
        name: "workbook: a 1 KB .ods repeating rows and columns into billions of cells",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Fixture("repeat.ods", "ods_repeat_bomb"),
        expect: refused("MiB of cell text"),
    },
    Case {
        name: "workbook: a document type declaration with entities",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Fixture("entities.xlsx", "dtd_entity_xlsx"),
        expect: refused("contains constructs CSMS Desk refuses"),
    },
    Case {
        name: "filled workbook: shared strings claiming four billion entries",
        via: Via::Cli(&["assess", "--scope", "ECU", "--workbook", "{file}", "--apply"]),
        input: Input::Fixture("filled.xlsx", "shared_strings_bomb"),
        expect: refused("declares 4000000000 “uniqueCount” entries"),
    },
    Case {
        name: "provider workbook: a repeat-bomb .ods for an audit that exists",
        via: Via::Cli(&["audit", "import", "1", "{file}", "--apply"]),
        input: Input::Fixture("provider.ods", "ods_repeat_bomb"),
        expect: refused("MiB of cell text"),
    },
    Case {
        name: "filled workbook: garbage for the self-assessment import",
        via: Via::Cli(&[
            "assess",
            "--scope",
            "ECU",
            "--workbook",
            "{file}",
            "--apply",
        ]),
        input: Input::Bytes("filled.xlsx", b"PK\x03\x04garbage"),
        expect: refused("is damaged or incomplete"),
    },
    Case {
        name: "provider workbook: not a workbook, for an audit that does not exist",
        via: Via::Cli(&["audit", "import", "999", "{file}", "--apply"]),
        input: Input::Bytes("provider.xlsx", b"\x00\x01\x02"),
        expect: refused("999"),
    },
    // ---- Evidence files and names ---------------------------------------------------------
    Case {
        name: "evidence: a path that does not exist",
        via: Via::Cli(&["evidence", "add", "{file}"]),
        input: Input::Missing,
        expect: Expect {
            exit: 1,
            code: "report",
            message: "does not exist",
        },
    },
    Case {
        name: "evidence: a named pipe",
        via: Via::Cli(&["evidence", "add", "{file}"]),
        input: Input::Fifo,
        expect: report("not a regular file"),
    },
    Case {
        name: "evidence: a folder that only holds a link to itself",
        via: Via::Cli(&["evidence", "add", "{file}"]),
        input: Input::LinkLoop,
        expect: report("loop"),
    },
    Case {
        name: "evidence: an unknown classification",
        via: Via::Cli(&[
            "evidence",
            "add",
            "{file}",
            "--classification",
            "top-secret",
        ]),
        input: Input::Bytes("policy.pdf", b"%PDF-1.7 policy"),
        expect: refused("classification"),
    },
    Case {
        name: "evidence: an impossible review date",
        via: Via::Cli(&["evidence", "add", "{file}", "--review-due", "2026-02-30"]),
        input: Input::Bytes("policy.pdf", b"%PDF-1.7 policy"),
        expect: refused("review"),
    },
    Case {
        name: "cli: an evidence search of no items",
        via: Via::Cli(&["evidence", "search", "tara", "--limit", "0"]),
        input: Input::None,
        expect: refused("1 to 100"),
    },
    Case {
        name: "evidence: a link to a requirement the catalogue does not have",
        via: Via::Cli(&["evidence", "add", "{file}", "--link", "99.9.z"]),
        input: Input::Bytes("policy.pdf", b"%PDF-1.7 policy"),
        expect: refused("99.9.z"),
    },
    Case {
        name: "evidence: a work product type that does not exist",
        via: Via::Cli(&["evidence", "add", "{file}", "--type", "WP-99-99"]),
        input: Input::Bytes("policy.pdf", b"%PDF-1.7 policy"),
        expect: refused("WP-99-99"),
    },
    Case {
        name: "evidence: linking an item that does not exist",
        via: Via::Cli(&["evidence", "link", "4242", "1.1.a"]),
        input: Input::None,
        expect: refused("4242"),
    },
    // ---- Packages for verify ----------------------------------------------------------------
    Case {
        name: "verify: an empty file",
        via: Via::Cli(&["verify", "{file}"]),
        input: Input::Bytes("package.zip", b""),
        expect: report("is not a ZIP file"),
    },
    Case {
        name: "verify: a ZIP that is not a package",
        via: Via::Cli(&["verify", "{file}"]),
        input: Input::Fixture("other.zip", "plain_zip"),
        expect: report("is not a CSMS Desk package"),
    },
    Case {
        name: "verify: a package with one changed entry",
        via: Via::Cli(&["verify", "{file}"]),
        input: Input::Fixture("changed.zip", "package_changed"),
        expect: report("index.html does not match its SHA-256"),
    },
    Case {
        name: "verify: a package with an entry added",
        via: Via::Cli(&["verify", "{file}"]),
        input: Input::Fixture("added.zip", "package_added"),
        expect: report("extra.txt is in the package but not in SHA256SUMS"),
    },
    Case {
        name: "verify: a package with an entry taken out",
        via: Via::Cli(&["verify", "{file}"]),
        input: Input::Fixture("removed.zip", "package_removed"),
        expect: report("index.html is listed in SHA256SUMS but missing"),
    },
    Case {
        name: "verify: a package cut off halfway",
        via: Via::Cli(&["verify", "{file}"]),
        input: Input::Fixture("cut.zip", "package_truncated"),
        expect: report("is not a ZIP file"),
    },
    Case {
        name: "verify: a package with a path escaping upwards",
        via: Via::Cli(&["verify", "{file}"]),
        input: Input::Fixture("slip.zip", "package_slip"),
        expect: report("../escape.txt is in the package but not in SHA256SUMS"),
    },
    // Each of these is listed in a recomputed SHA256SUMS with its right hash: only the rules
    // on names, kinds and duplicates find them.
    Case {
        name: "verify: an entry ../../x, listed in SHA256SUMS",
        via: Via::Cli(&["verify", "{file}"]),
        input: Input::Fixture("parent.zip", "package_parent_listed"),
        expect: report("../../x is not a name CSMS Desk writes"),
    },
    Case {
        name: "verify: an absolute entry /etc/x, listed in SHA256SUMS",
        via: Via::Cli(&["verify", "{file}"]),
        input: Input::Fixture("absolute.zip", "package_absolute_listed"),
        expect: report("/etc/x is not a name CSMS Desk writes"),
    },
    Case {
        name: "verify: an entry C:\\x, listed in SHA256SUMS",
        via: Via::Cli(&["verify", "{file}"]),
        input: Input::Fixture("drive.zip", "package_drive_listed"),
        expect: report("C:\\x is not a name CSMS Desk writes"),
    },
    Case {
        name: "verify: an entry whose name holds a right-to-left override, listed",
        via: Via::Cli(&["verify", "{file}"]),
        input: Input::Fixture("bidi.zip", "package_bidi_listed"),
        expect: report("evidence/1.1/invoice\\u{202E}fdp.exe is not a name CSMS Desk writes"),
    },
    Case {
        name: "verify: a symbolic link entry, listed in SHA256SUMS",
        via: Via::Cli(&["verify", "{file}"]),
        input: Input::Fixture("link.zip", "package_symlink_listed"),
        expect: report("evidence/1.1/shortcut.pdf is a symbolic link"),
    },
    Case {
        name: "verify: an evil index.html before the real one",
        via: Via::Cli(&["verify", "{file}"]),
        input: Input::Fixture("twice.zip", "package_duplicate_index"),
        expect: report("index.html is in the package more than once"),
    },
    Case {
        name: "verify: a SHA256SUMS line for a file outside the package",
        via: Via::Cli(&["verify", "{file}"]),
        input: Input::Fixture("sums.zip", "package_sums_outside"),
        expect: report("SHA256SUMS lists ../../x, a name CSMS Desk never writes"),
    },
    // ---- Backups ------------------------------------------------------------------------------
    Case {
        name: "restore: a package given as a backup",
        via: Via::Cli(&["restore", "--check", "{file}"]),
        input: Input::Fixture("package.zip", "package"),
        expect: refused("is not a CSMS Desk backup"),
    },
    Case {
        name: "restore: a backup whose vault copy was changed",
        via: Via::Cli(&["restore", "--check", "{file}"]),
        input: Input::Fixture("changed.csmsbackup", "backup_changed"),
        expect: refused("does not match its SHA-256"),
    },
    Case {
        name: "restore: over a workspace that exists",
        via: Via::Cli(&["restore", "{file}"]),
        input: Input::Fixture("ws.csmsbackup", "backup"),
        // A folder's words ("<path> already holds a workspace.") and a database's ("The
        // database <name> already holds a CSMS Desk workspace.") share this.
        expect: refused("already holds a"),
    },
    // Each of these has a SHA256SUMS recomputed for what was changed: only the restore's
    // checks of the database (its schema) and of the vault against it find them.
    Case {
        name: "restore: a backup whose database gained a trigger that empties the links",
        via: Via::Cli(&["restore", "--check", "{file}"]),
        input: Input::Fixture("trigger.csmsbackup", "backup_extra_trigger"),
        expect: refused("trigger 'wipe_links' that CSMS Desk does not make"),
    },
    Case {
        name: "restore: a backup whose database silently drops journal entries",
        via: Via::Cli(&["restore", "--check", "{file}"]),
        input: Input::Fixture("quiet.csmsbackup", "backup_quiet_journal"),
        expect: refused("trigger 'quiet_journal' that CSMS Desk does not make"),
    },
    Case {
        name: "restore: a backup whose database lost a journal trigger",
        via: Via::Cli(&["restore", "--check", "{file}"]),
        input: Input::Fixture("dropped.csmsbackup", "backup_dropped_trigger"),
        expect: refused("lacks the trigger 'journal_evidence_link_delete'"),
    },
    Case {
        name: "restore: a backup holding another program's database of user_version 3",
        via: Via::Cli(&["restore", "--check", "{file}"]),
        input: Input::Fixture("foreign.csmsbackup", "backup_foreign_database"),
        expect: refused("holds a database of another program"),
    },
    Case {
        name: "restore: a backup with a vault entry of zeros that nothing refers to",
        via: Via::Cli(&["restore", "--check", "{file}"]),
        input: Input::Fixture("unreferenced.csmsbackup", "backup_unreferenced"),
        expect: refused("which its database does not refer to"),
    },
    Case {
        name: "restore: a backup whose vault content is larger than its database records",
        via: Via::Cli(&["restore", "--check", "{file}"]),
        input: Input::Fixture("padded.csmsbackup", "backup_padded"),
        expect: refused("as 16777216 bytes, but its database records 10 bytes"),
    },
    // ---- Outputs, links, catalogue versions and dates ----------------------------------------
    Case {
        name: "output: a package onto the workspace's own database",
        via: Via::Cli(&["export", "--scope", "ECU", "--out", "{ws}/workspace.sqlite"]),
        input: Input::None,
        expect: refused("is inside the workspace folder"),
    },
    Case {
        name: "output: a backup onto the workspace lock",
        via: Via::Cli(&["backup", "--out", "{ws}/workspace.lock"]),
        input: Input::None,
        expect: refused("is inside the workspace folder"),
    },
    Case {
        name: "output: a backup into the vault",
        via: Via::Cli(&["backup", "--out", "{ws}/vault/b.csmsbackup"]),
        input: Input::None,
        expect: refused("is inside the workspace folder"),
    },
    Case {
        name: "output: a calendar onto the workspace's own database",
        via: Via::Cli(&["deadlines", "--ics", "{ws}/workspace.sqlite"]),
        input: Input::None,
        expect: refused("is inside the workspace folder"),
    },
    Case {
        name: "output: a package through a link that leads to the database",
        via: Via::Cli(&["export", "--scope", "ECU", "--out", "{file}"]),
        input: Input::LinkIntoWorkspace("innocent.zip", "workspace.sqlite"),
        expect: refused("is inside the workspace folder"),
    },
    Case {
        name: "evidence: a folder whose link leads out of it",
        via: Via::Cli(&["evidence", "add", "{file}"]),
        input: Input::FolderLinkingOut,
        expect: report("outside the folder"),
    },
    Case {
        name: "catalogue: a workbook whose version cannot be read, over the current catalogue",
        via: Via::Cli(&["catalogue", "import", "{file}"]),
        input: Input::Fixture("catalogue.xlsx", "no_history"),
        expect: Expect {
            exit: 1,
            code: "needs_confirmation",
            message: "would replace version 1.1 as the current catalogue and move 1 scope to it",
        },
    },
    Case {
        name: "date: --today in the year 9999",
        via: Via::Cli(&["status", "--scope", "ECU", "--today", "9999-12-31"]),
        input: Input::None,
        expect: usage("outside the dates CSMS Desk accepts (1900 to 2200)"),
    },
    Case {
        name: "date: --today before year 1",
        via: Via::Cli(&["status", "--scope", "ECU", "--today=-0001-01-01"]),
        input: Input::None,
        expect: usage("outside the dates CSMS Desk accepts"),
    },
    Case {
        name: "date: a closing meeting on 9999-12-31",
        via: Via::Cli(&[
            "audit",
            "add",
            "--scope",
            "ECU",
            "--type",
            "initial",
            "--closing-meeting",
            "9999-12-31",
        ]),
        input: Input::None,
        expect: refused("9999-12-31 is outside the dates CSMS Desk accepts"),
    },
    Case {
        name: "date: a package generated in the year 9999",
        via: Via::Cli(&[
            "export",
            "--scope",
            "ECU",
            "--out",
            "{out}",
            "--generated-at",
            "9999-12-31T00:00:00Z",
        ]),
        input: Input::None,
        expect: refused("9999-12-31T00:00:00Z is outside the dates"),
    },
    Case {
        name: "date: a review date in year 0",
        via: Via::Cli(&["evidence", "add", "{file}", "--review-due", "0000-01-01"]),
        input: Input::Bytes("policy-v2.pdf", b"a new policy"),
        expect: refused("0000-01-01 is outside the dates"),
    },
    // ---- CLI arguments --------------------------------------------------------------------
    Case {
        name: "cli: an unknown package level",
        via: Via::Cli(&["export", "--scope", "ECU", "--out", "{out}", "--level", "Z"]),
        input: Input::None,
        expect: refused("Z"),
    },
    Case {
        name: "cli: a generation time that is not RFC 3339",
        via: Via::Cli(&[
            "export",
            "--scope",
            "ECU",
            "--out",
            "{out}",
            "--generated-at",
            "yesterday",
        ]),
        input: Input::None,
        expect: refused("yesterday"),
    },
    Case {
        name: "cli: an export into a folder that does not exist",
        via: Via::Cli(&["export", "--scope", "ECU", "--out", "{dir}/missing/p.zip"]),
        input: Input::None,
        expect: refused("missing"),
    },
    Case {
        name: "cli: a date that does not exist",
        via: Via::Cli(&["--today", "2026-13-01", "labels"]),
        input: Input::None,
        expect: usage("2026-13-01"),
    },
    Case {
        name: "cli: an empty location name",
        via: Via::Cli(&["location", "add", ""]),
        input: Input::None,
        expect: refused("name"),
    },
    Case {
        name: "cli: a self-assessment result that does not exist",
        via: Via::Cli(&["assess", "--scope", "ECU", "1.1", "perfect"]),
        input: Input::None,
        expect: refused("perfect"),
    },
    Case {
        name: "cli: a scope that does not exist",
        via: Via::Cli(&["status", "--scope", "Nowhere"]),
        input: Input::None,
        expect: refused("Nowhere"),
    },
    Case {
        name: "cli: a result for an audit that does not exist",
        via: Via::Cli(&["audit", "result", "999", "1.1", "conform"]),
        input: Input::None,
        expect: refused("999"),
    },
    Case {
        name: "cli: a label period beyond reason",
        via: Via::Cli(&["rules", "set", "--rule", "labels.permanent_months=99999"]),
        input: Input::None,
        expect: refused("99999"),
    },
    Case {
        name: "cli: a rule that does not exist",
        via: Via::Cli(&["rules", "set", "--rule", "labels.forever=1"]),
        input: Input::None,
        expect: refused("labels.forever"),
    },
    Case {
        name: "cli: a sharing level that does not exist",
        via: Via::Cli(&[
            "share",
            "add",
            "--scope",
            "ECU",
            "--partner",
            "OEM",
            "--participant-id",
            "PAR123",
            "--level",
            "everything",
            "--date",
            "2026-11-25",
        ]),
        input: Input::None,
        expect: refused("everything"),
    },
    Case {
        name: "cli: a TISAX label without an expiry date",
        via: Via::Cli(&["location", "add", "Plant Süd", "--tisax-label", "data:2:"]),
        input: Input::None,
        expect: refused("has no expiry date"),
    },
    Case {
        name: "cli: a TISAX label with a level it cannot have",
        via: Via::Cli(&[
            "location",
            "edit",
            "Plant Nord",
            "--add-label",
            "strictly-confidential:1:2030-01-31",
        ]),
        input: Input::None,
        expect: refused("always assessment level AL3"),
    },
    Case {
        name: "cli: a planned audit date in the past",
        via: Via::Cli(&["scope", "edit", "ECU", "--audit-date", "1999-01-01"]),
        input: Input::None,
        expect: refused("1999-01-01"),
    },
    Case {
        name: "cli: a sharing that is not a number",
        via: Via::Cli(&["share", "remove", "everything"]),
        input: Input::None,
        expect: refused("everything"),
    },
    Case {
        name: "cli: a change on a workspace opened read-only",
        via: Via::Cli(&["--read-only", "location", "add", "Plant Süd"]),
        input: Input::None,
        expect: Expect {
            exit: 1,
            code: "read_only",
            message: "open read-only",
        },
    },
    Case {
        name: "cli: an unknown command",
        via: Via::Cli(&["erase-everything"]),
        input: Input::None,
        expect: usage("erase-everything"),
    },
    // ---- IPC arguments sent straight to the commands ----------------------------------------
    Case {
        name: "ipc: a relative workbook path",
        via: Via::Ipc("catalogue_import", r#"{"path":"catalogue.xlsx"}"#),
        input: Input::None,
        expect: refused("Type the full path of the file"),
    },
    Case {
        name: "ipc: a workbook path with a NUL byte",
        via: Via::Ipc("catalogue_import", r#"{"path":"/tmp/a\u0000b.xlsx"}"#),
        input: Input::None,
        expect: refused("That is not a file path"),
    },
    Case {
        name: "ipc: a workbook that is not one",
        via: Via::Ipc("catalogue_import", r#"{"path":"{file}"}"#),
        input: Input::Bytes("catalogue.xlsx", b"not a workbook at all"),
        expect: refused("is not a spreadsheet CSMS Desk can read"),
    },
    Case {
        name: "ipc: a number where a path belongs",
        via: Via::Ipc("package_verify", r#"{"path":42}"#),
        input: Input::None,
        expect: usage("path"),
    },
    Case {
        name: "ipc: a required argument left out",
        via: Via::Ipc("evidence_show", r#"{}"#),
        input: Input::None,
        expect: usage("id"),
    },
    Case {
        name: "ipc: an evidence id that does not exist",
        via: Via::Ipc("evidence_show", r#"{"id":987654}"#),
        input: Input::None,
        expect: refused("987654"),
    },
    Case {
        name: "ipc: no paths to add",
        via: Via::Ipc("evidence_add", r#"{"paths":[],"details":{},"links":{}}"#),
        input: Input::None,
        expect: refused("Choose at least one file or folder"),
    },
    Case {
        name: "ipc: a sharing that does not exist",
        via: Via::Ipc("share_remove", r#"{"sharing":987654}"#),
        input: Input::None,
        expect: refused("987654"),
    },
    Case {
        name: "ipc: changing a protection object that does not exist",
        via: Via::Ipc("po_update", r#"{"object":987654,"details":{"scope":1,"name":"X","objectives":[]}}"#),
        input: Input::None,
        expect: refused("987654"),
    },
    Case {
        name: "ipc: a journal page of a million entries",
        via: Via::Ipc("journal_page", r#"{"limit":1000000}"#),
        input: Input::None,
        expect: refused("1 to 500"),
    },
    Case {
        name: "ipc: an evidence search for a million items",
        via: Via::Ipc("evidence_search", r#"{"text":"x","limit":1000000}"#),
        input: Input::None,
        expect: refused("1 to 100"),
    },
    Case {
        name: "ipc: a negative evidence search limit",
        via: Via::Ipc("evidence_search", r#"{"text":"x","limit":-1}"#),
        input: Input::None,
        expect: usage("limit"),
    },
    Case {
        name: "ipc: the evidence of a requirement no catalogue has",
        via: Via::Ipc(
            "requirement_evidence",
            r#"{"scope":1,"requirement":"99.9.z","limit":5}"#,
        ),
        input: Input::None,
        expect: refused("99.9.z"),
    },
    Case {
        name: "ipc: opening evidence by a path instead of an id",
        via: Via::Ipc("evidence_open", r#"{"id":"/etc/passwd","version":null}"#),
        input: Input::None,
        expect: usage("id"),
    },
    Case {
        name: "ipc: revealing an evidence item that does not exist",
        via: Via::Ipc("evidence_reveal", r#"{"id":999999}"#),
        input: Input::None,
        expect: refused("999999"),
    },
    Case {
        name: "ipc: a bulk change naming items by id and by a filter at once",
        via: Via::Ipc(
            "evidence_bulk",
            r#"{"selection":{"ids":[1],"filter":{}},"change":{"action":"remove"}}"#,
        ),
        input: Input::None,
        expect: refused("either by id or by a filter"),
    },
    Case {
        name: "ipc: a bulk change of a field that is not for setting",
        via: Via::Ipc(
            "evidence_bulk",
            r#"{"selection":{"filter":{}},"change":{"action":"set","field":"source_path","value":"/etc/shadow"}}"#,
        ),
        input: Input::None,
        expect: refused("is not a field that can be set on many items"),
    },
    Case {
        name: "ipc: relocating evidence to a relative path",
        via: Via::Ipc("evidence_relocate", r#"{"id":1,"path":"../../etc/passwd"}"#),
        input: Input::None,
        expect: refused("is not a full path"),
    },
    Case {
        name: "ipc: a workspace search for a million results of each kind",
        via: Via::Ipc("workspace_search", r#"{"text":"x","limit":1000000}"#),
        input: Input::None,
        expect: refused("1 to 50"),
    },
    Case {
        name: "ipc: a page of the vault of a million rows",
        via: Via::Ipc("evidence_page", r#"{"query":{"limit":1000000}}"#),
        input: Input::None,
        expect: refused("a page holds 0 to 1000 rows"),
    },
    Case {
        name: "ipc: SQL as the vault's sort column",
        via: Via::Ipc(
            "evidence_page",
            r#"{"query":{"sort":"title; DROP TABLE evidence","state":"'; DELETE FROM evidence; --"}}"#,
        ),
        input: Input::None,
        expect: refused("is not a column to sort by"),
    },
    Case {
        name: "ipc: a deadline page sorted sideways",
        via: Via::Ipc(
            "deadlines_page",
            r#"{"filter":{},"page":{"sort":"due","direction":"sideways"}}"#,
        ),
        input: Input::None,
        expect: refused("is not a sort direction"),
    },
    Case {
        name: "cli: SQL as the sort column of evidence list",
        via: Via::Cli(&["evidence", "list", "--sort", "1; DROP TABLE evidence"]),
        input: Input::None,
        expect: refused("is not a column to sort by"),
    },
    Case {
        name: "ipc: SQL in the journal's table filter",
        via: Via::Ipc(
            "journal_page",
            r#"{"table":"evidence; DROP TABLE journal"}"#,
        ),
        input: Input::None,
        expect: refused("table"),
    },
    Case {
        name: "ipc: a restore into a relative folder",
        via: Via::Ipc("backup_restore", r#"{"file":"{file}","target":"restored"}"#),
        input: Input::Bytes("b.csmsbackup", b"PK"),
        expect: refused("Type the full path of the folder"),
    },
    Case {
        name: "ipc: a package verified from a folder",
        via: Via::Ipc("package_verify", r#"{"path":"{dir}"}"#),
        input: Input::None,
        expect: refused("is a folder or a special file"),
    },
    Case {
        name: "ipc: a backup over a folder that does not exist",
        via: Via::Ipc("backup_write", r#"{"path":"{dir}/missing/b.csmsbackup"}"#),
        input: Input::None,
        expect: refused("does not exist"),
    },
    Case {
        name: "ipc: a package onto the workspace's own database",
        via: Via::Ipc(
            "package_export",
            r#"{"scope":1,"path":"{ws}/workspace.sqlite","level":"full"}"#,
        ),
        input: Input::None,
        expect: refused("is inside the workspace folder"),
    },
    Case {
        name: "ipc: a package with evidence versions that are no choice",
        via: Via::Ipc(
            "package_export",
            r#"{"scope":1,"path":"{dir}/p.zip","level":"full","versions":"latest"}"#,
        ),
        input: Input::None,
        expect: refused("is not a choice of evidence versions"),
    },
    Case {
        name: "ipc: a partner package above the scope's sharing, not confirmed",
        via: Via::Ipc(
            "package_export",
            r#"{"scope":1,"path":"{dir}/p.zip","level":"A+labels+B"}"#,
        ),
        input: Input::None,
        expect: refused("shows more than scope"),
    },
    Case {
        name: "ipc: a report onto the workspace's own database",
        via: Via::Ipc(
            "export_report",
            r#"{"scope":1,"path":"{ws}/workspace.sqlite"}"#,
        ),
        input: Input::None,
        expect: refused("is inside the workspace folder"),
    },
    Case {
        name: "ipc: a report in a language the app does not speak",
        via: Via::Ipc(
            "export_report",
            r#"{"scope":1,"path":"{dir}/r.pdf","lang":"fr"}"#,
        ),
        input: Input::None,
        expect: refused("is not one CSMS Desk speaks"),
    },
    Case {
        name: "ipc: a report for an audit that does not exist",
        via: Via::Ipc(
            "export_report",
            r#"{"scope":1,"path":"{dir}/r.pdf","audit":987654}"#,
        ),
        input: Input::None,
        expect: refused("987654"),
    },
    Case {
        name: "ipc: a backup into the workspace's vault",
        via: Via::Ipc("backup_write", r#"{"path":"{ws}/vault/b.csmsbackup"}"#),
        input: Input::None,
        expect: refused("is inside the workspace folder"),
    },
    Case {
        name: "ipc: a scope check on a date in the year 0",
        via: Via::Ipc("scope_show", r#"{"scope":1,"on":"0000-01-01"}"#),
        input: Input::None,
        expect: refused("outside the dates"),
    },
];
