// Small inline SVG line and point charts for the stimulus browser (eigenvalue against rank, image distance along an
// axis): charts the backend does not draw. The statistics' bar and rank charts are the backend's SVGs
// (statistics/plot), shown as images, so each kind of chart has one implementation. Text goes in through
// textContent, so labels from data cannot inject markup.

import { decadeLabel, decadeTicks, legendLayout, niceDomain, niceTicks, seriesStyle, tickLabel } from './scales.js';

const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = String(text);
  return el;
}

function frame(width, height, title) {
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', width: '100%', preserveAspectRatio: 'xMinYMin meet' });
  svg.append(s('title', {}, title));
  return svg;
}

/** Grid lines and labels at `ticks` ({value, label}); the axis label sits above the tick labels. */
function yAxis(svg, { x0, x1, y, ticks, label }) {
  for (const t of ticks) {
    const yy = y(t.value);
    svg.append(s('line', { x1: x0, x2: x1, y1: yy, y2: yy, class: 'grid' }));
    svg.append(s('text', { x: x0 - 4, y: yy + 4, 'text-anchor': 'end', class: 'tick' }, t.label));
  }
  if (label) svg.append(s('text', { x: 4, y: 12, class: 'axis-label' }, label));
}

/** Linear ticks with labels of the step's precision. */
function linearTicks(lo, hi, options) {
  const { step, ticks } = niceTicks(lo, hi, options);
  return ticks.map((value) => ({ value, label: tickLabel(value, step) }));
}

/** Coloured swatches with names in rows below the plot; returns nothing, the caller reserved `rows` × 14 px. */
function legend(svg, names, styles, { x0, y0, width }) {
  const { entries } = legendLayout(names, width);
  names.forEach((name, k) => {
    const { x, row } = entries[k];
    const y = y0 + row * 14;
    svg.append(s('line', { x1: x0 + x, x2: x0 + x + 12, y1: y - 4, y2: y - 4, stroke: styles[k].colour, 'stroke-width': 3, 'stroke-dasharray': styles[k].dash, class: 'legend' }));
    svg.append(s('text', { x: x0 + x + 16, y, class: 'tick' }, name));
  });
}

/**
 * Points (with optional ±SEM) or lines against x, one series each, with a legend below the plot when there are
 * several. Integer x (ranks, steps) and `integer` y get integer ticks only.
 * @param {{name: string, points: {x: number, y: number|null, sem?: number|null}[]}[]} series
 */
export function xyChart(series, { title, xLabel, yLabel, yMin = null, yMax = null, logY = false, integer = false, lines = false, width = 360, height = 220 } = {}) {
  const usable = (p) => typeof p.y === 'number' && Number.isFinite(p.y) && (!logY || p.y > 0);
  const all = series.flatMap((se) => se.points).filter(usable);
  const names = series.length > 1 ? series.map((se) => se.name) : [];
  const m = { left: 52, right: 12, top: 20, bottom: 36 };
  const legendRows = legendLayout(names, width - m.left - m.right).rows;
  const total = height + (legendRows ? legendRows * 14 + 6 : 0);
  const svg = frame(width, total, title);
  if (all.length === 0) {
    svg.append(s('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'tick' }, 'no data yet'));
    return svg;
  }
  const xs = all.map((p) => p.x);
  const xInteger = xs.every(Number.isInteger);
  const [xLo, xHi] = niceDomain(Math.min(...xs), Math.max(...xs), { integer: xInteger, maxIntervals: 6 });
  const tf = logY ? Math.log10 : (v) => v;
  let lo = yMin ?? Math.min(...all.map((p) => tf(p.y - (logY ? 0 : p.sem ?? 0))));
  let hi = yMax ?? Math.max(...all.map((p) => tf(p.y + (logY ? 0 : p.sem ?? 0))));
  if (logY) {
    lo = Math.floor(lo);
    hi = Math.max(Math.ceil(hi), lo + 1);
  } else if (yMin === null || yMax === null) {
    [lo, hi] = niceDomain(lo, hi, { integer });
    if (yMin !== null) lo = yMin;
    if (yMax !== null) hi = yMax;
  }
  const plotBottom = height - m.bottom;
  const x = (v) => m.left + (width - m.left - m.right) * ((v - xLo) / (xHi - xLo));
  const yRaw = (t) => m.top + (plotBottom - m.top) * (1 - (t - lo) / (hi - lo));
  const y = (v) => yRaw(tf(v));
  const yTicks = logY ? decadeTicks(lo, hi).map((e) => ({ value: e, label: decadeLabel(e) })) : linearTicks(lo, hi, { integer });
  yAxis(svg, { x0: m.left, x1: width - m.right, y: yRaw, ticks: yTicks, label: yLabel });
  const xt = niceTicks(xLo, xHi, { integer: xInteger, maxIntervals: 6 });
  for (const t of xt.ticks) {
    svg.append(s('text', { x: x(t), y: plotBottom + 14, 'text-anchor': 'middle', class: 'tick' }, tickLabel(t, xt.step)));
  }
  if (xLabel) svg.append(s('text', { x: width - m.right, y: plotBottom + 30, 'text-anchor': 'end', class: 'axis-label' }, xLabel));
  const styles = series.map((se, k) => seriesStyle(k, se.name));
  series.forEach((se, k) => {
    const pts = se.points.filter(usable);
    const { colour, dash } = styles[k];
    const g = s('g', { class: 'series', fill: colour, stroke: colour });
    if (lines && pts.length > 1) g.append(s('polyline', { points: pts.map((p) => `${x(p.x)},${y(p.y)}`).join(' '), class: 'line', 'stroke-dasharray': dash }));
    for (const p of pts) {
      if (!logY && typeof p.sem === 'number' && p.sem > 0) g.append(s('line', { x1: x(p.x), x2: x(p.x), y1: y(p.y + p.sem), y2: y(p.y - p.sem), class: 'whisker' }));
      const dot = s('circle', { cx: x(p.x), cy: y(p.y), r: lines ? 2 : 3.5, class: 'dot' });
      dot.append(s('title', {}, `${se.name}: x=${+p.x.toFixed(3)}, y=${+p.y.toPrecision(4)}${p.sem != null ? ` ± ${+p.sem.toPrecision(3)}` : ''}`));
      g.append(dot);
    }
    svg.append(g);
  });
  if (names.length) legend(svg, names, styles, { x0: m.left, y0: height + 8, width: width - m.left - m.right });
  return svg;
}
