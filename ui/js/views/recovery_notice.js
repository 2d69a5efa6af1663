// The notice shown after the shell's watchdog restarted the window: the web process that drew
// it had died (src-tauri/src/watchdog.rs) and this page replaced it. It stays above every screen
// until dismissed.

import { el } from '../lib/dom.js';

/**
 * The notice for `recovery` ({ reason: 'crashed' | 'memory', restarts }, from the
 * `webview_recovery` command), or null without one; `onDismiss` runs when it is closed.
 */
export function recoveryNotice(app, recovery, onDismiss) {
  if (!recovery) return null;
  const { t } = app;
  const reason = t(recovery.reason === 'memory' ? 'webview.reason_memory' : 'webview.reason_crashed');
  const notice = el(
    'div',
    { id: 'recovery-notice', class: 'notice-banner', role: 'alert', dataset: { reason: recovery.reason } },
    el('strong', {}, t('webview.restarted_title')),
    ' ',
    el('span', {}, t('webview.restarted', { reason })),
    recovery.restarts > 1 ? el('span', {}, ' ', t('webview.restarts', { count: recovery.restarts })) : null,
    el(
      'button',
      {
        type: 'button',
        id: 'recovery-dismiss',
        onclick: () => {
          notice.remove();
          onDismiss();
        },
      },
      t('webview.dismiss'),
    ),
  );
  return notice;
}
