// Dates and countdowns for people: "in 23 days", "vor 3 Tagen", "2027-02-28", "28.02.2027". Month
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
  // Date.UTC rolls 2027-02-30 over to March and month 13 into the next year: not dates.
  const back = new Date(time);
  return back.getUTCDate() === d && back.getUTCMonth() === m - 1 ? time : Number.NaN;
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

/** Whether `text` is exactly an ISO day that exists ('2027-02-28'; not '2027-02-30'). */
export function isIsoDay(text) {
  return !Number.isNaN(utcOf(text));
}

/**
 * The one way a date is shown in `lang`, as core's `dates::format_date` shows it: English
 * '2027-08-18' (ISO 8601), German '18.08.2027'. Anything that is not an ISO day is returned as
 * it is. (`_style` is accepted for old callers and ignored: there is one format per language.)
 */
export function formatDate(iso, lang = 'en', _style) {
  const match = ISO_DAY.exec(String(iso ?? ''));
  if (!match || Number.isNaN(utcOf(iso))) return iso ?? '';
  const [, y, m, d] = match;
  return lang === 'de' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`;
}

/**
 * A moment (an ISO timestamp) as its day in `timeZone` (the machine's when not given), in
 * formatDate's format, followed by its time: `time` 'minutes' ('18.08.2027 14:05'), 'seconds'
 * ('18.08.2027 14:05:09') or 'none' (the day alone). Text that is no time stays as it is.
 */
export function formatDateTime(timestamp, lang = 'en', { timeZone = undefined, time = 'minutes' } = {}) {
  const moment = new Date(String(timestamp ?? ''));
  if (Number.isNaN(moment.getTime())) return String(timestamp ?? '');
  const fields = { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', fields).formatToParts(moment).map((part) => [part.type, part.value]));
  const day = formatDate(`${p.year}-${p.month}-${p.day}`, lang);
  if (time === 'none') return day;
  return time === 'seconds' ? `${day} ${p.hour}:${p.minute}:${p.second}` : `${day} ${p.hour}:${p.minute}`;
}

/** What a date field shows as its placeholder in `lang`. */
export function datePattern(lang = 'en') {
  return lang === 'de' ? 'TT.MM.JJJJ' : 'YYYY-MM-DD';
}

const GERMAN_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * What a person typed into a date field, as an ISO day: '' for an empty field, null for text
 * that is not a date. Both languages accept ISO ('2027-08-18', what the CLI takes too); German
 * also accepts its own format with or without leading zeros ('18.08.2027', '1.2.2027').
 */
export function parseDate(text, lang = 'en') {
  const typed = String(text ?? '').trim();
  if (!typed) return '';
  if (isIsoDay(typed)) return typed;
  const german = lang === 'de' ? GERMAN_DAY.exec(typed) : null;
  if (!german) return null;
  const [, d, m, y] = german;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDay(iso) ? iso : null;
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
