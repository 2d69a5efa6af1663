// Unit tests of ui/js/lib/live.js: how the header names the others on a server workspace, and
// when a change by another desk redraws the screen.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { debounce } from '../../ui/js/lib/evidence_picker.js';
import { onOthersChange, othersText } from '../../ui/js/lib/live.js';
import { translator } from '../../ui/js/lib/i18n.js';
import { ftlSource } from './catalogue.js';

test('the others are named by user, with their windows when more than one, in both languages', () => {
  for (const [lang, two] of [
    ['en', 'ben (2 windows)'],
    ['de', 'ben (2 Fenster)'],
  ]) {
    const t = translator(ftlSource(lang), lang);
    assert.equal(othersText(t, []), '');
    assert.equal(othersText(t, null), '');
    assert.equal(othersText(t, [{ user: 'anna', windows: 1 }, { user: 'ben', windows: 2 }]), `anna, ${two}`);
  }
});

test('a change by another desk redraws at once, unless the user is typing into a form or has a dialog open', () => {
  assert.equal(onOthersChange({ edited: false, dialogOpen: false }), 'redraw');
  assert.equal(onOthersChange({ edited: true, dialogOpen: false }), 'hold');
  assert.equal(onOthersChange({ edited: false, dialogOpen: true }), 'hold');
});

test('a burst of changes redraws once, after the last of them', () => {
  let at = 0;
  let timers = [];
  const setTimer = (fn, ms) => {
    const timer = { fn, due: at + ms };
    timers.push(timer);
    return timer;
  };
  const clearTimer = (timer) => (timers = timers.filter((t) => t !== timer));
  const advance = (ms) => {
    at += ms;
    for (const timer of timers.filter((t) => t.due <= at)) {
      clearTimer(timer);
      timer.fn();
    }
  };
  let runs = 0;
  // The live line's redraw is the pickers' debounce.
  const changed = debounce(() => runs++, 300, { setTimeout: setTimer, clearTimeout: clearTimer });
  changed();
  advance(100);
  changed();
  advance(200);
  changed();
  assert.equal(runs, 0, 'still coming');
  advance(300);
  assert.equal(runs, 1);
  changed();
  changed.cancel();
  advance(1000);
  assert.equal(runs, 1, 'cancelled');
});
