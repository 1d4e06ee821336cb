// The statistics report (schema eigenstudy-statistics/2): the headline (headline-view.js) first, then, under
// "Descriptive", the trial-level tables and figures: per axis class and model, bars
// with SEM like the paper's figure, the pairwise tests, and magnitude against eigen-rank. The figures are the
// backend's SVGs (statistics/plot, the same drawing as the PNG and report downloads), shown as images.
import { h } from '../shared/dom.js';
import { fmt, fmtP, fmtPercent, fmtMeanSem } from './format.js';
import { headlineSection } from './headline-view.js';

const MEASURES = [
  ['magnitude', 'Magnitude when a change was seen (0–100)'],
  ['consistency', 'Consistency (1–9)'],
  ['difficulty', 'Difficulty (1–9)'],
  ['shared_count', 'Images sharing the change (0–5)'],
];

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

// The bar figures the dashboard shows, as [measure key, what the figure shows]; each covers every model.
const BAR_FIGURES = [
  ['seen_change', 'Saw a change (%)'],
  ['magnitude', 'Magnitude when a change was seen'],
  ['consistency', 'Consistency (1–9)'],
  ['difficulty', 'Difficulty (1–9)'],
];

// Not loading="lazy": a figure below the fold would then never load until scrolled to, and the page has few.
function figure(src, alt, caption) {
  return h('figure', { class: 'plot' },
    h('a', { href: src, target: '_blank', rel: 'noopener' }, h('img', { src, alt, decoding: 'async', width: '800', height: '480' })),
    h('figcaption', { text: caption }));
}

/** One bar figure per measure: bars per axis class, grouped by model (all models first). */
function barFigures(plotUrl) {
  return h('div', { class: 'charts', dataset: { figures: 'bars' } }, BAR_FIGURES.map(([key, title]) =>
    figure(plotUrl(key, null), `Bar chart of ${title.toLowerCase()} per axis class or direction method for all models and each model: mean with ± SEM whiskers`,
      `${title} per axis class and model — bars: mean, whiskers: ± SEM`)));
}

/** Magnitude against eigen-rank for one group (the whole study or one model). */
function rankFigure(group, plotUrl) {
  if (!(group.byRank ?? []).length) return null;
  const model = group.scope === 'overall' ? null : group.modelId;
  return h('div', { class: 'charts' }, figure(plotUrl('rank', model),
    `Mean magnitude against eigen-rank for ${groupLabel(group)}, one series per axis class, with ± SEM whiskers`,
    `Magnitude against eigen-rank, ${groupLabel(group)} — points: mean, whiskers: ± SEM`));
}

function rankCorrelations(group) {
  const list = group.rankCorrelations ?? [];
  if (!list.length) return null;
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stats' },
    h('caption', { text: `Rank correlations: ${groupLabel(group)}` }),
    h('thead', {}, h('tr', {}, ['Response', 'Predictor', 'Spearman rho', 'n', 'p'].map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, list.map((r) => h('tr', {}, h('th', { scope: 'row', text: r.response }), cell(r.predictor), cell(fmt(r.spearman?.estimate, 3)), cell(r.spearman?.n ?? '–'), cell(fmtP(r.spearman?.p)))))));
}

/**
 * The report's tables and figures; `plotUrl(plot, model)` is the URL of a backend figure, `axesCsvUrl` the per-axis
 * table's download.
 */
export function statisticsSection(report, plotUrl, axesCsvUrl = null) {
  const groups = report?.groups ?? [];
  if (!groups.length) return h('p', { text: 'No responses yet.' });
  const ex = report.exclusion;
  return h('div', { class: 'statistics' },
    ex ? h('p', { class: 'hint', text: `${ex.participantsIncluded} of ${ex.participantsTotal} participants included (${ex.rule}); ${ex.responsesAnalysed} of ${ex.responsesTotal} responses analysed, ${ex.catchTrials} catch trials.` }) : null,
    headlineSection(report, axesCsvUrl),
    h('h3', { class: 'descriptive', text: 'Descriptive' }),
    h('p', { class: 'hint', text: 'Trial-level tables and tests: they treat every trial as independent, which trials of one participant or one axis are not, so their p-values describe the data rather than test the classes; the headline above is the inference.' }),
    barFigures(plotUrl),
    groups.map((g) => h('section', { class: 'group', dataset: { scope: g.scope, model: g.modelId ?? '' } },
      h('h4', { text: groupLabel(g) }), classTable(g), rankFigure(g, plotUrl), comparisonTable(g), rankCorrelations(g))),
    report.methods?.length ? h('details', {}, h('summary', { text: 'Methods' }), h('ul', {}, report.methods.map((m) => h('li', { text: m })))) : null);
}
