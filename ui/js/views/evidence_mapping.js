// The requirements tab of the evidence screen: for one scope, every applicable control
// question with its self-assessment and its requirements, each with its state, the evidence
// that counts for it and a way to link more (search and choose items, or drop files on the
// row). Also takes over the self-assessment from a filled ENX workbook (preview, then apply).
//
// Built for tens of thousands of items: the rows show from readiness alone; each
// requirement's evidence (how many, and the first few by title) comes from the backend in
// one request and fills the rows when it arrives; "and N more" loads more of one
// requirement; linking uses the search-as-you-type picker, built only when opened; after a
// link or a save only the changed requirement, question head and summary are redrawn.

import * as api from '../api/commands.js';
import { onDragOver } from '../api/events.js';
import { el } from '../lib/dom.js';
import { formatPercent } from '../lib/charts.js';
import { fieldMessages } from '../lib/errors.js';
import { summariseOutcomes } from '../lib/evidence_table.js';
import { capChips } from '../lib/evidence_picker.js';
import { predictedKey } from '../lib/readiness.js';
import { hrefOf, hrefWith, idFromParam } from '../lib/routes.js';
import { show, statusLine } from './form.js';
import { progressWidget, runJob } from './evidence_progress.js';
import { requirementBadge } from './evidence_fields.js';
import { throughQuestionBadge } from './readiness_badges.js';
import * as vault from './evidence_vault.js';
import { importPanel } from './evidence_mapping_import.js';
import { assessTablePanel } from './evidence_assess_table.js';
import { scopePicker } from '../widgets/scope_picker.js';
import { evidencePicker } from '../widgets/evidence_picker.js';

/** How many evidence chips a requirement shows at first, and how many more each "and N more" adds. */
const CHIPS = 5;
const MORE_CHIPS = 50;

// What the tab remembers while the app runs (`scope`: the id of the scope last shown).
const view = { scope: null, filter: '', importOpen: false, importStatus: null };
// The tab on the page: { app, target, scope, readiness, requirements (id → catalogue entry),
// evidence (requirement id → { total, items, limit }, null until loaded) }.
let current = null;

export async function render(app, target, params = {}) {
  const { t } = app;
  const scopes = await api.scopes();
  if (!scopes.length) {
    target.replaceChildren(
      el(
        'div',
        { class: 'panel', id: 'mapping-no-scopes' },
        el('p', {}, t('mapping.no_scopes')),
        el('p', {}, el('a', { href: hrefOf('scope') }, t('mapping.to_scope'))),
      ),
    );
    return;
  }
  // The hash's scope (an id), else the one last shown; an unknown one falls back to the first.
  const wanted = idFromParam(params.scope ?? view.scope);
  const scope = scopes.find((s) => s.id === wanted) ?? scopes[0];
  view.scope = scope.id;
  if (params.req) view.filter = '';
  const [readiness, tree] = await Promise.all([
    api.readiness(scope.id),
    api.showCatalogue(scope.catalogue_id).catch(() => null),
  ]);
  const requirements = new Map();
  for (const chapter of tree?.chapters ?? []) {
    for (const question of chapter.questions) for (const r of question.requirements) requirements.set(r.id, r);
  }
  current = { app, target, scope, readiness, requirements, evidence: null, chapterTitles: new Map((tree?.chapters ?? []).map((c) => [c.id, c.title])) };
  const shown = current;
  // Each requirement's evidence takes longest (a pass over the scope's links); it is asked
  // for only now, so that it does not hold the workspace while readiness waits, and the
  // rows show before it arrives.
  const evidence = api.requirementEvidence(scope.id, null, CHIPS);
  listenForDragOver();

  const picker = scopePicker({
    id: 'mapping-scope',
    name: null,
    scopes,
    selected: scope.id,
    onChange: (chosen) => {
      history.replaceState(null, '', hrefWith('evidence', { tab: 'requirements', scope: chosen }));
      render(app, target, { scope: chosen }).catch((error) => {
        target.replaceChildren(el('p', { class: 'status error', role: 'alert' }, error.message));
      });
    },
  });
  const filter = el(
    'select',
    {
      id: 'mapping-filter',
      onchange: () => {
        view.filter = filter.value;
        applyFilter();
      },
    },
    el('option', { value: '' }, t('mapping.show_all')),
    el('option', { value: 'gaps', selected: view.filter === 'gaps' }, t('mapping.show_gaps')),
    (app.vocabulary?.requirement_states ?? []).map((s) => el('option', { value: s, selected: view.filter === s }, t(`requirement_state.${s}`))),
  );
  target.replaceChildren(
    el(
      'div',
      { class: 'toolbar' },
      el('label', { class: 'inline' }, t('mapping.scope'), ' ', picker),
      el('label', { class: 'inline' }, t('mapping.show'), ' ', filter),
    ),
    el('p', { id: 'mapping-summary', class: 'mapping-summary' }),
    el('p', { class: 'hint' }, t('mapping.drop_hint')),
    progressWidget(app),
    statusLine('mapping-status'),
    el('ul', { id: 'mapping-outcomes', class: 'outcomes' }),
    importPanel(app, {
      scope: current.scope,
      state: view,
      redraw: () => render(app, current.target, { scope: current.scope.id }),
    }),
    assessTablePanel(app, scope, readiness, async (flash) => {
      await render(app, current.target, { scope: current.scope.id });
      show(document.getElementById('mapping-status'), flash, 'ok');
    }),
    el('div', { id: 'mapping-questions' }),
  );
  drawSummary();
  drawQuestions();
  if (params.req) highlight(params.req);
  evidence
    .then((found) => {
      // Another scope or screen may be showing by now.
      if (current !== shown) return;
      current.evidence = new Map(found.map((r) => [r.requirement, { total: r.total, items: r.items, limit: CHIPS }]));
      for (const row of document.querySelectorAll('#mapping-questions [data-requirement]')) drawEvidence(row);
    })
    .catch((error) => {
      if (current !== shown) return;
      const line = document.getElementById('mapping-status');
      if (line) show(line, error.message, 'error');
    });
}

