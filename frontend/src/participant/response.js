// The answer to one trial, as the form collects it, and the rules it must meet before it is sent. The server
// (docs/api.md) checks the same rules; checking them here lets the page say what is missing before sending.
// Magnitude, description, how many images share the change and how similar the changes are only make
// sense after "yes, I saw a change": they are asked only then, and the server refuses magnitude, shared
// count and consistency for "no change" (and requires them after a change). Difficulty is asked on every
// trial.

export const MAX_DESCRIPTION = 1000;

/** An empty answer: nothing chosen yet; the slider has not been touched. */
export function emptyAnswer() {
  return { changeSeen: null, magnitude: null, description: '', sharedCount: null, consistency: null, difficulty: null };
}

const isIntIn = (v, lo, hi) => Number.isInteger(v) && v >= lo && v <= hi;

/**
 * @returns {{valid: boolean, errors: Object<string, string>}} one message per field that breaks a rule
 */
export function validateAnswer(a) {
  const errors = {};
  if (a.changeSeen !== true && a.changeSeen !== false) errors.changeSeen = 'Say whether you saw a change.';
  if (a.changeSeen === true) {
    if (a.magnitude === null || a.magnitude === undefined) errors.magnitude = 'Move the slider to rate how large the change is.';
    else if (!isIntIn(a.magnitude, 0, 100)) errors.magnitude = 'The magnitude must be a whole number from 0 to 100.';
    const text = String(a.description ?? '');
    if (text.trim().length === 0) errors.description = 'Describe the change in your own words.';
    else if (text.length > MAX_DESCRIPTION) errors.description = `The description may have at most ${MAX_DESCRIPTION} characters.`;
    if (!isIntIn(a.sharedCount, 0, 5)) errors.sharedCount = 'Choose how many of the five images share the change (0–5).';
    if (!isIntIn(a.consistency, 1, 9)) errors.consistency = 'Rate how similar the changes are (1–9).';
  }
  if (!isIntIn(a.difficulty, 1, 9)) errors.difficulty = 'Rate how difficult it was to judge (1–9).';
  return { valid: Object.keys(errors).length === 0, errors };
}

/** The request body of `PUT /api/participant/sessions/{token}/responses/{clientResponseId}`. */
export function toRequestBody(a, { trialIndex, responseTimeMs, trialStartedAt, clientTimestamp }) {
  const seen = a.changeSeen === true;
  return {
    trialIndex,
    changeSeen: seen,
    magnitude: seen ? a.magnitude : null,
    description: seen ? a.description : null,
    sharedCount: seen ? a.sharedCount : null,
    consistency: seen ? a.consistency : null,
    difficulty: a.difficulty,
    responseTimeMs: Math.max(0, Math.round(responseTimeMs)),
    trialStartedAt,
    clientTimestamp,
  };
}
