// jsPsych plugin for one Eigenstudy trial. It records the answer, the response time and the client times in
// the jsPsych data; saving is the timeline's job (on_finish), so the practice trial reuses the plugin as is.
import { ParameterType } from 'jspsych';
import { renderTrial } from './trial-view.js';

const info = {
  name: 'eigenstudy-trial',
  version: '1.0.0',
  parameters: {
    /** The API's Trial object. */
    trial: { type: ParameterType.OBJECT, default: undefined },
    presentation: { type: ParameterType.STRING, default: 'strip' },
    heading: { type: ParameterType.STRING, default: '' },
    disabled: { type: ParameterType.BOOL, default: false },
  },
  data: {
    trial_index_in_session: { type: ParameterType.INT },
    answer: { type: ParameterType.OBJECT },
    rt: { type: ParameterType.INT },
    trial_started_at: { type: ParameterType.STRING },
    client_timestamp: { type: ParameterType.STRING },
  },
};

export class EigenTrialPlugin {
  static info = info;

  constructor(jsPsych) {
    this.jsPsych = jsPsych;
  }

  trial(displayElement, trial) {
    const startedAt = new Date();
    const t0 = performance.now();
    const view = renderTrial(displayElement, {
      trial: trial.trial,
      presentation: trial.presentation,
      heading: trial.heading,
      disabled: trial.disabled,
      onSubmit: (answer) => {
        view.destroy();
        displayElement.replaceChildren();
        this.jsPsych.finishTrial({
          trial_index_in_session: trial.trial.index,
          answer,
          rt: Math.round(performance.now() - t0),
          trial_started_at: startedAt.toISOString(),
          client_timestamp: new Date().toISOString(),
        });
      },
    });
    displayElement.querySelector('h2')?.focus?.();
  }
}
