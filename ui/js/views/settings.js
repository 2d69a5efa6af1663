// Settings: the company profile (saved in the workspace), which workspace is open, backup,
// restore and the workspace check (settings_backup.js), and the editable rules.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { fieldMessages } from '../lib/errors.js';
import { field, markFields, show, statusLine, textInput } from './form.js';
import { openReadOnlyOffer } from './read_only.js';
import { backupPanel } from './settings_backup.js';
import { mePanel } from './settings_me.js';
import { membersPanel } from './settings_members.js';
import { forgetPassword, serverForm, switcher, unavailablePrompt } from './settings_server.js';

/** The label and corrective-action rules (vocabulary.limits.label_rules): label and hint per key. */
const LABEL_RULE_TEXTS = {
  'labels.permanent_months': ['settings.rule_permanent_months', 'settings.rule_permanent_months_hint'],
  'labels.temporary_months': ['settings.rule_temporary_months', 'settings.rule_temporary_months_hint'],
  'labels.renewal_reminder_months': ['settings.rule_renewal_months', 'settings.rule_renewal_months_hint'],
  'actions.free_months': ['settings.rule_free_months', 'settings.rule_free_months_hint'],
  'actions.justified_months': ['settings.rule_justified_months', 'settings.rule_justified_months_hint'],
  'actions.max_months': ['settings.rule_max_months', 'settings.rule_max_months_hint'],
};

const LANGUAGES = ['system', 'en', 'de'];

export function render(app) {
  const { t, workspace } = app;
  const section = el('section', { dataset: { view: 'settings' } }, el('h1', {}, t('settings.title')));
  if (workspace.info) section.append(profilePanel(app, workspace.info.profile));
  section.append(workspacePanel(app));
  if (workspace.info) section.append(mePanel(app));
  const members = membersPanel(app);
  if (members) section.append(members);
  section.append(backupPanel(app));
  if (workspace.info) section.append(rulesPanel(app));
  app.flash = null;
  return section;
}

/** A status line whose `flash` from before a redraw (a language or workspace change) shows. */
function flashLine(app, id, part) {
  const line = statusLine(id);
  if (app.flash?.part === part) show(line, [app.t(app.flash.key, app.flash.args), app.flash.note].filter(Boolean).join(' '), 'ok');
  return line;
}

function textField(t, name, value, { hint, required } = {}) {
  return field(name, t(`settings.${name}`), textInput(name, value, { required }), hint ? t(hint) : null);
}

function profilePanel(app, profile) {
  const { t } = app;
  const language = el(
    'select',
    { id: 'language', name: 'language' },
    LANGUAGES.map((code) => el('option', { value: code, selected: code === profile.language }, t(`settings.language_${code}`))),
  );
  const save = el('button', { type: 'submit', class: 'primary', dataset: { action: 'save-profile' } }, t('settings.save'));
  const status = flashLine(app, 'profile-status', 'profile');
  const form = el(
    'form',
    { class: 'form', novalidate: true, 'aria-labelledby': 'profile-heading' },
    textField(t, 'company_name', profile.company_name, { required: true }),
    textField(t, 'participant_id', profile.participant_id, { hint: 'settings.participant_id_hint' }),
    textField(t, 'enx_contact', profile.enx_contact, { hint: 'settings.enx_contact_hint' }),
    field('language', t('settings.language'), language),
    el('div', { class: 'actions' }, save, status),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    markFields(form, null);
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
      markFields(form, error);
      show(status, error.message, 'error');
    } finally {
      save.disabled = false;
    }
  });
  return el('div', { class: 'panel' }, el('h2', { id: 'profile-heading' }, t('settings.profile')), form);
}

function workspacePanel(app) {
  const { t, workspace } = app;
  const folder = textInput('workspace_folder', workspace.server ? '' : (workspace.dir ?? ''), { class: 'path', spellcheck: false });
  const status = flashLine(app, 'workspace-status', 'workspace');
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
  // The folder field takes a URL too (as the CLI's --workspace does); a server that asks for
  // a password gets the prompt below it.
  const slot = el('div', { id: 'workspace-folder-password-slot' });
  const switchTo = switcher(app, { status, slot, buttons, locationOf: () => folder.value });
  buttons.push(
    el('button', { type: 'button', dataset: { action: 'workspace-open' }, onclick: switchTo(api.openWorkspace, false) }, t('settings.workspace_open')),
    el('button', { type: 'button', dataset: { action: 'workspace-create' }, onclick: switchTo(api.createWorkspace, true) }, t('settings.workspace_create')),
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
      ? el(
          'div',
          { class: 'alert', role: 'alert' },
          el('h2', {}, t('workspace.unavailable_title')),
          el('p', {}, workspace.error.message),
          openReadOnlyOffer(app),
          unavailablePrompt(app),
        )
      : el(
          'dl',
          { class: 'facts' },
          el('dt', {}, t('settings.workspace_current')),
          el('dd', { id: 'workspace-current', class: 'path' }, workspace.dir),
          el('dt', {}, t('settings.workspace_kind')),
          el('dd', { id: 'workspace-kind' }, t(workspace.server ? 'settings.workspace_kind_server' : 'settings.workspace_kind_folder')),
        ),
    workspace.error ? null : forgetPassword(app),
    el(
      'div',
      { class: 'form' },
      field('workspace_folder', t('settings.workspace_folder'), folder, t('settings.workspace_folder_hint')),
      el('div', { class: 'actions' }, buttons, status),
      slot,
    ),
    serverForm(app),
  );
}

