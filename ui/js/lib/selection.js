// The vault's selection for bulk changes: ticked items by id, or "every item the filter
// keeps", which is sent as the query itself (the backend finds the items), never as the ids
// of the rows loaded so far.

/** A new, empty selection. */
export function emptySelection() {
  return { ids: new Set(), all: false, anchor: null };
}

/**
 * Ticks (`on`) or unticks item `id` of the page `pageIds` (the ids shown, in order). With
 * `shift`, every item between the last one clicked and `id` gets the same state. Ticking a
 * row while "every matching item" is chosen goes back to ticked rows: the page's rows, with
 * this change.
 */
export function tick(selection, pageIds, id, on, shift = false) {
  if (selection.all) {
    selection.all = false;
    selection.ids = new Set(pageIds);
  }
  const from = pageIds.indexOf(selection.anchor);
  const to = pageIds.indexOf(id);
  const range = shift && from >= 0 && to >= 0 ? pageIds.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
  for (const each of range) {
    if (on) selection.ids.add(each);
    else selection.ids.delete(each);
  }
  selection.anchor = id;
  return selection;
}

/** Ticks or unticks every row of the page. */
export function tickPage(selection, pageIds, on) {
  if (selection.all && !on) return clear(selection);
  for (const id of pageIds) {
    if (on) selection.ids.add(id);
    else selection.ids.delete(id);
  }
  return selection;
}

/** Chooses every item the current filter keeps. */
export function selectAllMatching(selection) {
  selection.all = true;
  selection.ids = new Set();
  selection.anchor = null;
  return selection;
}

export function clear(selection) {
  selection.all = false;
  selection.ids = new Set();
  selection.anchor = null;
  return selection;
}

/** Whether row `id` shows as ticked. */
export const isTicked = (selection, id) => selection.all || selection.ids.has(id);

/** How many items a change would touch; `total` is how many the filter keeps. */
export const selectedCount = (selection, total) => (selection.all ? total : selection.ids.size);

/**
 * What evidence_bulk is sent: the filter of `query` (its paging and sort dropped) for
 * "every matching item", else the ticked ids in order.
 */
export function selectionPayload(selection, query) {
  if (selection.all) {
    const { offset, limit, sort, direction, ...filter } = query;
    return { filter };
  }
  return { ids: [...selection.ids].sort((a, b) => a - b) };
}
