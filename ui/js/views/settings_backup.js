// The "Backup and restore" section of Settings: write a backup of the open workspace, restore
// a backup into a new folder (and switch to it), and check the workspace (database, vault,
// journal). Backup and restore report progress as events (jobs 'backup' and 'restore'); all
// three are the one long job the backend runs at a time and stop with job_cancel.
//
// What runs and what was found lives in this module, not in the DOM, and is drawn into
// whichever elements are on the page: a job keeps showing after the screen is redrawn.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { formatSize } from '../lib/evidence_table.js';
import { checkSummary, formatTime, verifySummary } from '../lib/history.js';
import { markFields, show } from './form.js';
import { cancelButton, drawJobProgress, jobProgress, watchJobs } from '../widgets/job_progress.js';
import { chooseButton, pathField, pathInput } from '../widgets/path_field.js';

/** The jobs with a progress bar; the check has none (it reports when done). */
const PROGRESS_JOBS = ['backup', 'restore'];

// The job running ('backup', 'restore', 'check' or null) and its last progress report.
const run = { job: null, last: null, app: null };
// What the section shows: paths typed, each part's status line and last result.
const view = {
  backupPath: '',
  restoreFile: '',
  restoreTarget: '',
  status: { backup: null, restore: null, check: null },
  backup: null,
  restore: null,
  check: null,
};

function listenOnce(app) {
  run.app = app;
  watchJobs(PROGRESS_JOBS, (progress) => {
    if (progress.job !== run.job) return;
    run.last = progress;
    drawProgress();
  });
}

/** The section; backing up and checking only when a workspace is open. */
export function backupPanel(app) {
  listenOnce(app);
  const { t, workspace } = app;
  const open = Boolean(workspace.info);
  const panel = el(
    'section',
    { class: 'panel backup-panel', id: 'backup-panel', 'aria-labelledby': 'backup-heading' },
    el('h2', { id: 'backup-heading' }, t('backup_ui.title')),
    el('p', { class: 'hint backup-intro' }, t('backup_ui.intro')),
    open ? backupPart(app) : el('p', { class: 'hint' }, t('backup_ui.needs_workspace')),
    restorePart(app),
    open ? checkPart(app) : null,
  );
  queueMicrotask(drawAll);
  return panel;
}

/** A Choose button that puts the picked path into `input` (and `remember`s it). */
function choose(t, id, pick, input, remember, statusPart) {
  return chooseButton({
    id,
    text: t('backup_ui.choose'),
    pick,
    input,
    onPicked: remember,
    onError: (error) => setStatus(statusPart, error.message, 'error'),
    className: 'start-button',
  });
}

/** The progress bar, its text and the cancel button of `job`, hidden while it does not run. */
function jobWidget(t, job, label) {
  return jobProgress(job, label, t('backup_ui.cancel'));
}

function backupPart(app) {
  const { t } = app;
  const path = pathInput('backup-path', view.backupPath, 'out');
  path.addEventListener('input', () => (view.backupPath = path.value));
  const chooser = choose(t, 'backup-choose', api.pickBackupOut, path, (p) => (view.backupPath = p), 'backup');
  const form = el(
    'form',
    { id: 'backup-form', class: 'form backup-form', novalidate: true, 'aria-labelledby': 'backup-write-heading' },
    el('h3', { id: 'backup-write-heading' }, t('backup_ui.backup_heading')),
    pathField({ name: 'out', input: path, label: t('backup_ui.path'), choose: chooser, hint: t('backup_ui.path_hint') }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'backup-start', class: 'primary start-button' }, t('backup_ui.start'))),
    jobWidget(t, 'backup', t('backup_ui.progress')),
    el('p', { id: 'backup-status', class: 'status', role: 'status' }),
    el('div', { id: 'backup-result', class: 'job-result', hidden: true }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    startBackup(form);
  });
  return form;
}

async function startBackup(form) {
  const { t } = run.app;
  if (run.job) return;
  const out = view.backupPath.trim();
  if (!out) {
    markFields(form, { fields: [{ field: 'out', message: t('backup_ui.path_missing') }] });
    return;
  }
  markFields(form, null);
  view.backup = null;
  await runJob('backup', async () => {
    view.backup = await api.writeBackup(out);
    setStatus('backup', t('backup_ui.done'), 'ok');
  }, () => document.getElementById('backup-form'), 'out');
}

