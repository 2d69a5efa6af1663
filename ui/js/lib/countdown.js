// Dates and countdowns for people: "in 23 days", "vor 3 Tagen", "28 Feb 2027". Month
// arithmetic and the "soon" window are the backend's (dates come computed; the window is the
// label expiry warning of the rules in force, from the vocabulary). Dates travel as ISO days (YYYY-MM-DD) and are
// read and formatted in UTC, so that a day never shifts with the machine's time zone.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2027-02-28' → its UTC midnight in milliseconds; anything else → NaN. */
function utcOf(iso) {
  const match = ISO_DAY.exec(String(iso ?? ''));
  if (!match) return Number.NaN;
  const [, y, m, d] = match.map(Number);
  const time = Date.UTC(y, m - 1, d);
  // Date.UTC rolls 2027-02-30 over to March: such a day is not a date.
  return new Date(time).getUTCDate() === d ? time : Number.NaN;
}

/**
 * `days` from today in words, in language `lang`: 0 → "today", 1 → "tomorrow",
 * 23 → "in 23 days", -3 → "3 days ago" ("vor 3 Tagen" in German).
 */
export function countdownWords(days, lang = 'en') {
  const value = Math.trunc(Number(days));
  if (!Number.isFinite(value)) return '';
  return new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(value, 'day');
}

/** An ISO day in the reader's format ('medium': "28 Feb 2027", "28.02.2027"); other text as it is. */
export function formatDate(iso, lang = 'en', style = 'medium') {
  const time = utcOf(iso);
  if (Number.isNaN(time)) return iso ?? '';
  return new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' }).format(new Date(time));
}

/** Whole days from ISO day `from` to ISO day `to` (negative when `to` is earlier); NaN for non-dates. */
export function daysBetween(from, to) {
  return Math.round((utcOf(to) - utcOf(from)) / 86_400_000);
}

/**
 * How pressing `days` left is: 'overdue' (past), 'soon' (within `soon` days, the label
 * expiry warning of the rules in force) or 'later'.
 */
export function urgency(days, soon) {
  const value = Number(days);
  if (value < 0) return 'overdue';
  if (value <= soon) return 'soon';
  return 'later';
}

/** The local calendar day of `now` as an ISO day (the user's "today"). */
export function isoDay(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
