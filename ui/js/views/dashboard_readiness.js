// One scope's readiness on the dashboard: the share of requirements covered (ring), the
// counts, the predicted overall result, bars per objective and chapter, the trend, the
// prerequisite checklist and the biggest gaps, each linking to the requirement.

import { formatDate } from '../lib/countdown.js';
import { el } from '../lib/dom.js';
import { barChart, donutChart, formatPercent, trendChart } from '../lib/charts.js';
import { predictedKey } from '../lib/readiness.js';
import { hrefWith } from '../lib/routes.js';
import { requirementBadge } from './evidence_fields.js';

const STATES = [
  ['covered', 'covered'],
  ['needs_review', 'needs-review'],
  ['missing', 'missing'],
];

/** What a screen reader hears for a tally: "12 covered, 0 need review, 48 missing". */
function tallyText(t, tally) {
  return t('readiness.tally', { covered: tally.covered, needs_review: tally.needs_review, missing: tally.missing });
}

/** The readiness panel of scope `scope` (from scope_list) from its dashboard data `data` (dashboard_show). */
export function readinessPanel(app, scope, data) {
  const { t } = app;
  const { readiness, check, history, top_gaps: gaps } = data;
  return el(
    'div',
    { class: 'panel readiness-panel', dataset: { readinessScope: scope.name } },
    el(
      'div',
      { class: 'readiness-title' },
      el('h2', {}, scope.name),
      el('a', { href: hrefWith('evidence', { tab: 'requirements', scope: scope.id }) }, t('readiness.open_requirements')),
    ),
    overview(app, readiness),
    el(
      'div',
      { class: 'chart-grid' },
      el(
        'section',
        { class: 'bars objectives' },
        el('h3', {}, t('readiness.by_objective')),
        bars(app, readiness.objectives.map((o) => ({ id: o.objective, label: t(`scope.objective_${o.objective}`), tally: o.requirements }))),
      ),
      el(
        'section',
        { class: 'bars chapters' },
        el('h3', {}, t('readiness.by_chapter')),
        bars(app, readiness.chapters.map((c) => ({ id: c.id, label: `${c.id} ${c.title}`, tally: c.requirements }))),
      ),
    ),
    trend(app, history),
    el(
      'div',
      { class: 'chart-grid' },
      checklist(app, scope.name, check),
      topGaps(app, scope.id, readiness, gaps),
    ),
  );
}

function overview(app, readiness) {
  const { t, lang } = app;
  const tally = readiness.requirements;
  const percent = formatPercent(readiness.readiness, lang);
  const applicable = readiness.questions.filter((q) => q.applicable);
  const open = applicable.filter((q) => !q.result).length;
  const key = predictedKey(readiness.predicted_result);
  return el(
    'div',
    { class: 'readiness-top' },
    el(
      'div',
      { class: 'donut-box' },
      donutChart(tally, {
        size: 150,
        stroke: 20,
        label: t('readiness.ring_label', { percent }),
        describe: (state, value) => `${t(`requirement_state.${state}`)}: ${value}`,
      }),
      el('div', { class: 'donut-centre', 'aria-hidden': 'true' }, el('span', { class: 'readiness-percent' }, percent), el('span', { class: 'hint' }, t('readiness.ready'))),
    ),
    el(
      'div',
      { class: 'counts-box' },
      el(
        'dl',
        { class: 'readiness-counts' },
        STATES.flatMap(([field, state]) => [
          el('dt', {}, el('span', { class: `swatch state-${state}`, 'aria-hidden': 'true' }), t(`requirement_state.${state}`)),
          el('dd', { class: `count-${state}` }, String(tally[field])),
        ]),
        el('dt', { class: 'total' }, t('readiness.total')),
        el('dd', { class: 'count-total total' }, String(tally.total)),
      ),
      readiness.covered_through_question
        ? el('p', { class: 'hint through-question-count' }, t('readiness.covered_through_question', { count: readiness.covered_through_question }))
        : null,
    ),
    el(
      'div',
      { class: 'prediction' },
      el('h3', {}, t('readiness.predicted')),
      el('p', { class: `predicted-result result-${key}`, dataset: { result: readiness.predicted_result } }, t(`predicted.${key}`)),
      el('p', { class: 'hint predicted-hint' }, t(`predicted.${key}_hint`, { open, total: applicable.length })),
    ),
  );
}

