// Loading the session, the stimuli and finishing must never strand a participant: a failure that may pass
// (offline, timeout, 5xx, a broken image download) is retried on its own with the same exponential backoff
// as the answer queue, and the participant can cut a wait short ("Try again", or the browser coming back
// online). Failures that will not pass (a 4xx answer) are handed back to the caller.
import { backoffDelay } from './retry-queue.js';

/**
 * Runs `task` until it resolves.
 * @param {(attempt: number) => Promise<any>} task
 * @param {object} [options]
 * @param {(error: Error, delayMs: number, attempt: number) => void} [options.onWait] a retry is scheduled
 * @param {(error: any) => boolean} [options.retryable] which errors are worth another try
 * @returns {{promise: Promise<any>, retryNow: () => void}} retryNow ends the current wait at once
 */
export function retrying(task, {
  onWait = () => {}, retryable = (e) => Boolean(e?.retryable), baseMs = 500, maxMs = 30000, random = Math.random,
  setTimer = (fn, ms) => setTimeout(fn, ms), clearTimer = (id) => clearTimeout(id),
} = {}) {
  let wake = null;
  const promise = (async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await task(attempt);
      } catch (error) {
        if (!retryable(error)) throw error;
        const delay = backoffDelay(attempt, { baseMs, maxMs, random });
        onWait(error, delay, attempt + 1);
        await new Promise((resolve) => {
          const id = setTimer(resolve, delay);
          wake = () => {
            clearTimer(id);
            resolve();
          };
        });
        wake = null;
      }
    }
  })();
  return { promise, retryNow: () => wake?.() };
}
