// Unit tests of ui/js/lib/errors.js: every message the backend names for a field reaches it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldMessages, toCommandError } from '../../ui/js/lib/errors.js';

test('two messages for one field are both kept, in order', () => {
  const error = toCommandError({
    code: 'invalid_input',
    message: 'Correct the marked fields and save again.',
    fields: [
      { field: 'targets', message: '99.9 is unknown.' },
      { field: 'owner', message: 'Too long.' },
      { field: 'targets', message: 'foo is unknown.' },
    ],
  });
  const messages = fieldMessages(error);
  assert.equal(messages.get('targets'), '99.9 is unknown. foo is unknown.', 'the first is not overwritten by the last');
  assert.equal(messages.get('owner'), 'Too long.');
  assert.equal(fieldMessages(null).size, 0);
});
