### CSMS Desk message catalogue: English. Generated from en.txt by txt2ftl.py, then kept by hand.
### Project Fluent syntax (https://projectfluent.org/fluent/guide/). A call site's key
### `nav.dashboard` is the message `nav-dashboard` here: the runtime maps '.' to '-'.
### Keep the ids in step with the other language (a unit test checks).

app-title = CSMS Desk
app-loading = Loading…
app-skip_to_content = Skip to content

webview-restarted_title = The window was restarted
webview-restarted = The part of CSMS Desk that draws this window had stopped ({ $reason }), so it was started again on the dashboard. Everything saved is in the workspace; what was typed on the screen that was open and not saved yet is lost.
webview-restarts = It has stopped { $count ->
        [one] once
       *[other] { $count } times
    } since CSMS Desk started.
webview-reason_crashed = it crashed or was ended from outside
webview-reason_memory = it reached its memory limit
webview-dismiss = Dismiss

nav-label = Main navigation
nav-dashboard = Dashboard
nav-catalogue = Catalogue
nav-scope = Scope
nav-evidence = Evidence
nav-audits = Audits
nav-deadlines = Deadlines
nav-export = Export
nav-settings = Settings

dashboard-title = Dashboard
dashboard-intro = Your readiness for the ENX VCS audit at a glance.
dashboard-company = Company
dashboard-participant_id = Participant-ID
dashboard-workspace = Workspace
dashboard-not_set = not set yet
dashboard-getting_started = Getting started
dashboard-step_profile = Enter your company profile
dashboard-step_catalogue = Import the ENX VCS Audit Criteria Catalogue
dashboard-step_scope = Define what is audited: locations, objectives, protection objects
dashboard-step_evidence = Map evidence documents to the requirements
dashboard-step_done = done
dashboard-step_open = to do
dashboard-step_later = coming soon

screen-catalogue-title = Catalogue
screen-scope-title = Scope
screen-evidence-title = Evidence
screen-evidence-holds = A hashed, versioned vault of your evidence documents, mapped to requirements, with change detection at the source and your self-assessment per control question.
screen-audits-title = Audits
screen-audits-holds = Audits and their results per control question, findings, corrective actions with owners and due dates, and the labels each audit earns.
screen-deadlines-title = Deadlines
screen-deadlines-holds = Every date that matters in one list: corrective action due dates, temporary label expiry, permanent label renewal and TISAX label expiry, with countdowns and a calendar export.
screen-export-title = Export
screen-export-holds = A verifiable submission package for your auditor (manifest, checksums, readable index, filled workbook, evidence files) and packages for partners that respect the sharing level.

settings-title = Settings
settings-profile = Company profile
settings-company_name = Company name
settings-participant_id = TISAX Participant-ID
settings-participant_id_hint = As shown in the ENX portal, for example P1A2B3. Leave it empty until you are registered.
settings-enx_contact = ENX contact
settings-enx_contact_hint = Who speaks for the company to ENX and the audit provider.
settings-language = Language
settings-language_system = Same as the operating system
settings-language_en = English
settings-language_de = Deutsch
form-reload = Reload
form-reloaded = Reloaded: the form shows what is saved now.
settings-save = Save
settings-saving = Saving…
settings-saved = Saved.
settings-workspace = Workspace
settings-workspace_current = Current workspace
settings-me_heading = On this desk
settings-me = Your name as an owner
settings-me_hint = As you appear as the owner of corrective actions and evidence, or a part of it (“Schmidt”). “Only mine” filters by it and the desktop notification lists yours first. Kept on this computer for you; empty goes back to your user name.
settings-me_saved = Saved: “only mine” now looks for “{ $me }”.
settings-workspace_folder = Folder
settings-workspace_folder_hint = Type a folder path or choose one. “Open” uses an existing workspace; “Create new” makes one in an empty or new folder.
settings-workspace_open = Open
settings-workspace_create = Create new
settings-workspace_browse = Choose folder…
settings-workspace_switched = Now working in { $path }.
settings-workspace_server = Workspace on a PostgreSQL server
settings-workspace_url = Server URL
settings-workspace_url_hint = For example postgresql://db.example.com/acme_csms (add ?sslmode=verify-full for a server that must prove who it is). Leave the password out: when the server asks for one, and none is in PGPASSWORD, the password file or the system keychain, you are asked for it here. “Create new” makes a workspace in an empty database.
settings-workspace_kind = Kind
settings-workspace_kind_server = Database on a PostgreSQL server
settings-workspace_kind_folder = Folder on this computer
settings-workspace_password = Password
settings-workspace_password_for = Password of user { $user } for database { $database } on { $host }, port { $port }
settings-workspace_password_hint = Sent to the server only; CSMS Desk never shows or logs it.
settings-workspace_password_remember = Remember the password in the system keychain
settings-workspace_password_submit = Connect
settings-workspace_password_forget = Forget the saved password
settings-workspace_password_forgotten = The saved password of { $account } is removed from the system keychain.
settings-workspace_password_none_saved = No password of { $account } was saved in the system keychain.
settings-workspace_backup = To back up your data, close CSMS Desk and copy this folder. It holds everything: database and evidence.

workspace-unavailable_title = The workspace cannot be opened
workspace-unavailable_hint = Open or create another workspace below, or fix the problem and restart CSMS Desk.

profile-error-company_name_missing = Enter the company’s name.
profile-error-too_long = Shorten this to at most { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }.
profile-error-control_character = Remove line breaks and tabs from this field.
profile-error-participant_id_malformed = “{ $given }” is not a Participant-ID. It is a letter followed by 5 to 8 letters or digits, for example P1A2B3, as shown in the ENX portal.
profile-error-unknown_language = “{ $given }” is not a language CSMS Desk offers. Choose English, German or the operating system’s language.

