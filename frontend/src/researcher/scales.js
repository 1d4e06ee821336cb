// Axis scales, tick labels, series colours and legend layout for the dashboard's charts: pure functions, so the
// numbers a researcher reads off a chart are unit-tested (test/format-charts.test.js).

/**
 * The smallest step of 1, 2 or 5 times a power of ten that splits `span` into at most `maxIntervals` parts.
 * `integer` (rating scales, ranks, counts) never goes below 1, so no tick falls between two answers.
 */
export function niceStep(span, maxIntervals = 5, integer = false) {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / maxIntervals;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-9));
  return integer ? Math.max(1, Math.round(step)) : step;
}

/** Rounds away the binary noise of k × step (0.1 × 3 = 0.30000000000000004). */
const clean = (value) => Number(value.toPrecision(12));

/** Multiples of a nice step inside [lo, hi] (both ends included when they are multiples). */
export function niceTicks(lo, hi, { maxIntervals = 5, integer = false } = {}) {
  const step = niceStep(hi - lo, maxIntervals, integer);
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const ticks = [];
  for (let k = first; k <= last; k++) ticks.push(clean(k * step));
  return { step, ticks };
}

/** [lo, hi] widened to the nearest multiples of a nice step, so the data fill the frame between two ticks. */
export function niceDomain(lo, hi, options = {}) {
  if (hi <= lo) hi = lo + (options.integer ? 1 : Math.abs(lo) || 1);
  const { step } = niceTicks(lo, hi, options);
  return [clean(Math.floor(lo / step + 1e-9) * step), clean(Math.ceil(hi / step - 1e-9) * step)];
}

/**
 * A tick's label with as many digits as its step needs: 0.002, 0.004 for a step of 0.002 (fixed decimals
 * printed every one of those as "0"), scientific notation for steps below 0.001 or values from 100,000 on.
 */
export function tickLabel(value, step) {
  if (Math.abs(value) < step * 1e-6) return '0';
  const stepPower = Math.floor(Math.log10(step) + 1e-9);
  if (step < 1e-3 || Math.abs(value) >= 1e5) {
    const digits = Math.max(0, Math.floor(Math.log10(Math.abs(value)) + 1e-9) - stepPower);
    return value.toExponential(digits).replace(/\.?0+e/, 'e').replace('e+', 'e');
  }
  return value.toFixed(Math.max(0, -stepPower));
}

/** Whole decades between lo and hi (log10 exponents), at most `maxTicks` of them. */
export function decadeTicks(lo, hi, maxTicks = 6) {
  const every = Math.max(1, Math.ceil((hi - lo) / (maxTicks - 1)));
  const ticks = [];
  for (let e = Math.ceil(lo); e <= hi; e += every) ticks.push(e);
  return ticks;
}

/** "1e-3" for log10 exponent -3; "1" and "10" for the first two decades, as people write them. */
export function decadeLabel(exponent) {
  if (exponent === 0) return '1';
  if (exponent === 1) return '10';
  return `1e${exponent}`;
}

// Distinguishable on white (each ≥ 3:1 against it, WCAG's contrast for graphics) and for the common colour
// vision deficiencies as far as eight hues allow; past eight, series repeat a colour with a dashed line.
export const PALETTE = ['#0b5cad', '#c2410c', '#1a7f37', '#8e44ad', '#6e7781', '#0e7490', '#a16207', '#be185d'];

/** The axis classes (and direction methods) keep one colour in every chart (bars, rank plot, spectrum), as in
 * the backend's plots. */
export const CLASS_COLOURS = {
  top: '#0b5cad', orthogonal: '#6e7781', bottom: '#c2410c',
  ganspace: '#1a7f37', sefa: '#8e44ad', random: '#a16207', imported: '#be185d',
};

/** Colour and dash pattern of series k (dashed from the ninth on, so no two series look alike). */
export function seriesStyle(k, name) {
  const colour = CLASS_COLOURS[name] ?? PALETTE[k % PALETTE.length];
  return { colour, dash: k >= PALETTE.length ? '4 2' : null };
}

/**
 * Legend entries laid out in rows that fit `width` (an SVG at 10 px type is about 6 px a character), so no
 * entry overlaps another or the plot. Returns {x, row} per entry and the number of rows.
 */
export function legendLayout(names, width, { swatch = 16, gap = 12, charWidth = 6 } = {}) {
  const entries = [];
  let x = 0;
  let row = 0;
  for (const name of names) {
    const w = swatch + String(name).length * charWidth;
    if (x > 0 && x + w > width) {
      row += 1;
      x = 0;
    }
    entries.push({ x, row });
    x += w + gap;
  }
  return { entries, rows: names.length ? row + 1 : 0 };
}
