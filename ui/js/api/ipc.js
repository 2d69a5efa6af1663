// The one module that touches window.__TAURI__: calls a backend command and turns every
// failure into a CommandError with { code, message, fields }.
//
// A call belongs to the screen that makes it (the lifetime current at the call, see
// lib/lifetime.js): once the user has left that screen, its answer or error is dropped, so the
// rest of an abandoned render never runs. `invokeLasting` is for the few commands whose outcome
// outlives the screen (api/commands.js says which).

import { toCommandError } from '../lib/errors.js';
import { currentLifetime } from '../lib/lifetime.js';

/** Calls `command`; the answer arrives only while the screen that asked is shown. */
export function invoke(command, args = {}) {
  const life = currentLifetime();
  const answer = call(command, args);
  return life ? life.tie(answer) : answer;
}

/** Calls `command`; the answer always arrives, whichever screen is shown by then. */
export function invokeLasting(command, args = {}) {
  return call(command, args);
}

async function call(command, args) {
  const bridge = window.__TAURI__?.core?.invoke;
  if (!bridge) {
    throw toCommandError('CSMS Desk runs inside its desktop window; the page alone cannot reach the workspace.');
  }
  try {
    return await bridge(command, args);
  } catch (error) {
    throw toCommandError(error);
  }
}
