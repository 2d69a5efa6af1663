// The evidence picker: search as you type over the backend's evidence search (never a list of
// every item), the matches in a listbox, the chosen items as removable chips. An ARIA 1.2
// combobox: the text field owns the listbox (aria-controls, aria-expanded) and names the
// active option (aria-activedescendant) while focus stays in the field. Keys: Down/Up move
// (and open the list), Home/End jump, Enter chooses (or unchooses) the active match and
// closes the list (Down opens it again for the next), Escape closes the list and then clears
// the text, Backspace in an empty field removes the last chip. The list takes its place in
// the page rather than covering what is below it (a form's buttons stay clickable).
// Typing waits ~150 ms for a pause; an answer to an older text is dropped when a newer one
// was sent.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { debounce, itemLabel, nextActive, requestSequence, toggleChosen, withoutChosen } from '../lib/evidence_picker.js';

/** How long typing must pause before a search is sent (ms). */
export const SEARCH_DELAY = 150;
/** How many matches the list shows. */
export const SHOWN = 20;

/**
 * A picker with ids `${id}-input` (the text field), `${id}-list` (the listbox) and
 * `${id}-chips`. `label` names the field (its <label> is the caller's, `for` = `${id}-input`,
 * or given here as `labelText`); `onChange(chosen)` runs after every choice or removal with
 * the chosen items ([{ id, title, work_product, state }]). `search(text, limit)` defaults to
 * the backend's. Returns { element, input, chosen(), ids(), clear(), focus() }.
 */
export function evidencePicker({ t, id, labelText = null, chosen: initial = [], onChange = () => {}, search = api.searchEvidence, delay = SEARCH_DELAY }) {
  let chosen = [...initial];
  let options = [];
  let active = -1;
  let lastText = null;
  const sequence = requestSequence();

  const input = el('input', {
    type: 'text',
    id: `${id}-input`,
    class: 'picker-input',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': `${id}-list`,
    placeholder: t('picker.placeholder'),
  });
  const list = el('ul', {
    id: `${id}-list`,
    class: 'picker-list',
    role: 'listbox',
    'aria-multiselectable': 'true',
    'aria-label': t('picker.matches_label'),
    hidden: true,
  });
  const chips = el('ul', { id: `${id}-chips`, class: 'chips picker-chips', 'aria-label': t('picker.chosen_label') });
  const status = el('p', { class: 'hint picker-status', id: `${id}-status`, 'aria-live': 'polite' });
  input.setAttribute('aria-describedby', status.id);

  const isChosen = (item) => chosen.some((c) => c.id === item.id);

  function drawChips() {
    chips.replaceChildren(
      ...chosen.map((item) =>
        el(
          'li',
          { class: `chip picker-chip state-${item.state ?? 'current'}`, dataset: { evidenceId: item.id } },
          el('span', {}, item.title),
          el(
            'button',
            {
              type: 'button',
              class: 'chip-remove',
              'aria-label': t('picker.remove', { title: item.title }),
              onclick: () => {
                chosen = withoutChosen(chosen, item.id);
                drawChips();
                drawOptions();
                onChange([...chosen]);
                input.focus();
              },
            },
            '×',
          ),
        ),
      ),
    );
  }

  function setActive(index) {
    active = index;
    for (const [n, option] of [...list.children].entries()) option.classList.toggle('active', n === active);
    const option = list.children[active];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView?.({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function drawOptions() {
    list.replaceChildren(
      ...options.map((item, n) =>
        el(
          'li',
          {
            id: `${id}-option-${item.id}`,
            role: 'option',
            class: `picker-option state-${item.state}`,
            'aria-selected': isChosen(item) ? 'true' : 'false',
            dataset: { evidenceId: item.id, index: n },
            // Keep the focus in the field: the click chooses, the field stays where typing is.
            onmousedown: (event) => event.preventDefault(),
            onclick: () => choose(n),
          },
          el('span', { class: 'picker-title' }, itemLabel(item)),
          el('span', { class: 'picker-state' }, t(`evidence_state.${item.state}`)),
        ),
      ),
    );
    setActive(Math.min(active, options.length - 1));
  }

  function open() {
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  }

  /** Chooses (or unchooses) option `index` and closes the list: Down or a click opens it again. */
  function choose(index) {
    const item = options[index];
    if (!item) return;
    chosen = toggleChosen(chosen, item);
    drawChips();
    drawOptions();
    close();
    onChange([...chosen]);
  }

  /** Opens the list again on the last answer when the text is still what it was for. */
  function reopen() {
    if (!list.hidden || lastText !== input.value || !options.length) return false;
    open();
    setActive(0);
    return true;
  }

  async function run(text) {
    const current = sequence.next();
    try {
      const found = await search(text, SHOWN);
      if (!current()) return;
      lastText = text;
      options = found;
      active = found.length ? 0 : -1;
      drawOptions();
      open();
      status.classList.remove('error');
      status.textContent = found.length
        ? t(found.length >= SHOWN ? 'picker.first_matches' : 'picker.matches', { count: found.length })
        : t('picker.none', { text: text.trim() });
    } catch (error) {
      if (!current()) return;
      status.classList.add('error');
      status.textContent = error.message;
    }
  }

  const later = debounce(run, delay);

  input.addEventListener('input', () => later(input.value));
  input.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        if (list.hidden) {
          // Opening shows what the text finds (everything by title for an empty one).
          if (!reopen()) {
            later.cancel();
            run(input.value);
          }
        } else setActive(nextActive(active, options.length, event.key));
        break;
      case 'Home':
      case 'End':
        if (!list.hidden && options.length) {
          event.preventDefault();
          setActive(nextActive(active, options.length, event.key));
        }
        break;
      case 'Enter':
        // Choosing must not submit the form the picker sits in.
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          choose(active);
        }
        break;
      case 'Escape':
        if (!list.hidden) {
          event.preventDefault();
          event.stopPropagation();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          later.cancel();
          sequence.drop();
          status.textContent = '';
        }
        break;
      case 'Backspace':
        if (!input.value && chosen.length) {
          chosen = chosen.slice(0, -1);
          drawChips();
          drawOptions();
          onChange([...chosen]);
        }
        break;
      case 'Tab':
        close();
        break;
      default:
    }
  });
  input.addEventListener('blur', () => close());
  input.addEventListener('click', () => reopen());

  drawChips();
  const element = el(
    'div',
    { class: 'evidence-picker', id },
    labelText ? el('label', { for: input.id }, labelText) : null,
    chips,
    el('div', { class: 'picker-box' }, input, list),
    status,
  );
  return {
    element,
    input,
    chosen: () => [...chosen],
    ids: () => chosen.map((c) => c.id),
    clear() {
      chosen = [];
      options = [];
      input.value = '';
      later.cancel();
      sequence.drop();
      status.textContent = '';
      drawChips();
      drawOptions();
      close();
    },
    focus: () => input.focus(),
  };
}
