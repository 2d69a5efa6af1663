// One evidence item below the vault table: its details (editable), review, versions, links
// (with unlink and a small form to add more) and removal.

import * as api from '../api/commands.js';
import { formatDateTime } from '../lib/countdown.js';
import { el } from '../lib/dom.js';
import { formatSize, shortHash, splitTargets } from '../lib/evidence_table.js';
import { confirmButton, field, markFields, show, showFailure, statusLine, textInput } from './form.js';
import { classificationOptions, scopeOptions, stateBadge, typeOptions } from './evidence_fields.js';
import { fileActions, openVersionButton } from './evidence_files.js';

/**
 * Draws item `id` into `host`. `on.changed()` reloads the vault after a change,
 * `on.removed()` after removal, `on.close()` closes the panel.
 */
export async function renderDetail(app, host, id, scopes, on) {
  const { t, lang } = app;
  const item = await api.showEvidence(id);
  const date = (iso) => formatDateTime(iso, lang);
  const heading = el('h2', { tabindex: '-1', id: 'evidence-detail-title' }, item.title, ' ', stateBadge(t, item.state));
  host.replaceChildren(
    el(
      'div',
      { class: 'panel evidence-detail', id: 'evidence-detail', dataset: { evidenceId: item.id }, 'aria-labelledby': 'evidence-detail-title' },
      el(
        'div',
        { class: 'detail-head' },
        heading,
        el('button', { type: 'button', id: 'detail-close', onclick: on.close }, t('vault.close')),
      ),
      el('p', { class: 'hint' }, t(`evidence_state.${item.state}_hint`)),
      el(
        'dl',
        { class: 'facts' },
        el('dt', {}, t('vault.source')),
        el('dd', { class: 'path' }, item.source_path),
        el('dt', {}, 'SHA-256'),
        el('dd', { class: 'path', id: 'detail-sha256' }, item.sha256),
        el('dt', {}, t('vault.size')),
        el('dd', {}, formatSize(item.size, lang)),
        el('dt', {}, t('vault.added_at')),
        el('dd', {}, date(item.added_at)),
        el('dt', {}, t('vault.col_version')),
        el('dd', {}, item.reviewed_version === item.version
          ? t('vault.version_reviewed', { version: item.version })
          : t('vault.version_unreviewed', { version: item.version, reviewed: item.reviewed_version ?? '–' })),
      ),
      fileActions(app, item, on),
      reviewBox(app, item, on),
      detailsForm(app, item, on),
      el('h3', {}, t('vault.versions')),
      versionsTable(app, item, date),
      el('h3', {}, t('vault.links_heading')),
      linksList(app, item, on),
      linkForm(app, item, scopes, on),
      el(
        'div',
        { class: 'actions remove-row' },
        (() => {
          const button = confirmButton(t('vault.remove'), t('vault.really_remove'), async () => {
            try {
              await api.removeEvidence(item.id);
              await on.removed();
            } catch (error) {
              show(document.getElementById('detail-remove-status'), error.message, 'error');
            }
          }, { action: 'evidence-remove' });
          button.id = 'detail-remove';
          return button;
        })(),
        el('p', { class: 'hint' }, t('vault.remove_hint')),
        statusLine('detail-remove-status'),
      ),
    ),
  );
}

function reviewBox(app, item, on) {
  const { t } = app;
  const next = el('input', { type: 'date', id: 'detail-next-review', name: 'review_due' });
  const status = statusLine('detail-review-status');
  const button = el('button', {
    type: 'button',
    id: 'detail-review',
    class: item.state === 'current' ? null : 'primary',
    onclick: async () => {
      button.disabled = true;
      try {
        await api.reviewEvidence(item.id, next.value);
        await on.changed();
        show(document.getElementById('detail-review-status') ?? status, t('vault.reviewed'), 'ok');
      } catch (error) {
        markFields(box, error);
        show(status, error.message, 'error');
      } finally {
        button.disabled = false;
      }
    },
  }, t('vault.mark_reviewed'));
  const box = el(
    'div',
    { class: 'review-box', id: 'detail-review-box' },
    el('p', { class: 'hint' }, t('vault.review_explain', { version: item.version })),
    el('div', { class: 'actions' }, field('review_due', t('vault.next_review'), next), button, status),
  );
  return box;
}

