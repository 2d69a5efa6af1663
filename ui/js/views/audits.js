// The audits screen (#/audits?scope=SCOPE_ID&audit=ID): a scope's labels and renewal, its audits
// (initial, CAP, follow-up) with their overall results, a form to record one, and the chosen
// audit's details below (audits_detail.js: phases, decision, results, findings with
// corrective actions, the provider's workbook).

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { fieldMessages } from '../lib/errors.js';
import { capBadgeKey, pickAudit } from '../lib/audits.js';
import { countdownWords, formatDate } from '../lib/countdown.js';
import { predictedKey } from '../lib/readiness.js';
import { hrefOf, hrefWith, idFromParam, paramsFromHash, screenFromHash } from '../lib/routes.js';
import { field, markFields, show, statusLine, textInput } from './form.js';
import { renderDetail } from './audits_detail.js';
import { scopePicker } from '../widgets/scope_picker.js';
import { actionsTable, findingsTable } from './audits_actions.js';

// What the screen remembers while the app runs: the scope last shown (its id), whether the
// add form was left open, and a status to show once after a redraw.
const view = { scope: null, addOpen: false, flash: null };

export function render(app) {
  const { t } = app;
  const host = el('div', {}, el('p', { class: 'loading' }, t('app.loading')));
  redraw(app, host);
  return el(
    'section',
    { dataset: { view: 'audits' } },
    el('h1', {}, t('screen.audits.title')),
    el('p', { class: 'intro' }, t('screen.audits.holds')),
    host,
  );
}

// The latest draw of each host: an older, slower draw then leaves the screen alone.
const latest = new WeakMap();

/**
 * Draws the screen for the hash's parameters into `host`. The new content is built aside and
 * swapped in when complete, so that a redraw after a change neither flickers nor loses the
 * scroll position; errors show in place.
 */
function redraw(app, host) {
  const target = el('div');
  const request = {};
  latest.set(host, request);
  draw(app, host, target, paramsFromHash(location.hash))
    .then(() => {
      if (latest.get(host) === request) host.replaceChildren(...target.childNodes);
    })
    .catch((error) => {
      if (latest.get(host) === request) host.replaceChildren(el('p', { class: 'status error', role: 'alert' }, error.message));
    });
}

/** Goes to `params`; when the hash says that already (no hashchange would follow), redraws. */
function go(app, host, params) {
  const href = hrefWith('audits', params);
  const same = JSON.stringify(paramsFromHash(href)) === JSON.stringify(paramsFromHash(location.hash));
  if (same && screenFromHash(location.hash) === 'audits') redraw(app, host);
  else location.hash = href;
}

/**
 * A badge of an audit's overall result (PASS, CONDITIONAL-PASS, FAIL, INCOMPLETE); for a CAP
 * audit (`audit`), which has no results per question, whether its report confirmed the plan.
 */
export function overallBadge(t, overall, props = {}, audit = null) {
  const cap = capBadgeKey(audit);
  if (cap) {
    const confirmed = audit.decision;
    return el('span', { class: `badge overall ${confirmed ? 'result-pass' : 'result-incomplete'}`, dataset: { result: confirmed ? 'plan-confirmed' : 'plan-unconfirmed' }, ...props }, t(cap));
  }
  const key = predictedKey(overall);
  return el('span', { class: `badge overall result-${key}`, dataset: { result: overall }, ...props }, t(`predicted.${key}`));
}

/** Builds the screen into `target`; `host` is where it will show (for redraws). */
async function draw(app, host, target, params) {
  const { t } = app;
  const scopes = await api.scopes();
  if (!scopes.length) {
    target.replaceChildren(
      el(
        'div',
        { class: 'panel', id: 'audits-no-scopes' },
        el('p', {}, t('audits_ui.no_scopes')),
        el('p', {}, el('a', { href: hrefOf('scope') }, t('mapping.to_scope'))),
      ),
    );
    return;
  }
  // The hash's scope (an id), else the one last shown; an unknown one falls back to the first.
  const wanted = idFromParam(params.scope ?? view.scope);
  const scope = scopes.find((s) => s.id === wanted) ?? scopes[0];
  view.scope = scope.id;
  const [list, labels] = await Promise.all([api.audits(scope.id), api.labels().catch(() => [])]);
  const selected = pickAudit(list, params.audit);
  const picker = scopePicker({ id: 'audit-scope', name: null, scopes, selected: scope.id, onChange: (chosen) => go(app, host, { scope: chosen }) });
  const detailHost = el('div', { id: 'audit-detail-host' });
  const table = auditTable(app, scope, list, selected);
  const ctx = {
    app,
    scope,
    list,
    table,
    flash: view.flash,
    // A change of dates or results shows in the list and the labels too: redraw everything,
    // the same audit (or `audit`; null for the latest), with `flash` ({ id, text }) shown once
    // in the status line `id`.
    redrawAll: (flash, audit = selected?.id) => {
      view.flash = flash ?? null;
      go(app, host, { scope: scope.id, audit: audit ?? undefined });
    },
  };
  view.flash = null;
  target.replaceChildren(
    el('div', { class: 'toolbar' }, el('label', { class: 'inline', for: 'audit-scope' }, t('audits_ui.scope')), picker),
    labelsPanel(app, scope, labels.find((l) => l.scope === scope.name)),
    el('h2', { id: 'audits-heading' }, t('audits_ui.audits_of', { scope: scope.name })),
    table,
    addForm(app, host, scope, list),
    detailHost,
    allActions(app, scopes, () => ctx.actionsChanged?.()),
    allFindings(app, scopes),
  );
  if (selected) await renderDetail(ctx, detailHost, selected.id);
}

