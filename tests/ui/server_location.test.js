// Unit tests of ui/js/lib/server_location.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { isServerUrl, passwordAsked, switchedFlash } from '../../ui/js/lib/server_location.js';

test('a URL is told from a folder as the backend tells it', () => {
  assert.equal(isServerUrl('postgresql://db.example.com/acme'), true);
  assert.equal(isServerUrl('  POSTGRES://db/acme'), true);
  assert.equal(isServerUrl('/home/anna/postgresql://x'), false);
  assert.equal(isServerUrl('C:\\csms'), false);
  assert.equal(isServerUrl(null), false);
});

test('the password prompt appears only when the server asked for a password', () => {
  const asked = {
    code: 'invalid_input',
    message: 'The PostgreSQL server … asks for the password of user anna',
    fields: [{ field: 'password', message: 'Password of user anna for database acme on db, port 5432' }],
  };
  assert.equal(passwordAsked(asked), 'Password of user anna for database acme on db, port 5432');
  assert.equal(passwordAsked({ code: 'workspace_missing', message: 'unreachable', fields: [] }), null);
  assert.equal(passwordAsked({ code: 'invalid_input', message: 'x', fields: [{ field: 'company_name', message: 'y' }] }), null);
  assert.equal(passwordAsked(null), null);
});

test('the flash after a switch carries the backend notice', () => {
  const flash = switchedFlash({ dir: 'postgresql://anna:***@db/acme', notice: 'The password in the URL is used for this session only' });
  assert.deepEqual(flash, {
    part: 'workspace',
    key: 'settings.workspace_switched',
    args: { path: 'postgresql://anna:***@db/acme' },
    note: 'The password in the URL is used for this session only',
  });
  assert.equal(switchedFlash({ dir: '/w', notice: null }).note, null);
});
