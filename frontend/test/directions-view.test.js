import { describe, expect, it } from 'vitest';
import { bytesText, importedLine, labelsSummary, vectorsText } from '../src/researcher/directions-view.js';

describe('direction file facts', () => {
  it('lists the first labels and counts the rest', () => {
    expect(labelsSummary(['smile'])).toBe('smile');
    expect(labelsSummary(['a', 'b', 'c', 'd'])).toBe('a, b, c, d');
    expect(labelsSummary(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a, b, c, d and 2 more');
    expect(labelsSummary([])).toBe('–');
  });

  it('says how many vectors of which size, and the size of the file', () => {
    expect(vectorsText({ count: 1, dim: 512 })).toBe('1 direction of 512 values');
    expect(vectorsText({ count: 3, dim: 64 })).toBe('3 directions of 64 values');
    expect(bytesText(900)).toBe('900 B');
    expect(bytesText(2048)).toBe('2.0 KiB');
    expect(bytesText(3 * 1024 * 1024)).toBe('3.0 MiB');
  });

  it('gives the line a study file imports it with', () => {
    expect(importedLine({ path: '../data/directions/ab12/smile.csv' })).toBe('imported: ../data/directions/ab12/smile.csv');
  });
});
