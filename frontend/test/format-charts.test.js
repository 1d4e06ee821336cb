import { describe, expect, it } from 'vitest';
import { fmt, fmtP, fmtPercent, fmtMeanSem, fmtSig, superscriptParts } from '../src/researcher/format.js';
import {
  decadeLabel, decadeTicks, legendLayout, niceDomain, niceStep, niceTicks, PALETTE, seriesStyle, tickLabel,
} from '../src/researcher/scales.js';

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
  it('prints eigenvalues with significant digits, tiny ones in scientific notation', () => {
    expect(fmtSig(3.6e-6)).toBe('3.60e-6');
    expect(fmtSig(0.0681)).toBe('0.0681');
    expect(fmtSig(-0.000123456)).toBe('-1.23e-4');
    expect(fmtSig(12.3456)).toBe('12.3');
    expect(fmtSig(123456)).toBe('1.23e5');
    expect(fmtSig(0)).toBe('0');
    expect(fmtSig(null)).toBe('–');
  });
  it('splits C^H into C and a superscript H', () => {
    expect(superscriptParts('Homogeneity C^H, log scale')).toEqual(['Homogeneity C', { sup: 'H' }, ', log scale']);
    expect(superscriptParts('C^H')).toEqual(['C', { sup: 'H' }]);
    expect(superscriptParts('no caret')).toEqual(['no caret']);
  });
});

describe('chart scales', () => {
  it('puts ticks at 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 100).ticks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 0.3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceStep(0.0123)).toBe(0.005);
  });
  it('gives rating scales integer ticks only (never 2.25 on a 1–9 scale)', () => {
    const nine = niceTicks(0, 9, { integer: true });
    expect(nine.ticks).toEqual([0, 2, 4, 6, 8]);
    expect(nine.ticks.every(Number.isInteger)).toBe(true);
    expect(niceTicks(0, 5, { integer: true }).ticks).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceTicks(1, 3, { integer: true }).ticks).toEqual([1, 2, 3]);
    for (let hi = 1; hi <= 12; hi++) expect(niceTicks(0, hi, { integer: true }).ticks.every(Number.isInteger)).toBe(true);
  });
  it('labels small distances with the digits their step needs, not all "0"', () => {
    const { step, ticks } = niceTicks(0, 0.0123);
    const labels = ticks.map((t) => tickLabel(t, step));
    expect(labels).toEqual(['0', '0.005', '0.010']);
    expect(new Set(labels).size).toBe(labels.length);
    expect(niceTicks(0, 0.0004).ticks.map((t, _, a) => tickLabel(t, niceStep(0.0004)))).toEqual(['0', '1e-4', '2e-4', '3e-4', '4e-4']);
    expect(tickLabel(0.0015, 0.0005)).toBe('1.5e-3');
    expect(tickLabel(250000, 50000)).toBe('2.5e5');
    expect(tickLabel(2.5, 0.5)).toBe('2.5');
    expect(tickLabel(40, 20)).toBe('40');
  });
  it('widens a data range to whole steps', () => {
    expect(niceDomain(0.0011, 0.0187)).toEqual([0, 0.02]);
    expect(niceDomain(-3, 3, { integer: true, maxIntervals: 6 })).toEqual([-3, 3]);
    expect(niceDomain(-3, 3, { integer: true })).toEqual([-4, 4]);
    expect(niceDomain(5, 5, { integer: true })).toEqual([5, 6]);
  });
  it('labels log axes by decade and thins them out', () => {
    expect(decadeTicks(-6, -1)).toEqual([-6, -5, -4, -3, -2, -1]);
    expect(decadeTicks(-7, -1)).toEqual([-7, -5, -3, -1]);
    expect(decadeTicks(-20, 0).length).toBeLessThanOrEqual(6);
    expect(decadeLabel(-3)).toBe('1e-3');
    expect(decadeLabel(0)).toBe('1');
  });
  it('gives every series its own look and keeps axis classes one colour', () => {
    const looks = Array.from({ length: 12 }, (_, k) => JSON.stringify(seriesStyle(k, `ref ${k}`)));
    expect(new Set(looks).size).toBe(12);
    expect(new Set(PALETTE).size).toBe(PALETTE.length);
    expect(seriesStyle(0, 'bottom').colour).toBe(seriesStyle(2, 'bottom').colour);
    expect(seriesStyle(0, 'top').colour).not.toBe(seriesStyle(1, 'bottom').colour);
  });
  it('wraps legend entries into rows that fit instead of overlapping', () => {
    const names = ['ref 0', 'ref 1', 'ref 2', 'ref 3', 'ref 4'];
    const { entries, rows } = legendLayout(names, 150);
    expect(rows).toBeGreaterThan(1);
    for (let i = 1; i < entries.length; i++) {
      const [a, b] = [entries[i - 1], entries[i]];
      if (a.row === b.row) expect(b.x).toBeGreaterThanOrEqual(a.x + 16 + names[i - 1].length * 6);
    }
    for (const e of entries) expect(e.x + 16 + 5 * 6).toBeLessThanOrEqual(150);
    expect(legendLayout([], 100).rows).toBe(0);
  });
});