function auditTable(app, scope, list, selected) {
  const { t, lang } = app;
  if (!list.length) return el('p', { class: 'hint', id: 'audits-empty' }, t('audits_ui.none_yet'));
  const columns = ['audits_ui.col_kind', 'audits_ui.col_opening', 'audits_ui.col_closing', 'audits_ui.col_provider', 'audits_ui.col_overall'];
  return el(
    'table',
    { class: 'grid audits-table', id: 'audits-table', 'aria-labelledby': 'audits-heading' },
    el('thead', {}, el('tr', {}, columns.map((k) => el('th', { scope: 'col' }, t(k))))),
    el(
      'tbody',
      {},
      list.map((v) => {
        const a = v.audit;
        const current = v.id === selected?.id;
        const href = hrefWith('audits', { scope: scope.id, audit: v.id });
        return el(
          'tr',
          {
            dataset: { auditId: v.id, kind: a.kind },
            class: current ? 'selected' : null,
            'aria-current': current ? 'true' : null,
            onclick: (event) => {
              if (!event.target.closest('a, button')) location.hash = href;
            },
          },
          el('th', { scope: 'row' }, el('a', { href, class: 'audit-link' }, t(`audit_kind.${a.kind}`))),
          el('td', {}, a.opening_meeting ? el('time', { datetime: a.opening_meeting }, formatDate(a.opening_meeting, lang)) : el('span', { class: 'hint' }, '–')),
          el('td', {}, el('time', { datetime: a.closing_meeting }, formatDate(a.closing_meeting, lang))),
          el('td', {}, a.provider || el('span', { class: 'hint' }, '–'), a.lead_auditor ? el('div', { class: 'hint' }, a.lead_auditor) : null),
          el('td', {}, overallBadge(t, v.overall, {}, a)),
        );
      }),
    ),
  );
}

/** The form that records an audit; open while the scope has none. */
function addForm(app, host, scope, list) {
  const { t } = app;
  const hasInitial = list.some((v) => v.audit.kind === 'initial');
  const kind = el(
    'select',
    { id: 'audit-kind', name: 'kind' },
    app.vocabulary.audit_kinds.map((k) => el('option', { value: k, selected: k === (hasInitial ? 'cap' : 'initial') }, t(`audit_kind.${k}`))),
  );
  const provider = textInput('provider', scope.audit_provider ?? '', { id: 'audit-provider' });
  const lead = textInput('lead_auditor', '', { id: 'audit-lead-auditor' });
  const opening = el('input', { type: 'date', id: 'audit-opening', name: 'opening_meeting' });
  const closing = el('input', { type: 'date', id: 'audit-closing', name: 'closing_meeting', value: hasInitial ? '' : scope.planned_audit_date ?? '' });
  const status = statusLine('audit-add-status');
  const form = el(
    'form',
    { class: 'form wide', id: 'audit-add-form', novalidate: true },
    el(
      'div',
      { class: 'form-grid' },
      field('kind', t('audits_ui.kind'), kind, t('audits_ui.kind_hint')),
      field('provider', t('audits_ui.provider'), provider),
      field('lead_auditor', t('audits_ui.lead_auditor'), lead),
      field('opening_meeting', t('audits_ui.opening'), opening),
      field('closing_meeting', t('audits_ui.closing'), closing, t('audits_ui.closing_hint')),
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'audit-add' }, t('audits_ui.add')), status),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    markFields(form, null);
    try {
      const added = await api.addAudit({
        scope: scope.id,
        kind: kind.value,
        provider: provider.value,
        lead_auditor: lead.value,
        opening_meeting: opening.value,
        closing_meeting: closing.value,
      });
      view.addOpen = false;
      go(app, host, { scope: scope.id, audit: added.id });
    } catch (error) {
      markFields(form, error);
      show(status, error.message, 'error');
    }
  });
  const details = el(
    'details',
    { class: 'panel', id: 'audit-add-panel', open: !list.length || view.addOpen },
    el('summary', {}, t('audits_ui.add_heading')),
    el('p', { class: 'hint' }, t('audits_ui.add_hint')),
    form,
  );
  details.addEventListener('toggle', () => (view.addOpen = details.open && list.length > 0));
  return details;
}

