// One audit below the audits table: its overall result, its dates and people, the initial
// audit's phases, the decision (whose meaning depends on the kind), the auditor's result per
// applicable control question, then findings with corrective actions (audits_findings.js)
// and the provider's workbook (audits_import.js).

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { fieldMessages } from '../lib/errors.js';
import {
  DECISION_HINT_KEYS,
  DECISION_KEYS,
  DECISION_REASON_KEYS,
  KIND_EXPLAIN_KEYS,
  phasesOf,
  resultTally,
  splitQuestions,
} from '../lib/audits.js';
import { formatDate } from '../lib/countdown.js';
import { predictedKey } from '../lib/readiness.js';
import { field, markFields, show, statusLine, textInput } from './form.js';
import { findingsSection } from './audits_findings.js';
import { importPanel } from './audits_import.js';

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
      editForm(detail),
      importPanel(detail),
      el('h3', { id: 'audit-results-heading' }, t('audits_ui.results')),
      el('p', { class: 'hint' }, t('audits_ui.results_hint')),
      resultsTable(detail),
      naList(detail),
      findingsSection(detail),
    ),
  );
  drawOverall(detail);
  if (ctx.flash) {
    const line = host.querySelector(`#${CSS.escape(ctx.flash.id)}`);
    if (line) show(line, ctx.flash.text, 'ok');
  }
}

/** The overall result in the head and in the audits table, and the tally of results. */
function drawOverall(detail) {
  const { app, view } = detail;
  const { t } = app;
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
      );
      detail.redrawAll({ id: 'audit-save-status', text: t('settings.saved') });
    } catch (error) {
      markFields(form, error);
      show(status, error.message, 'error');
    }
  });
  return el(
    'details',
    { class: 'inline-form', id: 'audit-edit', open: true },
    el('summary', {}, t('audits_ui.edit_heading')),
    form,
  );
}

/** One row per applicable question: result, findings description, save. */
function resultsTable(detail) {
  const { app, view } = detail;
  const { t } = app;
  const { applicable } = splitQuestions(view.questions);
  if (!applicable.length) return el('p', { class: 'hint', id: 'audit-results' }, t('audits_ui.nothing_applies'));
  return el(
    'table',
    { class: 'grid audit-results', id: 'audit-results', 'aria-labelledby': 'audit-results-heading' },
    el(
      'thead',
      {},
      el('tr', {}, ['audits_ui.col_question', 'audits_ui.col_result', 'audits_ui.col_findings', 'audits_ui.col_save'].map((k) => el('th', { scope: 'col' }, t(k)))),
    ),
    el('tbody', {}, applicable.map((q) => resultRow(detail, q))),
  );
}

function resultRow(detail, q) {
  const { app, view } = detail;
  const { t } = app;
  const base = `audit-q-${q.id}`;
  const result = el(
    'select',
    { class: 'audit-result', id: `${base}-result`, 'aria-label': t('audits_ui.result_of', { id: q.id }) },
    el('option', { value: '' }, t('audits_ui.result_none')),
    app.vocabulary.audit_results.map((r) => el('option', { value: r, selected: q.result === r }, t(`assess_result.${r}`))),
  );
  const findings = el('textarea', { class: 'audit-findings', id: `${base}-findings`, rows: 1, 'aria-label': t('audits_ui.findings_of', { id: q.id }) });
  findings.value = q.findings_description ?? '';
  const error = el('p', { class: 'field-error', id: `${base}-error`, 'aria-live': 'polite' });
  const saved = el('span', { class: 'audit-result-status', role: 'status' });
  for (const input of [result, findings]) input.setAttribute('aria-describedby', error.id);
  const row = el('tr', { dataset: { question: q.id, result: q.result ?? '' } });
  const save = el(
    'button',
    {
      type: 'button',
      class: 'audit-result-save',
      'aria-label': t('audits_ui.save_result_of', { id: q.id }),
      onclick: async () => {
        save.disabled = true;
        error.textContent = '';
        saved.textContent = '';
        for (const input of [result, findings]) input.removeAttribute('aria-invalid');
        try {
          await api.setAuditResult(view.id, q.id, result.value, findings.value);
          row.dataset.result = result.value;
          saved.textContent = t('settings.saved');
          await detail.reload();
        } catch (e) {
          const fields = fieldMessages(e);
          error.textContent = [...fields.values()].join(' ') || e.message;
          const bad = fields.has('findings_description') ? findings : result;
          bad.setAttribute('aria-invalid', 'true');
          bad.focus();
        } finally {
          save.disabled = false;
        }
      },
    },
    t('settings.save'),
  );
  // A changed result or text is marked until it is saved.
  const mark = () => (saved.textContent = t('audits_ui.unsaved'));
  result.addEventListener('change', mark);
  findings.addEventListener('input', mark);
  row.append(
    el(
      'th',
      { scope: 'row', class: 'question-cell' },
      el('div', { class: 'question-label' }, el('span', { class: 'qid' }, q.id), el('span', { class: 'qtext' }, detail.questionText.get(q.id) ?? '')),
    ),
    el('td', {}, result),
    el('td', {}, findings),
    el('td', { class: 'save-cell' }, save, saved, error),
  );
  return row;
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
