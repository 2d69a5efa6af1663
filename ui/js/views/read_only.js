// The read-only mode seen on every screen: the banner saying that another process holds the
// workspace and changes are refused, and the button that opens a held workspace for looking
// only (offered wherever the "workspace in use" error shows).

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';

/** The banner above every screen while the workspace is open read-only; null otherwise. */
export function readOnlyBanner(app) {
  if (!app.workspace?.read_only) return null;
  const { t } = app;
  // A viewer of a server workspace: the server's grants, not another window, say no.
  const why = app.workspace.role === 'viewer' ? 'read_only.banner_viewer' : 'read_only.banner';
  return el(
    'div',
    { id: 'read-only-banner', class: 'read-only-banner', role: 'status' },
    el('strong', {}, t('read_only.banner_title')),
    ' ',
    el('span', {}, t(why)),
  );
}

/**
 * For a workspace another process holds (error code `workspace_in_use`): a button that opens
 * it read-only and redraws the app, with a line for its own failure; null for other errors.
 */
export function openReadOnlyOffer(app) {
  const { t, workspace } = app;
  if (workspace?.error?.code !== 'workspace_in_use' || !workspace.dir) return null;
  const status = el('p', { id: 'open-read-only-status', class: 'status', role: 'status' });
  const button = el(
    'button',
    {
      type: 'button',
      id: 'open-read-only',
      class: 'primary',
      'aria-describedby': 'open-read-only-hint',
      onclick: async () => {
        button.disabled = true;
        status.textContent = '';
        status.classList.remove('error');
        try {
          await api.openWorkspaceReadOnly(workspace.dir);
          await app.reload();
        } catch (error) {
          status.textContent = error.message;
          status.classList.add('error');
          button.disabled = false;
        }
      },
    },
    t('read_only.open'),
  );
  return el(
    'div',
    { class: 'read-only-offer' },
    el('div', { class: 'actions' }, button, status),
    el('p', { id: 'open-read-only-hint', class: 'hint' }, t('read_only.open_hint')),
  );
}
