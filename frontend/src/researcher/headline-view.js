// The report's headline (schema eigenstudy-statistics/2): per measure the mixed model's class means with 95 % CIs,
// Holm-adjusted pairwise contrasts with effect sizes, variance components and ICCs; then the per-axis table.
// These are the inference; the trial-level tables (statistics-view.js) follow under "Descriptive".
import { h } from '../shared/dom.js';
import { fmt, fmtP, fmtPercent, fmtSig } from './format.js';

// Every condition in the platform's order (study-config's AxisClass): the metric's three classes, then the
// other direction methods. A table shows those the study's models estimated.
const CLASS_ORDER = ['top', 'orthogonal', 'bottom', 'ganspace', 'sefa', 'random', 'imported'];

function classesOf(list) {
  const present = new Set(list.flatMap((m) => (m.means ?? []).map((x) => x.axisClass)));
  return present.size ? CLASS_ORDER.filter((c) => present.has(c)) : CLASS_ORDER.slice(0, 3);
}

function cell(text, attrs = {}) {
  return h('td', { ...attrs, text: String(text) });
}

// A table wider than a phone scrolls inside a labelled, focusable region, so keyboard users can scroll it too
// (axe: scrollable-region-focusable).
function scrollTable(label, caption, head, rows, attrs = {}) {
  return h('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': label, ...attrs },
    h('table', { class: 'stats' },
      h('caption', { text: caption }),
      h('thead', {}, h('tr', {}, head.map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, rows)));
}

function measures(headline) {
  const out = [];
  for (const m of headline.measures ?? []) {
    out.push(m);
    if (m.sensitivity) out.push(m.sensitivity);
  }
  return out;
}

function title(m) {
  return `${m.title}${m.conditional ? ' (conditional)' : ''}`;
}

function meanText(m, mean) {
  if (!mean) return '–';
  if (m.measure === 'seen_change') return `${fmtPercent(mean.responseEstimate)} [${fmtPercent(mean.responseLower)}, ${fmtPercent(mean.responseUpper)}]`;
  return `${fmt(mean.responseEstimate)} [${fmt(mean.responseLower)}, ${fmt(mean.responseUpper)}]`;
}

function meansTable(list) {
  const classes = classesOf(list);
  return scrollTable('Class means from the mixed models', 'Estimated class means with 95 % CIs (mixed models)',
    ['Measure', ...classes, 'Model'],
    list.map((m) => h('tr', { dataset: { measure: m.measure } },
      h('th', { scope: 'row', text: title(m) }),
      ...classes.map((c) => cell(m.unavailable ? '–' : meanText(m, (m.means ?? []).find((x) => x.axisClass === c)))),
      cell(m.unavailable ? `not fitted: ${m.unavailable}` : m.formula))));
}

function contrastsTable(list) {
  const rows = [];
  for (const m of list) {
    (m.contrasts ?? []).forEach((c, i) => {
      const e = m.effectSizes?.[i];
      rows.push(h('tr', {},
        h('th', { scope: 'row', text: title(m) }), cell(`${c.first} − ${c.second}`),
        cell(`${fmt(c.estimate)} [${fmt(c.lower)}, ${fmt(c.upper)}]`),
        cell(c.df == null ? 'z' : fmt(c.df, 1)), cell(fmtP(c.pHolm)),
        cell(e ? `${e.kind}: ${fmt(e.estimate)} [${fmt(e.lower)}, ${fmt(e.upper)}]` : '–')));
    });
  }
  if (!rows.length) return null;
  return scrollTable('Class contrasts from the mixed models', 'Pairwise class contrasts: t with Satterthwaite df (seen change: log odds ratio, z); p Holm-adjusted per measure',
    ['Measure', 'Contrast', 'Difference [95 % CI]', 'df', 'p (Holm)', 'Effect size [95 % CI]'], rows);
}

/**
 * Per measure, the conditions (direction methods) from the highest estimated mean down, each with its 95 % CI
 * and the Holm-adjusted p of its difference from the next: how firmly one method is ahead of the next.
 */
