// The vault tab of the evidence screen: adding files and folders (typed, chosen or dropped)
// with their details and links, checking the sources for changes, duplicates and orphans,
// and the table of items with one item's details below it. The table is a query: the backend
// filters, sorts and counts, and sends the page of PAGE_SIZE rows shown. Typing in the filter
// asks at once and keeps at most one request under way (the last text is asked for when it
// ends); an answer for an older filter or sort is dropped; a screenful of rows is painted
// before the rest of the page is appended.

import * as api from '../api/commands.js';
import { formatDate } from '../lib/countdown.js';
import { el } from '../lib/dom.js';
import { splitPaths, splitTargets, summariseOutcomes } from '../lib/evidence_table.js';
import { PAGE_SIZE, appendInTwoSteps, coalesce, lastPageOffset, latestOnly } from '../lib/paging.js';
import { field, markFields, show, statusLine, textInput } from './form.js';
import { progressWidget, runJob } from './evidence_progress.js';
import { renderDetail } from './evidence_detail.js';
import { classificationOptions, scopeOptions, stateBadge, typeOptions } from './evidence_fields.js';
import { bulkBar, pageTickHeader, tickCell } from './evidence_bulk.js';
import { scanItemsList, twinChoice } from './evidence_outcomes.js';
import { SHOWN_ORPHANS, findingsPanel } from './evidence_findings.js';
import { clear as clearSelection, emptySelection } from '../lib/selection.js';
import { pager } from '../widgets/pager.js';
import { sortableHeader } from '../widgets/sortable_header.js';

// What the tab remembers while the app runs: the table's filter, sort and page, the open item
// and the last add and scan.
const view = {
  sort: { key: 'title', dir: 'asc' },
  query: '',
  state: '',
  type: '',
  classification: '',
  linked: '',
  offset: 0,
  selected: null,
  lastAdd: null,
  lastScan: null,
  // Ticked rows, or every item the filter keeps (lib/selection.js).
  selection: emptySelection(),
};
// The tab on the page: its app, container, hosts and the page it drew.
let current = null;

/** The page query of the table as the tab remembers it (evidence_page's `query`). */
function pageQuery() {
  return {
    filter: view.query,
    state: view.state,
    work_product: view.type,
    classification: view.classification,
    linked: view.linked === '' ? null : view.linked === 'some',
    sort: view.sort.key,
    direction: view.sort.dir,
    offset: view.offset,
    limit: PAGE_SIZE,
  };
}

export async function render(app, target, params = {}) {
  if (params.id) view.selected = Number(params.id);
  // The first page and the scopes (which only fill the link pickers: their names will do)
  // come first; the findings follow when they are ready.
  const [page, scopes] = await Promise.all([api.evidencePage(pageQuery()), api.scopeNames()]);
  const tableHost = el('div', { id: 'evidence-table-host' });
  const detailHost = el('div', { id: 'evidence-detail-host' });
  const findingsHost = el('div', { id: 'evidence-findings-host' });
  current = { app, target, page, scopes, requests: latestOnly(), hosts: { tableHost, detailHost, findingsHost } };
  current.pager = pager({ t: app.t, lang: app.lang, id: 'evidence-pager', onPage: (offset) => goTo(offset) });
  const { selection } = view;
  current.bulk = bulkBar({ app, scopes, selection, page: () => current?.page, query: pageQuery, redraw: () => drawTable({ whole: true }), changed: refresh });
  target.replaceChildren(
    addPanel(app, scopes, page.unfiltered === 0),
    progressWidget(app),
    scanPanel(app),
    findingsHost,
    tableSection(app, tableHost, current.pager.element, current.bulk.element),
    detailHost,
  );
  drawTable();
  loadFindings();
  await drawDetail(params.id ? 'scroll' : null);
}

/** The quick scan at start: the vault lists the items it named, whenever it is shown. */
export function rememberScan(report) {
  if (report?.items?.length) view.lastScan = report;
  if (current?.target.isConnected) drawScanResult(current.app);
}

