// The backend's commands, one function each (names as granted in src-tauri/capabilities).
//
// An answer reaches its caller only while the screen that asked is shown (`invoke`, see
// api/ipc.js). A few commands use `invokeLasting` instead, because their outcome must be
// learnt after the screen is left: the shell's own reads (messages, workspace state,
// vocabulary, the watchdog's note), whatever the whole app redraws after (opening a workspace,
// the profile's language, the rules), and the long jobs, whose screens keep what runs and what
// it found in module state and show it on the next visit (adding and scanning evidence,
// exports, the check, backup and restore).

import { invoke, invokeLasting } from './ipc.js';

// Records are named by their ids: plain numbers on the wire. A select's value or a hash
// parameter is text, so the functions below turn what they are given into numbers.

/** An optional id: '', null or undefined mean none (null); anything else its number. */
const optionalId = (value) => (value === '' || value === null || value === undefined ? null : Number(value));
/**
 * A record's revision as its form read it (`revision` of a record from a show or list
 * command): a save sends it back, and is refused with `changed` when someone else saved the
 * record since. None (null): save whatever is there.
 */
const revisionOf = (value) => (Number.isInteger(value) ? value : null);

/** Links as evidence_add and evidence_link take them: the scope and object as ids or null. */
const linkInput = (links) => ({
  ...links,
  scope: optionalId(links?.scope),
  protection_object: optionalId(links?.protection_object),
});

/** The message catalogue in the current language: { lang, messages }. */
export const messages = () => invokeLasting('app_messages');

/**
 * When this page replaced one whose web process had died (the shell's watchdog loaded it
 * again): { reason: 'crashed' | 'memory', restarts }; else null. Answered once.
 */
export const webviewRecovery = () => invokeLasting('webview_recovery');

/** The open workspace ({ dir, info }) or why none is open ({ dir, error }). */
export const workspaceState = () => invokeLasting('workspace_state');
export const openWorkspace = (path) => invokeLasting('workspace_open', { path });
export const createWorkspace = (path) => invokeLasting('workspace_create', { path });
/**
 * Opens (or with `create`, creates) the workspace at the PostgreSQL URL `location` with the
 * password the user typed; with `remember` the backend saves it in the OS keychain. The
 * password goes one way only: nothing the backend answers holds it.
 */
export const openWorkspaceWithPassword = (location, password, { remember = false, create = false } = {}) =>
  invokeLasting('workspace_open_with_password', { location: String(location), password: String(password), remember: Boolean(remember), create: Boolean(create) });
/** Removes the saved password of the open server workspace from the OS keychain: a sentence saying which. */
export const forgetWorkspacePassword = () => invoke('workspace_forget_password');
export const teamList = () => invoke('team_list');
export const teamAdd = (name, role, password) => invoke('team_add', { name, role, password });
export const teamRemove = (name) => invoke('team_remove', { name });
/** Shows the native folder dialog; resolves to a path or null when cancelled. */
export const pickFolder = () => invoke('workspace_pick_folder');

export const getProfile = () => invoke('profile_get');
export const saveProfile = (profile) => invokeLasting('profile_save', { profile });

export const catalogues = () => invoke('catalogue_list');
/** Imports the workbook at `path`; resolves to { catalogue, already_imported, notes, version_change }. */
export const importCatalogue = (path, replace = false) => invoke('catalogue_import', { path, replace });
export const importDemoCatalogue = () => invoke('catalogue_import_demo');
/** The tree of catalogue `id` (or the current one): { catalogue, chapters, groups_5112 }. */
export const showCatalogue = (id) => invoke('catalogue_show', { id: id ?? null });
export const searchCatalogue = (id, query) => invoke('catalogue_search', { id, query });
export const pickCatalogueFile = () => invoke('catalogue_pick_file');