function rankingTable(list) {
  const rows = [];
  for (const m of list) {
    for (const r of m.ranking ?? []) {
      const mean = { responseEstimate: r.estimate, responseLower: r.lower, responseUpper: r.upper };
      rows.push(h('tr', { dataset: { measure: m.measure, rank: String(r.rank) } },
        h('th', { scope: 'row', text: title(m) }), cell(r.rank),
        cell(r.method === 'hessian' ? `${r.axisClass} (metric)` : r.axisClass),
        cell(meanText(m, mean)), cell(r.pHolmVsNext == null ? '–' : fmtP(r.pHolmVsNext))));
    }
  }
  if (!rows.length) return null;
  return scrollTable('Ranking of the conditions', 'Conditions ranked per measure by the mixed model\'s mean (highest first), with 95 % CIs; p (Holm) of the difference from the next',
    ['Measure', 'Rank', 'Condition', 'Mean [95 % CI]', 'p vs next (Holm)'], rows, { dataset: { table: 'ranking' } });
}

function varianceTable(list) {
  if (!list.some((m) => m.variance)) return null;
  return scrollTable('Variance components', 'Variance components and ICCs (seen change: logit scale, residual π²/3)',
    ['Measure', 'Participant', 'Axis', 'Residual', 'ICC participant', 'ICC axis', 'Random effects'],
    list.filter((m) => m.variance).map((m) => h('tr', {},
      h('th', { scope: 'row', text: title(m) }),
      cell(fmt(m.variance.participant)), cell(fmt(m.variance.axis)), cell(m.variance.residual == null ? 'π²/3' : fmt(m.variance.residual)),
      cell(fmt(m.variance.iccParticipant, 3)), cell(fmt(m.variance.iccAxis, 3)),
      cell(m.randomSlopes ? 'slopes for class by participant' : (m.fallbackReason ? `intercepts only: ${m.fallbackReason}` : 'intercepts only')))));
}

/** One row per axis: what people said about it and its conditional mode in the magnitude and seen models. */
export function axesTable(headline, csvUrl) {
  const axes = headline?.axes ?? [];
  if (!axes.length) return null;
  return h('div', { class: 'axes', dataset: { table: 'axes' } },
    h('h4', { text: 'Per axis' }),
    csvUrl ? h('p', {}, h('a', { class: 'button', href: csvUrl, download: '', text: 'Per-axis table (CSV)' })) : null,
    scrollTable('Per-axis table', 'Per axis: trials, seen fraction, mean magnitude ± SEM, and the axis random effect (magnitude; seen change on the logit scale)',
      ['Model', 'Class', 'Rank', 'Eigenvalue', 'Trials', 'Seen', 'Magnitude', 'Axis effect (magnitude)', 'Axis effect (seen, logit)'],
      axes.map((a) => h('tr', { dataset: { axis: a.axisId } },
        h('th', { scope: 'row', text: `${a.modelId} / ${a.space}` }), cell(a.axisClass), cell(a.rank), cell(fmtSig(a.eigenvalue)),
        cell(a.trials), cell(fmtPercent(a.seenFraction)),
        cell(a.meanMagnitude == null ? '–' : `${fmt(a.meanMagnitude)}${a.magnitudeSem == null ? '' : ` ± ${fmt(a.magnitudeSem)}`} (n = ${a.magnitudeTrials})`),
        cell(fmt(a.magnitudeEffect)), cell(fmt(a.seenEffect))))));
}

/** The headline section; null when the report has none. */
export function headlineSection(report, csvUrl) {
  const headline = report?.headline;
  if (!headline) return null;
  const list = measures(headline);
  return h('section', { class: 'headline', 'aria-labelledby': 'headline-h' },
    h('h3', { id: 'headline-h', text: 'Headline: mixed models' }),
    h('p', { class: 'hint', text: `${headline.design} Conditional ratings (magnitude, consistency, shared count) are asked only after a change was seen; "unseen scored as 0" rows are the sensitivity analysis.` }),
    meansTable(list), rankingTable(list), contrastsTable(list), varianceTable(list), axesTable(headline, csvUrl));
}
