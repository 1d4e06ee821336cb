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
