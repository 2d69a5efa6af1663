// The export screen: a scope's readiness in one line; the package for the auditor (full) or
// for partners (A, A+labels, A+labels+B) with progress and cancel; verifying a package
// against its checksums; the scope's publication and sharings; and the packages written so far.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { formatDate } from '../lib/countdown.js';
import {
  PACKAGE_LEVELS,
  PUBLICATION_LEVELS,
  SHARING_LEVELS,
  exportSteps,
  levelKey,
  percent,
  shortSha,
  sortHistory,
} from '../lib/export.js';
import { predictedKey } from '../lib/readiness.js';
import { idFromParam, paramsFromHash } from '../lib/routes.js';
import { askAbove, askVersions } from './export_ask.js';
import { field, markFields, show, statusLine, textInput } from './form.js';
import { sharingActions } from './export_sharing_row.js';
import { reportPanel } from './export_report.js';
import { drawJobProgress, jobProgress, watchJobs } from '../widgets/job_progress.js';
import { chooseButton, pathField, pathInput } from '../widgets/path_field.js';
import { scopeOptions } from '../widgets/scope_picker.js';

// What the screen remembers while the app runs: the scope (its id), level and paths chosen.
const view = { scope: null, level: 'full', path: '', verifyPath: '' };
// The one export that may run, and its last progress report (kept across redraws).
const run = { running: false, last: null, app: null };

function listenOnce(app) {
  run.app = app;
  watchJobs(['export'], (progress) => {
    run.last = progress;
    drawProgress();
  });
}

export function render(app) {
  listenOnce(app);
  const { t } = app;
  // `scopes`: every scope's { id, name }, for the picker and the names shown.
  const state = { app, scopes: [] };
  const scope = el('select', { id: 'export-scope', name: 'scope' });
  const summary = el('p', { id: 'export-summary', class: 'export-summary', 'aria-live': 'polite' });
  const sharing = el('section', { id: 'sharing-panel', class: 'panel', 'aria-labelledby': 'sharing-heading' });
  const history = el('div', { id: 'export-history-host' });
  const report = reportPanel(app, () => view.scope);
  Object.assign(state, { scope, summary, sharing, history, report });
  scope.addEventListener('change', () => {
    view.scope = idFromParam(scope.value);
    loadScope(state);
    report.refresh();
  });
  const section = el(
    'section',
    { dataset: { view: 'export' } },
    el('h1', {}, t('screen.export.title')),
    el('p', { class: 'intro' }, t('screen.export.holds')),
    el('div', { class: 'export-scope-row' }, field('scope', t('export_ui.scope'), scope), summary),
    packagePanel(state),
    report,
    verifyPanel(state),
    sharing,
    el(
      'section',
      { class: 'panel', id: 'export-history-panel', 'aria-labelledby': 'export-history-heading' },
      el('h2', { id: 'export-history-heading' }, t('export_ui.history_heading')),
      history,
    ),
  );
  loadScopes(state);
  // From the Dashboard's Report button: straight to the report's panel.
  if (paramsFromHash(location.hash).part === 'report') {
    queueMicrotask(() => {
      report.scrollIntoView();
      report.querySelector('#report-path')?.focus();
    });
  }
  return section;
}

async function loadScopes(state) {
  const { app, scope, summary } = state;
  const { t } = app;
  summary.textContent = t('app.loading');
  try {
    state.scopes = await api.scopeNames();
  } catch (error) {
    show(summary, error.message, 'error');
    return;
  }
  if (!state.scopes.length) {
    scope.replaceChildren(el('option', { value: '' }, t('export_ui.no_scopes')));
    scope.disabled = true;
    view.scope = null;
    summary.textContent = t('export_ui.no_scopes_hint');
    state.sharing.replaceChildren();
    state.sharing.hidden = true;
    loadHistory(state);
    return;
  }
  if (!state.scopes.some((s) => s.id === view.scope)) view.scope = state.scopes[0].id;
  scope.replaceChildren(...scopeOptions(state.scopes, view.scope));
  loadScope(state);
  state.report?.refresh();
  loadHistory(state);
}

/** The summary and the sharing panel of the chosen scope. */
function loadScope(state) {
  loadSummary(state);
  loadSharing(state);
}

