// The corrective actions table: of one audit, or of every audit (with a scope filter), with
// filters by owner, status and due date and the status changed in place; and the findings
// table of every audit (type, text, scope) with each finding's unfinished actions. The
// backend filters, orders and counts; a table shows one page at a time, however many rows
// there are.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { countdownWords, daysBetween, formatDate, isoDay } from '../lib/countdown.js';
import { debounce, latestOnly } from '../lib/paging.js';
import { hrefWith } from '../lib/routes.js';
import { scopeOptions } from '../widgets/scope_picker.js';
import { pager } from '../widgets/pager.js';

/** Rows per page of the actions table. */
const ACTION_PAGE = 50;

/**
 * The table with id `id`: `audit` (an id) limits it to one audit; `scopes` ([{ id, name }])
 * adds a scope filter (every audit's actions); `onChange()` runs after a status change.
 */
export function actionsTable(app, { id, audit = null, scopes = null, onChange = null }) {
  const { t, lang } = app;
  const query = { audit, scope: '', owner: '', statuses: [], due_by: '', offset: 0, limit: ACTION_PAGE };
  const guard = latestOnly();
  const owner = el('input', { type: 'search', id: `${id}-owner`, autocomplete: 'off' });
  const status = el(
    'select',
    { id: `${id}-status` },
    el('option', { value: '' }, t('audits_ui.any_status')),
    el('option', { value: 'open,in-progress' }, t('audits_ui.status_unfinished')),
    app.vocabulary.action_statuses.map((s) => el('option', { value: s }, t(`action_status.${s}`))),
  );
  const due = el('input', { type: 'date', id: `${id}-due-by` });
  const scope = scopes ? el('select', { id: `${id}-scope` }, scopeOptions(scopes, null, t('deadlines_ui.all_scopes'))) : null;
  const label = (input, key) => el('label', { class: 'inline', for: input.id }, t(key), ' ', input);
  // "Only mine": the owner filter set to this desk's user's name as an owner (Settings).
  const me = app.workspace?.me ?? '';
  const mine = el('input', { type: 'checkbox', id: `${id}-mine`, disabled: !me });
  mine.addEventListener('change', () => {
    owner.value = mine.checked ? me : '';
    load(0);
  });
  const filters = el(
    'div',
    { class: 'toolbar actions-filters' },
    scope ? label(scope, 'audits_ui.filter_scope') : null,
    label(owner, 'audits_ui.filter_owner'),
    label(status, 'audits_ui.filter_status'),
    label(due, 'audits_ui.filter_due_by'),
    el('label', { class: 'inline mine-choice', title: t('deadlines_ui.mine_hint') }, mine, ' ', t('deadlines_ui.mine', { me })),
  );
  const body = el('tbody');
  const empty = el('p', { class: 'hint', id: `${id}-empty`, hidden: true }, t('audits_ui.no_actions_match'));
  const error = el('p', { class: 'status error', role: 'alert', hidden: true });
  const pages = pager({ t, lang, id: `${id}-pager`, limit: ACTION_PAGE, onPage: (offset) => load(offset) });
  const columns = ['audits_ui.col_due', 'audits_ui.col_status', 'audits_ui.col_action', 'audits_ui.col_owner', 'audits_ui.col_finding'];
  if (scopes) columns.push('audits_ui.col_scope');
  const table = el(
    'table',
    { class: 'grid actions-table', id },
    el('thead', {}, el('tr', {}, columns.map((k) => el('th', { scope: 'col' }, t(k))))),
    body,
  );
  const load = async (offset = 0) => {
    query.offset = offset;
    query.owner = owner.value;
    query.statuses = status.value ? status.value.split(',') : [];
    query.due_by = due.value;
    query.scope = scope?.value ?? '';
    const ticket = guard.begin();
    try {
      const page = await api.actionPage(query);
      if (!guard.isLatest(ticket)) return;
      error.hidden = true;
      body.replaceChildren(...page.rows.map((row) => actionRow(app, row, Boolean(scopes), onChange)));
      empty.hidden = page.rows.length > 0;
      table.hidden = !page.rows.length;
      table.dataset.total = String(page.total);
      pages.update(page, page.rows.length);
    } catch (e) {
      if (!guard.isLatest(ticket)) return;
      error.hidden = false;
      error.textContent = e.message;
    }
  };
  const later = debounce(() => load(0), 250);
  owner.addEventListener('input', () => {
    mine.checked = Boolean(me) && owner.value === me;
  });
  owner.addEventListener('input', later);
  for (const input of [status, due, scope].filter(Boolean)) input.addEventListener('change', () => load(0));
  load(0);
  const element = el('div', { class: 'actions-table-box', id: `${id}-box` }, filters, error, table, empty, pages.element);
  element.reload = () => load(query.offset);
  return element;
}

