import { describe, expect, it } from 'vitest';
import { expiredAdvice, formatDeadline } from '../src/participant/expired.js';

const expired = (source, canStartAgain) => ({ state: 'abandoned', source, canStartAgain, expiresAt: '2026-12-06T10:30:00Z' });

describe('expiredAdvice', () => {
  it('says when the time limit passed, in every case', () => {
    for (const source of ['link', 'mturk', 'prolific']) {
      for (const again of [true, false]) {
        const { paragraphs } = expiredAdvice(expired(source, again), 'en-GB');
        expect(paragraphs[0]).toContain(`by ${formatDeadline('2026-12-06T10:30:00Z', 'en-GB')}`);
        expect(paragraphs[0]).toContain('cannot be continued');
      }
    }
  });

  it('offers a new session on a plain link only when the server would start one', () => {
    expect(expiredAdvice(expired('link', true)).startAgain).toBe(true);
    expect(expiredAdvice(expired('link', true)).paragraphs[1]).toContain('start the study again');
    const closed = expiredAdvice(expired('link', false));
    expect(closed.startAgain).toBe(false);
    expect(closed.paragraphs[1]).toContain('not taking new sessions');
  });

  it('tells an MTurk worker to return the HIT when starting again would be refused', () => {
    const advice = expiredAdvice(expired('mturk', false));
    expect(advice.startAgain).toBe(false);
    expect(advice.paragraphs[1]).toContain('return it on Mechanical Turk');
    expect(advice.paragraphs[1]).toContain('message the requester');
  });

  it('tells a Prolific participant to return the submission when starting again would be refused', () => {
    const advice = expiredAdvice(expired('prolific', false));
    expect(advice.startAgain).toBe(false);
    expect(advice.paragraphs[1]).toContain('return your submission on Prolific');
  });

  it('mentions the platform’s own time limit where a crowd participant may start again', () => {
    expect(expiredAdvice(expired('mturk', true)).paragraphs[1]).toContain('return the HIT');
    expect(expiredAdvice(expired('prolific', true)).paragraphs[1]).toContain('return your submission');
  });

  it('never offers to start again unless the server says so', () => {
    expect(expiredAdvice({ state: 'abandoned', source: 'link' }).startAgain).toBe(false);
  });

  it('says the answers given are kept only when there are some', () => {
    expect(expiredAdvice({ ...expired('link', true), answeredTrials: 2 }).paragraphs[0]).toContain('The answers you gave are kept.');
    expect(expiredAdvice({ ...expired('link', true), answeredTrials: 0 }).paragraphs[0]).not.toContain('kept');
  });

  it('leaves the time out when it is unknown', () => {
    expect(formatDeadline(null)).toBe('');
    expect(formatDeadline('not a time')).toBe('');
    expect(expiredAdvice({ source: 'link', canStartAgain: true }).paragraphs[0]).toMatch(/^This session had to be finished\. /);
  });
});
