// The axis explorer on a model's card (#/models): before paying for a study, walk a method's candidate
// directions from one reference code. The server renders the frames once (geometry-core's directions
// --explore-frames) and keeps them; here a slider moves along each direction, the chart shows how the image
// distance grows, and ticking axes writes the lines a study file needs to use them.
import { h, replaceChildren } from '../shared/dom.js';
import { xyChart } from './charts.js';
import { copyField } from './copy-field.js';
import { fmt, fmtSig } from './format.js';

// Method choices, and the study-file class each one becomes.
const METHODS = [
  { value: 'hessian', text: 'Metric (top eigenvectors)', axisClass: 'top' },
  { value: 'sefa', text: 'SeFa', axisClass: 'sefa' },
  { value: 'ganspace', text: 'GANSpace', axisClass: 'ganspace' },
  { value: 'random', text: 'Random (control)', axisClass: 'random' },
];

let explorers = 0;

function numberField(id, label, value, attrs) {
  return h('div', { class: 'field' }, h('label', { for: id, text: label }),
    h('input', { id, type: 'number', value: String(value), required: true, ...attrs }));
}

/** One direction: its frames behind a slider, and a tick that the study-file lines follow. */
function directionFigure(result, d, ticked, onTick) {
  const mid = Math.floor(d.frames.length / 2);
  const img = h('img', { src: d.frames[mid], width: '128', height: '128', alt: `${d.label} at step 0 (the reference image)` });
  const caption = h('figcaption', { text: '' });
  const slider = h('input', { type: 'range', min: '0', max: String(d.frames.length - 1), value: String(mid), step: '1', 'aria-label': `Step along ${d.label}` });
  function show(i) {
    img.src = d.frames[i];
    img.alt = `${d.label} at latent step ${fmt(result.steps[i])}`;
    caption.textContent = `step ${fmt(result.steps[i])} · pixel MSE ${fmtSig(d.distances[i])}`;
  }
  slider.addEventListener('input', () => show(Number(slider.value)));
  show(mid);
  const tick = h('input', { type: 'checkbox', checked: ticked });
  tick.addEventListener('change', () => onTick(d.rank, tick.checked));
  return h('figure', { class: 'explore-direction', dataset: { rank: String(d.rank) } },
    h('h4', { text: `${d.rank}. ${d.label}${d.score == null ? '' : ` (score ${fmtSig(d.score)})`}` }),
    img, slider, caption,
    h('label', { class: 'check' }, tick, ` Use ${d.label}`));
}

/**
 * The study-file lines for the first `used` directions of a method; with layers, the directions line
 * that confines a study's method axes to the same W+ layers.
 */
export function studyLines(chosen, used, layers) {
  const lines = [`axes: {${chosen.axisClass}: ${used}}`];
  if (layers) lines.push(`directions: {layers: [${layers[0]}, ${layers[1]}]}`);
  lines.push(`# design: axis_classes: [..., ${chosen.axisClass}]`);
  return lines.join('\n');
}

