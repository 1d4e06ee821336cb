import { describe, expect, it } from 'vitest';
import { retrying } from '../src/shared/retrying.js';
import { describeFailure, waitText } from '../src/participant/connection.js';
import { preloadImages } from '../src/participant/preload.js';
import { ApiError } from '../src/shared/http.js';

/** Timers the test fires by hand: `fire()` runs every pending one. */
function manualTimers() {
  const pending = new Map();
  let next = 1;
  return {
    setTimer: (fn, ms) => { pending.set(next, { fn, ms }); return next++; },
    clearTimer: (id) => pending.delete(id),
    delays: () => [...pending.values()].map((t) => t.ms),
    fire: () => { const all = [...pending.values()]; pending.clear(); all.forEach((t) => t.fn()); },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('retrying', () => {
  it('retries retryable failures with growing delays and resolves with the first success', async () => {
    const timers = manualTimers();
    const waits = [];
    let calls = 0;
    const run = retrying(async () => {
      calls++;
      if (calls < 3) throw new ApiError('offline', 0);
      return 'session';
    }, { ...timers, random: () => 1, onWait: (e, ms, attempt) => waits.push([e.status, ms, attempt]) });
    await tick();
    expect(timers.delays()).toEqual([500]);
    timers.fire();
    await tick();
    expect(timers.delays()).toEqual([1000]);
    timers.fire();
    await expect(run.promise).resolves.toBe('session');
    expect(waits).toEqual([[0, 500, 1], [0, 1000, 2]]);
  });

  it('hands back a failure that retrying cannot fix, without waiting', async () => {
    const timers = manualTimers();
    const run = retrying(async () => { throw new ApiError('already taken part', 409, { rule: 'repeat' }); }, timers);
    await expect(run.promise).rejects.toMatchObject({ status: 409 });
    expect(timers.delays()).toEqual([]);
  });

  it('"Try again" ends the wait at once', async () => {
    const timers = manualTimers();
    let calls = 0;
    const run = retrying(async () => {
      calls++;
      if (calls === 1) throw new ApiError('server error', 503);
      return 'ok';
    }, { ...timers, maxMs: 30000 });
    await tick();
    expect(timers.delays().length).toBe(1);
    run.retryNow();
    await expect(run.promise).resolves.toBe('ok');
    expect(timers.delays()).toEqual([]);
    run.retryNow(); // nothing to wake: harmless
  });
});

describe('connection notice texts', () => {
  it('says what failed in plain words', () => {
    expect(describeFailure(new ApiError('x', 0), 'The study could not be loaded')).toBe('The study could not be loaded: the connection to the study server was lost.');
    expect(describeFailure(new ApiError('x', 503), 'Saving failed')).toMatch(/error 503/);
    expect(describeFailure(new ApiError('x', 429), 'Saving failed')).toMatch(/busy/);
  });

  it('rounds the announced wait up to whole seconds', () => {
    expect(waitText(400)).toBe('in about 1 second');
    expect(waitText(1001)).toBe('in about 2 seconds');
  });
});

describe('preloadImages', () => {
  it('reports how many images failed and loads only those again', async () => {
    const requested = [];
    let online = false;
    const load = async (url) => {
      requested.push(url);
      if (!online && url.endsWith('b.png')) throw new Error('offline');
      return { url };
    };
    const loaded = new Map();
    const urls = ['/a.png', '/b.png', '/a.png'];
    await expect(preloadImages(urls, { loaded, load })).rejects.toMatchObject({ retryable: true, failed: 1 });
    online = true;
    await preloadImages(urls, { loaded, load });
    expect(requested).toEqual(['/a.png', '/b.png', '/b.png']);
    expect([...loaded.keys()].sort()).toEqual(['/a.png', '/b.png']);
  });
});
