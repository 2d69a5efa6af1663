// VCS scopes: the list, the wizard that creates one (with a live count of what applies),
// and a scope's detail: prerequisite checklist, objectives, applicability table with NA
// justifications and should-deviations.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { fieldMessages } from '../lib/errors.js';
import { isoDate } from '../lib/scope_rules.js';
import { checkboxes, confirmButton, field, markFields, show, showFailure, statusLine, textInput } from './form.js';

// `selected`: the id of the scope whose details are open.
const view = { selected: null, checkOn: '' };

export async function render(app, panel) {
  const [list, locations, catalogues] = await Promise.all([api.scopes(), api.locations(), api.catalogues()]);
  if (!list.some((s) => s.id === view.selected)) view.selected = list[0]?.id ?? null;
  const parts = [scopeList(app, panel, list), wizard(app, panel, locations, catalogues, list.length === 0)];
  if (view.selected) parts.push(await detail(app, panel, view.selected, locations));
  panel.replaceChildren(...parts);
}

/** Checkbox options of the locations: the value a location's id, the label its name. */
function locationOptions(locations) {
  return locations.map((l) => ({ value: String(l.id), label: l.name }));
}

function objectiveNames(t, objectives) {
  return objectives.map((o) => t(`scope.objective_${o}`)).join(', ');
}

function checkBadge(t, check) {
  const errors = check.problems.filter((p) => p.severity === 'error').length;
  const warnings = check.problems.length - errors;
  if (errors) return el('span', { class: 'badge open' }, t('scope.check_failed', { count: errors }));
  if (warnings) return el('span', { class: 'badge later' }, t('scope.check_warnings', { count: warnings }));
  return el('span', { class: 'badge done' }, t('scope.check_ok'));
}

function scopeList(app, panel, list) {
  const { t } = app;
  if (!list.length) return el('p', { class: 'hint', id: 'scopes-empty' }, t('scope.scopes_empty'));
  return el(
    'ul',
    { class: 'cards', id: 'scope-list' },
    list.map((s) =>
      el(
        'li',
        { class: s.id === view.selected ? 'card selected' : 'card' },
        el(
          'button',
          {
            type: 'button',
            class: 'card-button',
            dataset: { scope: s.name },
            'aria-pressed': String(s.id === view.selected),
            onclick: () => {
              // "Check for an audit on" belongs to the scope it was set for: another scope is
              // checked for its own planned date.
              if (view.selected !== s.id) view.checkOn = '';
              view.selected = s.id;
              render(app, panel);
            },
          },
          el('strong', {}, s.name),
          el('span', { class: 'hint' }, objectiveNames(t, s.objectives)),
          el('span', {}, t('scope.counts', { questions: s.applicable_questions.length, requirements: s.applicable_requirements })),
          checkBadge(t, s.check),
        ),
      ),
    ),
  );
}

