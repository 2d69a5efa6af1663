// Unit tests of ui/js/lib/paging.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIRST_ROWS, PAGE_SIZE, appendInTwoSteps, coalesce, debounce, lastPageOffset, latestOnly, pageRange } from '../../ui/js/lib/paging.js';

test('a page says which rows it shows and where its neighbours start', () => {
  assert.deepEqual(pageRange({ offset: 0, total: 250 }, 100, 100), {
    first: 1,
    last: 100,
    hasPrevious: false,
    hasNext: true,
    previousOffset: 0,
    nextOffset: 100,
  });
  const last = pageRange({ offset: 200, total: 250 }, 50, 100);
  assert.deepEqual([last.first, last.last, last.hasPrevious, last.hasNext, last.previousOffset], [201, 250, true, false, 100]);
  const only = pageRange({ offset: 0, total: 7 }, 7);
  assert.equal(only.hasPrevious || only.hasNext, false, 'one page holds everything');
  const empty = pageRange({ offset: 0, total: 0 }, 0);
  assert.deepEqual([empty.first, empty.last, empty.hasNext], [0, 0, false]);
  assert.equal(pageRange().hasNext, false, 'before the first answer: nothing to page');
});

test('after the list shrank, the last page with rows is where the table goes', () => {
  assert.equal(lastPageOffset(250, 100), 200);
  assert.equal(lastPageOffset(200, 100), 100, 'exactly two full pages: the second starts at 100');
  assert.equal(lastPageOffset(1, 100), 0);
  assert.equal(lastPageOffset(0, 100), 0);
  assert.equal(lastPageOffset(PAGE_SIZE + 1), PAGE_SIZE);
});

test('only the latest of overlapping requests counts', () => {
  const requests = latestOnly();
  const older = requests.begin();
  const newer = requests.begin();
  assert.equal(requests.isLatest(older), false, 'an answer for an older filter is dropped');
  assert.equal(requests.isLatest(newer), true);
});

test('typing runs the search once, after the pause', async () => {
  const calls = [];
  const typed = debounce((text) => calls.push(text), 20);
  typed('t');
  typed('ta');
  typed('tar');
  assert.deepEqual(calls, [], 'nothing while typing');
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.deepEqual(calls, ['tar'], 'once, with the last text');
  typed('x');
  typed.cancel();
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.deepEqual(calls, ['tar'], 'a cancelled run never fires');
});

test('typing asks at once, never queues behind its own stale request, and asks for the last text', async () => {
  const asked = [];
  let text = 's';
  const answers = [];
  const load = coalesce(async () => {
    asked.push(text);
    await new Promise((resolve) => answers.push(resolve));
  });
  load();
  assert.deepEqual(asked, ['s'], 'the first key asks without waiting for a pause');
  assert.equal(load.pending(), false);
  text = 'sb';
  load();
  text = 'sbo';
  load();
  assert.deepEqual(asked, ['s'], 'keys typed while a request runs wait for it');
  assert.equal(load.pending(), true, "the running request's answer is stale");
  answers.shift()();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(asked, ['s', 'sbo'], 'one request follows, for the last text');
  assert.equal(load.pending(), false);
  answers.shift()();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(asked, ['s', 'sbo'], 'nothing more when no key came meanwhile');
});

test('a failed request does not stop the next one', async () => {
  let calls = 0;
  const load = coalesce(async () => {
    calls += 1;
    if (calls === 1) throw new Error('refused');
  });
  await load().catch(() => {});
  await load();
  assert.equal(calls, 2);
});

test('a long table draws a screenful first and the rest after the paint, unless redrawn', () => {
  const body = { rows: [], append(...rows) { this.rows.push(...rows); } };
  const rows = Array.from({ length: 100 }, (_, i) => i);
  let later = null;
  appendInTwoSteps(body, rows, (i) => i, () => false, (fn) => (later = fn));
  assert.equal(body.rows.length, FIRST_ROWS, 'a screenful before the first paint');
  later();
  assert.deepEqual(body.rows, rows, 'then the rest, in order');

  const redrawn = { rows: [], append(...r) { this.rows.push(...r); } };
  appendInTwoSteps(redrawn, rows, (i) => i, () => true, (fn) => (later = fn));
  later();
  assert.equal(redrawn.rows.length, FIRST_ROWS, 'a newer drawing replaced the table: nothing appended');

  const short = { rows: [], append(...r) { this.rows.push(...r); } };
  appendInTwoSteps(short, rows.slice(0, 5), (i) => i, () => false, () => assert.fail('nothing left for later'));
  assert.equal(short.rows.length, 5);
});