/** Reloads the page shown and the findings and redraws table, findings and the open item. */
export async function refresh() {
  if (!current || !current.target.isConnected) return;
  loadFindings();
  await load();
  await drawDetail();
}

/** Asks for the page the tab remembers and draws it, unless a later request began meanwhile. */
async function load() {
  const tab = current;
  const { requests, hosts, target } = tab;
  const ticket = requests.begin();
  // Drawn only while this tab is the one on the page and no later request began.
  const wanted = () => requests.isLatest(ticket) && current === tab && target.isConnected;
  hosts.tableHost.setAttribute('aria-busy', 'true');
  try {
    const query = pageQuery();
    const page = await api.evidencePage(query);
    // A key typed meanwhile asks again as soon as this answer is in: this one is stale.
    if (!wanted() || tab.typing?.pending()) return;
    // The list shrank below the page shown (items removed): show its last page instead.
    if (!page.items.length && page.total > 0 && view.offset > 0) {
      view.offset = lastPageOffset(page.total, PAGE_SIZE);
      await load();
      return;
    }
    current.page = page;
    drawTable();
    // Which filter the rows on show answer (tests and the benchmark wait for it).
    hosts.tableHost.dataset.filter = query.filter;
  } catch (error) {
    if (!wanted()) return;
    hosts.tableHost.replaceChildren(el('p', { class: 'status error', role: 'alert', id: 'evidence-table-error' }, error.message));
  } finally {
    if (requests.isLatest(ticket)) hosts.tableHost.removeAttribute('aria-busy');
  }
}

/** Another filter, state or sort: back to the first page; another filter drops the selection. */
function reload(filtered = true) {
  if (filtered) {
    clearSelection(view.selection);
    current?.bulk.reset();
  }
  view.offset = 0;
  return load();
}

/** Shows the page starting at `offset`, the table's top in view. */
async function goTo(offset) {
  view.offset = offset;
  await load();
  current?.hosts.tableHost.closest('.vault-table')?.scrollIntoView({ block: 'start' });
}

/** Loads the findings and draws them when they arrive (the table does not wait for them). */
async function loadFindings() {
  const tab = current;
  try {
    const findings = await api.evidenceFindings(SHOWN_ORPHANS);
    if (current === tab && tab.target.isConnected) drawFindings(findings);
  } catch {
    // The findings are a hint; the table and the detail say what matters.
  }
}

/** Adds files dropped on the window while the vault is shown, with the form's details. */
export function onFilesDropped(app, paths) {
  const form = document.getElementById('evidence-add-form');
  if (form) form.closest('details').open = true;
  return addPaths(app, paths);
}

function formValues() {
  const value = (id) => document.getElementById(id)?.value ?? '';
  return {
    details: {
      title: value('evidence-title'),
      work_product: value('evidence-type'),
      owner: value('evidence-owner'),
      classification: value('evidence-classification'),
      review_due: value('evidence-review-due'),
    },
    links: { targets: splitTargets(value('evidence-links')), scope: value('evidence-link-scope'), protection_object: null, note: '' },
  };
}

/**
 * Adds `paths` with the details and links of the add form (when it is on the page; else
 * none), showing progress, then the outcome.
 */
export async function addPaths(app, paths, { asNew = false } = {}) {
  const { t } = app;
  const form = document.getElementById('evidence-add-form');
  const { details, links } = form ? formValues() : { details: {}, links: { targets: [], scope: null, protection_object: null, note: '' } };
  details.as_new = asNew;
  const button = document.getElementById('evidence-add');
  if (button) button.disabled = true;
  if (form) markFields(form, null);
  const status = document.getElementById('evidence-status');
  if (status) show(status, t('vault.adding'));
  document.getElementById('evidence-outcomes')?.replaceChildren();
  try {
    const outcome = await runJob('add', () => api.addEvidence(paths, details, links));
    const summary = summariseOutcomes(outcome.outcomes);
    view.lastAdd = { summary, cancelled: outcome.cancelled };
    // After a clean addition the box is ready for the next files; after a cancel or a failure
    // the same paths can simply be added again (what is in the vault already is skipped).
    if (!outcome.cancelled && !summary.failed) {
      for (const id of ['evidence-path', 'evidence-title']) {
        const box = document.getElementById(id);
        if (box) box.value = '';
      }
    }
    drawAddResult(app);
    await refresh();
  } catch (error) {
    view.lastAdd = null;
    if (form) {
      // The backend names the fields by their data names; the paths box is `paths`.
      markFields(form, error);
    }
    const line = document.getElementById('evidence-status');
    if (line) show(line, error.message, 'error');
  } finally {
    if (button) button.disabled = false;
  }
}

