// "Plan sample size": the power of the top-vs-bottom and top-vs-orthogonal contrasts for a grid of study
// sizes, simulated on the backend from the current responses as the pilot (docs/statistics.md, "Power
// planning"). Form, table, the backend's power curve (SVG) and how to read it; above the form, the last run per
// measure as the statistics report keeps it (`report.power`).
import { h, replaceChildren } from '../shared/dom.js';
import { fmt, fmtTime } from './format.js';

const MEASURES = [
  ['magnitude', 'Magnitude when a change was seen'],
  ['seen_change', 'Saw a change (logistic model; slower)'],
  ['consistency', 'Consistency (1–9)'],
  ['difficulty', 'Difficulty (1–9)'],
  ['shared_count', 'Images sharing the change (0–5)'],
];

/** "10, 20, 40" → [10, 20, 40]; an empty field → undefined (the backend's default). */
function counts(text) {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  return parts.length ? parts.map(Number) : undefined;
}

function field(id, label, input, hint) {
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), input,
    hint ? h('span', { class: 'hint', id: `${id}-hint`, text: hint }) : null);
}

function powerCell(c) {
  return `${fmt(c.power, 2)} ± ${fmt(c.monteCarloSe, 2)}`;
}

// A power run (the endpoint's answer, or a run kept in the report: the same fields) as a table.
function resultTable(report) {
  const cells = report.cells ?? [];
  const contrasts = cells[0]?.contrasts ?? [];
  const slopes = Boolean(report.pilot?.participantCovariance);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stats power-table' },
    h('caption', { text: `Power (Holm-adjusted p < ${report.alpha}), ${report.simulations} simulated studies per row, ± Monte-Carlo SE` }),
    h('thead', {}, h('tr', {}, ['Participants', 'Axes per class', ...contrasts.map((c) => `${c.first} vs ${c.second}`), 'Failed fits', ...(slopes ? ['Slopes dropped'] : [])]
      .map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, cells.map((cell) => h('tr', { dataset: { participants: cell.participants, axes: cell.axesPerClass } },
      h('th', { scope: 'row', text: String(cell.participants) }),
      h('td', { text: String(cell.axesPerClass) }),
      cell.contrasts.map((c) => h('td', { text: powerCell(c), dataset: { contrast: `${c.first}-${c.second}` } })),
      h('td', { text: String(cell.failedFits) }),
      slopes ? h('td', { text: String(cell.slopesDropped ?? 0) }) : null)))));
}

function pilotSummary(report) {
  const p = report.pilot;
  const effects = (report.cells?.[0]?.contrasts ?? []).map((c) => `${c.first} − ${c.second} = ${fmt(c.effect, 2)}`).join(', ');
  const variances = `participant variance ${fmt(p.participantVariance, 2)}, axis variance ${fmt(p.axisVariance, 2)}`
    + (p.binary ? ' (logit scale)' : `, residual variance ${fmt(p.residualVariance, 2)}`)
    + (p.participantCovariance ? `, by-participant slopes for class (variances ${p.participantCovariance.map((row, i) => fmt(row[i], 2)).join(', ')})` : '');
  return h('p', { class: 'hint', text: `Pilot: ${report.pilotParticipants} participants, ${report.pilotResponses} responses, about ${report.pilotAxesPerClass} axes per class; model ${report.model}. Effects in the pilot${p.binary ? ' (log odds)' : ''}: ${effects}; ${variances}.` });
}

