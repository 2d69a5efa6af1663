// The progress of the one long evidence job (adding files or scanning sources), shared by both
// tabs of the evidence screen (widgets/job_progress.js). It is kept here, not in the DOM, and
// drawn into whichever widget is on the page, so a job keeps showing after switching tabs.

import { drawJobProgress, jobProgress, watchJobs } from '../widgets/job_progress.js';

const job = { running: 0, kind: null, last: null, app: null };

/** The widget: hidden while nothing runs. */
export function progressWidget(app) {
  job.app = app;
  watchJobs(['add', 'scan'], (progress) => {
    job.last = progress;
    update();
  });
  const widget = jobProgress('evidence', '', app.t('vault.cancel'));
  queueMicrotask(update);
  return widget;
}

/** Draws the current state into the widget on the page, if there is one. */
function update() {
  if (!job.app) return;
  const { t, lang } = job.app;
  const p = job.last;
  // Events of a job started elsewhere (the quick scan at start) show until their last file.
  const visible = job.running > 0 || Boolean(p && p.files_done < p.files_total);
  const kind = (job.running ? job.kind : p?.job) ?? 'add';
  drawJobProgress('evidence', {
    visible,
    progress: p,
    t,
    lang,
    messages: 'vault',
    label: t(kind === 'scan' ? 'vault.job_scan' : 'vault.job_add'),
  });
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