function drawAddResult(app) {
  const { t } = app;
  const status = document.getElementById('evidence-status');
  const outcomes = document.getElementById('evidence-outcomes');
  if (!status || !outcomes || !view.lastAdd) return;
  const { summary, cancelled } = view.lastAdd;
  const twins = summary.problems.filter((o) => o.outcome === 'same_as_missing').length;
  const text = [
    t('vault.added_summary', { added: summary.added, already: summary.already, failed: summary.failed - twins }),
    twins ? t('vault.added_twins', { count: twins }) : '',
  ].filter(Boolean).join(' ');
  show(status, cancelled ? `${text} ${t('vault.cancelled')}` : text, summary.failed > twins || cancelled ? 'error' : twins ? 'warn' : 'ok');
  const twin = (o) =>
    twinChoice(app, o, {
      addAsNew: (path) => addPaths(app, [path], { asNew: true }),
      done: async (text) => {
        await refresh();
        show(document.getElementById('evidence-status') ?? status, text, 'ok');
      },
      failed: (error) => show(document.getElementById('evidence-status') ?? status, error.message, 'error'),
    });
  outcomes.replaceChildren(
    ...summary.problems.map((o) =>
      el('li', { class: o.outcome === 'already_evidence' ? 'already' : 'failed', dataset: { path: o.path } }, o.message ?? o.path, o.outcome === 'same_as_missing' ? twin(o) : null),
    ),
  );
}

function addPanel(app, scopes, open) {
  const { t } = app;
  const paths = el('textarea', {
    id: 'evidence-path',
    rows: 3,
    class: 'path',
    spellcheck: false,
    autocomplete: 'off',
    placeholder: t('vault.paths_placeholder'),
  });
  const append = (picked) => {
    const all = splitPaths(`${paths.value}\n${picked.join('\n')}`);
    paths.value = all.join('\n');
  };
  const status = statusLine('evidence-status');
  const pick = (id, chooser) =>
    el('button', {
      type: 'button',
      id,
      onclick: async () => {
        try {
          const picked = await chooser();
          if (Array.isArray(picked)) append(picked);
          else if (picked) append([picked]);
        } catch (error) {
          show(status, error.message, 'error');
        }
      },
    }, t(id === 'evidence-pick-files' ? 'vault.choose_files' : 'vault.choose_folder'));
  const title = textInput('title', '', { id: 'evidence-title' });
  const type = el('select', { id: 'evidence-type', name: 'work_product' }, typeOptions(app));
  const owner = textInput('owner', '', { id: 'evidence-owner' });
  const classification = el('select', { id: 'evidence-classification', name: 'classification' }, classificationOptions(app));
  const reviewDue = el('input', { type: 'date', id: 'evidence-review-due', name: 'review_due' });
  const targets = textInput('targets', '', { id: 'evidence-links', placeholder: t('vault.links_placeholder') });
  const scope = el('select', { id: 'evidence-link-scope', name: 'scope' }, scopeOptions(t, scopes));
  const form = el(
    'form',
    { class: 'form wide', id: 'evidence-add-form', novalidate: true },
    field('paths', t('vault.paths'), paths, t('vault.paths_hint')),
    el('div', { class: 'actions' }, pick('evidence-pick-files', api.pickEvidenceFiles), pick('evidence-pick-folder', api.pickEvidenceFolder)),
    el(
      'div',
      { class: 'form-grid' },
      field('title', t('vault.title'), title, t('vault.title_hint')),
      field('work_product', t('vault.type'), type),
      field('owner', t('vault.owner'), owner),
      field('classification', t('vault.classification'), classification),
      field('review_due', t('vault.review_due'), reviewDue, t('vault.review_due_hint')),
      field('targets', t('vault.links'), targets, t('vault.links_hint')),
      field('scope', t('vault.link_scope'), scope),
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'evidence-add' }, t('vault.add')), status),
    el('ul', { id: 'evidence-outcomes', class: 'outcomes' }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    addPaths(app, splitPaths(paths.value));
  });
  queueMicrotask(() => drawAddResult(app));
  return el(
    'details',
    { class: 'panel', id: 'evidence-add-panel', open: open || Boolean(view.lastAdd) },
    el('summary', {}, t('vault.add_heading')),
    el('p', { class: 'hint' }, t('vault.drop_hint')),
    form,
  );
}

