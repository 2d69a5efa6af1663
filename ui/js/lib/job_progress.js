// What a long job's progress bar shows, as pure functions of the backend's `job-progress`
// report ({ job, files_done, files_total, bytes_done, bytes_total }); the widget that draws it
// is widgets/job_progress.js.

import { formatSize, progressFraction } from './evidence_table.js';

export { progressFraction };

/**
 * The line under a progress bar: "starting" before the first report, then "3 of 10 files",
 * with " · 1 MB of 4 MB" when the job knows its bytes. `prefix` names the screen's messages
 * (`vault`, `export_ui`, `backup_ui`), each of which has `progress_starting`,
 * `progress_files` and `progress_bytes`.
 */
export function progressText(progress, t, prefix, lang = 'en') {
  if (!progress) return t(`${prefix}.progress_starting`);
  const files = t(`${prefix}.progress_files`, { done: progress.files_done, total: progress.files_total });
  if (!(progress.bytes_total > 0)) return files;
  const bytes = t(`${prefix}.progress_bytes`, {
    done: formatSize(progress.bytes_done, lang),
    total: formatSize(progress.bytes_total, lang),
  });
  return `${files} · ${bytes}`;
}
