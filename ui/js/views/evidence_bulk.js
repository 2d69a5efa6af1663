// The vault's bulk bar: how many items are ticked (or "all N matching the filter"), and one
// change for all of them (work product, owner, classification, review date, reviewed, links,
// removal), sent as one request that the backend applies in one transaction. Removal asks
// first, naming the count.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { splitTargets } from '../lib/evidence_table.js';
import { clear, isTicked, selectAllMatching, selectedCount, selectionPayload, tick, tickPage } from '../lib/selection.js';
import { field, markFields, show, statusLine, textInput } from './form.js';
import { classificationOptions, scopeOptions, typeOptions } from './evidence_fields.js';

const ACTIONS = ['work_product', 'owner', 'classification', 'review_due', 'review', 'link', 'remove'];

/**
 * The bar. `selection` is the vault's (lib/selection.js); `page()` the page shown, `query()`
 * its query; `redraw()` redraws the table's ticks; `changed()` reloads after a change.
 */
export function bulkBar({ app, scopes, selection, page, query, redraw, changed }) {
  const { t, lang } = app;
  const count = el('span', { id: 'evidence-bulk-count', 'aria-live': 'polite' });
  const all = el('button', { type: 'button', id: 'evidence-select-all-matching', class: 'link-button' });
  const none = el('button', { type: 'button', id: 'evidence-bulk-clear', class: 'link-button' }, t('bulk.clear'));
  const action = el('select', { id: 'evidence-bulk-action', name: 'action' }, ACTIONS.map((a) => el('option', { value: a }, t(`bulk.action_${a}`))));
  const valueHost = el('div', { class: 'bulk-value' });
  const apply = el('button', { type: 'submit', id: 'evidence-bulk-apply', class: 'primary' }, t('bulk.apply'));
  const status = statusLine('evidence-bulk-status');
  const confirmText = el('p', { id: 'evidence-bulk-confirm-text' });
  const confirm = el(
    'dialog',
    { id: 'evidence-bulk-confirm', 'aria-labelledby': 'evidence-bulk-confirm-text' },
    confirmText,
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'button', id: 'evidence-bulk-confirm-remove', class: 'danger', onclick: () => confirm.close('remove') }, t('bulk.remove_confirm')),
      // Cancel has the focus: Enter on an opened question keeps everything.
      el('button', { type: 'button', id: 'evidence-bulk-cancel', autofocus: true, onclick: () => confirm.close('') }, t('bulk.cancel')),
    ),
  );
  const number = (n) => n.toLocaleString(lang);
  const form = el('form', { id: 'evidence-bulk-form', class: 'bulk-form', novalidate: true }, field('action', t('bulk.action'), action), valueHost, el('div', { class: 'actions' }, apply), status);

  function drawValue() {
    const input = (() => {
      switch (action.value) {
        case 'work_product':
          return field('work_product', t('vault.type'), el('select', { id: 'evidence-bulk-value', name: 'work_product' }, typeOptions(app)));
        case 'owner':
          return field('owner', t('vault.owner'), textInput('owner', '', { id: 'evidence-bulk-value' }));
        case 'classification':
          return field('classification', t('vault.classification'), el('select', { id: 'evidence-bulk-value', name: 'classification' }, classificationOptions(app)));
        case 'review_due':
          return field('review_due', t('vault.review_due'), el('input', { type: 'date', id: 'evidence-bulk-value', name: 'review_due' }));
        case 'review':
          return field('review_due', t('vault.next_review'), el('input', { type: 'date', id: 'evidence-bulk-value', name: 'review_due' }), t('bulk.next_review_hint'));
        case 'link':
          return el(
            'div',
            { class: 'form-grid' },
            field('targets', t('vault.links'), textInput('targets', '', { id: 'evidence-bulk-value', placeholder: t('vault.links_placeholder') }), t('vault.links_hint')),
            field('scope', t('vault.link_scope'), el('select', { id: 'evidence-bulk-scope', name: 'scope' }, scopeOptions(t, scopes))),
          );
        default:
          return el('p', { class: 'hint' }, t('vault.remove_hint'));
      }
    })();
    valueHost.replaceChildren(input);
  }

  function change() {
    const value = document.getElementById('evidence-bulk-value')?.value ?? '';
    switch (action.value) {
      case 'review':
        return { action: 'review', next_review: value };
      case 'link':
        return { action: 'link', targets: splitTargets(value), scope: document.getElementById('evidence-bulk-scope')?.value ?? '', protection_object: null, note: '' };
      case 'remove':
        return { action: 'remove' };
      default:
        return { action: 'set', field: action.value, value };
    }
  }

  function update() {
    const total = page()?.total ?? 0;
    // An empty vault has nothing to choose.
    element.hidden = !page()?.unfiltered;
    const n = selectedCount(selection, total);
    count.textContent = n ? t(selection.all ? 'bulk.all_selected' : 'bulk.selected', { count: number(n) }) : t('bulk.none_selected');
    all.textContent = t('bulk.select_all_matching', { count: number(total) });
    all.hidden = selection.all || total <= n || total === 0;
    none.hidden = n === 0;
    apply.disabled = n === 0;
  }

  all.addEventListener('click', () => {
    selectAllMatching(selection);
    update();
    redraw();
  });
  none.addEventListener('click', () => {
    clear(selection);
    update();
    redraw();
  });
  action.addEventListener('change', () => {
    drawValue();
    markFields(form, null);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const n = selectedCount(selection, page()?.total ?? 0);
    if (!n) return;
    const wanted = change();
    if (wanted.action === 'remove') {
      confirmText.textContent = t('bulk.remove_question', { count: number(n) });
      confirm.returnValue = '';
      confirm.showModal();
      const answer = await new Promise((resolve) => confirm.addEventListener('close', () => resolve(confirm.returnValue), { once: true }));
      if (answer !== 'remove') return;
    }
    apply.disabled = true;
    markFields(form, null);
    show(status, t('bulk.applying', { count: number(n) }));
    try {
      const outcome = await api.bulkEvidence(selectionPayload(selection, query()), wanted);
      const key = wanted.action === 'remove' ? 'bulk.removed' : wanted.action === 'link' ? 'bulk.linked' : 'bulk.changed';
      clear(selection);
      await changed();
      show(document.getElementById('evidence-bulk-status') ?? status, t(key, { count: number(outcome.changed), selected: number(outcome.selected) }), 'ok');
    } catch (error) {
      markFields(form, error);
      show(status, error.message, 'error');
    } finally {
      update();
    }
  });
  drawValue();
  /** Another filter: the last outcome and marks no longer belong to what is shown. */
  const reset = () => {
    show(status, '');
    markFields(form, null);
  };
  const element = el(
    'div',
    { class: 'bulk-bar', id: 'evidence-bulk', role: 'region', 'aria-label': t('bulk.heading') },
    el('div', { class: 'bulk-count' }, count, ' ', all, ' ', none),
    form,
    confirm,
  );
  update();
  return { element, update, reset };
}

/** The table's first header cell: a box that ticks or unticks the page's rows. */
export function pageTickHeader({ t }, selection, pageIds, after) {
  const ticked = pageIds.filter((id) => isTicked(selection, id)).length;
  const box = el('input', {
    type: 'checkbox',
    id: 'evidence-tick-page',
    'aria-label': t('bulk.tick_page'),
    checked: pageIds.length > 0 && ticked === pageIds.length,
    onchange: (event) => {
      tickPage(selection, pageIds, event.target.checked);
      after();
    },
  });
  box.indeterminate = ticked > 0 && ticked < pageIds.length;
  return el('th', { scope: 'col', class: 'tick' }, box);
}

/** A row's first cell: its tick box; Shift+click ticks the range from the last click. */
export function tickCell({ t }, selection, pageIds, item, after) {
  const box = el('input', {
    type: 'checkbox',
    class: 'evidence-tick',
    'aria-label': t('bulk.tick_item', { title: item.title }),
    checked: isTicked(selection, item.id),
    dataset: { tick: item.id },
  });
  box.addEventListener('click', (event) => {
    tick(selection, pageIds, item.id, box.checked, event.shiftKey);
    after(item.id);
  });
  return el('td', { class: 'tick' }, box);
}
