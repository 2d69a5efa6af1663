// Unit tests of ui/js/api/commands.js: what each command is sent. The backend takes scopes,
// locations and protection objects by id (a plain JSON number), while a select's value or a
// hash parameter is text; the commands send numbers, and null for "none".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../ui/js/api/commands.js';

// The calls the page would make, caught where ipc.js hands them to Tauri.
let calls = [];
globalThis.window = {
  __TAURI__: {
    core: {
      invoke: async (command, args) => {
        calls.push({ command, args });
        return null;
      },
    },
  },
};

/** The one call `run` made: { command, args }. */
async function sent(run) {
  calls = [];
  await run();
  assert.equal(calls.length, 1, 'one command per call');
  return calls[0];
}

test('a scope picker fills itself from the light list of names', async () => {
  assert.deepEqual(await sent(() => api.scopeNames()), { command: 'scope_names', args: {} });
});

test('a scope goes by its id, given as a number or as a select\'s text', async () => {
  assert.deepEqual(await sent(() => api.readiness('3')), { command: 'readiness_show', args: { scope: 3 } });
  assert.deepEqual(await sent(() => api.dashboard(3)), { command: 'dashboard_show', args: { scope: 3 } });
  assert.deepEqual(await sent(() => api.showScope('3', '')), { command: 'scope_show', args: { scope: 3, on: null } });
  assert.deepEqual((await sent(() => api.exportPackage('3', '/tmp/p.zip', 'full', ''))).args, { scope: 3, path: '/tmp/p.zip', level: 'full', audit: null, versions: 'reviewed', force: false });
  assert.deepEqual((await sent(() => api.exportPackage('3', '/tmp/p.zip', 'A', '', 'newest', 1))).args, { scope: 3, path: '/tmp/p.zip', level: 'A', audit: null, versions: 'newest', force: true });
  assert.deepEqual(await sent(() => api.packageWarnings('3', 'A')), { command: 'package_warnings', args: { scope: 3, level: 'A' } });
  assert.deepEqual((await sent(() => api.addSharing(3, 'OEM', 'PABC12', 'A', ''))).args.scope, 3);
  assert.deepEqual((await sent(() => api.chooseSample('3', 'development', ['Radar']))).args, { scope: 3, objective: 'development', objects: ['Radar'] }, 'the sample itself goes by name');
});

test('the audits of one scope by id, or of every scope for none', async () => {
  assert.deepEqual((await sent(() => api.audits(4))).args, { scope: 4 });
  assert.deepEqual((await sent(() => api.audits(''))).args, { scope: null });
  assert.deepEqual((await sent(() => api.audits(null))).args, { scope: null });
});

test('a protection object\'s checks and removal name the object alone, by id', async () => {
  assert.deepEqual(await sent(() => api.sampleChecks('5')), { command: 'po_checks', args: { object: 5 } });
  assert.deepEqual(await sent(() => api.setSampleCheck(5, '1.1', 'consistent', 'seen')), {
    command: 'po_set_check',
    args: { object: 5, question: '1.1', status: 'consistent', note: 'seen' },
  });
  assert.deepEqual(await sent(() => api.removeProtectionObject('5')), { command: 'po_remove', args: { object: 5 } });
});

test('a location goes by its id', async () => {
  assert.deepEqual(await sent(() => api.removeLocation('4')), { command: 'location_remove', args: { location: 4 } });
  const label = { label: 'confidential', level: '3', expires: '2030-01-01' };
  assert.deepEqual(await sent(() => api.addLocationLabel(4, label)), { command: 'location_add_label', args: { location: 4, label } });
});

test('a finding\'s protection object is an id or null', async () => {
  assert.equal((await sent(() => api.addFinding('8', '1.1', 'minor', 'text', '7'))).args.protectionObject, 7);
  assert.equal((await sent(() => api.addFinding(8, '1.1', 'minor', 'text', ''))).args.protectionObject, null, 'no object chosen');
  assert.equal((await sent(() => api.addFinding(8, '1.1', 'minor', 'text'))).args.protectionObject, null);
});

