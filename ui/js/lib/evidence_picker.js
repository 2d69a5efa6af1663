// The pure parts of the evidence picker (widgets/evidence_picker.js): which option the arrow
// keys move to, which answer of several searches in flight may still be shown, the chosen
// items as a list without repeats, and how an item reads in the list.

/**
 * The option that is active after `key` ('ArrowDown', 'ArrowUp', 'Home', 'End') when
 * `active` is (-1 for none) among `count` options; the arrows wrap around. -1 when there
 * are no options; `active` unchanged for any other key.
 */
export function nextActive(active, count, key) {
  if (count <= 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return active < 0 || active >= count - 1 ? 0 : active + 1;
    case 'ArrowUp':
      return active <= 0 ? count - 1 : active - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return Math.min(active, count - 1);
  }
}

/**
 * Numbers requests so that only the answer to the latest is used: `const current =
 * sequence.next()` before sending, `if (!current()) return` when the answer arrives. An
 * older, slower answer then never overwrites a newer one.
 */
export function requestSequence() {
  let latest = 0;
  return {
    next() {
      latest += 1;
      const mine = latest;
      return () => mine === latest;
    },
    /** Makes every request sent so far stale (the text was cleared, the picker closed). */
    drop() {
      latest += 1;
    },
  };
}

/** `chosen` with `item` added at the end (once: an item already chosen stays where it is). */
export function withChosen(chosen, item) {
  return chosen.some((c) => c.id === item.id) ? chosen : [...chosen, item];
}

/** `chosen` without the item of id `id`. */
export function withoutChosen(chosen, id) {
  return chosen.filter((c) => c.id !== id);
}

/** `chosen` with `item` added, or removed when it was chosen already (a click toggles). */
export function toggleChosen(chosen, item) {
  return chosen.some((c) => c.id === item.id) ? withoutChosen(chosen, item.id) : withChosen(chosen, item);
}

/** How an item reads in the list: its title, and its work product when it has one. */
export function itemLabel(item) {
  return item.work_product ? `${item.title} (${item.work_product})` : String(item.title ?? '');
}

/**
 * Calls `run` once `delay` ms have passed without another call (typing pauses); `timers`
 * gives setTimeout/clearTimeout (the page's by default, a fake clock in tests).
 * `.cancel()` forgets a pending call.
 */
export function debounce(run, delay, timers = globalThis) {
  let pending = null;
  const call = (...args) => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = timers.setTimeout(() => {
      pending = null;
      run(...args);
    }, delay);
  };
  call.cancel = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
  };
  return call;
}

/**
 * The first `cap` items of `items` to show as chips and how many are left over (`total`
 * counts every item, also those not loaded): { shown, more }.
 */
export function capChips(items, total, cap) {
  const shown = items.slice(0, Math.max(0, cap));
  return { shown, more: Math.max(0, (total ?? items.length) - shown.length) };
}
