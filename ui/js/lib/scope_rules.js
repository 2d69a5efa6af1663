// Pure helpers of the scope screen: the state of a TISAX label on a date. The objectives and
// the label list come from the backend's vocabulary.

/** Whole days from ISO date `from` to ISO date `to` (negative when `to` is earlier). */
export function daysBetween(from, to) {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/**
 * 'expired' after its expiry date, 'expiring' within `warnDays` of it (inclusive), else
 * 'valid'. A label is valid through its expiry date. `warnDays` is the label expiry warning
 * of the rules in force (vocabulary.rules.label_expiry_warning_days): there is no default.
 */
export function labelState(expires, today, warnDays) {
  const left = daysBetween(today, expires);
  if (left < 0) return 'expired';
  if (left <= warnDays) return 'expiring';
  return 'valid';
}

/** The ISO date (YYYY-MM-DD) of a Date in local time. */
export function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
