// A screen whose capability has not arrived yet: what it will hold and which capability
// brings it. Serves no screen at present; kept for the next one.

import { el } from '../lib/dom.js';

export function render({ t }, screen) {
  return el(
    'section',
    { dataset: { view: screen } },
    el('h1', {}, t(`screen.${screen}.title`)),
    el(
      'div',
      { class: 'panel' },
      el('p', {}, t(`screen.${screen}.holds`)),
      el('p', { class: 'coming' }, t('screen.coming_with', { capability: t(`screen.${screen}.capability`) })),
    ),
  );
}