export const locations = () => invoke('location_list');
export const addLocation = (location) => invoke('location_add', { location });
/** Every scope with its applicability table and prerequisite check (views built: not for pickers). */
export const scopes = () => invoke('scope_list');
/** Every scope's { id, name }, by name: what a scope picker needs. */
export const scopeNames = () => invoke('scope_names');
// `scope` below is a scope's id.
export const showScope = (scope, on) => invoke('scope_show', { scope: Number(scope), on: on || null });
/** `scope` = { name, enx_scope_id, locations (ids), objectives, catalogue_id, planned_audit_date, audit_provider }. */
export const addScope = (scope) => invoke('scope_add', { scope });
export const previewScope = (catalogueId, objectives) => invoke('scope_preview', { catalogueId: catalogueId ?? null, objectives });
export const setScopeObjectives = (scope, objectives) => invoke('scope_set_objectives', { scope: Number(scope), objectives });
export const setApplicability = (scope, question, applicable, reason) =>
  invoke('scope_set_applicability', { scope: Number(scope), question, applicable, reason });
export const setDeviation = (scope, requirement, reason) =>
  invoke('scope_set_deviation', { scope: Number(scope), requirement, reason });
export const protectionObjects = (scope) => invoke('po_list', { scope: Number(scope) });
/** `object` = { scope (id), name, …, objectives, locations (ids) }. */
export const addProtectionObject = (object) => invoke('po_add', { object });
export const sampling = (scope) => invoke('po_sampling', { scope: Number(scope) });
/** `objective` and `objects` (the sample) by name, as the sampling rows list them. */
export const chooseSample = (scope, objective, objects) => invoke('po_choose_sample', { scope: Number(scope), objective, objects });
/** The sample checks of protection object `object` (its id). */
export const sampleChecks = (object) => invoke('po_checks', { object: Number(object) });
export const setSampleCheck = (object, question, status, note) =>
  invoke('po_set_check', { object: Number(object), question, status, note });
export const rules = () => invoke('rules_get');
/**
 * Saves the whole set of rules in one checked transaction (nothing is saved unless all are
 * valid); `labelRules` maps 'labels.permanent_months' etc. to months. Resolves to the rules
 * now in force.
 */
export const saveRules = ({ applicabilityMatrix, labelExpiryWarningDays, notifyDays, labelRules }) =>
  invokeLasting('rules_save', {
    applicabilityMatrix,
    labelExpiryWarningDays: String(labelExpiryWarningDays),
    notifyDays: String(notifyDays),
    labelRules: Object.fromEntries(Object.entries(labelRules ?? {}).map(([key, months]) => [key, String(months)])),
  });
/** Follows the open workspace's changes by other desks (on PostgreSQL): { on, others, lost }. */
export const liveFollow = () => invokeLasting('live_follow');
/** Keeps this desk's user's name as an owner ('' for the default); resolves to the name in force. */
export const setMe = (name) => invoke('me_set', { name: String(name ?? '') });
/** Core's lists, the limits of every rule and the rules in force (see the `vocabulary` command). */
export const vocabulary = () => invokeLasting('vocabulary');
// `location` is a location's id, `object` a protection object's.
export const addLocationLabel = (location, label) => invoke('location_add_label', { location: Number(location), label });
export const removeLocation = (location) => invoke('location_remove', { location: Number(location) });
/** `details` as addScope takes it. */
/** `revision`: the scope's, as the form read it (a save after someone else's is refused). */
export const updateScope = (scope, details, revision) => invoke('scope_update', { scope: Number(scope), details, revision: revisionOf(revision) });
export const removeScope = (scope) => invoke('scope_remove', { scope: Number(scope) });
export const removeProtectionObject = (object) => invoke('po_remove', { object: Number(object) });
/** Replaces a location's details and its whole label list; `details` as addLocation takes it. */
export const updateLocation = (location, details, revision) =>
  invoke('location_update', { location: Number(location), details, revision: revisionOf(revision) });
/** Changes every field of a protection object; `details` as addProtectionObject takes it. */
export const updateProtectionObject = (object, details, revision) =>
  invoke('po_update', { object: Number(object), details, revision: revisionOf(revision) });
/** Checks the wizard's scope so far without saving; rejects with the field problems addScope would name. */
export const validateScope = (scope) => invoke('scope_validate', { scope });

/**
 * Asks the running long job (adding or scanning evidence, an export, the check, a backup or a
 * restore) to stop; resolves to whether one was running.
 */
export const cancelJob = () => invoke('job_cancel');

/**
 * Adds files and folders (recursively) as evidence: { evidence, outcomes, cancelled }.
 * `details` = { title, work_product, owner, classification, review_due } (empty strings mean
 * "not set"), `links` = { targets, scope, protection_object, note } with the scope's and the
 * protection object's ids, '' or null meaning every scope and every object.
 */
