// Unit tests of ui/js/lib/i18n.js, against the real Fluent catalogues the backend sends.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fluentId, translator } from '../../ui/js/lib/i18n.js';
import { catalogueOf, ftlSource } from './catalogue.js';

const de = translator(ftlSource('de'), 'de');
const en = translator(ftlSource('en'), 'en');

test('both catalogues parse without an error and hold the same messages', () => {
  const [cen, cde] = [catalogueOf('en'), catalogueOf('de')];
  assert.deepEqual(cen.errors, [], 'en.ftl parses');
  assert.deepEqual(cde.errors, [], 'de.ftl parses');
  assert.ok(cen.ids.size > 1000, 'the whole catalogue is read');
  assert.deepEqual([...cen.ids].filter((id) => !cde.ids.has(id)), [], 'missing in de.ftl');
  assert.deepEqual([...cde.ids].filter((id) => !cen.ids.has(id)), [], 'missing in en.ftl');
});

test('every message formats in both languages without an error when its arguments are given', () => {
  for (const lang of ['en', 'de']) {
    const { resource } = catalogueOf(lang);
    const t = translator(ftlSource(lang), lang);
    for (const message of resource.body) {
      const names = new Set([...JSON.stringify(message.value).matchAll(/"type":"var","name":"([\w-]+)"/g)].map((m) => m[1]));
      const args = Object.fromEntries([...names].map((name) => [name, 2]));
      const text = t(message.id.replaceAll('-', '.'), args);
      assert.ok(!text.includes('{'), `${message.id} (${lang}) leaves a placeholder: ${text}`);
    }
  }
});

test('a call-site key finds its message with dots turned into dashes', () => {
  assert.equal(fluentId('deadline.kind.vcs-label'), 'deadline-kind-vcs-label');
  assert.equal(de('nav.settings'), 'Einstellungen');
  assert.equal(de('nav.deadlines'), 'Fristen');
});

test('a missing key shows the key so the slip is noticed', () => {
  const t = translator('');
  assert.equal(t('settings.nothing'), 'settings.nothing');
});

test('keys inherited from Object.prototype are not messages', () => {
  assert.equal(translator('')('constructor'), 'constructor');
});

test('a missing argument stays visible rather than vanishing', () => {
  assert.match(en('error.workspace_missing', {}), /\{\$path\}/);
});

test('a count chooses the singular only for exactly one, given as a number or as text', () => {
  assert.equal(en('scope.check_warnings', { count: 1 }), '1 warning');
  assert.equal(en('scope.check_warnings', { count: '1' }), '1 warning', 'a count passed as text is a number too');
  assert.equal(en('scope.check_warnings', { count: 0 }), '0 warnings');
  assert.equal(en('scope.check_warnings', { count: 21 }), '21 warnings');
  assert.equal(de('scope.check_warnings', { count: 1 }), '1 Warnung');
  assert.equal(de('scope.check_warnings', { count: 2 }), '2 Warnungen');
  assert.equal(de('labels_ui.days_left', { days: 1 }), 'Tag übrig');
  assert.equal(de('labels_ui.days_left', { days: 5 }), 'Tage übrig');
});

test('numbers print without grouping in both languages, and no isolation marks surround them', () => {
  assert.equal(de('scope.check_warnings', { count: 20000 }), '20000 Warnungen');
  assert.equal(en('scope.check_warnings', { count: 20000 }), '20000 warnings');
  assert.equal(de('scope.check_warnings', { count: '007' }), '007 Warnungen', 'text that is no canonical number stays as typed');
  assert.ok(!/[\u2068\u2069]/.test(en('error.workspace_missing', { path: '/tmp' })));
});

test('an ISO day argument is shown in the date format of the language', () => {
  assert.equal(de('audits_ui.due_on', { date: '2027-08-18' }), 'Fällig am 18.08.2027');
  assert.equal(en('audits_ui.due_on', { date: '2027-08-18' }), 'Due 2027-08-18');
  assert.match(de('input.bad_date', { given: '2027-02-30' }), /„2027-02-30“/, 'a non-date is shown as typed');
});

test('the UI renders the samples core renders, to the character (core/src/i18n/parity.json)', () => {
  // core's unit test rust_renders_the_samples_the_ui_renders_the_same_way checks the same file.
  const samples = JSON.parse(readFileSync(new URL('../../src-tauri/crates/core/src/i18n/parity.json', import.meta.url), 'utf8'));
  assert.ok(samples.length > 20);
  for (const { lang, key, args, text } of samples) {
    assert.equal((lang === 'de' ? de : en)(key, args), text, `${lang} ${key} ${JSON.stringify(args)}`);
  }
});
