// Pure helpers of VCS labels: the dashboard's countdown cards from labels_show, and the
// label and corrective-action rules of the settings (which can be fixed, and which must grow).

export const LABEL_KINDS = ['temporary', 'permanent'];

/**
 * The countdown cards of labels_show's answer: one per label, in the order given, each with
 * its scope's next step; a scope without labels gets one card with `none: true`.
 */
export function labelCards(scopes = []) {
  return scopes.flatMap((s) =>
    s.labels.length
      ? s.labels.map((label) => ({ scope: s.scope, none: false, next_step: s.next_step, ...label }))
      : [{ scope: s.scope, none: true, next_step: s.next_step }],
  );
}

/** The rules of label_rules_get/label_rules_save, in the order the settings show them. */
export const LABEL_RULE_KEYS = [
  'labels.permanent_months',
  'labels.temporary_months',
  'labels.renewal_reminder_months',
  'actions.free_months',
  'actions.justified_months',
  'actions.max_months',
];

/** The most months each rule takes (label_rules_save refuses more). */
export const LABEL_RULE_MAX = {
  'labels.permanent_months': 120,
  'labels.temporary_months': 9,
  'labels.renewal_reminder_months': 36,
  'actions.free_months': 12,
  'actions.justified_months': 12,
  'actions.max_months': 24,
};

/** Rules nobody may change: temporary labels expire 9 months after the closing meeting (ENX FAQ). */
export const FIXED_RULES = ['labels.temporary_months'];

const ORDERED = ['actions.free_months', 'actions.justified_months', 'actions.max_months'];

/** Whether the corrective action periods grow: free ≤ justified ≤ max (as numbers). */
export function actionPeriodsGrow(rules) {
  const [free, justified, max] = ORDERED.map((key) => Number(rules[key]));
  return free <= justified && justified <= max;
}

/**
 * The changed rules of `wanted` over `current`, in an order in which every step keeps the
 * action periods growing (label_rules_save takes one rule at a time and refuses a step that
 * breaks the order). Null when the wanted rules themselves do not grow.
 * A value that is not a whole number is left to the backend to refuse.
 */
export function saveOrder(current, wanted) {
  const changed = LABEL_RULE_KEYS.filter(
    (key) => !FIXED_RULES.includes(key) && key in wanted && String(wanted[key]).trim() !== String(current[key]),
  );
  if (changed.some((key) => !/^\d+$/.test(String(wanted[key]).trim()))) {
    return changed.map((key) => [key, String(wanted[key]).trim()]);
  }
  const target = { ...current };
  for (const key of changed) target[key] = Number(wanted[key]);
  if (!actionPeriodsGrow(target)) return null;
  const state = { ...current };
  const order = [];
  let left = [...changed];
  while (left.length) {
    const next = left.find((key) => actionPeriodsGrow({ ...state, [key]: Number(wanted[key]) }));
    // With free ≤ justified ≤ max at both ends, some step is always possible (raise the top
    // or lower the bottom first); the guard only stops a loop on impossible input.
    if (!next) return null;
    state[next] = Number(wanted[next]);
    order.push([next, String(state[next])]);
    left = left.filter((key) => key !== next);
  }
  return order;
}
