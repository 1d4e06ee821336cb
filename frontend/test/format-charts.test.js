import { describe, expect, it } from 'vitest';
import { fmt, fmtP, fmtPercent, fmtMeanSem } from '../src/researcher/format.js';
import { niceCeiling, ticks } from '../src/researcher/charts.js';
import { proportionSe } from '../src/researcher/statistics-view.js';

describe('formatting', () => {
  it('prints p-values like papers do', () => {
    expect(fmtP(0.5)).toBe('0.500');
    expect(fmtP(0.0058)).toBe('0.006');
    expect(fmtP(7e-4)).toBe('7.0e-4');
    expect(fmtP(1e-20)).toBe('< 1e-16');
    expect(fmtP(null)).toBe('–');
  });
  it('prints mean ± SEM and dashes for missing values', () => {
    expect(fmtMeanSem(70.312, 0.6)).toBe('70.31 ± 0.60');
    expect(fmtMeanSem(6.7, null)).toBe('6.70');
    expect(fmt(NaN)).toBe('–');
    expect(fmtPercent(0.935)).toBe('93.5 %');
  });
});

describe('chart scales', () => {
  it('rounds the axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceCeiling(7.3)).toBe(10);
    expect(niceCeiling(1.7)).toBe(2);
    expect(niceCeiling(0.23)).toBe(0.25);
    expect(niceCeiling(100)).toBe(100);
    expect(niceCeiling(0)).toBe(1);
  });
  it('spaces ticks evenly', () => {
    expect(ticks(0, 100, 4)).toEqual([0, 25, 50, 75, 100]);
  });
  it('gives the binomial standard error for the seen-change bars', () => {
    expect(proportionSe(0.5, 100)).toBeCloseTo(0.05, 12);
    expect(proportionSe(0.5, 0)).toBeNull();
  });
});