/** Files dropped on a requirement are added and linked to it; elsewhere they go to the vault. */
export function onFilesDropped(app, paths, position) {
  const row = rowAt(position);
  if (row && current) {
    addToRequirement(app, paths, row.dataset.requirement);
    return;
  }
  document.getElementById('evidence-tab-vault')?.click();
  vault.addPaths(app, paths);
}

function rowAt(position) {
  if (!position) return null;
  return document.elementFromPoint(position.x, position.y)?.closest('[data-requirement]') ?? null;
}

let dragListening = false;

/** Marks the requirement row files are dragged over. */
function listenForDragOver() {
  if (dragListening) return;
  dragListening = true;
  onDragOver((position) => {
    const row = rowAt(position);
    for (const marked of document.querySelectorAll('.requirement.drop-target')) {
      if (marked !== row) marked.classList.remove('drop-target');
    }
    row?.classList.add('drop-target');
  }).catch(() => {
    dragListening = false;
  });
}

/** Reloads readiness and redraws the summary (after a self-assessment, which changes only the predicted result). */
async function reloadSummary() {
  if (!current) return;
  const shown = current;
  const readiness = await api.readiness(current.scope.id);
  if (current !== shown) return;
  current.readiness = readiness;
  drawSummary();
}

/**
 * After requirement `id` got new links: reloads readiness and that requirement's evidence,
 * then redraws the summary, the requirement's row and its question's head; nothing else.
 */
async function refreshRequirement(id) {
  if (!current) return;
  const shown = current;
  const limit = current.evidence?.get(id)?.limit ?? CHIPS;
  const [readiness, [found]] = await Promise.all([api.readiness(current.scope.id), api.requirementEvidence(current.scope.id, id, limit)]);
  if (current !== shown) return;
  current.readiness = readiness;
  current.evidence ??= new Map();
  if (found) current.evidence.set(id, { total: found.total, items: found.items, limit });
  drawSummary();
  const status = readiness.requirement_states.find((r) => r.id === id);
  const question = status && readiness.questions.find((q) => q.id === status.question);
  const row = document.querySelector(`#mapping-questions [data-requirement="${CSS.escape(id)}"]`);
  if (status && question && row) {
    row.replaceWith(requirementRow(current.app, status));
    const section = document.querySelector(`#mapping-questions section[data-question="${CSS.escape(question.id)}"]`);
    if (section) {
      section.dataset.state = question.state;
      section.querySelector('.question-head')?.replaceWith(questionHead(current.app, question));
    }
  }
  applyFilter();
}

function drawSummary() {
  const { app, readiness } = current;
  const { t, lang } = app;
  const line = document.getElementById('mapping-summary');
  if (!line) return;
  const r = readiness.requirements;
  line.replaceChildren(
    el('strong', {}, t('mapping.summary', { percent: formatPercent(readiness.readiness, lang) })),
    ' ',
    t('mapping.counts', { covered: r.covered, needs_review: r.needs_review, missing: r.missing }),
    ' · ',
    t('readiness.predicted'),
    ' ',
    el('strong', { class: 'predicted-result', dataset: { result: readiness.predicted_result } }, t(`predicted.${predictedKey(readiness.predicted_result)}`)),
  );
}

