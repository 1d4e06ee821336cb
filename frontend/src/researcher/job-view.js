// A precompute job in the study editor: "Compute stimuli" submits the study file, then the job is polled
// (GET /stimulus-jobs/{id}) for its progress, ETA and state until it ends; "Cancel" ends it; the log shows
// the end of geometry-core's output. The caller hears when the job's bundle is ready.
import { h } from '../shared/dom.js';

const POLL_MS = 1500;

/** `12:05` or `1:02:05` for a number of seconds. */
export function clock(seconds) {
  const s = Math.max(0, Math.round(seconds));
  const hms = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60];
  return hms[0] > 0 ? `${hms[0]}:${String(hms[1]).padStart(2, '0')}:${String(hms[2]).padStart(2, '0')}` : `${hms[1]}:${String(hms[2]).padStart(2, '0')}`;
}

/** One line for a job's progress, as the CLI's progress bar says it. */
export function progressText(progress) {
  if (!progress) return 'Starting: loading the generator…';
  const left = progress.etaSeconds === null || progress.etaSeconds === undefined
    ? 'time left not known yet'
    : `about ${clock(progress.etaSeconds)} left${progress.etaLowerBound ? ' (at least)' : ''}`;
  return `${progress.done} of ${progress.total} steps · ${clock(progress.elapsedSeconds)} elapsed · ${left}${progress.what ? ` · ${progress.what}` : ''}`;
}

/**
 * The panel. `getYaml()` gives the study file to compute; `onBundle(bundleId)` is called when a job
 * succeeded. Returns { element, setEnabled(bool), stop() }.
 */
export function jobPanel(api, { getYaml, onBundle }) {
  let timer = null;
  let stopped = false;
  let job = null;
  const compute = h('button', { type: 'button', text: 'Compute stimuli', onclick: submit });
  const bar = h('progress', { id: 'job-progress', max: '1', value: '0', hidden: true, 'aria-label': 'Computing stimuli' });
  const line = h('p', { id: 'job-status', class: 'hint', 'aria-live': 'polite' });
  const cancel = h('button', { type: 'button', text: 'Cancel', hidden: true, onclick: cancelJob });
  const log = h('pre', { class: 'job-log', tabindex: '0', 'aria-label': 'Job log' });
  const logDetails = h('details', { class: 'job-log-details', hidden: true }, h('summary', { text: 'Log' }), log);
  logDetails.addEventListener('toggle', () => { if (logDetails.open) refreshLog(); });

  async function submit() {
    compute.disabled = true;
    line.textContent = 'Submitting…';
    try {
      show(await api.submitJob(getYaml()));
    } catch (e) {
      line.textContent = `The job could not start: ${e.message}`;
      compute.disabled = false;
    }
  }

  async function cancelJob() {
    if (!job) return;
    try {
      show(await api.cancelJob(job.id));
    } catch (e) {
      line.textContent = `The job could not be cancelled: ${e.message}`;
    }
  }

  async function refreshLog() {
    if (!job) return;
    try {
      log.textContent = await api.jobLog(job.id);
      log.scrollTop = log.scrollHeight;
    } catch (e) {
      log.textContent = `The log could not be loaded: ${e.message}`;
    }
  }

  function show(view) {
    job = view;
    clearTimeout(timer);
    const active = view.state === 'queued' || view.state === 'running';
    logDetails.hidden = false;
    cancel.hidden = !active;
    bar.hidden = !active;
    compute.disabled = active;
    if (view.progress && view.progress.total > 0) bar.value = view.progress.done / view.progress.total;
    else bar.removeAttribute('value'); // indeterminate until the first report
    if (view.state === 'queued') line.textContent = `Job ${view.id} is waiting for a free worker…`;
    else if (view.state === 'running') line.textContent = `Job ${view.id}: ${progressText(view.progress)}`;
    else if (view.state === 'succeeded') {
      line.textContent = `Job ${view.id} finished: its stimuli are bundle ${view.bundle}, every checksum verified.`;
      onBundle(view.bundle);
    } else if (view.state === 'failed') {
      line.textContent = `Job ${view.id} failed: ${view.failure}`;
      logDetails.open = true;
    } else line.textContent = `Job ${view.id} was cancelled.`;
    if (logDetails.open) refreshLog();
    if (active && !stopped) timer = setTimeout(poll, POLL_MS);
  }

  async function poll() {
    try {
      show(await api.job(job.id));
    } catch (e) {
      line.textContent = `Progress could not be loaded (retrying): ${e.message}`;
      if (!stopped) timer = setTimeout(poll, POLL_MS * 2);
    }
  }

  const element = h('div', { class: 'job-panel' },
    h('h3', { text: 'Or compute them on this server' }),
    h('p', { class: 'hint', text: 'Runs geometry-core\'s pipeline here, for the models this file names (their cards must be on the server). The demo template takes about a minute on a CPU; large generators need a GPU machine: compute there and upload the bundle.' }),
    h('div', { class: 'job-actions' }, compute, cancel), bar, line, logDetails);
  return {
    element,
    setEnabled(enabled) {
      if (!job || !(job.state === 'queued' || job.state === 'running')) compute.disabled = !enabled;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
