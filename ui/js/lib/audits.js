// Pure helpers of the audits screen: which audit to show, the questions split by
// applicability, what a provider workbook brings, and the results table's keys. The
// vocabulary of audits (kinds, phases, results, finding types, action states) and the
// due-date rules come from the backend, which also checks an action while it is typed.

/**
 * What the decision checkbox means for each kind of audit (message keys): an initial audit
 * the team failed despite a conditional pass, a CAP audit whose report confirms the plan, a
 * follow-up audit that confirmed every non-conformity resolved.
 */
export const DECISION_KEYS = {
  initial: 'audits_ui.decision_initial',
  cap: 'audits_ui.decision_cap',
  'follow-up': 'audits_ui.decision_follow_up',
};

/** The hint under the decision checkbox per kind: what ticking it changes. */
export const DECISION_HINT_KEYS = {
  initial: 'audits_ui.decision_initial_hint',
  cap: 'audits_ui.decision_cap_hint',
  'follow-up': 'audits_ui.decision_follow_up_hint',
};

/** What each kind of audit is for, shown under the audit's title. */
export const KIND_EXPLAIN_KEYS = {
  initial: 'audits_ui.kind_explain_initial',
  cap: 'audits_ui.kind_explain_cap',
  'follow-up': 'audits_ui.kind_explain_follow_up',
};

/** The label of the decision's text field per kind: a reason (initial) or a note. */
export const DECISION_REASON_KEYS = {
  initial: 'audits_ui.decision_reason_initial',
  cap: 'audits_ui.decision_note',
  'follow-up': 'audits_ui.decision_note',
};

/**
 * The audit to show from `list` (audit views, ordered by closing meeting): the one with id
 * `wanted` if there is one, else the latest; null for an empty list.
 */
export function pickAudit(list, wanted) {
  if (!list?.length) return null;
  const id = Number(wanted);
  return list.find((a) => a.id === id) ?? list.at(-1);
}

/** An audit's questions split into those that take a result and those NA in the scope. */
export function splitQuestions(questions = []) {
  return {
    applicable: questions.filter((q) => q.applicable),
    na: questions.filter((q) => !q.applicable),
  };
}

/**
 * How far the results are: { total, done, conform, minor, … } over applicable questions;
 * `results` are the results an audit gives (vocabulary.audit_results).
 */
export function resultTally(questions = [], results = []) {
  const tally = { total: 0, done: 0, ...Object.fromEntries(results.map((r) => [r, 0])) };
  for (const q of questions) {
    if (!q.applicable) continue;
    tally.total += 1;
    if (results.includes(q.result)) {
      tally.done += 1;
      tally[q.result] += 1;
    }
  }
  return tally;
}

/** Corrective actions grouped by their finding: Map finding id → actions (in the given order). */
export function actionsByFinding(actions = []) {
  const groups = new Map();
  for (const action of actions) {
    groups.set(action.finding_id, [...(groups.get(action.finding_id) ?? []), action]);
  }
  return groups;
}

/** The phases of `audit` in the order audit_update wants them (`phases`: vocabulary.phases). */
export function phasesOf(audit, phases = []) {
  return phases.map((phase) => audit?.phases?.[phase] ?? 'open');
}

/** How many changes a provider workbook preview brings: results plus measures. */
export function importChangeCount(outcome) {
  return (outcome?.results?.length ?? 0) + (outcome?.measures?.length ?? 0);
}

/**
 * The question to preselect for a new finding: the first with a non-conformity and no finding
 * yet, else the first non-conformity, else the first question.
 */
export function suggestedQuestion(questions = [], findings = []) {
  const nonConform = questions.filter((q) => q.applicable && (q.result === 'minor' || q.result === 'major'));
  const withFinding = new Set(findings.map((f) => f.question));
  return (nonConform.find((q) => !withFinding.has(q.id)) ?? nonConform[0] ?? questions.find((q) => q.applicable))?.id ?? '';
}

/**
 * The result a key sets in the results table: `c` conform, `m` minor, `M` major, `n` (or
 * Delete, Backspace) no result. A question that is not applicable takes no result at all (it
 * is made NA on the scope screen), so there is no key for NA. `undefined` for other keys.
 */
export function resultForKey(key) {
  return { c: 'conform', m: 'minor', M: 'major', n: '', Delete: '', Backspace: '' }[key];
}

/** The row index an arrow key moves to from `index` in a table of `count` rows (it stays at the ends). */
export function rowAfterKey(index, key, count) {
  if (key === 'ArrowDown') return Math.min(count - 1, index + 1);
  if (key === 'ArrowUp') return Math.max(0, index - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return index;
}

/**
 * The rows of the results table that differ from what is saved, as audit_set_results takes
 * them: `rows` = [{ question, saved: { result, findings_description }, result, findings_description }].
 */
export function changedResults(rows = []) {
  return rows
    .filter((r) => (r.result ?? '') !== (r.saved?.result ?? '') || (r.findings_description ?? '') !== (r.saved?.findings_description ?? ''))
    .map((r) => ({ question: r.question, result: r.result ?? '', findings_description: r.findings_description ?? '' }));
}

/**
 * The problems of audit_set_results by question: Map question → messages, from the fields
 * `results.QUESTION.result` and `results.QUESTION.findings_description` (question ids hold
 * dots, so the question is what lies between the first and the last dot).
 */
export function resultProblems(fields = []) {
  const byQuestion = new Map();
  for (const { field, message } of fields) {
    if (!field.startsWith('results.')) continue;
    const question = field.slice('results.'.length, field.lastIndexOf('.'));
    byQuestion.set(question, [...(byQuestion.get(question) ?? []), message]);
  }
  return byQuestion;
}

/**
 * What the overall badge says for an audit: a CAP audit has no results per question, so its
 * badge says whether its report confirmed the plan (message keys), others their overall result.
 */
export function capBadgeKey(audit) {
  if (audit?.kind !== 'cap') return null;
  return audit.decision ? 'audits_ui.plan_confirmed' : 'audits_ui.plan_unconfirmed';
}

/** How the confirm step of removing a finding reads: null when it has no actions (no question asked). */
export function removeFindingQuestion(actionCount) {
  return actionCount > 0 ? { key: 'audits_ui.remove_finding_confirm', args: { count: actionCount } } : null;
}
