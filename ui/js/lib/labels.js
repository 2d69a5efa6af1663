// Pure helpers of VCS labels: the dashboard's countdown cards from labels_show. The label and
// corrective-action rules, their limits and their checks are the backend's (vocabulary,
// rules_save).

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
