// Events from the shell. Files dropped on the window arrive as 'tauri://drag-drop' with the
// dropped paths (the page itself never sees the file system); every long job (adding and
// scanning evidence, exports, the check, backup and restore) reports its progress as
// 'job-progress'. On a workspace on PostgreSQL, what other desks do arrives as 'workspace-live'.

/** Tauri reports positions in physical pixels; the page lays out in CSS pixels. */
function cssPosition(position) {
  if (!position || typeof position.x !== 'number' || typeof position.y !== 'number') return null;
  const ratio = window.devicePixelRatio || 1;
  return { x: position.x / ratio, y: position.y / ratio };
}

function listener() {
  return window.__TAURI__?.event?.listen ?? null;
}

/**
 * Calls `handler(paths, position)` whenever files are dropped on the window; `position` is
 * where they were dropped, in CSS pixels of the page ({ x, y }), or null when unknown.
 */
export async function onFilesDropped(handler) {
  const listen = listener();
  if (!listen) return () => {};
  return listen('tauri://drag-drop', (event) => handler(event.payload?.paths ?? [], cssPosition(event.payload?.position)));
}

/** Calls `handler(position)` while files are dragged over the window, and `handler(null)` when they leave. */
export async function onDragOver(handler) {
  const listen = listener();
  if (!listen) return () => {};
  const over = await listen('tauri://drag-over', (event) => handler(cssPosition(event.payload?.position)));
  const leave = await listen('tauri://drag-leave', () => handler(null));
  return () => {
    over();
    leave();
  };
}

/**
 * Calls `handler(progress)` for each progress report of the running long job:
 * { job: 'add'|'scan'|'export'|'check'|'backup'|'restore', files_done, files_total,
 * bytes_done, bytes_total }. Resolves to the function that stops listening.
 */
export async function onProgress(handler) {
  const listen = listener();
  if (!listen) return () => {};
  return listen('job-progress', (event) => handler(event.payload));
}

/**
 * Calls `handler(event)` for each live update of a workspace on PostgreSQL: { kind: 'changed',
 * newest } (another desk committed a change), { kind: 'present', others: [{ user, windows }] },
 * { kind: 'lost', reason } (the server is out of reach) and { kind: 'back' }.
 */
export async function onLive(handler) {
  const listen = listener();
  if (!listen) return () => {};
  return listen('workspace-live', (event) => handler(event.payload ?? {}));
}