function detailsForm(app, item, on) {
  const { t } = app;
  const title = textInput('title', item.title, { id: 'detail-title' });
  const type = el('select', { id: 'detail-type', name: 'work_product' }, typeOptions(app, item.work_product ?? ''));
  const owner = textInput('owner', item.owner ?? '', { id: 'detail-owner' });
  const classification = el('select', { id: 'detail-classification', name: 'classification' }, classificationOptions(app, item.classification));
  const reviewDue = el('input', { type: 'date', id: 'detail-review-due', name: 'review_due', value: item.review_due ?? '' });
  const status = statusLine('detail-status');
  const form = el(
    'form',
    { class: 'form wide', id: 'evidence-detail-form', novalidate: true },
    el(
      'div',
      { class: 'form-grid' },
      field('title', t('vault.title'), title),
      field('work_product', t('vault.type'), type),
      field('owner', t('vault.owner'), owner),
      field('classification', t('vault.classification'), classification),
      field('review_due', t('vault.review_due'), reviewDue),
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'detail-save' }, t('settings.save')), status),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.updateEvidence(item.id, {
        title: title.value,
        work_product: type.value,
        owner: owner.value,
        classification: classification.value,
        review_due: reviewDue.value,
      }, item.revision);
      await on.changed();
      show(document.getElementById('detail-status') ?? status, t('settings.saved'), 'ok');
    } catch (error) {
      markFields(form, error);
      showFailure(status, error, () => on.changed(), t);
    }
  });
  return el('details', { class: 'inline-form', id: 'detail-edit', open: true }, el('summary', {}, t('vault.edit_details')), form);
}

function versionsTable(app, item, date) {
  const { t, lang } = app;
  const versions = [...(item.versions ?? [])].sort((a, b) => b.version - a.version);
  return el(
    'table',
    { class: 'grid compact', id: 'detail-versions' },
    el('thead', {}, el('tr', {}, ['vault.col_version', 'vault.hash', 'vault.size', 'vault.file', 'vault.recorded', 'files.open_short'].map((k) => el('th', { scope: 'col' }, t(k))))),
    el(
      'tbody',
      {},
      versions.map((v) =>
        el(
          'tr',
          { dataset: { version: v.version } },
          el('td', { class: 'num' }, String(v.version), v.version === item.reviewed_version ? el('span', { class: 'badge state-current small' }, t('vault.reviewed_mark')) : null),
          el('td', {}, el('code', { title: v.sha256 }, `${shortHash(v.sha256)}…`)),
          el('td', {}, formatSize(v.size, lang)),
          el('td', { class: 'file-name' }, v.file_name),
          el('td', {}, date(v.recorded_at)),
          el('td', {}, openVersionButton(app, item.id, v.version)),
        ),
      ),
    ),
  );
}

function linksList(app, item, on) {
  const { t } = app;
  if (!item.link_details.length) return el('p', { class: 'hint', id: 'detail-links' }, t('vault.no_links_long'));
  const status = statusLine('detail-unlink-status');
  return el(
    'div',
    {},
    el(
      'ul',
      { class: 'link-list', id: 'detail-links' },
      item.link_details.map((link) =>
        el(
          'li',
          { dataset: { linkId: link.id, target: link.target } },
          el('span', { class: 'chip' }, link.target),
          el('span', {}, link.scope ?? t('vault.every_scope')),
          link.protection_object ? el('span', { class: 'hint' }, t('vault.for_object', { name: link.protection_object })) : null,
          link.note ? el('span', { class: 'hint note' }, link.note) : null,
          el('button', {
            type: 'button',
            class: 'unlink',
            'aria-label': t('vault.unlink_from', { target: link.target }),
            onclick: async (event) => {
              event.currentTarget.disabled = true;
              try {
                await api.unlinkEvidence(link.id);
                await on.changed();
              } catch (error) {
                show(status, error.message, 'error');
              }
            },
          }, t('vault.unlink')),
        ),
      ),
    ),
    status,
  );
}

function linkForm(app, item, scopes, on) {
  const { t } = app;
  const targets = textInput('targets', '', { id: 'detail-link-targets', placeholder: t('vault.links_placeholder') });
  const scope = el('select', { id: 'detail-link-scope', name: 'scope' }, scopeOptions(t, scopes));
  const object = el('select', { id: 'detail-link-object', name: 'protection_object', disabled: true }, el('option', { value: '' }, t('vault.every_object')));
  const note = textInput('note', '', { id: 'detail-link-note' });
  const status = statusLine('detail-link-status');
  scope.addEventListener('change', async () => {
    object.replaceChildren(el('option', { value: '' }, t('vault.every_object')));
    object.disabled = !scope.value;
    if (!scope.value) return;
    try {
      const objects = await api.protectionObjects(scope.value);
      object.append(...objects.map((o) => el('option', { value: String(o.id) }, o.name)));
    } catch (error) {
      show(status, error.message, 'error');
    }
  });
  const form = el(
    'form',
    { class: 'form wide', id: 'detail-link-form', novalidate: true },
    el(
      'div',
      { class: 'form-grid' },
      field('targets', t('vault.link_to'), targets, t('vault.links_hint')),
      field('scope', t('vault.link_scope'), scope),
      field('protection_object', t('vault.link_object'), object),
      field('note', t('vault.link_note'), note),
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'detail-link' }, t('vault.link')), status),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const count = await api.linkEvidence(item.id, {
        targets: splitTargets(targets.value),
        scope: scope.value,
        protection_object: object.value,
        note: note.value,
      });
      await on.changed();
      show(document.getElementById('detail-link-status') ?? status, t('vault.linked', { count }), 'ok');
    } catch (error) {
      markFields(form, error);
      show(status, error.message, 'error');
    }
  });
  return form;
}
