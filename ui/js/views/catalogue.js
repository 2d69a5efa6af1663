// The catalogue screen: import (path, dialog, dropped file or demo), the summary of the last
// import, and the tree of chapters → control questions → requirements in VCS or ISO/PAS 5112
// order, with search over IDs, texts and references.

import * as api from '../api/commands.js';
import { formatDateTime } from '../lib/countdown.js';
import { el } from '../lib/dom.js';
import { hitSets, sections, workbookAmong } from '../lib/catalogue_tree.js';
import { chooseButton } from '../widgets/path_field.js';

// What the screen remembers while the app runs.
const view = { catalogueId: null, order: 'vcs', query: '', summary: null };

export function render(app) {
  const section = el('section', { dataset: { view: 'catalogue' } }, el('h1', {}, app.t('screen.catalogue.title')));
  const body = el('div', { class: 'catalogue-body' }, el('p', { class: 'loading' }, app.t('app.loading')));
  section.append(body);
  load(app, body);
  return section;
}

/** Imports a workbook dropped on the window while this screen is open. */
export function onFilesDropped(app, paths) {
  const path = workbookAmong(paths);
  const body = document.querySelector('[data-view="catalogue"] .catalogue-body');
  if (path && body) runImport(app, body, () => api.importCatalogue(path), () => api.importCatalogue(path, true));
}

async function load(app, body) {
  const { t } = app;
  try {
    const list = await api.catalogues();
    if (!list.some((c) => c.id === view.catalogueId)) {
      const current = [...list].reverse().find((c) => c.superseded_by === null);
      view.catalogueId = current?.id ?? null;
    }
    const tree = view.catalogueId === null ? null : await api.showCatalogue(view.catalogueId);
    body.replaceChildren(
      ...(view.summary ? [summaryPanel(app, view.summary)] : []),
      tree ? el('p', { class: 'intro' }, t('catalogue.intro')) : el('p', { class: 'intro', id: 'catalogue-empty' }, t('catalogue.empty')),
      importPanel(app, body, tree !== null),
      ...(tree ? [browser(app, list, tree)] : []),
    );
  } catch (error) {
    body.replaceChildren(el('p', { class: 'status error', role: 'alert' }, error.message));
  }
}

function importPanel(app, body, collapsed) {
  const { t } = app;
  const path = el('input', {
    id: 'catalogue_file',
    type: 'text',
    class: 'path',
    autocomplete: 'off',
    spellcheck: false,
    'aria-describedby': 'catalogue_file-hint',
  });
  const content = el(
    'div',
    { class: 'form' },
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'catalogue_file' }, t('catalogue.file')),
      path,
      el('p', { id: 'catalogue_file-hint', class: 'hint' }, t('catalogue.file_hint')),
    ),
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'button', class: 'primary', dataset: { action: 'catalogue-import' }, onclick: () => runImport(app, body, () => api.importCatalogue(path.value), () => api.importCatalogue(path.value, true)) }, t('catalogue.import')),
      chooseButton({
        dataset: { action: 'catalogue-browse' },
        text: t('catalogue.browse'),
        pick: api.pickCatalogueFile,
        input: path,
        onPicked: (picked) => runImport(app, body, () => api.importCatalogue(picked), () => api.importCatalogue(picked, true)),
        onError: (error) => showImportError(error.message),
      }),
      // Demo data only while no catalogue is there: once a real one is imported, the demo
      // would only mix made-up questions into the user's work.
      collapsed ? null : el('button', { type: 'button', dataset: { action: 'catalogue-demo' }, onclick: () => runImport(app, body, api.importDemoCatalogue) }, t('catalogue.demo')),
    ),
    el('progress', { id: 'catalogue-progress', hidden: true, 'aria-label': t('catalogue.importing') }),
    el('p', { id: 'catalogue-import-status', class: 'status', role: 'status' }),
  );
  if (!collapsed) return el('div', { class: 'panel' }, el('h2', {}, t('catalogue.import_heading')), content);
  return el('details', { class: 'panel' }, el('summary', {}, t('catalogue.import_another')), content);
}

function showImportError(message) {
  const status = document.getElementById('catalogue-import-status');
  if (status) {
    status.textContent = message;
    status.className = 'status error';
  }
}

/**
 * Runs an import with a progress bar and disabled buttons, then redraws with its summary.
 * `replacing`, if given, is the same import with the user's confirmation to replace the
 * current catalogue, offered when the import asks for it.
 */
