// The one search (Ctrl+K, Cmd+K on macOS, or the header's button): a dialog with a search
// field over requirements, control questions, evidence (titles and source paths), findings,
// corrective actions, locations and scopes. The backend answers a few of each kind; the
// results are a list the arrow keys move through, Enter opens the record's screen, Escape
// closes. Typing waits for a pause, and an answer for older text is dropped.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { debounce, latestOnly } from '../lib/paging.js';
import { hrefOfFound, movedOption } from '../lib/routes.js';

/** Results of each kind the dialog asks for. */
const PER_KIND = 5;
const TYPING_PAUSE_MS = 120;

let dialog = null;

/** Adds the header's search button and the shortcut; call once the messages are loaded. */
export function installSearch(app) {
  const header = document.querySelector('header.brand');
  document.getElementById('search-open')?.remove();
  header?.append(
    // Without an open workspace there is nothing to search.
    el('button', { type: 'button', id: 'search-open', class: 'search-open', hidden: !app.workspace?.info, onclick: () => openSearch(app), 'aria-keyshortcuts': 'Control+K Meta+K' }, app.t('search.open')),
  );
  if (!installSearch.listening) {
    installSearch.listening = true;
    window.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openSearch(installSearch.app);
      }
    });
  }
  installSearch.app = app;
}

/** Opens the dialog (again) with its field focused. */
export function openSearch(app) {
  if (!app?.workspace?.info) return;
  dialog?.remove();
  const { t } = app;
  const requests = latestOnly();
  let found = [];
  let active = -1;
  const input = el('input', {
    type: 'search',
    id: 'search-input',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
    'aria-autocomplete': 'list',
    'aria-label': t('search.label'),
    placeholder: t('search.placeholder'),
    autocomplete: 'off',
    spellcheck: false,
  });
  const list = el('ul', { id: 'search-results', class: 'search-results', role: 'listbox', 'aria-label': t('search.results') });
  const status = el('p', { id: 'search-status', class: 'hint', role: 'status' }, t('search.hint'));
  dialog = el('dialog', { id: 'search-dialog', class: 'search-dialog', 'aria-label': t('search.label') }, input, status, list);

  const go = (item) => {
    const href = hrefOfFound(item);
    dialog.close();
    if (location.hash === href) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = href;
  };
  const mark = () => {
    list.querySelectorAll('li').forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    const option = list.children[active];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const draw = () => {
    list.replaceChildren(
      ...found.map((item, i) =>
        el(
          'li',
          { id: `search-hit-${i}`, role: 'option', 'aria-selected': 'false', dataset: { kind: item.kind, id: item.id } },
          el(
            'a',
            { href: hrefOfFound(item), tabindex: '-1', onclick: (event) => { event.preventDefault(); go(item); } },
            el('span', { class: 'kind' }, t(`search.kind.${item.kind}`)),
            el('span', { class: 'rid' }, item.kind === 'requirement' || item.kind === 'question' ? item.id : `#${item.id}`),
            el('span', { class: 'what' }, item.title),
            item.detail ? el('span', { class: 'detail' }, item.detail) : null,
          ),
        ),
      ),
    );
    input.setAttribute('aria-expanded', String(found.length > 0));
    active = found.length ? 0 : -1;
    mark();
  };
  const search = debounce(async () => {
    const text = input.value.trim();
    const ticket = requests.begin();
    if (!text) {
      found = [];
      draw();
      status.textContent = t('search.hint');
      return;
    }
    try {
      const answer = await api.searchWorkspace(text, PER_KIND);
      if (!requests.isLatest(ticket)) return;
      found = answer;
      draw();
      status.textContent = found.length ? t('search.count', { count: found.length, per_kind: PER_KIND }) : t('search.none');
    } catch (error) {
      if (requests.isLatest(ticket)) status.textContent = error.message;
    }
  }, TYPING_PAUSE_MS);
  input.addEventListener('input', search);
  input.addEventListener('keydown', (event) => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && found.length) {
      event.preventDefault();
      active = movedOption(active, found.length, event.key);
      mark();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (found[active]) go(found[active]);
    }
  });
  dialog.addEventListener('close', () => {
    search.cancel();
    dialog?.remove();
    dialog = null;
  });
  document.body.append(dialog);
  dialog.showModal();
  input.focus();
}
