// The Export screen's "Report (PDF)" panel: the printable report of the chosen scope, for
// the self-assessment (predicted result) or one audit's results, in English or German.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { field, markFields, show, statusLine } from './form.js';
import { chooseButton, pathField, pathInput } from '../widgets/path_field.js';

// What the panel remembers while the app runs: the path and language chosen.
const remembered = { path: '', lang: '' };

/**
 * The panel; `scopeOf()` answers the scope chosen on the screen (an id or null). Its
 * `refresh()` reloads the audits to choose from after another scope is chosen.
 */
export function reportPanel(app, scopeOf) {
  const { t } = app;
  const audit = el('select', { id: 'report-audit', name: 'audit' });
  const fillAudits = async () => {
    audit.replaceChildren(el('option', { value: '' }, t('export_ui.report_self')));
    const scope = scopeOf();
    if (!scope) return;
    try {
      for (const a of await api.audits(scope)) {
        audit.append(el('option', { value: String(a.id) }, `${t(`audit_kind.${a.audit.kind}`)} · ${a.audit.closing_meeting}`));
      }
    } catch {
      // The list stays with the self-assessment only; writing names any problem.
    }
  };
  const lang = el(
    'select',
    { id: 'report-lang', name: 'lang' },
    el('option', { value: '', selected: remembered.lang === '' }, t('export_ui.report_lang_app')),
    el('option', { value: 'en', selected: remembered.lang === 'en' }, t('settings.language_en')),
    el('option', { value: 'de', selected: remembered.lang === 'de' }, t('settings.language_de')),
  );
  lang.addEventListener('change', () => (remembered.lang = lang.value));
  const path = pathInput('report-path', remembered.path, 'out');
  path.addEventListener('input', () => (remembered.path = path.value));
  const status = statusLine('report-status');
  const choose = chooseButton({
    id: 'report-choose',
    text: t('export_ui.choose'),
    pick: api.pickReportOut,
    input: path,
    onPicked: (picked) => (remembered.path = picked),
    onError: (error) => show(status, error.message, 'error'),
  });
  const runButton = el('button', { type: 'submit', class: 'primary', id: 'report-run' }, t('export_ui.report_run'));
  const form = el(
    'form',
    { id: 'report-form', class: 'form', novalidate: true },
    field('audit', t('export_ui.report_audit'), audit),
    field('lang', t('export_ui.report_lang'), lang),
    pathField({ name: 'out', input: path, label: t('export_ui.report_path'), choose, hint: t('export_ui.report_path_hint') }),
    el('div', { class: 'actions' }, runButton),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    markFields(form, null);
    const out = path.value.trim();
    const scope = scopeOf();
    if (!scope) {
      show(status, t('export_ui.no_scopes_hint'), 'error');
      return;
    }
    if (!out) {
      markFields(form, { fields: [{ field: 'out', message: t('export_ui.report_path_missing') }] });
      show(status, '');
      return;
    }
    runButton.disabled = true;
    choose.disabled = true;
    show(status, t('export_ui.report_running'));
    try {
      const written = await api.exportReport(scope, out, audit.value || null, lang.value);
      show(status, t('export_ui.report_done', { path: written.report, pages: written.pages }), 'ok');
    } catch (error) {
      const located = error.code === 'not_writable' && !error.fields?.length
        ? { fields: [{ field: 'out', message: error.message }] }
        : error;
      markFields(form, located);
      show(status, located === error ? error.message : t('export_ui.report_not_written'), 'error');
    } finally {
      runButton.disabled = false;
      choose.disabled = false;
    }
  });
  fillAudits();
  const panel = el(
    'section',
    { class: 'panel', id: 'export-report-panel', 'aria-labelledby': 'export-report-heading' },
    el('h2', { id: 'export-report-heading' }, t('export_ui.report_heading')),
    el('p', { class: 'hint' }, t('export_ui.report_hint')),
    form,
  );
  // The screen calls this when another scope is chosen.
  panel.refresh = fillAudits;
  return panel;
}
