// Pure helpers of the evidence screen (the work products, classifications and states to offer
// come from core through `app.vocabulary`): reading typed paths and link targets, sorting a
// list of items (the vault's table is sorted and filtered by the backend), summarising an
// addition, and progress. (Which evidence counts for a requirement is the backend's
// `requirement_evidence`.)

import { compareIds } from './catalogue_tree.js';

/** One path per line, trimmed, blank lines and repeats dropped. */
export function splitPaths(text) {
  return [...new Set(String(text ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}

/** Requirement or question IDs separated by commas, semicolons or white space, repeats dropped. */
export function splitTargets(text) {
  return [...new Set(String(text ?? '').split(/[\s,;]+/).filter(Boolean))];
}

const rank = (order, value) => {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
};

const text = (value) => String(value ?? '');

/** How each sortable column compares two items; empty values sort last in either direction. */
const COLUMNS = {
  title: (a, b) => text(a.title).localeCompare(text(b.title), undefined, { sensitivity: 'base', numeric: true }),
  type: (a, b) => compareIds(a.work_product ?? '', b.work_product ?? ''),
  owner: (a, b) => text(a.owner).localeCompare(text(b.owner), undefined, { sensitivity: 'base' }),
  // The orders come from core (`vocabulary.classifications`, most open first, and
  // `vocabulary.evidence_states`, most urgent first): see sortEvidence.
  classification: (a, b, { classifications = [] }) => rank(classifications, a.classification) - rank(classifications, b.classification),
  review_due: (a, b) => text(a.review_due).localeCompare(text(b.review_due)),
  version: (a, b) => a.version - b.version,
  state: (a, b, { evidence_states: states = [] }) => rank(states, a.state) - rank(states, b.state),
  links: (a, b) => (a.links?.length ?? 0) - (b.links?.length ?? 0),
};

export const SORTABLE = Object.keys(COLUMNS);

const EMPTY = {
  type: (item) => !item.work_product,
  owner: (item) => !item.owner,
  review_due: (item) => !item.review_due,
};

/**
 * The items sorted by column `key` ('title', 'type', 'owner', 'classification',
 * 'review_due', 'version', 'state', 'links') in direction `dir` ('asc' or 'desc'); ties
 * keep ID order, and items without a type, owner or review date go last either way.
 * `vocabulary` (`app.vocabulary`) gives core's orders of the classifications and the states.
 */
export function sortEvidence(list, key = 'title', dir = 'asc', vocabulary = {}) {
  const compare = COLUMNS[key] ?? COLUMNS.title;
  const isEmpty = EMPTY[key] ?? (() => false);
  const sign = dir === 'desc' ? -1 : 1;
  return [...list].sort((a, b) => {
    const ea = isEmpty(a);
    const eb = isEmpty(b);
    if (ea !== eb) return ea ? 1 : -1;
    return sign * compare(a, b, vocabulary ?? {}) || a.id - b.id;
  });
}

/** The sort after clicking column `key`: the same column flips direction, another starts ascending. */
export function nextSort(current, key) {
  if (current?.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: 'asc' };
}

/** Counts of an addition's outcomes, and the outcomes that were not added (to list them). */
export function summariseOutcomes(outcomes = []) {
  const summary = { added: 0, already: 0, failed: 0, problems: [] };
  for (const outcome of outcomes) {
    if (outcome.outcome === 'added') summary.added += 1;
    else {
      if (outcome.outcome === 'already_evidence') summary.already += 1;
      else summary.failed += 1;
      summary.problems.push(outcome);
    }
  }
  return summary;
}

/** How far a job is, 0 to 1: by bytes when there are any, else by files; null when unknown. */
export function progressFraction(progress) {
  if (!progress) return null;
  const { files_done = 0, files_total = 0, bytes_done = 0, bytes_total = 0 } = progress;
  if (bytes_total > 0) return Math.min(1, bytes_done / bytes_total);
  if (files_total > 0) return Math.min(1, files_done / files_total);
  return null;
}

/** The first `length` characters of a SHA-256. */
export function shortHash(sha256, length = 12) {
  return String(sha256 ?? '').slice(0, length);
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'];

/** A size for people: 7 → '7 bytes', 1536 → '1.5 kB' (powers of 1024, one decimal above bytes). */
export function formatSize(bytes, lang = 'en') {
  let value = Number(bytes) || 0;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: UNITS[unit],
    // "7 byte" reads wrong; bytes are spelt out ("7 bytes", "7 Byte"), the rest abbreviated.
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