/** The wizard: name and IDs → locations → objectives → catalogue and date, with a live count. */
function wizard(app, panel, locations, catalogues, open) {
  const { t } = app;
  const current = catalogues.filter((c) => c.superseded_by === null);
  const name = textInput('scope_name');
  const enx = textInput('scope_enx_id');
  const locs = checkboxes('locations', t('scope.wizard_locations'), locationOptions(locations));
  const objs = checkboxes('objectives', t('scope.wizard_objectives'), app.vocabulary.objectives.map((o) => ({ value: o, label: t(`scope.objective_${o}`) })));
  const catalogue = el(
    'select',
    { id: 'scope_catalogue', name: 'scope_catalogue' },
    current.map((c) => el('option', { value: String(c.id) }, `${c.name} ${c.version}`)),
  );
  const date = el('input', { type: 'date', id: 'scope_audit_date', name: 'scope_audit_date', min: isoDate(new Date()) });
  const provider = textInput('scope_provider');
  const count = el('p', { id: 'wizard-count', class: 'live-count', 'aria-live': 'polite' });
  const status = statusLine('wizard-status');
  const steps = [
    el('div', { class: 'step' }, field('name', t('scope.scope_name'), name), field('enx_scope_id', t('scope.enx_scope_id'), enx, t('scope.enx_scope_id_hint'))),
    el('div', { class: 'step' }, locations.length ? locs : el('p', { class: 'hint' }, t('scope.need_location'))),
    el('div', { class: 'step' }, objs),
    el(
      'div',
      { class: 'step' },
      field('catalogue_id', t('scope.catalogue'), catalogue, current.length ? null : t('scope.need_catalogue')),
      field('planned_audit_date', t('scope.audit_date'), date),
      field('audit_provider', t('scope.audit_provider'), provider),
    ),
  ];
  let step = 0;
  const indicator = el('p', { class: 'hint', id: 'wizard-step' });
  const back = el('button', { type: 'button', dataset: { action: 'wizard-back' } }, t('scope.back'));
  const next = el('button', { type: 'button', class: 'primary', dataset: { action: 'wizard-next' } }, t('scope.next'));
  const create = el('button', { type: 'submit', class: 'primary', dataset: { action: 'wizard-create' } }, t('scope.create'));
  const showStep = () => {
    steps.forEach((s, i) => (s.hidden = i !== step));
    indicator.textContent = t('scope.step', { step: step + 1, steps: steps.length, title: t(`scope.step_${step + 1}`) });
    back.hidden = step === 0;
    next.hidden = step === steps.length - 1;
    create.hidden = step !== steps.length - 1;
  };
  const updateCount = async () => {
    const objectives = objs.values();
    if (!current.length) return;
    try {
      const preview = await api.previewScope(Number(catalogue.value), objectives);
      count.textContent = t('scope.will_apply', preview);
    } catch (error) {
      count.textContent = error.message;
    }
  };
  objs.addEventListener('change', updateCount);
  catalogue.addEventListener('change', updateCount);
  back.addEventListener('click', () => {
    step -= 1;
    showStep();
  });
  // The fields each step holds: Next checks the scope so far with the backend (the same
  // rule Create uses) and goes on only when none of this step's fields has a problem.
  const stepFields = [['name', 'enx_scope_id'], ['locations'], ['objectives'], ['catalogue_id', 'planned_audit_date', 'audit_provider']];
  const input = () => ({
    name: name.value,
    enx_scope_id: enx.value,
    locations: locs.values().map(Number),
    objectives: objs.values(),
    catalogue_id: current.length ? Number(catalogue.value) : null,
    planned_audit_date: date.value,
    audit_provider: provider.value,
  });
  next.addEventListener('click', async () => {
    let problems = null;
    try {
      await api.validateScope(input());
    } catch (error) {
      problems = error;
    }
    const mine = problems ? [...fieldMessages(problems).keys()].filter((f) => stepFields[step].includes(f.split('.')[0])) : [];
    if (problems && !fieldMessages(problems).size) {
      show(status, problems.message, 'error');
      return;
    }
    if (mine.length) {
      // Only this step's problems are shown; later steps are not the user's concern yet.
      const own = { ...problems, fields: (problems.fields ?? []).filter((f) => stepFields[step].includes(String(f.field).split('.')[0])) };
      markFields(steps[step], own);
      show(status, t('scope.step_has_problems'), 'error');
      return;
    }
    markFields(steps[step], null);
    show(status, '');
    step += 1;
    showStep();
  });
  const formNode = el('form', { class: 'form wizard', novalidate: true, id: 'scope-wizard' }, indicator, ...steps, count, el('div', { class: 'actions' }, back, next, create, status));
  formNode.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await api.addScope(input());
      view.selected = created.id;
      await render(app, panel);
    } catch (error) {
      markFields(formNode, error);
      // Go back to the first step with a problem, so the user sees it.
      const bad = steps.findIndex((s) => s.querySelector('[aria-invalid="true"]'));
      if (bad >= 0) {
        step = bad;
        showStep();
      }
      show(status, error.message, 'error');
    }
  });
  showStep();
  updateCount();
  return el('details', { class: 'panel', open, id: 'scope-wizard-panel' }, el('summary', { dataset: { action: 'wizard-open' } }, t('scope.new_scope')), formNode);
}

