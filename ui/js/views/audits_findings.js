// An audit's findings, each with its corrective actions (status changes save at once) and a
// small form to add one with the due-date rules as a live hint and the evidence picker; and
// the form that records a finding on a control question, optionally for a protection object.
//
// An audit may have hundreds of findings: the first FINDINGS_PAGE are drawn and a button adds
// the next ones, a finding's action form is built only when its panel is opened, and an
// action's evidence is named from the audit view's own titles.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { actionsByFinding, suggestedQuestion } from '../lib/audits.js';
import { countdownWords, daysBetween, formatDate, isoDay } from '../lib/countdown.js';
import { hrefWith } from '../lib/routes.js';
import { field, markFields, show, statusLine } from './form.js';
import { actionFields } from './action_fields.js';
import { actionEditPanel, findingTools, liveActionCheck } from './audits_edit.js';

/** The findings section of audit `detail` (see audits_detail.js); redraws itself after a change. */
export function findingsSection(detail) {
  const section = el('section', { class: 'findings-section', id: 'audit-findings', 'aria-labelledby': 'findings-heading' });
  draw(detail, section, null);
  // A status changed in the actions table shows here too.
  detail.redrawFindings = async () => {
    await detail.reload();
    draw(detail, section, null);
  };
  return section;
}

/**
 * Draws the list and the form. `flash` = { finding, text, warnings } shows once on finding
 * `finding` (after an action was added), or { text } on the finding form.
 */
function draw(detail, section, flash) {
  const { t } = detail.app;
  section.replaceChildren(
    el('h3', { id: 'findings-heading' }, t('audits_ui.findings')),
    findingList(detail, section, flash),
    findingForm(detail, section, flash && !flash.finding ? flash : null),
  );
}

/** Reloads the audit and redraws the section with `flash`; focuses `focus` (a selector) if given. */
async function redraw(detail, section, flash, focus) {
  await detail.reload();
  draw(detail, section, flash);
  detail.refreshActions?.();
  if (!focus) return;
  // What to focus may lie past the findings shown (one just added comes last): show them all.
  if (!section.querySelector(focus) && detail.findingsShown < detail.view.findings.length) {
    detail.findingsShown = detail.view.findings.length;
    draw(detail, section, flash);
  }
  section.querySelector(focus)?.focus();
}

/** How many findings are shown at first, and how many more each press of the button adds. */
const FINDINGS_PAGE = 50;

/**
 * The findings with their actions and (folded) action forms: as many as the user asked to see
 * (`detail.findingsShown`, the first FINDINGS_PAGE at first), and a button that adds the next
 * ones and moves the focus to the first of them.
 */
function findingList(detail, section, flash) {
  const { app, view, objects } = detail;
  const { t } = app;
  if (!view.findings.length) return el('p', { class: 'hint', id: 'findings-empty' }, t('audits_ui.no_findings'));
  const actions = actionsByFinding(view.actions);
  const titles = new Map((view.evidence ?? []).map((e) => [e.id, e.title]));
  // After a change or removal: the audit again, the flash on the finding form, focus where asked.
  const done = (flash) => redraw(detail, section, { text: flash.text }, flash.focus);
  const row = (f) => {
    const object = objects.find((o) => o.id === f.protection_object_id);
    const own = actions.get(f.id) ?? [];
    return el(
      'li',
      { class: 'finding', dataset: { findingId: f.id, type: f.type, question: f.question }, tabindex: '-1' },
      el(
        'div',
        { class: 'finding-head' },
        el('span', { class: `badge finding-type type-${f.type}`, dataset: { type: f.type } }, t(`finding_type.${f.type}`)),
        el('span', { class: 'qid', title: detail.questionText.get(f.question) ?? '' }, f.question),
        object ? el('span', { class: 'chip muted finding-object' }, t('audits_ui.for_object', { name: object.name })) : null,
      ),
      el('p', { class: 'finding-text' }, f.text),
      findingTools(detail, f, own.length, done),
      own.length
        ? el('ul', { class: 'action-list', 'aria-label': t('audits_ui.actions_of', { id: f.id }) }, own.map((a) => actionRow(detail, a, titles, done)))
        : el('p', { class: 'hint no-actions' }, t(f.type === 'major' || f.type === 'minor' ? 'audits_ui.no_actions_nonconformity' : 'audits_ui.no_actions')),
      actionForm(detail, section, f, flash?.finding === f.id ? flash : null),
    );
  };
  const total = view.findings.length;
  detail.findingsShown = Math.min(total, detail.findingsShown ?? FINDINGS_PAGE);
  const list = el('ul', { class: 'findings-list', id: 'findings' }, view.findings.slice(0, detail.findingsShown).map(row));
  if (detail.findingsShown >= total) return list;
  const more = el('button', { type: 'button', class: 'secondary', id: 'findings-more' });
  const label = () => {
    more.textContent = t('audits_ui.more_findings', { count: Math.min(FINDINGS_PAGE, total - detail.findingsShown), shown: detail.findingsShown, total });
  };
  more.addEventListener('click', () => {
    const from = detail.findingsShown;
    detail.findingsShown = Math.min(total, from + FINDINGS_PAGE);
    list.append(...view.findings.slice(from, detail.findingsShown).map(row));
    list.children[from]?.focus();
    if (detail.findingsShown >= total) more.remove();
    else label();
  });
  label();
  return el('div', { class: 'findings-paged' }, list, more);
}

