// Pure helpers of the deadlines screen: the filter as the hash keeps it and as the backend
// takes it (which sorts, counts and pages the list). The kinds and the columns come from core
// through `app.vocabulary` (deadline_kinds, deadline_columns).

import { idFromParam } from './routes.js';

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
 * The filter from the hash parameters (kinds not among `kinds` and "within" beyond `max`
 * dropped):
 * { kind, scope, owner, within }, `scope` the chosen scope's id as text ('' for every scope).
 */
export function filterFromParams(params = {}, max = Infinity, kinds = []) {
  return {
    kind: kinds.includes(params.kind) ? params.kind : '',
    scope: String(params.scope ?? ''),
    owner: String(params.owner ?? ''),
    within: parseWithin(params.within, max) === undefined ? '' : String(params.within ?? '').trim(),
  };
}

/**
 * The same filter as deadlines_page and deadlines_export_ics take it, the scope by its id. A
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