async function loadSummary(state) {
  const { app, summary } = state;
  const { t } = app;
  const wanted = view.scope;
  summary.classList.remove('error');
  summary.textContent = t('app.loading');
  try {
    const preview = await api.packagePreview(wanted);
    if (wanted !== view.scope) return;
    const r = preview.requirements ?? {};
    const result = t(`predicted.${predictedKey(preview.predicted_result)}`);
    summary.replaceChildren(
      el('strong', {}, t('export_ui.summary_readiness', { percent: percent(preview.readiness) ?? 0 })),
      ' · ',
      el('span', { class: `predicted predicted-${predictedKey(preview.predicted_result)}` }, t('export_ui.summary_predicted', { result })),
      ' · ',
      t('export_ui.summary_requirements', {
        covered: r.covered ?? 0,
        needs_review: r.needs_review ?? 0,
        missing: r.missing ?? 0,
        total: r.total ?? 0,
      }),
    );
  } catch (error) {
    if (wanted === view.scope) show(summary, error.message, 'error');
  }
}

/** The options of a level select; `kind` 'level' (packages) or 'share_level' (publication, sharing). */
function levelOptions(t, levels, selected, kind) {
  return levels.map((level) => el('option', { value: level, selected: level === selected }, t(`export_ui.${kind}_${levelKey(level)}`)));
}

function packagePanel(state) {
  const { app } = state;
  const { t } = app;
  const level = el('select', { id: 'export-level', name: 'level' }, levelOptions(t, PACKAGE_LEVELS, view.level, 'level'));
  const levelHint = el('p', { id: 'export-level-hint', class: 'hint' });
  const describe = () => (levelHint.textContent = t(`export_ui.level_${levelKey(level.value)}_hint`));
  level.addEventListener('change', () => {
    view.level = level.value;
    describe();
  });
  describe();
  const path = pathInput('export-path', view.path, 'out');
  path.addEventListener('input', () => (view.path = path.value));
  const choose = chooseButton({
    id: 'export-choose',
    text: t('export_ui.choose'),
    pick: api.pickPackageOut,
    input: path,
    onPicked: (picked) => (view.path = picked),
    onError: (error) => show(status, error.message, 'error'),
  });
  const status = statusLine('export-status');
  const runButton = el('button', { type: 'submit', class: 'primary', id: 'export-run' }, t('export_ui.run'));
  const levelField = field('level', t('export_ui.level'), level);
  levelField.insertBefore(levelHint, levelField.querySelector('.field-error'));
  level.setAttribute('aria-describedby', `export-level-hint ${level.id}-error`);
  const outField = pathField({ name: 'out', input: path, label: t('export_ui.path'), choose, hint: t('export_ui.path_hint') });
  const evidenceField = el(
    'div',
    { class: 'field', dataset: { field: 'evidence' } },
    el('p', { id: 'export-evidence-error', class: 'field-error', 'aria-live': 'polite' }),
  );
  // Optionally frozen for one audit: its results, findings and actions only.
  const audit = el('select', { id: 'export-audit', name: 'audit' }, el('option', { value: '' }, t('export_ui.audit_all')));
  api
    .audits(view.scope)
    .then((list) => {
      for (const a of list) {
        audit.append(el('option', { value: String(a.id) }, `${t(`audit_kind.${a.audit.kind}`)} · ${a.audit.closing_meeting}`));
      }
    })
    .catch(() => {});
  const auditField = field('audit', t('export_ui.audit'), audit, t('export_ui.audit_hint'));
  // Where the questions before writing appear (a partner level above the sharing, evidence
  // with unreviewed changes).
  const askHost = el('div', { id: 'export-ask-host', hidden: true });
  const form = el(
    'form',
    { id: 'export-form', class: 'form export-form', novalidate: true },
    levelField,
    auditField,
    outField,
    evidenceField,
    el('div', { class: 'actions' }, runButton),
    askHost,
    progressWidget(t),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (run.running) return;
    markFields(form, null);
    const out = path.value.trim();
    if (!view.scope) {
      show(status, t('export_ui.no_scopes_hint'), 'error');
      return;
    }
    if (!out) {
      markFields(form, { fields: [{ field: 'out', message: t('export_ui.path_missing') }] });
      show(status, '');
      return;
    }
    // What was asked about is what gets written, whatever changes on the screen meanwhile.
    const chosen = { scope: view.scope, level: level.value, audit: audit.value ? Number(audit.value) : null };
    runButton.disabled = true;
    choose.disabled = true;
    let versions = 'reviewed';
    let force = false;
    try {
      // Ask first, write nothing until every question has its answer. The export counts as
      // running only from then on, so a screen left while asking leaves nothing behind.
      show(status, '');
      const warnings = await api.packageWarnings(chosen.scope, chosen.level);
      for (const step of exportSteps(warnings)) {
        if (step === 'above') force = await askAbove(askHost, t, warnings.above_shared);
        if (step === 'versions') versions = await askVersions(askHost, t, warnings.unreviewed);
        if ((step === 'above' && !force) || (step === 'versions' && !versions)) {
          show(status, t('export_ui.stopped'));
          return;
        }
      }
      run.running = true;
      run.last = null;
      drawProgress();
      show(status, t('export_ui.running'));
      const written = await api.exportPackage(chosen.scope, out, chosen.level, chosen.audit, versions, force);
      showWritten(status, t, written);
      loadHistory(state);
    } catch (error) {
      // A folder that cannot be written is the path's problem, though the backend names no field.
      const located = error.code === 'not_writable' && !error.fields?.length
        ? { fields: [{ field: 'out', message: error.message }] }
        : error;
      markFields(form, located);
      // A message moved onto the path field is not repeated in the status line.
      show(status, located === error ? error.message : t('export_ui.not_written'), 'error');
    } finally {
      run.running = false;
      run.last = null;
      runButton.disabled = false;
      choose.disabled = false;
      drawProgress();
    }
  });
  return el(
    'section',
    { class: 'panel', id: 'export-package-panel', 'aria-labelledby': 'export-package-heading' },
    el('h2', { id: 'export-package-heading' }, t('export_ui.package_heading')),
    el('p', { class: 'hint' }, t('export_ui.package_hint')),
    form,
  );
}

