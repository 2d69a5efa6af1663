// Settings: the user's name as an owner, on this desk (issue 20, "my work"). Owners of actions
// and evidence are free text; the name given here is what "only mine" filters by and what the
// desktop notification lists first. Kept on this computer for this user (not in the
// workspace), so a viewer may set it too.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { field, markFields, show, statusLine, textInput } from './form.js';

export function mePanel(app) {
  const { t } = app;
  const name = textInput('me', app.workspace?.me ?? '', { maxlength: 200 });
  const status = statusLine('me-status');
  const form = el(
    'form',
    // desk-form: a setting of this desk, not of the workspace (lib/read_only_guard.js).
    { class: 'form desk-form', id: 'me-form', novalidate: true, 'aria-labelledby': 'me-heading' },
    el('h2', { id: 'me-heading' }, t('settings.me_heading')),
    field('me', t('settings.me'), name, t('settings.me_hint')),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'me-save' }, t('settings.save')), status),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    markFields(form, null);
    try {
      const now = await api.setMe(name.value);
      if (app.workspace) app.workspace.me = now;
      name.value = now;
      show(status, t('settings.me_saved', { me: now }), 'ok');
    } catch (error) {
      markFields(form, error);
      show(status, error.message, 'error');
    }
  });
  return el('div', { class: 'panel', id: 'me-panel' }, form);
}
