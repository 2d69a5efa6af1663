// Unit tests of ui/js/lib/routes.js and ui/js/lib/errors.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCREENS, screenFromHash, hrefOf, paramsFromHash, hrefWith, idFromParam } from '../../ui/js/lib/routes.js';
import { toCommandError, fieldMessages, CommandError } from '../../ui/js/lib/errors.js';

test('the navigation lists the nine screens in order', () => {
  assert.deepEqual(SCREENS, ['dashboard', 'catalogue', 'scope', 'evidence', 'audits', 'deadlines', 'export', 'history', 'settings']);
});

test('a hash names its screen and anything else falls back to the dashboard', () => {
  assert.equal(screenFromHash('#/settings'), 'settings');
  assert.equal(screenFromHash('#/scope/42'), 'scope');
  assert.equal(screenFromHash(''), 'dashboard');
  assert.equal(screenFromHash('#/nonsense'), 'dashboard');
  assert.equal(screenFromHash(hrefOf('export')), 'export');
});

test('hash parameters are read after the question mark, decoded', () => {
  assert.deepEqual(paramsFromHash('#/evidence?tab=requirements&scope=3&req=1.1.a'), {
    tab: 'requirements',
    scope: '3',
    req: '1.1.a',
  });
  assert.deepEqual(paramsFromHash('#/deadlines?owner=Anna%20M%C3%BCller'), { owner: 'Anna Müller' });
  assert.deepEqual(paramsFromHash('#/deadlines?owner=A+B&owner=C'), { owner: 'C' }, 'plus is a space, the last repeat wins');
  assert.deepEqual(paramsFromHash('#/evidence'), {});
  assert.deepEqual(paramsFromHash(undefined), {});
  assert.equal(screenFromHash('#/evidence?tab=requirements'), 'evidence', 'parameters do not change the screen');
});

test('a hash with parameters round-trips through hrefWith and leaves empty ones out', () => {
  const href = hrefWith('evidence', { tab: 'requirements', scope: 12, req: '3.1.i-2', id: '' });
  assert.equal(href, '#/evidence?tab=requirements&scope=12&req=3.1.i-2', 'a scope goes by its id');
  assert.deepEqual(paramsFromHash(href), { tab: 'requirements', scope: '12', req: '3.1.i-2' });
  const owner = hrefWith('deadlines', { owner: 'Plant & Co/Nord', scope: null, within: undefined });
  assert.equal(owner, '#/deadlines?owner=Plant%20%26%20Co%2FNord');
  assert.deepEqual(paramsFromHash(owner), { owner: 'Plant & Co/Nord' });
  assert.equal(hrefWith('evidence', {}), '#/evidence');
});

test('an id comes from a hash parameter or a remembered id, and anything else is none', () => {
  assert.equal(idFromParam('3'), 3);
  assert.equal(idFromParam(3), 3, 'a remembered id is a number already');
  assert.equal(idFromParam(' 42 '), 42);
  assert.equal(idFromParam(paramsFromHash(hrefWith('audits', { scope: 7 })).scope), 7, 'the id survives the hash');
  for (const stale of ['', null, undefined, 'ECU development', '0', '-1', '2.5', '1e3', '0x10', '99999999999999999999']) {
    assert.equal(idFromParam(stale), null, `${JSON.stringify(stale)} names no record: the screen shows the first one`);
  }
});

test('a backend error keeps its code, message and field messages', () => {
  const error = toCommandError({
    code: 'invalid_input',
    message: 'Correct the marked fields.',
    fields: [{ field: 'participant_id', message: 'Not a Participant-ID.' }],
  });
  assert.ok(error instanceof CommandError);
  assert.equal(error.code, 'invalid_input');
  assert.equal(fieldMessages(error).get('participant_id'), 'Not a Participant-ID.');
});

test('anything else thrown becomes an internal error with its text', () => {
  const error = toCommandError('window closed');
  assert.equal(error.code, 'internal');
  assert.equal(error.message, 'window closed');
  assert.equal(fieldMessages(error).size, 0);
});

test('each kind the one search finds jumps to the screen that shows that record', async () => {
  const { hrefOfFound } = await import('../../ui/js/lib/routes.js');
  assert.equal(hrefOfFound({ kind: 'requirement', id: '1.1.a' }), '#/evidence?tab=requirements&req=1.1.a');
  assert.equal(hrefOfFound({ kind: 'question', id: '1.1' }), '#/evidence?tab=requirements&req=1.1');
  assert.equal(hrefOfFound({ kind: 'evidence', id: '12' }), '#/evidence?id=12');
  assert.equal(hrefOfFound({ kind: 'finding', id: '3', scope: 2, audit: 5 }), '#/audits?scope=2&audit=5');
  assert.equal(hrefOfFound({ kind: 'action', id: '4', scope: 2, audit: 5 }), '#/audits?scope=2&audit=5');
  assert.equal(hrefOfFound({ kind: 'location', id: '1' }), '#/scope?tab=locations&location=1');
  assert.equal(hrefOfFound({ kind: 'scope', id: '1' }), '#/scope?tab=scopes&scope=1');
  assert.equal(hrefOfFound({ kind: 'unknown' }), '#/dashboard');
});

test('arrow keys move through the results and wrap; other keys leave the choice', async () => {
  const { movedOption } = await import('../../ui/js/lib/routes.js');
  assert.equal(movedOption(-1, 3, 'ArrowDown'), 0);
  assert.equal(movedOption(2, 3, 'ArrowDown'), 0);
  assert.equal(movedOption(0, 3, 'ArrowUp'), 2);
  assert.equal(movedOption(-1, 3, 'ArrowUp'), 2);
  assert.equal(movedOption(1, 3, 'End'), 1, 'End moves the text cursor, not the choice');
  assert.equal(movedOption(1, 0, 'ArrowDown'), -1);
});
