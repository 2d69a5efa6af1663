// Unit tests of the geometry in ui/js/lib/charts.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { donutSegments, stackedBar, trendPoints, pointsAttribute, formatPercent } from '../../ui/js/lib/charts.js';

const tally = { covered: 1, needs_review: 1, missing: 2, total: 4, readiness: 0.25 };

test('ring arcs share the circumference in proportion and follow each other', () => {
  const segments = donutSegments(tally, 10);
  const circumference = 2 * Math.PI * 10;
  assert.deepEqual(segments.map((s) => s.state), ['covered', 'needs-review', 'missing']);
  assert.equal(segments[0].offset, 0, 'the first arc starts at the top');
  assert.equal(segments[0].length, 15.71, 'a quarter of 62.83');
  assert.equal(segments[1].offset, 15.71, 'the second starts where the first ends');
  assert.equal(segments[2].offset, 31.42);
  assert.equal(segments[2].length, 31.41, 'the last arc ends exactly at the full circle');
  const sum = segments.reduce((s, x) => s + x.length, 0);
  assert.ok(Math.abs(sum - circumference) < 0.02, `arcs add up to the circle: ${sum}`);
});

test('a ring leaves out empty parts and draws nothing for an empty tally', () => {
  assert.deepEqual(donutSegments({ covered: 3, needs_review: 0, missing: 0 }, 5).map((s) => s.state), ['covered']);
  assert.deepEqual(donutSegments({ covered: 0, needs_review: 0, missing: 0 }, 5), []);
  assert.deepEqual(donutSegments(undefined, 5), []);
});

test('bar pieces tile the bar exactly, even when the shares do not divide evenly', () => {
  const pieces = stackedBar({ covered: 1, needs_review: 1, missing: 1 }, 100);
  assert.deepEqual(pieces, [
    { state: 'covered', value: 1, x: 0, width: 33.33 },
    { state: 'needs-review', value: 1, x: 33.33, width: 33.34 },
    { state: 'missing', value: 1, x: 66.67, width: 33.33 },
  ]);
  const last = pieces.at(-1);
  assert.equal(last.x + last.width, 100);
});

test('a bar with only missing requirements is one red piece over the whole width', () => {
  assert.deepEqual(stackedBar({ covered: 0, needs_review: 0, missing: 7 }, 240), [{ state: 'missing', value: 7, x: 0, width: 240 }]);
  assert.deepEqual(stackedBar({ covered: 0, needs_review: 0, missing: 0 }, 240), []);
});

test('trend points are placed by date, 100 % at the top', () => {
  const history = [
    { day: '2027-03-01', requirements: { readiness: 0 } },
    { day: '2027-03-02', requirements: { readiness: 0.5 } },
    { day: '2027-03-05', requirements: { readiness: 1 } },
  ];
  const points = trendPoints(history, 110, 60, 5);
  assert.deepEqual(points.map((p) => [p.x, p.y]), [[5, 55], [30, 30], [105, 5]], 'one day of four is a quarter of the 100 wide inside');
  assert.equal(pointsAttribute(points), '5,55 30,30 105,5');
});

test('a trend of one day is one point at the left edge', () => {
  const points = trendPoints([{ day: '2027-03-01', requirements: { readiness: 0.25 } }], 100, 40, 0);
  assert.deepEqual(points, [{ day: '2027-03-01', readiness: 0.25, x: 0, y: 30 }]);
  assert.deepEqual(trendPoints([], 100, 40), []);
});

test('percentages are whole numbers in the language of the app', () => {
  assert.equal(formatPercent(0.424, 'en'), '42%');
  assert.equal(formatPercent(0.425, 'de').replace(/\s/u, ' '), '43 %');
  assert.equal(formatPercent(1, 'en'), '100%');
});
