import { describe, expect, it } from 'vitest';
import { emptyAnswer, validateAnswer, toRequestBody, MAX_DESCRIPTION } from '../src/participant/response.js';

const seen = () => ({ changeSeen: true, magnitude: 70, description: 'it turns', sharedCount: 4, consistency: 7, difficulty: 3 });
const notSeen = () => ({ ...emptyAnswer(), changeSeen: false, difficulty: 6 });

describe('validateAnswer', () => {
  it('requires the change question first', () => {
    const { valid, errors } = validateAnswer(emptyAnswer());
    expect(valid).toBe(false);
    expect(Object.keys(errors).sort()).toEqual(['changeSeen', 'difficulty']);
  });

  it('accepts a complete "yes" answer and a complete "no" answer', () => {
    expect(validateAnswer(seen()).valid).toBe(true);
    expect(validateAnswer(notSeen()).valid).toBe(true);
  });

  it('asks the follow-up questions only after a change was seen', () => {
    expect(Object.keys(validateAnswer({ ...emptyAnswer(), changeSeen: true, difficulty: 2 }).errors).sort())
      .toEqual(['consistency', 'description', 'magnitude', 'sharedCount']);
    expect(validateAnswer({ ...notSeen(), consistency: null, sharedCount: null }).valid).toBe(true);
  });

  it('requires the slider to have been moved when a change was seen', () => {
    const { errors } = validateAnswer({ ...seen(), magnitude: null });
    expect(errors.magnitude).toMatch(/slider/);
  });

  it('checks each range at both ends', () => {
    expect(validateAnswer({ ...seen(), magnitude: 0 }).valid).toBe(true);
    expect(validateAnswer({ ...seen(), magnitude: 100 }).valid).toBe(true);
    expect(validateAnswer({ ...seen(), magnitude: 101 }).errors.magnitude).toBeDefined();
    expect(validateAnswer({ ...seen(), magnitude: 50.5 }).errors.magnitude).toBeDefined();
    expect(validateAnswer({ ...seen(), sharedCount: 0 }).valid).toBe(true);
    expect(validateAnswer({ ...seen(), sharedCount: 6 }).errors.sharedCount).toBeDefined();
    expect(validateAnswer({ ...seen(), consistency: 0 }).errors.consistency).toBeDefined();
    expect(validateAnswer({ ...seen(), consistency: 9 }).valid).toBe(true);
    expect(validateAnswer({ ...seen(), difficulty: 10 }).errors.difficulty).toBeDefined();
  });

  it('limits the description to 1000 characters and refuses a blank one', () => {
    expect(validateAnswer({ ...seen(), description: 'x'.repeat(MAX_DESCRIPTION) }).valid).toBe(true);
    expect(validateAnswer({ ...seen(), description: 'x'.repeat(MAX_DESCRIPTION + 1) }).errors.description).toMatch(/1000/);
    expect(validateAnswer({ ...seen(), description: '   ' }).errors.description).toBeDefined();
  });
});

describe('toRequestBody', () => {
  const timing = { trialIndex: 3, responseTimeMs: 1234.6, trialStartedAt: '2026-11-22T08:00:00.000Z', clientTimestamp: '2026-11-22T08:00:01.235Z' };

  it('sends every answer of a "yes" trial as given', () => {
    expect(toRequestBody(seen(), timing)).toEqual({
      trialIndex: 3, changeSeen: true, magnitude: 70, description: 'it turns', sharedCount: 4, consistency: 7, difficulty: 3,
      responseTimeMs: 1235, trialStartedAt: timing.trialStartedAt, clientTimestamp: timing.clientTimestamp,
    });
  });

  it('sends none of the follow-up answers when no change was seen, even ones given before switching to "no"', () => {
    const body = toRequestBody({ ...notSeen(), magnitude: 40, description: 'leftover', sharedCount: 3, consistency: 5 }, timing);
    expect(body).toMatchObject({ changeSeen: false, magnitude: null, description: null, sharedCount: null, consistency: null, difficulty: 6 });
  });

  it('keeps markup in the description verbatim (it is stored as given, shown escaped)', () => {
    expect(toRequestBody({ ...seen(), description: '<b>bold</b> & "q"' }, timing).description).toBe('<b>bold</b> & "q"');
  });
});
