// Model-level geometry from GET /api/researcher/studies/{id}/geometry: the numbers of a model's
// <model>-geometry.json (written by geometry-core's stimuli pipeline) turned into table rows, and the
// geometry entries matched to the stimulus browser's models. Pure functions, so they are unit-tested.
import { fmtMeanSem } from './format.js';

/** Eigenvalues span decades, so they are printed in scientific notation. */
export function fmtSci(value, digits = 2) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toExponential(digits) : '–';
}

const percent = (t) => `${Number((t * 100).toPrecision(6))} %`;

function band(spectrum, index) {
  const at = (key) => spectrum?.[key]?.[index];
  if (at('mean') === undefined) return '–';
  return `${fmtSci(at('mean'))} (5–95 %: ${fmtSci(at('p05'))} … ${fmtSci(at('p95'))})`;
}

function homogeneityCell(scale) {
  if (!scale) return '–';
  const pairs = Number.isFinite(scale.pairs) ? ` over ${scale.pairs} pairs` : '';
  const nan = scale.nan_pairs ? `, ${scale.nan_pairs} undefined` : '';
  return `${fmtMeanSem(scale.mean, scale.std, 3)}${pairs}${nan}`;
}

/** [label, value] rows summarising one model's geometry; [] when the summary is missing. */
export function geometryRows(summary) {
  if (!summary || typeof summary !== 'object') return [];
  const spectrum = summary.spectrum ?? {};
  const last = (spectrum.mean?.length ?? 0) - 1;
  const thresholds = summary.anisotropy_thresholds ?? [];
  const dims = (values) => (Array.isArray(values) && values.length ? values.join(' / ') : '–');
  const dimsLabel = thresholds.length ? ` (${thresholds.map(percent).join(' / ')} of Σ|λ|)` : '';
  return [
    ['Hessian points', summary.points ?? '–'],
    ['Largest mean eigenvalue', band(spectrum, 0)],
    ['Smallest mean eigenvalue', last >= 0 ? band(spectrum, last) : '–'],
    [`Anisotropy dims, mean spectrum${dimsLabel}`, dims(summary.anisotropy_dims_mean_spectrum)],
    [`Anisotropy dims, average Hessian${dimsLabel}`, dims(summary.anisotropy_dims_average_hessian)],
    ['Homogeneity C^H, log scale (mean ± std)', homogeneityCell(summary.homogeneity?.log)],
    ['Homogeneity C^H, linear scale (mean ± std)', homogeneityCell(summary.homogeneity?.linear)],
  ];
}

/** Each model with its geometry entry (matched by model id) as `geometry`, or null when it has none. */
export function withGeometry(models, geometry) {
  const byModel = new Map((Array.isArray(geometry) ? geometry : []).map((g) => [g.model, g]));
  return models.map((m) => ({ ...m, geometry: byModel.get(m.id) ?? null }));
}
