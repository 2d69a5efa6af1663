// The lifetime of a screen: from the moment the shell draws it until the user leaves it. A
// screen's work must end with it: an answer that arrives after the user left must not run the
// rest of an abandoned render (it would build a page nobody sees while the next screen waits,
// and keep the old page's nodes alive), and its timers and window listeners must go.
//
// The shell (main.js) starts a lifetime per screen it draws and ends it when it draws the next;
// a screen with tabs starts one per tab inside its own. Whichever lifetime was started last and
// still lives is the *current* one, and every backend call (api/ipc.js) is tied to the lifetime
// current when it is made: once that lifetime has ended, the answer, or the error, never
// reaches the caller, and the caller's waiting code and everything it holds is left to the
// garbage collector. Views do not have to do anything for this; a view that keeps timers or
// listens on `window` or `document` uses its lifetime's `setTimeout` and `listen`, which end
// with it.

/** The lifetime calls are tied to now: the one started last that has not ended, or null. */
let current = null;

export const currentLifetime = () => current;

export class Lifetime {
  #controller = new AbortController();
  #parent;
  #children = new Set();
  #timers = new Set();
  #cleanups = [];

  /**
   * Starts a lifetime inside `parent` (it ends with its parent at the latest) or on its own,
   * and makes it the current one.
   */
  static start(parent = null) {
    const life = new Lifetime(parent);
    current = life;
    return life;
  }

  constructor(parent) {
    if (parent && !parent.alive) throw new Error('a lifetime cannot start inside one that has ended');
    this.#parent = parent;
    parent?.#children.add(this);
  }

  /** Aborted when the lifetime ends: for fetch-like APIs and `addEventListener`'s `signal`. */
  get signal() {
    return this.#controller.signal;
  }

  get alive() {
    return !this.#controller.signal.aborted;
  }

  /**
   * Ends the lifetime and those started inside it: clears its timers, removes its listeners,
   * runs its `onEnd` cleanups (last added first), and drops the answers still on their way.
   * Ending twice does nothing.
   */
  end() {
    if (!this.alive) return;
    this.#controller.abort();
    for (const child of [...this.#children]) child.end();
    for (const id of this.#timers) clearTimeout(id);
    this.#timers.clear();
    for (const cleanup of this.#cleanups.splice(0).reverse()) {
      try {
        cleanup();
      } catch (error) {
        // One failing cleanup must not keep the others from running.
        console.error(error);
      }
    }
    this.#parent?.#children.delete(this);
    if (current === this) current = this.#parent?.#living() ?? null;
  }

  /** Runs `cleanup` when the lifetime ends; at once if it has ended already. */
  onEnd(cleanup) {
    if (this.alive) this.#cleanups.push(cleanup);
    else cleanup();
  }

  /**
   * A promise that settles as `promise` does while the lifetime lives, and never once it has
   * ended: whoever awaits it then is never resumed. It lets go of that waiter when the
   * lifetime ends, so a slow answer does not keep an abandoned page alive until it arrives.
   */
  tie(promise) {
    if (!this.alive) return new Promise(() => {});
    return new Promise((resolve, reject) => {
      let settle = { resolve, reject };
      const forget = () => (settle = null);
      this.signal.addEventListener('abort', forget, { once: true });
      const done = (how) => (value) => {
        this.signal.removeEventListener('abort', forget);
        settle?.[how](value);
      };
      promise.then(done('resolve'), done('reject'));
    });
  }

  /** `setTimeout` that is cleared when the lifetime ends; `fn` runs with this one current. */
  setTimeout(fn, ms) {
    if (!this.alive) return null;
    const id = setTimeout(() => {
      this.#timers.delete(id);
      this.run(fn);
    }, ms);
    this.#timers.add(id);
    return id;
  }

  /** Clears a timer of `setTimeout` above. */
  clearTimeout(id) {
    clearTimeout(id);
    this.#timers.delete(id);
  }

  /**
   * `target.addEventListener` until the lifetime ends (for `window`, `document` and the like);
   * `handler` runs with this lifetime current.
   */
  listen(target, type, handler, options = {}) {
    target.addEventListener(type, (event) => this.run(() => handler(event)), { ...options, signal: this.signal });
  }

  /**
   * Runs `fn` with this lifetime current (if it lives), then makes the one before current
   * again, unless `fn` started or ended one itself: calls made from a timer or a listener
   * belong to the screen that set it.
   */
  run(fn) {
    if (!this.alive) return undefined;
    const before = current;
    current = this;
    try {
      return fn();
    } finally {
      if (current === this) current = before?.#living() ?? null;
    }
  }

  /** This lifetime or the nearest one around it that has not ended; null if none. */
  #living() {
    let life = this;
    while (life && !life.alive) life = life.#parent;
    return life ?? null;
  }
}
