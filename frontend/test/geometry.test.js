import { describe, expect, it } from 'vitest';
import { researcherApi } from '../src/researcher/api.js';
import { fmtSci, geometryRows, withGeometry } from '../src/researcher/geometry.js';

// The shape geometry-core writes to sheets/<model>-geometry.json (docs/stimuli.md).
const summary = {
  schema: 'eigenstudy-model-geometry/1', model: 'demo', points: 8,
  spectrum: { mean: [0.0681, 0.0432, 3.6e-6], p05: [0.0301, 0.02, 2.2e-6], p95: [0.0999, 0.05, 4.4e-6] },
  anisotropy_thresholds: [0.99, 0.999, 0.9999, 0.99999],
  anisotropy_dims_mean_spectrum: [20, 41, 58, 63],
  anisotropy_dims_average_hessian: [30, 55, 62, 63],
  homogeneity: { linear: { mean: 0.68989, std: 0.12885, pairs: 56, nan_pairs: 0 }, log: { mean: 0.94403, std: 0.01724, pairs: 56, nan_pairs: 2 } },
};

describe('geometry summary rows', () => {
  const rows = Object.fromEntries(geometryRows(summary).map(([k, v]) => [k.replace(/ \(.*$/, ''), v]));

  it('prints the first and last rank of the spectrum with their 5–95 % band', () => {
    expect(rows['Largest mean eigenvalue']).toBe('6.81e-2 (5–95 %: 3.01e-2 … 9.99e-2)');
    expect(rows['Smallest mean eigenvalue']).toBe('3.60e-6 (5–95 %: 2.20e-6 … 4.40e-6)');
    expect(rows['Hessian points']).toBe(8);
  });

  it('labels anisotropy dims with the thresholds as percentages', () => {
    const label = geometryRows(summary)[3][0];
    expect(label).toBe('Anisotropy dims, mean spectrum (99 % / 99.9 % / 99.99 % / 99.999 % of Σ|λ|)');
    expect(rows['Anisotropy dims, mean spectrum']).toBe('20 / 41 / 58 / 63');
    expect(rows['Anisotropy dims, average Hessian']).toBe('30 / 55 / 62 / 63');
  });

  it('prints C^H as mean ± std with the pair count and undefined pairs', () => {
    expect(rows['Homogeneity C^H, log scale']).toBe('0.944 ± 0.017 over 56 pairs, 2 undefined');
    expect(rows['Homogeneity C^H, linear scale']).toBe('0.690 ± 0.129 over 56 pairs');
  });

  it('shows dashes for a one-point model without homogeneity and nothing without a summary', () => {
    const one = Object.fromEntries(geometryRows({ ...summary, points: 1, homogeneity: null }));
    expect(one['Homogeneity C^H, log scale (mean ± std)']).toBe('–');
    expect(geometryRows(null)).toEqual([]);
    expect(fmtSci(null)).toBe('–');
    expect(fmtSci(Number.NaN)).toBe('–');
  });
});

describe('withGeometry', () => {
  it('matches geometry entries to models by id and leaves the others null', () => {
    const entry = { model: 'b', contactSheet: '/x/b.png', spectrumPlot: null, homogeneityPlot: null, summary };
    const models = withGeometry([{ id: 'a' }, { id: 'b', axes: [] }], [entry]);
    expect(models[0].geometry).toBeNull();
    expect(models[1]).toEqual({ id: 'b', axes: [], geometry: entry });
    expect(withGeometry([{ id: 'a' }], undefined)[0].geometry).toBeNull();
  });
});

describe('researcherApi.geometry', () => {
  it('asks the study geometry endpoint', async () => {
    const calls = [];
    const fetchImpl = async (url) => { calls.push(url); return { ok: true, status: 200, text: async () => '[{"model":"m1"}]' }; };
    expect(await researcherApi(fetchImpl).geometry(7)).toEqual([{ model: 'm1' }]);
    expect(calls).toEqual(['/api/researcher/studies/7/geometry']);
  });
});