function actionRow(detail, action, titles, done) {
  const { app } = detail;
  const { t, lang } = app;
  const days = daysBetween(isoDay(), action.due);
  const finished = action.status === 'done' || action.status === 'verified';
  const saved = el('span', { class: 'action-status-saved', role: 'status' });
  const status = el(
    'select',
    { class: 'action-status', 'aria-label': t('audits_ui.status_of', { text: action.text }) },
    app.vocabulary.action_statuses.map((s) => el('option', { value: s, selected: s === action.status }, t(`action_status.${s}`))),
  );
  const row = el(
    'li',
    { class: `action${!finished && days < 0 ? ' overdue' : ''}`, dataset: { actionId: action.id, status: action.status } },
    el(
      'div',
      { class: 'action-body' },
      el('p', { class: 'action-description' }, action.text),
      el(
        'p',
        { class: 'action-meta' },
        el('span', { class: 'action-due-date' }, t('audits_ui.due_on', { date: formatDate(action.due, lang) })),
        finished ? null : el('span', { class: 'action-countdown' }, ` (${countdownWords(days, lang)})`),
        action.owner ? el('span', {}, ` · ${action.owner}`) : null,
        action.department ? el('span', {}, ` · ${action.department}`) : null,
      ),
      action.justification ? el('p', { class: 'hint action-justification-shown' }, t('audits_ui.justification_shown', { text: action.justification })) : null,
      action.evidence.length
        ? el(
            'ul',
            { class: 'chips action-evidence-list' },
            action.evidence.map((id) =>
              el('li', {}, el('a', { class: 'chip', href: hrefWith('evidence', { id }), dataset: { evidenceId: id } }, titles.get(id) ?? `#${id}`)),
            ),
          )
        : null,
    ),
    el('div', { class: 'action-state' }, status, saved),
    actionEditPanel(detail, action, titles, done),
  );
  status.addEventListener('change', async () => {
    status.disabled = true;
    saved.textContent = '';
    saved.classList.remove('error');
    try {
      await api.setActionStatus(action.id, status.value);
      action.status = status.value;
      row.dataset.status = status.value;
      saved.textContent = t('settings.saved');
      detail.refreshActions?.();
    } catch (error) {
      status.value = action.status;
      saved.textContent = error.message;
      saved.classList.add('error');
    } finally {
      status.disabled = false;
      status.focus();
    }
  });
  return row;
}

/**
 * The folded panel under a finding that adds a corrective action; its form is built when the
 * panel is first opened. `flash` shows what the last add said (and opens the panel).
 */
function actionForm(detail, section, finding, flash) {
  const { t } = detail.app;
  const status = el('p', { class: 'status action-form-status', role: 'status' });
  const warnings = el(
    'ul',
    { class: 'action-warnings', 'aria-live': 'polite' },
    (flash?.warnings ?? []).map((w) => el('li', {}, w)),
  );
  const details = el(
    'details',
    { class: 'inline-form action-add-panel' },
    el('summary', {}, t('audits_ui.add_action_heading')),
  );
  let built = false;
  const build = () => {
    if (built) return;
    built = true;
    details.append(actionFormBody(detail, section, finding, status));
  };
  details.addEventListener('toggle', () => {
    if (details.open) build();
  });
  if (flash) {
    build();
    details.open = true;
    show(status, flash.text, flash.warnings?.length ? 'warn' : 'ok');
  }
  // The warnings sit outside the collapsible form, so they stay in sight.
  return el('div', { class: 'action-add-box' }, warnings, details);
}

