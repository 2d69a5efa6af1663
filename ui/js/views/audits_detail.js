// One audit below the audits table: its overall result, its dates and people, the initial
// audit's phases, the decision (whose meaning depends on the kind), the auditor's result per
// applicable control question, then findings with corrective actions (audits_findings.js)
// and the provider's workbook (audits_import.js).

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import {
  DECISION_HINT_KEYS,
  DECISION_KEYS,
  DECISION_REASON_KEYS,
  KIND_EXPLAIN_KEYS,
  capBadgeKey,
  splitQuestions,
  phasesOf,
  resultTally,
} from '../lib/audits.js';
import { formatDate } from '../lib/countdown.js';
import { predictedKey } from '../lib/readiness.js';
import { confirmButton, field, markFields, show, showFailure, statusLine, textInput } from './form.js';
import { findingsSection } from './audits_findings.js';
import { importPanel } from './audits_import.js';
import { resultsSection } from './audits_results.js';
import { actionsTable } from './audits_actions.js';

/**
 * Draws audit `id` into `host` (which may not be on the page yet). `ctx` = { app, scope (from
 * scope_list), table (the audits table, whose row shows the overall result too),
 * redrawAll(flash), flash } where `flash` ({ id, text }) is a status to show once.
 */
export async function renderDetail(ctx, host, id) {
  const { app, scope } = ctx;
  const { t, lang } = app;
  // The audit names the evidence its actions hold (id and title); choosing more is the
  // picker's search. The list of every item is never loaded here.
  const [view, objects] = await Promise.all([api.showAudit(id), api.protectionObjects(scope.id).catch(() => [])]);
  const detail = {
    ...ctx,
    view,
    objects,
    rules: app.vocabulary.rules.label_rules,
    questionText: new Map(scope.questions.map((q) => [q.id, q.text])),
    overall: el('p', { id: 'audit-overall', class: 'overall-result' }),
    tally: el('p', { id: 'audit-tally', class: 'hint' }),
    // Reloads the audit after a change of results, findings or actions; redraws its head.
    reload: async () => {
      detail.view = await api.showAudit(id);
      drawOverall(detail);
      return detail.view;
    },
  };
  const audit = view.audit;
  host.replaceChildren(
    el(
      'article',
      { class: 'panel audit-detail', id: 'audit-detail', dataset: { auditId: view.id, kind: audit.kind }, 'aria-labelledby': 'audit-detail-title' },
      el(
        'header',
        { class: 'audit-head' },
        el(
          'div',
          {},
          el('h2', { id: 'audit-detail-title', tabindex: '-1' }, t('audits_ui.detail_title', { kind: t(`audit_kind.${audit.kind}`), date: formatDate(audit.closing_meeting, lang) })),
          el('p', { class: 'hint' }, t(KIND_EXPLAIN_KEYS[audit.kind])),
        ),
        el(
          'div',
          { class: 'overall-box' },
          el('span', { class: 'hint' }, t('audits_ui.overall')),
          detail.overall,
          detail.tally,
        ),
      ),
      disagreements(detail),
      editForm(detail),
      audit.kind === 'cap' ? null : importPanel(detail),
      audit.kind === 'cap' ? planSection(detail) : resultsPart(detail),
      audit.kind === 'cap' ? null : naList(detail),
      actionsPart(detail),
      findingsSection(detail),
      removePanel(detail),
    ),
  );
  drawOverall(detail);
  // A status changed in the table of every audit's actions shows in this audit too.
  ctx.actionsChanged = () => {
    detail.redrawFindings?.();
    detail.refreshActions?.();
  };
  if (ctx.flash) {
    const line = host.querySelector(`#${CSS.escape(ctx.flash.id)}`);
    if (line) show(line, ctx.flash.text, 'ok');
  }
}

/**
 * The overall result in the head and in the audits table, and the tally of results. A CAP
 * audit has no results per question: it shows whether its report confirmed the plan.
 */
