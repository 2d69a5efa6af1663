// Starts the UI: loads the message catalogue and the workspace state, draws the navigation
// and shows the screen the location hash names. Views get one `app` object:
//   app.t(key, args)   a text in the current language
//   app.workspace      { dir, info, read_only } or { dir, error } from the backend
//   app.reload()       reloads both and redraws (after a language or workspace change)
//   app.flash          a one-time status { screen, key, args } the next render shows
//   app.vocabulary     core's lists, the rules' limits and the rules in force (`vocabulary`),
//                      or null without an open workspace: the UI keeps no copy of them
//   app.refreshVocabulary()  loads it again (after the rules change)
// Once the first workspace is open, a quick scan checks the evidence sources in the
// background and reports in the header (#scan-status); not in a read-only workspace, whose
// changes would all be refused. A read-only workspace shows a banner above every screen. On a
// workspace on PostgreSQL, changes by other desks redraw the screen and the header names who
// else has it open (#live-status).
//
// Each screen drawn gets a lifetime (lib/lifetime.js) as `render(app, screen, life)`'s third
// argument; drawing the next screen ends it: the answers still on their way to the old screen
// are dropped (api/ipc.js), its timers and listeners taken through `life` go, and its nodes
// leave the page. When this page replaced one whose web process had died (the shell's
// watchdog), a notice says so above every screen until dismissed.

import * as api from './api/commands.js';
import { onFilesDropped } from './api/events.js';
import { translator } from './lib/i18n.js';
import { quietQueue } from './lib/quiet.js';
import { SCREENS, hrefOf, screenFromHash } from './lib/routes.js';
import { el, speakDates } from './lib/dom.js';
import { Lifetime } from './lib/lifetime.js';
import { readOnlyBanner } from './views/read_only.js';
import { recoveryNotice } from './views/recovery_notice.js';
import { installSearch } from './views/search.js';
import { installLiveStatus } from './widgets/live_status.js';
import { guardReadOnly } from './lib/read_only_guard.js';

// Each screen's module is loaded when the screen is first shown, so the start loads only the
// one it opens on; the others follow one at a time whenever the user pauses (`preloadViews`).
const VIEW_MODULES = {
  dashboard: () => import('./views/dashboard.js'),
  catalogue: () => import('./views/catalogue.js'),
  scope: () => import('./views/scope.js'),
  evidence: () => import('./views/evidence.js'),
  audits: () => import('./views/audits.js'),
  deadlines: () => import('./views/deadlines.js'),
  export: () => import('./views/export.js'),
  history: () => import('./views/history.js'),
  settings: () => import('./views/settings.js'),
};
// The modules loaded so far, by screen.
const VIEWS = {};

async function loadView(screen) {
  VIEWS[screen] ??= await VIEW_MODULES[screen]();
  return VIEWS[screen];
}

// Work nobody clicked for (the other screens' modules, the quick scan) runs while the user
// pauses, one task at a time, so that it never competes with a screen the user opened for the
// page or the workspace (lib/quiet.js). Keys, clicks, wheels and navigation are activity.
const QUIET_MS = 500;
const quiet = quietQueue({ quietMs: QUIET_MS });
for (const type of ['keydown', 'pointerdown', 'wheel']) {
  document.addEventListener(type, () => quiet.activity(), { capture: true, passive: true });
}

let preloaded = false;

/** Queues the loading of the other screens' modules, one task each, once. */
function preloadViews() {
  if (preloaded) return;
  preloaded = true;
  for (const screen of SCREENS) quiet.add(() => loadView(screen).catch(() => null));
}

const app = {
  t: (key) => key,
  lang: 'en',
  workspace: null,
  flash: null,
  vocabulary: null,
  reload,
  refreshVocabulary,
};

async function refreshVocabulary() {
  app.vocabulary = app.workspace?.info ? await api.vocabulary() : null;
  return app.vocabulary;
}

/**
 * Loads the messages, the workspace state and the vocabulary at once (one round trip, not
 * three in a row: the vocabulary is asked for before knowing whether a workspace is open,
 * and dropped when none is), then redraws.
 */
async function reload() {
  const [{ lang, messages }, workspace, vocabulary] = await Promise.all([
    api.messages(),
    api.workspaceState(),
    api.vocabulary().catch(() => null),
    recovered,
  ]);
  app.t = translator(messages, lang);
  speakDates(lang, app.t);
  app.lang = lang;
  app.workspace = workspace;
  app.vocabulary = workspace?.info ? vocabulary : null;
  document.documentElement.lang = lang;
  // A read-only workspace shows no editing controls (lib/read_only_guard.js, css/app.css).
  document.body.dataset.readOnly = workspace?.read_only ? 'true' : 'false';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = app.t(node.dataset.i18n);
  renderNav();
  installSearch(app);
  await renderScreen();
  live.follow();
  // The scan waits for the user's first pause (at most SCAN_WAIT_MS): it reads every item's
  // source and stats every file, which at tens of thousands of items would hold the workspace
  // and both processors just when a screen asks for its data. It goes before the preloading,
  // whose tasks wait while it runs.
  if (!scanned) quiet.add(quickScan, { first: true, maxWaitMs: SCAN_WAIT_MS });
  preloadViews();
}

