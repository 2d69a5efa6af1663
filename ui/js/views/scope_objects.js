// Protection objects of a scope: the register, the sampling per objective (with the
// square-root suggestion) and the sample checks of each sampled object.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { fieldMessages } from '../lib/errors.js';
import { checkboxes, confirmButton, field, markFields, show, showFailure, statusLine, textInput } from './form.js';
import { scopePicker } from '../widgets/scope_picker.js';

// `scope` is the id of the scope shown, `checking` the id of the protection object whose sample
// checks are open; `adding` keeps the add form open after an add, for entering several
// objects in a row.
const view = { scope: null, checking: null, adding: false, editing: null };
const STATUSES = ['open', 'consistent', 'deviation'];

export async function render(app, panel) {
  const { t } = app;
  const scopes = await api.scopes();
  if (!scopes.length) {
    panel.replaceChildren(el('p', { class: 'hint' }, t('scope.objects_need_scope')));
    return;
  }
  if (!scopes.some((s) => s.id === view.scope)) view.scope = scopes[0].id;
  const scope = scopes.find((s) => s.id === view.scope);
  const picker = scopePicker({
    id: 'po_scope',
    name: null,
    scopes,
    selected: view.scope,
    onChange: (chosen) => {
      view.scope = chosen;
      view.checking = null;
      render(app, panel);
    },
  });
  const [objects, sampling, locations] = await Promise.all([api.protectionObjects(scope.id), api.sampling(scope.id), api.locations()]);
  const checking = objects.find((o) => o.id === view.checking) ?? null;
  panel.replaceChildren(
    el('label', { class: 'inline' }, t('scope.scope'), ' ', picker),
    register(app, panel, scope, locations, objects),
    addForm(app, panel, scope, locations, objects.length === 0 || view.adding),
    el('h3', {}, t('scope.sampling')),
    el('p', { class: 'hint' }, t('scope.sampling_hint')),
    ...sampling.map((row) => samplingPanel(app, panel, scope, objects, row)),
    ...(checking ? [await checksPanel(app, scope, checking)] : []),
  );
}

function register(app, panel, scope, locationList, objects) {
  const { t } = app;
  if (!objects.length) return el('p', { class: 'hint', id: 'objects-empty' }, t('scope.objects_empty'));
  const cia = (o) => ['confidentiality', 'integrity', 'availability'].filter((k) => o[k]).map((k) => t(`scope.${k}`)).join(', ');
  return el(
    'table',
    { class: 'grid', id: 'objects-table' },
    el('thead', {}, el('tr', {}, ['scope.po_name', 'scope.item', 'scope.customer', 'scope.cia', 'scope.objectives', 'scope.actions'].map((k) => el('th', { scope: 'col' }, t(k))))),
    el(
      'tbody',
      {},
      objects.map((o) =>
        el(
          'tr',
          { dataset: { object: o.name } },
          el('td', {}, el('strong', {}, o.name), o.partner_participant_id ? el('div', { class: 'hint' }, o.partner_participant_id) : null),
          el('td', {}, o.item),
          el('td', {}, o.customer),
          el('td', {}, cia(o)),
          el('td', {}, o.objectives.map((x) => t(`scope.objective_${x}`)).join(', ')),
          el(
            'td',
            {},
            editForm(app, panel, scope, locationList, o),
            confirmButton(t('scope.delete'), t('scope.really_delete_object', { name: o.name }), async () => {
              await api.removeProtectionObject(o.id);
              if (view.checking === o.id) view.checking = null;
              await render(app, panel);
            }, { removeObject: o.name }),
          ),
        ),
      ),
    ),
  );
}

/**
 * The fields of a protection object, empty or filled with `object`; `.input()` reads them
 * back as the backend takes them. Unchecking every objective is sent as it is (the backend
 * refuses it: an object relevant to no objective belongs to no sample).
 */
