// Unit tests of ui/js/lib/history.js: how a journal entry reads, and what a verification or
// a workspace check found.

import { test } from 'node:test';
import { catalogueOf } from './catalogue.js';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  OPS,
  PAGE_SIZE,
  TABLES,
  changeText,
  changes,
  checkSummary,
  entrySummary,
  filterOptions,
  formatTime,
  keyText,
  mayHaveOlder,
  oldestSeq,
  opLabel,
  tableLabel,
  valueText,
  verifySummary,
} from '../../ui/js/lib/history.js';

/** A translator that shows which key and arguments were asked for. */
const t = (key, args) => (args ? `${key}${JSON.stringify(args)}` : key);

function keysOf(lang) {
  const { has } = catalogueOf(lang);
  return { has };
}

/** The tables the migrations create, except the journal's own and the records' revisions (not journalled). */
function tablesOfMigrations() {
  const dir = fileURLToPath(new URL('../../src-tauri/crates/store/migrations/', import.meta.url));
  const names = new Set();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
    for (const [, name] of readFileSync(join(dir, file), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?(\w+)"?/gi)) {
      names.add(name);
    }
  }
  return [...names].filter((name) => !['journal', 'journal_head', 'row_revision'].includes(name)).sort();
}

test('every table of the workspace has a label of its own', () => {
  assert.deepEqual(
    tablesOfMigrations().filter((table) => !TABLES.includes(table)),
    [],
    'a new table gets a history.table.<name> message and a place in TABLES',
  );
});

test('every table label and operation has a message in English and German', () => {
  const keys = [...TABLES.map((table) => `history.table.${table}`), ...OPS.map((op) => `history.op_${op}`)];
  for (const lang of ['en', 'de']) {
    const catalogue = keysOf(lang);
    assert.deepEqual(keys.filter((k) => !catalogue.has(k)), [], `missing in ${lang}.ftl`);
  }
});

test('the message keys the helpers build exist in both catalogues', () => {
  const built = [
    'history.verify_ok',
    'history.verify_empty',
    'history.verify_bad',
    'backup_ui.check_journal_ok',
    'backup_ui.check_journal_empty',
    'backup_ui.check_journal_bad',
    'backup_ui.check_database_ok',
    'backup_ui.check_database_bad',
    'backup_ui.check_vault_ok',
    'backup_ui.check_vault_bad',
    'backup_ui.running',
    'backup_ui.restore_running',
    'backup_ui.check_running',
    'history.col_seq',
    'history.col_time',
    'history.col_user',
    'history.col_source',
    'history.col_change',
    'history.col_details',
  ];
  for (const lang of ['en', 'de']) {
    const catalogue = keysOf(lang);
    assert.deepEqual(built.filter((k) => !catalogue.has(k)), [], `missing in ${lang}.ftl`);
  }
});

test('a table with a label shows it; another shows its raw name', () => {
  assert.equal(tableLabel(t, 'evidence'), 'history.table.evidence');
  assert.equal(tableLabel(t, 'some_new_table'), 'some_new_table', 'a table added later is still named');
  assert.equal(tableLabel(t, undefined), '');
  assert.equal(opLabel(t, 'update'), 'history.op_update');
  assert.equal(opLabel(t, 'truncate'), 'truncate', 'an unknown operation shows as it is');
});

test('the filter lists each table once, by its label in the UI language', () => {
  const labels = { 'history.table.location': 'Standort', 'history.table.evidence': 'Nachweis', 'history.table.scope': 'Geltungsbereich' };
  const de = (key) => labels[key] ?? key;
  assert.deepEqual(filterOptions(de, ['scope', 'location', 'evidence', 'scope', 'zzz_raw'], 'de'), [
    { value: 'scope', label: 'Geltungsbereich' },
    { value: 'evidence', label: 'Nachweis' },
    { value: 'location', label: 'Standort' },
    { value: 'zzz_raw', label: 'zzz_raw' },
  ]);
  assert.deepEqual(filterOptions(de, undefined), []);
});

test('values and keys read as plain text', () => {
  assert.equal(valueText(null), '—', 'an empty (NULL) value is a dash');
  assert.equal(valueText(undefined), '—');
  assert.equal(valueText(0), '0');
  assert.equal(valueText('Plant Nord'), 'Plant Nord');
  assert.equal(valueText({ a: 1 }), '{"a":1}');
  assert.equal(keyText([3]), '3');
  assert.equal(keyText([1, '1.1']), '1 · 1.1', 'a composite key shows every part');
  assert.equal(keyText('7'), '7');
});

test('an update lists each changed column with both sides, in the order sent', () => {
  const entry = { op: 'update', before: { title: 'Old', review_due: null }, after: { title: 'New', review_due: '2026-09-01' } };
  assert.deepEqual(changes(entry), [
    { column: 'title', before: 'Old', after: 'New' },
    { column: 'review_due', before: null, after: '2026-09-01' },
  ]);
  assert.deepEqual(changes(entry).map(changeText), ['title: Old → New', 'review_due: — → 2026-09-01']);
});

