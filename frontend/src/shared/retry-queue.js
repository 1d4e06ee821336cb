// Answers are sent as soon as they are given; if the network fails they wait here and are retried with
// exponential backoff. The queue lives in sessionStorage so a refresh does not lose an unsent answer, and each
// item keeps its client-generated id, so a retry after a lost reply stores nothing twice (the API is
// idempotent by that id).

/** Delay before retry number `attempt` (0-based): exponential, capped, with jitter in [50 %, 100 %]. */
export function backoffDelay(attempt, { baseMs = 500, maxMs = 30000, random = Math.random } = {}) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (0.5 + random() / 2));
}

function readItems(storage, key) {
  try {
    const parsed = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((i) => i && typeof i.id === 'string') : [];
  } catch {
    return [];
  }
}

export class RetryQueue {
  /**
   * @param {object} options
   * @param {Storage} options.storage where pending items are persisted (sessionStorage in the browser)
   * @param {string} options.key storage key (one per session token)
   * @param {(item: object) => Promise<any>} options.send sends one item; rejects with an error whose
   *        `retryable` tells whether trying again can help
   * @param {(item: object, error: Error) => void} [options.onDrop] an item the server refused for good
   * @param {(pending: number, lastError: Error|null) => void} [options.onChange] queue length changed
   */
  // The timer defaults are wrapped: a bare setTimeout stored on the instance and called as a method throws
  // "Illegal invocation" in browsers.
  constructor({ storage, key, send, onDrop = () => {}, onChange = () => {}, setTimer = (fn, ms) => setTimeout(fn, ms), clearTimer = (id) => clearTimeout(id), random = Math.random, baseMs = 500, maxMs = 30000 }) {
    Object.assign(this, { storage, key, send, onDrop, onChange, setTimer, clearTimer, random, baseMs, maxMs });
    this.queue = readItems(storage, key);
    this.attempt = 0;
    this.timer = null;
    this.flushing = null;
    this.lastError = null;
    this.waiters = [];
  }

  get pending() {
    return this.queue.length;
  }

  /** Items not yet acknowledged by the server (oldest first). */
  items() {
    return this.queue.map((i) => ({ ...i }));
  }

  /** Adds an item (ignored if an item with the same id is already waiting) and starts sending. */
  enqueue(item) {
    if (!this.queue.some((i) => i.id === item.id)) {
      this.queue.push(item);
      this.persist();
    }
    return this.flush();
  }

  /** Sends waiting items in order. Resolves once the queue is empty or a retry has been scheduled. */
  flush() {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    if (!this.flushing) {
      this.flushing = this.drain().finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  /** Resolves when every item has been acknowledged (or dropped). */
  whenEmpty() {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async drain() {
    while (this.queue.length > 0) {
      const item = this.queue[0];
      try {
        await this.send(item);
        this.lastError = null;
        this.attempt = 0;
        this.remove(item.id);
      } catch (error) {
        if (error?.retryable) {
          this.lastError = error;
          const delay = backoffDelay(this.attempt, { baseMs: this.baseMs, maxMs: this.maxMs, random: this.random });
          this.attempt += 1;
          this.onChange(this.queue.length, error);
          this.timer = this.setTimer(() => {
            this.timer = null;
            this.flush();
          }, delay);
          return;
        }
        this.remove(item.id);
        this.onDrop(item, error);
      }
    }
  }

  remove(id) {
    this.queue = this.queue.filter((i) => i.id !== id);
    this.persist();
    this.onChange(this.queue.length, this.lastError);
    if (this.queue.length === 0) {
      const waiters = this.waiters;
      this.waiters = [];
      waiters.forEach((resolve) => resolve());
    }
  }

  persist() {
    try {
      if (this.queue.length === 0) this.storage.removeItem(this.key);
      else this.storage.setItem(this.key, JSON.stringify(this.queue));
    } catch {
      // Storage full or disabled (private mode): the queue still works in memory for this page.
    }
  }
}