export const addEvidence = (paths, details, links) => invokeLasting('evidence_add', { paths, details, links: linkInput(links) });
/** Re-checks every evidence source (`deep`: re-hash all): { unchanged, changed, missing, failed, not_scanned, cancelled }. */
export const scanEvidence = (deep) => invokeLasting('evidence_scan', { deep: Boolean(deep) });
export const evidenceList = () => invoke('evidence_list');
/** A row count for a page request: a whole number, or null for "every row". */
const rowCount = (value) => (value === null || value === undefined || value === '' ? null : Number(value));
/**
 * One page of the vault's list, filtered, sorted and counted by the backend. `query` = {
 * filter, state, work_product ('other' for none), classification, linked (true, false or null
 * for either), sort, direction ('asc' | 'desc'), offset, limit }; empty texts filter nothing.
 * Resolves to { items, total (kept by the filter), unfiltered (in the vault), offset, limit,
 * sort, direction }.
 */
const pageInput = (query = {}) => ({
  filter: String(query.filter ?? ''),
  state: String(query.state ?? ''),
  work_product: String(query.work_product ?? ''),
  classification: String(query.classification ?? ''),
  linked: typeof query.linked === 'boolean' ? query.linked : null,
  sort: String(query.sort ?? ''),
  direction: String(query.direction ?? ''),
  offset: Number(query.offset ?? 0),
  limit: rowCount(query.limit),
});
export const evidencePage = (query = {}) => invoke('evidence_page', { query: pageInput(query) });
/**
 * One change to many items in one transaction. `selection` = { ids } or { filter } (a page
 * query: every item it keeps, whatever page is shown); `change` = { action: 'set', field,
 * value } | { action: 'review', next_review } | { action: 'link', targets, scope, ... } |
 * { action: 'remove' }. Resolves to { selected, changed }.
 */
export const bulkEvidence = (selection, change) =>
  invoke('evidence_bulk', {
    selection: selection.filter ? { ids: [], filter: pageInput(selection.filter) } : { ids: (selection.ids ?? []).map(Number), filter: null },
    change: change.action === 'link' ? { ...change, ...linkInput(change) } : change,
  });
/** Points item `id` at the file `path` it moved to: { id, path, new_version }. */
export const relocateEvidence = (id, path) => invoke('evidence_relocate', { id: Number(id), path: String(path ?? '') });
/** Native dialog for the file an item moved to; null when cancelled. */
export const pickRelocateFile = () => invoke('evidence_pick_relocate');
/** Opens a version (null: the newest) of item `id` with the OS's default program. */
export const openEvidence = (id, version = null) => invoke('evidence_open', { id: Number(id), version: version === null || version === undefined ? null : Number(version) });
/** Shows the source of item `id` in its folder; resolves to its path. */
export const revealEvidence = (id) => invoke('evidence_reveal', { id: Number(id) });
/**
 * The one search (Ctrl+K): at most `limit` records of each kind whose texts hold every word.
 * [{ kind, id, title, detail, scope, audit }].
 */
export const searchWorkspace = (text, limit = 5) => invoke('workspace_search', { text: String(text ?? ''), limit: Number(limit) });
/** One item with its versions. */
export const showEvidence = (id) => invoke('evidence_show', { id: Number(id) });
/** `links` as addEvidence takes them; resolves to the number of new links. */
export const linkEvidence = (id, links) => invoke('evidence_link', { id: Number(id), links: linkInput(links) });
export const unlinkEvidence = (link) => invoke('evidence_unlink', { link: Number(link) });
export const updateEvidence = (id, details, revision) => invoke('evidence_update', { id: Number(id), details, revision: revisionOf(revision) });
/** Marks the newest version reviewed; `nextReview` is '' or YYYY-MM-DD. */
export const reviewEvidence = (id, nextReview) => invoke('evidence_review', { id: Number(id), nextReview: nextReview ?? '' });
export const removeEvidence = (id) => invoke('evidence_remove', { id: Number(id) });
/** { duplicates: [[{ id, title }]], orphans: [{ id, title }] }. */
/** Duplicate groups, and the orphans counted with the first `orphansShown` of them. */
export const evidenceFindings = (orphansShown) => invoke('evidence_findings', { orphansShown: rowCount(orphansShown) });
/**
 * At most `limit` evidence items for a picker, best first: every word of `text` in the title,
 * source path, type or owner (case ignored). [{ id, title, work_product, state }].
 */
