// The header's live line on a workspace on PostgreSQL (issue 20): who else has it open, a
// server out of reach, and a change by another desk held back while the user edits. Changes
// by others redraw the screen shown (within a fraction of a second of their commit); a form
// the user has typed into is never redrawn under them: the line says that the workspace
// changed and offers to show it. A save of a record someone else saved meanwhile is refused
// by the backend anyway (the record's revision).

import * as api from '../api/commands.js';
import { onLive } from '../api/events.js';
import { el } from '../lib/dom.js';
import { debounce } from '../lib/evidence_picker.js';
import { onOthersChange, othersText } from '../lib/live.js';

// Several commits in a row redraw once.
const REDRAW_DELAY_MS = 300;
// How long after a form is sent its answer has surely been drawn.
const SETTLE_MS = 1500;

/**
 * Installs the line in `#live-status`. `redraw()` draws the screen shown again. Returns
 * `follow()` (call it whenever a workspace was opened: it starts following that one) and
 * `drawn()` (call it after each screen drawn: what the user typed belongs to the old one).
 */
export function installLiveStatus(app, redraw) {
  const line = document.getElementById('live-status');
  const state = { on: false, others: [], lost: null, held: false };
  // The forms typed into since the screen was drawn; one still in the page holds unsaved
  // input (a form that was saved or reloaded was drawn anew and has left the page).
  let typedInto = new Set();
  const editing = () => [...typedInto].some((form) => form.isConnected);
  // A dialog, or a long job's progress on the screen (adding files, a scan, an export), holds
  // the redraw as typing does: redrawing would take its progress bar away.
  const occupied = () => Boolean(document.querySelector('dialog[open], #main progress:not([hidden])'));

  const draw = () => {
    const { t } = app;
    const parts = [];
    if (state.lost) {
      // The driver's own reason is in the app's log, not in the page: it is no text of the catalogue.
      parts.push(el('span', { class: 'live-lost', id: 'live-lost' }, t('live.lost')));
    } else if (state.others.length) {
      parts.push(el('span', { id: 'live-others', title: t('live.others_hint') }, t('live.others', { names: othersText(t, state.others) })));
    }
    if (state.held) {
      parts.push(
        el('span', { class: 'live-held', id: 'live-held', title: t('live.changed_hint') }, t('live.changed_while_editing')),
        el('button', { type: 'button', class: 'link', id: 'live-show', onclick: () => redrawNow() }, t('live.show_changes')),
      );
    }
    line.replaceChildren(...parts.flatMap((part, i) => (i ? [' ', part] : [part])));
    line.hidden = parts.length === 0;
  };

  const redrawNow = () => {
    state.held = false;
    draw();
    const scrolled = document.scrollingElement?.scrollTop ?? 0;
    Promise.resolve(redraw()).then(() => {
      if (document.scrollingElement) document.scrollingElement.scrollTop = scrolled;
    });
  };

  const changed = debounce(() => {
    if (onOthersChange({ edited: editing(), dialogOpen: occupied() }) === 'redraw') redrawNow();
    else {
      state.held = true;
      draw();
    }
  }, REDRAW_DELAY_MS);

  const main = document.getElementById('main');
  main.addEventListener('input', (event) => {
    // The screens' editing forms (class `form`), not their filters.
    const form = event.target.closest?.('form[class~="form"]');
    if (form) typedInto.add(form);
  });
  // A change held back is shown once the user is done: a form saved is drawn anew (a refused
  // one stays, with what was typed).
  main.addEventListener('submit', () => {
    setTimeout(() => {
      if (state.held && onOthersChange({ edited: editing(), dialogOpen: occupied() }) === 'redraw') redrawNow();
    }, SETTLE_MS);
  });

  // The answer of `live_follow` is what was known when it was asked; the feed's first events
  // may come before that answer does. Each event waits for the follow under way, so that it
  // lands after the answer and is not overwritten by it (each carries the whole list).
  let following = Promise.resolve();
  onLive((event) => following.then(() => apply(event)));
  const apply = (event) => {
    if (!state.on) return;
    if (event.kind === 'present') state.others = event.others ?? [];
    else if (event.kind === 'lost') state.lost = event.reason || 'lost';
    else if (event.kind === 'back') {
      state.lost = null;
      changed();
    } else if (event.kind === 'changed') changed();
    draw();
  };

  // Asks for the open workspace to be followed and takes the answer as the state so far.
  async function ask() {
    if (!app.workspace?.info) {
      Object.assign(state, { on: false, others: [], lost: null, held: false });
      draw();
      return;
    }
    try {
      const status = await api.liveFollow();
      Object.assign(state, { on: status.on, others: status.others ?? [], lost: status.lost ?? null, held: false });
    } catch {
      // Without live updates the app works as on one desk; the header just says nothing.
      Object.assign(state, { on: false, others: [], lost: null, held: false });
    }
    draw();
  }

  return {
    follow() {
      following = ask();
      return following;
    },
    drawn() {
      typedInto = new Set();
      if (state.held) {
        state.held = false;
        draw();
      }
    },
  };
}