function restorePart(app) {
  const { t } = app;
  const file = pathInput('restore-file', view.restoreFile, 'file');
  file.addEventListener('input', () => (view.restoreFile = file.value));
  const target = pathInput('restore-target', view.restoreTarget, 'workspace');
  target.addEventListener('input', () => (view.restoreTarget = target.value));
  const form = el(
    'form',
    { id: 'restore-form', class: 'form backup-form', novalidate: true, 'aria-labelledby': 'restore-heading' },
    el('h3', { id: 'restore-heading' }, t('backup_ui.restore_heading')),
    el('p', { class: 'hint' }, t('backup_ui.restore_hint')),
    pathField({
      name: 'file',
      input: file,
      label: t('backup_ui.restore_file'),
      choose: choose(t, 'restore-choose-file', api.pickBackupFile, file, (p) => (view.restoreFile = p), 'restore'),
    }),
    pathField({
      name: 'workspace',
      input: target,
      label: t('backup_ui.restore_target'),
      choose: choose(t, 'restore-choose-target', api.pickFolder, target, (p) => (view.restoreTarget = p), 'restore'),
      hint: t('backup_ui.restore_target_hint'),
    }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'restore-start', class: 'primary start-button' }, t('backup_ui.restore_start'))),
    jobWidget(t, 'restore', t('backup_ui.restore_progress')),
    el('p', { id: 'restore-status', class: 'status', role: 'status' }),
    el('div', { id: 'restore-result', class: 'job-result', hidden: true }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    startRestore(form);
  });
  return form;
}

async function startRestore(form) {
  const { t } = run.app;
  if (run.job) return;
  const file = view.restoreFile.trim();
  const target = view.restoreTarget.trim();
  const missing = [
    file ? null : { field: 'file', message: t('backup_ui.restore_file_missing') },
    target ? null : { field: 'workspace', message: t('backup_ui.restore_target_missing') },
  ].filter(Boolean);
  if (missing.length) {
    markFields(form, { fields: missing });
    return;
  }
  markFields(form, null);
  view.restore = null;
  await runJob('restore', async () => {
    view.restore = await api.restoreBackup(file, target);
    setStatus('restore', t('backup_ui.restore_done'), 'ok');
  }, () => document.getElementById('restore-form'), 'workspace');
}

function checkPart(app) {
  const { t } = app;
  const start = el('button', { type: 'button', id: 'check-start', class: 'primary start-button' }, t('backup_ui.check_start'));
  start.addEventListener('click', startCheck);
  const cancel = cancelButton('check-cancel', t('backup_ui.cancel'), { hidden: true });
  return el(
    'div',
    { class: 'form backup-form', id: 'check-part', role: 'group', 'aria-labelledby': 'check-heading' },
    el('h3', { id: 'check-heading' }, t('backup_ui.check_heading')),
    el('p', { class: 'hint' }, t('backup_ui.check_hint')),
    el('div', { class: 'actions' }, start, cancel),
    el('p', { id: 'check-status', class: 'status', role: 'status' }),
    el('div', { id: 'check-result', class: 'job-result', hidden: true }),
  );
}

async function startCheck() {
  if (run.job) return;
  view.check = null;
  await runJob('check', async () => {
    view.check = await api.checkWorkspace();
    setStatus('check', null);
  });
}

/**
 * Runs one job with its status line and progress showing. A refusal goes to the status line
 * and, when it names fields, next to them (`fallbackField` when the backend names none but the
 * path is what failed, e.g. a folder that cannot be written).
 */
async function runJob(job, work, form = () => null, fallbackField = null) {
  const { t } = run.app;
  run.job = job;
  run.last = null;
  setStatus(job, t(`backup_ui.${job === 'backup' ? 'running' : `${job}_running`}`));
  drawAll();
  try {
    await work();
  } catch (error) {
    const container = form();
    if (container) {
      const located = fallbackField && error.code === 'not_writable' && !error.fields?.length
        ? { fields: [{ field: fallbackField, message: error.message }] }
        : error;
      markFields(container, located);
    }
    setStatus(job, error.message, 'error');
  } finally {
    run.job = null;
    run.last = null;
    drawAll();
  }
}

function setStatus(part, text, kind = '') {
  view.status[part] = text ? { text, kind } : null;
  drawStatus(part);
}

function drawStatus(part) {
  const line = document.getElementById(`${part}-status`);
  if (!line) return;
  const status = view.status[part];
  show(line, status?.text ?? '', status?.kind ?? '');
}

