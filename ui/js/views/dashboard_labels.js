// The dashboard's countdowns: one card per VCS label (objective, temporary or permanent, days
// left, expiry, and what the scope must do next), one card for a scope without labels, and
// the next few deadlines with a link to all of them.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { countdownWords, formatDate, urgency } from '../lib/countdown.js';
import { labelCards } from '../lib/labels.js';
import { hrefOf, hrefWith } from '../lib/routes.js';

/** How many deadlines the dashboard lists; the deadlines screen has them all. */
const NEXT_DEADLINES = 5;

/** The label cards (drawn when labels_show answers; hidden while no scope exists). */
export function labelCardsSection(app) {
  const { t } = app;
  const grid = el('div', { class: 'label-grid' });
  const section = el(
    'section',
    { id: 'label-cards', class: 'label-cards', 'aria-labelledby': 'label-cards-heading', hidden: true },
    el('h2', { id: 'label-cards-heading' }, t('labels_ui.heading')),
    grid,
  );
  // Labels name their scopes; the links to the audits screen take the scope's id (without
  // the names, they lead to the audits screen as it is).
  Promise.all([api.labels(), api.scopeNames().catch(() => [])])
    .then(([scopes, names]) => {
      const ids = new Map(names.map((s) => [s.name, s.id]));
      const cards = labelCards(scopes).map((card) => ({ ...card, href: hrefWith('audits', { scope: ids.get(card.scope) }) }));
      grid.replaceChildren(...cards.map((card) => (card.none ? noneCard(app, card) : labelCard(app, card))));
      section.hidden = cards.length === 0;
    })
    .catch((error) => {
      grid.replaceChildren(el('p', { class: 'status error', role: 'alert' }, error.message));
      section.hidden = false;
    });
  return section;
}

function labelCard(app, card) {
  const { t, lang } = app;
  const level = urgency(card.days_left, app.vocabulary.rules.label_expiry_warning_days);
  const number = new Intl.NumberFormat(lang).format(Math.abs(card.days_left));
  return el(
    'article',
    {
      class: `label-card urgency-${level} kind-${card.kind}`,
      dataset: { scope: card.scope, objective: card.objective, kind: card.kind },
      'aria-label': t('labels_ui.card_label', { objective: t(`scope.objective_${card.objective}`), scope: card.scope }),
    },
    el(
      'header',
      { class: 'label-card-head' },
      el('h3', { class: 'label-objective' }, t(`scope.objective_${card.objective}`)),
      el('span', { class: `badge label-kind kind-${card.kind}` }, t(`label_kind.${card.kind}`)),
    ),
    el('p', { class: 'label-scope' }, el('a', { href: card.href }, card.scope)),
    el(
      'p',
      { class: 'label-count' },
      el('span', { class: 'days-left', dataset: { days: card.days_left } }, number),
      el('span', { class: 'days-caption' }, t(card.days_left < 0 ? 'labels_ui.days_since_expiry' : 'labels_ui.days_left', { days: Math.abs(card.days_left) })),
    ),
    el('p', { class: 'countdown' }, t(card.days_left < 0 ? 'labels_ui.expired_words' : 'labels_ui.expires_words', { countdown: countdownWords(card.days_left, lang) })),
    el(
      'p',
      { class: 'label-expiry' },
      t('labels_ui.valid_range', { from: formatDate(card.valid_from, lang), until: formatDate(card.expires, lang) }),
    ),
    el('p', { class: 'next-step' }, card.next_step),
  );
}

function noneCard(app, card) {
  const { t } = app;
  return el(
    'article',
    { class: 'label-card none', dataset: { scope: card.scope }, 'aria-label': t('labels_ui.card_none_label', { scope: card.scope }) },
    el('header', { class: 'label-card-head' }, el('h3', { class: 'label-objective' }, card.scope), el('span', { class: 'badge label-kind' }, t('labels_ui.no_label'))),
    el('p', { class: 'next-step' }, card.next_step),
    el('p', { class: 'label-scope' }, el('a', { href: card.href }, t('labels_ui.to_audits'))),
  );
}

/** The next deadlines (overdue first), hidden while there are none. */
export function nextDeadlines(app) {
  const { t, lang } = app;
  const list = el('ol', { class: 'next-deadlines' });
  const section = el(
    'section',
    { class: 'panel', id: 'dashboard-deadlines', 'aria-labelledby': 'dashboard-deadlines-heading', hidden: true },
    el(
      'div',
      { class: 'readiness-title' },
      el('h2', { id: 'dashboard-deadlines-heading' }, t('deadlines_ui.next_heading')),
      el('a', { href: hrefOf('deadlines') }, t('deadlines_ui.all')),
    ),
    list,
  );
  // The first few by date, sorted and cut by the backend: not the whole list.
  api
    .deadlinesPage({ kinds: [], scope: null, owner: '', within_days: null }, { limit: NEXT_DEADLINES })
    .then((page) => {
      list.replaceChildren(
        ...page.deadlines.map((d) =>
          el(
            'li',
            { class: d.overdue ? 'overdue' : urgency(d.days_left, app.vocabulary.rules.label_expiry_warning_days), dataset: { deadlineKey: d.key } },
            el('time', { datetime: d.due, class: 'due' }, formatDate(d.due, lang)),
            el('span', { class: 'countdown-words' }, d.overdue ? t('deadlines_ui.overdue_since', { countdown: countdownWords(d.days_left, lang) }) : countdownWords(d.days_left, lang)),
            el('span', { class: 'what' }, d.what),
          ),
        ),
      );
      section.hidden = page.total === 0;
    })
    .catch(() => {});
  return section;
}
