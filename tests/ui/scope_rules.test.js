// Unit tests of ui/js/lib/scope_rules.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysBetween, labelState, isoDate, OBJECTIVES } from '../../ui/js/lib/scope_rules.js';

test('days between ISO dates count whole days across month ends', () => {
  assert.equal(daysBetween('2027-02-28', '2027-03-01'), 1);
  assert.equal(daysBetween('2027-03-15', '2027-03-14'), -1);
  assert.equal(daysBetween('2028-02-28', '2028-03-01'), 2, 'leap year');
});

test('a label is valid through its expiry day and warns within 90 days', () => {
  assert.equal(labelState('2027-03-14', '2027-03-15'), 'expired');
  assert.equal(labelState('2027-03-15', '2027-03-15'), 'expiring');
  assert.equal(labelState('2027-06-13', '2027-03-15'), 'expiring', '90 days');
  assert.equal(labelState('2027-06-14', '2027-03-15'), 'valid', '91 days');
});

test('local dates format as ISO', () => {
  assert.equal(isoDate(new Date(2027, 0, 5)), '2027-01-05');
  assert.deepEqual(OBJECTIVES, ['development', 'production', 'operations-maintenance']);
});