function result(report) {
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(report.svg)}`;
  return h('div', { class: 'power-result' },
    pilotSummary(report),
    resultTable(report),
    h('figure', { class: 'power-plot' },
      h('img', { src, alt: `Power curve: estimated power of each planned contrast against the number of participants, one line per contrast and number of axes per class, with a dashed line at 0.8`, decoding: 'async' }),
      h('figcaption', { text: 'Power against participants — points: share of simulated studies with a significant contrast, whiskers: ± 1 Monte-Carlo SE, dashed line: 0.8.' })),
    h('details', { open: '' }, h('summary', { text: 'How to read this' }), h('ul', {}, (report.howToRead ?? []).map((t) => h('li', { text: t })))));
}

/**
 * The last simulation per measure, from the statistics report's `power` section (docs/api.md): what the report's
 * tables show, so a researcher sees what was planned before running again.
 */
export function lastRunsView(power) {
  const runs = power?.runs ?? [];
  if (!runs.length) {
    return h('p', { class: 'hint', text: 'No simulation has been run for this study version yet. The last one per measure is kept and shown here and in the statistics report (JSON, Markdown, LaTeX).' });
  }
  const label = (key) => MEASURES.find(([k]) => k === key)?.[1] ?? key;
  return h('div', { class: 'power-last' },
    h('h3', { text: 'Last simulation per measure (also in the report)' }),
    runs.map((r) => h('details', { dataset: { measure: r.measure } },
      h('summary', { text: `${label(r.measure)}: ${r.participants.join(', ')} participants, ${r.axesPerClass.join(', ')} axes per class, ${r.simulations} simulations, seed ${r.seed}, run ${fmtTime(r.ranAt)}` }),
      pilotSummary(r),
      resultTable(r))));
}

/**
 * The planning section; `run(body)` posts to the power endpoint and resolves with its report; `last` is a container
 * for {@link lastRunsView} (filled by the caller from the report) and `onDone()` is called after a run succeeded, so
 * the caller can refresh it.
 */
export function planningSection(run, last = h('div', {}), onDone = () => {}) {
  const measure = h('select', { id: 'plan-measure' }, MEASURES.map(([key, label]) => h('option', { value: key, text: label })));
  const participants = h('input', { id: 'plan-participants', type: 'text', inputmode: 'numeric', value: '10, 20, 40', 'aria-describedby': 'plan-participants-hint' });
  const axes = h('input', { id: 'plan-axes', type: 'text', inputmode: 'numeric', value: '', 'aria-describedby': 'plan-axes-hint' });
  const simulations = h('input', { id: 'plan-simulations', type: 'number', min: '20', max: '2000', value: '100' });
  const seed = h('input', { id: 'plan-seed', type: 'number', value: '1' });
  const status = h('p', { class: 'hint', role: 'status' });
  const output = h('div', {});
  const button = h('button', { type: 'submit', text: 'Run simulation' });

  async function submit(e) {
    e.preventDefault();
    button.disabled = true;
    status.textContent = 'Simulating… (this can take up to a minute)';
    replaceChildren(output);
    try {
      const report = await run({
        measure: measure.value,
        participants: counts(participants.value),
        axesPerClass: counts(axes.value),
        simulations: Number(simulations.value),
        seed: Number(seed.value),
      });
      status.textContent = `Done: ${report.cells.length} study sizes, seed ${report.seed}. The same seed gives the same numbers.`;
      replaceChildren(output, result(report));
      onDone();
    } catch (err) {
      status.textContent = '';
      replaceChildren(output, h('p', { class: 'error', role: 'alert', text: `The simulation was refused: ${err.message}` }));
    } finally {
      button.disabled = false;
    }
  }

  return h('div', { class: 'planning' },
    h('p', { class: 'hint', text: 'How many participants to recruit: the current responses serve as the pilot. Their fitted mixed model is taken as the truth, studies of each size are simulated and refitted, and the share in which a contrast is significant is its power.' }),
    last,
    h('form', { class: 'plan-form', onsubmit: submit },
      field('plan-measure', 'Measure', measure),
      field('plan-participants', 'Participant counts', participants, 'Comma-separated, 3 to 1000 each, at most 10 values.'),
      field('plan-axes', 'Axes per class', axes, 'Comma-separated, 2 to 200 each, at most 4 values; empty = as many as in the pilot.'),
      field('plan-simulations', 'Simulations per study size', simulations),
      field('plan-seed', 'Seed', seed),
      button),
    status, output);
}
