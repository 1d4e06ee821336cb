// The statistics report (schema eigenstudy-statistics/1) as tables and plots: per axis class and model, bars
// with SEM like the paper's figure, the pairwise tests, and magnitude against eigen-rank.
import { h } from '../shared/dom.js';
import { barChart, xyChart } from './charts.js';
import { fmt, fmtP, fmtPercent, fmtMeanSem } from './format.js';

const MEASURES = [
  ['magnitude', 'Magnitude when a change was seen (0–100)', 100],
  ['consistency', 'Consistency (1–9)', 9],
  ['difficulty', 'Difficulty (1–9)', 9],
  ['shared_count', 'Images sharing the change (0–5)', 5],
];

/** Standard error of a proportion, for the seen-change bars (the report gives Wilson intervals). */
export function proportionSe(fraction, n) {
  return n > 0 && Number.isFinite(fraction) ? Math.sqrt((fraction * (1 - fraction)) / n) : null;
}

function cell(text, attrs = {}) {
  return h('td', { ...attrs, text: String(text) });
}

function classTable(group) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stats' },
    h('caption', { text: `Per axis class: ${groupLabel(group)} (mean ± SEM)` }),
    h('thead', {}, h('tr', {}, ['Axis class', 'Trials', 'Participants', 'Saw a change', ...MEASURES.map(([, t]) => t)].map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, (group.classes ?? []).map((c) => h('tr', { dataset: { axisClass: c.axisClass } },
      h('th', { scope: 'row', text: c.axisClass }),
      cell(c.trials), cell(c.participants),
      cell(`${fmtPercent(c.seenChange?.fraction)} (${c.seenChange?.seen ?? 0}/${c.seenChange?.trials ?? 0})`),
      ...MEASURES.map(([key]) => {
        const m = c.measures?.[key];
        return cell(m ? `${fmtMeanSem(m.mean, m.sem)} (n = ${m.n})` : '–', { dataset: { measure: key } });
      }))))));
}

function comparisonTable(group) {
  const rows = [];
  for (const c of group.seenChangeComparisons ?? []) {
    rows.push(['saw a change', `${c.a} − ${c.b}`, fmtPercent(c.difference?.value), c.chiSquare?.method ?? 'chi-square', fmt(c.chiSquare?.statistic), fmtP(c.chiSquare?.p), fmtP(c.chiSquare?.pHolm)]);
  }
  for (const [key, list] of Object.entries(group.measureComparisons ?? {})) {
    for (const c of list) {
      rows.push([key, `${c.a} − ${c.b}`, fmt(c.difference?.value), c.welch?.method ?? 'Welch t-test', fmt(c.welch?.statistic), fmtP(c.welch?.p), fmtP(c.welch?.pHolm)]);
    }
  }
  if (rows.length === 0) return null;
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stats' },
    h('caption', { text: `Comparisons between axis classes: ${groupLabel(group)}` }),
    h('thead', {}, h('tr', {}, ['Measure', 'Classes', 'Difference', 'Test', 'Statistic', 'p', 'p (Holm)'].map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, rows.map((r) => h('tr', {}, h('th', { scope: 'row', text: r[0] }), r.slice(1).map((v) => cell(v)))))));
}

function groupLabel(g) {
  return g.scope === 'overall' || !g.modelId ? 'all models' : `${g.modelId} / ${g.space}`;
}

function charts(group) {
  const classes = group.classes ?? [];
  const figures = [
    barChart(classes.map((c) => ({ label: c.axisClass, value: c.seenChange?.fraction != null ? c.seenChange.fraction * 100 : null,
      sem: c.seenChange?.fraction != null ? proportionSe(c.seenChange.fraction, c.seenChange.trials) * 100 : null, n: c.seenChange?.trials })),
    { title: `Saw a change (%), ${groupLabel(group)}`, yLabel: 'saw change %', yMax: 100 }),
    ...MEASURES.slice(0, 3).map(([key, title, max]) => barChart(classes.map((c) => ({ label: c.axisClass, value: c.measures?.[key]?.mean ?? null, sem: c.measures?.[key]?.sem ?? null, n: c.measures?.[key]?.n })),
      { title: `${title}, ${groupLabel(group)}`, yLabel: key, yMax: max, integer: true })),
  ];
  const byRank = group.byRank ?? [];
  if (byRank.length) {
    const series = ['top', 'bottom', 'orthogonal'].map((cls) => ({ name: cls, points: byRank.filter((p) => p.axisClass === cls).map((p) => ({ x: p.rank, y: p.magnitudeMean ?? null, sem: p.magnitudeSem ?? null })) }))
      .filter((se) => se.points.length > 0);
    figures.push(xyChart(series, { title: `Magnitude against eigen-rank, ${groupLabel(group)}`, xLabel: 'eigen-rank', yLabel: 'magnitude', yMin: 0, yMax: 100 }));
  }
  return h('div', { class: 'charts' }, figures.map((svg) => h('figure', {}, svg, h('figcaption', { text: svg.querySelector('title').textContent + ' — bars: mean, whiskers: ± SEM' }))));
}

function rankCorrelations(group) {
  const list = group.rankCorrelations ?? [];
  if (!list.length) return null;
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stats' },
    h('caption', { text: `Rank correlations: ${groupLabel(group)}` }),
    h('thead', {}, h('tr', {}, ['Response', 'Predictor', 'Spearman rho', 'n', 'p'].map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, list.map((r) => h('tr', {}, h('th', { scope: 'row', text: r.response }), cell(r.predictor), cell(fmt(r.spearman?.estimate, 3)), cell(r.spearman?.n ?? '–'), cell(fmtP(r.spearman?.p)))))));
}

export function statisticsSection(report) {
  const groups = report?.groups ?? [];
  if (!groups.length) return h('p', { text: 'No responses yet.' });
  const ex = report.exclusion;
  return h('div', { class: 'statistics' },
    ex ? h('p', { class: 'hint', text: `${ex.participantsIncluded} of ${ex.participantsTotal} participants included (${ex.rule}); ${ex.responsesAnalysed} of ${ex.responsesTotal} responses analysed, ${ex.catchTrials} catch trials.` }) : null,
    groups.map((g) => h('section', { class: 'group', dataset: { scope: g.scope, model: g.modelId ?? '' } },
      h('h3', { text: groupLabel(g) }), classTable(g), charts(g), comparisonTable(g), rankCorrelations(g))),
    report.methods?.length ? h('details', {}, h('summary', { text: 'Methods' }), h('ul', {}, report.methods.map((m) => h('li', { text: m })))) : null);
}
