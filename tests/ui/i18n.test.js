// Unit tests of ui/js/lib/i18n.js, against the real catalogue files the backend sends.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { format, translator } from '../../ui/js/lib/i18n.js';

function catalogue(lang) {
  const url = new URL(`../../src-tauri/crates/core/messages/${lang}.txt`, import.meta.url);
  const entries = readFileSync(url, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(' = '))
    .map(([key, ...rest]) => [key, rest.join(' = ')]);
  return Object.fromEntries(entries);
}

test('arguments fill their placeholders', () => {
  assert.equal(format('Now working in {path}.', { path: '/srv/ws' }), 'Now working in /srv/ws.');
});

test('a placeholder without an argument stays visible rather than vanishing', () => {
  assert.equal(format('Hello {name}', {}), 'Hello {name}');
});

test('a missing key shows the key so the slip is noticed', () => {
  const t = translator({});
  assert.equal(t('settings.nothing'), 'settings.nothing');
});

test('the German catalogue translates every screen of the navigation', () => {
  const t = translator(catalogue('de'));
  assert.equal(t('nav.settings'), 'Einstellungen');
  assert.equal(t('nav.deadlines'), 'Fristen');
});

test('keys inherited from Object.prototype are not messages', () => {
  const t = translator({});
  assert.equal(t('constructor'), 'constructor');
});

test('a count chooses the singular only for exactly one, as core does', () => {
  const text = '{count|# new link|# new links} in {scope}';
  assert.equal(format(text, { count: 1, scope: 'ECU' }), '1 new link in ECU');
  assert.equal(format(text, { count: 0, scope: 'ECU' }), '0 new links in ECU');
  assert.equal(format(text, { count: 21, scope: 'ECU' }), '21 new links in ECU');
  assert.equal(format(text, {}), '{count|# new link|# new links} in {scope}', 'without the count the slip stays visible');
});
