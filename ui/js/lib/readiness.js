// Pure helpers of readiness: the message key part of a predicted overall result.

const RESULTS = ['PASS', 'CONDITIONAL-PASS', 'FAIL', 'INCOMPLETE'];

/** 'CONDITIONAL-PASS' → 'conditional_pass' (messages predicted.<part>); unknown → 'incomplete'. */
export function predictedKey(result) {
  const known = RESULTS.includes(result) ? result : 'INCOMPLETE';
  return known.toLowerCase().replace(/-/g, '_');
}