function objectFields(app, scope, locationList, prefix, object) {
  const { t } = app;
  const flags = object ? ['confidentiality', 'integrity', 'availability'].filter((k) => object[k]) : [];
  const cia = checkboxes('cia', t('scope.cia'), ['confidentiality', 'integrity', 'availability'].map((k) => ({ value: k, label: t(`scope.${k}`) })), flags);
  const objectives = checkboxes(
    'objectives',
    t('scope.objectives'),
    app.vocabulary.objectives.filter((o) => scope.objectives.includes(o)).map((o) => ({ value: o, label: t(`scope.objective_${o}`) })),
    object ? object.objectives : scope.objectives,
  );
  // The scope names its locations; the form sends their ids.
  const chosen = object ? (object.locations ?? []).map((name) => String(locationList.find((l) => l.name === name)?.id)) : [];
  const locations = checkboxes(
    'locations',
    t('scope.wizard_locations'),
    scope.locations
      .map((name) => locationList.find((l) => l.name === name))
      .filter(Boolean)
      .map((l) => ({ value: String(l.id), label: l.name })),
    chosen,
  );
  const inputs = {
    name: textInput(`${prefix}_name`, object?.name ?? ''),
    item: textInput(`${prefix}_item`, object?.item ?? ''),
    customer: textInput(`${prefix}_customer`, object?.customer ?? ''),
    partner_participant_id: textInput(`${prefix}_partner`, object?.partner_participant_id ?? ''),
    lifecycle_phases: textInput(`${prefix}_phases`, object?.lifecycle_phases ?? ''),
  };
  const nodes = [
    field('name', t('scope.po_name'), inputs.name),
    field('item', t('scope.item'), inputs.item),
    field('customer', t('scope.customer'), inputs.customer),
    field('partner_participant_id', t('scope.partner_id'), inputs.partner_participant_id, t('scope.partner_id_hint')),
    cia,
    field('lifecycle_phases', t('scope.phases'), inputs.lifecycle_phases, t('scope.phases_hint')),
    objectives,
    locations,
  ];
  const input = () => {
    const flags = cia.values();
    return {
      scope: scope.id,
      name: inputs.name.value,
      item: inputs.item.value,
      customer: inputs.customer.value,
      partner_participant_id: inputs.partner_participant_id.value,
      confidentiality: flags.includes('confidentiality'),
      integrity: flags.includes('integrity'),
      availability: flags.includes('availability'),
      lifecycle_phases: inputs.lifecycle_phases.value,
      objectives: objectives.values(),
      locations: locations.values().map(Number),
    };
  };
  return { nodes, input };
}

function addForm(app, panel, scope, locationList, open) {
  const { t } = app;
  const status = statusLine('po-status');
  const fields = objectFields(app, scope, locationList, 'po', null);
  const formNode = el(
    'form',
    { class: 'form', novalidate: true, id: 'po-form' },
    ...fields.nodes,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', dataset: { action: 'po-add' } }, t('scope.add_object')), status),
  );
  formNode.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.addProtectionObject(fields.input());
      view.adding = true;
      await render(app, panel);
    } catch (error) {
      markFields(formNode, error);
      show(status, error.message, 'error');
    }
  });
  const details = el('details', { class: 'panel', open }, el('summary', {}, t('scope.add_object')), formNode);
  details.addEventListener('toggle', () => (view.adding = details.open));
  if (open) queueMicrotask(() => formNode.querySelector('#po_name')?.focus());
  return details;
}

/** Corrects every field of a protection object (its scope stays). */
function editForm(app, panel, scope, locationList, object) {
  const { t } = app;
  const status = statusLine(`po-edit-status-${object.id}`);
  const fields = objectFields(app, scope, locationList, `edit_po_${object.id}`, object);
  const formNode = el(
    'form',
    { class: 'form', novalidate: true, dataset: { editObject: object.name } },
    ...fields.nodes,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', dataset: { action: 'po-save' } }, t('settings.save')), status),
  );
  formNode.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.updateProtectionObject(object.id, fields.input(), object.revision);
      view.editing = null;
      await render(app, panel);
    } catch (error) {
      markFields(formNode, error);
      showFailure(status, error, () => render(app, panel), t);
    }
  });
  const details = el('details', { class: 'inline-form', open: view.editing === object.id }, el('summary', { dataset: { action: 'po-edit' } }, t('scope.edit')), formNode);
  details.addEventListener('toggle', () => {
    if (details.open) view.editing = object.id;
    else if (view.editing === object.id) view.editing = null;
  });
  return details;
}