test('an insert or delete lists only the columns that hold something, the name first', () => {
  const insert = { op: 'insert', before: null, after: { address: '', cs_activities: 1, id: 3, name: 'Plant Nord', tisax_scope_id: null } };
  assert.deepEqual(changes(insert), [
    { column: 'name', before: undefined, after: 'Plant Nord' },
    { column: 'cs_activities', before: undefined, after: 1 },
    { column: 'id', before: undefined, after: 3 },
  ]);
  assert.deepEqual(changes(insert).map(changeText), ['name: Plant Nord', 'cs_activities: 1', 'id: 3']);
  const remove = { op: 'delete', before: { id: 3, note: null, title: 'Policy' }, after: null };
  assert.deepEqual(changes(remove).map(changeText), ['title: Policy', 'id: 3']);
  const cleared = { op: 'update', before: { notes: 'old' }, after: { notes: '' } };
  assert.deepEqual(changes(cleared).map(changeText), ['notes: old → '], 'an update keeps a value emptied');
  assert.deepEqual(changes({ op: 'update', before: 'not an object', after: null }), [], 'a malformed side is ignored');
  assert.deepEqual(changes(undefined), []);
});

test('an entry reads in one line as table, operation and key', () => {
  assert.equal(entrySummary(t, { table: 'location', op: 'insert', key: [3] }), 'history.table.location · history.op_insert · 3');
});

test('times are shown in the UI language', () => {
  const at = '2026-05-04T09:30:12.345Z';
  const en = formatTime(at, 'en', 'UTC');
  const de = formatTime(at, 'de', 'UTC');
  assert.equal(en, '2026-05-04 09:30:12', 'the date in the one English format, the time to the second');
  assert.equal(de, '04.05.2026 09:30:12', 'the date in the one German format');
  assert.equal(formatTime('not a time', 'en'), 'not a time', 'text that is no time stays readable');
  assert.equal(formatTime(null, 'en'), '');
});

test('paging back starts below the oldest entry shown, while pages come back full', () => {
  assert.equal(oldestSeq([{ seq: 120 }, { seq: 101 }, { seq: 119 }]), 101);
  assert.equal(oldestSeq([]), null, 'nothing shown: the first page');
  assert.equal(mayHaveOlder(new Array(PAGE_SIZE).fill({})), true);
  assert.equal(mayHaveOlder(new Array(PAGE_SIZE - 1).fill({})), false, 'a short page is the last');
  assert.equal(mayHaveOlder(undefined), false);
});

test('an intact journal reads as one line with the count and the newest seal, shortened', () => {
  const hash = 'a'.repeat(64);
  const summary = verifySummary({ ok: true, entries: 42, head: { seq: 42, hash }, problems: [] });
  assert.deepEqual(summary, { ok: true, key: 'history.verify_ok', args: { entries: 42, seq: 42, hash: `${'a'.repeat(16)}…` }, problems: [] });
  assert.equal(verifySummary({ ok: true, entries: 0, head: null, problems: [] }).key, 'history.verify_empty');
});

test('a damaged journal lists each problem with the backend message', () => {
  const report = {
    ok: false,
    entries: 10,
    head: { seq: 10, hash: 'b'.repeat(64) },
    problems: [
      { kind: 'edited', seq: 4, message: 'Entry 4 was changed after it was written.' },
      { kind: 'deleted', seq: 6, message: 'Entries 6 to 7 were removed.' },
    ],
  };
  const summary = verifySummary(report);
  assert.equal(summary.ok, false);
  assert.equal(summary.key, 'history.verify_bad');
  assert.deepEqual(summary.args, { count: 2, entries: 10 });
  assert.deepEqual(summary.problems, ['Entry 4 was changed after it was written.', 'Entries 6 to 7 were removed.']);
  assert.equal(verifySummary(report, 'check').key, 'backup_ui.check_journal_bad', 'the check uses its own wording');
});

test('the workspace check reads as database, vault and journal lines', () => {
  const intact = checkSummary({
    ok: true,
    integrity: 'ok',
    blobs_checked: 5,
    blob_problems: [],
    journal: { ok: true, entries: 9, head: { seq: 9, hash: 'c'.repeat(64) }, problems: [] },
  });
  assert.deepEqual(intact.map((l) => [l.part, l.ok, l.key]), [
    ['database', true, 'backup_ui.check_database_ok'],
    ['vault', true, 'backup_ui.check_vault_ok'],
    ['journal', true, 'backup_ui.check_journal_ok'],
  ]);
  assert.deepEqual(intact[1].args, { count: 5 });

  const damaged = checkSummary({
    ok: false,
    integrity: ['row 3 missing from index x'],
    blobs_checked: 5,
    blob_problems: ['The vault copy abc is missing.'],
    journal: { ok: false, entries: 9, head: null, problems: [{ kind: 'unsealed', seq: 2, message: 'Entry 2 has no seal.' }] },
  });
  assert.deepEqual(damaged.map((l) => l.ok), [false, false, false]);
  assert.deepEqual(damaged[0].problems, ['row 3 missing from index x']);
  assert.deepEqual(damaged[1].args, { count: 1, checked: 5 });
  assert.deepEqual(damaged[2].problems, ['Entry 2 has no seal.']);
});