function drawOverall(detail) {
  const { app, view } = detail;
  const { t } = app;
  const cap = capBadgeKey(view.audit);
  if (cap) {
    detail.overall.textContent = t(cap);
    detail.overall.dataset.result = view.audit.decision ? 'plan-confirmed' : 'plan-unconfirmed';
    detail.overall.className = `overall-result ${view.audit.decision ? 'result-pass' : 'result-incomplete'}`;
    detail.tally.textContent = t('audits_ui.plan_tally');
    return;
  }
  const key = predictedKey(view.overall);
  detail.overall.textContent = t(`predicted.${key}`);
  detail.overall.dataset.result = view.overall;
  detail.overall.className = `overall-result result-${key}`;
  detail.tally.textContent = t('audits_ui.tally', resultTally(view.questions, app.vocabulary.audit_results));
  const badge = detail.table?.querySelector?.(`tr[data-audit-id="${view.id}"] .overall`);
  if (badge) {
    badge.textContent = t(`predicted.${key}`);
    badge.dataset.result = view.overall;
    badge.className = `badge overall result-${key}`;
  }
}

/** Dates, provider and lead auditor; the phases (initial audit); the decision; save. */
function editForm(detail) {
  const { app, scope, view } = detail;
  const { t } = app;
  const audit = view.audit;
  const provider = textInput('provider', audit.provider, { id: 'audit-edit-provider' });
  const lead = textInput('lead_auditor', audit.lead_auditor, { id: 'audit-edit-lead-auditor' });
  const opening = el('input', { type: 'date', id: 'audit-edit-opening', name: 'opening_meeting', value: audit.opening_meeting ?? '' });
  const closing = el('input', { type: 'date', id: 'audit-edit-closing', name: 'closing_meeting', value: audit.closing_meeting });
  const current = phasesOf(audit, app.vocabulary.phases);
  const phaseSelects = app.vocabulary.phases.map((phase, index) =>
    el(
      'select',
      { id: `phase-${phase}`, name: `phase_${phase}`, dataset: { phase } },
      app.vocabulary.phase_states.map((state) => el('option', { value: state, selected: current[index] === state }, t(`phase_state.${state}`))),
    ),
  );
  const phases = audit.kind === 'initial'
    ? el(
        'fieldset',
        { class: 'phases', dataset: { field: 'phases' } },
        el('legend', {}, t('audits_ui.phases')),
        el(
          'ol',
          { class: 'phase-list' },
          app.vocabulary.phases.map((phase, index) =>
            el(
              'li',
              { dataset: { phase, state: current[index] } },
              el('label', { for: `phase-${phase}` }, t(`audit_phase.${phase}`)),
              el('span', { class: 'hint' }, t(`audit_phase.${phase}_hint`)),
              phaseSelects[index],
            ),
          ),
        ),
        el('p', { class: 'field-error', 'aria-live': 'polite' }),
      )
    : null;
  for (const select of phaseSelects) {
    select.addEventListener('change', () => (select.closest('li').dataset.state = select.value));
  }
  const decision = el('input', { type: 'checkbox', id: 'audit-decision', name: 'decision', checked: audit.decision });
  const reason = el('textarea', { id: 'audit-decision-reason', name: 'decision_reason', rows: 2 });
  reason.value = audit.decision_reason ?? '';
  const status = statusLine('audit-save-status');
  const form = el(
    'form',
    { class: 'form wide', id: 'audit-edit-form', novalidate: true },
    el(
      'div',
      { class: 'form-grid' },
      field('provider', t('audits_ui.provider'), provider),
      field('lead_auditor', t('audits_ui.lead_auditor'), lead),
      field('opening_meeting', t('audits_ui.opening'), opening),
      field('closing_meeting', t('audits_ui.closing'), closing),
    ),
    phases,
    el(
      'div',
      { class: `decision-box kind-${audit.kind}`, dataset: { field: 'decision' } },
      el('label', { class: 'check', for: 'audit-decision' }, decision, ' ', t(DECISION_KEYS[audit.kind])),
      el('p', { class: 'hint' }, t(DECISION_HINT_KEYS[audit.kind])),
      el('p', { class: 'field-error', 'aria-live': 'polite' }),
    ),
    field('decision_reason', t(DECISION_REASON_KEYS[audit.kind]), reason),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'audit-save' }, t('settings.save')), status),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    markFields(form, null);
    try {
      await api.updateAudit(
        view.id,
        {
          scope: scope.id,
          kind: audit.kind,
          provider: provider.value,
          lead_auditor: lead.value,
          opening_meeting: opening.value,
          closing_meeting: closing.value,
        },
        phaseSelects.map((s) => s.value),
        decision.checked,
        reason.value,
        audit.revision,
      );
      detail.redrawAll({ id: 'audit-save-status', text: t('settings.saved') });
    } catch (error) {
      markFields(form, error);
      showFailure(status, error, () => detail.redrawAll(), t);
    }
  });
  return el(
    'details',
    { class: 'inline-form', id: 'audit-edit', open: true },
    el('summary', {}, t('audits_ui.edit_heading')),
    form,
  );
}