function drawQuestions() {
  const { app, readiness, chapterTitles } = current;
  const { t } = app;
  const host = document.getElementById('mapping-questions');
  if (!host) return;
  const applicable = readiness.questions.filter((q) => q.applicable);
  const na = readiness.questions.filter((q) => !q.applicable);
  const titles = new Map([...chapterTitles, ...readiness.chapters.map((c) => [c.id, c.title])]);
  const chapters = [];
  for (const q of applicable) {
    let chapter = chapters.at(-1);
    if (!chapter || chapter.id !== q.chapter) {
      chapter = { id: q.chapter, questions: [] };
      chapters.push(chapter);
    }
    chapter.questions.push(q);
  }
  host.replaceChildren(
    ...chapters.map((c) =>
      el(
        'div',
        { class: 'mapping-chapter', dataset: { chapter: c.id } },
        el('h2', {}, el('span', { class: 'cid' }, c.id), ' ', titles.get(c.id) ?? ''),
        c.questions.map((q) => questionSection(app, q)),
      ),
    ),
    na.length
      ? el(
          'details',
          { class: 'panel na-questions', id: 'mapping-na' },
          el('summary', {}, t('mapping.na_questions', { count: na.length, ids: na.map((q) => q.id).join(', ') })),
          el('ul', {}, na.map((q) => el('li', { dataset: { naQuestion: q.id } }, el('span', { class: 'qid' }, q.id), q.text))),
        )
      : null,
  );
  applyFilter();
}

function questionSection(app, q) {
  const states = current.readiness.requirement_states.filter((r) => r.question === q.id);
  return el(
    'section',
    { class: 'question-block', dataset: { question: q.id, state: q.state } },
    questionHead(app, q),
    assessForm(app, q),
    el('div', { class: 'requirement-rows' }, states.map((r) => requirementRow(app, r))),
  );
}

function questionHead(app, q) {
  const { t } = app;
  return el(
    'header',
    { class: 'question-head' },
    el('h3', {}, el('span', { class: 'qid' }, q.id), el('span', { class: 'qtext' }, q.text)),
    el(
      'div',
      { class: 'question-state' },
      requirementBadge(t, q.state),
      el('span', { class: 'hint' }, t('mapping.question_tally', { covered: q.requirements.covered, total: q.requirements.total })),
    ),
  );
}

function assessForm(app, q) {
  const { t } = app;
  const id = (part) => `assess-${part}-${q.id}`;
  const result = el(
    'select',
    { class: 'assess-result', id: id('result'), name: 'result' },
    el('option', { value: '' }, t('assess_result.none')),
    app.vocabulary.audit_results.map((r) => el('option', { value: r, selected: q.result === r }, t(`assess_result.${r}`))),
  );
  const implementation = el('textarea', { class: 'assess-implementation', id: id('implementation'), name: 'implementation', rows: 2 });
  implementation.value = q.implementation ?? '';
  const reference = el('textarea', { class: 'assess-reference', id: id('reference'), name: 'reference_documentation', rows: 2 });
  reference.value = q.reference_documentation ?? '';
  const error = el('p', { class: 'field-error assess-error', id: id('error'), 'aria-live': 'polite' });
  const status = el('p', { class: 'status assess-status', role: 'status' });
  for (const input of [result, implementation, reference]) input.setAttribute('aria-describedby', error.id);
  const save = el('button', {
    type: 'button',
    class: 'assess-save',
    onclick: async () => {
      save.disabled = true;
      error.textContent = '';
      for (const input of [result, implementation, reference]) input.removeAttribute('aria-invalid');
      status.textContent = '';
      status.classList.remove('ok');
      try {
        await api.saveAssessment(current.scope.id, q.id, result.value, implementation.value, reference.value);
        Object.assign(q, { result: result.value || null, implementation: implementation.value, reference_documentation: reference.value });
        // Not show(): it would replace the class this status line is found by.
        status.textContent = t('settings.saved');
        status.classList.add('ok');
        await reloadSummary();
      } catch (e) {
        const fields = fieldMessages(e);
        error.textContent = [...fields.values()].join(' ') || e.message;
        const bad = fields.has('implementation') ? implementation : fields.has('reference_documentation') ? reference : result;
        bad.setAttribute('aria-invalid', 'true');
        bad.focus();
      } finally {
        save.disabled = false;
      }
    },
  }, t('mapping.assess_save'));
  return el(
    'div',
    { class: 'assess' },
    el('div', { class: 'assess-field' }, el('label', { for: result.id }, t('mapping.assess_result')), result),
    el('div', { class: 'assess-field' }, el('label', { for: implementation.id }, t('mapping.assess_implementation')), implementation),
    el('div', { class: 'assess-field' }, el('label', { for: reference.id }, t('mapping.assess_reference')), reference),
    el('div', { class: 'assess-actions' }, save, status),
    error,
  );
}

