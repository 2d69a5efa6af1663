// Pure helpers of the deadlines screen: the kinds, the filter as the hash keeps it and as the
// backend takes it, sorting the list by a column, and its summary.

import { idFromParam } from './routes.js';

export const DEADLINE_KINDS = [
  'vcs-label',
  'renewal',
  'tisax-label',
  'corrective-action',
  'follow-up-audit',
  'evidence-review',
  'planned-audit',
];

/** The columns of the deadline table, in order; each one sorts. */
export const DEADLINE_COLUMNS = ['due', 'countdown', 'kind', 'what', 'scope', 'owner'];

/**
 * The "within N days" text as a number: '' → null (all), '30' → 30; anything that is not a
 * whole number from 0 to `max` (the longest look ahead the backend takes, the vocabulary's
 * `limits.within_days.max`) → undefined (the field is wrong).
 */
export function parseWithin(text, max = Infinity) {
  const value = String(text ?? '').trim();
  if (!value) return null;
  if (!/^\d+$/.test(value)) return undefined;
  const days = Number(value);
  return days <= max ? days : undefined;
}

/**
 * The filter from the hash parameters (unknown kinds and "within" beyond `max` dropped):
 * { kind, scope, owner, within }, `scope` the chosen scope's id as text ('' for every scope).
 */
export function filterFromParams(params = {}, max = Infinity) {
  return {
    kind: DEADLINE_KINDS.includes(params.kind) ? params.kind : '',
    scope: String(params.scope ?? ''),
    owner: String(params.owner ?? ''),
    within: parseWithin(params.within, max) === undefined ? '' : String(params.within ?? '').trim(),
  };
}

/**
 * The same filter as deadlines_list and deadlines_export_ics take it, the scope by its id. A
 * scope id that `scopes` ([{ id, name }], scope_names) lacks (from an old link) filters
 * nothing, as the picker then shows every scope.
 */
export function backendFilter(filter, scopes = []) {
  const within = parseWithin(filter.within);
  const scope = idFromParam(filter.scope);
  return {
    kinds: filter.kind ? [filter.kind] : [],
    scope: scopes.some((s) => s.id === scope) ? scope : null,
    owner: filter.owner.trim(),
    within_days: within ?? null,
  };
}

const text = (value) => String(value ?? '').toLocaleLowerCase();

/** Compares two deadlines by column `key`; ties fall back to the due date, then the key. */
function compare(a, b, key) {
  const byDue = a.days_left - b.days_left || text(a.key).localeCompare(text(b.key));
  switch (key) {
    case 'due':
    case 'countdown':
      return byDue;
    case 'kind':
      return text(a.kind_name).localeCompare(text(b.kind_name)) || byDue;
    case 'what':
      return text(a.what).localeCompare(text(b.what)) || byDue;
    case 'scope':
    case 'owner':
      return text(a[key]).localeCompare(text(b[key])) || byDue;
    default:
      return byDue;
  }
}

/**
 * A sorted copy of `list` by column `key`, ascending or descending ('asc' | 'desc'). By scope
 * or owner, deadlines without one come last in either direction.
 */
export function sortDeadlines(list, key = 'due', dir = 'asc') {
  const sign = dir === 'desc' ? -1 : 1;
  return [...list].sort((a, b) => {
    if ((key === 'scope' || key === 'owner') && !a[key] !== !b[key]) return a[key] ? -1 : 1;
    return sign * compare(a, b, key);
  });
}

/** { total, overdue, soon } of a list, "soon" meaning due within `soonDays`. */
export function deadlineSummary(list, soonDays) {
  return {
    total: list.length,
    overdue: list.filter((d) => d.overdue).length,
    soon: list.filter((d) => !d.overdue && d.days_left <= soonDays).length,
  };
}