/** The questions NA in the scope: listed, collapsed, without a result control. */
function naList(detail) {
  const { app, view } = detail;
  const { t } = app;
  const { na } = splitQuestions(view.questions);
  if (!na.length) return null;
  return el(
    'details',
    { class: 'panel na-questions', id: 'audit-na' },
    el('summary', {}, t('audits_ui.na_questions', { count: na.length, ids: na.map((q) => q.id).join(', ') })),
    el('p', { class: 'hint' }, t('audits_ui.na_hint')),
    el('ul', {}, na.map((q) => el('li', { dataset: { naQuestion: q.id } }, el('span', { class: 'qid' }, q.id), detail.questionText.get(q.id) ?? ''))),
  );
}

/** The results heading, hint and table (initial and follow-up audits). */
function resultsPart(detail) {
  const { t } = detail.app;
  return el(
    'section',
    { 'aria-labelledby': 'audit-results-heading' },
    el('h3', { id: 'audit-results-heading' }, t('audits_ui.results')),
    el('p', { class: 'hint' }, t('audits_ui.results_hint')),
    resultsSection(detail),
  );
}

/**
 * A CAP audit's content: the plan it confirms (the corrective actions of the initial audit's
 * findings) and whether its report confirmed it (the decision above).
 */
function planSection(detail) {
  const { app, view } = detail;
  const { t } = app;
  const confirmed = view.audit.decision;
  return el(
    'section',
    { class: 'cap-plan', id: 'cap-plan', 'aria-labelledby': 'cap-plan-heading' },
    el('h3', { id: 'cap-plan-heading' }, t('audits_ui.plan_heading')),
    el('p', { class: `cap-confirmation ${confirmed ? 'ok' : 'warn'}`, id: 'cap-confirmation' }, t(confirmed ? 'audits_ui.plan_confirmed_text' : 'audits_ui.plan_unconfirmed_text')),
    view.plan_of
      ? actionsTable(app, { id: 'cap-plan-actions', audit: view.plan_of })
      : el('p', { class: 'hint' }, t('audits_ui.plan_no_initial')),
  );
}

/** The audit's own corrective actions as a table, filtered and paged (initial, follow-up). */
function actionsPart(detail) {
  const { app, view } = detail;
  const { t } = app;
  if (view.audit.kind === 'cap' && !view.findings.length) return null;
  const table = actionsTable(app, { id: 'audit-actions', audit: view.id, onChange: () => detail.redrawFindings?.() });
  const summary = el('summary', {}, t('audits_ui.actions_table', { count: view.actions.length }));
  // A change in the findings below shows here too.
  detail.refreshActions = () => {
    summary.textContent = t('audits_ui.actions_table', { count: detail.view.actions.length });
    table.reload();
  };
  return el('details', { class: 'panel', id: 'audit-actions-panel', open: view.actions.length > 0 }, summary, table);
}

/** Where findings and recorded results disagree (recorded before the rule, or imported). */
function disagreements(detail) {
  const list = detail.view.disagreements ?? [];
  if (!list.length) return null;
  return el('ul', { class: 'status warn disagreements', id: 'audit-disagreements', role: 'status' }, list.map((m) => el('li', {}, m)));
}

/** Removing the audit: a confirm step that names what goes with it. */
function removePanel(detail) {
  const { app, view } = detail;
  const { t } = app;
  const status = statusLine('audit-remove-status');
  const findings = view.findings.length;
  const question = findings
    ? t('audits_ui.remove_audit_confirm', { findings, actions: view.actions.length })
    : t('audits_ui.remove_audit_confirm_empty');
  const button = confirmButton(t('audits_ui.remove_audit'), question, async () => {
    try {
      await api.removeAudit(view.id, true);
      detail.redrawAll(null, null);
    } catch (error) {
      show(status, error.message, 'error');
    }
  });
  button.id = 'audit-remove';
  return el(
    'details',
    { class: 'inline-form danger-zone', id: 'audit-remove-panel' },
    el('summary', {}, t('audits_ui.remove_audit_heading')),
    el('p', { class: 'hint' }, question),
    el('div', { class: 'actions' }, button, status),
  );
}