async function runImport(app, body, importer, replacing = null) {
  const buttons = body.querySelectorAll('[data-action^="catalogue-"]');
  const progress = document.getElementById('catalogue-progress');
  buttons.forEach((b) => (b.disabled = true));
  if (progress) progress.hidden = false;
  const status = document.getElementById('catalogue-import-status');
  if (status) {
    status.textContent = app.t('catalogue.importing');
    status.className = 'status';
  }
  try {
    const outcome = await importer();
    view.summary = outcome;
    view.catalogueId = outcome.catalogue.id;
    view.query = '';
    await load(app, body);
  } catch (error) {
    showImportError(error.message);
    if (error.code === 'needs_confirmation' && replacing) offerReplace(app, body, replacing);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    if (progress) progress.hidden = true;
  }
}

/**
 * A workbook whose version cannot be compared with the current catalogue's is imported only
 * when the user says so: the refusal says what would be replaced and moved, and this button
 * sends the same import again with the confirmation.
 */
function offerReplace(app, body, replacing) {
  const status = document.getElementById('catalogue-import-status');
  if (!status) return;
  status.append(
    ' ',
    el('button', {
      type: 'button',
      class: 'danger',
      dataset: { action: 'catalogue-replace' },
      onclick: () => runImport(app, body, replacing),
    }, app.t('catalogue.confirm_replace')),
  );
}

function summaryPanel({ t }, outcome) {
  const c = outcome.catalogue;
  const args = {
    file: c.source_file,
    id: c.id,
    name: c.name,
    version: c.version,
    chapters: c.chapters,
    questions: c.control_questions,
    requirements: c.requirements,
    must: c.must,
    should: c.should,
  };
  const panel = el(
    'div',
    { class: 'panel summary', id: 'catalogue-summary', role: 'status' },
    el('p', {}, t(outcome.already_imported ? 'catalogue.already_imported' : 'catalogue.imported', args)),
  );
  for (const note of outcome.notes) {
    panel.append(el('p', { class: 'hint' }, t('catalogue.note_duplicate', note)));
  }
  const change = outcome.version_change;
  if (change) {
    const key = change.table_known ? 'catalogue.version_change' : 'catalogue.version_change_no_table';
    panel.append(
      el('p', {}, t(key, {
        old: change.from.version,
        new: c.version,
        moved: change.changes.moved.length,
        added: change.changes.added.length,
        removed: change.changes.removed.length,
      })),
    );
    if (change.changes.moved.length) {
      panel.append(
        el(
          'details',
          {},
          el('summary', {}, t('catalogue.moved_list')),
          el('ul', { class: 'moved' }, change.changes.moved.map((m) => el('li', {}, `${m.from} → ${m.to}`))),
        ),
      );
    }
  }
  return panel;
}

function browser(app, list, tree) {
  const { t } = app;
  const record = tree.catalogue;
  const picker = el(
    'select',
    {
      id: 'catalogue_select',
      onchange: (event) => {
        view.catalogueId = Number(event.target.value);
        view.summary = null;
        load(app, document.querySelector('[data-view="catalogue"] .catalogue-body'));
      },
    },
    list.map((c) =>
      el(
        'option',
        { value: String(c.id), selected: c.id === record.id },
        c.superseded_by === null ? `${c.name} ${c.version}` : t('catalogue.replaced', { name: c.name, version: c.version }),
      ),
    ),
  );
  const orders = el(
    'div',
    { class: 'segmented', role: 'radiogroup', 'aria-label': t('catalogue.order') },
    ['vcs', '5112'].map((order) =>
      el(
        'label',
        {},
        el('input', {
          type: 'radio',
          name: 'catalogue_order',
          value: order,
          checked: view.order === order,
          onchange: () => {
            view.order = order;
            drawTree();
          },
        }),
        t(`catalogue.order_${order}`),
      ),
    ),
  );
  const search = el('input', {
    id: 'catalogue_search',
    type: 'search',
    value: view.query,
    placeholder: t('catalogue.search_hint'),
    'aria-label': t('catalogue.search'),
    autocomplete: 'off',
  });
  const matches = el('p', { id: 'catalogue-matches', class: 'hint', 'aria-live': 'polite' });
  const treeHost = el('div', { class: 'tree', id: 'catalogue-tree' });
  let hits = null;
  let searchRun = 0;

  async function runSearch() {
    const query = search.value.trim();
    view.query = query;
    const run = (searchRun += 1);
    if (!query) {
      hits = null;
      matches.textContent = '';
    } else {
      const found = hitSets(await api.searchCatalogue(record.id, query));
      if (run !== searchRun) return; // a newer search has started
      hits = found;
      matches.textContent = found.count ? t('catalogue.matches', { count: found.count }) : t('catalogue.no_matches', { query });
    }
    drawTree();
  }

  function drawTree() {
    treeHost.replaceChildren(
      ...sections(tree, view.order, t('catalogue.ungrouped'))
        .map((s) => sectionNode(app, s, hits))
        .filter(Boolean),
    );
  }

  let timer;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => runSearch().catch((e) => (matches.textContent = e.message)), 150);
  });
  treeHost.addEventListener('click', (event) => {
    const chip = event.target.closest('[data-tag]');
    if (chip) {
      search.value = chip.dataset.tag;
      runSearch();
    }
  });
  const panel = el(
    'div',
    { class: 'browser' },
    el(
      'div',
      { class: 'toolbar' },
      el('label', { class: 'inline' }, t('catalogue.select'), ' ', picker),
      orders,
      search,
    ),
    el('p', { class: 'hint source' }, t('catalogue.source', {
      file: record.source_file,
      date: formatDateTime(record.imported_at, app.lang, { time: 'none' }),
      sha: record.sha256.slice(0, 16) + '…',
    })),
    record.superseded_by === null ? null : el('p', { class: 'status' }, t('catalogue.superseded_note')),
    matches,
    treeHost,
  );
  if (view.query) runSearch();
  else drawTree();
  return panel;
}

