// Small inline SVG charts: bars with SEM whiskers, points with SEM against rank, and line plots. Text goes in
// through textContent, so labels from data cannot inject markup.

const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = String(text);
  return el;
}

/** A "nice" upper axis limit: 1, 2, 2.5 or 5 times a power of ten, at least `max`. */
export function niceCeiling(max) {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= max - 1e-12 * power) return m * power;
  return 10 * power;
}

/** Evenly spaced ticks from lo to hi (inclusive), `count` intervals. */
export function ticks(lo, hi, count = 4) {
  return Array.from({ length: count + 1 }, (_, i) => lo + ((hi - lo) * i) / count);
}

function frame(width, height, title) {
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', width: '100%', preserveAspectRatio: 'xMinYMin meet' });
  svg.append(s('title', {}, title));
  return svg;
}

function yAxis(svg, { x0, x1, y, lo, hi, label, format = (v) => String(+v.toFixed(2)) }) {
  for (const t of ticks(lo, hi)) {
    const yy = y(t);
    svg.append(s('line', { x1: x0, x2: x1, y1: yy, y2: yy, class: 'grid' }));
    svg.append(s('text', { x: x0 - 4, y: yy + 4, 'text-anchor': 'end', class: 'tick' }, format(t)));
  }
  if (label) svg.append(s('text', { x: 12, y: 12, class: 'axis-label' }, label));
}

/**
 * Bars with ±SEM whiskers.
 * @param {{label: string, value: number|null, sem?: number|null, n?: number}[]} bars
 */
export function barChart(bars, { title, yLabel, yMax = null, width = 360, height = 220, format } = {}) {
  const svg = frame(width, height, title);
  const m = { left: 44, right: 8, top: 20, bottom: 34 };
  const values = bars.map((b) => (b.value ?? 0) + (b.sem ?? 0));
  const hi = yMax ?? niceCeiling(Math.max(0, ...values));
  const y = (v) => m.top + (height - m.top - m.bottom) * (1 - v / hi);
  yAxis(svg, { x0: m.left, x1: width - m.right, y, lo: 0, hi, label: yLabel, format });
  const slot = (width - m.left - m.right) / Math.max(1, bars.length);
  bars.forEach((b, i) => {
    const cx = m.left + slot * (i + 0.5);
    const bw = Math.min(56, slot * 0.6);
    if (typeof b.value === 'number' && Number.isFinite(b.value)) {
      const bar = s('rect', { x: cx - bw / 2, y: y(b.value), width: bw, height: Math.max(0, y(0) - y(b.value)), class: `bar bar-${i % 4}` });
      bar.append(s('title', {}, `${b.label}: ${+b.value.toFixed(3)}${b.sem != null ? ` ± ${+b.sem.toFixed(3)} (SEM)` : ''}${b.n != null ? `, n = ${b.n}` : ''}`));
      svg.append(bar);
      if (typeof b.sem === 'number' && Number.isFinite(b.sem) && b.sem > 0) {
        const top = y(Math.min(hi, b.value + b.sem));
        const bottom = y(Math.max(0, b.value - b.sem));
        svg.append(s('line', { x1: cx, x2: cx, y1: top, y2: bottom, class: 'whisker' }));
        svg.append(s('line', { x1: cx - 6, x2: cx + 6, y1: top, y2: top, class: 'whisker' }));
        svg.append(s('line', { x1: cx - 6, x2: cx + 6, y1: bottom, y2: bottom, class: 'whisker' }));
      }
    } else {
      svg.append(s('text', { x: cx, y: y(0) - 4, 'text-anchor': 'middle', class: 'tick' }, 'n/a'));
    }
    svg.append(s('text', { x: cx, y: height - m.bottom + 16, 'text-anchor': 'middle', class: 'tick' }, b.label));
    if (b.n != null) svg.append(s('text', { x: cx, y: height - m.bottom + 29, 'text-anchor': 'middle', class: 'tick small' }, `n=${b.n}`));
  });
  return svg;
}

