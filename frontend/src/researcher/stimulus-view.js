// The stimulus browser: per model, its contact sheet and geometry plots (spectrum, homogeneity) with their
// numbers, the eigenvalues of its axes and the list of axes; per axis, all reference strips and the
// image-distance curve along the axis.
import { h, replaceChildren } from '../shared/dom.js';
import { xyChart } from './charts.js';
import { fmtSig, superscriptParts } from './format.js';
import { geometryRows } from './geometry.js';

const axisClassOf = (a) => a.axisClass;
const framesOf = (strip) => strip.frames ?? [];
const urlOf = (frame) => frame.url;
const distancesOf = (strip) => strip.frameDistances ?? [];
/** Text with "C^H" written as C and a superscript H (textContent alone would show the caret). */
const rich = (text) => superscriptParts(text).map((p) => (typeof p === 'string' ? p : h('sup', { text: p.sup })));

function spectrum(model) {
  const axes = (model.axes ?? []).filter((a) => Number.isFinite(a.eigenvalue) && axisClassOf(a) !== 'orthogonal');
  const series = ['top', 'bottom'].map((cls) => ({ name: cls, points: axes.filter((a) => axisClassOf(a) === cls).map((a) => ({ x: a.rank, y: Math.abs(a.eigenvalue) })) }))
    .filter((s) => s.points.length);
  return h('figure', {}, xyChart(series, { title: `Eigenvalues of the shown axes, ${model.id}`, xLabel: 'eigen-rank', yLabel: '|eigenvalue|', logY: true }),
    h('figcaption', { text: 'Eigenvalue against rank (log scale): the spectrum behind the top and bottom axes.' }));
}

function axisDetail(model, axis) {
  const strips = axis.strips ?? [];
  const steps = model.steps ?? framesOf(strips[0] ?? {}).map((f) => f.step);
  // With perceptually matched steps the model's steps are image distances; each strip says where its frames
  // lie in latent space, and the curve is drawn against that.
  const xOf = (s, i) => (s.latentSteps ? s.latentSteps[i] : (steps[i] ?? i));
  const curve = xyChart(strips.map((s) => ({ name: `ref ${s.reference}`, points: distancesOf(s).map((d, i) => ({ x: xOf(s, i), y: d })) })),
    { title: `Image distance along ${axis.id}`, xLabel: 'latent distance along the axis', yLabel: 'distance to centre', lines: true });
  const named = axis.label ? `${axis.label} — ` : '';
  return h('div', { class: 'axis-detail' },
    h('h4', { text: `${axis.id}: ${named}${axisClassOf(axis)} axis, rank ${axis.rank ?? '–'}, eigenvalue ${fmtSig(axis.eigenvalue)}` }),
    h('div', { class: 'contact-sheet', role: 'group', 'aria-label': `Contact sheet of ${axis.id}` },
      strips.map((s) => h('div', { class: 'sheet-row' }, h('span', { class: 'sheet-label', text: `r${s.reference}` }),
        framesOf(s).map((f) => h('img', { src: urlOf(f), alt: `reference ${s.reference}, step ${f.step}`, loading: 'lazy', width: '64', height: '64' }))))),
    distancesOf(strips[0] ?? {}).length ? h('figure', {}, curve, h('figcaption', { text: 'Distance of each frame from the reference image, per reference.' })) : null);
}

function plot(url, alt, caption, missing) {
  return h('figure', { class: 'geometry-plot' },
    url ? h('a', { href: url, target: '_blank', rel: 'noopener' }, h('img', { src: url, alt, loading: 'lazy', decoding: 'async' }))
      : h('p', { class: 'hint', text: missing }),
    h('figcaption', {}, rich(caption)));
}

// Model-level views written by the stimuli pipeline into the stimuli folder's sheets/ (researchers only).
function geometryPanel(model) {
  const g = model.geometry;
  if (!g) return h('p', { class: 'hint', text: `No contact sheet or geometry plots were found for ${model.id} in the stimuli folder.` });
  const absent = 'Not in the stimuli folder.';
  const rows = geometryRows(g.summary);
  return h('div', { class: 'geometry' },
    h('div', { class: 'geometry-plots' },
      plot(g.spectrumPlot, `Eigenvalue spectrum of ${model.id}: mean eigenvalue by rank on a log scale with the 5–95 % band over the Hessian points`,
        'Spectrum of the metric over the random points (log scale; band: 5–95 %).', absent),
      plot(g.homogeneityPlot, `Histogram of the metric consistency of ${model.id} over ordered pairs of Hessian points, linear and log scale`,
        'Homogeneity: correlation C^H between points (linear and log scale).', `${absent} (none for a single point)`)),
    rows.length ? h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { text: `Geometry of ${model.id}` }),
      h('tbody', {}, rows.map(([label, value]) => h('tr', {}, h('th', { scope: 'row' }, rich(label)), h('td', { text: String(value) })))))) : null,
    h('div', { class: 'sheet-image' },
      plot(g.contactSheet, `Contact sheet of ${model.id}: one row per axis with its strips for the first references and its distance curve`,
        'Contact sheet: every axis, its strips and its distance curve (opens full size).', absent)));
}

function modelBrowser(model) {
  const detail = h('div', { 'aria-live': 'polite' }, h('p', { class: 'hint', text: 'Choose an axis to see its contact sheet.' }));
  const axes = model.axes ?? [];
  return h('section', { class: 'model', dataset: { model: model.id } },
    h('h3', { text: `Model ${model.id}${model.space ? ` (space ${model.space})` : ''}` }),
    h('p', { class: 'hint', text: [model.exploration && `exploration ${model.exploration}`, model.distance && `distance ${model.distance}`, model.imageDistance && `image distance ${model.imageDistance}`].filter(Boolean).join(' · ') }),
    geometryPanel(model),
    spectrum(model),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { text: `Axes of ${model.id}` }),
      h('thead', {}, h('tr', {}, ['Axis', 'Class', 'Rank', 'Eigenvalue'].map((t) => h('th', { scope: 'col', text: t })),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: 'Contact sheet' })))),
      h('tbody', {}, axes.map((a) => h('tr', {},
        h('th', { scope: 'row', text: a.id }), h('td', { text: axisClassOf(a) ?? '–' }), h('td', { text: String(a.rank ?? '–') }), h('td', { text: fmtSig(a.eigenvalue) }),
        h('td', {}, h('button', { type: 'button', text: 'Show', 'aria-label': `Show ${a.id}`, onclick: () => replaceChildren(detail, axisDetail(model, a)) }))))))),
    detail);
}

export function stimulusBrowser(study) {
  const models = study.models ?? [];
  if (!models.length) return h('p', { text: 'This study lists no models.' });
  return h('div', {}, models.map(modelBrowser));
}
