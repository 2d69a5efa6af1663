// Badges that say what a requirement's readiness stands on, shared by the dashboard and the
// requirements tab.

import { el } from '../lib/dom.js';

/**
 * "Through its question" for a requirement (a `requirement_states` row) counted as covered
 * only by evidence linked to its whole control question; null otherwise. An auditor may ask
 * for the requirement's own evidence, so nobody should be surprised in the audit.
 */
export function throughQuestionBadge(t, r) {
  if (r.covered_by !== 'question') return null;
  return el('span', { class: 'badge through-question', title: t('readiness.through_question_hint', { question: r.question }) }, t('readiness.through_question'));
}
