// The progress bar, its text and the Cancel button of a long job (adding or scanning evidence,
// an export, a backup or a restore). The backend runs one long job at a time, reports it as
// `job-progress` events and stops it on `job_cancel`; this module listens once for the whole
// app and hands each screen the reports of its own jobs.
//
// A widget with id prefix `p` is `#p-job` holding `#p-progress-label`, `<progress
// id="p-progress">`, `#p-progress-text` and the button `#p-cancel`.

import * as api from '../api/commands.js';
import { onProgress } from '../api/events.js';
import { el } from '../lib/dom.js';
import { progressFraction, progressText } from '../lib/job_progress.js';

// Handlers by job kind; the listener is registered on the first `watchJobs`.
const watchers = new Map();
let listening = false;

/** Calls `handler(progress)` for each report of a job whose kind is in `kinds`. */
export function watchJobs(kinds, handler) {
  for (const kind of kinds) watchers.set(kind, handler);
  if (listening) return;
  listening = true;
  onProgress((progress) => watchers.get(progress?.job)?.(progress)).catch(() => {
    listening = false;
  });
}

/** A Cancel button that asks the running long job to stop. */
export function cancelButton(id, text, props = {}) {
  return el(
    'button',
    {
      type: 'button',
      id,
      ...props,
      onclick: async (event) => {
        event.currentTarget.disabled = true;
        try {
          await api.cancelJob();
        } catch {
          // Nothing runs any more: the widget hides with the job's end.
        }
      },
    },
    text,
  );
}

/** The widget, hidden until `drawJobProgress` shows it. */
export function jobProgress(prefix, label, cancelText) {
  return el(
    'div',
    { class: 'job-progress', id: `${prefix}-job`, hidden: true },
    el('label', { for: `${prefix}-progress`, id: `${prefix}-progress-label`, class: 'job-label' }, label ?? ''),
    el('progress', { id: `${prefix}-progress`, max: 1, hidden: true }),
    el('span', { id: `${prefix}-progress-text`, class: 'hint', 'aria-live': 'polite' }),
    cancelButton(`${prefix}-cancel`, cancelText, { hidden: true }),
  );
}

/**
 * Draws the widget `prefix` on the page, if it is there: hidden unless `visible`; else the
 * fraction done (an indeterminate bar before the first report), the text of `progressText`
 * in the messages of `messages` and, when given, a new `label`. Cancel is enabled again when
 * a job starts (no report yet).
 */
export function drawJobProgress(prefix, { visible, progress, t, lang, messages, label }) {
  const widget = document.getElementById(`${prefix}-job`);
  if (!widget) return;
  const bar = document.getElementById(`${prefix}-progress`);
  const cancel = document.getElementById(`${prefix}-cancel`);
  widget.hidden = !visible;
  bar.hidden = !visible;
  cancel.hidden = !visible;
  if (!visible) return;
  if (label !== undefined) document.getElementById(`${prefix}-progress-label`).textContent = label;
  const fraction = progressFraction(progress);
  if (fraction === null) bar.removeAttribute('value');
  else bar.value = fraction;
  document.getElementById(`${prefix}-progress-text`).textContent = progressText(progress, t, messages, lang);
  if (!progress) cancel.disabled = false;
}
