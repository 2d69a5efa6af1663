// The actions of one recorded sharing on the export screen: correct it (partner,
// Participant-ID, level, date) or delete the record. At ENX a sharing cannot be taken back,
// so deleting is for a record entered by mistake, and the button says so before it deletes.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { SHARING_LEVELS, levelKey } from '../lib/export.js';
import { confirmButton, field, markFields, show, statusLine, textInput } from './form.js';

/** The cell of sharing `s`; `redraw(warnings)` draws the panel again after a change. */
export function sharingActions(app, s, redraw) {
  const { t } = app;
  const id = `sharing-${s.id}`;
  const partner = textInput('partner', s.partner, { id: `${id}-partner` });
  const participant = textInput('participant_id', s.participant_id, { id: `${id}-participant-id`, class: 'path', spellcheck: false });
  const level = el(
    'select',
    { id: `${id}-level`, name: 'level' },
    SHARING_LEVELS.map((l) => el('option', { value: l, selected: l === s.level }, t(`export_ui.share_level_${levelKey(l)}`))),
  );
  const date = el('input', { type: 'date', id: `${id}-date`, name: 'date', value: s.date });
  const status = statusLine(`${id}-status`);
  const form = el(
    'form',
    { class: 'form', novalidate: true, dataset: { editSharing: s.id } },
    field('partner', t('export_ui.partner'), partner),
    field('participant_id', t('export_ui.participant_id'), participant),
    field('level', t('export_ui.sharing_level'), level),
    field('date', t('export_ui.date'), date),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', dataset: { action: 'sharing-save' } }, t('settings.save')), status),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const answer = await api.updateSharing(s.id, partner.value.trim(), participant.value.trim(), level.value, date.value);
      await redraw(answer.warnings);
    } catch (error) {
      markFields(form, error);
      show(status, error.message, 'error');
    }
  });
  const error = el('p', { class: 'field-error', 'aria-live': 'polite' });
  const remove = confirmButton(t('export_ui.sharing_remove'), t('export_ui.sharing_really_remove', { partner: s.partner }), async () => {
    try {
      await api.removeSharing(s.id);
      await redraw([]);
    } catch (e) {
      error.textContent = e.message;
    }
  }, { removeSharing: s.id });
  return el(
    'td',
    { class: 'sharing-actions' },
    el('details', { class: 'inline-form' }, el('summary', { dataset: { action: 'sharing-edit' } }, t('export_ui.sharing_edit')), form),
    el('p', { class: 'hint' }, t('export_ui.sharing_remove_hint')),
    remove,
    error,
  );
}