function scanPanel(app) {
  const { t } = app;
  const status = statusLine('evidence-scan-status');
  const scan = (deep) => async () => {
    const buttons = [document.getElementById('evidence-scan'), document.getElementById('evidence-scan-deep')];
    buttons.forEach((b) => b && (b.disabled = true));
    show(status, t('vault.scanning'));
    try {
      const report = await runJob('scan', () => api.scanEvidence(deep));
      view.lastScan = report;
      drawScanResult(app);
      await refresh();
    } catch (error) {
      show(document.getElementById('evidence-scan-status') ?? status, error.message, 'error');
    } finally {
      buttons.forEach((b) => b && (b.disabled = false));
    }
  };
  queueMicrotask(() => drawScanResult(app));
  const bar = el(
    'div',
    { class: 'scan-bar' },
    el('button', { type: 'button', id: 'evidence-scan', onclick: scan(false), title: t('vault.scan_hint') }, t('vault.scan')),
    el('button', { type: 'button', id: 'evidence-scan-deep', onclick: scan(true), title: t('vault.scan_deep_hint') }, t('vault.scan_deep')),
    status,
  );
  // The items the last scan named, each a link to its item (drawScanResult fills it).
  return el('div', {}, bar, el('ul', { id: 'evidence-scan-items', hidden: true }));
}

function drawScanResult(app) {
  const { t } = app;
  const status = document.getElementById('evidence-scan-status');
  const report = view.lastScan;
  if (!status || !report) return;
  document.getElementById('evidence-scan-items')?.replaceWith(scanItemsList(app, report, (id) => select(id, 'scroll')));
  const parts = [
    t('vault.scanned', { unchanged: report.unchanged, changed: report.changed.length, missing: report.missing.length }),
    report.unreachable?.length ? t('vault.scan_unreachable', { count: report.unreachable.length }) : '',
    report.cancelled ? t('vault.scan_cancelled', { count: report.not_scanned }) : '',
  ].filter(Boolean);
  show(status, parts.join(' '), report.changed.length || report.missing.length || report.failed.length ? 'warn' : 'ok');
}

function drawFindings(findings) {
  const { app, hosts } = current;
  const panel = findingsPanel(app.t, findings, {
    open: (id) => select(id, 'scroll'),
    showOrphans: () => {
      view.linked = 'none';
      const choice = document.getElementById('evidence-linked-filter');
      if (choice) choice.value = 'none';
      reload();
      hosts.tableHost.closest('.vault-table')?.scrollIntoView({ block: 'start' });
    },
  });
  hosts.findingsHost.replaceChildren(...(panel ? [panel] : []));
}

const COLUMNS = ['title', 'type', 'owner', 'classification', 'review_due', 'version', 'state', 'links'];