/** The sample of one objective; the sampling rows name the objects, the checks take ids. */
function samplingPanel(app, panel, scope, objects, row) {
  const { t } = app;
  const choice = checkboxes(
    'sample',
    t('scope.sample_of', { objective: t(`scope.objective_${row.objective}`) }),
    row.population.map((name) => ({ value: name, label: name })),
    row.chosen,
  );
  const status = statusLine(`sample-status-${row.objective}`);
  const save = el('button', { type: 'button', dataset: { saveSample: row.objective } }, t('scope.save_sample'));
  save.addEventListener('click', async () => {
    try {
      await api.chooseSample(scope.id, row.objective, choice.values());
      await render(app, panel);
    } catch (error) {
      markFields(choice.parentElement, error);
      show(status, error.message, 'error');
    }
  });
  const check = (name) =>
    el('button', {
      type: 'button',
      class: 'chip',
      dataset: { checkObject: name },
      onclick: () => {
        view.checking = objects.find((o) => o.name === name)?.id ?? null;
        render(app, panel);
      },
    }, t('scope.check_object', { name }));
  return el(
    'div',
    { class: 'panel', dataset: { sampling: row.objective } },
    el('p', { class: 'live-count' }, t('scope.suggested', { population: row.population.length, suggested: row.suggested, chosen: row.chosen.length })),
    row.population.length ? choice : el('p', { class: 'hint' }, t('scope.no_population')),
    el('div', { class: 'actions' }, row.population.length ? save : null, status),
    row.chosen.length ? el('ul', { class: 'chips' }, row.chosen.map((name) => el('li', {}, check(name)))) : null,
  );
}

/** The sample checks of protection object `object` (from po_list) on the scope's applicable questions. */
async function checksPanel(app, scope, object) {
  const { t } = app;
  const recorded = new Map((await api.sampleChecks(object.id)).map((c) => [c.question, c]));
  const applicable = scope.questions.filter((q) => q.applicable);
  return el(
    'div',
    { class: 'panel', id: 'sample-checks' },
    el('h3', {}, t('scope.checks_of', { name: object.name })),
    el(
      'table',
      { class: 'grid' },
      el('thead', {}, el('tr', {}, ['scope.question', 'scope.text', 'scope.check_status', 'scope.note'].map((k) => el('th', { scope: 'col' }, t(k))))),
      el(
        'tbody',
        {},
        applicable.map((q) => {
          const current = recorded.get(q.id);
          const status = el(
            'select',
            { 'aria-label': t('scope.check_status_for', { id: q.id }), dataset: { checkQuestion: q.id } },
            STATUSES.map((s) => el('option', { value: s, selected: (current?.status ?? 'open') === s }, t(`scope.status_${s}`))),
          );
          const note = el('input', { type: 'text', value: current?.note ?? '', 'aria-label': t('scope.note_for', { id: q.id }) });
          const error = el('span', { class: 'field-error' });
          const save = async () => {
            try {
              await api.setSampleCheck(object.id, q.id, status.value, note.value);
              error.textContent = '';
            } catch (e) {
              error.textContent = [...fieldMessages(e).values()].join(' ') || e.message;
            }
          };
          status.addEventListener('change', save);
          note.addEventListener('change', save);
          return el('tr', {}, el('th', { scope: 'row' }, q.id), el('td', {}, q.text), el('td', {}, status), el('td', {}, note, error));
        }),
      ),
    ),
  );
}