/** The scope's VCS labels, what must happen next, and planning the renewal audit. */
function labelsPanel(app, scope, entry) {
  const { t, lang } = app;
  if (!entry) return null;
  const items = entry.labels.map((l) =>
    el(
      'li',
      { dataset: { objective: l.objective, kind: l.kind } },
      el('strong', {}, t(`scope.objective_${l.objective}`)),
      ' ',
      el('span', { class: `badge label-kind kind-${l.kind}` }, t(`label_kind.${l.kind}`)),
      ' ',
      el('span', {}, t('labels_ui.valid_until', { date: formatDate(l.expires, lang), countdown: countdownWords(l.days_left, lang) })),
    ),
  );
  const date = el('input', { type: 'date', id: 'renew-date', name: 'planned_audit_date', value: entry.renewal_from ?? '' });
  const status = statusLine('renew-status');
  const button = el('button', { type: 'submit', id: 'renew-labels' }, t('labels_ui.renew'));
  const form = el(
    'form',
    { class: 'form wide', id: 'renew-form', novalidate: true },
    el('p', { class: 'hint' }, t('labels_ui.renew_hint')),
    el('div', { class: 'actions' }, field('planned_audit_date', t('labels_ui.renew_date'), date), button),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    markFields(form, null);
    button.disabled = true;
    try {
      await api.renewLabels(scope.id, date.value);
      show(status, t('labels_ui.renewed', { date: formatDate(date.value, lang) }), 'ok');
    } catch (error) {
      // Temporary labels are refused with a message on the field "scope" (no field here):
      // that message says why, so it is the one shown.
      markFields(form, error);
      const scopeMessage = fieldMessages(error).get('scope');
      show(status, scopeMessage ?? error.message, 'error');
    } finally {
      button.disabled = false;
    }
  });
  return el(
    'section',
    { class: 'panel labels-panel', id: 'audit-labels', dataset: { scope: scope.name }, 'aria-labelledby': 'audit-labels-heading' },
    el('h2', { id: 'audit-labels-heading' }, t('labels_ui.of_scope', { scope: scope.name })),
    items.length ? el('ul', { class: 'label-list', id: 'audit-label-list' }, items) : el('p', { class: 'hint' }, t('labels_ui.none')),
    el('p', { class: 'next-step', id: 'audit-next-step' }, entry.next_step),
    // Temporary labels are not renewed (the next step says what follows them): planning a
    // renewal is offered for permanent labels only.
    items.length && entry.labels.every((l) => l.kind === 'permanent')
      ? el('details', { class: 'inline-form', id: 'labels-renew' }, el('summary', {}, t('labels_ui.renew_heading')), form)
      : null,
  );
}

/**
 * Every audit's corrective actions in one table, filtered by scope, owner, status and due
 * date; `onChange()` runs after a status change (the audit shown above follows).
 */
function allActions(app, scopes, onChange) {
  const { t } = app;
  const details = el(
    'details',
    { class: 'panel', id: 'all-actions-panel' },
    el('summary', {}, t('audits_ui.all_actions')),
  );
  // Built when first opened: the screen shows one audit first.
  details.addEventListener('toggle', () => {
    if (details.open && !details.querySelector('.actions-table-box')) {
      details.append(el('p', { class: 'hint' }, t('audits_ui.all_actions_hint')), actionsTable(app, { id: 'all-actions', scopes, onChange }));
    }
  });
  return details;
}

/** Every audit's findings in one table, filtered by scope, type and text. */
function allFindings(app, scopes) {
  const { t } = app;
  const details = el('details', { class: 'panel', id: 'all-findings-panel' }, el('summary', {}, t('audits_ui.all_findings')));
  // Built when first opened, as the actions of every audit.
  details.addEventListener('toggle', () => {
    if (details.open && !details.querySelector('.findings-table-box')) details.append(findingsTable(app, { id: 'all-findings', scopes }));
  });
  return details;
}