function sectionNode(app, section, hits) {
  const questions = section.questions.filter((q) => !hits || hits.questions.has(q.id));
  if (!questions.length) return null;
  return el(
    'details',
    { class: 'chapter', open: true, dataset: { section: section.id } },
    el('summary', {}, el('span', { class: 'cid' }, section.id), ' ', section.title),
    questions.map((q) => questionNode(app, q, hits)),
  );
}

function questionNode(app, q, hits) {
  const { t } = app;
  // A search that hit requirements shows just those; a hit on the question shows them all.
  const requirements = hits && anyRequirementHit(q, hits) ? q.requirements.filter((r) => hits.requirements.has(r.id)) : q.requirements;
  return el(
    'details',
    { class: 'question', open: Boolean(hits), dataset: { question: q.id } },
    el(
      'summary',
      {},
      el('span', { class: 'qid' }, q.id),
      el('span', { class: 'qtext' }, q.text),
      el('span', { class: 'chip muted', title: t('catalogue.id_5112', { id: q.id_5112 }) }, q.id_5112),
    ),
    q.objective ? el('p', { class: 'objective' }, el('strong', {}, t('catalogue.objective')), ' ', q.objective) : null,
    el('ol', { class: 'requirements' }, requirements.map((r) => requirementNode(app, r, hits))),
  );
}

function anyRequirementHit(q, hits) {
  return q.requirements.some((r) => hits.requirements.has(r.id));
}

function requirementNode({ t }, r, hits) {
  const chips = (field) =>
    el(
      'ul',
      { class: 'chips' },
      r.references
        .filter((ref) => ref.field === field)
        .map((ref) =>
          el('li', {}, el('button', { type: 'button', class: `chip kind-${ref.kind.toLowerCase()}`, dataset: { tag: ref.tag } }, ref.tag)),
        ),
    );
  const part = (heading, text, field) =>
    text ? el('div', { class: 'part' }, el('h4', {}, heading), el('p', { class: 'text' }, text), field ? chips(field) : null) : null;
  return el(
    'li',
    { class: `requirement${hits?.requirements.has(r.id) ? ' hit' : ''}`, dataset: { requirement: r.id } },
    el(
      'div',
      { class: 'req-head' },
      el('span', { class: 'rid' }, r.id),
      r.must ? el('span', { class: 'badge must' }, t('catalogue.must')) : null,
      r.should ? el('span', { class: 'badge should' }, t('catalogue.should')) : null,
      el('span', { class: 'chip muted', title: t('catalogue.id_5112', { id: r.id_5112 }) }, r.id_5112),
    ),
    part(t('catalogue.must_heading'), r.must, 'must'),
    part(t('catalogue.should_heading'), r.should, 'should'),
    part(t('catalogue.further'), r.further_information),
    part(t('catalogue.evidence'), r.possible_evidence, 'evidence'),
  );
}
