// Settings' workspace panel, its server part: open or create a workspace on a PostgreSQL
// server by URL, the password prompt when the server asks for one (the password goes to the
// backend once and is never shown again), and forgetting a password saved in the keychain.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { passwordAsked, switchedFlash } from '../lib/server_location.js';
import { field, show, statusLine, textInput } from './form.js';

/**
 * The password prompt for `location` (a URL), labelled `label` (user, host, database, from
 * the backend). Connecting opens it (or creates it, with `create`) and redraws the app; a
 * refusal shows the server's words under it and clears the field.
 */
export function passwordPrompt(app, { location, label, create = false }) {
  const { t } = app;
  const password = el('input', {
    id: 'workspace_password',
    name: 'workspace_password',
    type: 'password',
    autocomplete: 'off',
    spellcheck: false,
  });
  const remember = el('input', { type: 'checkbox', id: 'workspace_password_remember', name: 'remember' });
  const status = statusLine('workspace-password-status');
  const submit = el('button', { type: 'submit', class: 'primary', dataset: { action: 'workspace-password' } }, t('settings.workspace_password_submit'));
  const form = el(
    'form',
    { class: 'form password-prompt', id: 'workspace-password-form', novalidate: true },
    el('p', { id: 'workspace-password-for' }, label),
    field('workspace_password', t('settings.workspace_password'), password, t('settings.workspace_password_hint')),
    el('p', { class: 'check' }, el('label', {}, remember, ' ', t('settings.workspace_password_remember'))),
    el('div', { class: 'actions' }, submit, status),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    show(status, '', '');
    try {
      const state = await api.openWorkspaceWithPassword(location, password.value, { remember: remember.checked, create });
      password.value = '';
      app.flash = switchedFlash(state);
      await app.reload();
    } catch (error) {
      password.value = '';
      show(status, error.message, 'error');
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  setTimeout(() => password.focus(), 0);
  return form;
}

/**
 * Runs a switch of workspace to the location `locationOf()` gives; when the server asks for a
 * password, puts the prompt into `slot` instead of failing.
 */
export function switcher(app, { status, slot, buttons, locationOf }) {
  return (command, create) => async () => {
    const location = locationOf();
    buttons.forEach((b) => (b.disabled = true));
    slot.replaceChildren();
    try {
      const state = await command(location);
      app.flash = switchedFlash(state);
      await app.reload();
    } catch (error) {
      const label = passwordAsked(error);
      if (label) {
        show(status, '', '');
        slot.replaceChildren(passwordPrompt(app, { location, label, create }));
      } else {
        show(status, error.message, 'error');
      }
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  };
}

/** Open or create a workspace on a server: the URL field, its buttons and the prompt's slot. */
export function serverForm(app) {
  const { t } = app;
  const url = textInput('workspace_url', '', {
    class: 'path',
    spellcheck: false,
    placeholder: 'postgresql://db.example.com/acme_csms',
  });
  const status = statusLine('workspace-server-status');
  const slot = el('div', { id: 'workspace-password-slot' });
  const buttons = [];
  const run = switcher(app, { status, slot, buttons, locationOf: () => url.value });
  buttons.push(
    el('button', { type: 'button', dataset: { action: 'workspace-server-open' }, onclick: run(api.openWorkspace, false) }, t('settings.workspace_open')),
    el('button', { type: 'button', dataset: { action: 'workspace-server-create' }, onclick: run(api.createWorkspace, true) }, t('settings.workspace_create')),
  );
  return el(
    'div',
    { class: 'form', id: 'workspace-server' },
    el('h3', {}, t('settings.workspace_server')),
    field('workspace_url', t('settings.workspace_url'), url, t('settings.workspace_url_hint')),
    el('div', { class: 'actions' }, buttons, status),
    slot,
  );
}

/** For an open server workspace: the button that forgets its password saved in the keychain. */
export function forgetPassword(app) {
  const { t, workspace } = app;
  if (!workspace.server) return null;
  const status = statusLine('workspace-forget-status');
  const button = el(
    'button',
    {
      type: 'button',
      dataset: { action: 'workspace-forget-password' },
      onclick: async () => {
        button.disabled = true;
        try {
          show(status, await api.forgetWorkspacePassword(), 'ok');
        } catch (error) {
          show(status, error.message, 'error');
        } finally {
          button.disabled = false;
        }
      },
    },
    t('settings.workspace_password_forget'),
  );
  return el('div', { class: 'actions workspace-forget' }, button, status);
}

/** For a server workspace that could not be opened because the server wants a password: the prompt. */
export function unavailablePrompt(app) {
  const { workspace } = app;
  const label = passwordAsked(workspace.error);
  if (!label || !workspace.dir) return null;
  return passwordPrompt(app, { location: workspace.dir, label });
}