function drawAll() {
  if (!run.app || !document.getElementById('backup-panel')) return;
  for (const part of ['backup', 'restore', 'check']) drawStatus(part);
  for (const button of document.querySelectorAll('#backup-panel .start-button')) button.disabled = Boolean(run.job);
  const checkCancel = document.getElementById('check-cancel');
  if (checkCancel) {
    checkCancel.hidden = run.job !== 'check';
    checkCancel.disabled = false;
  }
  drawProgress();
  drawBackupResult();
  drawRestoreResult();
  drawCheckResult();
}

function drawProgress() {
  if (!run.app) return;
  const { t, lang } = run.app;
  for (const job of PROGRESS_JOBS) {
    drawJobProgress(job, { visible: run.job === job, progress: run.last, t, lang, messages: 'backup_ui' });
  }
}

/** A list of facts: [[label, value, props]] → <dl class="facts">. */
function facts(rows) {
  return el(
    'dl',
    { class: 'facts' },
    rows.flatMap(([label, value, props = {}]) => [el('dt', {}, label), el('dd', props, value)]),
  );
}

function drawBackupResult() {
  const host = document.getElementById('backup-result');
  if (!host) return;
  const written = view.backup;
  host.hidden = !written;
  if (!written) return host.replaceChildren();
  const { t, lang } = run.app;
  host.replaceChildren(
    facts([
      [t('backup_ui.file'), written.path, { id: 'backup-file', class: 'path' }],
      [t('backup_ui.size'), formatSize(written.bytes, lang), { id: 'backup-size' }],
      [t('backup_ui.sha256'), el('code', { id: 'backup-sha256', class: 'sha256' }, written.sha256)],
      [t('backup_ui.contents'), t('backup_ui.contents_value', { blobs: written.blobs, entries: written.journal_entries })],
      [t('backup_ui.created'), el('time', { datetime: written.created_at }, formatTime(written.created_at, lang))],
    ]),
  );
}

function drawRestoreResult() {
  const host = document.getElementById('restore-result');
  if (!host) return;
  const restored = view.restore;
  host.hidden = !restored;
  if (!restored) return host.replaceChildren();
  const app = run.app;
  const { t, lang } = app;
  const journal = verifySummary(restored.journal, 'check');
  const open = el('button', { type: 'button', id: 'restore-open', class: 'primary' }, t('backup_ui.restore_open'));
  open.addEventListener('click', async () => {
    open.disabled = true;
    try {
      const state = await api.openWorkspace(restored.workspace);
      // The folder holds a workspace now: a second restore needs another one.
      view.restore = null;
      view.restoreTarget = '';
      setStatus('restore', null);
      app.flash = { part: 'workspace', key: 'settings.workspace_switched', args: { path: state.dir } };
      await app.reload();
    } catch (error) {
      setStatus('restore', error.message, 'error');
      open.disabled = false;
    }
  });
  const problems = journal.problems.length
    ? [el('ul', { class: 'problems', role: 'alert' }, journal.problems.map((p) => el('li', {}, p)))]
    : [];
  host.replaceChildren(
    facts([
      [t('backup_ui.restore_workspace'), restored.workspace, { id: 'restore-workspace', class: 'path' }],
      [t('backup_ui.created'), el('time', { datetime: restored.created_at }, formatTime(restored.created_at, lang))],
      [t('backup_ui.contents'), t('backup_ui.contents_value', { blobs: restored.blobs, entries: restored.journal?.entries ?? 0 })],
      [t('backup_ui.size'), formatSize(restored.bytes, lang)],
      [t('backup_ui.restore_schema'), String(restored.schema_version)],
    ]),
    el('p', { class: `status ${journal.ok ? 'ok' : 'error'}`, id: 'restore-journal' }, t(journal.key, journal.args)),
    ...problems,
    el('div', { class: 'actions' }, open),
  );
}

function drawCheckResult() {
  const host = document.getElementById('check-result');
  if (!host) return;
  const report = view.check;
  host.hidden = !report;
  if (!report) return host.replaceChildren();
  const { t } = run.app;
  const lines = checkSummary(report);
  const ok = lines.every((line) => line.ok);
  host.replaceChildren(
    el('p', { class: `status ${ok ? 'ok' : 'error'}`, id: 'check-overall', role: ok ? null : 'alert' }, t(ok ? 'backup_ui.check_ok' : 'backup_ui.check_bad')),
    el(
      'ul',
      { class: 'check-lines' },
      lines.map((line) =>
        el(
          'li',
          { class: line.ok ? 'ok' : 'error', dataset: { part: line.part } },
          t(line.key, line.args),
          line.problems.length ? el('ul', { class: 'problems' }, line.problems.map((p) => el('li', {}, p))) : null,
        ),
      ),
    ),
  );
}