async function detail(app, panel, scopeId, locations) {
  const { t } = app;
  const scope = await api.showScope(scopeId, view.checkOn);
  const checkDate = el('input', { type: 'date', id: 'check_on', value: view.checkOn || scope.check.checked_on });
  checkDate.addEventListener('change', () => {
    view.checkOn = checkDate.value;
    render(app, panel);
  });
  const problems = scope.check.problems;
  const checklist = el(
    'ul',
    { class: 'checklist', id: 'prerequisites' },
    problems.length
      ? problems.map((p) => el('li', { class: p.severity, dataset: { code: p.code } }, el('span', { class: 'mark', 'aria-hidden': 'true' }, p.severity === 'error' ? '✗' : '!'), ' ', p.message))
      : el('li', { class: 'ok' }, el('span', { class: 'mark', 'aria-hidden': 'true' }, '✓'), ' ', t('scope.all_met')),
  );
  const objectives = checkboxes('objectives', t('scope.objectives'), app.vocabulary.objectives.map((o) => ({ value: o, label: t(`scope.objective_${o}`) })), scope.objectives);
  const objStatus = statusLine('objectives-status');
  objectives.addEventListener('change', async () => {
    try {
      await api.setScopeObjectives(scope.id, objectives.values());
      await render(app, panel);
    } catch (error) {
      markFields(objectives.parentElement, error);
      show(objStatus, error.message, 'error');
    }
  });
  return el(
    'div',
    { class: 'panel scope-detail', dataset: { scopeDetail: scope.name } },
    el('h2', {}, scope.name, scope.enx_scope_id ? el('span', { class: 'chip muted' }, scope.enx_scope_id) : null),
    el(
      'dl',
      { class: 'facts' },
      el('dt', {}, t('scope.wizard_locations')),
      el('dd', {}, scope.locations.join(', ')),
      el('dt', {}, t('scope.audit_date')),
      el('dd', {}, scope.planned_audit_date ?? '–'),
      el('dt', {}, t('scope.audit_provider')),
      el('dd', {}, scope.audit_provider || '–'),
    ),
    editDetails(app, panel, scope, locations),
    el('h3', {}, t('scope.prerequisites')),
    el('label', { class: 'inline' }, t('scope.check_on'), ' ', checkDate),
    checklist,
    el('div', {}, objectives, objStatus),
    el('h3', {}, t('scope.applicability'), ' ', el('span', { class: 'hint' }, t('scope.counts', { questions: scope.applicable_questions.length, requirements: scope.applicable_requirements }))),
    applicabilityTable(app, panel, scope),
  );
}

