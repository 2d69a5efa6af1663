// The evidence screen. Two tabs, named by the hash: the vault (#/evidence: add, scan, the
// table of items and one item's details) and the mapping
// (#/evidence?tab=requirements&scope=SCOPE_ID&req=ID: requirements with their evidence and
// the self-assessment per control question). Files dropped on the window go to the open tab.

import { el } from '../lib/dom.js';
import { Lifetime } from '../lib/lifetime.js';
import { hrefWith, paramsFromHash } from '../lib/routes.js';
import * as vault from './evidence_vault.js';
import * as mapping from './evidence_mapping.js';

const TABS = { vault, requirements: mapping };

/** The tab the hash names, the vault unless it says otherwise. */
function tabOf(params) {
  return Object.hasOwn(TABS, params.tab ?? '') ? params.tab : 'vault';
}

export function render(app, _screen, life) {
  const { t } = app;
  const params = paramsFromHash(location.hash);
  let tab = tabOf(params);
  // Each draw of a tab lives inside the screen's lifetime and ends when the tab is switched.
  let tabLife = null;
  const panel = el('div', { class: 'tab-panel', role: 'tabpanel', id: 'evidence-tab-panel', dataset: { tab } });
  const tabs = el(
    'div',
    { class: 'tabs', role: 'tablist', 'aria-label': t('screen.evidence.title') },
    Object.keys(TABS).map((name) =>
      el(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `evidence-tab-${name}`,
          'aria-selected': String(tab === name),
          'aria-controls': 'evidence-tab-panel',
          dataset: { tab: name },
          onclick: () => {
            if (tab === name) return;
            tab = name;
            // The hash remembers the tab (and the scope) without redrawing the whole screen.
            const keep = paramsFromHash(location.hash);
            history.replaceState(null, '', hrefWith('evidence', name === 'vault' ? {} : { tab: name, scope: keep.scope }));
            for (const b of tabs.children) b.setAttribute('aria-selected', String(b.dataset.tab === name));
            draw({ ...(name === 'vault' ? {} : { scope: keep.scope }) });
          },
        },
        t(`evidence_ui.tab_${name}`),
      ),
    ),
  );
  const draw = (drawParams) => {
    tabLife?.end();
    tabLife = Lifetime.start(life);
    panel.dataset.tab = tab;
    // A fresh container per draw: a slower, older draw then fills a detached node.
    const target = el('div', {}, el('p', { class: 'loading' }, t('app.loading')));
    panel.replaceChildren(target);
    TABS[tab].render(app, target, drawParams, tabLife).catch((error) => {
      target.replaceChildren(el('p', { class: 'status error', role: 'alert' }, error.message));
    });
  };
  draw(params);
  return el(
    'section',
    { dataset: { view: 'evidence' } },
    el('h1', {}, t('screen.evidence.title')),
    el('p', { class: 'intro' }, t('screen.evidence.holds')),
    tabs,
    panel,
  );
}

/** The quick scan at start ended: a vault on screen shows the states it found. */
export function onEvidenceScanned() {
  if (document.getElementById('evidence-tab-panel')?.dataset.tab === 'vault') vault.refresh().catch(() => {});
}

/**
 * Files dropped on the window: the open tab decides. `position` (CSS pixels) lets the
 * requirements tab link them to the requirement they were dropped on.
 */
export function onFilesDropped(app, paths, position) {
  const panel = document.getElementById('evidence-tab-panel');
  if (!panel || !paths.length) return;
  TABS[panel.dataset.tab]?.onFilesDropped?.(app, paths, position);
}
