import { describe, expect, it } from 'vitest';
import { resumeIndex } from '../src/participant/resume.js';

describe('resumeIndex', () => {
  it('starts at 0 for a new session', () => {
    expect(resumeIndex(5)).toBe(0);
  });

  it('continues at the first trial the server has not stored', () => {
    expect(resumeIndex(5, [0, 1], [], 2)).toBe(2);
  });

  it('skips trials whose answers wait in the local queue', () => {
    expect(resumeIndex(5, [0, 1], [2, 3], 2)).toBe(4);
  });

  it('finds a gap even without the server index', () => {
    expect(resumeIndex(5, [0, 2], [])).toBe(1);
  });

  it('never goes back before the server index', () => {
    expect(resumeIndex(5, [], [], 3)).toBe(3);
  });

  it('returns the trial count when everything is answered', () => {
    expect(resumeIndex(3, [0, 1], [2], 2)).toBe(3);
    expect(resumeIndex(3, [0, 1, 2], [], 3)).toBe(3);
  });

  it('clamps a server index beyond the end', () => {
    expect(resumeIndex(3, [], [], 10)).toBe(3);
  });
});
