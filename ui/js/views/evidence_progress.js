// The progress of the one long evidence job (adding files or scanning sources), shared by both
// tabs of the evidence screen: a <progress> bar, "3 of 10 files" and a cancel button. The
// backend reports progress as events; this module listens once and updates whichever widget
// is on the page, so a job keeps showing after switching tabs.

import * as api from '../api/commands.js';
import { onProgress } from '../api/events.js';
import { el } from '../lib/dom.js';
import { formatSize, progressFraction } from '../lib/evidence_table.js';

const job = { running: 0, kind: null, last: null, app: null, listening: false };

function listenOnce(app) {
  job.app = app;
  if (job.listening) return;
  job.listening = true;
  onProgress((progress) => {
    // Exports, backups and restores report on the same channel and show in their own screens.
    if (progress?.job && !['add', 'scan'].includes(progress.job)) return;
    job.last = progress;
    update();
  }).catch(() => {
    job.listening = false;
  });
}

/** The widget: hidden while nothing runs. */
export function progressWidget(app) {
  listenOnce(app);
  const { t } = app;
  const widget = el(
    'div',
    { class: 'job-progress', id: 'evidence-job', hidden: true },
    el('label', { for: 'evidence-progress', id: 'evidence-progress-label', class: 'job-label' }),
    el('progress', { id: 'evidence-progress', max: 1, hidden: true }),
    el('span', { id: 'evidence-progress-text', class: 'hint', 'aria-live': 'polite' }),
    el('button', {
      type: 'button',
      id: 'evidence-cancel',
      onclick: async (event) => {
        event.currentTarget.disabled = true;
        try {
          await api.cancelJob();
        } catch {
          // Nothing runs any more: the widget hides with the job's end.
        }
      },
    }, t('vault.cancel')),
  );
  queueMicrotask(update);
  return widget;
}

/** Draws the current state into the widget on the page, if there is one. */
function update() {
  const widget = document.getElementById('evidence-job');
  if (!widget || !job.app) return;
  const { t, lang } = job.app;
  const p = job.last;
  // Events of a job started elsewhere (the quick scan at start) show until their last file.
  const visible = job.running > 0 || Boolean(p && p.files_done < p.files_total);
  widget.hidden = !visible;
  const bar = document.getElementById('evidence-progress');
  bar.hidden = !visible;
  if (!visible) return;
  const kind = (job.running ? job.kind : p?.job) ?? 'add';
  document.getElementById('evidence-progress-label').textContent = t(kind === 'scan' ? 'vault.job_scan' : 'vault.job_add');
  const fraction = progressFraction(p);
  if (fraction === null) bar.removeAttribute('value');
  else bar.value = fraction;
  const text = document.getElementById('evidence-progress-text');
  if (!p) text.textContent = t('vault.progress_starting');
  else {
    const files = t('vault.progress_files', { done: p.files_done, total: p.files_total });
    text.textContent = p.bytes_total > 0
      ? `${files} · ${t('vault.progress_bytes', { done: formatSize(p.bytes_done, lang), total: formatSize(p.bytes_total, lang) })}`
      : files;
  }
  document.getElementById('evidence-cancel').disabled = false;
}

/** Runs `work` (an addition or scan of kind 'add' or 'scan') with the widget showing. */
export async function runJob(kind, work) {
  job.running += 1;
  job.kind = kind;
  job.last = null;
  update();
  try {
    return await work();
  } finally {
    job.running -= 1;
    if (!job.running) {
      job.kind = null;
      job.last = null;
    }
    update();
  }
}