/** The "Explore directions" section of one model's card. */
export function explorer(api, model) {
  explorers += 1;
  const n = explorers;
  const space = h('select', { id: `explore-space-${n}` }, model.spaces.map((s) => h('option', { value: s.name, text: `${s.name} (${s.dim})` })));
  const method = h('select', { id: `explore-method-${n}` }, METHODS.map((m) => h('option', { value: m.value, text: m.text })));
  // W+ layers [from, to): offered only for a space whose card has a W+ module (StyleGAN's W); both
  // blank means every layer, as a study without directions.layers.
  const layerFrom = h('input', { id: `explore-layers-from-${n}`, type: 'number', min: '0', step: '1' });
  const layerTo = h('input', { id: `explore-layers-to-${n}`, type: 'number', min: '1', step: '1' });
  const layerHint = h('p', { class: 'hint', id: `explore-layers-hint-${n}` });
  const layerFields = h('fieldset', { class: 'explore-layers', 'aria-describedby': layerHint.id },
    h('legend', { text: 'W+ layers (optional)' }),
    h('div', { class: 'field' }, h('label', { for: layerFrom.id, text: 'From layer' }), layerFrom),
    h('div', { class: 'field' }, h('label', { for: layerTo.id, text: 'To layer (exclusive)' }), layerTo),
    layerHint);
  function showLayers() {
    const layers = model.spaces.find((s) => s.name === space.value)?.wplusLayers;
    // A study layers only the other methods' axes (directions.layers), never the metric's own.
    layerFields.hidden = !layers || method.value === 'hessian';
    if (layers) {
      layerFrom.max = String(layers - 1);
      layerTo.max = String(layers);
      layerHint.textContent = `Blank: every one of the ${layers} layers. Early layers carry pose and shape, late ones colour and texture.`;
    }
  }
  space.addEventListener('change', showLayers);
  method.addEventListener('change', showLayers);
  showLayers();
  const form = h('form', { class: 'explore-form' },
    h('div', { class: 'field' }, h('label', { for: space.id, text: 'Latent space' }), space),
    h('div', { class: 'field' }, h('label', { for: method.id, text: 'Method' }), method),
    numberField(`explore-count-${n}`, 'Directions', 4, { min: '1', max: '12' }),
    numberField(`explore-distance-${n}`, 'Largest latent step', 3, { min: '0.01', max: '50', step: 'any' }),
    numberField(`explore-frames-${n}`, 'Frames (odd)', 21, { min: '3', max: '41', step: '2' }),
    layerFields,
    h('button', { type: 'submit', text: 'Explore' }));
  const status = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'explore-results' });

  function render(result) {
    const chosen = METHODS.find((m) => m.value === result.method);
    let used = 0;
    const snippet = h('div', {});
    function writeSnippet() {
      replaceChildren(snippet, used === 0
        ? h('p', { class: 'hint', text: 'Tick the directions to use: a study uses a method\'s first directions, so ticking one ticks those before it.' })
        : copyField('In the study file (models[].stimuli, and design.axis_classes)', studyLines(chosen, used, result.layers),
          { rows: result.layers ? 3 : 2, what: 'the axes line' }));
    }
    const figures = [];
    function onTick(rank, on) {
      used = on ? Math.max(used, rank) : rank - 1;
      figures.forEach((f, i) => { f.querySelector('input[type=checkbox]').checked = i < used; });
      writeSnippet();
    }
    result.directions.forEach((d) => figures.push(directionFigure(result, d, false, onTick)));
    writeSnippet();
    const chart = xyChart(result.directions.map((d) => ({ name: d.label, points: d.distances.map((y, i) => ({ x: result.steps[i], y })) })),
      { title: `Pixel MSE to the reference along each ${chosen.text} direction`, xLabel: 'latent step', yLabel: 'pixel MSE', lines: true });
    replaceChildren(results,
      h('div', { class: 'explore-grid' }, figures),
      h('figure', {}, chart, h('figcaption', { text: 'How fast each direction changes the image: a steep curve needs small steps; with matched steps a study equalises the ends.' })),
      snippet,
      h('p', { class: 'hint', text: 'A study computes its directions again from its own seed: the metric\'s and SeFa\'s come out the same (up to sign), GANSpace\'s nearly so, random ones differ.' }));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      space: space.value, method: method.value,
      count: Number(form.querySelector(`#explore-count-${n}`).value),
      distance: Number(form.querySelector(`#explore-distance-${n}`).value),
      frames: Number(form.querySelector(`#explore-frames-${n}`).value), seed: 0,
    };
    if (!layerFields.hidden && (layerFrom.value !== '' || layerTo.value !== '')) {
      body.layers = [Number(layerFrom.value || 0), Number(layerTo.value || layerTo.max)];
    }
    status.textContent = 'Rendering on the server (the first time can take a while)…';
    try {
      const result = await api.explore(model.id, body);
      status.textContent = `${result.directions.length} directions, ${result.steps.length} frames each.`;
      render(result);
    } catch (e) {
      status.textContent = `Not explored: ${e.message}`;
    }
  });

  return h('section', { class: 'explorer', 'aria-labelledby': `explore-h-${n}` },
    h('h3', { id: `explore-h-${n}`, text: 'Explore directions' }),
    h('p', { class: 'hint', text: 'Walk candidate directions from one reference image before you pay for a study.' }),
    form, status, results);
}
