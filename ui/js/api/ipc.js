// The one module that touches window.__TAURI__: calls a backend command and turns every
// failure into a CommandError with { code, message, fields }.

import { toCommandError } from '../lib/errors.js';

export async function invoke(command, args = {}) {
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