test('links name their scope and object by id, or null for every scope and every object', async () => {
  const added = await sent(() => api.addEvidence(['/docs/a.pdf'], {}, { targets: ['1.1.a'], scope: '2', protection_object: '', note: '' }));
  assert.deepEqual(added.args.links, { targets: ['1.1.a'], scope: 2, protection_object: null, note: '' });
  const linked = await sent(() => api.linkEvidence('9', { targets: ['1.2'], scope: '', protection_object: '', note: 'n' }));
  assert.deepEqual(linked.args, { id: 9, links: { targets: ['1.2'], scope: null, protection_object: null, note: 'n' } });
  const forObject = await sent(() => api.linkEvidence(9, { targets: ['1.2'], scope: 2, protection_object: '6', note: '' }));
  assert.deepEqual(forObject.args.links, { targets: ['1.2'], scope: 2, protection_object: 6, note: '' });
});

test('the deadline filter sends its scope as an id, and none as null', async () => {
  const none = { kinds: [], scope: '', owner: '', within_days: null };
  assert.deepEqual((await sent(() => api.deadlinesPage(none, { limit: 5 }))).args.filter.scope, null, 'the dashboard asks for every scope');
  assert.deepEqual((await sent(() => api.deadlinesPage({ ...none, scope: '2' }))).args.filter.scope, 2);
  assert.deepEqual((await sent(() => api.exportDeadlines({ ...none, scope: 2 }, '/tmp/d.ics'))).args, {
    filter: { ...none, scope: 2 },
    path: '/tmp/d.ics',
  });
});

test('the evidence picker searches with its text and a limit; each requirement\'s evidence goes by the scope\'s id', async () => {
  assert.deepEqual(await sent(() => api.searchEvidence('tara brake', 20)), { command: 'evidence_search', args: { text: 'tara brake', limit: 20 } });
  assert.deepEqual((await sent(() => api.searchEvidence(null))).args, { text: '', limit: 20 });
  assert.deepEqual(await sent(() => api.requirementEvidence('3', null, 5)), {
    command: 'requirement_evidence',
    args: { scope: 3, requirement: null, limit: 5 },
  });
  assert.deepEqual((await sent(() => api.requirementEvidence(3, '1.1.a'))).args, { scope: 3, requirement: '1.1.a', limit: null }, 'no limit: all');
});

test('a page of the vault sends its filter, sort and rows as the backend takes them', async () => {
  const { command, args } = await sent(() => api.evidencePage({ filter: 'tara', state: 'changed', linked: false, sort: 'state', direction: 'desc', offset: '100', limit: 100 }));
  assert.equal(command, 'evidence_page');
  assert.deepEqual(args.query, {
    filter: 'tara',
    state: 'changed',
    work_product: '',
    classification: '',
    linked: false,
    sort: 'state',
    direction: 'desc',
    offset: 100,
    limit: 100,
  });
  const counted = await sent(() => api.evidencePage({ limit: 0 }));
  assert.equal(counted.args.query.limit, 0, 'a count alone: zero rows, not every row');
  assert.equal(counted.args.query.linked, null, 'linked or not: null');
  assert.equal((await sent(() => api.evidencePage())).args.query.limit, null, 'no limit: every row');
});

test('a page of deadlines sends the filter and the page apart', async () => {
  const filter = { kinds: [], scope: 2, owner: '', within_days: null };
  assert.deepEqual(await sent(() => api.deadlinesPage(filter, { sort: 'what', direction: 'asc', offset: 200, limit: 100 })), {
    command: 'deadlines_page',
    args: { filter, page: { sort: 'what', direction: 'asc', offset: 200, limit: 100 } },
  });
  assert.deepEqual((await sent(() => api.deadlinesPage(filter, { limit: 5 }))).args.page, { sort: '', direction: '', offset: 0, limit: 5 });
});

test('corrections send ids as numbers and confirmations as booleans', async () => {
  assert.deepEqual(await sent(() => api.removeFinding('5', 1)), { command: 'finding_remove', args: { id: 5, withActions: true } });
  assert.deepEqual(await sent(() => api.removeAudit(2)), { command: 'audit_remove', args: { id: 2, withFindings: false } });
  const edited = await sent(() => api.editFinding('3', { question: '1.1', kind: 'minor', text: 't', protection_object: '' }));
  assert.deepEqual(edited.args, { id: 3, finding: { question: '1.1', kind: 'minor', text: 't', protection_object: null }, revision: null });
  assert.equal((await sent(() => api.editAction('4', {}, ''))).args.status, null, 'no status change');
  // The revision the form read goes back with the save; anything but a whole number is none.
  assert.equal((await sent(() => api.editAction('4', {}, '', 6))).args.revision, 6);
  assert.equal((await sent(() => api.updateLocation('1', {}, 0))).args.revision, 0);
  assert.equal((await sent(() => api.updateEvidence('1', {}, undefined))).args.revision, null);
  assert.equal((await sent(() => api.updateScope('1', {}, '2'))).args.revision, null);
  assert.deepEqual((await sent(() => api.checkAction({ owner: '' }, ''))).args, { action: { owner: '' }, id: null });
});

