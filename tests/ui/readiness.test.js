// Unit tests of ui/js/lib/readiness.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { predictedKey } from '../../ui/js/lib/readiness.js';

test('each predicted result names its message', () => {
  assert.equal(predictedKey('PASS'), 'pass');
  assert.equal(predictedKey('CONDITIONAL-PASS'), 'conditional_pass');
  assert.equal(predictedKey('FAIL'), 'fail');
  assert.equal(predictedKey('INCOMPLETE'), 'incomplete');
});

test('an unknown or missing result reads as incomplete rather than a broken key', () => {
  assert.equal(predictedKey('MAYBE'), 'incomplete');
  assert.equal(predictedKey(null), 'incomplete');
});
