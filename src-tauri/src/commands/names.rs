// The name of every Tauri command, shared by `build.rs` (which makes each one a permission that
// a capability must grant) and the test that checks the capability grants exactly these.
// Keep in step with `generate_handler!` in `lib.rs`; the test checks that too.

/// Every command the app registers.
pub const COMMAND_NAMES: &[&str] = &[
    "app_messages",
    "workspace_state",
    "workspace_open",
    "workspace_create",
    "workspace_pick_folder",
    "profile_get",
    "profile_save",
    "catalogue_list",
    "catalogue_import",
    "catalogue_import_demo",
    "catalogue_show",
    "catalogue_search",
    "catalogue_pick_file",
    "location_list",
    "location_add",
    "scope_list",
    "scope_show",
    "scope_add",
    "scope_preview",
    "scope_set_objectives",
    "scope_set_applicability",
    "scope_set_deviation",
    "po_list",
    "po_add",
    "po_sampling",
    "po_choose_sample",
    "po_checks",
    "po_set_check",
    "rules_get",
    "rules_save",
];