function actionRow(app, { action, finding, scope }, withScope, onChange) {
  const { t, lang } = app;
  const finished = action.status === 'done' || action.status === 'verified';
  const days = daysBetween(isoDay(), action.due);
  const saved = el('span', { class: 'action-status-saved', role: 'status' });
  const select = el(
    'select',
    { class: 'action-status', 'aria-label': t('audits_ui.status_of', { text: action.text }) },
    app.vocabulary.action_statuses.map((s) => el('option', { value: s, selected: s === action.status }, t(`action_status.${s}`))),
  );
  const row = el(
    'tr',
    { class: !finished && days < 0 ? 'overdue' : null, dataset: { actionId: action.id, status: action.status } },
    el('td', {}, formatDate(action.due, lang), finished ? null : el('div', { class: 'hint' }, countdownWords(days, lang))),
    el('td', {}, select, saved),
    el('td', {}, action.text),
    el('td', {}, action.owner || el('span', { class: 'hint' }, '–')),
    el('td', {}, el('span', { class: 'qid' }, finding.question), ' ', t(`finding_type.${finding.type}`)),
    withScope ? el('td', {}, scope) : null,
  );
  select.addEventListener('change', async () => {
    select.disabled = true;
    saved.textContent = '';
    saved.classList.remove('error');
    try {
      await api.setActionStatus(action.id, select.value);
      action.status = select.value;
      row.dataset.status = select.value;
      saved.textContent = t('settings.saved');
      onChange?.();
    } catch (error) {
      select.value = action.status;
      saved.textContent = error.message;
      saved.classList.add('error');
    } finally {
      select.disabled = false;
      select.focus();
    }
  });
  return row;
}

/** The findings of every audit: filters by scope, type and text; a page at a time. */
export function findingsTable(app, { id, scopes }) {
  const { t, lang } = app;
  const query = { scope: '', kinds: [], text: '', offset: 0, limit: ACTION_PAGE };
  const guard = latestOnly();
  const scope = el('select', { id: `${id}-scope` }, scopeOptions(scopes, null, t('deadlines_ui.all_scopes')));
  const kind = el(
    'select',
    { id: `${id}-type` },
    el('option', { value: '' }, t('audits_ui.any_type')),
    el('option', { value: 'major,minor' }, t('audits_ui.type_nonconformity')),
    app.vocabulary.finding_types.map((k) => el('option', { value: k }, t(`finding_type.${k}`))),
  );
  const text = el('input', { type: 'search', id: `${id}-text`, autocomplete: 'off' });
  const label = (input, key) => el('label', { class: 'inline', for: input.id }, t(key), ' ', input);
  const body = el('tbody');
  const empty = el('p', { class: 'hint', hidden: true }, t('audits_ui.no_findings_match'));
  const error = el('p', { class: 'status error', role: 'alert', hidden: true });
  const pages = pager({ t, lang, id: `${id}-pager`, limit: ACTION_PAGE, onPage: (offset) => load(offset) });
  const columns = ['audits_ui.col_question', 'audits_ui.finding_text', 'audits_ui.col_open_actions', 'audits_ui.col_audit', 'audits_ui.col_scope'];
  const table = el('table', { class: 'grid findings-table', id }, el('thead', {}, el('tr', {}, columns.map((k) => el('th', { scope: 'col' }, t(k))))), body);
  const load = async (offset = 0) => {
    Object.assign(query, { offset, scope: scope.value, kinds: kind.value ? kind.value.split(',') : [], text: text.value });
    const ticket = guard.begin();
    try {
      const page = await api.findingPage(query);
      if (!guard.isLatest(ticket)) return;
      error.hidden = true;
      body.replaceChildren(
        ...page.rows.map(({ finding, audit_kind, scope_id, scope: name, actions, unfinished }) =>
          el(
            'tr',
            { dataset: { findingId: finding.id, type: finding.type } },
            el('td', {}, el('span', { class: 'qid' }, finding.question), ' ', el('span', { class: `badge finding-type type-${finding.type}` }, t(`finding_type.${finding.type}`))),
            el('td', {}, finding.text),
            el('td', { class: unfinished ? 'warn' : null }, t('audits_ui.open_of', { open: unfinished, total: actions })),
            el('td', {}, el('a', { href: hrefWith('audits', { scope: scope_id, audit: finding.audit_id }) }, t(`audit_kind.${audit_kind}`))),
            el('td', {}, name),
          ),
        ),
      );
      empty.hidden = page.rows.length > 0;
      table.hidden = !page.rows.length;
      table.dataset.total = String(page.total);
      pages.update(page, page.rows.length);
    } catch (e) {
      if (!guard.isLatest(ticket)) return;
      error.hidden = false;
      error.textContent = e.message;
    }
  };
  text.addEventListener('input', debounce(() => load(0), 250));
  for (const input of [scope, kind]) input.addEventListener('change', () => load(0));
  load(0);
  return el(
    'div',
    { class: 'findings-table-box', id: `${id}-box` },
    el('div', { class: 'toolbar actions-filters' }, label(scope, 'audits_ui.filter_scope'), label(kind, 'audits_ui.finding_type'), label(text, 'audits_ui.filter_text')),
    error,
    table,
    empty,
    pages.element,
  );
}
