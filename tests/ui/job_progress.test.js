import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressFraction, progressText } from '../../ui/js/lib/job_progress.js';

// A message lookup that shows which key and arguments were asked for.
const t = (key, args) => (args ? `${key}(${Object.values(args).join(',')})` : key);

test('before the first report the line says the job is starting, in the screen\'s own messages', () => {
  assert.equal(progressText(null, t, 'export_ui'), 'export_ui.progress_starting');
  assert.equal(progressText(undefined, t, 'vault'), 'vault.progress_starting');
});

test('a job that knows no bytes counts files only', () => {
  const p = { job: 'check', files_done: 3, files_total: 10, bytes_done: 0, bytes_total: 0 };
  assert.equal(progressText(p, t, 'backup_ui'), 'backup_ui.progress_files(3,10)');
});

test('a job that knows its bytes adds them, formatted in the user\'s language', () => {
  const p = { job: 'add', files_done: 1, files_total: 2, bytes_done: 1024, bytes_total: 2048 };
  const text = progressText(p, t, 'vault', 'en');
  assert.match(text, /^vault\.progress_files\(1,2\) · vault\.progress_bytes\(/);
  assert.ok(text.includes('1 kB') && text.includes('2 kB'), `sizes are formatted: ${text}`);
});

test('the bar follows bytes when known, else files, and is indeterminate before any report', () => {
  assert.equal(progressFraction(null), null);
  assert.equal(progressFraction({ files_done: 1, files_total: 4, bytes_done: 0, bytes_total: 0 }), 0.25);
  assert.equal(progressFraction({ files_done: 1, files_total: 4, bytes_done: 3, bytes_total: 4 }), 0.75);
});
