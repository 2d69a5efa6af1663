// Unit tests of ui/js/lib/catalogue_tree.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareIds, sections, hitSets, workbookAmong } from '../../ui/js/lib/catalogue_tree.js';

const tree = {
  groups_5112: [
    { id: '02', title: 'Continual activities' },
    { id: '01', title: 'Management' },
  ],
  chapters: [
    { id: '1', title: 'Organisation', questions: [{ id: '1.1', id_5112: '01.2' }, { id: '1.2', id_5112: '01.1' }] },
    { id: '9', title: 'Continual', questions: [{ id: '9.1', id_5112: '02.1' }, { id: '9.2', id_5112: '07.1' }] },
  ],
};

test('ids compare numerically part by part', () => {
  assert.ok(compareIds('1.10', '1.9') > 0);
  assert.ok(compareIds('3.1.i', '3.1.i-2') < 0);
  assert.equal(compareIds('01.1', '01.1'), 0);
  assert.deepEqual(['9.1', '10.1', '1.2'].sort(compareIds), ['1.2', '9.1', '10.1']);
});

test('VCS order keeps the chapters as imported', () => {
  assert.deepEqual(sections(tree, 'vcs').map((s) => s.id), ['1', '9']);
});

test('5112 order regroups questions by their 5112 group and sorts them', () => {
  const result = sections(tree, '5112', 'Other');
  assert.deepEqual(result.map((s) => s.id), ['01', '02', ''], 'groups in 5112 order, the rest last');
  const management = result.find((s) => s.id === '01');
  assert.deepEqual(management.questions.map((q) => q.id), ['1.2', '1.1'], 'sorted by 5112 ID');
  const other = result.find((s) => s.id === '');
  assert.deepEqual(other.questions.map((q) => q.id), ['9.2'], 'an unknown group ends up last');
  assert.equal(other.title, 'Other');
});

test('search hits become sets of questions and requirements', () => {
  const sets = hitSets([{ question: '1.1', requirement: null }, { question: '5.1', requirement: '5.1.a' }]);
  assert.deepEqual([...sets.questions], ['1.1', '5.1']);
  assert.deepEqual([...sets.requirements], ['5.1.a']);
  assert.equal(sets.count, 2);
});

test('the first workbook among dropped files is chosen', () => {
  assert.equal(workbookAmong(['/tmp/notes.txt', '/tmp/VCSA.XLSX', '/tmp/b.ods']), '/tmp/VCSA.XLSX');
  assert.equal(workbookAmong(['/tmp/a.pdf']), null);
});