export const searchEvidence = (text, limit = 20) => invoke('evidence_search', { text: String(text ?? ''), limit: Number(limit) });
/** Native dialog for evidence files; [] when cancelled. */
export const pickEvidenceFiles = () => invoke('evidence_pick_files');
/** Native dialog for a folder of evidence; null when cancelled. */
export const pickEvidenceFolder = () => invoke('evidence_pick_folder');

/** A scope's readiness per requirement, question, chapter and objective, and the predicted result. */
export const readiness = (scope) => invoke('readiness_show', { scope: Number(scope) });
/**
 * The evidence of every requirement of a scope that has any, or of `requirement` alone:
 * [{ requirement, question, total, items: [{ id, title, work_product, state }] }], the first
 * `limit` items of each by title (all of them for null).
 */
export const requirementEvidence = (scope, requirement = null, limit = null) =>
  invoke('requirement_evidence', { scope: Number(scope), requirement: requirement ?? null, limit: limit === null || limit === undefined ? null : Number(limit) });
/** What the dashboard shows for a scope: { readiness, check, history, top_gaps }. */
export const dashboard = (scope) => invoke('dashboard_show', { scope: Number(scope) });
/** Records a question's self-assessment; `result` '' clears it. */
export const saveAssessment = (scope, question, result, implementation, referenceDocumentation) =>
  invoke('assess_save', { scope: Number(scope), question, result, implementation, referenceDocumentation });
/** Previews (apply = false) or takes over (apply = true) a filled ENX workbook's self-assessment. */
export const importAssessment = (scope, path, apply) => invoke('assess_import', { scope: Number(scope), path, apply: Boolean(apply) });

/** A scope's audits (every scope's for null or '') as audit views, ordered by closing meeting. */
export const audits = (scope) => invoke('audit_list', { scope: optionalId(scope) });
/** `audit` = { scope (id), kind, provider, lead_auditor, opening_meeting, closing_meeting }. */
export const addAudit = (audit) => invoke('audit_add', { audit });
/** One audit with its overall result, results per question, findings and actions. */
export const showAudit = (id) => invoke('audit_show', { id: Number(id) });
/** `phases` = [organisation, sampling, sample-check]; the decision's meaning depends on the kind. */
export const updateAudit = (id, audit, phases, decision, decisionReason, revision) =>
  invoke('audit_update', {
    id: Number(id),
    audit,
    phases,
    decision: Boolean(decision),
    decisionReason: decisionReason ?? '',
    revision: revisionOf(revision),
  });
/** Records the auditor's result of a question; `result` '' removes it. */
export const setAuditResult = (id, question, result, findingsDescription) =>
  invoke('audit_set_result', { id: Number(id), question, result, findingsDescription: findingsDescription ?? '' });
/** Previews (apply = false) or takes over (apply = true) the provider's filled workbook. */
export const importAuditWorkbook = (id, path, apply) => invoke('audit_import', { id: Number(id), path, apply: Boolean(apply) });
/** `protectionObject` is a protection object's id, or '' or null for none. */
export const addFinding = (audit, question, kind, text, protectionObject) =>
  invoke('finding_add', { audit: Number(audit), question, kind, text, protectionObject: optionalId(protectionObject) });
/**
 * `action` = { scope (id or null), finding (id), description, owner, department, due,
 * justification, evidence (ids) }; resolves to { action, warnings }.
 */
export const addAction = (action) => invoke('action_add', { action });
export const setActionStatus = (id, status) => invoke('action_set_status', { id: Number(id), status });
/**
 * Saves many results of audit `id` in one transaction (all or none); `results` =
 * [{ question, result ('' removes it), findings_description }].
 */
export const setAuditResults = (id, results) =>
  invoke('audit_set_results', {
    id: Number(id),
    results: results.map((r) => ({ question: r.question, result: r.result ?? '', findings_description: r.findings_description ?? '' })),
  });
/**
 * A page of findings: `query` = { audit, scope (ids or ''), kinds, text, offset, limit };
 * resolves to { rows: [{ finding, audit_kind, scope, actions, unfinished }], total, offset }.
 */
