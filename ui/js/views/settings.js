// Settings: the company profile (saved in the workspace) and which workspace is open.

import * as api from '../api/commands.js';
import { fieldMessages } from '../lib/errors.js';
import { el } from '../lib/dom.js';
import { field, markFields as markForm, show as showStatus, statusLine as status } from './form.js';

const LANGUAGES = ['system', 'en', 'de'];

export function render(app) {
  const { t, workspace } = app;
  const section = el('section', { dataset: { view: 'settings' } }, el('h1', {}, t('settings.title')));
  if (workspace.info) section.append(profilePanel(app, workspace.info.profile));
  section.append(workspacePanel(app));
  if (workspace.info) section.append(rulesPanel(app));
  app.flash = null;
  return section;
}

/** A status line that screen readers announce; `flash` carries a message across a redraw. */
function statusLine(app, id, screenPart) {
  const line = el('p', { id, class: 'status', role: 'status' });
  if (app.flash?.part === screenPart) show(line, app.t(app.flash.key, app.flash.args), 'ok');
  return line;
}

function show(line, text, kind) {
  line.textContent = text;
  line.className = `status ${kind}`;
}

function textField(t, name, value, { hint, required } = {}) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = `${name}-error`;
  return el(
    'div',
    { class: 'field' },
    el('label', { for: name }, t(`settings.${name}`)),
    el('input', {
      id: name,
      name,
      type: 'text',
      value,
      required,
      autocomplete: 'off',
      'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
    }),
    hint ? el('p', { id: hintId, class: 'hint' }, t(hint)) : null,
    el('p', { id: errorId, class: 'field-error', 'aria-live': 'polite' }),
  );
}

function profilePanel(app, profile) {
  const { t } = app;
  const language = el(
    'select',
    { id: 'language', name: 'language' },
    LANGUAGES.map((code) => el('option', { value: code, selected: code === profile.language }, t(`settings.language_${code}`))),
  );
  const save = el('button', { type: 'submit', class: 'primary', dataset: { action: 'save-profile' } }, t('settings.save'));
  const status = statusLine(app, 'profile-status', 'profile');
  const form = el(
    'form',
    { class: 'form', novalidate: true, 'aria-labelledby': 'profile-heading' },
    textField(t, 'company_name', profile.company_name, { required: true }),
    textField(t, 'participant_id', profile.participant_id, { hint: 'settings.participant_id_hint' }),
    textField(t, 'enx_contact', profile.enx_contact, { hint: 'settings.enx_contact_hint' }),
    el('div', { class: 'field' }, el('label', { for: 'language' }, t('settings.language')), language),
    el('div', { class: 'actions' }, save, status),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    markFields(form, new Map());
    save.disabled = true;
    show(status, t('settings.saving'), '');
    try {
      const saved = await api.saveProfile(values);
      if (saved.language !== profile.language) {
        // A new language redraws everything in it; the flash survives the redraw.
        app.flash = { part: 'profile', key: 'settings.saved' };
        await app.reload();
        return;
      }
      app.workspace.info.profile = saved;
      Object.assign(profile, saved);
      show(status, t('settings.saved'), 'ok');
    } catch (error) {
      markFields(form, fieldMessages(error));
      show(status, error.message, 'error');
    } finally {
      save.disabled = false;
    }
  });
  return el('div', { class: 'panel' }, el('h2', { id: 'profile-heading' }, t('settings.profile')), form);
}

/** Shows each field's message beside it and marks the field invalid; clears the others. */
function markFields(form, messages) {
  for (const input of form.querySelectorAll('input, select')) {
    const message = messages.get(input.name) ?? '';
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
    const slot = form.querySelector(`#${input.name}-error`);
    if (slot) slot.textContent = message;
  }
  const firstInvalid = form.querySelector('[aria-invalid="true"]');
  if (firstInvalid) firstInvalid.focus();
}

function workspacePanel(app) {
  const { t, workspace } = app;
  const folder = el('input', {
    id: 'workspace_folder',
    name: 'workspace_folder',
    type: 'text',
    class: 'path',
    value: workspace.dir ?? '',
    autocomplete: 'off',
    spellcheck: false,
    'aria-describedby': 'workspace_folder-hint',
  });
  const status = statusLine(app, 'workspace-status', 'workspace');
  const buttons = [];
  const run = (action) => async () => {
    buttons.forEach((b) => (b.disabled = true));
    try {
      await action();
    } catch (error) {
      show(status, error.message, 'error');
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  };
  const switchTo = (command) =>
    run(async () => {
      const state = await command(folder.value);
      app.flash = { part: 'workspace', key: 'settings.workspace_switched', args: { path: state.dir } };
      await app.reload();
    });
  buttons.push(
    el('button', { type: 'button', dataset: { action: 'workspace-open' }, onclick: switchTo(api.openWorkspace) }, t('settings.workspace_open')),
    el('button', { type: 'button', dataset: { action: 'workspace-create' }, onclick: switchTo(api.createWorkspace) }, t('settings.workspace_create')),
    el(
      'button',
      {
        type: 'button',
        dataset: { action: 'workspace-browse' },
        onclick: run(async () => {
          const picked = await api.pickFolder();
          if (picked) folder.value = picked;
          folder.focus();
        }),
      },
      t('settings.workspace_browse'),
    ),
  );
  return el(
    'div',
    { class: 'panel' },
    el('h2', {}, t('settings.workspace')),
    workspace.error
      ? el('div', { class: 'alert', role: 'alert' }, el('h2', {}, t('workspace.unavailable_title')), el('p', {}, workspace.error.message))
      : el(
          'dl',
          { class: 'facts' },
          el('dt', {}, t('settings.workspace_current')),
          el('dd', { id: 'workspace-current', class: 'path' }, workspace.dir),
        ),
    el(
      'div',
      { class: 'form' },
      el(
        'div',
        { class: 'field' },
        el('label', { for: 'workspace_folder' }, t('settings.workspace_folder')),
        folder,
        el('p', { id: 'workspace_folder-hint', class: 'hint' }, t('settings.workspace_folder_hint')),
      ),
      el('div', { class: 'actions' }, buttons, status),
      el('p', { class: 'hint' }, t('settings.workspace_backup')),
    ),
  );
}

/** The rules DOMAIN.md marks as assumed, editable per workspace. */
function rulesPanel(app) {
  const { t } = app;
  const matrix = el('textarea', { id: 'applicability_matrix', rows: 8, spellcheck: false, class: 'path' });
  const days = el('input', { id: 'label_expiry_warning_days', type: 'number', min: 0, max: 730 });
  const line = status('rules-status');
  const save = el('button', { type: 'submit', class: 'primary', dataset: { action: 'save-rules' } }, t('settings.save'));
  const form = el(
    'form',
    { class: 'form', novalidate: true },
    field('applicability_matrix', t('settings.rules_matrix'), matrix, t('settings.rules_matrix_hint')),
    field('label_expiry_warning_days', t('settings.rules_warning_days'), days),
    el('div', { class: 'actions' }, save, line),
  );
  api
    .rules()
    .then((r) => {
      matrix.value = r.applicability_matrix;
      days.value = String(r.label_expiry_warning_days);
    })
    .catch((e) => showStatus(line, e.message, 'error'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.saveRules(matrix.value, days.value);
      markForm(form, null);
      showStatus(line, t('settings.saved'), 'ok');
    } catch (e) {
      markForm(form, e);
      showStatus(line, e.message, 'error');
    }
  });
  return el('div', { class: 'panel' }, el('h2', {}, t('settings.rules')), el('p', { class: 'hint' }, t('settings.rules_intro')), form);
}