/** The form that adds a corrective action to `finding`; `status` is its status line. */
function actionFormBody(detail, section, finding, status) {
  const { app, view, scope, rules } = detail;
  const { t, lang } = app;
  const id = (part) => `action-${part}-${finding.id}`;
  const fields = actionFields({ t, id, scope: scope.id, finding: finding.id });
  const { text, owner, due, justification, picker, read } = fields;
  picker.input.classList.add('action-evidence');
  // The limits in words; what a typed date means comes from the backend's check (the same
  // rule the save applies), asked while the user types.
  const limits = view.due_limits ?? null;
  const d = (iso) => formatDate(iso, lang);
  const dueHint = el(
    'p',
    { class: 'hint due-rule', id: id('due-rule') },
    limits ? t('audits_ui.due_limits', { free: d(limits.free), justified: d(limits.justified), max: d(limits.max) }) : '',
  );
  const liveWarnings = el('ul', { class: 'action-warnings live-warnings', id: id('live-warnings'), 'aria-live': 'polite' });
  const add = el('button', { type: 'submit', class: 'action-add' }, t('audits_ui.add_action'));
  const form = el(
    'form',
    { class: 'form wide action-form', novalidate: true, dataset: { findingId: finding.id } },
    field('text', t('audits_ui.action_text'), text),
    fields.grid(),
    dueHint,
    liveWarnings,
    field(
      'justification',
      t('audits_ui.action_justification'),
      justification,
      t('audits_ui.action_justification_hint', { free: rules['actions.free_months'], justified: rules['actions.justified_months'] }),
    ),
    fields.evidenceField(t('audits_ui.action_evidence_hint')),
    el('div', { dataset: { field: 'finding' } }, el('p', { class: 'field-error', 'aria-live': 'polite' })),
    el('div', { class: 'actions' }, add, status),
  );
  // Checked once something was typed: an empty new form is not marked all over.
  const check = liveActionCheck(form, read, null, liveWarnings);
  for (const input of [owner, due, justification]) {
    input.addEventListener('input', check);
    input.addEventListener('change', check);
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    check.cancel();
    markFields(form, null);
    add.disabled = true;
    try {
      const answer = await api.addAction(read());
      await redraw(
        detail,
        section,
        { finding: finding.id, text: t('audits_ui.action_added'), warnings: answer.warnings },
        `li[data-action-id="${answer.action.id}"] .action-status`,
      );
    } catch (error) {
      markFields(form, error);
      show(status, error.message, 'error');
      add.disabled = false;
    }
  });
  return form;
}

/** The form that records a finding on one of the scope's applicable questions. */
function findingForm(detail, section, flash) {
  const { app, view, objects } = detail;
  const { t } = app;
  const applicable = view.questions.filter((q) => q.applicable);
  const preselect = suggestedQuestion(view.questions, view.findings);
  const question = el(
    'select',
    { id: 'finding-question', name: 'question' },
    applicable.map((q) => {
      const label = detail.questionText.get(q.id);
      const result = q.result ? ` · ${t(`assess_result.${q.result}`)}` : '';
      return el('option', { value: q.id, selected: q.id === preselect }, `${q.id} ${label ? `— ${shorten(label)}` : ''}${result}`);
    }),
  );
  const type = el('select', { id: 'finding-type', name: 'type' }, app.vocabulary.finding_types.map((k) => el('option', { value: k }, t(`finding_type.${k}`))));
  // A minor or major result suggests the same type for its finding.
  const suggestType = () => {
    const result = applicable.find((q) => q.id === question.value)?.result;
    if (result === 'minor' || result === 'major') type.value = result;
  };
  question.addEventListener('change', suggestType);
  suggestType();
  const text = el('textarea', { id: 'finding-text', name: 'text', rows: 3 });
  const object = el(
    'select',
    { id: 'finding-object', name: 'protection_object' },
    el('option', { value: '' }, t('audits_ui.no_object')),
    objects.map((o) => el('option', { value: String(o.id) }, o.name)),
  );
  const status = statusLine('finding-status');
  const form = el(
    'form',
    { class: 'form wide', id: 'finding-form', novalidate: true },
    el(
      'div',
      { class: 'form-grid' },
      field('question', t('audits_ui.finding_question'), question),
      field('type', t('audits_ui.finding_type'), type),
      field('protection_object', t('audits_ui.finding_object'), object, t('audits_ui.finding_object_hint')),
    ),
    field('text', t('audits_ui.finding_text'), text),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'finding-add' }, t('audits_ui.add_finding')), status),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    markFields(form, null);
    try {
      const added = await api.addFinding(view.id, question.value, type.value, text.value, object.value);
      await redraw(detail, section, { text: t('audits_ui.finding_added') }, `li[data-finding-id="${added.id}"]`);
    } catch (error) {
      markFields(form, error);
      show(status, error.message, 'error');
    }
  });
  if (flash) show(status, flash.text, 'ok');
  if (!applicable.length) return el('p', { class: 'hint' }, t('audits_ui.nothing_applies'));
  return el(
    'details',
    { class: 'panel', id: 'finding-panel', open: !view.findings.length || Boolean(flash) },
    el('summary', {}, t('audits_ui.add_finding_heading')),
    form,
  );
}

/** A question's text cut to fit an option. */
function shorten(text, length = 70) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
