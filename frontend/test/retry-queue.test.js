import { describe, expect, it } from 'vitest';
import { RetryQueue, backoffDelay } from '../src/shared/retry-queue.js';
import { ApiError } from '../src/shared/http.js';

class MemoryStorage {
  constructor() { this.map = new Map(); }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
}

/** A fake clock: timers run only when the test says so. */
function fakeTimers() {
  const timers = [];
  return {
    timers,
    setTimer: (fn, ms) => { timers.push({ fn, ms }); return timers.length; },
    clearTimer: () => {},
    async fireNext() { const t = timers.shift(); t.fn(); await new Promise((r) => setTimeout(r, 0)); return t.ms; },
  };
}

/** A server that fails the first `failures` calls with the given status, then stores. */
function flakyServer(failures, status = 0) {
  const stored = new Map();
  let calls = 0;
  return {
    stored,
    get calls() { return calls; },
    send: async (item) => {
      calls += 1;
      if (calls <= failures) throw new ApiError('down', status);
      stored.set(item.id, item.body);
      return { ok: true };
    },
  };
}

describe('backoffDelay', () => {
  it('doubles per attempt up to the cap, with jitter between half and full', () => {
    expect(backoffDelay(0, { baseMs: 500, random: () => 1 })).toBe(500);
    expect(backoffDelay(3, { baseMs: 500, random: () => 1 })).toBe(4000);
    expect(backoffDelay(3, { baseMs: 500, random: () => 0 })).toBe(2000);
    expect(backoffDelay(20, { baseMs: 500, maxMs: 30000, random: () => 1 })).toBe(30000);
  });
});

describe('RetryQueue', () => {
  it('sends an item at once and empties the stored queue', async () => {
    const storage = new MemoryStorage();
    const server = flakyServer(0);
    const q = new RetryQueue({ storage, key: 'k', send: server.send });
    await q.enqueue({ id: 'a', body: { trialIndex: 0 } });
    expect(server.stored.get('a')).toEqual({ trialIndex: 0 });
    expect(q.pending).toBe(0);
    expect(storage.getItem('k')).toBeNull();
  });

  it('keeps a failed item in storage and retries it with growing delays until it is stored once', async () => {
    const storage = new MemoryStorage();
    const clock = fakeTimers();
    const server = flakyServer(3, 0);
    const q = new RetryQueue({ storage, key: 'k', send: server.send, setTimer: clock.setTimer, clearTimer: clock.clearTimer, random: () => 1, baseMs: 100 });
    await q.enqueue({ id: 'a', body: { trialIndex: 0 } });
    expect(JSON.parse(storage.getItem('k'))).toEqual([{ id: 'a', body: { trialIndex: 0 } }]);
    const delays = [await clock.fireNext(), await clock.fireNext(), await clock.fireNext()];
    expect(delays).toEqual([100, 200, 400]);
    expect(server.stored.size).toBe(1);
    expect(server.calls).toBe(4);
    expect(q.pending).toBe(0);
    expect(storage.getItem('k')).toBeNull();
  });

  it('retries server errors and rate limiting but drops a refused item and reports it', async () => {
    const dropped = [];
    const clock = fakeTimers();
    const q503 = new RetryQueue({ storage: new MemoryStorage(), key: 'k', send: flakyServer(1, 503).send, setTimer: clock.setTimer, clearTimer: clock.clearTimer });
    await q503.enqueue({ id: 'a', body: {} });
    expect(q503.pending).toBe(1);
    expect(clock.timers).toHaveLength(1);

    const q422 = new RetryQueue({ storage: new MemoryStorage(), key: 'k', send: flakyServer(1, 422).send, onDrop: (item, e) => dropped.push([item.id, e.status]) });
    await q422.enqueue({ id: 'b', body: {} });
    expect(q422.pending).toBe(0);
    expect(dropped).toEqual([['b', 422]]);
  });

  it('survives a page reload: a new queue on the same storage sends what the old one could not', async () => {
    const storage = new MemoryStorage();
    const clock = fakeTimers();
    const old = new RetryQueue({ storage, key: 'k', send: flakyServer(99).send, setTimer: clock.setTimer, clearTimer: clock.clearTimer });
    await old.enqueue({ id: 'a', body: { trialIndex: 0 } });
    await old.enqueue({ id: 'b', body: { trialIndex: 1 } });
    expect(old.pending).toBe(2);

    const server = flakyServer(0);
    const reloaded = new RetryQueue({ storage, key: 'k', send: server.send });
    expect(reloaded.items().map((i) => i.body.trialIndex)).toEqual([0, 1]);
    await reloaded.flush();
    expect([...server.stored.keys()]).toEqual(['a', 'b']);
  });

  it('ignores a second enqueue of the same id and keeps order', async () => {
    const server = flakyServer(0);
    const q = new RetryQueue({ storage: new MemoryStorage(), key: 'k', send: server.send });
    await Promise.all([q.enqueue({ id: 'a', body: 1 }), q.enqueue({ id: 'a', body: 1 }), q.enqueue({ id: 'b', body: 2 })]);
    expect(server.calls).toBe(2);
    expect([...server.stored.keys()]).toEqual(['a', 'b']);
  });

  it('resolves whenEmpty only after the last item is acknowledged', async () => {
    const clock = fakeTimers();
    const q = new RetryQueue({ storage: new MemoryStorage(), key: 'k', send: flakyServer(1).send, setTimer: clock.setTimer, clearTimer: clock.clearTimer });
    await q.enqueue({ id: 'a', body: {} });
    let empty = false;
    q.whenEmpty().then(() => { empty = true; });
    await new Promise((r) => setTimeout(r, 0));
    expect(empty).toBe(false);
    await clock.fireNext();
    expect(empty).toBe(true);
  });

  it('starts empty when the stored queue is corrupt', () => {
    const storage = new MemoryStorage();
    storage.setItem('k', '{not json');
    expect(new RetryQueue({ storage, key: 'k', send: async () => {} }).pending).toBe(0);
  });
});