function tableSection(app, tableHost, pagerElement, bulkElement) {
  const { t } = app;
  const typed = coalesce(() => reload());
  current.typing = typed;
  const filter = el('input', {
    type: 'search',
    id: 'evidence-filter',
    value: view.query,
    placeholder: t('vault.filter_placeholder'),
    'aria-label': t('vault.filter'),
    autocomplete: 'off',
    oninput: (event) => {
      view.query = event.target.value;
      typed();
    },
  });
  // Each select filters at once; `key` is the view's field it sets.
  const choice = (id, key, label, options) =>
    el(
      'label',
      { class: 'inline' },
      label,
      ' ',
      el(
        'select',
        {
          id,
          onchange: (event) => {
            view[key] = event.target.value;
            reload();
          },
        },
        options.map(([value, text]) => el('option', { value, selected: view[key] === value }, text)),
      ),
    );
  const vocabulary = app.vocabulary ?? {};
  const state = choice('evidence-state-filter', 'state', t('vault.state'), [
    ['', t('vault.all_states')],
    ...(vocabulary.evidence_states ?? []).map((s) => [s, t(`evidence_state.${s}`)]),
  ]);
  const type = choice('evidence-type-filter', 'type', t('vault.type_filter'), [
    ['', t('vault.all_types')],
    ['other', t('vault.type_other')],
    ...(vocabulary.work_products ?? []).map((wp) => [wp, `${wp} — ${t(`wp.${wp}`)}`]),
  ]);
  const classification = choice('evidence-classification-filter', 'classification', t('vault.classification_filter'), [
    ['', t('vault.all_classifications')],
    ...(vocabulary.classifications ?? []).map((c) => [c, t(`classification.${c}`)]),
  ]);
  const linked = choice('evidence-linked-filter', 'linked', t('vault.linked_filter'), [
    ['', t('vault.linked_any')],
    ['none', t('vault.linked_none')],
    ['some', t('vault.linked_some')],
  ]);
  return el(
    'div',
    { class: 'vault-table' },
    el('h2', {}, t('vault.items')),
    el('div', { class: 'toolbar' }, filter, state, type, classification, linked, el('span', { id: 'evidence-count', class: 'hint', 'aria-live': 'polite' })),
    bulkElement,
    tableHost,
    pagerElement,
  );
}

/**
 * Draws the page the backend answered: its rows only, the counts and the pager. A new page
 * paints a screenful of rows first; `whole` draws every row at once (a tick redraws the page
 * and focuses its box, which may be further down).
 */
