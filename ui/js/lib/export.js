// Pure helpers of the export screen: package and sharing levels with their message keys,
// the short form of a hash, a readiness percentage and the history's order.

/** Package levels, most complete first. */
export const PACKAGE_LEVELS = ['full', 'A', 'A+labels', 'A+labels+B'];

/** Sharing levels, and the publication levels (which also take "do not share"). */
export const SHARING_LEVELS = ['A', 'A+labels', 'A+labels+B'];
export const PUBLICATION_LEVELS = ['do-not-share', ...SHARING_LEVELS];

/** 'A+labels+B' → 'a_labels_b', 'do-not-share' → 'do_not_share': the message key part of a level. */
export function levelKey(level) {
  return String(level ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The first `length` characters of a SHA-256 followed by an ellipsis when cut. */
export function shortSha(sha256, length = 12) {
  const text = String(sha256 ?? '');
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** A readiness fraction (0..1) as a whole percentage, clamped; null when unknown. */
export function percent(fraction) {
  const value = Number(fraction);
  if (fraction === null || fraction === undefined || !Number.isFinite(value)) return null;
  return Math.round(Math.min(1, Math.max(0, value)) * 100);
}

/**
 * The questions to ask before a package is written, in order: 'above' (a partner level above
 * what the scope is published or shared at), then 'versions' (linked evidence with unreviewed
 * changes). `warnings` is the answer of package_warnings.
 */
export function exportSteps(warnings) {
  const steps = [];
  if (warnings?.above_shared) steps.push('above');
  if (Array.isArray(warnings?.unreviewed) && warnings.unreviewed.length) steps.push('versions');
  return steps;
}

/** The history newest first (by generated_at, then by path), without changing `list`. */
export function sortHistory(list = []) {
  return [...list].sort(
    (a, b) => String(b.generated_at ?? '').localeCompare(String(a.generated_at ?? '')) || String(a.path).localeCompare(String(b.path)),
  );
}

