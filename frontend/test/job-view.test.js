import { describe, expect, it } from 'vitest';
import { clock, progressText } from '../src/researcher/job-view.js';

describe('job progress text', () => {
  it('writes minutes and seconds, hours only when needed', () => {
    expect(clock(5)).toBe('0:05');
    expect(clock(65.4)).toBe('1:05');
    expect(clock(3725)).toBe('1:02:05');
  });

  it('says what the CLI reports: steps, elapsed, ETA (a lower bound while a kind is unmeasured), unit', () => {
    expect(progressText({ done: 3, total: 10, elapsedSeconds: 12.3, etaSeconds: 40, etaLowerBound: true, what: 'demo Hessian 3/8' }))
      .toBe('3 of 10 steps · 0:12 elapsed · about 0:40 left (at least) · demo Hessian 3/8');
    expect(progressText({ done: 0, total: 10, elapsedSeconds: 1, etaSeconds: null, etaLowerBound: true, what: '' }))
      .toBe('0 of 10 steps · 0:01 elapsed · time left not known yet');
    expect(progressText(null)).toMatch(/^Starting/);
  });
});
