// Unit tests of ui/js/lib/labels.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelCards } from '../../ui/js/lib/labels.js';

const shown = [
  {
    scope: 'ECU',
    labels: [
      { objective: 'development', kind: 'temporary', valid_from: '2026-05-31', expires: '2027-02-28', days_left: 95 },
      { objective: 'production', kind: 'temporary', valid_from: '2026-05-31', expires: '2027-02-28', days_left: 95 },
    ],
    follow_up_due: '2027-02-28',
    renewal_from: null,
    next_step: 'Temporary labels: a follow-up audit must confirm …',
  },
  { scope: 'Body', labels: [], follow_up_due: null, renewal_from: null, next_step: 'No audit yet: plan the initial audit.' },
];

test('each label gets a card with its scope’s next step', () => {
  const cards = labelCards(shown);
  assert.equal(cards.length, 3);
  assert.deepEqual(cards.slice(0, 2).map((c) => [c.scope, c.objective, c.kind, c.none]), [
    ['ECU', 'development', 'temporary', false],
    ['ECU', 'production', 'temporary', false],
  ]);
  assert.equal(cards[0].next_step, shown[0].next_step);
  assert.equal(cards[0].days_left, 95);
});

test('a scope without labels gets one card saying what to do', () => {
  const card = labelCards(shown)[2];
  assert.deepEqual(card, { scope: 'Body', none: true, next_step: 'No audit yet: plan the initial audit.' });
  assert.deepEqual(labelCards([]), []);
});
