// Unit tests of ui/js/lib/evidence_picker.js: the pure parts of the search-as-you-type
// evidence picker (keys, stale answers, chosen items, labels, typing pauses, chip caps).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capChips, debounce, itemLabel, nextActive, requestSequence, toggleChosen, withChosen, withoutChosen } from '../../ui/js/lib/evidence_picker.js';

test('the arrow keys move through the options and wrap around; Home and End jump', () => {
  assert.equal(nextActive(-1, 3, 'ArrowDown'), 0, 'down from nothing: the first');
  assert.equal(nextActive(0, 3, 'ArrowDown'), 1);
  assert.equal(nextActive(2, 3, 'ArrowDown'), 0, 'down from the last wraps to the first');
  assert.equal(nextActive(-1, 3, 'ArrowUp'), 2, 'up from nothing: the last');
  assert.equal(nextActive(0, 3, 'ArrowUp'), 2, 'up from the first wraps to the last');
  assert.equal(nextActive(1, 3, 'Home'), 0);
  assert.equal(nextActive(1, 3, 'End'), 2);
  assert.equal(nextActive(5, 3, 'x'), 2, 'another key keeps the option, within the list');
  assert.equal(nextActive(0, 0, 'ArrowDown'), -1, 'no options: none active');
});

test('only the answer to the latest request may be shown', async () => {
  const sequence = requestSequence();
  const shown = [];
  // The first search answers after the second: a slow query for a shorter text.
  const search = (text, ms) =>
    new Promise((resolve) => setTimeout(() => resolve(text), ms)).then((answer) => answer);
  const send = async (text, ms) => {
    const current = sequence.next();
    const answer = await search(text, ms);
    if (current()) shown.push(answer);
  };
  await Promise.all([send('ta', 30), send('tara', 5)]);
  assert.deepEqual(shown, ['tara'], 'the answer for "ta" came late and was dropped');
  const current = sequence.next();
  sequence.drop();
  assert.equal(current(), false, 'drop() makes every request sent so far stale');
});

test('chosen items are kept once, in the order chosen, and a second choice removes one', () => {
  const a = { id: 1, title: 'A' };
  const b = { id: 2, title: 'B' };
  let chosen = withChosen([], a);
  chosen = withChosen(chosen, b);
  chosen = withChosen(chosen, a);
  assert.deepEqual(chosen.map((c) => c.id), [1, 2], 'a again changes nothing');
  assert.deepEqual(withoutChosen(chosen, 1).map((c) => c.id), [2]);
  assert.deepEqual(toggleChosen(chosen, b).map((c) => c.id), [1], 'choosing a chosen item removes it');
  assert.deepEqual(toggleChosen([], b).map((c) => c.id), [2]);
});

test('an option reads as its title with its work product when it has one', () => {
  assert.equal(itemLabel({ title: 'TARA brake', work_product: 'WP-15-01' }), 'TARA brake (WP-15-01)');
  assert.equal(itemLabel({ title: 'Policy', work_product: null }), 'Policy');
});

test('typing sends one search after a pause, with the last text', () => {
  let now = 0;
  let timers = [];
  const clock = {
    setTimeout: (run, ms) => {
      timers.push({ at: now + ms, run });
      return timers.length;
    },
    clearTimeout: (handle) => {
      timers[handle - 1].run = null;
    },
  };
  const advance = (ms) => {
    now += ms;
    for (const timer of timers) {
      if (timer.run && timer.at <= now) {
        const run = timer.run;
        timer.run = null;
        run();
      }
    }
  };
  const sent = [];
  const later = debounce((text) => sent.push(text), 150, clock);
  later('t');
  advance(100);
  later('ta');
  advance(100);
  later('tar');
  advance(149);
  assert.deepEqual(sent, [], 'no pause of 150 ms yet');
  advance(1);
  assert.deepEqual(sent, ['tar'], 'one search, for the last text');
  later('tara');
  later.cancel();
  advance(500);
  assert.deepEqual(sent, ['tar'], 'a cancelled search is not sent');
  timers = [];
});

test('chips are capped, and the rest counted from the total, loaded or not', () => {
  const items = [1, 2, 3, 4, 5, 6].map((id) => ({ id }));
  assert.deepEqual(capChips(items.slice(0, 5), 700, 5), { shown: items.slice(0, 5), more: 695 });
  assert.deepEqual(capChips(items, 6, 50), { shown: items, more: 0 });
  assert.deepEqual(capChips([], 0, 5), { shown: [], more: 0 });
});
