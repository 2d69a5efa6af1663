// The History screen: the workspace journal, newest first (who changed what, when and from
// where, with the columns' values before and after), filtered by table and paged back on
// demand; and the journal's verification (every seal and link recomputed).

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import {
  PAGE_SIZE,
  SHOWN_CHANGES,
  changes,
  entrySummary,
  filterOptions,
  formatTime,
  keyText,
  mayHaveOlder,
  oldestSeq,
  opLabel,
  tableLabel,
  valueText,
  verifySummary,
} from '../lib/history.js';
import { hrefOf } from '../lib/routes.js';
import { show, statusLine } from './form.js';

// The filters (table, person), remembered while the app runs.
const view = { table: '', user: '' };

const COLUMNS = ['seq', 'time', 'user', 'source', 'change', 'details'];

export function render(app) {
  const { t, workspace } = app;
  const section = el('section', { dataset: { view: 'history' } }, el('h1', {}, t('history.title')));
  if (!workspace.info) {
    section.append(
      el(
        'div',
        { class: 'alert', role: 'alert' },
        el('h2', {}, t('workspace.unavailable_title')),
        el('p', {}, workspace.error?.message ?? ''),
        el('p', {}, el('a', { href: hrefOf('settings') }, t('workspace.unavailable_hint'))),
      ),
    );
    return section;
  }
  const state = {
    app,
    entries: [],
    // Bumped by every new first page, so that an answer for an older filter is dropped.
    generation: 0,
    filter: el('select', { id: 'history-filter', name: 'table' }, el('option', { value: '' }, t('history.filter_all'))),
    person: el('select', { id: 'history-user', name: 'user' }, el('option', { value: '' }, t('history.filter_user_all'))),
    body: el('tbody'),
    count: statusLine('history-count'),
    more: el('button', { type: 'button', id: 'history-more', hidden: true }, t('history.more')),
  };
  state.filter.value = view.table;
  state.filter.addEventListener('change', () => {
    view.table = state.filter.value;
    loadPage(state, true);
  });
  state.person.addEventListener('change', () => {
    view.user = state.person.value;
    loadPage(state, true);
  });
  state.more.addEventListener('click', () => loadPage(state, false));
  const table = el(
    'table',
    { id: 'history-table', class: 'grid compact history-table' },
    el('caption', { class: 'visually-hidden' }, t('history.title')),
    el('thead', {}, el('tr', {}, COLUMNS.map((c) => el('th', { scope: 'col', class: c === 'seq' ? 'num' : null }, t(`history.col_${c}`))))),
    state.body,
  );
  section.append(
    el('p', { class: 'intro' }, t('history.intro')),
    verifyPanel(app),
    el(
      'div',
      { class: 'history-toolbar' },
      el('div', { class: 'field' }, el('label', { for: 'history-filter' }, t('history.filter')), state.filter),
      el('div', { class: 'field' }, el('label', { for: 'history-user' }, t('history.filter_user')), state.person),
      state.count,
    ),
    el('div', { class: 'table-scroll' }, table),
    el('div', { class: 'actions history-more-row' }, state.more),
  );
  loadPage(state, true);
  return section;
}

/** Loads the newest page (`first`) or the page before the oldest entry shown. */
async function loadPage(state, first) {
  const { app, body, more, count, filter } = state;
  const { t, lang } = app;
  if (first) {
    state.generation += 1;
    state.entries = [];
    body.replaceChildren();
  }
  const generation = state.generation;
  const before = first ? null : oldestSeq(state.entries);
  more.disabled = true;
  show(count, t('history.loading'));
  try {
    const page = await api.journalPage(before, view.table, PAGE_SIZE, view.user);
    if (generation !== state.generation) return;
    fillFilter(filter, app, page.tables);
    fillPeople(state.person, app, page.users);
    state.entries.push(...page.entries);
    body.append(...page.entries.map((entry) => row(app, entry)));
    const older = mayHaveOlder(page.entries, PAGE_SIZE);
    more.hidden = !older;
    if (!state.entries.length) show(count, t(view.table || view.user ? 'history.empty_filtered' : 'history.empty'));
    else show(count, t(older ? 'history.shown' : 'history.shown_all', { count: state.entries.length }));
  } catch (error) {
    if (generation === state.generation) show(count, error.message, 'error');
  } finally {
    more.disabled = false;
  }
}

