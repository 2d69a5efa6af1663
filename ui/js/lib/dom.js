// A small element builder: el('p', { class: 'hint', id: 'x' }, 'text', child).
//
// el('input', { type: 'date', ... }) builds a date field in the app's language instead of the
// webview's date input, whose format follows the operating system's locale (WebKitGTK shows
// and takes the OS format whatever language the app speaks). It is a text input that shows
// and accepts countdown.js's format for the language (placeholder YYYY-MM-DD or TT.MM.JJJJ),
// while code keeps speaking ISO days: its `value` reads the typed date as '2027-08-18' ('' when
// empty, the text itself when it is not a date, so the backend names it) and a value set is
// shown formatted. A form's FormData carries the ISO day too. Views need no change.

import { datePattern, formatDate, parseDate } from './countdown.js';

const dates = { lang: 'en', t: null };

/** Sets the language date fields speak (main.js, whenever the language is loaded). */
export function speakDates(lang, t) {
  dates.lang = lang;
  dates.t = t;
}

let formDataHooked = false;

function dateField(node, value) {
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  const { lang, t } = dates;
  node.type = 'text';
  node.classList.add('date-field');
  node.inputMode = 'numeric';
  node.autocomplete = 'off';
  node.spellcheck = false;
  node.placeholder = t ? t('date_input.placeholder') : datePattern(lang);
  Object.defineProperty(node, 'value', {
    configurable: true,
    get() {
      const typed = native.get.call(this);
      const iso = parseDate(typed, lang);
      return iso === null ? typed.trim() : iso;
    },
    set(given) {
      native.set.call(this, formatDate(String(given ?? ''), lang));
    },
  });
  node.addEventListener('change', () => {
    const typed = native.get.call(node);
    const bad = parseDate(typed, lang) === null;
    const words = bad && t ? t('date_input.invalid', { given: typed.trim(), format: datePattern(lang), example: '2027-03-15' }) : '';
    node.setCustomValidity(words);
    node.title = words;
    if (bad) node.setAttribute('aria-invalid', 'true');
    else node.removeAttribute('aria-invalid');
  });
  if (value !== undefined && value !== null) node.value = value;
  if (!formDataHooked) {
    formDataHooked = true;
    // new FormData(form) fires `formdata` at the form; capturing it here puts ISO days in.
    document.addEventListener(
      'formdata',
      (event) => {
        for (const input of event.target.querySelectorAll('input.date-field[name]')) event.formData.set(input.name, input.value);
      },
      true,
    );
  }
  return node;
}

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  const isDate = tag === 'input' && props.type === 'date';
  for (const [key, value] of Object.entries(props)) {
    if (isDate && (key === 'type' || key === 'value')) continue;
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return isDate ? dateField(node, props.value) : node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The same for SVG: svg('rect', { x: 0, width: 10 }, svg('title', {}, 'tooltip')). Attributes only. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(key, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return node;
}

/**
 * The parts of a panel that are there: drops null, undefined and false, which
 * `replaceChildren` and `append` would otherwise show as the words "null" or "false".
 */
export function shown(...parts) {
  return parts.flat().filter((part) => part !== undefined && part !== null && part !== false);
}

/** Replaces `host`'s children with the parts of `parts` that are there (see `shown`). */
export function replaceShown(host, ...parts) {
  host.replaceChildren(...shown(...parts));
}