function showWritten(status, t, written) {
  show(status, '', 'ok');
  status.append(
    t('export_ui.done', { path: written.package, files: written.files?.length ?? 0 }),
    ' ',
    el('span', { class: 'sha-label' }, t('export_ui.sha256')),
    ' ',
    el('code', { id: 'export-sha256', class: 'sha256' }, written.sha256),
  );
}

/** The progress bar and cancel button, hidden while no export runs. */
function progressWidget(t) {
  const widget = jobProgress('export', t('export_ui.progress_label'), t('export_ui.cancel'));
  queueMicrotask(drawProgress);
  return widget;
}

function drawProgress() {
  if (!run.app) return;
  const { t, lang } = run.app;
  drawJobProgress('export', { visible: run.running, progress: run.last, t, lang, messages: 'export_ui' });
}

function verifyPanel(state) {
  const { t } = state.app;
  const path = pathInput('verify-path', view.verifyPath, 'verify_path');
  path.addEventListener('input', () => (view.verifyPath = path.value));
  const status = statusLine('verify-status');
  const problems = el('ul', { id: 'verify-problems', class: 'verify-problems' });
  const buttons = [];
  const verify = async () => {
    const target = path.value.trim();
    problems.replaceChildren();
    if (!target) {
      show(status, t('export_ui.verify_path_missing'), 'error');
      path.focus();
      return;
    }
    buttons.forEach((b) => (b.disabled = true));
    show(status, t('export_ui.verify_running'));
    try {
      const report = await api.verifyPackage(target);
      if (report.ok) show(status, t('export_ui.verify_ok', { entries: report.entries }), 'ok');
      else {
        show(status, t('export_ui.verify_bad', { count: report.problems.length, entries: report.entries }), 'error');
        problems.replaceChildren(...report.problems.map((p) => el('li', {}, p)));
      }
    } catch (error) {
      show(status, error.message, 'error');
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  };
  buttons.push(
    chooseButton({
      id: 'verify-choose',
      text: t('export_ui.choose'),
      pick: api.pickPackageFile,
      input: path,
      onPicked: async (picked) => {
        view.verifyPath = picked;
        await verify();
      },
      onError: (error) => show(status, error.message, 'error'),
    }),
    el('button', { type: 'button', class: 'primary', id: 'verify-run', onclick: verify }, t('export_ui.verify_run')),
  );
  path.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      verify();
    }
  });
  return el(
    'section',
    { class: 'panel', id: 'verify-panel', 'aria-labelledby': 'verify-heading' },
    el('h2', { id: 'verify-heading' }, t('export_ui.verify_heading')),
    el('p', { class: 'hint' }, t('export_ui.verify_hint')),
    pathField({ input: path, label: t('export_ui.verify_path'), choose: buttons[0] }),
    el('div', { class: 'actions' }, buttons[1], status),
    problems,
  );
}