function drawTable({ whole = false } = {}) {
  const { app, page, hosts } = current;
  const { t, lang } = app;
  const count = document.getElementById('evidence-count');
  // Counts reach the messages as numbers (plural forms; printed without grouping, as core does).
  const number = (n) => Number(n);
  current.pager.update(page, page.items.length);
  current.bulk.update();
  if (!page.unfiltered) {
    if (count) count.textContent = '';
    // A read-only workspace offers no adding: it just says that there is nothing yet.
    const empty = app.workspace?.read_only ? 'vault.empty_read_only' : 'vault.empty';
    hosts.tableHost.replaceChildren(el('p', { class: 'hint', id: 'evidence-empty' }, t(empty)));
    return;
  }
  if (count) count.textContent = t('vault.count', { shown: number(page.total), total: number(page.unfiltered) });
  const head = sortableHeader({
    columns: COLUMNS,
    sort: view.sort,
    label: (key) => t(`vault.col_${key}`),
    cellClass: (key) => (key === 'version' ? 'num' : null),
    host: hosts.tableHost,
    onSort: (sort) => {
      view.sort = sort;
      return reload(false);
    },
  });
  const pageIds = page.items.map((item) => item.id);
  // A tick redraws the ticks; the box clicked keeps the focus.
  const ticked = (id = 'page') => {
    drawTable({ whole: true });
    hosts.tableHost.querySelector(id === 'page' ? '#evidence-tick-page' : `[data-tick="${id}"]`)?.focus();
  };
  const drawing = (current.drawing ?? 0) + 1;
  current.drawing = drawing;
  const tab = current;
  const row = (item) =>
    el(
      'tr',
      {
        dataset: { evidenceId: item.id },
        class: item.id === view.selected ? 'selected' : null,
        'aria-current': item.id === view.selected ? 'true' : null,
        onclick: (event) => {
          if (event.target.closest('button, a, input, td.tick')) return;
          select(item.id, 'scroll');
        },
      },
      tickCell(app, view.selection, pageIds, item, ticked),
      el(
        'td',
        { class: 'title-cell' },
        el('button', { type: 'button', class: 'link-button evidence-details', onclick: () => select(item.id, 'focus'), 'aria-label': t('vault.details_of', { title: item.title }) }, item.title),
        item.file_name !== item.title ? el('span', { class: 'hint file-name' }, item.file_name) : null,
      ),
      el('td', {}, item.work_product ? el('abbr', { title: t(`wp.${item.work_product}`) }, item.work_product) : el('span', { class: 'hint' }, t('vault.type_other_short'))),
      el('td', {}, item.owner || el('span', { class: 'hint' }, '–')),
      el('td', {}, t(`classification.${item.classification}`)),
      el('td', {}, item.review_due ? el('time', { datetime: item.review_due }, formatDate(item.review_due, lang)) : el('span', { class: 'hint' }, '–')),
      el('td', { class: 'num' }, String(item.version)),
      el('td', {}, stateBadge(t, item.state)),
      el('td', {}, item.links.length ? el('ul', { class: 'chips' }, [...new Set(item.links)].map((l) => el('li', { class: 'chip' }, l))) : el('span', { class: 'hint' }, t('vault.no_links'))),
    );
  // A sort answered later than its click: its header button gets the focus back.
  const sorted = hosts.tableHost.contains(document.activeElement) ? document.activeElement.dataset?.sort : null;
  const body = el('tbody', {});
  if (whole) body.append(...page.items.map(row));
  else appendInTwoSteps(body, page.items, row, () => current !== tab || tab.drawing !== drawing);
  hosts.tableHost.replaceChildren(
    page.items.length
      ? el('table', { class: 'grid evidence-table', id: 'evidence-table' }, el('thead', {}, el('tr', {}, pageTickHeader(app, view.selection, pageIds, ticked), head)), body)
      : el('p', { class: 'hint', id: 'evidence-none-match' }, t('vault.none_match')),
  );
  if (sorted) hosts.tableHost.querySelector(`[data-sort="${sorted}"]`)?.focus();
}

/** Marks the open item's row, if it is on the page shown (no redraw, no request). */
function markSelected() {
  for (const row of current.hosts.tableHost.querySelectorAll('tr[data-evidence-id]')) {
    const on = Number(row.dataset.evidenceId) === view.selected;
    row.classList.toggle('selected', on);
    if (on) row.setAttribute('aria-current', 'true');
    else row.removeAttribute('aria-current');
  }
}

/** Opens item `id` below the table; `then` 'scroll' brings it into view, 'focus' focuses it too. */
async function select(id, then) {
  view.selected = id;
  markSelected();
  await drawDetail(then);
}

/** Draws the open item by its id (evidence_show), whether or not its row is on the page. */
async function drawDetail(then = null) {
  const { app, scopes, hosts } = current;
  if (view.selected === null) {
    hosts.detailHost.replaceChildren();
    return;
  }
  try {
    await renderDetail(app, hosts.detailHost, view.selected, scopes, {
      changed: refresh,
      removed: async () => {
        view.selected = null;
        await refresh();
      },
      close: () => {
        const id = view.selected;
        view.selected = null;
        hosts.detailHost.replaceChildren();
        markSelected();
        hosts.tableHost.querySelector(`tr[data-evidence-id="${id}"] .evidence-details`)?.focus();
      },
    });
  } catch {
    // The item is gone (removed elsewhere, or an old link): nothing to show.
    view.selected = null;
    hosts.detailHost.replaceChildren();
    markSelected();
    return;
  }
  const panel = document.getElementById('evidence-detail');
  if (then && panel) {
    panel.scrollIntoView({ block: 'start', behavior: 'smooth' });
    if (then === 'focus') panel.querySelector('h2')?.focus({ preventScroll: true });
  }
}