function applicabilityTable(app, panel, scope) {
  const { t } = app;
  const rows = scope.questions.map((q) => {
    const choice = el(
      'select',
      { 'aria-label': t('scope.applicable_for', { id: q.id }), dataset: { question: q.id } },
      el('option', { value: 'yes', selected: q.applicable }, t('scope.applies')),
      el('option', { value: 'na', selected: !q.applicable }, t('scope.na')),
    );
    const reason = el('textarea', { class: 'justification', rows: 2, placeholder: t('scope.justification'), 'aria-label': t('scope.justification_for', { id: q.id }), dataset: { reason: q.id } }, q.justification ?? '');
    const error = el('p', { class: 'field-error', 'aria-live': 'polite' });
    const save = el('button', { type: 'button', dataset: { saveQuestion: q.id } }, t('settings.save'));
    save.addEventListener('click', async () => {
      try {
        await api.setApplicability(scope.id, q.id, choice.value === 'yes', reason.value);
        await render(app, panel);
      } catch (e) {
        error.textContent = [...fieldMessages(e).values()].join(' ') || e.message;
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
      }
    });
    const deviations = q.applicable && q.should_requirements.length
      ? el('details', { class: 'deviations' }, el('summary', {}, t('scope.deviations', { count: q.should_requirements.filter((r) => r.deviation).length })), q.should_requirements.map((r) => deviationRow(app, panel, scope, r)))
      : null;
    return el(
      'tr',
      { class: q.applicable ? '' : 'na', dataset: { row: q.id } },
      el('th', { scope: 'row' }, q.id),
      el('td', {}, q.text, deviations),
      el('td', {}, t(q.by_default ? 'scope.default_applies' : 'scope.default_na'), q.overridden ? el('span', { class: 'badge open' }, t('scope.overridden')) : null),
      el('td', { class: 'decision' }, choice, reason, save, error),
    );
  });
  return el(
    'table',
    { class: 'grid applicability', id: 'applicability' },
    el('thead', {}, el('tr', {}, ['scope.question', 'scope.text', 'scope.by_matrix', 'scope.decision'].map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, rows),
  );
}

function deviationRow(app, panel, scope, requirement) {
  const { t } = app;
  const reason = el('textarea', { class: 'justification', rows: 2, placeholder: t('scope.deviation_reason'), 'aria-label': t('scope.deviation_for', { id: requirement.id }) }, requirement.deviation ?? '');
  const error = el('span', { class: 'field-error' });
  const save = el('button', { type: 'button', dataset: { saveDeviation: requirement.id } }, t('settings.save'));
  save.addEventListener('click', async () => {
    try {
      await api.setDeviation(scope.id, requirement.id, reason.value);
      await render(app, panel);
    } catch (e) {
      error.textContent = [...fieldMessages(e).values()].join(' ') || e.message;
    }
  });
  return el('div', { class: 'deviation' }, el('span', { class: 'rid' }, requirement.id), reason, save, error);
}

/**
 * Edits the name, ENX Scope-ID, planned audit date, provider and locations (the objectives
 * have their own boxes in the detail); deletes the scope after naming what goes with it.
 */
function editDetails(app, panel, scope, locations) {
  const { t } = app;
  const scopeName = textInput('edit_scope_name', scope.name);
  const enx = textInput('edit_enx_id', scope.enx_scope_id ?? '');
  const date = el('input', { type: 'date', id: 'edit_audit_date', value: scope.planned_audit_date ?? '' });
  const provider = textInput('edit_provider', scope.audit_provider);
  // A scope names its locations; the form sends their ids.
  const chosen = locations.filter((l) => scope.locations.includes(l.name)).map((l) => String(l.id));
  const locs = checkboxes('locations', t('scope.wizard_locations'), locationOptions(locations), chosen);
  const status = statusLine('edit-status');
  const formNode = el(
    'form',
    { class: 'form', novalidate: true, id: 'scope-edit' },
    field('name', t('scope.scope_name'), scopeName),
    field('enx_scope_id', t('scope.enx_scope_id'), enx),
    field('planned_audit_date', t('scope.audit_date'), date),
    field('audit_provider', t('scope.audit_provider'), provider),
    locs,
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'submit', class: 'primary', dataset: { action: 'scope-update' } }, t('settings.save')),
      confirmButton(t('scope.delete_scope'), t('scope.really_delete_scope', { name: scope.name }), async () => {
        await api.removeScope(scope.id);
        view.selected = null;
        await render(app, panel);
      }, { action: 'scope-remove' }),
      status,
    ),
  );
  formNode.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.updateScope(scope.id, {
        name: scopeName.value,
        enx_scope_id: enx.value,
        planned_audit_date: date.value,
        audit_provider: provider.value,
        locations: locs.values().map(Number),
        objectives: scope.objectives,
        catalogue_id: scope.catalogue_id,
      }, scope.revision);
      await render(app, panel);
    } catch (error) {
      markFields(formNode, error);
      showFailure(status, error, () => render(app, panel), t);
    }
  });
  return el('details', { class: 'inline-form' }, el('summary', { dataset: { action: 'scope-edit' } }, t('scope.edit_details')), formNode);
}
