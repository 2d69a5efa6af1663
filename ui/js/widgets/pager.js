// The paging controls under a list the backend answers a page at a time: "Previous", which
// rows of how many, "Next". The screen keeps the offset; the pager only shows it and asks.

import { el } from '../lib/dom.js';
import { PAGE_SIZE, pageRange } from '../lib/paging.js';

/**
 * A pager with element ids from `id` (`<id>-previous`, `<id>-range`, `<id>-next`). Returns
 * { element, update(page, shown) }: `update` shows the page the backend answered ({ offset,
 * total }) holding `shown` rows; a click calls `onPage(offset)` with the offset to load.
 */
export function pager({ t, lang, id, onPage, limit = PAGE_SIZE }) {
  let range = pageRange();
  const previous = el('button', { type: 'button', id: `${id}-previous`, disabled: true, onclick: () => onPage(range.previousOffset) }, t('pager.previous'));
  const next = el('button', { type: 'button', id: `${id}-next`, disabled: true, onclick: () => onPage(range.nextOffset) }, t('pager.next'));
  const text = el('span', { id: `${id}-range`, class: 'pager-range', 'aria-live': 'polite' });
  const element = el('nav', { class: 'pager', id, 'aria-label': t('pager.label'), hidden: true }, previous, text, next);
  // Counts reach the messages as numbers (plural forms; printed without grouping, as core does).
  const number = (n) => Number(n);
  return {
    element,
    update(page, shown) {
      range = pageRange(page, shown, limit);
      previous.disabled = !range.hasPrevious;
      next.disabled = !range.hasNext;
      text.textContent = shown ? t('pager.range', { first: number(range.first), last: number(range.last), total: number(page.total) }) : '';
      // One page holds everything: nothing to page through.
      element.hidden = !range.hasPrevious && !range.hasNext;
    },
  };
}
