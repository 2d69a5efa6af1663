// Settings: the company profile (saved in the workspace), which workspace is open, backup,
// restore and the workspace check (settings_backup.js), and the editable rules.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { fieldMessages } from '../lib/errors.js';
import { FIXED_RULES, LABEL_RULE_KEYS, LABEL_RULE_MAX, saveOrder } from '../lib/labels.js';
import { field, markFields, show, statusLine, textInput } from './form.js';
import { openReadOnlyOffer } from './read_only.js';
import { backupPanel } from './settings_backup.js';

/** The label and corrective-action rules: label and hint per key (label_rules_get). */
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
  section.append(workspacePanel(app), backupPanel(app));
  if (workspace.info) section.append(rulesPanel(app));
  app.flash = null;
  return section;
}

/** A status line whose `flash` from before a redraw (a language or workspace change) shows. */
function flashLine(app, id, part) {
  const line = statusLine(id);
  if (app.flash?.part === part) show(line, app.t(app.flash.key, app.flash.args), 'ok');
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
  const folder = textInput('workspace_folder', workspace.dir ?? '', { class: 'path', spellcheck: false });
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
      ? el(
          'div',
          { class: 'alert', role: 'alert' },
          el('h2', {}, t('workspace.unavailable_title')),
          el('p', {}, workspace.error.message),
          openReadOnlyOffer(app),
        )
      : el(
          'dl',
          { class: 'facts' },
          el('dt', {}, t('settings.workspace_current')),
          el('dd', { id: 'workspace-current', class: 'path' }, workspace.dir),
        ),
    el(
      'div',
      { class: 'form' },
      field('workspace_folder', t('settings.workspace_folder'), folder, t('settings.workspace_folder_hint')),
      el('div', { class: 'actions' }, buttons, status),
    ),
  );
}

/** The rules docs/DOMAIN.md marks as assumed, editable per workspace. */
function rulesPanel(app) {
  const { t } = app;
  const matrix = el('textarea', { id: 'applicability_matrix', rows: 8, spellcheck: false, class: 'path' });
  const days = el('input', { id: 'label_expiry_warning_days', type: 'number', min: 0, max: 730 });
  const notify = el('input', { id: 'notify_days', type: 'number', min: 0, max: 365 });
  const line = statusLine('rules-status');
  const save = el('button', { type: 'submit', class: 'primary', dataset: { action: 'save-rules' } }, t('settings.save'));
  const form = el(
    'form',
    { class: 'form', novalidate: true },
    field('applicability_matrix', t('settings.rules_matrix'), matrix, t('settings.rules_matrix_hint')),
    field('label_expiry_warning_days', t('settings.rules_warning_days'), days),
    field('notify_days', t('settings.notify_days'), notify, t('settings.notify_days_hint')),
    el('div', { class: 'actions' }, save, line),
  );
  api
    .rules()
    .then((r) => {
      matrix.value = r.applicability_matrix;
      days.value = String(r.label_expiry_warning_days);
      notify.value = String(r.notify_days);
    })
    .catch((e) => show(line, e.message, 'error'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.saveRules(matrix.value, days.value, notify.value);
      markFields(form, null);
      show(line, t('settings.saved'), 'ok');
    } catch (e) {
      markFields(form, e);
      show(line, e.message, 'error');
    }
  });
  return el(
    'div',
    { class: 'panel' },
    el('h2', {}, t('settings.rules')),
    el('p', { class: 'hint' }, t('settings.rules_intro')),
    form,
    labelRulesForm(app),
  );
}

/**
 * The label and corrective-action periods in months. label_rules_save takes one rule at a
 * time, so the changed ones are saved in an order that keeps the action periods growing.
 */
function labelRulesForm(app) {
  const { t } = app;
  const inputs = new Map(
    LABEL_RULE_KEYS.map((key) => [
      key,
      el('input', { id: `rule-${key}`, name: key, type: 'number', min: 1, max: LABEL_RULE_MAX[key], step: 1, inputmode: 'numeric', readonly: FIXED_RULES.includes(key) }),
    ]),
  );
  const line = statusLine('label-rules-status');
  const save = el('button', { type: 'submit', class: 'primary', id: 'save-label-rules' }, t('settings.save'));
  const form = el(
    'form',
    { class: 'form', novalidate: true, id: 'label-rules-form', 'aria-labelledby': 'label-rules-heading' },
    el('h3', { id: 'label-rules-heading' }, t('settings.label_rules')),
    el('p', { class: 'hint' }, t('settings.label_rules_intro')),
    el(
      'div',
      { class: 'form-grid rules-grid' },
      LABEL_RULE_KEYS.map((key) => field(key, t(LABEL_RULE_TEXTS[key][0]), inputs.get(key), t(LABEL_RULE_TEXTS[key][1]))),
    ),
    el('div', { class: 'actions' }, save, line),
  );
  let current = null;
  const fill = (rules) => {
    current = rules;
    for (const [key, input] of inputs) input.value = String(rules[key]);
  };
  // The field names contain a dot, which markFields reads as "field.index": marked here instead.
  const mark = (messages) => {
    for (const [key, input] of inputs) {
      const message = messages.get(key) ?? '';
      input.closest('[data-field]').querySelector('.field-error').textContent = message;
      input.setAttribute('aria-invalid', message ? 'true' : 'false');
    }
    form.querySelector('[aria-invalid="true"]')?.focus();
  };
  api
    .labelRules()
    .then(fill)
    .catch((e) => show(line, e.message, 'error'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!current) return;
    mark(new Map());
    const wanted = Object.fromEntries([...inputs].map(([key, input]) => [key, input.value]));
    const order = saveOrder(current, wanted);
    if (!order) {
      // The same refusal the backend would give, on the periods the user changed.
      const periods = ['actions.free_months', 'actions.justified_months', 'actions.max_months'];
      const changed = periods.filter((key) => String(wanted[key]).trim() !== String(current[key]));
      mark(new Map((changed.length ? changed : periods).map((key) => [key, t('input.action_months_order')])));
      show(line, t('error.invalid_profile'), 'error');
      return;
    }
    save.disabled = true;
    try {
      // A refusal keeps what the user typed; what was saved before it stays saved.
      for (const [key, months] of order) current = await api.saveLabelRule(key, months);
      fill(current);
      show(line, t('settings.saved'), 'ok');
    } catch (e) {
      mark(fieldMessages(e));
      show(line, e.message, 'error');
    } finally {
      save.disabled = false;
    }
  });
  return form;
}