function renderNav() {
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', app.t('nav.label'));
  const items = SCREENS.map((screen) =>
    el('li', {}, el('a', { href: hrefOf(screen), dataset: { nav: screen } }, app.t(`nav.${screen}`))),
  );
  nav.replaceChildren(el('ul', {}, items));
}

// The lifetime of the screen on show; the watchdog's note while it is not dismissed.
let screenLife = null;
let recovery = null;

// Counts the screens asked for, so that a screen whose module arrives after the user moved on
// is not drawn.
let asked = 0;

async function renderScreen() {
  // The one search's dialog belongs to no screen: a jump or any navigation closes it.
  document.getElementById('search-dialog')?.close();
  const screen = screenFromHash(location.hash);
  quiet.activity();
  const ask = ++asked;
  // `screenFromHash` names only screens of SCREENS, and each has its module.
  const view = VIEWS[screen] ?? (await loadView(screen));
  if (ask !== asked) return;
  const main = document.getElementById('main');
  // The old screen ends before the next one starts, and its nodes go first, so the two never
  // hold memory at the same time.
  screenLife?.end();
  main.replaceChildren();
  screenLife = Lifetime.start();
  const notice = recoveryNotice(app, recovery, () => (recovery = null));
  main.replaceChildren(...[notice, readOnlyBanner(app), view.render(app, screen, screenLife)].filter(Boolean));
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === screen) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${app.t(`nav.${screen}`)} · ${app.t('app.title')}`;
  live.drawn();
}

guardReadOnly(document.getElementById('main'), () => document.body.dataset.readOnly === 'true');

// On a workspace on PostgreSQL: changes by other desks redraw the screen, and the header
// names who else has it open (widgets/live_status.js).
const live = installLiveStatus(app, () => renderScreen());

// Files dropped on the window go to the screen that is open, if it takes files; `position`
// (CSS pixels) tells the evidence screen which requirement they were dropped on.
onFilesDropped((paths, position) => VIEWS[screenFromHash(location.hash)]?.onFilesDropped?.(app, paths, position));

let scanned = false;
const SCAN_WAIT_MS = 10_000;

/**
 * Checks every evidence source once per start (the quick way: size and time first), without
 * blocking the UI. Says so in the header; when something changed, it links to the vault.
 */
async function quickScan() {
  if (scanned || !app.workspace?.info || app.workspace.read_only) return;
  scanned = true;
  const status = document.getElementById('scan-status');
  const say = (...content) => {
    status.replaceChildren(...content);
    status.hidden = content.length === 0;
  };
  say(app.t('scan.running'));
  try {
    const report = await api.scanEvidence(false);
    // The vault lists what the scan found; its module is loaded for that, not at the start.
    (await import('./views/evidence_vault.js')).rememberScan(report);
    const changed = report.changed.length;
    const missing = report.missing.length;
    const unreachable = report.unreachable?.length ?? 0;
    if (!changed && !missing && !unreachable && !report.failed.length) {
      // Nothing changed at the sources: what the screen shows still holds.
      say();
      return;
    }
    // Sources other desks recorded in folders not reachable here are named, not missing.
    const elsewhere = unreachable ? ` · ${app.t('scan.unreachable', { count: unreachable })}` : '';
    say(el('a', { href: hrefOf('evidence'), id: 'scan-status-link' }, app.t('scan.done', { changed, missing }) + elsewhere));
    const screen = screenFromHash(location.hash);
    if (screen === 'dashboard') renderScreen();
    else VIEWS[screen]?.onEvidenceScanned?.();
  } catch (error) {
    // The one refusal a scan has (invalid_input, "busy"): an addition or scan already runs,
    // and that one reports for itself.
    if (error.code === 'invalid_input') say();
    else say(app.t('scan.failed', { message: error.message }));
  }
}

window.addEventListener('hashchange', () => {
  renderScreen().then(() => document.getElementById('main').focus());
});

// The watchdog's note, asked for beside the first load (`reload` waits for it), not before.
const recovered = api
  .webviewRecovery()
  .catch(() => null)
  .then((note) => (recovery = note));
reload()
  .catch((error) => {
    document.getElementById('main').replaceChildren(el('p', { class: 'status error', role: 'alert' }, error.message));
  })
  .finally(() => {
    document.body.dataset.ready = 'true';
  });
