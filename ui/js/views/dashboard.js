// The dashboard: who the company is, which workspace is open, and what to do next.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { hrefOf } from '../lib/routes.js';

export function render(app) {
  const { t, workspace } = app;
  const section = el('section', { dataset: { view: 'dashboard' } }, el('h1', {}, t('dashboard.title')));
  if (workspace.error) {
    section.append(unavailable(app));
    return section;
  }
  const profile = workspace.info.profile;
  const value = (text) => (text ? el('span', {}, text) : el('span', { class: 'not-set' }, t('dashboard.not_set')));
  section.append(
    el('p', { class: 'intro' }, t('dashboard.intro')),
    el(
      'div',
      { class: 'panel' },
      el(
        'dl',
        { class: 'facts' },
        el('dt', {}, t('dashboard.company')),
        el('dd', { id: 'dashboard-company' }, value(profile.company_name)),
        el('dt', {}, t('dashboard.participant_id')),
        el('dd', {}, value(profile.participant_id)),
        el('dt', {}, t('dashboard.workspace')),
        el('dd', { class: 'path' }, workspace.dir),
      ),
    ),
    el('div', { class: 'panel' }, el('h2', {}, t('dashboard.getting_started')), steps(app, profile)),
    scopeChecks(app),
    el('p', { class: 'coming' }, t('dashboard.coming')),
  );
  return section;
}

function steps({ t }, profile) {
  const step = (key, state, href) =>
    el(
      'li',
      {},
      href ? el('a', { href }, t(key)) : el('span', {}, t(key)),
      el('span', { class: `badge ${state}` }, t(`dashboard.step_${state}`)),
    );
  return el(
    'ul',
    { class: 'steps' },
    step('dashboard.step_profile', profile.company_name ? 'done' : 'open', hrefOf('settings')),
    catalogueStep(t),
    scopeStep(t),
    step('dashboard.step_evidence', 'later'),
  );
}

/** The scope step, done once a scope exists. */
function scopeStep(t) {
  const badge = el('span', { class: 'badge open', id: 'step-scope' }, t('dashboard.step_open'));
  api
    .scopes()
    .then((list) => {
      if (list.length) {
        badge.className = 'badge done';
        badge.textContent = t('dashboard.step_done');
      }
    })
    .catch(() => {});
  return el('li', {}, el('a', { href: hrefOf('scope') }, t('dashboard.step_scope')), badge);
}

/** Each scope's prerequisite checklist for its planned audit date. */
function scopeChecks({ t }) {
  const host = el('div', { id: 'dashboard-scopes' });
  api
    .scopes()
    .then((list) => {
      host.replaceChildren(
        ...list.map((s) =>
          el(
            'div',
            { class: 'panel', dataset: { scopeCheck: s.name } },
            el('h2', {}, t('dashboard.scope_check', { name: s.name, date: s.check.checked_on })),
            el(
              'ul',
              { class: 'checklist' },
              s.check.problems.length
                ? s.check.problems.map((p) => el('li', { class: p.severity }, el('span', { class: 'mark', 'aria-hidden': 'true' }, p.severity === 'error' ? '✗' : '!'), ' ', p.message))
                : el('li', { class: 'ok' }, el('span', { class: 'mark', 'aria-hidden': 'true' }, '✓'), ' ', t('scope.all_met')),
            ),
          ),
        ),
      );
    })
    .catch(() => {});
  return host;
}

/** The catalogue step, marked done once a catalogue is imported (looked up after drawing). */
function catalogueStep(t) {
  const badge = el('span', { class: 'badge open', id: 'step-catalogue' }, t('dashboard.step_open'));
  api
    .catalogues()
    .then((list) => {
      if (list.length) {
        badge.className = 'badge done';
        badge.textContent = t('dashboard.step_done');
      }
    })
    .catch(() => {});
  return el('li', {}, el('a', { href: hrefOf('catalogue') }, t('dashboard.step_catalogue')), badge);
}

function unavailable({ t, workspace }) {
  return el(
    'div',
    { class: 'alert', role: 'alert' },
    el('h2', {}, t('workspace.unavailable_title')),
    el('p', { id: 'workspace-error' }, workspace.error.message),
    el('p', {}, el('a', { href: hrefOf('settings') }, t('workspace.unavailable_hint'))),
  );
}