/** The name of the chosen scope, for headings. */
function scopeName(state) {
  return state.scopes.find((s) => s.id === view.scope)?.name ?? '';
}

async function loadSharing(state) {
  const { app, sharing } = state;
  const { t } = app;
  const wanted = view.scope;
  const name = scopeName(state);
  sharing.hidden = false;
  sharing.replaceChildren(
    el('h2', { id: 'sharing-heading' }, t('export_ui.sharing_heading', { scope: name })),
    el('p', { class: 'loading' }, t('app.loading')),
  );
  try {
    const shown = await api.showSharing(wanted);
    if (wanted !== view.scope) return;
    drawSharing(state, shown);
  } catch (error) {
    if (wanted !== view.scope) return;
    sharing.replaceChildren(
      el('h2', { id: 'sharing-heading' }, t('export_ui.sharing_heading', { scope: name })),
      el('p', { class: 'status error', role: 'alert' }, error.message),
    );
  }
}

function drawSharing(state, shown) {
  const { app, sharing } = state;
  const { t, lang } = app;
  const scope = view.scope;
  const name = scopeName(state);
  const publication = el('select', { id: 'publication-level', name: 'publication' }, levelOptions(t, PUBLICATION_LEVELS, shown.publication, 'share_level'));
  const publicationStatus = statusLine('publication-status');
  const save = el(
    'button',
    {
      type: 'button',
      id: 'publication-save',
      onclick: async () => {
        save.disabled = true;
        try {
          await api.publishScope(scope, publication.value);
          show(publicationStatus, t('export_ui.publication_saved', { level: t(`export_ui.share_level_${levelKey(publication.value)}`) }), 'ok');
        } catch (error) {
          show(publicationStatus, error.message, 'error');
        } finally {
          save.disabled = false;
        }
      },
    },
    t('export_ui.publication_save'),
  );
  const table = shown.sharings.length
    ? el(
      'table',
      { class: 'grid sharings-table', id: 'sharings-table' },
      el('caption', { class: 'visually-hidden' }, t('export_ui.sharings_caption', { scope: name })),
      el(
        'thead',
        {},
        el('tr', {}, ['partner', 'participant_id', 'level', 'date', 'actions'].map((c) => el('th', { scope: 'col' }, t(`export_ui.col_${c}`)))),
      ),
      el(
        'tbody',
        {},
        shown.sharings.map((s) =>
          el(
            'tr',
            { dataset: { sharingId: s.id } },
            el('td', {}, s.partner),
            el('td', { class: 'path' }, s.participant_id || el('span', { class: 'hint' }, '–')),
            el('td', {}, el('span', { class: 'chip level-chip' }, s.level)),
            el('td', {}, el('time', { datetime: s.date }, formatDate(s.date, lang))),
            sharingActions(app, s, async (warnings) => {
              const again = await api.showSharing(view.scope);
              drawSharing(state, again);
              document.getElementById('sharing-warnings')?.replaceChildren(...warnings.map((w) => el('li', {}, w)));
            }),
          ),
        ),
      ),
    )
    : el('table', { class: 'grid sharings-table', id: 'sharings-table', hidden: true }, el('tbody', {}));
  sharing.replaceChildren(
    el('h2', { id: 'sharing-heading' }, t('export_ui.sharing_heading', { scope: name })),
    el('p', { class: 'hint' }, t('export_ui.sharing_hint')),
    el(
      'div',
      { class: 'field', dataset: { field: 'publication' } },
      el('label', { for: 'publication-level' }, t('export_ui.publication')),
      el('div', { class: 'input-row' }, publication, save),
      el('p', { class: 'hint' }, t('export_ui.publication_hint')),
    ),
    publicationStatus,
    el('h3', {}, t('export_ui.sharings_heading')),
    ...(shown.sharings.length ? [] : [el('p', { class: 'hint', id: 'sharings-empty' }, t('export_ui.sharings_none'))]),
    table,
    sharingForm(state),
  );
}