error-workspace_missing = There is no CSMS Desk workspace in { $path }. Create one there (csmsdesk-cli init, or “Create new” in Settings) or choose the folder that holds your workspace.
error-workspace_exists = { $path } already holds a workspace. Open it instead of creating a new one.
error-folder_not_empty = { $path } is not an empty folder and holds no workspace. Choose an empty or new folder for a new workspace.
error-no_default_location = The operating system names no home folder for the default workspace. Pass --workspace DIR or set CSMSDESK_WORKSPACE.
error-invalid_profile = Correct the marked fields and save again.
error-workspace_in_use = The workspace { $path } is in use by process { $pid } on { $host } since { $since }. Close that CSMS Desk window or csmsdesk-cli command and try again, or open the workspace read-only to look without changing anything (csmsdesk-cli --read-only).
error-workspace_in_use_unnamed = The workspace { $path } is in use by another CSMS Desk window or csmsdesk-cli command. Close it and try again, or open the workspace read-only to look without changing anything (csmsdesk-cli --read-only).
error-not_a_database = { $path } is not a CSMS Desk database: the file is damaged or was replaced. Nothing was changed. Restore the workspace folder from a backup, or open another workspace.
error-foreign_database = { $path } is a database of another program. Nothing was changed. Choose another folder for your workspace.
error-newer_schema = { $path } was written by a newer CSMS Desk (schema version { $found }; this version knows up to { $supported }). Nothing was changed. Update CSMS Desk to open it.
error-not_writable = CSMS Desk cannot write to { $path }. Check that the folder belongs to you and is not read-only, or choose another folder.
error-io = Could not read or write { $path }: { $detail }. Check the disk and the folder, then try again.
error-corrupt = The workspace holds an invalid value in “{ $column }”, perhaps edited outside CSMS Desk. Restore the workspace folder from a backup.
error-internal = Something went wrong inside CSMS Desk. Nothing was saved. The log has the details; please report it.
error-pg_setting = The PostgreSQL setting { $setting } cannot be used: { $problem }
error-pg_unreachable = CSMS Desk cannot reach the PostgreSQL server at { $host }, port { $port } ({ $reason }). Check that the server runs and takes connections there, that the host and port are right (in the URL, PGHOST and PGPORT, or the service file), and that no firewall blocks the port.
error-pg_credentials = The PostgreSQL server at { $host }, port { $port } refused user { $user } for database { $database }: { $reason }. Check the user name and the password (in the URL, PGPASSWORD or the password file), and ask the server's administrator whether pg_hba.conf lets this user in.
error-pg_password_needed = The PostgreSQL server at { $host }, port { $port } asks for the password of user { $user } (database { $database }), and none was given. Put it in the environment variable PGPASSWORD, in a line “host:port:database:user:password” of the password file (~/.pgpass; on Windows %APPDATA%\postgresql\pgpass.conf; readable by you only), or as password= in the service's section of the service file (~/.pg_service.conf), then try again.
error-pg_tls = The encrypted connection (TLS) to the PostgreSQL server at { $host }, port { $port } failed: { $reason }. Check sslmode and sslrootcert (in the URL, PGSSLMODE or the service file): with sslmode=require or higher the server must offer TLS, and with verify-ca or verify-full its certificate must be signed by a root you trust (sslrootcert) and, for verify-full, name this host.
error-pg_no_database = The PostgreSQL server at { $host }, port { $port } has no database { $database }. Check the database name in the URL, or ask the server's administrator to create it (createdb { $database }, or CREATE DATABASE in psql), then try again.
error-pg_foreign_database = The database { $database } belongs to something else (it holds { $found }) and is no CSMS Desk workspace. Nothing was changed. Use an empty database for your workspace.
error-pg_newer_schema = The database { $database } was written by a newer CSMS Desk (schema version { $found }; this version knows up to { $supported }). Nothing was changed. Update CSMS Desk to open it.
error-pg_workspace_exists = The database { $database } already holds a CSMS Desk workspace. Open it instead of creating a new one.
error-pg_no_workspace = The database { $database } holds no CSMS Desk workspace yet. Create one there: csmsdesk-cli init --workspace followed by the URL and --company with your company's name.
error-pg_not_yet = This is not available yet for a workspace on PostgreSQL (part “{ $operation }”); it works on a workspace folder. Nothing was changed.
error-members_server_only = Members and roles belong to a workspace on PostgreSQL. A workspace folder has one user, whoever may open its files; move it to a server first (backup, then restore into a PostgreSQL database).
error-member_name_invalid = A member's name is the database user: 1 to 63 characters, without control characters.
error-member_role_invalid = A member's role is viewer, editor or admin.
error-pg_not_allowed_set_up = Your database user may not set up the member roles of this workspace: that needs the database's owner with the right to create roles (CREATEROLE). The server said: { $reason }
error-pg_not_allowed_add = Your database user may not add members to this workspace: only an admin may (a member with the admin role, or the database's owner with CREATEROLE). The server said: { $reason }
error-pg_not_allowed_remove = Your database user may not remove members from this workspace: only an admin may (a member with the admin role, or the database's owner with CREATEROLE). The server said: { $reason }
error-pg_not_allowed_rules = Only an admin of this workspace may change its rules; your role is editor. Ask an admin (Settings → Members lists the members). Nothing was changed.
error-pg_owner_must_update = The workspace in database { $database } has schema version { $found } and this version of CSMS Desk needs { $supported }. Only the database's owner, { $owner }, may update it: ask them to open it once with this version. Nothing was changed.
error-pg_aborted = A step of this change failed on the PostgreSQL server, so nothing of the change was saved. Try again; if it fails again, the log has the details.
error-changed = { $by } saved this record on { $day } at { $time }, after you opened it. Nothing of your change was saved: reload to see their change, then make yours again.
error-dialog_failed = The folder dialog could not be opened. Type the folder path instead.
error-path_empty = Type the path of a folder first, or choose one.
error-path_invalid = That is not a folder path. Type the full path of a folder, or choose one.
error-path_not_absolute = Type the full path of the folder, starting at the top (for example /home/me/csms or C:\Users\me\csms).
error-url_invalid = That URL is too long or holds a NUL character. Type the database's URL again, for example postgresql://db.example.com/acme_csms.
error-not_a_server_url = A password belongs to a PostgreSQL URL (postgresql://host/database), not to a folder.
error-not_on_a_server = The workspace is not on a PostgreSQL server, so there is no saved password to forget.
error-password_empty = Type the password first.
error-password_invalid = That password cannot be sent: it is longer than 1,000 characters or holds a NUL character.
error-keychain_unavailable = The system keychain cannot be used: { $reason }.
notice-url_password_not_remembered = The password in the URL is used for this session only: CSMS Desk remembers the URL without it. Next time you are asked for it, unless PGPASSWORD, the password file or the system keychain has it.
notice-password_saved = The password is saved in the system keychain for { $account }.
notice-keychain_unavailable = The system keychain cannot be used ({ $reason }), so the password serves this session only and you are asked again next time. PGPASSWORD or the password file (~/.pgpass) are other ways to give it.

cli-info-workspace = Workspace
cli-info-engine = Kept in
cli-info-engine_folder = a folder on this computer (SQLite)
cli-info-engine_postgresql = a PostgreSQL database
cli-info-schema_version = Schema version
cli-info-created_at = Created
cli-info-company = Company
cli-info-participant_id = Participant-ID
cli-info-enx_contact = ENX contact
cli-info-language = Language
cli-info-not_set = (not set)
cli-init-created = Created the workspace { $path } for { $company }.
cli-error-field = { $field }: { $message }

catalogue-at_cell = { $file }, sheet “{ $sheet }”, row { $row }, column { $column } (“{ $header }”): { $problem }
catalogue-at_row = { $file }, sheet “{ $sheet }”, row { $row }: { $problem }
catalogue-at_sheet = { $file }, sheet “{ $sheet }”: { $problem }
catalogue-problem-no_header_row = no row among the first { $rows } holds both the “VCS” and the “Control question” headers. Import the ENX VCS Audit Criteria Catalogue workbook as ENX publishes it.
catalogue-problem-missing_header = the header row has no column “{ $header }”. Import the catalogue workbook as ENX publishes it, with all its columns.
catalogue-problem-error_value = the cell holds the error value { $value }. Fix the formula in the workbook or replace it with text, then import again.
catalogue-problem-cell_too_long = the cell holds { $chars ->
        [one] { $chars } character
       *[other] { $chars } characters
    }, more than a spreadsheet cell can ({ $max }). Is this the right file?
catalogue-problem-too_many_rows = the sheet has { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    } below its header; a catalogue has a few hundred (at most { $max } are read). Is this the right file?
catalogue-problem-unknown_row_type = the “Is_Title?” column holds “{ $value }”; it must be 1 (chapter), 2 (control question) or empty (requirement).
catalogue-problem-missing_id = the row has text but no ID in the “VCS” column. Add the ID or delete the row.
catalogue-problem-bad_chapter_id = “{ $id }” in the “VCS” column is not a chapter number such as 3.
catalogue-problem-bad_question_id = “{ $id }” in the “VCS” column is not a control question ID such as 3.2.
catalogue-problem-bad_requirement_id = “{ $id }” in the “VCS” column is not a requirement ID such as 3.2.a.
catalogue-problem-duplicate_chapter = chapter { $id } appears again (first in row { $first_row }). Each chapter must be listed once.
catalogue-problem-duplicate_question = control question { $id } appears again (first in row { $first_row }). Each control question must be listed once.
catalogue-problem-question_outside_chapter = control question { $question } has no chapter { $chapter } row above it. Check the “VCS” and “Is_Title?” columns.
catalogue-problem-requirement_outside_question = requirement { $requirement } has no control question { $question } row above it. Check the “VCS” and “Is_Title?” columns.
catalogue-problem-no_questions = the sheet holds no control questions below its header row.
catalogue-problem-unknown_result = the result “{ $value }” is none of conform, minor-non-conform, major-non-conform or NA. Correct the cell or leave it empty.
workbook-not_a_spreadsheet = { $file } is not a spreadsheet CSMS Desk can read. Import the catalogue as an Excel workbook (.xlsx, .xlsm, .xls) or an OpenDocument spreadsheet (.ods).
workbook-password_protected = { $file } is protected with a password. Open it in your spreadsheet program, remove the password to open, save it, and import it again.
workbook-damaged = { $file } is damaged or incomplete (perhaps a download that stopped early). Download or copy the file again.
workbook-too_large = { $file } would unpack to more than { $mib } MiB; CSMS Desk reads at most { $max_mib } MiB. A catalogue needs about 1 MiB: is this the right file?
workbook-too_many_cells = { $file } spans { $cells ->
        [one] { $cells } cell
       *[other] { $cells } cells
    } once its repeated rows and columns are filled in (empty cells between used ones included); CSMS Desk reads at most { $max }. A catalogue spans a few thousand: is this the right file?
workbook-too_much_text = { $file } holds more than { $mib } MiB of cell text once its shared and repeated texts are filled in; CSMS Desk reads at most { $max_mib } MiB. A catalogue holds well under 1 MiB: is this the right file?
workbook-too_many_entries = { $file } declares { $count } “{ $entry }” entries in { $part }; CSMS Desk reads at most { $max }, far more than a catalogue needs. The file is damaged or was not written by a spreadsheet program: open it in Excel or LibreOffice, save it again as .xlsx and import the saved copy.
workbook-declaration = { $file } contains constructs CSMS Desk refuses: a document type or entity declaration (DTD) in { $part }, which spreadsheet programs do not write. Open the file in Excel or LibreOffice, save it again as .xlsx and import the saved copy.
workbook-no_catalogue_sheet = { $file } has no sheet “{ $sheet }” and no sheet with the catalogue’s headers (its sheets: { $sheets }). Import the ENX VCS Audit Criteria Catalogue workbook.
error-file_unreadable = Could not read { $path }: { $detail }.
error-file_too_large = { $path } has { $mib } MiB; CSMS Desk reads workbooks of at most { $max_mib } MiB. Is this the right file?
error-no_catalogue = No catalogue has been imported yet. Import the ENX VCS Audit Criteria Catalogue, or try the demo catalogue.
error-unknown_catalogue = There is no catalogue { $id } in this workspace. List the catalogues to see their numbers.
catalogue-imported = Imported “{ $name }” version { $version } from { $file } as catalogue { $id }: { $chapters ->
        [one] { $chapters } chapter
       *[other] { $chapters } chapters
    }, { $questions ->
        [one] { $questions } control question
       *[other] { $questions } control questions
    }, { $requirements ->
        [one] { $requirements } requirement
       *[other] { $requirements } requirements
    } ({ $must } must, { $should } should).
catalogue-already_imported = { $file } was imported before as catalogue { $id } (“{ $name }” version { $version }). Nothing changed.
catalogue-note_duplicate = Requirement { $id } appears twice; the second (row { $row }) is kept as { $renamed }.
catalogue-version_change = Version { $new } replaces version { $old }, which stays for history: { $moved ->
        [one] { $moved } ID
       *[other] { $moved } IDs
    } moved, { $added } new, { $removed } gone.
catalogue-version_change_no_table = Version { $new } replaces version { $old }, which stays for history. No renumbering table from { $old } to { $new } is known, so IDs were compared as they are: { $moved } moved, { $added } new, { $removed } gone.
cli-catalogue-none = No catalogue imported yet. Import one with: csmsdesk-cli catalogue import FILE (or --demo).
cli-catalogue-list_line = { $id }  { $name } { $version }: { $questions ->
        [one] { $questions } control question
       *[other] { $questions } control questions
    }, { $requirements ->
        [one] { $requirements } requirement
       *[other] { $requirements } requirements
    }, imported { $imported_at }
cli-catalogue-superseded = ; replaced by catalogue { $id }
error-file_path_empty = Type the path of the file first, or choose it.
error-file_path_invalid = That is not a file path (too long, or it holds a character no path can hold). Type the full path of the file, or choose it.
error-file_path_not_absolute = “{ $given }” is not a full path. Type the full path of the file, starting at the top, for example { $example }.
error-query_too_long = Search for at most 200 characters.
search-bad_limit = Ask for 1 to { $max } results of each kind.
search-kind-requirement = Requirement
search-kind-question = Control question
search-kind-evidence = Evidence
search-kind-finding = Finding
search-kind-action = Corrective action
search-kind-location = Location
search-kind-scope = Scope
cli-search-none = Nothing found. Try fewer or shorter words.
search-open = Search (Ctrl+K)
search-label = Search the workspace
search-placeholder = Requirement, question, evidence, finding, action, location or scope …
search-results = Results
search-hint = Type words of an ID, title, text or path. ↑ ↓ choose, Enter opens, Esc closes.
search-count = { $count ->
        [one] { $count } result
       *[other] { $count } results
    } (at most { $per_kind } of each kind).
search-none = Nothing found. Try fewer or shorter words.

catalogue-intro = The ENX VCS Audit Criteria Catalogue: chapters, control questions and their requirements.
catalogue-empty = No catalogue yet. Import the workbook you downloaded from ENX, or try CSMS Desk with the demo catalogue.
catalogue-import_heading = Import a catalogue
catalogue-import_another = Import another catalogue or a newer version
catalogue-file = Workbook
catalogue-file_hint = An .xlsx, .xlsm, .xls or .ods file. You can also drop it on this window.
catalogue-browse = Choose file…
catalogue-import = Import
catalogue-demo = Try with demo data
catalogue-importing = Importing…
catalogue-select = Catalogue
catalogue-replaced = { $name } { $version } (replaced)
catalogue-order = Order
catalogue-order_vcs = VCS
catalogue-order_5112 = ISO/PAS 5112
catalogue-search = Search
catalogue-search_hint = IDs, text or references, for example WP-09-02
catalogue-matches = { $count ->
        [one] { $count } matching question or requirement
       *[other] { $count } matching questions and requirements
    }
catalogue-no_matches = Nothing matches “{ $query }”.
catalogue-objective = Objective
catalogue-must = must
catalogue-should = should
catalogue-must_heading = Requirement (must)
catalogue-should_heading = Requirement (should)
catalogue-further = Further information
catalogue-evidence = Possible evidence
catalogue-id_5112 = ISO/PAS 5112: { $id }
catalogue-source = Imported from { $file } on { $date }. SHA-256 { $sha }
catalogue-superseded_note = A newer version replaced this one; it is kept read-only for history.
catalogue-moved_list = IDs that moved
catalogue-ungrouped = Other questions

prerequisite-no_location = The scope has no location. Add at least one location that performs cybersecurity activities for the CSMS.
prerequisite-no_cs_activities = Location { $location } does not perform cybersecurity activities for the CSMS; every location of a VCS scope must. Remove it from the scope or correct the location.
prerequisite-no_valid_tisax_label = Location { $location } holds no TISAX label valid on { $date }. Every location of a VCS scope needs valid TISAX labels at the time of the audit.
prerequisite-tisax_label_expires_soon = Every TISAX label of { $location } valid on the audit date expires soon after it: { $labels }; the last { $days ->
        [one] { $days } day
       *[other] { $days } days
    } after the audit. Plan { $count ->
        [one] its
       *[other] their
    } renewal.
prerequisite-no_objective = The scope has no audit objective. Choose Development, Production or Operations and Maintenance.
prerequisite-no_catalogue = The scope has no catalogue. Import the ENX VCS Audit Criteria Catalogue and choose it for the scope.
prerequisite-audit_date_in_past = The audit date { $date } is before today ({ $today }): no audit can take place then. Set the planned audit date of the next audit.

input-name_missing = Enter a name.
input-name_taken = The name “{ $name }” is taken already. Choose another name.
input-bad_id = “{ $given }” is not an ENX/TISAX ID: a letter followed by 5 to 8 letters or digits, for example S1A2B3.
input-bad_date = “{ $given }” is not a date. Write it as YYYY-MM-DD, for example 2027-03-15.
date_input-placeholder = YYYY-MM-DD
date_input-invalid = “{ $given }” is not a date. Write it as { $format }, for example { $example }.
input-date_out_of_range = { $given } is outside the dates CSMS Desk accepts ({ $first } to { $last }). Check the year.
input-unknown_objective = “{ $given }” is not an audit objective. Use development, production or operations-maintenance.
input-unknown_tisax_label = “{ $given }” is not a TISAX label. Use a label of the TISAX label list, for example “Confidential” or “strictly-confidential”.
input-bad_level = “{ $given }” is not an assessment level. Use 1, 2 or 3 (AL1 to AL3).
input-label_level_mismatch = Label row { $row }: “{ $label }” is always assessment level AL{ $expected }, not AL{ $given }. Choose AL{ $expected }.
input-label_expiry_missing = Label row { $row } (“{ $label }”) has no expiry date. Enter the date the label expires (YYYY-MM-DD), or remove the row.
input-label_not_held = The location holds no TISAX label “{ $given }”. Name one of its labels as LABEL or LABEL:EXPIRES, as `location list` shows them.
input-label_ambiguous = The location holds several labels “{ $given }”. Add the expiry date to name one: LABEL:YYYY-MM-DD.
input-date_in_past = The planned audit date { $given } is before today ({ $today }). Enter the date of an audit still to come.
input-po_no_objective = Choose at least one audit objective the protection object is relevant to; without one it belongs to no sample.
input-unknown_location = There is no location “{ $given }”. Add it first, or check the spelling.
input-no_location = Choose at least one location for the scope.
input-no_objective = Choose at least one audit objective.
input-na_needs_reason = Say why the question does not apply: a question set to NA needs a justification.
input-objective_not_in_scope = The scope does not have the objective { $given }.
input-location_not_in_scope = “{ $given }” is not a location of this scope.
input-object_not_in_scope = Protection object “{ $given }” does not belong to scope “{ $scope }”. Choose one of that scope’s protection objects.
input-not_in_population = “{ $given }” is not a protection object of this scope for that objective.
input-bad_status = “{ $given }” is not a sample check status. Use open, consistent or deviation.
input-bad_matrix = The applicability matrix has lines that are not “objective: chapter N, question N.M”: lines { $lines }.
error-not_found = There is no { $kind } “{ $name }”. Check the spelling, or list what there is.
error-ambiguous = “{ $name }” could mean more than one { $kind }: { $choices }. Write #ID to name one by its id.
thing-scope = scope
thing-question = control question
thing-should_requirement = should-requirement
thing-requirement = requirement
thing-protection_object = protection object

cli-done = Done.
cli-error-label_format = “{ $given }” is not a TISAX label in the form LABEL:LEVEL:EXPIRES, for example strictly-confidential:3:2027-05-31.
cli-location-added = Added location { $name } ({ $id }).
cli-scope-saved = Saved scope { $name } ({ $id }).
cli-scope-line = { $name }: { $objectives }; { $questions ->
        [one] { $questions } control question
       *[other] { $questions } control questions
    }, { $requirements ->
        [one] { $requirements } requirement
       *[other] { $requirements } requirements
    } apply
cli-scope-checked = Prerequisites of { $name } for an audit on { $date }:
cli-scope-all_met = Every prerequisite is met.
cli-po-added = Added protection object { $name } ({ $id }).
cli-po-sampling = { $objective }: { $population ->
        [one] { $population } protection object
       *[other] { $population } protection objects
    }, suggested sample { $suggested } (square root, rounded up; a heuristic), chosen: { $chosen }
cli-error-invalid = The request was refused; correct these and try again:

scope-intro = What is audited: your locations with their TISAX labels, the VCS scopes with their audit objectives and the control questions that apply, and the protection objects to sample.
scope-tab_locations = Locations
scope-tab_scopes = Scopes
scope-tab_objects = Protection objects
scope-locations_empty = No locations yet. Add the sites that perform cybersecurity activities for your CSMS.
scope-location_name = Location
scope-address = Address
scope-tisax_scope_id = TISAX Scope-ID
scope-tisax_scope_id_hint = The ID of the TISAX scope the location belongs to, for example S1A2B3.
scope-labels = TISAX labels
scope-label = TISAX label
scope-level = Assessment level
scope-expires = Valid until
scope-add_label = Add another label
scope-label_expired = expired { $date }
scope-label_expiring = expires { $date }
scope-label_valid = valid until { $date }
scope-cs_activities = Cybersecurity activities
scope-cs_activities_label = This location performs cybersecurity activities for the CSMS
scope-notes = Notes
scope-add_location = Add a location
scope-yes = yes
scope-no = no
scope-objective_development = VCS Development
scope-objective_production = VCS Production
scope-objective_operations-maintenance = VCS Operations and Maintenance
scope-check_failed = { $count ->
        [one] { $count } prerequisite
       *[other] { $count } prerequisites
    } not met
scope-check_warnings = { $count ->
        [one] { $count } warning
       *[other] { $count } warnings
    }
scope-check_ok = prerequisites met
scope-scopes_empty = No VCS scope yet. Create one with the wizard below.
scope-counts = { $questions ->
        [one] { $questions } control question
       *[other] { $questions } control questions
    }, { $requirements ->
        [one] { $requirements } requirement
       *[other] { $requirements } requirements
    } apply
scope-new_scope = New VCS scope
scope-step = Step { $step } of { $steps }: { $title }
scope-step_1 = name
scope-step_2 = locations
scope-step_3 = audit objectives
scope-step_4 = catalogue and audit
scope-scope_name = Scope name
scope-enx_scope_id = ENX Scope-ID
scope-enx_scope_id_hint = Leave empty until the scope is registered in the ENX portal.
scope-wizard_locations = Locations
scope-wizard_objectives = Audit objectives
scope-need_location = Add a location first (tab “Locations”).
scope-catalogue = Catalogue
scope-need_catalogue = Import the catalogue first (screen “Catalogue”); the scope can get it later.
scope-audit_date = Planned audit date
scope-audit_provider = Audit provider
scope-back = Back
scope-next = Next
scope-create = Create scope
scope-will_apply = { $questions ->
        [one] { $questions } control question
       *[other] { $questions } control questions
    } and { $requirements ->
        [one] { $requirements } requirement
       *[other] { $requirements } requirements
    } will apply.
scope-scope = Scope
scope-prerequisites = Prerequisites
scope-check_on = Check for an audit on
scope-all_met = Every prerequisite is met.
scope-objectives = Audit objectives
scope-applicability = Control questions
scope-question = Question
scope-text = Control question
scope-by_matrix = By the objectives
scope-decision = Your decision
scope-applies = applies
scope-na = NA
scope-default_applies = applies
scope-default_na = does not apply
scope-overridden = your decision
scope-justification = Justification (required for NA)
scope-applicable_for = Applicability of { $id }
scope-justification_for = Justification for { $id }
scope-deviations = Deviations from should-requirements ({ $count })
scope-deviation_reason = Justification of the deviation (empty: no deviation)
scope-deviation_for = Deviation from { $id }
scope-objects_need_scope = Create a VCS scope first; protection objects belong to a scope.
scope-objects_empty = No protection objects yet for this scope.
scope-po_name = Protection object
scope-item = Item or component
scope-customer = Customer (OEM)
scope-partner_id = Partner’s Participant-ID
scope-partner_id_hint = Optional: the OEM’s TISAX/ENX Participant-ID.
scope-cia = Protection goals
scope-confidentiality = confidentiality
scope-integrity = integrity
scope-availability = availability
scope-phases = Lifecycle phases
scope-phases_hint = For example: development, production, operations.
scope-add_object = Add a protection object
scope-sampling = Sampling
scope-sampling_hint = The auditor decides the sample; the suggestion is a common heuristic: the square root of the number of objects, rounded up.
scope-sample_of = Sample for { $objective }
scope-suggested = { $population ->
        [one] { $population } protection object
       *[other] { $population } protection objects
    }; suggested sample: { $suggested }; chosen: { $chosen }.
scope-no_population = No protection object of this scope is relevant to this objective yet.
scope-save_sample = Save sample
scope-check_object = Sample check: { $name }
scope-checks_of = Sample check of { $name }
scope-check_status = Status
scope-note = Note
scope-check_status_for = Sample check status for { $id }
scope-note_for = Note for { $id }
scope-status_open = open
scope-status_consistent = applied consistently
scope-status_deviation = deviation
input-bad_days = “{ $given }” is not a number of days from 0 to { $max }.
cli-rules-warning_days = A TISAX label that expires within { $days ->
        [one] { $days } day
       *[other] { $days } days
    } after the audit earns a warning.
settings-rules = Audit rules
settings-rules_intro = ENX does not publish these rules for VCS; CSMS Desk starts from common assumptions, and you can adapt them to what your audit provider tells you.
settings-rules_admins_only = Only an admin of this workspace may change its rules; you see them as they are in force.
settings-rules_matrix = Which control questions apply to which audit objective
settings-rules_matrix_hint = One line per objective, for example “development: chapter 5, question 6.1”; “all” applies to every objective. Your own decisions per scope stay.
settings-rules_warning_days = Warn when a TISAX label expires within this many days after the audit
dashboard-scope_check = Prerequisites of { $name } for an audit on { $date }
input-location_in_use = Location { $name } belongs to the scopes { $scopes }. Remove it from those scopes first (change each scope's locations: Scope screen, or `scope edit SCOPE --location ...`), then delete it.
thing-location = location
scope-actions = Actions
scope-delete = Delete
scope-delete_scope = Delete scope
scope-really_delete = Really delete?
scope-really_delete_scope = Really delete { $name } with its decisions, protection objects, samples and sharings?
scope-really_delete_object = Really delete { $name } with its samples and sample checks?
scope-edit = Edit
scope-remove_label = Remove
scope-remove_label_row = Remove this label row
scope-location_used_by = Used by the scopes { $scopes }: to delete it, take it out of those scopes first (Scopes tab: change the scope’s locations).
scope-step_has_problems = This step is not complete yet: see the marked fields.
scope-renew_label = Add a renewed label
scope-add_label_to = Add label
scope-edit_details = Change name, ENX Scope-ID, audit date, provider or locations

# Evidence and readiness (workspace messages)
thing-evidence = evidence item
thing-link = link
evidence-file_gone = { $path } does not exist (any more). Check the path, or whether the file was moved.
evidence-file_unreadable = { $path } cannot be read: { $detail }. It was skipped; add it again once that is fixed.
evidence-not_a_file = { $path } is not a regular file (a device, socket or pipe) and was skipped.
evidence-changed_while_reading = { $path } changed while it was read, so nothing was kept. Add it again once it is saved.
evidence-no_space = { $path } needs { $needed_mib } MiB, but the vault's disk has only { $available_mib } MiB free. Free some space, or move the workspace to a larger disk.
evidence-cancelled = { $path } was not added: cancelled.
evidence-vault_not_writable = { $path } could not be stored: the vault { $vault } cannot be written ({ $detail }).
evidence-symlink_loop = { $path } is a symbolic link back to { $target } (a loop) and was skipped.
evidence-bad_work_product = “{ $given }” is not an ISO/SAE 21434 work product. Use WP-05-01 to WP-15-08, or leave it empty for other documents.
evidence-bad_classification = “{ $given }” is not a classification. Use public, internal, confidential or strictly-confidential.
evidence-bad_state = “{ $given }” is not an evidence state. Use missing, changed, review-due or current.
evidence-object_needs_scope = A link for one protection object needs its scope: choose the scope too.
evidence-unknown_target = { $id } is neither a control question nor a requirement of the catalogue. Check the ID, for example 1.1 or 1.1.a.
evidence-unknown_targets = { $count ->
        [one] { $count } ID is
       *[other] { $count } IDs are
    } neither a control question nor a requirement of the catalogue: { $ids }. Check each ID, for example 1.1 or 1.1.a.
evidence-next_review_not_after_today = The next review date { $given } is not after today ({ $today }): the item would be due for review at once. Choose a later date, or leave the field empty.
evidence-bulk_nothing_selected = No evidence item is selected. Tick items in the list, or choose all items the filter keeps.
evidence-bulk_ids_and_filter = Name the items either by id or by a filter, not both.
evidence-bulk_bad_field = “{ $given }” is not a field that can be set on many items. Use work_product, owner, classification or review_due.
evidence-relocate_taken = { $path } is already the source of evidence item { $id }. Choose the file this item moved to, or remove item { $id } first.
evidence-relocate_not_a_file = { $path } is a folder, not a file. Choose the file the item moved to.
evidence-no_such_version = Evidence { $id } has no version { $version }; its versions are 1 to { $latest }.
evidence-vault_copy_missing = The vault copy of version { $version } of evidence { $id } is missing or damaged. Run the workspace check (History), or add the file again from its source.
evidence-source_gone = The source of evidence { $id } is not at { $path } any more. Locate the moved file, or open the vault copy instead.
evidence-too_many_ids = Select at most { $max } items by hand, or choose all items the filter keeps.
evidence-open_failed = No program could open { $path }. Open the file from there yourself.
evidence-same_as_missing = { $path } has the content of evidence item { $id } “{ $title }”, whose source is missing: it was not added, so that the document is not kept twice. If the file was moved there, relocate the item to it; to keep both, add it as a new item.
evidence-no_paths = Choose at least one file or folder.
evidence-already = { $path } is evidence #{ $id } already; it was not added again.
job-busy = Another long job (adding or checking evidence, an export, a backup, a restore or a check) is running. Wait for it to finish, or cancel it.
evidence-too_many_paths = That is more than { $max } files or folders at once. Add a parent folder instead.
evidence-no_targets = Name at least one requirement or control question to link to.
evidence-bad_limit = A search returns 1 to { $max } items.
assess-bad_result = “{ $given }” is not a result. Use conform, minor, major or na.
assess-na_needs_applicability = Question { $question } applies to this scope, so its result cannot be NA. If it truly does not apply, set it to NA with a justification in the scope's applicability table.
assess-not_applicable = Question { $question } is NA in this scope, so it takes no result other than NA. Make it applicable in the scope first.
assess-unknown_question = Question { $question } is not in the scope's catalogue; the row was skipped.

cli-evidence-progress = Reading files: { $done } of { $total } ({ $mib } MiB)
cli-evidence-added = Added evidence #{ $id } “{ $title }” (SHA-256 { $sha }…).
cli-evidence-linked = { $count ->
        [one] { $count } new link
       *[other] { $count } new links
    }.
cli-evidence-confirm_remove = This would remove { $count ->
        [one] { $count } evidence item
       *[other] { $count } evidence items
    } with their links (the vault keeps their contents). Nothing was removed: run again with --yes to remove them.
cli-evidence-bulk_changed = { $count ->
        [one] { $count } item
       *[other] { $count } items
    } changed of { $selected } selected.
cli-evidence-bulk_linked = { $count ->
        [one] { $count } new link
       *[other] { $count } new links
    } for { $selected } selected items.
cli-evidence-bulk_removed = { $count ->
        [one] { $count } item
       *[other] { $count } items
    } removed.
cli-evidence-same_as_missing_hint = Relocate it: csmsdesk-cli evidence relocate { $id } “{ $path }”; or keep both: add the file again with --as-new.
cli-evidence-relocated = Evidence { $id } now points to { $path } (same content).
cli-evidence-relocated_changed = Evidence { $id } now points to { $path }; its content differs, so it is version { $version }, which needs review.
cli-evidence-scanned = Scanned: { $unchanged } unchanged, { $changed } changed (new versions need review), { $missing } missing.
cli-evidence-scan_changed = changed: #{ $id } { $title } (a new version that needs review)
cli-evidence-scan_unreachable = not reachable from this computer: #{ $id } { $title } (recorded on another computer, in a folder this one cannot reach: scan it there)
cli-evidence-scan_missing = missing: #{ $id } { $title } (relocate it with: csmsdesk-cli evidence relocate { $id } PATH)
cli-evidence-scan_failed = failed: #{ $id } { $title }: { $message }
cli-cancelled = Cancelled: the rest was not done.
cli-row = Row
cli-assess-preview = { $count ->
        [one] { $count } change
       *[other] { $count } changes
    }. Nothing was changed yet: run again with --apply to take them over.
cli-assess-applied = { $count ->
        [one] { $count } change
       *[other] { $count } changes
    } taken over.
cli-status-line = { $scope }: { $percent } % ready — { $covered } covered, { $needs_review ->
        [one] { $needs_review } needs review
       *[other] { $needs_review } need review
    }, { $missing } missing. Predicted result: { $result }.
cli-status-through_question = Of those covered, { $count ->
        [one] { $count } requirement stands
       *[other] { $count } requirements stand
    } only on evidence linked to its whole control question: { $ids }. An auditor may ask for evidence of each requirement itself.
evidence-duplicates = Same content
evidence-orphans = Linked to nothing

# ISO/SAE 21434 work products: short names in our own words, as evidence types.
wp-WP-05-01 = Cybersecurity policy, rules and processes
wp-WP-05-02 = Competence, awareness and improvement records
wp-WP-05-03 = Management system records
wp-WP-05-04 = Tool management records
wp-WP-05-05 = Organisational cybersecurity audit report
wp-WP-06-01 = Cybersecurity plan
wp-WP-06-02 = Cybersecurity case
wp-WP-06-03 = Cybersecurity assessment report
wp-WP-06-04 = Release for post-development report
wp-WP-07-01 = Cybersecurity interface agreement
wp-WP-08-01 = Sources of cybersecurity information
wp-WP-08-02 = Triggers
wp-WP-08-03 = Cybersecurity events
wp-WP-08-04 = Weaknesses from cybersecurity events
wp-WP-08-05 = Vulnerability analysis
wp-WP-08-06 = Rationale for managing vulnerabilities
wp-WP-09-01 = Item definition
wp-WP-09-02 = TARA
wp-WP-09-03 = Cybersecurity goals
wp-WP-09-04 = Cybersecurity claims
wp-WP-09-05 = Verification report for cybersecurity goals
wp-WP-09-06 = Cybersecurity concept
wp-WP-09-07 = Verification report of the cybersecurity concept
wp-WP-10-01 = Cybersecurity specifications
wp-WP-10-02 = Cybersecurity requirements for post-development
wp-WP-10-03 = Languages and coding guidelines
wp-WP-10-04 = Verification report for the specification
wp-WP-10-05 = Weaknesses found in development
wp-WP-10-06 = Integration and verification specification
wp-WP-10-07 = Integration and verification reports
wp-WP-11-01 = Validation report
wp-WP-12-01 = Production control plan
wp-WP-13-01 = Incident response plan
wp-WP-14-01 = End of support communication procedures
wp-WP-15-01 = Damage scenarios
wp-WP-15-02 = Assets with cybersecurity properties
wp-WP-15-03 = Threat scenarios
wp-WP-15-04 = Impact ratings
wp-WP-15-05 = Attack paths
wp-WP-15-06 = Attack feasibility ratings
wp-WP-15-07 = Risk values
wp-WP-15-08 = Risk treatment decisions

# Evidence screen and dashboard (UI)
evidence_ui-tab_vault = Vault
evidence_ui-tab_requirements = Requirements & self-assessment
evidence_state-current = current
evidence_state-changed = changed
evidence_state-review-due = review due
evidence_state-missing = source missing
evidence_state-current_hint = The newest version is reviewed and its review date has not passed: it counts as evidence.
evidence_state-changed_hint = The file at the source changed since the last review. Look at the new version, then mark it reviewed.
evidence_state-review-due_hint = Its review date has passed. Check that it still holds, then mark it reviewed with the next review date.
evidence_state-missing_hint = The file is no longer at its source path. The vault keeps its copy; move the file back or add it from its new place.
requirement_state-covered = covered
requirement_state-needs-review = needs review
requirement_state-missing = missing
classification-public = public
classification-internal = internal
classification-confidential = confidential
classification-strictly-confidential = strictly confidential
assess_result-none = not assessed yet
assess_result-conform = Conform
assess_result-minor = Minor non-conformity
assess_result-major = Major non-conformity
assess_result-na = Not applicable
predicted-pass = Pass
predicted-conditional_pass = Conditional pass
predicted-fail = Fail
predicted-incomplete = Incomplete
predicted-pass_hint = Every applicable control question is self-assessed as conform.
predicted-conditional_pass_hint = At least one minor non-conformity: labels only with a corrective action plan.
predicted-fail_hint = At least one major non-conformity: no label until it is resolved.
predicted-incomplete_hint = Without a self-assessment yet: { $open } of { $total ->
        [one] { $total } applicable control question
       *[other] { $total } applicable control questions
    }.
vault-add_heading = Add evidence
vault-drop_hint = Type or choose files and folders (folders are added with everything in them), or drop them on this window. Each file is copied into the vault and hashed; the source is checked for changes later.
vault-paths = Files or folders
vault-paths_hint = One absolute path per line.
vault-paths_placeholder = /home/me/Documents/policy.pdf
vault-choose_files = Choose files …
vault-choose_folder = Choose folder …
vault-title = Title
vault-title_hint = Leave empty to use the file name.
vault-type = Type
vault-type_other = Other document
vault-type_other_short = other
vault-owner = Owner
vault-classification = Classification
vault-review_due = Review due
vault-review_due_hint = After this date the evidence needs a review again.
vault-links = Link to requirements
vault-links_hint = Requirement or control question IDs, separated by commas or spaces, for example 1.1.a, 3.1
vault-links_placeholder = 1.1.a, 3.1
vault-link_scope = For scope
vault-every_scope = Every scope
vault-add = Add evidence
vault-adding = Adding …
vault-added_summary = { $added } added, { $already } already in the vault, { $failed } failed.
vault-added_twins = { $count ->
        [one] { $count } file has
       *[other] { $count } files have
    } the content of an item whose source is missing: relocate that item, or add the file as a new one.
vault-cancelled = Cancelled: the rest was not added.
vault-cancel = Cancel
vault-job_add = Adding files
vault-job_scan = Checking sources
vault-progress_starting = Starting …
vault-progress_files = { $done } of { $total ->
        [one] { $total } file
       *[other] { $total } files
    }
vault-progress_bytes = { $done } of { $total }
vault-scan = Check sources
vault-scan_hint = Compares each source file's size and time with the vault, and re-hashes those that differ.
vault-scan_deep = Re-hash everything
vault-scan_deep_hint = Reads every source file completely and compares its SHA-256 with the vault. Takes longer.
vault-scanning = Checking the sources …
vault-scan_unreachable = { $count ->
        [one] 1 source was recorded on another computer, in a folder this one cannot reach: not missing, scan it there.
       *[other] { $count } sources were recorded on other computers, in folders this one cannot reach: not missing, scan them there.
    }
vault-scanned = Sources checked: { $unchanged } unchanged, { $changed } changed, { $missing } missing.
vault-scan_cancelled = Cancelled: { $count } not checked.
vault-findings = Worth a look
vault-duplicates_hint = (the same file is evidence more than once)
vault-orphans_hint = (evidence that proves nothing yet: link it or remove it)
vault-items = Evidence items
vault-filter = Filter evidence
vault-filter_placeholder = Filter by title, type, owner or link …
vault-state = State
vault-all_states = all
vault-count = { $shown } of { $total ->
        [one] { $total } item
       *[other] { $total } items
    }
vault-type_filter = Type
vault-all_types = all
vault-classification_filter = Classification
vault-all_classifications = all
vault-orphans_more = and { $count ->
        [one] { $count } more
       *[other] { $count } more
    }
vault-orphans_show = Show the unlinked items in the table
vault-linked_filter = Links
vault-linked_any = all
vault-linked_none = none yet
vault-linked_some = at least one
vault-empty = The vault is empty. Add files above or drop them on this window.
vault-empty_read_only = The vault is empty.
vault-none_match = No evidence matches the filter.
vault-col_title = Title
vault-col_type = Type
vault-col_owner = Owner
vault-col_classification = Classification
vault-col_review_due = Review due
vault-col_version = Version
vault-col_state = State
vault-col_links = Links
vault-details_of = Details of { $title }
vault-no_links = none
vault-close = Close
vault-source = Source
vault-size = Size
vault-added_at = Added
vault-version_reviewed = { $version } (reviewed)
vault-version_unreviewed = { $version } (last reviewed: { $reviewed })
vault-review_explain = Marking it reviewed confirms that version { $version } still serves as evidence, so it covers its requirements again.
vault-next_review = Next review
vault-mark_reviewed = Mark reviewed
vault-reviewed = Marked reviewed.
vault-reviewed_mark = reviewed
vault-edit_details = Details
vault-versions = Versions
vault-hash = SHA-256
vault-file = File name
vault-recorded = Recorded
vault-links_heading = Links
vault-no_links_long = Not linked to any requirement or control question yet.
vault-for_object = for { $name }
vault-unlink = Unlink
vault-unlink_from = Remove the link to { $target }
vault-link_to = Link to
vault-link_object = For protection object
vault-every_object = Every protection object
vault-link_note = Note
vault-link = Link
vault-linked = { $count ->
        [one] { $count } new link
       *[other] { $count } new links
    }.
vault-remove = Remove from the vault
vault-really_remove = Really remove?
vault-remove_hint = Removes the item, its versions and links from the vault. The source file stays where it is.
bulk-heading = Change the selected items
bulk-none_selected = No items selected: tick rows (Shift+click for a range), or select all the filter keeps.
bulk-selected = { $count ->
        [one] { $count } item selected
       *[other] { $count } items selected
    }.
bulk-all_selected = All { $count ->
        [one] { $count } item
       *[other] { $count } items
    } the filter keeps are selected, on every page.
bulk-select_all_matching = Select all { $count ->
        [one] { $count } item
       *[other] { $count } items
    } matching the filter
bulk-clear = Clear selection
bulk-action = Change
bulk-action_work_product = Set the type (work product)
bulk-action_owner = Set the owner
bulk-action_classification = Set the classification
bulk-action_review_due = Set the review date
bulk-action_review = Mark reviewed
bulk-action_link = Link to requirements or questions
bulk-action_remove = Remove from the vault
bulk-apply = Apply to the selection
bulk-next_review_hint = Optional; after today. Empty keeps each item’s date.
bulk-remove_question = Remove { $count ->
        [one] { $count } evidence item
       *[other] { $count } evidence items
    } with their links? The vault keeps their contents, the source files stay where they are.
bulk-remove_confirm = Remove them
bulk-cancel = Cancel
bulk-applying = Changing { $count ->
        [one] { $count } item
       *[other] { $count } items
    } …
bulk-changed = { $count ->
        [one] { $count } item
       *[other] { $count } items
    } changed of { $selected } selected.
bulk-linked = { $count ->
        [one] { $count } new link
       *[other] { $count } new links
    } for { $selected } items.
bulk-removed = { $count ->
        [one] { $count } item
       *[other] { $count } items
    } removed.
bulk-tick_page = Select every item on this page
bulk-tick_item = Select { $title }
files-open = Open the file
files-open_short = Open
files-open_version = Open version { $version }
files-opened = Opened a read-only copy with the default program.
files-reveal = Show where the source lives
files-reveal_missing = The source is missing: locate it first.
files-source_is = The source is { $path }
files-relocate_heading = The source moved or was renamed
files-relocate_path = New place of the source
files-relocate_hint = The item keeps its versions and links; if the file there differs, it becomes a new version to review.
files-locate = Locate…
files-relocate = Relocate
files-relocated = The item now points to the file there (same content).
files-relocated_changed = The item now points to the file there; its content differs, so it is version { $version }, to review.
files-relocate_item = Relocate “{ $title }” to this file
files-relocated_item = “{ $title }” now points to the file, with its versions and links.
files-add_as_new = Add as a new item
scan_items-changed = Changed:
scan_items-missing = Missing:
scan_items-unreachable = Not reachable from this computer:
scan_items-failed = Failed:
mapping-no_scopes = There is no scope yet. Requirements and the self-assessment belong to a scope.
mapping-to_scope = Define a scope
mapping-scope = Scope
mapping-show = Show
mapping-show_all = all requirements
mapping-show_gaps = gaps (missing or needs review)
mapping-summary = { $percent } ready:
mapping-counts = { $covered } covered, { $needs_review ->
        [one] { $needs_review } needs review
       *[other] { $needs_review } need review
    }, { $missing } missing
mapping-drop_hint = Drop files on a requirement to add them to the vault and link them to it.
mapping-question_tally = { $covered } of { $total } covered
mapping-assess_result = Self-assessment
mapping-assess_implementation = How it is implemented
mapping-assess_reference = Reference documentation
mapping-assess_save = Save assessment
mapping-deviation = deviation
mapping-deviation_hint = A justified deviation from this should-requirement is recorded in the scope.
mapping-no_evidence = No evidence yet: drop a file here or link one.
mapping-link_choose = Evidence to link to { $id }
mapping-link_to = Link the chosen evidence to { $id }
mapping-link = Link
mapping-link_open = Link evidence …
mapping-link_open_to = Link evidence to { $id }
mapping-link_cancel = Cancel
mapping-evidence_loading = Loading evidence …
mapping-more_evidence = and { $count } more
mapping-more_evidence_of = { $id }: show more of { $count ->
        [one] { $count } further item
       *[other] { $count } further items
    }
mapping-na_questions = Not applicable in this scope ({ $count }): { $ids }
mapping-adding_to = Adding and linking to { $id } …
mapping-added_to = { $id }: { $added } added, { $linked } existing linked, { $failed } failed.
mapping-import_heading = Take over a filled ENX workbook for { $scope }
mapping-import_hint = Reads the self-assessment (result, implementation, reference documentation) from a filled VCS workbook. You see every change before anything is taken over.
mapping-import_file = Filled workbook
mapping-import_preview = Show changes
mapping-import_apply = Take over changes
mapping-import_reading = Reading the workbook …
mapping-import_applying = Taking over …
mapping-import_previewed = { $count ->
        [one] { $count } change
       *[other] { $count } changes
    }. Nothing is changed yet: check them, then take them over.
mapping-import_nothing = The workbook brings no changes.
mapping-import_applied = { $count ->
        [one] { $count } change
       *[other] { $count } changes
    } taken over.
mapping-import_question = Question
mapping-import_field = Field
mapping-import_change = Before → after
mapping-import_field_result = Result
mapping-import_field_implementation = Implementation
mapping-import_field_reference_documentation = Reference documentation
mapping-import_empty = empty
mapping-import_skipped = Rows left out ({ $count })
mapping-import_row = Row { $row }:
picker-placeholder = Search by title, file name, type or owner …
picker-matches_label = Matching evidence
picker-chosen_label = Chosen evidence
picker-matches = { $count ->
        [one] { $count } match
       *[other] { $count } matches
    }. The arrow keys move, Enter chooses.
picker-first_matches = The first { $count } matches: type more to narrow them down.
picker-none = No evidence matches “{ $text }”.
picker-remove = Remove { $title }
readiness-open_requirements = Requirements and self-assessment
readiness-ring_label = { $percent } of the applicable requirements are covered
readiness-ready = ready
readiness-total = applicable requirements
readiness-predicted = Predicted result:
readiness-by_objective = By objective
readiness-by_chapter = By chapter
readiness-tally = { $covered } covered, { $needs_review ->
        [one] { $needs_review } needs review
       *[other] { $needs_review } need review
    }, { $missing } missing
readiness-nothing_applies = Nothing applies yet.
readiness-trend = Trend
readiness-trend_starts = The trend starts today: each day the app is used adds a point.
readiness-trend_from = From { $from_percent } on { $from } to { $to_percent } on { $to }.
readiness-top_gaps = Biggest gaps
readiness-gaps_ranking = Heaviest first: must before should, missing before needing review, then the control questions with the most missing requirements.
readiness-through_question = through its question
readiness-through_question_hint = Counted as covered only by evidence linked to the whole control question { $question }. An auditor may ask for evidence of this requirement itself.
readiness-covered_through_question = { $count ->
        [one] { $count } covered requirement stands
       *[other] { $count } covered requirements stand
    } only on evidence linked to the whole control question.
readiness-no_gaps = No gaps: every applicable requirement is covered.
readiness-no_scopes = Readiness appears here once a scope is defined.
live-others = Also open: { $names }
live-others_hint = Others who have this workspace open now; their changes appear here as they save them.
live-user_windows = { $count ->
    [one] { $user }
   *[other] { $user } ({ $count } windows)
}
live-lost = The server cannot be reached: changes by others appear again once it is back.
live-changed_while_editing = Someone else saved changes while you were editing.
live-changed_hint = Saving stays safe: a record they changed is not overwritten; you are told who changed it instead.
live-show_changes = Show them (discards what you typed)
scan-running = Checking evidence sources …
scan-unreachable = { $count } not reachable from this computer
scan-done = Evidence sources checked: { $changed } changed, { $missing } missing
scan-failed = Evidence sources could not be checked: { $message }

# Audits, findings, corrective actions, labels and deadlines
thing-rule = rule
thing-audit = audit
thing-finding = finding
thing-action = corrective action
thing-sharing = sharing
thing-member = member
team-role-viewer = viewer
team-role-editor = editor
team-role-admin = admin
team-owner = owns the database
input-text_missing = Enter a text.
input-bad_months = “{ $given }” is not a number of months from 1 to { $max }.
input-action_months_order = The corrective action periods must grow: without justification ≤ with justification ≤ the longest.
input-fixed_rule = “{ $given }”: this rule is fixed and cannot be changed.
countdown-today = today
countdown-tomorrow = tomorrow
countdown-yesterday = yesterday
countdown-in_days = in { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
countdown-days_ago = { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago
audit-bad_kind = “{ $given }” is not a kind of audit. Use initial, cap or follow-up.
audit-closing_missing = Enter the date of the closing meeting.
audit-closing_before_opening = The closing meeting ({ $closing }) cannot be before the opening meeting ({ $opening }).
audit-needs_initial = A { $kind } audit follows an initial audit, and scope { $scope } has none yet. Record the initial audit first.
audit-before_initial = This audit cannot close before the initial audit did ({ $date }).
audit-bad_phase = “{ $given }” is not a phase state. Use open, in-progress or done.
audit-decision_needs_reason = Say why the audit team failed the audit despite a conditional pass.
audit-result_not_applicable = Question { $question } does not apply to scope { $scope }, so it takes no result. Make it applicable in the scope first if the auditor assessed it.
audit-bad_finding_type = “{ $given }” is not a finding type. Use major, minor, observation or improvement.
audit-finding_of_other_scope = Finding { $finding } belongs to scope { $other }, not to { $scope }. Choose a finding of { $scope }.
audit-due_missing = Enter the due date.
audit-due_needs_justification = The due date is more than { $months ->
        [one] { $months } month
       *[other] { $months } months
    } after the closing meeting (after { $date }): add a justification.
audit-due_requires_justification = A due date more than { $months ->
        [one] { $months } month
       *[other] { $months } months
    } after the closing meeting (after { $date }) is only allowed with a justification.
audit-due_too_late = A due date more than { $months ->
        [one] { $months } month
       *[other] { $months } months
    } after the closing meeting (after { $date }) is not allowed: all non-conformities must be resolved by then.
audit-bad_action_status = “{ $given }” is not a status. Use open, in-progress, done or verified.
audit-owner_missing = Enter the owner: every corrective action needs someone responsible for it.
audit-due_before_closing = The due date { $due } is before the audit’s closing meeting ({ $closing }): a corrective action is planned after the audit. Choose { $closing } or later.
audit-finding_result_disagree = Question { $question } has a finding “{ $finding }” but its result is “{ $result }”: set the result to “{ $needed }”, or change the finding’s type.
audit-finding_has_actions = Finding { $finding } has { $count ->
        [one] { $count } corrective action
       *[other] { $count } corrective actions
    }: removing the finding removes them too. Confirm removing them with it.
audit-has_findings = Audit { $audit } has { $findings ->
        [one] { $findings } finding
       *[other] { $findings } findings
    } with { $actions ->
        [one] { $actions } corrective action
       *[other] { $actions } corrective actions
    }: removing the audit removes them too. Confirm removing them with it.
audit-result_twice = Question { $question } appears twice: give each question one result.
audit-cap_takes_no_results = A CAP audit takes no results per question: it confirms the corrective action plan of the initial audit. Record results on the initial or follow-up audit.
cli-confirm_flag_hint = To go ahead, run the same command again with { $flag }.
cli-finding-changed = Finding { $id } changed.
cli-action-changed = Corrective action { $id } changed.
cli-audit-results_saved = { $count ->
        [one] { $count } result
       *[other] { $count } results
    } saved.
cli-action-page = Actions { $from } to { $to } of { $total }: use --offset and --limit for the others.
cli-results-bad_set = “{ $given }” is not QUESTION=RESULT, for example 1.1=conform.
cli-results-bad_line = Line { $line } is not QUESTION,RESULT[,DESCRIPTION], for example 1.1,minor,Policy not reviewed.
audits_ui-save_results = Save all results
audits_ui-results_keys = Move between questions with the arrow keys (Home and End jump); in the result column type c for conform, m for minor, M (capital) for major, n to clear. Every change is saved together with “Save all results”.
audits_ui-results_changed = { $count ->
        [one] { $count } result changed
       *[other] { $count } results changed
    }, not saved yet.
audits_ui-results_saved = { $count ->
        [one] { $count } result saved
       *[other] { $count } results saved
    }.
audits_ui-results_refused = Nothing was saved: { $count ->
        [one] { $count } question needs
       *[other] { $count } questions need
    } a change (see the marked rows).
audits_ui-plan_confirmed = Plan confirmed
audits_ui-plan_unconfirmed = Plan not confirmed yet
audits_ui-plan_tally = A CAP audit confirms the corrective action plan; it has no results per question.
audits_ui-plan_heading = The corrective action plan
audits_ui-plan_confirmed_text = The CAP audit report confirms this plan: with a conditional pass, temporary labels run.
audits_ui-plan_unconfirmed_text = Not confirmed yet: tick “The CAP audit report confirms the corrective action plan” above once the report says so.
audits_ui-plan_no_initial = No initial audit closed before this CAP audit, so there is no plan to confirm.
audits_ui-actions_table = Corrective actions of this audit ({ $count })
audits_ui-all_actions = Corrective actions of every audit
audits_ui-all_actions_hint = Filter by scope, owner, status and due date; change a status in place.
audits_ui-any_status = Any status
audits_ui-status_unfinished = Open or in progress
audits_ui-filter_scope = Scope
audits_ui-filter_owner = Owner
audits_ui-filter_status = Status
audits_ui-filter_due_by = Due by
audits_ui-no_actions_match = No corrective action matches.
audits_ui-col_due = Due
audits_ui-col_status = Status
audits_ui-col_action = Corrective action
audits_ui-col_owner = Owner
audits_ui-col_finding = Finding
audits_ui-col_scope = Scope
audits_ui-edit_action = Change
audits_ui-action_status = Status
audits_ui-action_changed = Corrective action changed.
audits_ui-remove_action = Remove
audits_ui-remove_action_confirm = Really remove this action?
audits_ui-action_removed = Corrective action removed.
audits_ui-edit_finding = Change finding
audits_ui-finding_changed = Finding changed.
audits_ui-remove_finding = Remove finding
audits_ui-remove_finding_confirm = Remove it and its { $count ->
        [one] { $count } corrective action
       *[other] { $count } corrective actions
    }?
audits_ui-remove_finding_confirm_empty = Really remove this finding?
audits_ui-finding_removed = Finding removed.
audits_ui-remove_audit_heading = Remove this audit
audits_ui-remove_audit = Remove audit
audits_ui-remove_audit_confirm = Remove it with its results, { $findings ->
        [one] { $findings } finding
       *[other] { $findings } findings
    } and { $actions ->
        [one] { $actions } corrective action
       *[other] { $actions } corrective actions
    }?
audits_ui-remove_audit_confirm_empty = Remove it with its results?
mapping-assess_all = Self-assess every question at once
mapping-assess_implementation_of = Implementation description of question { $id }
audit-closing_after_actions = { $count ->
        [one] { $count } corrective action is
       *[other] { $count } corrective actions are
    } due before this closing meeting (the first on { $date }): choose a closing meeting on or before { $date }, or move their due dates first.
cli-finding-page = Findings { $from } to { $to } of { $total }: use --offset and --limit for the others.
audits_ui-all_findings = Findings of every audit
audits_ui-any_type = Any type
audits_ui-type_nonconformity = Major or minor non-conformity
audits_ui-filter_text = Text
audits_ui-no_findings_match = No finding matches.
audits_ui-col_open_actions = Corrective actions
audits_ui-col_audit = Audit
audits_ui-open_of = { $open } of { $total } unfinished
labels-next_planned = No audit yet: the audit is planned for { $date }.
labels-next_plan_audit = No audit yet: plan the initial audit.
labels-next_results = The initial audit has questions without a result: record them to see the labels.
labels-next_follow_up = Temporary labels until { $date }. When a follow-up audit confirms every non-conformity resolved before then, permanent labels follow; otherwise a new initial audit is needed.
labels-next_cap = Conditional pass: a corrective action plan audit must confirm the plan; the follow-up audit is due before { $date }.
labels-next_renewal = Permanent labels: start the renewal audit from { $date }.
labels-next_none = Nothing due.
labels-none_failed = No labels: the audit was failed. A new initial audit is needed.
labels-none_late = No labels: the follow-up audit came too late. A new initial audit is needed.
labels-temporary_not_renewable = The labels of { $scope } are temporary (until { $date }): they are not renewed. A follow-up audit that confirms every non-conformity resolved before then brings permanent labels; otherwise a new initial audit is needed.
labels-renewal_needs_date = Enter the date planned for the renewal audit.
deadline-vcs_label_temporary = Temporary VCS label { $objective } of { $scope } expires
deadline-vcs_label_permanent = VCS label { $objective } of { $scope } expires
deadline-renewal = Start the renewal audit of { $scope }
deadline-follow_up = Last day for the follow-up audit of { $scope }
deadline-planned_audit = Planned audit of { $scope }
deadline-tisax_label = TISAX label { $label } of { $location } expires
deadline-action = Corrective action for { $question }: { $text }
deadline-evidence_review = Review evidence “{ $title }”
notify-title = { $count ->
        [one] { $count } deadline
       *[other] { $count } deadlines
    } within { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ({ $overdue } overdue)
notify-yours = { $count ->
        [one] 1 of them is yours ({ $me }), listed first
       *[other] { $count } of them are yours ({ $me }), listed first
    }
notify-more = and { $count } more: see Deadlines
input-me_invalid = Your name as an owner may have at most { $max } characters and no control characters.
input-bad_notify_days = “{ $given }” is not a number of days from 0 to { $max } (0 turns the notifications off).
deadline-kind-vcs-label = VCS label
deadline-kind-renewal = Renewal
deadline-kind-tisax-label = TISAX label
deadline-kind-corrective-action = Corrective action
deadline-kind-follow-up-audit = Follow-up audit
deadline-kind-evidence-review = Evidence review
deadline-kind-planned-audit = Planned audit
error-file_unwritable = { $path } cannot be written: { $detail }. Choose a folder you may write to.
error-output_in_workspace = { $path } is inside the workspace folder { $workspace }: writing there would overwrite the workspace's own files. Choose a folder outside the workspace.
error-lock_not_a_file = { $path } is a link or a folder, not the plain lock file CSMS Desk writes. Remove it (nothing of the workspace is in it) and open the workspace again.
io-not_found = it does not exist (check the path, or whether it was moved)
io-permission_denied = you may not access it (check its permissions)
io-invalid_filename = its name is not valid on this system (rename it)
io-link_loop = it is a link that leads back to itself (remove or fix the link)
io-not_a_directory = a part of its path is a file, not a folder
io-is_a_directory = it is a folder, not a file
io-storage_full = the disk is full (free some space)
io-read_only = the disk or folder is read-only
io-already_exists = something of that name is already there
io-busy = another program is using it (close that program)
io-too_large = it is larger than this disk allows
io-network = the network drive did not answer (check the connection)
io-damaged = its content is damaged or incomplete
io-other = the operating system refused (error { $code })
cli-error-internal = Something went wrong inside CSMS Desk. Nothing was saved. Run the command again with CSMSDESK_LOG=debug to see the details, and please report them.
evidence-link_outside = { $path } is a link to { $target }, outside the folder { $folder }: it was skipped. To add that file on purpose, add { $target } itself.
catalogue-version_unknown = The version of { $file } cannot be read (its version history sheet is missing or unreadable), so it cannot be compared with the current version { $current }. Importing it would replace version { $current } as the current catalogue and move { $scopes ->
        [one] { $scopes } scope
       *[other] { $scopes } scopes
    } to it. Import it only if it really is a newer version of the same catalogue: confirm to go ahead.
catalogue-replaces_unknown = { $file } has version { $version }, but the version of the current catalogue cannot be read, so the two cannot be compared. Importing it would replace the current catalogue and move { $scopes ->
        [one] { $scopes } scope
       *[other] { $scopes } scopes
    } to it. Confirm to go ahead.
catalogue-confirm_replace = Replace the current catalogue
cli-confirm_hint = To go ahead, run the same command again with --replace.
deadline-bad_kind = “{ $given }” is not a kind of deadline. Use vcs-label, renewal, tisax-label, corrective-action, follow-up-audit, evidence-review or planned-audit.
cli-audit-added = Added audit #{ $id } ({ $kind }, closing meeting { $date }).
cli-finding-added = Added finding #{ $id }.
cli-action-added = Added corrective action #{ $id }.

# Audits, deadlines and labels (UI)
audit_kind-initial = Initial audit
audit_kind-cap = CAP audit
audit_kind-follow-up = Follow-up audit
audit_phase-organisation = 1. Organisational check
audit_phase-organisation_hint = Does the CSMS meet the requirements of the objectives across all protection objects and locations?
audit_phase-sampling = 2. Protection object samples
audit_phase-sampling_hint = The auditor chooses the samples from what phase 1 found.
audit_phase-sample-check = 3. Sample check
audit_phase-sample-check_hint = Were the CSMS processes applied consistently over each sampled object’s lifecycle?
phase_state-open = Open
phase_state-in-progress = In progress
phase_state-done = Done
finding_type-major = Major non-conformity
finding_type-minor = Minor non-conformity
finding_type-observation = Observation
finding_type-improvement = Room for improvement
action_status-open = Open
action_status-in-progress = In progress
action_status-done = Done
action_status-verified = Verified
label_kind-temporary = Temporary
label_kind-permanent = Permanent
audits_ui-scope = Scope
audits_ui-no_scopes = Audits belong to a VCS scope. Define a scope first.
audits_ui-audits_of = Audits of { $scope }
audits_ui-none_yet = No audit recorded for this scope yet. Record the initial audit below once its dates are set.
audits_ui-col_kind = Audit
audits_ui-col_opening = Opening meeting
audits_ui-col_closing = Closing meeting
audits_ui-col_provider = Provider and lead auditor
audits_ui-col_overall = Overall result
audits_ui-add_heading = Record an audit
audits_ui-add_hint = The initial audit comes first; a corrective action plan (CAP) audit and the follow-up audit follow it. The closing meeting dates the labels and every deadline.
audits_ui-kind = Kind of audit
audits_ui-kind_hint = CAP and follow-up audits need the initial audit first.
audits_ui-provider = Audit provider
audits_ui-lead_auditor = Lead auditor
audits_ui-opening = Opening meeting
audits_ui-closing = Closing meeting
audits_ui-closing_hint = Labels and corrective action deadlines count from this date.
audits_ui-add = Record audit
audits_ui-detail_title = { $kind }, closing meeting { $date }
audits_ui-kind_explain_initial = Three phases: organisational check, choosing protection object samples, and the sample check. Its results decide the labels.
audits_ui-kind_explain_cap = Checks the corrective action plan after a conditional pass; a confirmed plan earns temporary labels.
audits_ui-kind_explain_follow_up = Confirms that every non-conformity is resolved; then permanent labels replace the temporary ones.
audits_ui-overall = Overall result
audits_ui-tally = With a result: { $done } of { $total ->
        [one] { $total } applicable question
       *[other] { $total } applicable questions
    }; { $conform } conform, { $minor ->
        [one] { $minor } minor non-conformity
       *[other] { $minor } minor non-conformities
    }, { $major ->
        [one] { $major } major non-conformity
       *[other] { $major } major non-conformities
    }.
audits_ui-edit_heading = Dates, people, phases and decision
audits_ui-phases = Phases of the initial audit
audits_ui-decision_initial = The audit team failed the audit despite a conditional pass
audits_ui-decision_initial_hint = When several minor non-conformities point to a systemic problem. There are no labels then: a new initial audit is needed.
audits_ui-decision_cap = The CAP audit report confirms the corrective action plan
audits_ui-decision_cap_hint = After a conditional pass this earns temporary labels, valid until 9 months after the initial audit’s closing meeting.
audits_ui-decision_follow_up = The follow-up audit confirms every non-conformity resolved
audits_ui-decision_follow_up_hint = Permanent labels follow, counted from the initial audit’s closing meeting.
audits_ui-decision_reason_initial = Reason (needed when the audit was failed)
audits_ui-decision_note = Note
audits_ui-results = Results per control question
audits_ui-results_hint = Enter the auditor’s result for each applicable question, then save them all at once. The overall result counts every applicable question; a result must agree with the question’s findings.
audits_ui-nothing_applies = No control question applies to this scope.
audits_ui-col_question = Question
audits_ui-col_result = Result
audits_ui-col_findings = Findings description
audits_ui-col_save = Save
audits_ui-result_none = no result yet
audits_ui-result_of = Result of question { $id }
audits_ui-findings_of = Findings description of question { $id }
audits_ui-save_result_of = Save the result of question { $id }
audits_ui-unsaved = Not saved yet
audits_ui-na_questions = { $count ->
        [one] { $count } question
       *[other] { $count } questions
    } not applicable in this scope: { $ids }
audits_ui-na_hint = They take no result and do not count for the overall result. Make a question applicable on the scope screen if the auditor assessed it.
audits_ui-findings = Findings and corrective actions
audits_ui-no_findings = No findings recorded.
audits_ui-more_findings = { $count ->
        [one] Show the next finding ({ $shown } of { $total } shown)
       *[other] Show the next { $count } findings ({ $shown } of { $total } shown)
    }
audits_ui-for_object = Protection object: { $name }
audits_ui-actions_of = Corrective actions of finding { $id }
audits_ui-no_actions = No corrective action.
audits_ui-no_actions_nonconformity = No corrective action yet: a non-conformity needs one.
audits_ui-due_on = Due { $date }
audits_ui-justification_shown = Justification: { $text }
audits_ui-status_of = Status of “{ $text }”
audits_ui-add_action_heading = Add a corrective action
audits_ui-action_text = What will be done
audits_ui-action_owner = Owner
audits_ui-action_department = Department
audits_ui-action_due = Due date
audits_ui-action_justification = Justification
audits_ui-action_justification_hint = Expected for a due date more than { $free ->
        [one] { $free } month
       *[other] { $free } months
    } after the closing meeting, required after { $justified ->
        [one] { $justified } month
       *[other] { $justified } months
    }.
audits_ui-action_evidence = Evidence (optional)
audits_ui-action_evidence_hint = Search by title, file name, type or owner; choose one or several with Enter or a click.
audits_ui-add_action = Add corrective action
audits_ui-action_added = Corrective action added.
audits_ui-due_limits = Without justification until { $free }, with a justification until { $justified }, never after { $max }.
audits_ui-due_expected = After { $date }: a justification is expected; without one the action is added with a warning.
audits_ui-due_required = After { $date }: add a justification, or the due date is refused.
audits_ui-due_too_late = After { $date }: refused, because every non-conformity must be resolved by then.
audits_ui-add_finding_heading = Record a finding
audits_ui-finding_question = Control question
audits_ui-finding_type = Type
audits_ui-finding_object = Protection object
audits_ui-finding_object_hint = Optional: the sampled object where the deviation was found.
audits_ui-no_object = None (the CSMS as a whole)
audits_ui-finding_text = Finding
audits_ui-add_finding = Record finding
audits_ui-finding_added = Finding recorded.
audits_ui-import_heading = Take over the provider’s filled workbook
audits_ui-import_hint = Reads the auditor’s results, findings descriptions and measures from the filled ENX workbook the provider returns. You see every change first; each measure becomes a finding with an open corrective action.
audits_ui-import_file = Filled workbook
audits_ui-import_previewed = { $results ->
        [one] { $results } result
       *[other] { $results } results
    } and { $measures ->
        [one] { $measures } measure
       *[other] { $measures } measures
    } to take over. Nothing is changed yet: check them, then take them over.
audits_ui-import_applied = Taken over: { $results ->
        [one] { $results } result
       *[other] { $results } results
    }, and { $measures ->
        [one] { $measures } measure
       *[other] { $measures } measures
    } as findings with corrective actions.
audits_ui-import_measures = Measures ({ $count })
audits_ui-import_measures_hint = Each becomes a finding with an open corrective action, due at the end of the period without justification.
labels_ui-heading = VCS labels
labels_ui-of_scope = VCS labels of { $scope }
labels_ui-none = No VCS labels yet.
labels_ui-valid_until = valid until { $date } ({ $countdown })
labels_ui-renew_heading = Plan the renewal audit
labels_ui-renew_hint = Permanent labels are renewed by a new audit, started about a year before they expire. Temporary labels can never be renewed.
labels_ui-renew_date = Planned date of the renewal audit
labels_ui-renew = Plan renewal audit
labels_ui-renewed = Renewal audit planned for { $date }.
labels_ui-card_label = { $objective } label of { $scope }
labels_ui-card_none_label = { $scope }: no VCS label yet
labels_ui-no_label = No label yet
labels_ui-days_left = { $days ->
        [one] day left
       *[other] days left
    }
labels_ui-days_since_expiry = { $days ->
        [one] day since expiry
       *[other] days since expiry
    }
labels_ui-expires_words = expires { $countdown }
labels_ui-expired_words = expired { $countdown }
labels_ui-valid_range = Valid from { $from } to { $until }
labels_ui-to_audits = To the audits
deadlines_ui-filter = Filter deadlines
deadlines_ui-kind = Kind
deadlines_ui-all_kinds = All kinds
deadlines_ui-scope = Scope
deadlines_ui-all_scopes = All scopes
deadlines_ui-mine = Only mine ({ $me })
deadlines_ui-mine_hint = Those whose owner contains your name as an owner (Settings → On this desk).
deadlines_ui-owner = Owner
deadlines_ui-within = Due within (days)
deadlines_ui-within_hint = Empty shows all; overdue ones always show.
deadlines_ui-within_bad = Enter a whole number of days from 0 to { $max }, or leave it empty.
deadlines_ui-summary = { $total ->
        [one] { $total } deadline
       *[other] { $total } deadlines
    }: { $overdue } overdue, { $soon } more due within { $days ->
        [one] { $days } day
       *[other] { $days } days
    }.
deadlines_ui-none = No deadlines: nothing is due.
deadlines_ui-none_filtered = No deadline matches the filter.
deadlines_ui-col_due = Due
deadlines_ui-col_countdown = Countdown
deadlines_ui-col_kind = Kind
deadlines_ui-col_what = What
deadlines_ui-col_scope = Scope
deadlines_ui-col_owner = Owner
deadlines_ui-overdue = Overdue
deadlines_ui-overdue_since = overdue, due { $countdown }
deadlines_ui-export_heading = Calendar export
deadlines_ui-export_hint = Writes the deadlines the filter shows as an iCalendar file (.ics) for Outlook, Thunderbird or any other calendar.
deadlines_ui-ics_path = Calendar file
deadlines_ui-choose = Choose…
deadlines_ui-export = Export calendar
deadlines_ui-exporting = Writing the calendar …
deadlines_ui-exported = { $count ->
        [one] { $count } deadline
       *[other] { $count } deadlines
    } written to { $path }.
deadlines_ui-next_heading = Next deadlines
deadlines_ui-all = All deadlines
settings-label_rules = Labels and corrective actions
settings-label_rules_intro = Periods in months after the closing meeting of the initial audit. ENX fixes the 9 months of temporary labels; the others are assumptions you can adapt.
settings-rule_permanent_months = Permanent labels are valid for (months)
settings-rule_permanent_months_hint = Assumed: 36 months.
settings-rule_temporary_months = Temporary labels are valid for (months)
settings-rule_temporary_months_hint = Fixed by ENX: 9 months.
settings-rule_renewal_months = Start the renewal audit this long before expiry (months)
settings-rule_renewal_months_hint = Assumed: 12 months.
settings-rule_free_months = Corrective actions due without justification within (months)
settings-rule_free_months_hint = Assumed: 3 months; a later due date gets a warning.
settings-rule_justified_months = Due with a justification within (months)
settings-rule_justified_months_hint = Assumed: 6 months.
settings-rule_max_months = Never due later than (months)
settings-rule_max_months_hint = Assumed: 9 months; every non-conformity must be resolved by then.
settings-notify_days = Notify about deadlines within (days)
settings-notify_days_hint = A desktop notification at start and once a day; 0 turns it off.

# Packages and verification
package-bad_level = “{ $given }” is not a package level. Use full, A, A+labels or A+labels+B.
package-no_folder = The folder { $path } does not exist. Choose an existing folder for the package.
package-out_is_folder = { $path } is a folder. Name the package file itself, for example { $example }.
package-no_space = The package needs about { $needed_mib } MiB, but { $path } has only { $available_mib } MiB free. Free some space or choose another disk.
package-audit_of_other_scope = Audit { $audit } is not an audit of scope { $scope }. Choose one of its audits, or none.
package-blobs_damaged = The vault copy of these evidence items is missing or damaged, so no package was written: { $items }. Add them again from their source.
verify-not_a_zip = { $path } is not a ZIP file.
verify-not_ours = { $path } is not a CSMS Desk package (it has no SHA256SUMS or manifest.json of ours).
verify-unlisted = { $entry } is in the package but not in SHA256SUMS.
verify-missing = { $entry } is listed in SHA256SUMS but missing from the package.
verify-mismatch = { $entry } does not match its SHA-256 in SHA256SUMS: it was changed.
verify-unreadable = { $entry } cannot be read from the package: the file is damaged.
verify-manifest_mismatch = The manifest's SHA-256 for { $entry } differs from SHA256SUMS.
verify-unsafe_name = { $entry } is not a name CSMS Desk writes (it leads out of the package's folder, is absolute, has a drive letter or backslash, or holds a character that is not safe on every system): unpacked, it could land outside the folder or pass for another file.
verify-folder = { $entry } is a folder entry; CSMS Desk packages hold files only.
verify-link = { $entry } is a symbolic link, which CSMS Desk never writes: unpacked, it could point anywhere on the disk.
verify-special = { $entry } is a device, pipe or socket entry; CSMS Desk packages hold plain files only.
verify-duplicate = { $entry } is in the package more than once (case ignored): unpacking tools disagree on which copy they show.
verify-overlap = { $entry } shares its bytes with another entry, which CSMS Desk never writes (it makes a small file unpack to a huge one); it was not unpacked.
verify-sums_bad_line = Line { $line } of SHA256SUMS is not a SHA-256 (64 lowercase hex digits), two spaces and a file name.
verify-sums_unsafe_name = SHA256SUMS lists { $entry }, a name CSMS Desk never writes.
verify-sums_duplicate = SHA256SUMS lists { $entry } more than once.
share-bad_level = “{ $given }” is not a sharing level. Use A, A+labels or A+labels+B (publication also takes do-not-share).
share-date_missing = Enter the date of the sharing.
share-adds_nothing = Sharing at { $level } adds nothing: the scope is published at { $publication } to every participant already.
package-bad_time = “{ $given }” is not a time. Write it as RFC 3339, for example 2026-11-25T10:00:00Z.
cli-package-written = Wrote { $path } ({ $files ->
        [one] { $files } entry
       *[other] { $files } entries
    }, SHA-256 { $sha256 }).
cli-verify-ok = Intact: { $entries ->
        [one] the one entry matches
       *[other] all { $entries } entries match
    } SHA256SUMS.
error-cancelled = Cancelled: nothing was written.

# Export screen (UI)
export_ui-scope = Scope
export_ui-no_scopes = No scope yet
export_ui-no_scopes_hint = Add a scope first (Scope screen); packages and sharing are per scope.
export_ui-summary_readiness = Readiness { $percent } %
export_ui-summary_predicted = predicted result: { $result }
export_ui-summary_requirements = { $covered } of { $total ->
        [one] { $total } requirement
       *[other] { $total } requirements
    } covered, { $needs_review } to review, { $missing } missing
export_ui-package_heading = Write a package
export_ui-package_hint = One ZIP file with manifest.json, SHA256SUMS and a readable index, so the recipient can check that nothing was changed.
export_ui-level = Package level
export_ui-level_full = Full: everything including the evidence files, for your auditor
export_ui-level_a = A: scope, objectives, locations, provider and audit dates
export_ui-level_a_labels = A + labels: level A and the TISAX labels
export_ui-level_a_labels_b = A + labels + B: also the audit results
export_ui-level_full_hint = The submission package for the audit provider: scope, self-assessment, filled workbook and every evidence file.
export_ui-level_a_hint = For partners: scope, objectives, locations, audit provider and audit dates. Never evidence files or internal texts.
export_ui-level_a_labels_hint = For partners: level A plus the labels with their validity. Never evidence files or internal texts.
export_ui-level_a_labels_b_hint = For partners: level A, the labels and the results of the audit. Never evidence files or internal texts.
export_ui-path = Save the package as
export_ui-path_hint = A .zip file in an existing folder; “Choose …” opens the save dialog.
export_ui-path_missing = Choose where to save the package.
export_ui-not_written = No package was written: see the message at the path.
export_ui-choose = Choose …
export_ui-run = Write package
export_ui-running = Writing the package …
export_ui-done = Package written to { $path } ({ $files ->
        [one] { $files } file
       *[other] { $files } files
    }).
export_ui-sha256 = SHA-256:
export_ui-progress_label = Writing the package
export_ui-progress_starting = Starting …
export_ui-progress_files = { $done } of { $total ->
        [one] { $total } file
       *[other] { $total } files
    }
export_ui-progress_bytes = { $done } of { $total }
export_ui-cancel = Cancel
export_ui-verify_heading = Verify a package
export_ui-verify_hint = Checks every file of a package against its SHA256SUMS, for example a package you received or are about to send.
export_ui-verify_path = Package file
export_ui-verify_path_missing = Choose the package to verify.
export_ui-verify_run = Verify
export_ui-verify_running = Checking the package …
export_ui-verify_ok = Intact: { $entries ->
        [one] the one entry matches
       *[other] all { $entries } entries match
    } SHA256SUMS.
export_ui-verify_bad = Not intact: { $count ->
        [one] { $count } problem
       *[other] { $count } problems
    } among { $entries ->
        [one] { $entries } entry
       *[other] { $entries } entries
    }.
export_ui-sharing_heading = Publication and sharing of { $scope }
export_ui-sharing_hint = The publication level applies to every participant; a sharing grants one participant a level of its own.
export_ui-publication = Publication level
export_ui-publication_hint = “Do not share” keeps the scope to yourself unless you share it with a participant below.
export_ui-publication_save = Save
export_ui-publication_saved = Publication saved: { $level }.
export_ui-share_level_do_not_share = Do not share
export_ui-share_level_a = A: scope, objectives, locations, provider, audit dates
export_ui-share_level_a_labels = A + labels
export_ui-share_level_a_labels_b = A + labels + B (audit results)
export_ui-sharings_heading = Shared with
export_ui-sharings_caption = Sharings of { $scope }
export_ui-sharings_none = Not shared with anyone yet.
export_ui-col_partner = Partner
export_ui-col_participant_id = Participant ID
export_ui-col_level = Level
export_ui-col_date = Date
export_ui-col_actions = Correct
export_ui-sharing_edit = Correct this record
export_ui-sharing_remove = Delete record
export_ui-sharing_remove_hint = A sharing at ENX cannot be taken back: deleting removes only this record, for a sharing entered by mistake.
export_ui-sharing_really_remove = Entered by mistake? Delete the record of { $partner } (ENX keeps the sharing)
export_ui-col_scope = Scope
export_ui-col_generated = Written on
export_ui-col_path = File
export_ui-col_sha256 = SHA-256
export_ui-sharing_add_heading = Share with a participant
export_ui-sharing_form = Share with a participant
export_ui-partner = Partner
export_ui-participant_id = Participant ID
export_ui-participant_id_hint = The partner's ENX Participant-ID (a letter and 5 to 8 letters or digits): sharing names one participant.
export_ui-sharing_level = Level
export_ui-date = Shared on
export_ui-date_hint = Empty means today.
export_ui-sharing_add = Share
export_ui-sharing_added = Shared with { $partner }.
export_ui-history_heading = Packages written
export_ui-history_none = No package written yet.
export_ui-audit = For which audit
export_ui-audit_all = Every audit of the scope
export_ui-audit_hint = Choose one audit to freeze the package for it: only its results, findings and corrective actions go in.

# Trust: read-only, journal, check, backup and restore
error-read_only = This workspace is open read-only: nothing was changed. To make changes, open it normally once no other CSMS Desk window or command holds it.
error-older_schema = The workspace { $path } was written by an older CSMS Desk (schema { $found }, this build uses { $supported }); it can only be opened read-only after it has been opened once for writing. Close the program that holds it and open it normally.
journal-edited = Entry { $seq } was changed after it was written: its content no longer matches its seal.
journal-unsealed = Entry { $seq } has no seal: it was added outside CSMS Desk.
journal-deleted_one = Entry { $seq } was removed.
journal-deleted = Entries { $first } to { $last } were removed.
journal-inserted = Entry { $seq } was inserted later: the entry after it links past it.
journal-replaced = Entry { $seq } does not link to the entry before it: that entry was changed and re-sealed, or entries were removed and renumbered.
journal-tail_deleted = The journal ends at entry { $last }, but it had reached entry { $head }: the newest entries were removed.
journal-head_mismatch = The journal's recorded end (entry { $seq }) does not match its last entry: entries at the end were changed.
check-blob_missing = The vault copy { $sha256 } is missing ({ $path }). Restore the workspace from a backup, or add the file again as evidence.
check-blob_damaged = The vault copy { $sha256 } no longer matches its SHA-256 ({ $path }): it was changed or damaged. Restore the workspace from a backup, or add the file again as evidence.
check-blob_unreadable = The vault copy { $sha256 } cannot be read ({ $path }: { $detail }).
cli-journal-ok = Journal intact: { $entries ->
        [one] { $entries } entry
       *[other] { $entries } entries
    }, each sealed and linked; newest seal { $hash }.
cli-check-database_ok = Database: SQLite's integrity check found nothing wrong.
cli-check-database_problem = Database: { $detail }
cli-check-vault_ok = Vault: { $count ->
        [one] the one content matches its SHA-256
       *[other] all { $count } contents match their SHA-256
    }.
cli-backup-written = Backup written to { $path }: the database and { $blobs ->
        [one] { $blobs } vault content
       *[other] { $blobs } vault contents
    } ({ $mib } MiB), SHA-256 { $sha256 }.
cli-restore-done = Restored into { $path }: the backup of { $created_at } with { $blobs ->
        [one] { $blobs } vault content
       *[other] { $blobs } vault contents
    }, every byte checked.
cli-restore-checked = The backup of { $created_at } is intact: every byte of it and { $blobs ->
        [one] its { $blobs } vault content
       *[other] its { $blobs } vault contents
    } checked, nothing restored.
cli-restore-needs_workspace = Name the new workspace's folder with --workspace DIR (missing or empty).
backup-no_space = The backup needs { $needed_mib } MiB, but only { $available_mib } MiB are free in { $path }. Free some space or choose another disk.
backup-no_parent = The folder { $path } does not exist. Create it or choose another place.
backup-not_a_backup = { $path } is not a CSMS Desk backup (no backup.json and SHA256SUMS in a ZIP file). Choose the file that "Back up" or csmsdesk-cli backup wrote.
backup-newer_format = { $path } was written by a newer CSMS Desk (backup format { $found }; this one reads up to { $supported }). Update CSMS Desk to restore it.
backup-unexpected_entry = The backup holds { $entry }, which no CSMS Desk backup holds: it was changed by something else and is not restored.
backup-database_damaged = The database in the backup is damaged ({ $detail }); nothing was restored. Use an older backup.
backup-duplicate_entry = The backup holds { $entry } more than once: it was changed by something else. Nothing was restored.
backup-not_a_database = The backup { $path } holds no CSMS Desk database: its workspace.sqlite is not a SQLite database. Nothing was restored. Use another backup.
backup-foreign_database = The backup { $path } holds a database of another program, not of CSMS Desk. Nothing was restored. Choose the file that "Back up" or csmsdesk-cli backup wrote.
backup-newer_schema = The backup { $path } holds the database of a newer CSMS Desk (schema version { $found }; this one knows up to { $supported }). Nothing was restored. Update CSMS Desk to restore it.
backup-database_unreadable = The database in the backup { $path } cannot be read: it is damaged. Nothing was restored. Use an older backup.
backup-schema_extra = The backup's database has an extra { $kind } '{ $name }' that CSMS Desk does not make: { $path } was changed by something else. Nothing was restored.
backup-schema_missing = The backup's database lacks the { $kind } '{ $name }' that CSMS Desk makes: { $path } was changed by something else. Nothing was restored.
backup-schema_changed = The backup's database has the { $kind } '{ $name }', but not as CSMS Desk makes it: { $path } was changed by something else. Nothing was restored.
backup-schema_setting = The backup's database has { $setting } = { $found } where CSMS Desk makes { $expected }: { $path } was changed by something else. Nothing was restored.
backup-object_table = table
backup-object_index = index
backup-object_trigger = trigger
backup-object_view = view
backup-sizes_differ = The backup's database records more than one size for the content { $sha256 }: it was changed by something else. Nothing was restored.
backup-unreferenced_entry = The backup holds { $entry }, which its database does not refer to: it was added by something else. Nothing was restored.
backup-entry_size = The backup declares { $entry } as { $declared ->
        [one] { $declared } byte
       *[other] { $declared } bytes
    }, but its database records { $recorded ->
        [one] { $recorded } byte
       *[other] { $recorded } bytes
    }: it was changed by something else. Nothing was restored.
backup-entry_too_long = { $entry } unpacks to more than the { $declared } bytes the backup declares: it was changed by something else. Nothing was restored.
backup-restore_no_space = Unpacking the backup { $path } needs { $needed_mib } MiB, but only { $available_mib } MiB are free in { $folder }. Free some space or choose another disk.
history-bad_before = The entry number to page back from must be 1 or more.
history-bad_table = The table filter must be a table name of the journal (lowercase letters and _).
history-bad_user = The person to filter by is too long or holds control characters.
history-filter_user = Person
history-filter_user_all = Everyone
history-bad_limit = A page holds 1 to { $max } entries.
list-bad_limit = { $given } rows do not fit on one page: a page holds 0 to { $max } rows.
list-bad_direction = “{ $given }” is not a sort direction. Use asc or desc.
list-bad_sort = “{ $given }” is not a column to sort by. Use one of { $columns }.
cli-list-page = Rows { $first } to { $last } of { $total }.
cli-list-past_end = No rows from { $from } on: the list has { $total ->
        [one] { $total } row
       *[other] { $total } rows
    }.
pager-label = Pages of the list
pager-range = { $first }–{ $last } of { $total }
pager-previous = Previous
pager-next = Next

# History, backup and restore (UI)
nav-history = History
history-title = History
history-intro = Every change to this workspace, newest first: when, by whom, from where (the app or a csmsdesk-cli command) and what changed. Each entry is sealed with a SHA-256 that links it to the entry before, so a later edit, insertion or removal shows when you verify the journal.
history-filter = Show
history-filter_all = All tables
history-col_seq = No.
history-col_time = Time
history-col_user = User
history-col_source = Source
history-col_change = What
history-col_details = Before → after
history-op_insert = added
history-op_update = changed
history-op_delete = removed
history-more = Older entries
history-more_columns = { $count } more
history-loading = Loading entries …
history-empty = No entries yet: changes appear here as soon as they are made.
history-empty_filtered = No entries for this table.
history-shown = { $count ->
        [one] { $count } entry
       *[other] { $count } entries
    } shown.
history-shown_all = { $count ->
        [one] { $count } entry shown: that is the only one
       *[other] { $count } entries shown: that is all
    }.
history-seal = Seal { $hash }
history-verify = Verify journal
history-verify_heading = Verify the journal
history-verify_hint = Recomputes every seal, checks that each entry links to the one before it and that the journal ends where it last ended. Nothing is changed.
history-verify_running = Verifying …
history-verify_ok = Journal intact: { $entries ->
        [one] { $entries } entry
       *[other] { $entries } entries
    }, each sealed and linked; newest seal { $hash } (entry { $seq }).
history-verify_empty = The journal is empty: nothing has been changed yet.
history-verify_bad = The journal was changed outside CSMS Desk: { $count ->
        [one] { $count } problem
       *[other] { $count } problems
    } in { $entries ->
        [one] { $entries } entry
       *[other] { $entries } entries
    }. If nobody here did this, restore the workspace from a backup (Settings).
history-table-audit = Audit
history-table-audit_result = Audit result
history-table-catalogue = Catalogue
history-table-catalogue_chapter = Catalogue chapter
history-table-catalogue_group_5112 = ISO/PAS 5112 group
history-table-company_profile = Company profile
history-table-control_question = Control question
history-table-corrective_action = Corrective action
history-table-corrective_action_evidence = Evidence of a corrective action
history-table-evidence = Evidence item
history-table-evidence_link = Evidence link
history-table-evidence_version = Evidence version
history-table-finding = Finding
history-table-location = Location
history-table-location_label = TISAX label of a location
history-table-package_export = Package written
history-table-protection_object = Protection object
history-table-protection_object_location = Location of a protection object
history-table-protection_object_objective = Objective of a protection object
history-table-readiness_history = Daily readiness record
history-table-requirement = Requirement
history-table-requirement_reference = Requirement reference
history-table-sample = Sample
history-table-sample_check = Sample check
history-table-scope = Scope
history-table-scope_assessment = Self-assessment
history-table-scope_deviation = Deviation
history-table-scope_location = Location of a scope
history-table-scope_objective = Audit objective of a scope
history-table-scope_publication = Publication
history-table-scope_question = Applicability
history-table-member_change = Member
history-table-scope_sharing = Sharing
history-table-setting = Setting
history-table-workspace_meta = Workspace details
backup_ui-title = Backup and restore
backup_ui-intro = A backup is one file holding a consistent copy of the database, every vault content it refers to and a SHA256SUMS list (a ZIP file: unzip it and run sha256sum -c to check it without CSMS Desk). It is taken from a snapshot, so you can keep working while it is written.
backup_ui-backup_heading = Back up
backup_ui-path = Backup file
backup_ui-path_hint = Best on another disk or a network drive, so that it survives this one. A file of the same name is replaced.
backup_ui-path_missing = Enter where to write the backup, or choose a place.
backup_ui-choose = Choose …
backup_ui-start = Back up now
backup_ui-running = Writing the backup …
backup_ui-progress = Writing the backup
backup_ui-restore_progress = Restoring the backup
backup_ui-progress_starting = Starting …
backup_ui-progress_files = { $done } of { $total ->
        [one] { $total } file
       *[other] { $total } files
    }
backup_ui-progress_bytes = { $done } of { $total }
backup_ui-cancel = Cancel
backup_ui-done = Backup written.
backup_ui-file = File
backup_ui-size = Size
backup_ui-sha256 = SHA-256
backup_ui-contents = Contents
backup_ui-contents_value = the database, { $blobs ->
        [one] { $blobs } vault content
       *[other] { $blobs } vault contents
    }, { $entries ->
        [one] { $entries } journal entry
       *[other] { $entries } journal entries
    }
backup_ui-created = Taken at
backup_ui-restore_heading = Restore
backup_ui-restore_hint = Restoring makes a new workspace from a backup, in a folder that does not exist yet or is empty; the open workspace is not touched. Every byte is checked against the backup's checksums before the new workspace appears.
backup_ui-restore_file = Backup file
backup_ui-restore_file_missing = Enter the backup file, or choose it.
backup_ui-restore_target = Folder for the restored workspace
backup_ui-restore_target_hint = A folder that does not exist yet or is empty.
backup_ui-restore_target_missing = Enter the folder for the restored workspace, or choose one.
backup_ui-restore_start = Restore
backup_ui-restore_running = Restoring and checking …
backup_ui-restore_done = Restored: every byte checked.
backup_ui-restore_workspace = New workspace
backup_ui-restore_schema = Schema version
backup_ui-restore_journal = Journal
backup_ui-restore_open = Open the restored workspace
backup_ui-check_heading = Check the workspace
backup_ui-check_hint = Runs SQLite's integrity check on the database, re-hashes every vault content and verifies the journal. Nothing is changed; with a large vault this takes a while.
backup_ui-check_start = Check workspace
backup_ui-check_running = Checking …
backup_ui-check_ok = Everything checked: no problems found.
backup_ui-check_bad = The check found problems. Restore the workspace from a backup, or follow the advice given for each problem.
backup_ui-check_database_ok = Database: SQLite's integrity check found nothing wrong.
backup_ui-check_database_bad = Database: SQLite's integrity check reports { $count ->
        [one] { $count } problem
       *[other] { $count } problems
    }.
backup_ui-check_vault_ok = Vault: { $count ->
        [one] the one content matches its SHA-256
       *[other] all { $count } contents match their SHA-256
    }.
backup_ui-check_vault_bad = Vault: { $count } of { $checked ->
        [one] { $checked } content
       *[other] { $checked } contents
    } { $count ->
        [one] has problems
       *[other] have problems
    }.
backup_ui-check_journal_ok = Journal: intact, { $entries ->
        [one] { $entries } entry
       *[other] { $entries } entries
    }; newest seal { $hash } (entry { $seq }).
backup_ui-check_journal_empty = Journal: empty, nothing has been changed yet.
backup_ui-check_journal_bad = Journal: { $count ->
        [one] { $count } problem
       *[other] { $count } problems
    } in { $entries ->
        [one] { $entries } entry
       *[other] { $entries } entries
    }; it was changed outside CSMS Desk.
backup_ui-needs_workspace = Backing up and checking need an open workspace; restoring works without one.
read_only-banner_title = Read-only
read_only-banner = Another CSMS Desk window or csmsdesk-cli command holds this workspace, so this window only looks at it: every change is refused. To make changes, close the other one and start CSMS Desk again.
read_only-open = Open read-only
read_only-open_hint = Look at the workspace without changing anything while the other one holds it.
members-title = Members
members-intro = Who may use this workspace on the PostgreSQL server, and how: a viewer looks at everything and changes nothing, an editor changes records, an admin also manages the members. PostgreSQL itself enforces it, for this app, the command line and any other tool alike.
members-you = You are signed in as { $role }.
members-admins_only = Only an admin may add or remove members.
members-name = Database user
members-name_hint = The member signs in with this PostgreSQL user. A user the server does not have yet is created.
members-role = Role
members-role_hint = Viewer: looks only. Editor: changes records. Admin: also manages members.
members-password = Password for a new user
members-password_hint = Only for a user the server does not have yet; it is sent as a SCRAM verifier, never in plain text, and not kept. Leave it empty if your IT department sets passwords.
members-add = Add or change
members-added = { $name } is now a member as { $role }.
members-remove = Remove
members-remove_named = Remove { $name }
members-remove_confirm = Remove { $name } from this workspace's members? The database user itself stays on the server.
members-removed = { $name } is no longer a member.
read_only-banner_viewer = You are a viewer of this workspace: you can look at everything, and the server refuses every change. Ask an admin of the workspace (Settings → Members) for the editor role.
error-not_a_file = { $path } is a folder or a special file (such as a pipe), not a file. Choose the file itself.

# The package's report (index.html), its warnings before writing, and the workbook's notes
report-title = { $scope } – audit package
report-not_set = not set
report-none = None.
report-company = Company
report-participant_id = Participant-ID
report-level = Package
report-level_full = Full package for the audit provider
report-level_a = Partner package, level A
report-level_a_labels = Partner package, level A + labels
report-level_a_labels_b = Partner package, level A + labels + B
report-generated = Generated
report-workbook = Workbook
report-workbook_filled_original = the imported ENX workbook, filled in
report-workbook_generated = generated in the ENX layout
report-footer = Written by { $product }. Check every file against SHA256SUMS, for example with “sha256sum -c SHA256SUMS” in the unpacked folder.
report-scope = Scope
report-scope_name = VCS scope
report-enx_scope_id = ENX Scope-ID
report-objectives = Audit objectives
report-objective = Audit objective
report-provider = Audit provider
report-planned = Planned audit date
report-catalogue = Catalogue
report-locations = Locations
report-location = Location
report-tisax_scope_id = TISAX Scope-ID
report-tisax_labels = TISAX labels
report-tisax_label = { $label } (AL{ $level }), valid until { $expires }
report-protection_objects = Protection objects and samples
report-po_name = Protection object
report-po_item = Item or component
report-po_customer = Customer
report-samples = Samples
report-sample_population = Relevant protection objects
report-sample_suggested = Suggested sample size
report-sample_chosen = Chosen sample
report-readiness = Readiness
report-readiness_line = { $percent } % of the applicable requirements are covered: { $covered } covered, { $needs_review } to review, { $missing } missing.
report-predicted = Predicted result of the self-assessment: { $result }
report-self_assessment = Self-assessment
report-question = Control question
report-implementation = Implementation
report-reference = Reference documentation
report-justification = Justifications
report-na = Not applicable: { $justification }
report-deviation = Deviation from { $requirement }: { $justification }
report-audits = Audits
report-audit = Audit
report-opening = Opening meeting
report-closing = Closing meeting
report-phases = Phases
report-results = Audit results
report-results_of = { $kind }, closing meeting { $date }: overall result { $overall }
report-audit_result = Auditor’s result
report-findings = Findings
report-number = No.
report-finding_type = Type
report-finding = Finding
report-actions = Corrective actions
report-for_finding = For finding
report-action = Corrective action
report-due_justification = Due date justified: { $justification }
report-owner = Owner
report-department = Department
report-due = Due
report-status = Status
report-labels = VCS labels
report-label_kind = Kind
report-valid_from = Valid from
report-expires = Expires
report-evidence_index = Evidence per requirement
report-requirement = Requirement
report-state = State
report-evidence = Evidence
report-evidence_files = Evidence files
report-versions_reviewed = Evidence changed since its last review is included in the version that was reviewed.
report-versions_newest = Every evidence file is included in its newest version, reviewed or not.
report-file = File
report-classification = Classification
report-version = Version
report-review = Review
report-reviewed = Reviewed by { $by } on { $date }
report-reviewed_unknown = Reviewed
report-not_reviewed = Not reviewed: this version was not reviewed yet
report-newer_version = A newer version { $latest } exists and was not reviewed yet.
report-sha256 = SHA-256
report-journal = Journal of changes
report-journal_ok = { $path } holds { $entries ->
        [one] { $entries } recorded change
       *[other] { $entries } recorded changes
    }; its chain of hashes was intact when the package was written.
report-journal_broken = { $path } holds { $entries ->
        [one] { $entries } recorded change
       *[other] { $entries } recorded changes
    }; its chain of hashes was NOT intact when the package was written.
package-workbook_na = Not applicable: { $justification }
package-workbook_deviation = Deviation from { $requirement }: { $justification }
package-above_shared_ask = A package at level { $level } shows more than scope { $scope } is published or shared at ({ $shared }). Write it only for a partner who may see this.
package-bad_versions = “{ $given }” is not a choice of evidence versions. Use reviewed (the last reviewed version) or newest.
package-above_shared = A package at level { $level } shows more than scope { $scope } is published or shared at ({ $shared }). Write it only for a partner who may see this: confirm it, or in the CLI add --force.
cli-package-unreviewed = Warning: { $count ->
        [one] { $count } linked evidence item has
       *[other] { $count } linked evidence items have
    } changes that were not reviewed: { $items }. The package holds { $versions ->
        [newest] their newest versions (--versions newest).
       *[other] the last reviewed versions (--versions newest would take the newest).
    }
export_ui-unreviewed_title = Evidence with unreviewed changes
export_ui-unreviewed_intro = { $count ->
        [one] { $count } linked evidence item has
       *[other] { $count } linked evidence items have
    } a newer version that was not reviewed yet. Which version should the package hold?
export_ui-unreviewed_item = { $title }: version { $latest } not reviewed, version { $reviewed } reviewed
export_ui-versions_reviewed = Include the last reviewed version
export_ui-versions_newest = Include the newest version
export_ui-versions_stop = Stop, write nothing
export_ui-stopped = Nothing was written.
export_ui-above_title = More than the scope is shared at
export_ui-above_confirm = Write it anyway

## The printable PDF report (csmsdesk-report; `csmsdesk-cli report`, the Export screen).
pdf-title = Audit readiness report
pdf-page = Page { $page } of { $pages }
pdf-generated = Generated on { $date } at { $time } UTC
pdf-generated_on = Generated
pdf-company = Company
pdf-scope = Scope
pdf-enx_scope_id = ENX scope ID
pdf-objectives = Objectives
pdf-locations = Locations
pdf-catalogue = Catalogue
pdf-provider = Audit provider
pdf-planned_audit = Planned audit
pdf-basis = Based on
pdf-basis_self = the self-assessment (predicted result)
pdf-basis_audit = the { $kind } closed on { $date } (actual results)
pdf-not_set = not set
pdf-none = None.
pdf-summary = Management summary
pdf-predicted_result = Predicted result
pdf-predicted_result_note = from the self-assessment
pdf-actual_result = Audit result
pdf-actual_result_note = overall result of the audit
pdf-readiness = Readiness
pdf-percent = { $percent }%
pdf-covered_of = { $covered } of { $total ->
        [one] one requirement
       *[other] { $total } requirements
    } covered
pdf-gaps = Open requirements
pdf-gaps_note = { $missing } missing, { $review } to review
pdf-open_actions = Open corrective actions
pdf-overdue_count = { $count ->
        [0] none overdue
        [one] one overdue
       *[other] { $count } overdue
    }
pdf-by_objective = Readiness by objective
pdf-by_chapter = Readiness by chapter
pdf-labels = VCS labels
pdf-no_labels = No VCS label yet.
pdf-objective = Objective
pdf-label_kind = Label
pdf-valid_from = Valid from
pdf-expires = Expires
pdf-countdown = Countdown
pdf-due_today = due today
pdf-days_left = { $days ->
        [one] in one day
       *[other] in { $days } days
    }
pdf-days_overdue = { $days ->
        [one] one day overdue
       *[other] { $days } days overdue
    }
pdf-actions = Open corrective actions by owner
pdf-no_actions = No open corrective action.
pdf-owner = Owner
pdf-due = Due
pdf-action = Action
pdf-question = Question
pdf-status = Status
pdf-deadlines = Upcoming deadlines
pdf-no_deadlines = No deadline in the next 90 days.
pdf-deadline = Deadline
pdf-more_deadlines = { $count ->
        [one] One more deadline is on the Deadlines screen.
       *[other] { $count } more deadlines are on the Deadlines screen.
    }
pdf-details = Detail per control question
pdf-applicability = Applicability
pdf-not_applicable = Not applicable
pdf-na_justification = Justification
pdf-self_result = Self-assessment
pdf-audit_result = Audit result
pdf-implementation = Implementation
pdf-reference_documentation = Reference documentation
pdf-requirement = Requirement
pdf-evidence = Linked evidence
pdf-no_evidence = No evidence linked.
pdf-deviation = Deviation: { $justification }
pdf-finding = Finding
pdf-description = Description
pdf-corrective_actions = Corrective actions
pdf-action_line = { $owner }, due { $due } ({ $status }): { $description }
pdf-no_actions_for_finding = No corrective action.

report_pdf-failed = The report could not be written. This is a bug in CSMS Desk: please report it with the log.
report_pdf-bad_lang = The report language “{ $given }” is not one CSMS Desk speaks: use en or de.
cli-report-written = Wrote { $path } ({ $pages ->
        [one] one page
       *[other] { $pages } pages
    }).

export_ui-report_heading = Report (PDF)
export_ui-report_hint = A printable report for management and the auditor: a summary with readiness per objective and chapter, the predicted or the audit's result, label countdowns, open corrective actions and deadlines, then every control question in detail. A4, in English or German.
export_ui-report_audit = Results shown
export_ui-report_self = The self-assessment (predicted result)
export_ui-report_lang = Language
export_ui-report_lang_app = The app's language
export_ui-report_path = Save the report as
export_ui-report_path_hint = A PDF file outside the workspace folder.
export_ui-report_path_missing = Choose where to save the report.
export_ui-report_not_written = No report was written: see the message at the path.
export_ui-report_run = Write the report
export_ui-report_running = Writing the report …
export_ui-report_done = Wrote { $path } ({ $pages ->
        [one] one page
       *[other] { $pages } pages
    }).
dashboard-report = Report (PDF)
report-pdf_report = Printable report (PDF)
report-pdf_open = Open the PDF
