// Unit tests of ui/js/lib/scope_rules.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysBetween, labelState, isoDate } from '../../ui/js/lib/scope_rules.js';

test('days between ISO dates count whole days across month ends', () => {
  assert.equal(daysBetween('2027-02-28', '2027-03-01'), 1);
  assert.equal(daysBetween('2027-03-15', '2027-03-14'), -1);
  assert.equal(daysBetween('2028-02-28', '2028-03-01'), 2, 'leap year');
});

test('a label is valid through its expiry day and warns within the given days', () => {
  assert.equal(labelState('2027-03-14', '2027-03-15', 90), 'expired');
  assert.equal(labelState('2027-03-15', '2027-03-15', 90), 'expiring');
  assert.equal(labelState('2027-06-13', '2027-03-15', 90), 'expiring', '90 days');
  assert.equal(labelState('2027-06-14', '2027-03-15', 90), 'valid', '91 days');
});

test('the warning follows the days set in Settings, not a built-in 90', () => {
  // 60 days left: within the default 90, outside a workspace's 30.
  assert.equal(labelState('2027-05-14', '2027-03-15', 30), 'valid', 'warning days 30');
  assert.equal(labelState('2027-05-14', '2027-03-15', 90), 'expiring', 'warning days 90');
  assert.equal(labelState('2027-04-14', '2027-03-15', 30), 'expiring', '30 days left, warning days 30');
  assert.equal(labelState('2027-04-14', '2027-03-15', undefined), 'valid', 'no days given: no warning, no hidden default');
});

