// The deadlines screen (#/deadlines?kind=…&scope=SCOPE_ID&owner=…&within=…): every date that
// matters in one table (label expiry and renewal, TISAX labels, corrective actions, follow-up
// and planned audits, evidence reviews), overdue first, with countdowns in words; filters kept
// in the hash; and the filtered list as an iCalendar file. The backend sorts and counts what
// the filter keeps and sends one page of PAGE_SIZE rows; the calendar has all of them.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { countdownWords, formatDate, urgency } from '../lib/countdown.js';
import { backendFilter, filterFromParams, parseWithin } from '../lib/deadlines.js';
import { fieldMessages } from '../lib/errors.js';
import { PAGE_SIZE, lastPageOffset, latestOnly } from '../lib/paging.js';
import { hrefWith, idFromParam, paramsFromHash } from '../lib/routes.js';
import { field, show, statusLine, textInput } from './form.js';
import { chooseButton, pathField, pathInput } from '../widgets/path_field.js';
import { scopeOptions } from '../widgets/scope_picker.js';
import { pager } from '../widgets/pager.js';
import { sortableHeader } from '../widgets/sortable_header.js';

// What the screen remembers while the app runs: the sort, and the calendar file's path.
const view = { sort: { key: 'due', dir: 'asc' }, path: '' };

export function render(app) {
  const { t } = app;
  const filter = filterFromParams(paramsFromHash(location.hash), maxWithin(app), app.vocabulary.deadline_kinds);
  const host = el('div', { id: 'deadlines-host' });
  const summary = el('p', { id: 'deadlines-summary', class: 'deadlines-summary', 'aria-live': 'polite' });
  // `scopes`: the promise of every scope's { id, name }, for the picker and the filter;
  // `page`: the page the backend answered; `offset`: where the page shown starts.
  const state = { app, filter, host, summary, page: null, offset: 0, requests: latestOnly(), scopes: api.scopeNames() };
  state.pager = pager({
    t,
    lang: app.lang,
    id: 'deadlines-pager',
    onPage: async (offset) => {
      state.offset = offset;
      await load(state);
      host.scrollIntoView({ block: 'start' });
    },
  });
  const section = el(
    'section',
    { dataset: { view: 'deadlines' } },
    el('h1', {}, t('screen.deadlines.title')),
    el('p', { class: 'intro' }, t('screen.deadlines.holds')),
    filters(state),
    summary,
    host,
    state.pager.element,
    exportPanel(state),
  );
  load(state);
  return section;
}

/** The longest look ahead the backend takes, in days (core's limit, from the vocabulary). */
const maxWithin = (app) => app.vocabulary.limits.within_days.max;

/** What a refused request says: the messages of the fields it names, else its own. */
const refusal = (error) => [...fieldMessages(error).values()].join(' ') || error.message;

