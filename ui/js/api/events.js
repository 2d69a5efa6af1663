// Events from the shell. Files dropped on the window arrive as 'tauri://drag-drop' with the
// dropped paths (the page itself never sees the file system).

/** Calls `handler(paths)` whenever files are dropped on the window. */
export async function onFilesDropped(handler) {
  const listen = window.__TAURI__?.event?.listen;
  if (!listen) return () => {};
  return listen('tauri://drag-drop', (event) => handler(event.payload?.paths ?? []));
}