function bars(app, rows) {
  const { t } = app;
  if (!rows.length) return el('p', { class: 'hint' }, t('readiness.nothing_applies'));
  return el(
    'ul',
    { class: 'bar-chart' },
    rows.map((row) =>
      el(
        'li',
        { dataset: { bar: row.id } },
        el('span', { class: 'bar-label', title: row.label }, row.label),
        barChart(row.tally, {
          label: `${row.label}: ${tallyText(t, row.tally)}`,
          describe: (state, value) => `${t(`requirement_state.${state}`)}: ${value}`,
        }),
        el('span', { class: 'bar-value', 'aria-hidden': 'true' }, `${row.tally.covered}/${row.tally.total}`),
      ),
    ),
  );
}

function trend(app, history) {
  const { t, lang } = app;
  const day = (iso) => formatDate(iso, lang);
  const first = history[0];
  const last = history.at(-1);
  const text = history.length > 1
    ? t('readiness.trend_from', {
        from: day(first.day),
        from_percent: formatPercent(first.requirements.readiness, lang),
        to: day(last.day),
        to_percent: formatPercent(last.requirements.readiness, lang),
      })
    : t('readiness.trend_starts');
  return el(
    'section',
    { class: 'trend-box' },
    el('h3', {}, t('readiness.trend')),
    history.length
      ? trendChart(history, {
          width: 600,
          height: 110,
          label: text,
          describe: (p) => `${day(p.day)}: ${formatPercent(p.readiness, lang)}`,
          levelLabel: (level) => formatPercent(level, lang),
        })
      : null,
    el('p', { class: 'hint trend-text' }, text),
  );
}

function checklist(app, name, check) {
  const { t } = app;
  return el(
    'section',
    { class: 'checklist-box', dataset: { scopeCheck: name } },
    el('h3', {}, t('dashboard.scope_check', { name, date: check.checked_on })),
    el(
      'ul',
      { class: 'checklist' },
      check.problems.length
        ? check.problems.map((p) =>
            el('li', { class: p.severity, dataset: { code: p.code } }, el('span', { class: 'mark', 'aria-hidden': 'true' }, p.severity === 'error' ? '✗' : '!'), ' ', p.message),
          )
        : el('li', { class: 'ok' }, el('span', { class: 'mark', 'aria-hidden': 'true' }, '✓'), ' ', t('scope.all_met')),
    ),
  );
}

/** The biggest gaps, each linking to the requirement in scope `scopeId`. */
function topGaps(app, scopeId, readiness, gaps) {
  const { t } = app;
  const questions = new Map(readiness.questions.map((q) => [q.id, q.text]));
  return el(
    'section',
    { class: 'gaps-box' },
    el('h3', {}, t('readiness.top_gaps')),
    el('p', { class: 'hint gaps-ranking' }, t('readiness.gaps_ranking')),
    gaps.length
      ? el(
          'ol',
          { class: 'top-gaps' },
          gaps.slice(0, 10).map((gap) =>
            el(
              'li',
              { dataset: { requirement: gap.id } },
              el('a', { href: hrefWith('evidence', { tab: 'requirements', scope: scopeId, req: gap.id }), class: 'rid' }, gap.id),
              requirementBadge(t, gap.state),
              el('span', { class: `badge ${gap.must ? 'must' : 'should'}` }, t(gap.must ? 'catalogue.must' : 'catalogue.should')),
              el('span', { class: 'hint gap-question', title: questions.get(gap.question) ?? '' }, questions.get(gap.question) ?? ''),
            ),
          ),
        )
      : el('p', { class: 'hint no-gaps' }, t('readiness.no_gaps')),
  );
}
