// Unit tests of ui/js/lib/labels.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LABEL_RULE_KEYS, LABEL_RULE_MAX, actionPeriodsGrow, labelCards, saveOrder } from '../../ui/js/lib/labels.js';

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

const rules = {
  'labels.permanent_months': 36,
  'labels.temporary_months': 9,
  'labels.renewal_reminder_months': 12,
  'actions.free_months': 3,
  'actions.justified_months': 6,
  'actions.max_months': 9,
};
const wanting = (changes) => Object.fromEntries(LABEL_RULE_KEYS.map((k) => [k, String(changes[k] ?? rules[k])]));

test('every rule has a most', () => {
  for (const key of LABEL_RULE_KEYS) assert.ok(LABEL_RULE_MAX[key] > 0, key);
});

test('the action periods must grow: free ≤ justified ≤ max', () => {
  assert.ok(actionPeriodsGrow(rules));
  assert.ok(actionPeriodsGrow({ ...rules, 'actions.justified_months': 3 }), 'equal periods are allowed');
  assert.ok(!actionPeriodsGrow({ ...rules, 'actions.free_months': 7 }));
});

test('only changed rules are saved, and never the fixed temporary period', () => {
  assert.deepEqual(saveOrder(rules, wanting({})), []);
  assert.deepEqual(saveOrder(rules, wanting({ 'labels.permanent_months': 24, 'labels.temporary_months': 12 })), [['labels.permanent_months', '24']]);
});

test('raising the periods saves the top first, so that each step keeps them growing', () => {
  const order = saveOrder(rules, wanting({ 'actions.free_months': 7, 'actions.justified_months': 10, 'actions.max_months': 12 }));
  assert.deepEqual(order.map(([k]) => k), ['actions.max_months', 'actions.justified_months', 'actions.free_months']);
  assert.deepEqual(order.map(([, v]) => v), ['12', '10', '7']);
});

test('lowering the periods saves the bottom first', () => {
  const order = saveOrder(rules, wanting({ 'actions.free_months': 1, 'actions.justified_months': 2, 'actions.max_months': 2 }));
  assert.deepEqual(order.map(([k]) => k), ['actions.free_months', 'actions.justified_months', 'actions.max_months']);
});

test('every intermediate state of a mixed change keeps the periods growing', () => {
  const wanted = wanting({ 'actions.free_months': 8, 'actions.justified_months': 9, 'actions.max_months': 9 });
  const order = saveOrder(rules, wanted);
  const state = { ...rules };
  for (const [key, value] of order) {
    state[key] = Number(value);
    assert.ok(actionPeriodsGrow(state), `after ${key} = ${value}`);
  }
  assert.equal(state['actions.free_months'], 8);
});

test('periods that do not grow are not saved at all', () => {
  assert.equal(saveOrder(rules, wanting({ 'actions.free_months': 7 })), null);
});

test('a value that is not a whole number goes to the backend, which names the problem', () => {
  assert.deepEqual(saveOrder(rules, wanting({ 'actions.free_months': 'three' })), [['actions.free_months', 'three']]);
});
