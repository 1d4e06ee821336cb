// Number formatting for the dashboard's tables: fixed decimals, p-values the way papers print them, and a
// dash for "not computable" instead of NaN.

export function fmt(value, digits = 2) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '–';
}

export function fmtPercent(fraction, digits = 1) {
  return typeof fraction === 'number' && Number.isFinite(fraction) ? `${(fraction * 100).toFixed(digits)} %` : '–';
}

/** p-values: three decimals down to 0.001, scientific below, "< 1e-16" at the floor of double precision. */
export function fmtP(p) {
  if (typeof p !== 'number' || !Number.isFinite(p)) return '–';
  if (p < 1e-16) return '< 1e-16';
  if (p < 0.001) return p.toExponential(1);
  return p.toFixed(3);
}

/** mean ± SEM, the paper's notation. */
export function fmtMeanSem(mean, sem, digits = 2) {
  if (typeof mean !== 'number' || !Number.isFinite(mean)) return '–';
  return typeof sem === 'number' && Number.isFinite(sem) ? `${mean.toFixed(digits)} ± ${sem.toFixed(digits)}` : mean.toFixed(digits);
}

export function fmtTime(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString();
}

/**
 * Significant digits instead of fixed decimals: eigenvalues span many decades, and a fixed "0.0000" hid every
 * bottom eigenvalue. Scientific notation below 0.001 and from 100,000 on ("3.60e-6").
 */
export function fmtSig(value, digits = 3) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs < 1e-3 || abs >= 1e5) return value.toExponential(digits - 1).replace('e+', 'e');
  return String(Number(value.toPrecision(digits)));
}

/**
 * Splits text at "^X" (one letter or digit) into plain parts and superscripts, so a label written "C^H" in
 * code is shown as C with a superscript H: ['Homogeneity C', {sup: 'H'}, ', log scale'].
 */
export function superscriptParts(text) {
  return String(text).split(/\^([A-Za-z0-9])/).map((part, i) => (i % 2 === 1 ? { sup: part } : part)).filter((p) => p !== '');
}
