import { describe, expect, it } from 'vitest';
import { startRequest } from '../src/participant/api.js';
import { parseLaunchParams } from '../src/participant/launch-params.js';
import { SessionStore, tokenKey } from '../src/participant/session-store.js';
import { requestJson, ApiError, describeError } from '../src/shared/http.js';
import { pingPongOrder } from '../src/participant/trial-view.js';

class MemoryStorage {
  constructor() { this.map = new Map(); }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
}

describe('startRequest', () => {
  const client = { userAgent: 'ua' };
  it('maps MTurk parameters', () => {
    const launch = parseLaunchParams('?assignmentId=A1&hitId=H1&workerId=W1&turkSubmitTo=https://www.mturk.com', '/study/demo');
    expect(startRequest(launch, client)).toEqual({ study: 'demo', client, mturk: { assignmentId: 'A1', hitId: 'H1', workerId: 'W1', turkSubmitTo: 'https://www.mturk.com' } });
  });
  it('maps Prolific parameters to the API names', () => {
    const launch = parseLaunchParams('?PROLIFIC_PID=P1&STUDY_ID=S1&SESSION_ID=X1', '/study/demo');
    expect(startRequest(launch, client)).toEqual({ study: 'demo', client, prolific: { prolificPid: 'P1', studyId: 'S1', sessionId: 'X1' } });
  });
  it('sends neither for a plain link', () => {
    expect(startRequest(parseLaunchParams('', '/study/demo'), client)).toEqual({ study: 'demo', client });
  });
});

describe('SessionStore', () => {
  it('keeps tokens apart per study and participant', () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    const store = new SessionStore({ local, session });
    store.save('demo', 'mturk:W1', 't1');
    store.save('demo', 'mturk:W2', 't2');
    store.save('demo', 'anonymous', 't3');
    expect(store.load('demo', 'mturk:W1')).toBe('t1');
    expect(store.load('demo', 'mturk:W2')).toBe('t2');
    expect(store.load('other', 'mturk:W1')).toBeNull();
    expect(local.getItem(tokenKey('demo', 'anonymous'))).toBeNull();
    expect(session.getItem(tokenKey('demo', 'anonymous'))).toBe('t3');
    store.forget('demo', 'mturk:W1');
    expect(store.load('demo', 'mturk:W1')).toBeNull();
  });
});

describe('requestJson', () => {
  const reply = (status, body) => async () => ({ ok: status < 300, status, text: async () => (body === undefined ? '' : JSON.stringify(body)) });

  it('parses JSON bodies and returns null for empty ones', async () => {
    expect(await requestJson('/x', { fetchImpl: reply(200, { a: 1 }) })).toEqual({ a: 1 });
    expect(await requestJson('/x', { fetchImpl: reply(204) })).toBeNull();
  });

  it('turns the backend error body into a non-retryable ApiError', async () => {
    const err = await requestJson('/x', { fetchImpl: reply(422, { error: 'magnitude out of range', field: 'magnitude', rule: 'range' }) }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(422);
    expect(err.retryable).toBe(false);
    expect(err.body.rule).toBe('range');
    expect(err.message).toBe('magnitude out of range');
  });

  it('marks network failures and server errors as retryable', async () => {
    const offline = await requestJson('/x', { fetchImpl: async () => { throw new TypeError('Failed to fetch'); } }).catch((e) => e);
    expect(offline.status).toBe(0);
    expect(offline.retryable).toBe(true);
    const e503 = await requestJson('/x', { fetchImpl: reply(503, {}) }).catch((e) => e);
    expect(e503.retryable).toBe(true);
  });

  it('lists every problem of a multi-problem error', () => {
    expect(describeError({ error: 'x', problems: [{ field: 'a', error: 'x' }] }, 422)).toBe('x');
    expect(describeError({ error: 'x', problems: [{ error: 'x' }, { error: 'y' }] }, 422)).toBe('x; y');
    expect(describeError(null, 500)).toBe('HTTP 500');
  });
});

describe('pingPongOrder', () => {
  it('runs forth and back without repeating the ends', () => {
    expect(pingPongOrder(4)).toEqual([0, 1, 2, 3, 2, 1]);
    expect(pingPongOrder(1)).toEqual([0]);
  });
});