function requirementRow(app, r) {
  const { t } = app;
  const { requirements } = current;
  const entry = requirements.get(r.id);
  const text = [entry?.must, entry?.should].filter(Boolean);
  const error = el('p', { class: 'field-error link-error', 'aria-live': 'polite' });
  const control = el('div', { class: 'link-control' });
  const row = el(
    'div',
    { class: 'requirement', tabindex: '-1', dataset: { requirement: r.id, state: r.state } },
    el(
      'div',
      { class: 'req-head' },
      el('span', { class: 'rid' }, r.id),
      requirementBadge(t, r.state),
      throughQuestionBadge(t, r),
      r.must ? el('span', { class: 'badge must' }, t('catalogue.must')) : null,
      entry?.should ? el('span', { class: 'badge should' }, t('catalogue.should')) : null,
      r.deviation ? el('span', { class: 'badge deviation', title: t('mapping.deviation_hint') }, t('mapping.deviation')) : null,
    ),
    text.length
      ? el(
          'details',
          { class: 'req-text' },
          el('summary', {}, text[0]),
          entry.must ? el('p', {}, el('strong', {}, t('catalogue.must_heading')), ' ', entry.must) : null,
          entry.should ? el('p', {}, el('strong', {}, t('catalogue.should_heading')), ' ', entry.should) : null,
          entry.possible_evidence ? el('p', { class: 'hint' }, el('strong', {}, t('catalogue.evidence')), ' ', entry.possible_evidence) : null,
        )
      : null,
    el('div', { class: 'req-evidence' }, el('div', { class: 'req-chips' }), control),
    error,
  );
  closedLink(app, row, control, r.id);
  drawEvidence(row);
  return row;
}

/** Shows the evidence of a requirement row: its first chips and "and N more", or that there is none. */
function drawEvidence(row) {
  const { app, evidence } = current;
  const { t } = app;
  const id = row.dataset.requirement;
  const host = row.querySelector('.req-chips');
  if (!host) return;
  if (!evidence) {
    host.replaceChildren(el('span', { class: 'hint evidence-loading' }, t('mapping.evidence_loading')));
    return;
  }
  const found = evidence.get(id) ?? { total: 0, items: [], limit: CHIPS };
  if (!found.total) {
    host.replaceChildren(el('span', { class: 'hint no-evidence' }, t('mapping.no_evidence')));
    return;
  }
  const { shown, more } = capChips(found.items, found.total, found.limit);
  const next = el(
    'button',
    {
      type: 'button',
      class: 'chip more-evidence',
      'aria-label': t('mapping.more_evidence_of', { count: more, id }),
      onclick: async () => {
        next.disabled = true;
        const shownNow = current;
        const limit = found.limit + MORE_CHIPS;
        try {
          const [again] = await api.requirementEvidence(current.scope.id, id, limit);
          if (current !== shownNow || !again) return;
          current.evidence.set(id, { total: again.total, items: again.items, limit });
          drawEvidence(row);
          // The keyboard goes on where the new chips start.
          row.querySelectorAll('.evidence-chip')[shown.length]?.focus();
        } catch (e) {
          next.disabled = false;
          const slot = row.querySelector('.link-error');
          if (slot) slot.textContent = e.message;
        }
      },
    },
    t('mapping.more_evidence', { count: more }),
  );
  host.replaceChildren(
    el(
      'ul',
      { class: 'chips evidence-chips' },
      shown.map((item) =>
        el(
          'li',
          {},
          el(
            'a',
            { class: `chip evidence-chip state-${item.state}`, href: hrefWith('evidence', { id: item.id }), dataset: { evidenceId: item.id } },
            item.title,
            el('span', { class: 'chip-state' }, ` · ${t(`evidence_state.${item.state}`)}`),
          ),
        ),
      ),
      more ? el('li', {}, next) : null,
    ),
  );
}

/** The row's "Link evidence…" button: the picker is built only when it is pressed. */
function closedLink(app, row, control, id) {
  const { t } = app;
  const open = el(
    'button',
    { type: 'button', class: 'link-evidence-open', 'aria-label': t('mapping.link_open_to', { id }), onclick: () => openLink(app, row, control, id) },
    t('mapping.link_open'),
  );
  control.replaceChildren(open);
  return open;
}

