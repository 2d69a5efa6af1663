// Unit tests of ui/js/lib/countdown.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countdownWords, datePattern, daysBetween, formatDate, formatDateTime, isoDay, parseDate, urgency } from '../../ui/js/lib/countdown.js';

test('a countdown is said in words in the reader’s language', () => {
  assert.equal(countdownWords(23, 'en'), 'in 23 days');
  assert.equal(countdownWords(-3, 'en'), '3 days ago');
  assert.equal(countdownWords(-3, 'de'), 'vor 3 Tagen');
  assert.equal(countdownWords(23, 'de'), 'in 23 Tagen');
});

test('today, tomorrow and yesterday get their own words (numeric: auto)', () => {
  assert.equal(countdownWords(0, 'en'), 'today');
  assert.equal(countdownWords(1, 'en'), 'tomorrow');
  assert.equal(countdownWords(-1, 'en'), 'yesterday');
  assert.equal(countdownWords(0, 'de'), 'heute');
  assert.equal(countdownWords(1, 'de'), 'morgen');
  assert.equal(countdownWords(-1, 'de'), 'gestern');
});

test('long spans stay in days, and something that is not a number says nothing', () => {
  assert.equal(countdownWords(-400, 'en'), '400 days ago', 'deadlines are counted in days');
  assert.equal(countdownWords(1, 'en-GB'), 'tomorrow');
  assert.equal(countdownWords(2, 'en'), 'in 2 days');
  assert.equal(countdownWords(Number.NaN, 'en'), '');
  assert.equal(countdownWords(undefined, 'en'), '');
});

test('an ISO day is formatted for the reader without shifting with the time zone', () => {
  assert.equal(formatDate('2027-02-28', 'de'), '28.02.2027', 'German: DD.MM.YYYY');
  assert.equal(formatDate('2027-02-28', 'en'), '2027-02-28', 'English: ISO 8601');
  assert.equal(formatDate('2026-01-01', 'de'), '01.01.2026', 'New Year stays on its day');
});

test('text that is not an ISO day is shown as it is', () => {
  assert.equal(formatDate('soon', 'en'), 'soon');
  assert.equal(formatDate('2027-02-30', 'en'), '2027-02-30', 'the 30th of February is no date');
  assert.equal(formatDate(null, 'en'), '');
});

test('days between two ISO days count calendar days, negative backwards', () => {
  assert.equal(daysBetween('2026-11-25', '2027-02-28'), 95);
  assert.equal(daysBetween('2026-11-25', '2026-08-31'), -86);
  assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2, 'a daylight-saving change does not make half days');
  assert.ok(Number.isNaN(daysBetween('2026-11-25', '')));
});

test('urgency: past is overdue, within the soon window is soon, else later', () => {
  assert.equal(urgency(-1, 90), 'overdue');
  assert.equal(urgency(0, 90), 'soon');
  assert.equal(urgency(90, 90), 'soon');
  assert.equal(urgency(91, 90), 'later');
  assert.equal(urgency(60, 30), 'later', 'the window is the label warning in force, e.g. 30 days');
});

test('the ISO day of a moment is its local calendar day', () => {
  assert.equal(isoDay(new Date(2026, 10, 25, 23, 59)), '2026-11-25');
  assert.equal(isoDay(new Date(2027, 0, 5, 0, 1)), '2027-01-05');
});

test('a date field takes ISO in both languages and the German format in German', () => {
  assert.equal(parseDate('2027-08-18', 'en'), '2027-08-18');
  assert.equal(parseDate(' 2027-08-18 ', 'de'), '2027-08-18', 'ISO, as the CLI takes it, works in German too');
  assert.equal(parseDate('18.08.2027', 'de'), '2027-08-18');
  assert.equal(parseDate('1.2.2027', 'de'), '2027-02-01', 'leading zeros may be left out');
  assert.equal(parseDate('18.08.2027', 'en'), null, 'English takes its one format');
  assert.equal(parseDate('31.02.2027', 'de'), null, 'the 31st of February is no date');
  assert.equal(parseDate('2027-13-01', 'en'), null);
  assert.equal(parseDate('18.08.27', 'de'), null, 'a two-digit year is ambiguous');
  assert.equal(parseDate('', 'de'), '', 'an empty field is empty, not wrong');
  assert.equal(parseDate('   ', 'en'), '');
});

test('what a field shows and what it reads agree: formatting then parsing gives the day back', () => {
  for (const lang of ['en', 'de']) {
    for (const day of ['2027-08-18', '2028-02-29', '1900-01-01', '2200-12-31']) {
      assert.equal(parseDate(formatDate(day, lang), lang), day, `${lang} ${day}`);
    }
  }
  assert.equal(datePattern('de'), 'TT.MM.JJJJ');
  assert.equal(datePattern('en'), 'YYYY-MM-DD');
});

test('a moment is shown as its day in the one format of the language and its time', () => {
  assert.equal(formatDateTime('2027-08-18T21:30:05Z', 'de', { timeZone: 'UTC' }), '18.08.2027 21:30');
  assert.equal(formatDateTime('2027-08-18T21:30:05Z', 'en', { timeZone: 'UTC', time: 'seconds' }), '2027-08-18 21:30:05');
  assert.equal(formatDateTime('2027-08-18T23:30:00Z', 'de', { timeZone: 'Europe/Berlin', time: 'none' }), '19.08.2027', 'the local day');
  assert.equal(formatDateTime('later', 'en'), 'later');
});
