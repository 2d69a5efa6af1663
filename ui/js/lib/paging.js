// Pure helpers of lists the backend answers a page at a time (the vault, the deadlines):
// which rows a page shows and where the previous and next pages start, the offset that still
// shows rows after the list shrank, and a guard that keeps only the latest of overlapping
// requests.

/** Rows per page of the screens' lists. */
export const PAGE_SIZE = 100;

/**
 * What a page is: { first, last } (1-based, 0 and 0 for an empty page), whether there is a
 * previous or next page, and their offsets. `page` = { offset, total } as the backend answers,
 * `shown` the rows it holds, `limit` the page size asked for.
 */
export function pageRange({ offset = 0, total = 0 } = {}, shown = 0, limit = PAGE_SIZE) {
  const first = shown ? offset + 1 : 0;
  const last = shown ? offset + shown : 0;
  return {
    first,
    last,
    hasPrevious: offset > 0,
    hasNext: offset + shown < total,
    previousOffset: Math.max(0, offset - limit),
    nextOffset: offset + limit,
  };
}

/**
 * The offset of the last page that has rows for `total` rows (0 for none): where a list goes
 * when it shrank below the page it was on (an item removed, a filter narrowed elsewhere).
 */
export function lastPageOffset(total, limit = PAGE_SIZE) {
  if (total <= 0) return 0;
  return Math.floor((total - 1) / limit) * limit;
}

/**
 * A guard for overlapping requests: `begin()` gives a ticket, `isLatest(ticket)` says whether
 * no later request began since. An answer for an older filter or sort is dropped, however
 * late it arrives.
 */
export function latestOnly() {
  let latest = 0;
  return {
    begin: () => ++latest,
    isLatest: (ticket) => ticket === latest,
  };
}

/** `fn` called `ms` after the last of a run of calls (typing in a filter), with its arguments. */
export function debounce(fn, ms) {
  let timer = null;
  const run = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  run.cancel = () => clearTimeout(timer);
  return run;
}

/**
 * `fn` (async) run at once when idle; called while a run is under way, it runs once more when
 * that run ends, however many calls came meanwhile. Typing in a filter asks at the first key
 * without waiting for a pause, never queues a request behind a stale one of its own, and the
 * last key's text is always asked for. `run.pending()` says whether another run will follow
 * the one under way (its answer is already stale then).
 */
export function coalesce(fn) {
  let running = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        await fn();
      } finally {
        running = null;
        if (again) {
          again = false;
          run();
        }
      }
    })();
    return running;
  };
  run.pending = () => again;
  return run;
}

/** Rows drawn before the first paint of a long table: about a screenful. */
export const FIRST_ROWS = 30;

/**
 * Appends a row built by `build` for each of `items` to `body`, in two steps: the first
 * `FIRST_ROWS` now, the rest after the frame that shows them has been painted, unless `stale()`
 * says a newer drawing replaced them meanwhile. The user sees the top of the table a frame
 * sooner; the rows below the fold follow before they can be scrolled to.
 */
export function appendInTwoSteps(body, items, build, stale, later = afterPaint) {
  body.append(...items.slice(0, FIRST_ROWS).map(build));
  if (items.length <= FIRST_ROWS) return;
  later(() => {
    if (!stale()) body.append(...items.slice(FIRST_ROWS).map(build));
  });
}

/**
 * Runs `fn` once, after the next frame has been painted, or after 100 ms where frames come
 * slowly or not at all (a hidden or throttled window).
 */
function afterPaint(fn) {
  let ran = false;
  const once = () => {
    if (ran) return;
    ran = true;
    fn();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}