test('many results go in one call, and the actions page sends its filter by id', async () => {
  const saved = await sent(() => api.setAuditResults('7', [{ question: '1.1', result: 'minor' }, { question: '1.2' }]));
  assert.deepEqual(saved.args, {
    id: 7,
    results: [
      { question: '1.1', result: 'minor', findings_description: '' },
      { question: '1.2', result: '', findings_description: '' },
    ],
  });
  const page = await sent(() => api.actionPage({ scope: '2', audit: '', statuses: ['open'], limit: 50 }));
  assert.deepEqual(page.args.query, { audit: null, scope: 2, owner: '', statuses: ['open'], due_by: '', offset: 0, limit: 50 });
});

test('the self-assessment of many questions goes in one call, a missing text as null', async () => {
  const saved = await sent(() => api.assessMany('3', [{ question: '1.1', result: 'conform' }, { question: '1.2', result: '', implementation: 'x' }]));
  assert.deepEqual(saved, {
    command: 'assess_save_many',
    args: { scope: 3, entries: [{ question: '1.1', result: 'conform', implementation: null }, { question: '1.2', result: '', implementation: 'x' }] },
  });
});

test('the findings page sends its filter by id', async () => {
  const page = await sent(() => api.findingPage({ scope: '', audit: '4', kinds: ['minor'], limit: 50 }));
  assert.deepEqual(page, { command: 'finding_page', args: { query: { audit: 4, scope: null, kinds: ['minor'], text: '', offset: 0, limit: 50 } } });
});

test('a bulk change sends the ticked ids as numbers, or the filter alone for "all matching"', async () => {
  const byIds = await sent(() => api.bulkEvidence({ ids: ['4', 9] }, { action: 'remove' }));
  assert.deepEqual(byIds, { command: 'evidence_bulk', args: { selection: { ids: [4, 9], filter: null }, change: { action: 'remove' } } });
  const byFilter = await sent(() => api.bulkEvidence({ filter: { filter: 'tara', linked: false } }, { action: 'set', field: 'owner', value: 'Anna' }));
  assert.deepEqual(byFilter.args.selection, {
    ids: [],
    filter: { filter: 'tara', state: '', work_product: '', classification: '', linked: false, sort: '', direction: '', offset: 0, limit: null },
  });
  const link = await sent(() => api.bulkEvidence({ ids: [1] }, { action: 'link', targets: ['1.1'], scope: '3', protection_object: '', note: '' }));
  assert.deepEqual(link.args.change, { action: 'link', targets: ['1.1'], scope: 3, protection_object: null, note: '' });
});

test('opening and revealing name the item (and version) by id, never a path', async () => {
  assert.deepEqual(await sent(() => api.openEvidence('7')), { command: 'evidence_open', args: { id: 7, version: null } });
  assert.deepEqual(await sent(() => api.openEvidence(7, '2')), { command: 'evidence_open', args: { id: 7, version: 2 } });
  assert.deepEqual(await sent(() => api.revealEvidence('7')), { command: 'evidence_reveal', args: { id: 7 } });
  assert.deepEqual(await sent(() => api.relocateEvidence('7', '/home/anna/new.pdf')), { command: 'evidence_relocate', args: { id: 7, path: '/home/anna/new.pdf' } });
  assert.deepEqual(await sent(() => api.searchWorkspace('tara')), { command: 'workspace_search', args: { text: 'tara', limit: 5 } });
});

test('the PDF report goes by scope id, an audit id or null, and the language chosen', async () => {
  assert.deepEqual(await sent(() => api.exportReport('3', '/tmp/r.pdf', '', '')), {
    command: 'export_report',
    args: { scope: 3, path: '/tmp/r.pdf', audit: null, lang: '' },
  });
  assert.deepEqual((await sent(() => api.exportReport(3, '/tmp/r.pdf', '7', 'de'))).args, { scope: 3, path: '/tmp/r.pdf', audit: 7, lang: 'de' });
  assert.deepEqual(await sent(() => api.pickReportOut()), { command: 'report_pick_out', args: {} });
});