/** The person filter's options: everyone who made a change; the chosen one stays chosen. */
function fillPeople(select, app, users) {
  const people = [...new Set(users ?? [])];
  if (view.user && !people.includes(view.user)) people.push(view.user);
  select.replaceChildren(
    el('option', { value: '' }, app.t('history.filter_user_all')),
    ...people.map((name) => el('option', { value: name, selected: name === view.user }, name)),
  );
  select.value = view.user;
}

/** The filter's options: every journalled table by its label; the chosen one stays chosen. */
function fillFilter(filter, app, tables) {
  const { t, lang } = app;
  const options = filterOptions(t, tables, lang);
  if (view.table && !options.some((o) => o.value === view.table)) {
    options.push({ value: view.table, label: tableLabel(t, view.table) });
  }
  filter.replaceChildren(
    el('option', { value: '' }, t('history.filter_all')),
    ...options.map(({ value, label }) => el('option', { value, selected: value === view.table }, label)),
  );
  filter.value = view.table;
}

function row(app, entry) {
  const { t, lang } = app;
  return el(
    'tr',
    { dataset: { seq: String(entry.seq), op: entry.op, table: entry.table } },
    el('td', { class: 'num seq', title: entry.hash ? t('history.seal', { hash: entry.hash }) : null }, String(entry.seq)),
    el('td', { class: 'time' }, el('time', { datetime: entry.at }, formatTime(entry.at, lang))),
    el('td', { class: 'user' }, entry.user),
    el('td', { class: 'source' }, entry.source),
    el(
      'td',
      { class: 'change', title: entrySummary(t, entry) },
      el('span', { class: 'table-name' }, tableLabel(t, entry.table)),
      ' ',
      el('code', { class: 'row-key' }, keyText(entry.key)),
      ' ',
      el('span', { class: `op op-${entry.op}` }, opLabel(t, entry.op)),
    ),
    el('td', { class: 'details' }, changeList(app, entry)),
  );
}

/** The changed columns, the first few in view and the rest folded away. */
function changeList(app, entry) {
  const list = changes(entry);
  if (!list.length) return null;
  const item = (change) =>
    el(
      'li',
      {},
      el('span', { class: 'column' }, change.column),
      ' ',
      change.before !== undefined ? el('del', {}, valueText(change.before)) : null,
      change.before !== undefined && change.after !== undefined ? el('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → ') : null,
      change.after !== undefined ? el('ins', {}, valueText(change.after)) : null,
    );
  const shown = el('ul', { class: 'changes' }, list.slice(0, SHOWN_CHANGES).map(item));
  if (list.length <= SHOWN_CHANGES) return shown;
  const rest = list.slice(SHOWN_CHANGES);
  return [
    shown,
    el(
      'details',
      { class: 'more-changes' },
      el('summary', {}, app.t('history.more_columns', { count: rest.length })),
      el('ul', { class: 'changes' }, rest.map(item)),
    ),
  ];
}

function verifyPanel(app) {
  const { t } = app;
  const result = el('div', { id: 'history-verify-result', class: 'verify-result' });
  const button = el('button', { type: 'button', id: 'history-verify', class: 'primary' }, t('history.verify'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    result.replaceChildren(el('p', { class: 'status', role: 'status' }, t('history.verify_running')));
    try {
      const summary = verifySummary(await api.verifyJournal());
      const line = el('p', { class: `status ${summary.ok ? 'ok' : 'error'}`, role: summary.ok ? 'status' : null }, t(summary.key, summary.args));
      if (summary.ok) result.replaceChildren(line);
      else {
        result.replaceChildren(
          el('div', { role: 'alert', class: 'history-problems' }, line, el('ul', { id: 'history-problems' }, summary.problems.map((p) => el('li', {}, p)))),
        );
      }
    } catch (error) {
      result.replaceChildren(el('p', { class: 'status error', role: 'alert' }, error.message));
    } finally {
      button.disabled = false;
    }
  });
  return el(
    'section',
    { class: 'panel history-verify', 'aria-labelledby': 'history-verify-heading' },
    el('h2', { id: 'history-verify-heading' }, t('history.verify_heading')),
    el('p', { class: 'hint' }, t('history.verify_hint')),
    el('div', { class: 'actions' }, button),
    result,
  );
}
