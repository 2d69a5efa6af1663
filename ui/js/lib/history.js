// Pure helpers of the History screen and the workspace check: how a journal entry reads
// (table label, operation, key, the columns that changed), its time in the UI language, and
// what a journal verification or a workspace check found, as message keys with arguments.

import { formatDateTime } from './countdown.js';
import { shortSha } from './export.js';

/** The tables with a label of their own (`history.table.<name>`); others show their raw name. */
export const TABLES = [
  'audit',
  'audit_result',
  'catalogue',
  'catalogue_chapter',
  'catalogue_group_5112',
  'company_profile',
  'control_question',
  'corrective_action',
  'corrective_action_evidence',
  'evidence',
  'evidence_link',
  'evidence_version',
  'finding',
  'location',
  'location_label',
  'member_change',
  'package_export',
  'protection_object',
  'protection_object_location',
  'protection_object_objective',
  'readiness_history',
  'requirement',
  'requirement_reference',
  'sample',
  'sample_check',
  'scope',
  'scope_assessment',
  'scope_deviation',
  'scope_location',
  'scope_objective',
  'scope_publication',
  'scope_question',
  'scope_sharing',
  'setting',
  'workspace_meta',
];

/** The operations an entry records. */
export const OPS = ['insert', 'update', 'delete'];

/** Entries per page of the History screen. */
export const PAGE_SIZE = 100;

/** Changed columns shown at once; the rest fold into a <details>. */
export const SHOWN_CHANGES = 4;

/** The human name of `table` in the current language, or the raw name when it has none. */
export function tableLabel(t, table) {
  return TABLES.includes(table) ? t(`history.table.${table}`) : String(table ?? '');
}

/** 'insert' → "added" (history.op_insert); an unknown operation shows as it is. */
export function opLabel(t, op) {
  return OPS.includes(op) ? t(`history.op_${op}`) : String(op ?? '');
}

/** The tables for the filter, by their label in `lang`. */
export function filterOptions(t, tables, lang = 'en') {
  const collator = new Intl.Collator(lang);
  return [...new Set(tables ?? [])]
    .map((table) => ({ value: table, label: tableLabel(t, table) }))
    .sort((a, b) => collator.compare(a.label, b.label) || collator.compare(a.value, b.value));
}

/** A value of a before/after object as text: null → '—', objects as JSON. */
export function valueText(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A row key (a JSON array of the primary key's values) as text: [3] → '3', ['S', '1.1'] → 'S · 1.1'. */
export function keyText(key) {
  if (Array.isArray(key)) return key.map(valueText).join(' · ');
  return valueText(key);
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Columns that name the row, shown before the others (which come in the backend's order). */
const NAMING_COLUMNS = ['name', 'title', 'company_name'];

const namingRank = (column) => {
  const rank = NAMING_COLUMNS.indexOf(column);
  return rank < 0 ? NAMING_COLUMNS.length : rank;
};

/**
 * The columns an entry changed: [{ column, before, after }], the naming columns (name, title)
 * first. An update has both sides; an insert only `after` and a delete only `before`, each
 * without the columns that were empty (NULL or ''), which say nothing. A missing side is
 * `undefined`.
 */
export function changes(entry) {
  const before = isObject(entry?.before) ? entry.before : {};
  const after = isObject(entry?.after) ? entry.after : {};
  const columns = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const list = columns
    .map((column) => ({
      column,
      before: Object.hasOwn(before, column) ? before[column] : undefined,
      after: Object.hasOwn(after, column) ? after[column] : undefined,
    }))
    .sort((a, b) => namingRank(a.column) - namingRank(b.column));
  if (entry?.op === 'update') return list;
  return list.filter((c) => {
    const value = c.after !== undefined ? c.after : c.before;
    return value !== null && value !== undefined && value !== '';
  });
}

/** One change as plain text: 'title: Old → New', 'title: New' (insert), 'title: Old' (delete). */
export function changeText(change) {
  const { column, before, after } = change;
  if (before !== undefined && after !== undefined) return `${column}: ${valueText(before)} → ${valueText(after)}`;
  return `${column}: ${valueText(after !== undefined ? after : before)}`;
}

/** An entry in one line (for a title or a screen reader): 'Location · added · 3'. */
export function entrySummary(t, entry) {
  return [tableLabel(t, entry.table), opLabel(t, entry.op), keyText(entry.key)].filter(Boolean).join(' · ');
}

/**
 * An entry's time ('2026-05-04T09:30:12.345Z') as date and time in `lang`, in `timeZone`
 * (the machine's own when not given); text that is no time stays as it is.
 */
export function formatTime(at, lang = 'en', timeZone = undefined) {
  if (Number.isNaN(Date.parse(String(at ?? '')))) return String(at ?? '');
  return formatDateTime(at, lang, { timeZone, time: 'seconds' });
}

/** The number to page back from: the smallest seq shown, or null before the first page. */
export function oldestSeq(entries) {
  const seqs = (entries ?? []).map((e) => Number(e.seq)).filter(Number.isFinite);
  return seqs.length ? Math.min(...seqs) : null;
}

/** Whether an older page may exist: the last page was full. */
export function mayHaveOlder(page, limit = PAGE_SIZE) {
  return (page?.length ?? 0) >= limit;
}

/** The wording of a verification: on the History screen, and as a line of the workspace check. */
const VERIFY_KEYS = {
  history: { ok: 'history.verify_ok', empty: 'history.verify_empty', bad: 'history.verify_bad' },
  check: { ok: 'backup_ui.check_journal_ok', empty: 'backup_ui.check_journal_empty', bad: 'backup_ui.check_journal_bad' },
};

/**
 * What a journal verification found, as one line and a list:
 * { ok, key, args, problems: [message] }; `wording` is 'history' or 'check' (VERIFY_KEYS).
 */
export function verifySummary(report, wording = 'history') {
  const keys = VERIFY_KEYS[wording] ?? VERIFY_KEYS.history;
  const problems = (report?.problems ?? []).map((p) => p.message ?? String(p.kind ?? p));
  const entries = report?.entries ?? 0;
  if (report?.ok && !problems.length) {
    if (!report.head) return { ok: true, key: keys.empty, args: {}, problems };
    return { ok: true, key: keys.ok, args: { entries, seq: report.head.seq, hash: shortSha(report.head.hash, 16) }, problems };
  }
  return { ok: false, key: keys.bad, args: { count: problems.length, entries }, problems };
}

/**
 * The workspace check as three lines (database, vault, journal), each
 * { part, ok, key, args, problems: [text] }.
 */
export function checkSummary(report) {
  const integrity = report?.integrity === 'ok' ? [] : Array.isArray(report?.integrity) ? report.integrity.map(String) : [String(report?.integrity ?? '')];
  const blobProblems = (report?.blob_problems ?? []).map(String);
  const checked = report?.blobs_checked ?? 0;
  const journal = verifySummary(report?.journal, 'check');
  return [
    integrity.length
      ? { part: 'database', ok: false, key: 'backup_ui.check_database_bad', args: { count: integrity.length }, problems: integrity }
      : { part: 'database', ok: true, key: 'backup_ui.check_database_ok', args: {}, problems: [] },
    blobProblems.length
      ? { part: 'vault', ok: false, key: 'backup_ui.check_vault_bad', args: { count: blobProblems.length, checked }, problems: blobProblems }
      : { part: 'vault', ok: true, key: 'backup_ui.check_vault_ok', args: { count: checked }, problems: [] },
    { part: 'journal', ...journal },
  ];
}
