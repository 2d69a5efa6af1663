// Work the user did not ask for (loading the other screens' modules, the quick scan of the
// evidence sources) waits until the user has left the page alone for a while, and runs one
// task at a time, so that it never holds the page or the workspace while a screen the user
// opened fetches and draws its content. Pure: the clock and the timer are passed in, so that
// node's tests drive them.

/**
 * A queue of tasks that run while the user is quiet. `activity()` is called on every key,
 * click and navigation. A task runs once `quietMs` passed since the last activity, or once it
 * waited its `maxWaitMs` (so that a user who never pauses still gets it); tasks run one after
 * the other, each in its own timer turn, the next only after the previous one settled (an
 * async task is awaited) and the user is quiet again.
 */
export function quietQueue({ quietMs, now = () => performance.now(), setTimer = setTimeout, clearTimer = clearTimeout }) {
  const tasks = [];
  let lastActivity = now();
  let timer = null;
  let running = false;

  function arm() {
    clearTimer(timer);
    timer = null;
    if (running || !tasks.length) return;
    const at = now();
    const dueQuiet = lastActivity + quietMs;
    const dueWait = tasks[0].queued + tasks[0].maxWaitMs;
    const wait = Math.max(0, Math.min(dueQuiet, dueWait) - at);
    timer = setTimer(runNext, wait);
  }

  async function runNext() {
    timer = null;
    const at = now();
    const task = tasks[0];
    if (!task) return;
    if (at - lastActivity < quietMs && at - task.queued < task.maxWaitMs) {
      arm();
      return;
    }
    tasks.shift();
    running = true;
    try {
      await task.run();
    } catch {
      // A task says for itself what went wrong; the queue goes on.
    } finally {
      running = false;
      // The next task waits for its own quiet moment from here.
      lastActivity = Math.max(lastActivity, now());
      arm();
    }
  }

  return {
    /**
     * Adds `run` (a function, maybe async) to the end of the queue, or with `first` to its
     * front; with `maxWaitMs` it runs after that long even if the user never pauses.
     */
    add(run, { first = false, maxWaitMs = Infinity } = {}) {
      const task = { run, queued: now(), maxWaitMs };
      if (first) tasks.unshift(task);
      else tasks.push(task);
      arm();
    },
    /** The user did something: every task waits for the next quiet moment. */
    activity() {
      lastActivity = now();
      arm();
    },
    /** How many tasks wait (for tests and the benchmark's notes). */
    get waiting() {
      return tasks.length;
    },
  };
}