export const findingPage = (query) =>
  invoke('finding_page', {
    query: {
      audit: optionalId(query.audit),
      scope: optionalId(query.scope),
      kinds: query.kinds ?? [],
      text: query.text ?? '',
      offset: Number(query.offset ?? 0),
      limit: query.limit ?? null,
    },
  });
/**
 * Saves the self-assessment of many questions of `scope` in one transaction (all or none);
 * `entries` = [{ question, result ('' clears it), implementation }].
 */
export const assessMany = (scope, entries) =>
  invoke('assess_save_many', {
    scope: Number(scope),
    entries: entries.map((e) => ({ question: e.question, result: e.result ?? '', implementation: e.implementation ?? null })),
  });
/** Removes an audit; one with findings only with `withFindings` (else needs_confirmation). */
export const removeAudit = (id, withFindings) => invoke('audit_remove', { id: Number(id), withFindings: Boolean(withFindings) });
/** `finding` = { question, kind, text, protection_object (id or '') }. */
export const editFinding = (id, finding, revision) =>
  invoke('finding_edit', {
    id: Number(id),
    finding: { ...finding, protection_object: optionalId(finding.protection_object) },
    revision: revisionOf(revision),
  });
/** Removes a finding; one with corrective actions only with `withActions`. */
export const removeFinding = (id, withActions) => invoke('finding_remove', { id: Number(id), withActions: Boolean(withActions) });
/** Changes every field of a corrective action (as addAction's `action`) and its status. */
export const editAction = (id, action, status, revision) =>
  invoke('action_edit', { id: Number(id), action, status: status || null, revision: revisionOf(revision) });
export const removeAction = (id) => invoke('action_remove', { id: Number(id) });
/**
 * What saving `action` would say, saving nothing: { errors: [{ field, message }], warnings };
 * `id` is the action being changed, or null for a new one.
 */
export const checkAction = (action, id = null) => invoke('action_check', { action, id: optionalId(id) });
/**
 * A page of corrective actions: `query` = { audit, scope (ids or ''), owner, statuses,
 * due_by, offset, limit }; resolves to { rows, total, offset }.
 */
export const actionPage = (query) =>
  invoke('action_page', {
    query: {
      audit: optionalId(query.audit),
      scope: optionalId(query.scope),
      owner: query.owner ?? '',
      statuses: query.statuses ?? [],
      due_by: query.due_by ?? '',
      offset: Number(query.offset ?? 0),
      limit: query.limit ?? null,
    },
  });

/** Per scope: { scope, labels, follow_up_due, renewal_from, next_step }. */
export const labels = () => invoke('labels_show');
/** Plans the renewal audit of a scope's permanent labels; refused for temporary labels. */
export const renewLabels = (scope, date) => invoke('labels_renew', { scope: Number(scope), date });

/**
 * One page of the deadlines `filter` keeps ({ kinds, scope, owner, within_days }, the scope by
 * its id: see backendFilter in lib/deadlines.js), sorted by the backend. `page` = { sort,
 * direction, offset, limit }. Resolves to { deadlines, total, overdue, soon, soon_days,
 * offset, limit, sort, direction }, the counts over every deadline the filter keeps.
 */
export const deadlinesPage = (filter, page = {}) =>
  invoke('deadlines_page', {
    filter: { ...filter, scope: optionalId(filter?.scope) },
    page: {
      sort: String(page.sort ?? ''),
      direction: String(page.direction ?? ''),
      offset: Number(page.offset ?? 0),
      limit: rowCount(page.limit),
    },
  });
/** Writes the filtered deadlines as an iCalendar file; resolves to the path written. */
export const exportDeadlines = (filter, path) =>
  invoke('deadlines_export_ics', { filter: { ...filter, scope: optionalId(filter?.scope) }, path });
/** Native save dialog for the calendar file; resolves to a path or null when cancelled. */
export const pickDeadlinesFile = () => invoke('deadlines_pick_ics');


/** A scope's readiness for the export summary: { readiness, requirements, predicted_result }. */
export const packagePreview = (scope) => invoke('package_preview', { scope: Number(scope) });
/**
 * Writes the package of `scope` at `level` ('full', 'A', 'A+labels', 'A+labels+B') to `path`,
 * with progress events (job 'export') and cancel (cancelJob): { package, sha256, files, level }.
 */
