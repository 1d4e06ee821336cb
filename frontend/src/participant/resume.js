// Where a (re)loaded page continues: the first trial neither stored on the server nor waiting in the local
// retry queue. Counting queued answers matters: after a refresh while offline the server has not seen them,
// but showing those trials again would record a second, different answer.

/**
 * @param {number} trialCount number of trials in the session
 * @param {Iterable<number>} answeredOnServer trial indices the server has stored
 * @param {Iterable<number>} pendingLocally trial indices whose answer waits in the retry queue
 * @param {number|null} serverFirstUnanswered the index the server reports, if it does
 * @returns {number} index in [0, trialCount]; trialCount means every trial is answered
 */
export function resumeIndex(trialCount, answeredOnServer = [], pendingLocally = [], serverFirstUnanswered = null) {
  const done = new Set([...answeredOnServer, ...pendingLocally]);
  let start = 0;
  // The server's index is authoritative for what it holds; local answers can only move the start forward.
  if (Number.isInteger(serverFirstUnanswered)) start = Math.max(0, Math.min(serverFirstUnanswered, trialCount));
  for (let i = start; i < trialCount; i++) if (!done.has(i)) return i;
  return trialCount;
}