function filters(state) {
  const { app, filter } = state;
  const { t } = app;
  const max = maxWithin(app);
  const kind = el(
    'select',
    { id: 'deadline-kind', name: 'kind' },
    el('option', { value: '' }, t('deadlines_ui.all_kinds')),
    app.vocabulary.deadline_kinds.map((k) => el('option', { value: k, selected: k === filter.kind }, t(`deadline.kind.${k}`))),
  );
  // Until the scopes arrive, the chosen one is the only one offered (its name unknown yet).
  const chosen = idFromParam(filter.scope);
  const scope = el('select', { id: 'deadline-scope', name: 'scope' }, scopeOptions(chosen ? [{ id: chosen, name: '' }] : [], chosen, t('deadlines_ui.all_scopes')));
  // The scopes arrive after the first draw; the chosen one is kept.
  state.scopes
    .then((list) => {
      scope.replaceChildren(...scopeOptions(list, state.filter.scope, t('deadlines_ui.all_scopes')));
    })
    .catch(() => {});
  const owner = textInput('owner', filter.owner, { id: 'deadline-owner', type: 'search' });
  const within = el('input', { type: 'number', id: 'deadline-within', name: 'within', min: 0, max, step: 1, value: filter.within, inputmode: 'numeric' });
  // "Only mine": the owner filter set to this desk's user's name as an owner (Settings).
  const me = app.workspace?.me ?? '';
  const mine = el('input', { type: 'checkbox', id: 'deadline-mine', checked: Boolean(me) && filter.owner === me, disabled: !me });
  const mineChoice = el('label', { class: 'inline mine-choice', title: t('deadlines_ui.mine_hint') }, mine, ' ', t('deadlines_ui.mine', { me }));
  const form = el(
    'form',
    { class: 'deadline-filters', id: 'deadlines-filter', role: 'search', 'aria-label': t('deadlines_ui.filter'), novalidate: true },
    field('kind', t('deadlines_ui.kind'), kind),
    field('scope', t('deadlines_ui.scope'), scope),
    field('owner', t('deadlines_ui.owner'), owner),
    field('within_days', t('deadlines_ui.within'), within, t('deadlines_ui.within_hint')),
    mineChoice,
  );
  let typing = null;
  const apply = () => {
    clearTimeout(typing);
    const wanted = { kind: kind.value, scope: scope.value, owner: owner.value, within: within.value.trim() };
    const slot = form.querySelector('[data-field="within_days"] .field-error');
    const bad = parseWithin(wanted.within, max) === undefined;
    within.setAttribute('aria-invalid', String(bad));
    slot.textContent = bad ? t('deadlines_ui.within_bad', { max }) : '';
    if (bad) return;
    state.filter = wanted;
    state.offset = 0;
    // The hash remembers the filter without redrawing the screen.
    history.replaceState(null, '', hrefWith('deadlines', wanted));
    load(state);
  };
  form.addEventListener('change', (event) => {
    if (event.target === mine) owner.value = mine.checked ? me : '';
    apply();
  });
  // Typing waits for a pause; Enter applies at once.
  form.addEventListener('input', (event) => {
    if (event.target === owner) mine.checked = Boolean(me) && owner.value === me;
    if (event.target === owner || event.target === within) {
      clearTimeout(typing);
      typing = setTimeout(apply, 300);
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  return form;
}

/** Loads the page for the current filter, sort and offset; an older answer arriving late is dropped. */
async function load(state) {
  const { app, host, requests } = state;
  const ticket = requests.begin();
  if (!host.firstChild) host.replaceChildren(el('p', { class: 'loading' }, app.t('app.loading')));
  host.setAttribute('aria-busy', 'true');
  try {
    const filter = backendFilter(state.filter, await state.scopes);
    const page = await api.deadlinesPage(filter, { sort: view.sort.key, direction: view.sort.dir, offset: state.offset, limit: PAGE_SIZE });
    if (!requests.isLatest(ticket)) return;
    // The list shrank below the page shown: show its last page instead.
    if (!page.deadlines.length && page.total > 0 && state.offset > 0) {
      state.offset = lastPageOffset(page.total, PAGE_SIZE);
      await load(state);
      return;
    }
    state.page = page;
    drawTable(state);
  } catch (error) {
    if (!requests.isLatest(ticket)) return;
    state.page = null;
    state.summary.textContent = '';
    state.pager.update({ offset: 0, total: 0 }, 0);
    host.replaceChildren(el('p', { class: 'status error', role: 'alert' }, refusal(error)));
  } finally {
    if (requests.isLatest(ticket)) host.removeAttribute('aria-busy');
  }
}

function drawTable(state) {
  const { app, host, page, summary } = state;
  const { t, lang } = app;
  // Counts reach the messages as numbers (plural forms; printed without grouping, as core does).
  const number = (n) => Number(n);
  state.pager.update(page, page.deadlines.length);
  summary.textContent = page.total
    ? t('deadlines_ui.summary', { total: number(page.total), overdue: number(page.overdue), soon: number(page.soon), days: page.soon_days })
    : '';
  if (!page.total) {
    const filtered = Object.values(state.filter).some(Boolean);
    host.replaceChildren(el('p', { class: 'hint', id: 'deadlines-empty' }, t(filtered ? 'deadlines_ui.none_filtered' : 'deadlines_ui.none')));
    return;
  }
  const head = sortableHeader({
    columns: app.vocabulary.deadline_columns,
    sort: view.sort,
    label: (key) => t(`deadlines_ui.col_${key}`),
    host,
    onSort: (sort) => {
      view.sort = sort;
      state.offset = 0;
      return load(state);
    },
  });
  const rows = page.deadlines.map((d) => {
    const level = d.overdue ? 'overdue' : urgency(d.days_left, app.vocabulary.rules.label_expiry_warning_days);
    return el(
      'tr',
      { class: `deadline ${level}`, dataset: { deadlineKey: d.key, kind: d.kind, daysLeft: d.days_left } },
      el('td', { class: 'due' }, el('time', { datetime: d.due }, formatDate(d.due, lang))),
      el(
        'td',
        { class: 'countdown' },
        d.overdue ? el('span', { class: 'overdue-mark badge' }, el('span', { 'aria-hidden': 'true' }, '⚠ '), t('deadlines_ui.overdue')) : null,
        ' ',
        el('span', { class: 'countdown-words' }, countdownWords(d.days_left, lang)),
      ),
      el('td', { class: 'kind' }, el('span', { class: `chip kind-${d.kind}` }, t(`deadline.kind.${d.kind}`))),
      el('td', { class: 'what' }, d.what),
      el('td', { class: 'scope' }, d.scope ?? el('span', { class: 'hint' }, '–')),
      el('td', { class: 'owner' }, d.owner || el('span', { class: 'hint' }, '–')),
    );
  });
  // A sort answered later than its click: its header button gets the focus back.
  const sorted = host.contains(document.activeElement) ? document.activeElement.dataset?.sort : null;
  host.replaceChildren(
    el(
      'table',
      { class: 'grid deadlines-table', id: 'deadlines-table' },
      el('caption', { class: 'visually-hidden' }, t('screen.deadlines.title')),
      el('thead', {}, el('tr', {}, head)),
      el('tbody', {}, rows),
    ),
  );
  if (sorted) host.querySelector(`[data-sort="${sorted}"]`)?.focus();
}

function exportPanel(state) {
  const { app } = state;
  const { t } = app;
  const path = pathInput('deadlines-ics-path', view.path);
  const status = statusLine('deadlines-status');
  const buttons = [];
  const write = async () => {
    buttons.forEach((b) => (b.disabled = true));
    show(status, t('deadlines_ui.exporting'));
    try {
      const written = await api.exportDeadlines(backendFilter(state.filter, await state.scopes), path.value.trim());
      // The calendar holds every deadline the filter keeps, not only the page shown.
      show(status, t('deadlines_ui.exported', { count: state.page?.total ?? 0, path: written }), 'ok');
    } catch (error) {
      show(status, refusal(error), 'error');
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  };
  path.addEventListener('input', () => (view.path = path.value));
  buttons.push(
    chooseButton({
      id: 'deadlines-ics-choose',
      text: t('deadlines_ui.choose'),
      pick: api.pickDeadlinesFile,
      input: path,
      onPicked: async (picked) => {
        view.path = picked;
        await write();
      },
      onError: (error) => show(status, error.message, 'error'),
    }),
    el('button', { type: 'button', class: 'primary', id: 'deadlines-export', onclick: write }, t('deadlines_ui.export')),
  );
  return el(
    'section',
    { class: 'panel', id: 'deadlines-export-panel', 'aria-labelledby': 'deadlines-export-heading' },
    el('h2', { id: 'deadlines-export-heading' }, t('deadlines_ui.export_heading')),
    el('p', { class: 'hint' }, t('deadlines_ui.export_hint')),
    pathField({ input: path, label: t('deadlines_ui.ics_path'), choose: buttons[0] }),
    el('div', { class: 'actions' }, buttons[1], status),
  );
}