export const exportPackage = (scope, path, level, audit = null, versions = 'reviewed', force = false) =>
  invokeLasting('package_export', { scope: Number(scope), path, level, audit: optionalId(audit), versions, force: Boolean(force) });
/**
 * What to ask before writing the package of `scope` at `level`: { unreviewed: [{ id, title,
 * reviewed_version, latest_version }], above_shared: localised text or null }.
 */
export const packageWarnings = (scope, level) => invoke('package_warnings', { scope: Number(scope), level });
/**
 * Writes the printable PDF report of `scope` to `path`: `audit` (an id or null) shows that
 * audit's results instead of the predicted result; `lang` 'en', 'de' or '' (the app's).
 * Answers { report, pages, bytes }.
 */
export const exportReport = (scope, path, audit = null, lang = '') =>
  invoke('export_report', { scope: Number(scope), path, audit: optionalId(audit), lang });
/** Native save dialog for a report; a path or null when cancelled. */
export const pickReportOut = () => invoke('report_pick_out');
/** Native save dialog for a package; a path or null when cancelled. */
export const pickPackageOut = () => invoke('package_pick_out');
/** Native open dialog for a package to verify; a path or null when cancelled. */
export const pickPackageFile = () => invoke('package_pick_file');
/** Re-hashes a package: { ok, entries, problems: [localised texts] }. */
export const verifyPackage = (path) => invoke('package_verify', { path });
/** The packages written so far: [{ scope_id, level, path, sha256, generated_at }]. */
export const packageHistory = () => invoke('package_history');
/** A scope's publication level and sharings: { publication, sharings: [{ id, partner, participant_id, level, date }] }. */
export const showSharing = (scope) => invoke('share_show', { scope: Number(scope) });
export const publishScope = (scope, level) => invoke('share_publish', { scope: Number(scope), level });
/** Shares a scope with one participant; `date` '' means today: { sharing, warnings }. */
export const addSharing = (scope, partner, participantId, level, date) =>
  invoke('share_add', { scope: Number(scope), partner, participantId, level, date: date ?? '' });
/** Corrects a sharing as recorded (`sharing` its id): { sharing, warnings }. */
export const updateSharing = (sharing, partner, participantId, level, date) =>
  invoke('share_update', { sharing: Number(sharing), partner, participantId, level, date });
/** Deletes the record of a sharing entered by mistake (ENX cannot take a sharing back). */
export const removeSharing = (sharing) => invoke('share_remove', { sharing: Number(sharing) });

/** Opens the workspace in `path` for looking only (another process holds it): a workspace state with read_only. */
export const openWorkspaceReadOnly = (path) => invokeLasting('workspace_open_read_only', { path });
/**
 * One page of the journal, newest first: { entries, tables, users }. `before` (the smallest seq
 * shown) pages back; `table` and `user` '' or null mean every table and everyone.
 */
export const journalPage = (before, table, limit, user = null) =>
  invoke('journal_page', { before: before ?? null, table: table || null, user: user || null, limit: limit ?? null });
/** Re-computes the journal's chain: { ok, entries, head: { seq, hash } | null, problems: [{ kind, seq, message }] }. */
export const verifyJournal = () => invoke('journal_verify');
/** Checks database, vault and journal (cancel with cancelJob): { ok, integrity, blobs_checked, blob_problems, journal }. */
export const checkWorkspace = () => invokeLasting('workspace_check');
/**
 * Writes a backup of the open workspace to `path`, with progress events (job 'backup') and
 * cancel: { path, sha256, bytes, blobs, journal_entries, created_at }.
 */
export const writeBackup = (path) => invokeLasting('backup_write', { path });
/**
 * Restores the backup `file` as a new workspace in the missing or empty folder `target`, with
 * progress events (job 'restore') and cancel: { workspace, created_at, schema_version, blobs, bytes, journal }.
 */
export const restoreBackup = (file, target) => invokeLasting('backup_restore', { file, target });
/** Native save dialog for a backup file; a path or null when cancelled. */
export const pickBackupOut = () => invoke('backup_pick_out');
/** Native open dialog for a backup file to restore; a path or null when cancelled. */
export const pickBackupFile = () => invoke('backup_pick_file');
