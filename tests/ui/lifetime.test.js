// Unit tests of ui/js/lib/lifetime.js and of how api/ipc.js ties each backend call to the
// screen that made it: a screen that is left stops its work, and lets go of what it held.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Lifetime, currentLifetime } from '../../ui/js/lib/lifetime.js';
import * as api from '../../ui/js/api/commands.js';

// The backend, caught where ipc.js hands calls to Tauri: each call waits until the test
// answers it, as a slow command would.
let pending = [];
globalThis.window = {
  __TAURI__: {
    core: {
      invoke: (command, args) =>
        new Promise((resolve, reject) => {
          pending.push({ command, args, resolve, reject });
        }),
    },
  },
};

/** Answers the oldest call to `command` with `value` (or rejects it with `error`). */
function answer(command, value, error) {
  const index = pending.findIndex((call) => call.command === command);
  assert.ok(index >= 0, `${command} was called`);
  const [call] = pending.splice(index, 1);
  if (error) call.reject(error);
  else call.resolve(value);
}

/** Lets every promise reaction that can run, run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A fresh start: no screen, no calls waiting. */
function reset() {
  while (currentLifetime()) currentLifetime().end();
  pending = [];
}

test('an answer reaches the screen that asked while it is shown', async () => {
  reset();
  Lifetime.start();
  const got = api.scopes();
  answer('scope_list', [{ id: 1 }]);
  assert.deepEqual(await got, [{ id: 1 }]);
  const refused = api.scopes();
  answer('scope_list', null, { code: 'invalid_input', message: 'no' });
  await assert.rejects(refused, (error) => error.code === 'invalid_input', 'errors arrive too, as CommandErrors');
});

test('an answer that arrives after the screen was left never resumes the abandoned render', async () => {
  reset();
  const audits = Lifetime.start();
  const steps = [];
  // What the audits screen's draw does: ask, then build with the answer, then ask again.
  (async () => {
    const scopes = await api.scopes();
    steps.push(`drew ${scopes.length} scopes`);
    await api.audits(scopes[0].id);
    steps.push('drew the audits');
  })().catch((error) => steps.push(`showed ${error.message}`));
  // The user leaves for History before the answer comes.
  audits.end();
  const history = Lifetime.start();
  const page = api.journalPage(null, '', 100);
  answer('scope_list', [{ id: 1 }]);
  answer('journal_page', { entries: [] });
  await settled();
  assert.deepEqual(steps, [], 'the old draw neither built with the late answer nor showed an error');
  assert.deepEqual(pending.map((c) => c.command), [], 'so it asked for nothing more');
  assert.deepEqual(await page, { entries: [] }, 'the screen now shown gets its answers');
  assert.ok(history.alive);
});

test('a late error of a left screen is dropped like an answer', async () => {
  reset();
  const left = Lifetime.start();
  let shown = null;
  api.showAudit(3).catch((error) => (shown = error.message));
  left.end();
  Lifetime.start();
  answer('audit_show', null, { code: 'not_found', message: 'gone' });
  await settled();
  assert.equal(shown, null, 'no error line is written for a screen nobody sees');
});

test('the outcome of long jobs and of what the whole app redraws after reaches its caller after the screen is left', async () => {
  reset();
  const settings = Lifetime.start();
  const restore = api.restoreBackup('/b.zip', '/w');
  const opened = api.openWorkspace('/w');
  const added = api.addEvidence(['/a.pdf'], {}, {});
  settings.end();
  Lifetime.start();
  answer('backup_restore', { workspace: '/w' });
  answer('workspace_open', { dir: '/w' });
  answer('evidence_add', { evidence: [] });
  assert.deepEqual(await restore, { workspace: '/w' }, 'the backup panel keeps the restore it ran, to show on the next visit');
  assert.deepEqual(await opened, { dir: '/w' }, 'the app reloads after a workspace switch, whichever screen is shown');
  assert.deepEqual(await added, { evidence: [] }, 'the evidence job ends its progress bar');
});

test('a call made when no screen is shown belongs to none and always gets its answer', async () => {
  reset();
  const got = api.scopes();
  Lifetime.start().end();
  answer('scope_list', []);
  assert.deepEqual(await got, []);
});

test('a tab ends with its screen, a switched tab alone, and calls belong to the tab shown', async () => {
  reset();
  const screen = Lifetime.start();
  const vault = Lifetime.start(screen);
  assert.equal(currentLifetime(), vault, 'calls now belong to the tab');
  let drew = false;
  api.evidenceList().then(() => (drew = true));
  vault.end();
  assert.equal(currentLifetime(), screen, 'with the tab gone, calls belong to the screen again');
  const mapping = Lifetime.start(screen);
  answer('evidence_list', []);
  await settled();
  assert.equal(drew, false, 'the switched-away tab does not draw');
  assert.ok(screen.alive && mapping.alive, 'switching tabs leaves the screen');
  screen.end();
  assert.equal(mapping.alive, false, 'leaving the screen ends its tab');
  assert.equal(currentLifetime(), null);
  assert.throws(() => Lifetime.start(screen), /ended/, 'nothing starts inside a screen that was left');
});

test('timers and listeners taken through a lifetime go with it, and its cleanups run once, newest first', async () => {
  reset();
  const life = Lifetime.start();
  const fired = [];
  life.setTimeout(() => fired.push('debounce'), 0);
  const cancelled = life.setTimeout(() => fired.push('cancelled'), 0);
  life.clearTimeout(cancelled);
  await settled();
  assert.deepEqual(fired, ['debounce'], 'a timer fires while the screen is shown, unless cleared');
  const target = new EventTarget();
  life.listen(target, 'resize', () => fired.push(`resize in ${currentLifetime() === life ? 'its screen' : 'another'}`));
  life.setTimeout(() => fired.push('late'), 0);
  const order = [];
  life.onEnd(() => order.push('first added'));
  life.onEnd(() => {
    throw new Error('a broken cleanup');
  });
  life.onEnd(() => order.push('last added'));
  const next = Lifetime.start();
  target.dispatchEvent(new Event('resize'));
  assert.equal(currentLifetime(), next, 'a listener of an earlier lifetime gives the current one back');
  const errors = [];
  const consoleError = console.error;
  console.error = (error) => errors.push(error.message);
  try {
    life.end();
    life.end();
  } finally {
    console.error = consoleError;
  }
  target.dispatchEvent(new Event('resize'));
  await settled();
  assert.deepEqual(fired, ['debounce', 'resize in its screen'], 'no listener and no timer after the end');
  assert.deepEqual(order, ['last added', 'first added'], 'cleanups run once, newest first, past a failing one');
  assert.deepEqual(errors, ['a broken cleanup'], 'the failing cleanup is reported');
  let late = false;
  life.onEnd(() => (late = true));
  assert.ok(late, 'a cleanup added after the end runs at once');
  assert.ok(life.signal.aborted, 'the signal tells fetch-like APIs to stop');
});

test('a left screen waiting for a slow answer is freed at once, before the answer arrives', async () => {
  reset();
  // Node collects garbage on request only with --expose-gc; this turns it on for this test.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const screen = Lifetime.start();
  let page = { rows: new Array(100_000).fill('a row of the page') };
  const freed = new WeakRef(page);
  (async (held) => {
    await api.showAudit(1);
    held.rows.push('drawn');
  })(page);
  page = null;
  screen.end();
  Lifetime.start();
  await settled();
  gc();
  await settled();
  assert.equal(freed.deref(), undefined, 'nothing holds the abandoned page while its answer is on its way');
  answer('audit_show', {});
  await settled();
});
