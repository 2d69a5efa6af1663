// The scope screen: what is audited. Three tabs: locations with their TISAX labels, VCS
// scopes (wizard, applicability, deviations, prerequisite check), protection objects with
// sampling.

import { el } from '../lib/dom.js';
import { paramsFromHash } from '../lib/routes.js';
import { Lifetime } from '../lib/lifetime.js';
import * as locations from './scope_locations.js';
import * as scopes from './scope_scopes.js';
import * as objects from './scope_objects.js';

const TABS = { locations, scopes, objects };
const view = { tab: 'scopes' };

export function render(app, _screen, life) {
  const { t } = app;
  // A link may name the tab (the one search's jump to a location or a scope).
  const wanted = paramsFromHash(location.hash).tab;
  if (Object.hasOwn(TABS, wanted ?? '')) view.tab = wanted;
  // Each draw of a tab lives inside the screen's lifetime and ends when the tab is switched.
  let tabLife = null;
  const panel = el('div', { class: 'tab-panel', role: 'tabpanel', id: 'scope-tab-panel' });
  const tabs = el(
    'div',
    { class: 'tabs', role: 'tablist', 'aria-label': t('screen.scope.title') },
    Object.keys(TABS).map((name) =>
      el(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `scope-tab-${name}`,
          'aria-selected': String(view.tab === name),
          'aria-controls': 'scope-tab-panel',
          dataset: { tab: name },
          onclick: () => {
            view.tab = name;
            for (const b of tabs.children) b.setAttribute('aria-selected', String(b.dataset.tab === name));
            draw();
          },
        },
        t(`scope.tab_${name}`),
      ),
    ),
  );
  const draw = () => {
    tabLife?.end();
    tabLife = Lifetime.start(life);
    // Each draw renders into a fresh container: a slower, older draw then fills a detached
    // node instead of overwriting the tab the user switched to.
    const target = el('div', {}, el('p', { class: 'loading' }, t('app.loading')));
    panel.replaceChildren(target);
    TABS[view.tab].render(app, target, tabLife).catch((error) => {
      target.replaceChildren(el('p', { class: 'status error', role: 'alert' }, error.message));
    });
  };
  draw();
  return el(
    'section',
    { dataset: { view: 'scope' } },
    el('h1', {}, t('screen.scope.title')),
    el('p', { class: 'intro' }, t('scope.intro')),
    tabs,
    panel,
  );
}
