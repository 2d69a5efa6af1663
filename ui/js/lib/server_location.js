// Pure helpers of the workspace panel for a workspace on a PostgreSQL server.

/** Whether `text` is a PostgreSQL URL (the backend's rule: the scheme in any case). */
export function isServerUrl(text) {
  return /^postgres(ql)?:\/\//i.test(String(text ?? '').trim());
}

/**
 * The label of the password prompt when a refusal (or an unavailable workspace's error) says
 * the server asks for a password: the backend's field `password`, naming user, host and
 * database. Null for every other error.
 */
export function passwordAsked(error) {
  const field = (error?.fields ?? []).find((f) => f.field === 'password');
  return field ? field.message : null;
}

/** The flash after a switch: the switch itself, then what the backend noted (if anything). */
export function switchedFlash(state) {
  return { part: 'workspace', key: 'settings.workspace_switched', args: { path: state.dir }, note: state.notice ?? null };
}
