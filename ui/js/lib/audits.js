// Pure helpers of the audits screen: which audit to show, the questions split by
// applicability, what a due date means under the audit's due-date limits and what a provider
// workbook brings. The vocabulary of audits (kinds, phases, results, finding types, action
// states) and the due-date limits themselves come from the backend.

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

/**
 * What a due date means under the audit's limits (audit_show's `due_limits`, computed by the
 * backend from the rules in force: { free, justified, max } as ISO days): 'ok', 'justification-expected' (past the free
 * period, a warning), 'justification-required' (past the justified period without a
 * justification), or 'too-late' (past the longest period, refused). '' for no date.
 */
export function dueRule(due, limits, justified) {
  if (!due) return '';
  if (due > limits.max) return 'too-late';
  if (due > limits.justified && !justified) return 'justification-required';
  if (due > limits.free && !justified) return 'justification-expected';
  return 'ok';
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
