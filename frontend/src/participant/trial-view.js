// The trial screen: five reference images moved along one axis (each as a strip of frames, or as an
// animation), then the questions. Sizes come from CSS so all five strips fit a laptop screen.
import { h } from '../shared/dom.js';
import { emptyAnswer, validateAnswer, MAX_DESCRIPTION } from './response.js';

const ANIMATION_FRAME_MS = 180;

/** Frame order for an animation that runs forth and back: 0..n-1, then n-2..1, repeated. */
export function pingPongOrder(n) {
  if (n <= 1) return [0];
  const forward = [...Array(n).keys()];
  return forward.concat(forward.slice(1, -1).reverse());
}

function stripFigure(strip, position, presentation, timers) {
  const frames = strip.frames ?? [];
  const label = `Image ${position + 1}`;
  if (presentation === 'animation') {
    const order = pingPongOrder(frames.length);
    const img = h('img', { src: frames[order[0]]?.url, alt: `${label}, animated through ${frames.length} frames`, class: 'frame', draggable: 'false' });
    let k = 0;
    timers.push(setInterval(() => {
      k = (k + 1) % order.length;
      img.src = frames[order[k]].url;
    }, ANIMATION_FRAME_MS));
    return h('figure', { class: 'strip animation' }, img, h('figcaption', { class: 'visually-hidden', text: label }));
  }
  return h(
    'figure',
    { class: 'strip', style: { '--frames': String(frames.length) } },
    h('figcaption', { class: 'strip-label', text: String(position + 1) }),
    h('div', { class: 'frames' }, frames.map((f, i) => h('img', { src: f.url, alt: `${label}, frame ${i + 1} of ${frames.length}`, class: 'frame', draggable: 'false' }))),
  );
}

/** The figure showing all strips of a trial; `timers` collects animation intervals to stop later. */
export function stimulusBlock(trial, presentation, timers = []) {
  const strips = trial.strips ?? [];
  return h('div', { class: `stimulus ${presentation}`, style: { '--frames': String(strips[0]?.frames?.length ?? 1) } },
    strips.map((s, i) => stripFigure(s, i, presentation, timers)));
}

function radioScale(name, values, labels, onPick, disabled) {
  const points = h('div', { class: 'scale-points' },
    values.map((v) => h('label', { class: 'scale-point' },
      h('input', { type: 'radio', name, value: String(v), disabled, onchange: () => onPick(v) }),
      h('span', { text: String(v) }))));
  // The end labels sit under the first and last point (not beside them), so nine points fit one line at
  // 360 px; the hint above says the same for screen readers.
  const ends = labels ? h('div', { class: 'scale-ends', 'aria-hidden': 'true' },
    h('span', { text: labels[0] }), h('span', { text: labels[1] })) : null;
  return h('div', { class: 'scale' }, points, ends);
}

function question(id, legend, hint, ...controls) {
  return h('fieldset', { class: 'question', id, 'aria-describedby': hint ? `${id}-hint` : null },
    h('legend', { id: `${id}-legend`, text: legend }),
    hint ? h('p', { class: 'hint', id: `${id}-hint`, text: hint }) : null,
    ...controls,
    h('p', { class: 'error', id: `${id}-error`, role: 'alert', hidden: true }));
}

/** The questions in the order they are asked; the follow-ups only after "yes, I see a change". */
export const QUESTIONS = ['changeSeen', 'magnitude', 'description', 'sharedCount', 'consistency', 'difficulty'];

/**
 * Renders a trial into `container`.
 * @param {object} options
 * @param {object} options.trial the API's Trial object (strips with frame urls)
 * @param {'strip'|'animation'} options.presentation
 * @param {string} options.heading e.g. "Trial 3 of 14" or "Practice trial"
 * @param {boolean} [options.disabled] MTurk preview: everything visible, nothing can be answered
 * @param {(answer: object) => void} [options.onSubmit] called with a valid answer
 * @returns {{destroy: () => void, answer: object}}
 */
