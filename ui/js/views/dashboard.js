// The dashboard: who the company is, which workspace is open, what to do next, each scope's
// VCS labels counting down and the next deadlines, and each scope's readiness for its audit.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { hrefOf, hrefWith } from '../lib/routes.js';
import { labelCardsSection, nextDeadlines } from './dashboard_labels.js';
import { readinessPanel } from './dashboard_readiness.js';
import { openReadOnlyOffer } from './read_only.js';

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
      // The printable report is written on the Export screen, where its choices are.
      el(
        'p',
        { class: 'actions' },
        el('button', { type: 'button', id: 'dashboard-report', onclick: () => (location.hash = hrefWith('export', { part: 'report' })) }, t('dashboard.report')),
      ),
    ),
    el('div', { class: 'panel' }, el('h2', {}, t('dashboard.getting_started')), steps(app, profile)),
    labelCardsSection(app),
    nextDeadlines(app),
    scopePanels(app),
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
    evidenceStep(t),
  );
}

/** The evidence step, done once the vault holds something: a count, no item sent. */
function evidenceStep(t) {
  const badge = el('span', { class: 'badge open', id: 'step-evidence' }, t('dashboard.step_open'));
  api
    .evidencePage({ limit: 0 })
    .then((page) => {
      if (page.unfiltered > 0) {
        badge.className = 'badge done';
        badge.textContent = t('dashboard.step_done');
      }
    })
    .catch(() => {});
  return el('li', {}, el('a', { href: hrefOf('evidence') }, t('dashboard.step_evidence')), badge);
}

/** The scope step, done once a scope exists. */
function scopeStep(t) {
  const badge = el('span', { class: 'badge open', id: 'step-scope' }, t('dashboard.step_open'));
  api
    .scopeNames()
    .then((list) => {
      if (list.length) {
        badge.className = 'badge done';
        badge.textContent = t('dashboard.step_done');
      }
    })
    .catch(() => {});
  return el('li', {}, el('a', { href: hrefOf('scope') }, t('dashboard.step_scope')), badge);
}

/** Each scope's readiness panel with its prerequisite checklist (drawn as they arrive). */
function scopePanels(app) {
  const { t } = app;
  const host = el('div', { id: 'dashboard-scopes' });
  api
    .scopes()
    .then(async (list) => {
      if (!list.length) {
        host.replaceChildren(el('p', { class: 'hint', id: 'dashboard-no-scopes' }, t('readiness.no_scopes'), ' ', el('a', { href: hrefOf('scope') }, t('mapping.to_scope'))));
        return;
      }
      const panels = await Promise.all(list.map((scope) => scopePanel(app, scope)));
      host.replaceChildren(...panels);
    })
    .catch((error) => {
      host.replaceChildren(el('p', { class: 'status error', role: 'alert' }, error.message));
    });
  return host;
}

/** A scope's readiness panel; without readiness (no catalogue, say), its checklist and why. */
async function scopePanel(app, scope) {
  const { t } = app;
  try {
    return readinessPanel(app, scope, await api.dashboard(scope.id));
  } catch (error) {
    return el(
      'div',
      { class: 'panel readiness-panel', dataset: { readinessScope: scope.name } },
      el('h2', {}, scope.name),
      el('p', { class: 'status error' }, error.message),
      el(
        'section',
        { class: 'checklist-box', dataset: { scopeCheck: scope.name } },
        el('h3', {}, t('dashboard.scope_check', { name: scope.name, date: scope.check.checked_on })),
        el(
          'ul',
          { class: 'checklist' },
          scope.check.problems.length
            ? scope.check.problems.map((p) => el('li', { class: p.severity }, el('span', { class: 'mark', 'aria-hidden': 'true' }, p.severity === 'error' ? '✗' : '!'), ' ', p.message))
            : el('li', { class: 'ok' }, el('span', { class: 'mark', 'aria-hidden': 'true' }, '✓'), ' ', t('scope.all_met')),
        ),
      ),
    );
  }
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

function unavailable(app) {
  const { t, workspace } = app;
  return el(
    'div',
    { class: 'alert', role: 'alert' },
    el('h2', {}, t('workspace.unavailable_title')),
    el('p', { id: 'workspace-error' }, workspace.error.message),
    openReadOnlyOffer(app),
    el('p', {}, el('a', { href: hrefOf('settings') }, t('workspace.unavailable_hint'))),
  );
}
