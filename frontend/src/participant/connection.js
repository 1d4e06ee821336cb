// What the participant sees while the page waits for the network: what failed, that it is retried on its
// own (with backoff, src/shared/retrying.js), and a "Try again" button. The browser's "online" event retries
// at once, so the page continues by itself when the connection returns.
import { h } from '../shared/dom.js';
import { retrying } from '../shared/retrying.js';

/** One sentence on what went wrong, for people rather than developers. */
export function describeFailure(error, what) {
  const status = error?.status;
  if (status === 0) return `${what}: the connection to the study server was lost.`;
  if (status === 429) return `${what}: the server is busy.`;
  if (status >= 500 || status === 408) return `${what}: the server did not answer properly (error ${status}).`;
  return `${what}: ${error?.message ?? error}.`;
}

/** "in about 4 seconds" for the announced wait (rounded up, so it is never promised too early). */
export function waitText(delayMs) {
  const s = Math.max(1, Math.ceil(delayMs / 1000));
  return `in about ${s} second${s === 1 ? '' : 's'}`;
}

/**
 * Runs `task` until it succeeds. While a retry is pending, `container` shows a notice (id
 * `connection-problem`) with a "Try again" button; the notice goes away when the task succeeds.
 * @returns {Promise<any>} the task's result; rejects with a failure that retrying cannot fix (a 4xx)
 */
export function withRetryNotice(container, what, task, { note = '', win = globalThis, ...options } = {}) {
  const text = h('p', { class: 'connection-text' });
  const again = h('button', { type: 'button', class: 'jspsych-btn', id: 'try-again', text: 'Try again' });
  const notice = h('div', { class: 'notice connection-problem', id: 'connection-problem', role: 'status', hidden: true }, text, again);
  container.append(notice);
  const run = retrying(task, {
    ...options,
    onWait: (error, delayMs) => {
      text.textContent = `${describeFailure(error, what)} Trying again automatically ${waitText(delayMs)}.${note ? ` ${note}` : ''}`;
      notice.hidden = false;
    },
  });
  again.addEventListener('click', () => {
    text.textContent = 'Trying again…';
    run.retryNow();
  });
  const online = () => run.retryNow();
  win.addEventListener?.('online', online);
  return run.promise.finally(() => {
    win.removeEventListener?.('online', online);
    notice.remove();
  });
}
