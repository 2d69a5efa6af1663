// Unit tests of ui/js/lib/quiet.js: work nobody clicked for waits for the user's pauses.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quietQueue } from '../../ui/js/lib/quiet.js';

/** A clock and a timer the test moves by hand. */
function fakeTime() {
  let at = 0;
  let pending = [];
  let next = 1;
  return {
    now: () => at,
    setTimer: (fn, ms) => {
      const id = next++;
      pending.push({ id, due: at + ms, fn });
      return id;
    },
    clearTimer: (id) => {
      pending = pending.filter((t) => t.id !== id);
    },
    /** Moves the clock to `to`, running each timer due on the way, in order. */
    async advance(to) {
      for (;;) {
        pending.sort((a, b) => a.due - b.due);
        const first = pending[0];
        if (!first || first.due > to) break;
        pending.shift();
        at = Math.max(at, first.due);
        // Not awaited: a task under way must not hold the clock; what it awaits settles first.
        first.fn();
        await new Promise((resolve) => setImmediate(resolve));
      }
      at = to;
    },
  };
}

test('a task waits until the user has been quiet long enough', async () => {
  const time = fakeTime();
  const queue = quietQueue({ quietMs: 500, ...time });
  const ran = [];
  queue.add(() => ran.push(['preload', time.now()]));
  await time.advance(300);
  queue.activity(); // a click at 300 ms
  await time.advance(700);
  assert.deepEqual(ran, [], 'only 400 ms of quiet since the click');
  await time.advance(800);
  assert.deepEqual(ran, [['preload', 800]]);
  assert.equal(queue.waiting, 0);
});

test('tasks run one at a time, each after its own quiet moment, the first ones first', async () => {
  const time = fakeTime();
  const queue = quietQueue({ quietMs: 100, ...time });
  const ran = [];
  let release;
  queue.add(async () => {
    ran.push(['slow start', time.now()]);
    await new Promise((resolve) => (release = resolve));
    ran.push(['slow end', time.now()]);
  });
  queue.add(() => ran.push(['second', time.now()]));
  queue.add(() => ran.push(['urgent', time.now()]), { first: true });
  await time.advance(100);
  assert.deepEqual(ran, [['urgent', 100]], 'the task added first-in-line runs before the others');
  await time.advance(200);
  assert.deepEqual(ran.at(-1), ['slow start', 200]);
  await time.advance(1000);
  assert.deepEqual(ran.at(-1), ['slow start', 200], 'nothing else runs while a task is under way');
  release();
  await new Promise((resolve) => setImmediate(resolve));
  await time.advance(1099);
  assert.equal(ran.at(-1)[0], 'slow end');
  await time.advance(1100);
  assert.deepEqual(ran.at(-1), ['second', 1100], 'the next waits its quiet moment after the previous ended');
});

test('a task with a longest wait runs even if the user never pauses', async () => {
  const time = fakeTime();
  const queue = quietQueue({ quietMs: 500, ...time });
  const ran = [];
  queue.add(() => ran.push(['scan', time.now()]), { maxWaitMs: 2000 });
  queue.add(() => ran.push(['preload', time.now()]));
  for (let t = 100; t <= 3000; t += 100) {
    await time.advance(t);
    queue.activity(); // a key every 100 ms
  }
  assert.deepEqual(ran, [['scan', 2000]], 'the scan ran at its longest wait; the preload still waits');
  await time.advance(3500);
  assert.deepEqual(ran.at(-1), ['preload', 3500]);
});

test('a task that fails does not stop the queue', async () => {
  const time = fakeTime();
  const queue = quietQueue({ quietMs: 10, ...time });
  const ran = [];
  queue.add(async () => {
    throw new Error('module missing');
  });
  queue.add(() => ran.push('next'));
  await time.advance(100);
  assert.deepEqual(ran, ['next']);
});
