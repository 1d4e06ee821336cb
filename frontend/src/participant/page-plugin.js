// A jsPsych plugin for pages built with DOM nodes (consent, welcome back, debrief): the page's `render`
// function gets the container and a `done(data)` callback that ends the trial. Building nodes rather than
// HTML strings keeps every text from the study config or the server out of innerHTML.
import { ParameterType } from 'jspsych';

const info = {
  name: 'eigenstudy-page',
  version: '1.0.0',
  parameters: {
    /** (container: HTMLElement, done: (data?: object) => void) => void | (() => void) cleanup */
    render: { type: ParameterType.FUNCTION, default: undefined },
  },
  data: { page: { type: ParameterType.OBJECT } },
};

export class PagePlugin {
  static info = info;

  constructor(jsPsych) {
    this.jsPsych = jsPsych;
  }

  trial(displayElement, trial) {
    let cleanup = null;
    let finished = false;
    const done = (data = {}) => {
      if (finished) return;
      finished = true;
      if (typeof cleanup === 'function') cleanup();
      displayElement.replaceChildren();
      this.jsPsych.finishTrial({ page: data });
    };
    cleanup = trial.render(displayElement, done);
  }
}