/**
 * The rules docs/DOMAIN.md marks as assumed, editable per workspace, from the vocabulary.
 * Both forms save the whole set with one rules_save: the backend checks all of it and stores
 * it in one transaction, so a refusal leaves everything as it was.
 */
function rulesPanel(app) {
  const { t } = app;
  const { rules, limits } = app.vocabulary;
  const matrix = el('textarea', { id: 'applicability_matrix', rows: 8, spellcheck: false, class: 'path' });
  const days = el('input', { id: 'label_expiry_warning_days', type: 'number', ...limits.label_expiry_warning_days });
  const notify = el('input', { id: 'notify_days', type: 'number', ...limits.notify_days });
  const inputs = new Map(
    limits.label_rules.map((r) => [
      r.key,
      el('input', { id: `rule-${r.key}`, name: r.key, type: 'number', min: r.min, max: r.max, step: 1, inputmode: 'numeric', readonly: r.fixed }),
    ]),
  );
  const fill = (current) => {
    matrix.value = current.applicability_matrix;
    days.value = String(current.label_expiry_warning_days);
    notify.value = String(current.notify_days);
    for (const [key, input] of inputs) input.value = String(current.label_rules[key]);
  };
  fill(rules);
  const line = statusLine('rules-status');
  const labelLine = statusLine('label-rules-status');
  const save = el('button', { type: 'submit', class: 'primary', dataset: { action: 'save-rules' } }, t('settings.save'));
  const saveLabels = el('button', { type: 'submit', class: 'primary', id: 'save-label-rules' }, t('settings.save'));
  const form = el(
    'form',
    { class: 'form', novalidate: true },
    field('applicability_matrix', t('settings.rules_matrix'), matrix, t('settings.rules_matrix_hint')),
    field('label_expiry_warning_days', t('settings.rules_warning_days'), days),
    field('notify_days', t('settings.notify_days'), notify, t('settings.notify_days_hint')),
    el('div', { class: 'actions' }, save, line),
  );
  const labelForm = el(
    'form',
    { class: 'form', novalidate: true, id: 'label-rules-form', 'aria-labelledby': 'label-rules-heading' },
    el('h3', { id: 'label-rules-heading' }, t('settings.label_rules')),
    el('p', { class: 'hint' }, t('settings.label_rules_intro')),
    el(
      'div',
      { class: 'form-grid rules-grid' },
      [...inputs].map(([key, input]) => field(key, t(LABEL_RULE_TEXTS[key][0]), input, t(LABEL_RULE_TEXTS[key][1]))),
    ),
    el('div', { class: 'actions' }, saveLabels, labelLine),
  );
  // The label rules' names contain a dot, which markFields reads as "field.index": marked here.
  const markRules = (messages) => {
    for (const [key, input] of inputs) {
      const message = messages.get(key) ?? '';
      input.closest('[data-field]').querySelector('.field-error').textContent = message;
      input.setAttribute('aria-invalid', message ? 'true' : 'false');
    }
  };
  const saveAll = (status) => async (event) => {
    event.preventDefault();
    save.disabled = saveLabels.disabled = true;
    try {
      const saved = await api.saveRules({
        applicabilityMatrix: matrix.value,
        labelExpiryWarningDays: days.value,
        notifyDays: notify.value,
        labelRules: Object.fromEntries([...inputs].map(([key, input]) => [key, input.value])),
      });
      markFields(form, null);
      markRules(new Map());
      // Every screen reads the rules from the vocabulary: load it again.
      await app.refreshVocabulary();
      fill(saved);
      show(line, '', '');
      show(labelLine, '', '');
      show(status, t('settings.saved'), 'ok');
    } catch (e) {
      markFields(form, e);
      markRules(fieldMessages(e));
      show(status, e.message, 'error');
      (form.querySelector('[aria-invalid="true"]') ?? labelForm.querySelector('[aria-invalid="true"]'))?.focus();
    } finally {
      save.disabled = saveLabels.disabled = false;
    }
  };
  form.addEventListener('submit', saveAll(line));
  labelForm.addEventListener('submit', saveAll(labelLine));
  // The rules are an admin's (the server refuses an editor's change too): an editor reads them.
  const adminsOnly = app.workspace?.role === 'editor';
  if (adminsOnly) {
    for (const shown of [form, labelForm]) {
      shown.classList.add('read-only-form');
      for (const control of shown.querySelectorAll('input, textarea, select, button')) control.disabled = true;
    }
  }
  return el(
    'div',
    { class: 'panel' },
    el('h2', {}, t('settings.rules')),
    el('p', { class: 'hint' }, t('settings.rules_intro')),
    adminsOnly ? el('p', { class: 'hint', id: 'rules-admins-only' }, t('settings.rules_admins_only')) : null,
    form,
    labelForm,
  );
}