export function renderTrial(container, { trial, presentation, heading, disabled = false, onSubmit = () => {} }) {
  const answer = emptyAnswer();
  const timers = [];
  const slug = `q${trial.index ?? 'x'}`;
  let changed = () => {};

  const magnitudeOut = h('output', { id: `${slug}-mag-out`, class: 'slider-value', text: 'not set: move the slider' });
  const slider = h('input', {
    type: 'range', min: '0', max: '100', step: '1', value: '50', id: `${slug}-magnitude`, disabled,
    'aria-labelledby': 'magnitude-legend', 'aria-valuetext': 'not set', 'aria-describedby': `${slug}-mag-out`,
  });
  const onSlide = () => {
    answer.magnitude = Number(slider.value);
    slider.classList.add('moved');
    magnitudeOut.textContent = `${answer.magnitude} %`;
    slider.setAttribute('aria-valuetext', `${answer.magnitude} percent`);
    changed();
  };
  slider.addEventListener('input', onSlide);
  slider.addEventListener('change', onSlide);
  // A tap or click on the track (or the thumb) where the value already is fires no input event, yet the
  // participant chose that value: it counts as set.
  slider.addEventListener('click', onSlide);

  const counter = h('span', { class: 'counter', 'aria-live': 'polite', text: `0 / ${MAX_DESCRIPTION}` });
  const description = h('textarea', { id: `${slug}-description`, rows: '2', maxlength: String(MAX_DESCRIPTION), disabled });
  description.addEventListener('input', () => {
    answer.description = description.value;
    counter.textContent = `${description.value.length} / ${MAX_DESCRIPTION}`;
    changed();
  });
  const pick = (field) => (v) => {
    answer[field] = v;
    changed();
  };

  // The preview cannot answer "yes", so it shows the follow-ups from the start: the worker sees every
  // question the task asks before accepting it.
  const followUp = h('div', { class: 'follow-up', hidden: !disabled },
    disabled ? h('p', { class: 'hint', text: 'Asked only if you see a change:' }) : null,
    question('magnitude', '(b) How large is the change?', '0 % = barely visible, 100 % = very large. Drag or tap the slider, or use the arrow keys.',
      h('div', { class: 'slider-row' }, h('span', { text: '0 %', 'aria-hidden': 'true' }), slider, h('span', { text: '100 %', 'aria-hidden': 'true' })),
      magnitudeOut),
    question('description', '(c) Describe the common change in your own words', null,
      h('label', { class: 'visually-hidden', for: `${slug}-description`, text: 'Description of the change' }), description, counter),
    question('sharedCount', '(d) How many of the five images show this change?', null,
      radioScale(`${slug}-shared`, [0, 1, 2, 3, 4, 5], null, pick('sharedCount'), disabled)),
    question('consistency', '(e) How similar are the changes across the five images?', '1 = all different, 9 = all the same',
      radioScale(`${slug}-consistency`, [1, 2, 3, 4, 5, 6, 7, 8, 9], ['all different', 'all the same'], pick('consistency'), disabled)));

  const changeSeen = question('changeSeen', '(a) Do you see the images change along their rows?', null,
    h('div', { class: 'choices' },
      [['yes', true, 'Yes, I see a change'], ['no', false, 'No change']].map(([value, seen, text]) =>
        h('label', { class: 'choice' },
          h('input', { type: 'radio', name: `${slug}-seen`, value, disabled, onchange: () => {
            answer.changeSeen = seen;
            followUp.hidden = !seen;
            changed();
          } }),
          h('span', { text })))));

  const errorSummary = h('p', { class: 'error-summary', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'jspsych-btn primary', disabled, text: 'Save and continue' });
  const form = h('form', { class: 'questions', novalidate: true, 'aria-label': 'Questions about the images' },
    changeSeen, followUp,
    question('difficulty', '(f) How difficult was this to judge and describe?', '1 = very easy, 9 = very difficult',
      radioScale(`${slug}-difficulty`, [1, 2, 3, 4, 5, 6, 7, 8, 9], ['very easy', 'very difficult'], pick('difficulty'), disabled)),
    h('div', { class: 'submit-row' }, errorSummary, submit));

  const errorEl = (field) => form.querySelector(`#${field}-error`);
  const showSummary = (count) => {
    errorSummary.hidden = count === 0;
    errorSummary.textContent = count === 0 ? '' : `Please answer every question (${count} missing).`;
  };
  // Once the participant fixes what a message named, the message goes; nothing new is shown until the next
  // "Save", so answering in order is not interrupted by messages about questions not reached yet.
  changed = () => {
    const { errors } = validateAnswer(answer);
    let shown = 0;
    for (const field of QUESTIONS) {
      const el = errorEl(field);
      if (el.hidden) continue;
      if (errors[field]) {
        el.textContent = errors[field];
        shown++;
      } else {
        el.hidden = true;
        el.textContent = '';
      }
    }
    if (!errorSummary.hidden) showSummary(shown);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (disabled) return;
    const { valid, errors } = validateAnswer(answer);
    for (const field of QUESTIONS) {
      const el = errorEl(field);
      el.hidden = !errors[field];
      el.textContent = errors[field] ?? '';
    }
    showSummary(Object.keys(errors).length);
    if (!valid) {
      const first = QUESTIONS.find((f) => errors[f]);
      form.querySelector(`#${first} input, #${first} textarea`)?.focus();
      return;
    }
    submit.disabled = true;
    onSubmit({ ...answer });
  });

  container.append(
    h('section', { class: 'trial', 'aria-labelledby': `${slug}-heading`, dataset: { trialIndex: String(trial.index ?? '') } },
      h('h2', { id: `${slug}-heading`, text: heading }),
      h('div', { class: 'trial-layout' }, stimulusBlock(trial, presentation, timers), form)));
  return { destroy: () => timers.forEach(clearInterval), answer };
}