/**
 * Points (with optional ±SEM) or lines against x, one series each.
 * @param {{name: string, points: {x: number, y: number|null, sem?: number|null}[]}[]} series
 */
export function xyChart(series, { title, xLabel, yLabel, yMin = null, yMax = null, logY = false, lines = false, width = 360, height = 220 } = {}) {
  const svg = frame(width, height, title);
  const m = { left: 48, right: 8, top: 20, bottom: 36 };
  const all = series.flatMap((se) => se.points).filter((p) => typeof p.y === 'number' && Number.isFinite(p.y) && (!logY || p.y > 0));
  if (all.length === 0) {
    svg.append(s('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'tick' }, 'no data yet'));
    return svg;
  }
  const tf = logY ? Math.log10 : (v) => v;
  const xs = all.map((p) => p.x);
  const xLo = Math.min(...xs);
  const xHi = Math.max(...xs) === xLo ? xLo + 1 : Math.max(...xs);
  let lo = yMin ?? Math.min(...all.map((p) => tf(p.y - (logY ? 0 : p.sem ?? 0))));
  let hi = yMax ?? Math.max(...all.map((p) => tf(p.y + (logY ? 0 : p.sem ?? 0))));
  if (logY) { lo = Math.floor(lo); hi = Math.ceil(hi); }
  if (hi === lo) hi = lo + 1;
  const x = (v) => m.left + (width - m.left - m.right) * ((v - xLo) / (xHi - xLo));
  const y = (v) => m.top + (height - m.top - m.bottom) * (1 - (tf(v) - lo) / (hi - lo));
  const yRaw = (t) => m.top + (height - m.top - m.bottom) * (1 - (t - lo) / (hi - lo));
  yAxis(svg, { x0: m.left, x1: width - m.right, y: yRaw, lo, hi, label: yLabel, format: logY ? (t) => `1e${Math.round(t)}` : undefined });
  for (const t of ticks(xLo, xHi, Math.min(4, Math.max(1, Math.round(xHi - xLo))))) {
    svg.append(s('text', { x: x(t), y: height - m.bottom + 14, 'text-anchor': 'middle', class: 'tick' }, String(+t.toFixed(2))));
  }
  if (xLabel) svg.append(s('text', { x: width - m.right, y: height - 4, 'text-anchor': 'end', class: 'axis-label' }, xLabel));
  series.forEach((se, k) => {
    const pts = se.points.filter((p) => typeof p.y === 'number' && Number.isFinite(p.y) && (!logY || p.y > 0));
    const g = s('g', { class: `series series-${k % 4}` });
    if (lines && pts.length > 1) g.append(s('polyline', { points: pts.map((p) => `${x(p.x)},${y(p.y)}`).join(' '), class: 'line' }));
    for (const p of pts) {
      if (!logY && typeof p.sem === 'number' && p.sem > 0) g.append(s('line', { x1: x(p.x), x2: x(p.x), y1: y(p.y + p.sem), y2: y(p.y - p.sem), class: 'whisker' }));
      const dot = s('circle', { cx: x(p.x), cy: y(p.y), r: lines ? 2 : 3.5, class: 'dot' });
      dot.append(s('title', {}, `${se.name}: x=${+p.x.toFixed(3)}, y=${+p.y.toPrecision(4)}${p.sem != null ? ` ± ${+p.sem.toFixed(3)}` : ''}`));
      g.append(dot);
    }
    svg.append(g);
  });
  if (series.length > 1) {
    series.forEach((se, k) => {
      svg.append(s('rect', { x: m.left + 6 + k * 96, y: 4, width: 10, height: 10, class: `legend series-${k % 4}` }));
      svg.append(s('text', { x: m.left + 20 + k * 96, y: 13, class: 'tick' }, se.name));
    });
  }
  return svg;
}