/** Opens the picker under a requirement: choose items, Link links them all, Cancel or Escape closes it. */
function openLink(app, row, control, id) {
  const { t } = app;
  const error = row.querySelector('.link-error');
  const picker = evidencePicker({
    t,
    id: `link-picker-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`,
    labelText: t('mapping.link_choose', { id }),
    onChange: (chosen) => {
      link.disabled = !chosen.length;
    },
  });
  const cancel = () => closedLink(app, row, control, id).focus();
  const link = el('button', {
    type: 'button',
    class: 'link-evidence primary',
    disabled: true,
    'aria-label': t('mapping.link_to', { id }),
    onclick: async () => {
      link.disabled = true;
      error.textContent = '';
      const links = { targets: [id], scope: current.scope.id, protection_object: null, note: '' };
      try {
        for (const evidence of picker.ids()) await api.linkEvidence(evidence, links);
        await refreshRequirement(id);
        // The row was redrawn: the keyboard goes back to its Link button.
        document.querySelector(`#mapping-questions [data-requirement="${CSS.escape(id)}"] .link-evidence-open`)?.focus();
      } catch (e) {
        error.textContent = [...fieldMessages(e).values()].join(' ') || e.message;
        link.disabled = false;
      }
    },
  }, t('mapping.link'));
  const panel = el(
    'div',
    { class: 'link-panel' },
    picker.element,
    el('div', { class: 'actions' }, link, el('button', { type: 'button', class: 'link-cancel', onclick: cancel }, t('mapping.link_cancel'))),
  );
  // Escape that the picker did not use (its list closed, its text empty) closes the panel.
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      cancel();
    }
  });
  control.replaceChildren(panel);
  picker.focus();
}

function applyFilter() {
  const filter = view.filter;
  const keep = (state) => !filter || (filter === 'gaps' ? state !== 'covered' : state === filter);
  for (const section of document.querySelectorAll('#mapping-questions section[data-question]')) {
    let any = false;
    for (const row of section.querySelectorAll('[data-requirement]')) {
      row.hidden = !keep(row.dataset.state);
      any ||= !row.hidden;
    }
    section.hidden = !any;
  }
  for (const chapter of document.querySelectorAll('#mapping-questions .mapping-chapter')) {
    chapter.hidden = !chapter.querySelector('section[data-question]:not([hidden])');
  }
}

function highlight(id) {
  const row = document.querySelector(`#mapping-questions [data-requirement="${CSS.escape(id)}"]`);
  if (!row) return;
  row.classList.add('highlight');
  row.scrollIntoView({ block: 'center' });
  row.focus({ preventScroll: true });
}

/** Adds dropped files and links them (and any that were evidence already) to requirement `id`. */
async function addToRequirement(app, paths, id) {
  const { t } = app;
  const { scope } = current;
  const status = document.getElementById('mapping-status');
  const outcomes = document.getElementById('mapping-outcomes');
  const links = { targets: [id], scope: scope.id, protection_object: null, note: '' };
  show(status, t('mapping.adding_to', { id }));
  outcomes?.replaceChildren();
  try {
    const result = await runJob('add', () => api.addEvidence(paths, {}, links));
    const summary = summariseOutcomes(result.outcomes);
    // A file that is evidence already is linked as it is.
    const existing = [...new Set(result.outcomes.filter((o) => o.outcome === 'already_evidence' && o.id).map((o) => o.id))];
    let linked = 0;
    for (const item of existing) linked += await api.linkEvidence(item, links);
    const line = document.getElementById('mapping-status');
    if (line) {
      const text = t('mapping.added_to', { id, added: summary.added, linked, failed: summary.failed });
      show(line, result.cancelled ? `${text} ${t('vault.cancelled')}` : text, summary.failed || result.cancelled ? 'error' : 'ok');
    }
    const failed = summary.problems.filter((o) => o.outcome === 'failed');
    document.getElementById('mapping-outcomes')?.replaceChildren(
      ...failed.map((o) => el('li', { class: 'failed', dataset: { path: o.path } }, o.message ?? o.path)),
    );
    await refreshRequirement(id);
    // The status line is at the top; what failed shows on the row as well.
    const slot = document.querySelector(`#mapping-questions [data-requirement="${CSS.escape(id)}"] .link-error`);
    if (slot && failed.length) slot.textContent = failed.map((o) => o.message ?? o.path).join(' ');
  } catch (error) {
    const line = document.getElementById('mapping-status');
    if (line) show(line, error.message, 'error');
    const slot = document.querySelector(`#mapping-questions [data-requirement="${CSS.escape(id)}"] .link-error`);
    if (slot) slot.textContent = error.message;
  }
}