function sharingForm(state) {
  const { app } = state;
  const { t } = app;
  const scope = view.scope;
  const partner = textInput('partner', '', { id: 'sharing-partner' });
  const participant = textInput('participant_id', '', { id: 'sharing-participant-id', class: 'path', spellcheck: false });
  const level = el('select', { id: 'sharing-level', name: 'level' }, levelOptions(t, SHARING_LEVELS, 'A', 'share_level'));
  const date = el('input', { type: 'date', id: 'sharing-date', name: 'date' });
  const warnings = el('ul', { id: 'sharing-warnings', class: 'sharing-warnings', 'aria-live': 'polite' });
  const status = statusLine('sharing-status');
  const add = el('button', { type: 'submit', class: 'primary', id: 'sharing-add' }, t('export_ui.sharing_add'));
  const form = el(
    'form',
    { id: 'sharing-form', class: 'sharing-form', novalidate: true, 'aria-label': t('export_ui.sharing_form') },
    field('partner', t('export_ui.partner'), partner),
    field('participant_id', t('export_ui.participant_id'), participant, t('export_ui.participant_id_hint')),
    field('level', t('export_ui.sharing_level'), level),
    field('date', t('export_ui.date'), date, t('export_ui.date_hint')),
    el('div', { class: 'actions' }, add, status),
    warnings,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    markFields(form, null);
    warnings.replaceChildren();
    add.disabled = true;
    try {
      const answer = await api.addSharing(scope, partner.value.trim(), participant.value.trim(), level.value, date.value);
      const shown = await api.showSharing(scope);
      if (scope !== view.scope) return;
      drawSharing(state, shown);
      const line = document.getElementById('sharing-status');
      show(line, t('export_ui.sharing_added', { partner: answer.sharing.partner }), answer.warnings.length ? 'warn' : 'ok');
      document.getElementById('sharing-warnings').replaceChildren(...answer.warnings.map((w) => el('li', {}, w)));
    } catch (error) {
      markFields(form, error);
      show(status, error.message, 'error');
    } finally {
      add.disabled = false;
    }
  });
  return el('div', { class: 'sharing-add' }, el('h3', {}, t('export_ui.sharing_add_heading')), form);
}

async function loadHistory(state) {
  const { app, history } = state;
  const { t, lang } = app;
  try {
    const list = sortHistory(await api.packageHistory());
    if (!list.length) {
      history.replaceChildren(
        el('p', { class: 'hint', id: 'export-history-empty' }, t('export_ui.history_none')),
        el('table', { id: 'export-history', class: 'grid', hidden: true }, el('tbody', {})),
      );
      return;
    }
    const names = new Map(state.scopes.map((s) => [s.id, s.name]));
    history.replaceChildren(
      el(
        'table',
        { class: 'grid export-history', id: 'export-history' },
        el('caption', { class: 'visually-hidden' }, t('export_ui.history_heading')),
        el('thead', {}, el('tr', {}, ['scope', 'level', 'generated', 'path', 'sha256'].map((c) => el('th', { scope: 'col' }, t(`export_ui.col_${c}`))))),
        el(
          'tbody',
          {},
          list.map((e) =>
            el(
              'tr',
              { dataset: { level: e.level } },
              el('td', {}, names.get(e.scope_id) ?? String(e.scope_id ?? '–')),
              el('td', {}, el('span', { class: 'chip level-chip' }, e.level)),
              el('td', {}, el('time', { datetime: e.generated_at }, formatDate(String(e.generated_at ?? '').slice(0, 10), lang))),
              el('td', { class: 'path' }, e.path),
              el('td', {}, el('code', { class: 'sha256', title: e.sha256 }, shortSha(e.sha256))),
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    history.replaceChildren(el('p', { class: 'status error', role: 'alert' }, error.message));
  }
}
