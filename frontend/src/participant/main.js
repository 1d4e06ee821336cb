// The participant experiment: consent → instructions with a worked example → practice → trials → debrief.
// Entry point of the participant page (index.html, served at /study/{slug}).
import { initJsPsych } from 'jspsych';
import InstructionsPlugin from '@jspsych/plugin-instructions';
import '../shared/base.css';
import './jspsych-layout.css';
import './participant.css';
import { h, replaceChildren } from '../shared/dom.js';
import { RetryQueue } from '../shared/retry-queue.js';
import { parseLaunchParams } from './launch-params.js';
import { participantApi, startRequest, clientInfo } from './api.js';
import { previewApi } from './preview-api.js';
import { SessionStore, queueKey, WITHDRAWN } from './session-store.js';
import { resumeIndex } from './resume.js';
import { toRequestBody } from './response.js';
import { PagePlugin } from './page-plugin.js';
import { EigenTrialPlugin } from './trial-plugin.js';
import { consentPage, instructionPages, instructionsSummary, welcomeBackPage, savingPage, debriefPage, messagePage, expiredPage, withdrawPage } from './pages.js';
import { expiredAdvice } from './expired.js';
import { withRetryNotice } from './connection.js';
import { preloadImages } from './preload.js';
import { renderTrial } from './trial-view.js';

// Replaced by previewApi for a researcher's preview (main), which stores nothing.
let api = participantApi();
const root = document.getElementById('app');
const store = new SessionStore({ local: globalThis.localStorage, session: globalThis.sessionStorage });

function fail(title, text) {
  replaceChildren(root, messagePage(title, text));
  document.title = `${title} – Eigenstudy`;
}

function allFrameUrls(trial) {
  return (trial?.strips ?? []).flatMap((s) => s.frames.map((f) => f.url));
}

/** MTurk preview: the task is visible, every input disabled; nothing is started or stored. */
async function showPreview(slug) {
  const { study, example } = await withRetryNotice(root, 'The study could not be loaded', () => api.preview(slug));
  document.title = `${study.title} (preview) – Eigenstudy`;
  const notice = h('p', { class: 'notice', role: 'status', id: 'preview-notice',
    text: 'Preview: accept the HIT to begin. Until then you can look, but not answer.' });
  const consent = h('div');
  consentPage(study, { disabled: true, onAgree: async () => {} })(consent, () => {});
  const trial = h('div');
  renderTrial(trial, { trial: example, presentation: study.presentation, heading: 'An example screen', disabled: true });
  replaceChildren(root, h('div', { class: 'preview', 'data-preview': 'true' }, notice, consent, instructionsSummary(study), trial));
  root.querySelectorAll('input, textarea, button, select').forEach((el) => { el.disabled = true; });
}

/** A page that loads a trial's images, retrying (and saying so) until they are all there. */
function imagesPage(urls, loaded) {
  return (container, done) => {
    const page = h('div', { class: 'page loading' }, h('p', { role: 'status', text: 'Loading images…' }));
    container.append(page);
    withRetryNotice(page, 'The images could not be loaded', () => preloadImages(urls, { loaded }),
      { note: 'Your answers so far are kept.' }).then(() => done({}));
  };
}

async function openSession(launch) {
  if (launch.researcherPreview) return { token: 'preview', session: await api.start() };
  const saved = store.load(launch.study, launch.participantKey);
  if (saved === WITHDRAWN) return { withdrawn: true };
  if (saved) {
    try {
      return { token: saved, session: await api.session(saved) };
    } catch (e) {
      if (e.status !== 404) throw e;
      store.forget(launch.study, launch.participantKey);
    }
  }
  const session = await api.start(startRequest(launch, clientInfo()));
  store.save(launch.study, launch.participantKey, session.token);
  return { token: session.token, session };
}

/** The strip at the bottom that says answers are waiting for the connection, with "Try again". */
function saveStatusBanner(retryNow) {
  const text = h('span');
  const again = h('button', { type: 'button', class: 'jspsych-btn', text: 'Try again', onclick: () => retryNow() });
  const el = h('div', { class: 'save-status', role: 'status', id: 'save-status', hidden: true }, text, ' ', again);
  document.body.append(el);
  return (pending, error) => {
    text.textContent = error && pending > 0
      ? `Connection problem: ${pending} answer${pending === 1 ? '' : 's'} waiting in this browser, retrying automatically…` : '';
    el.hidden = text.textContent === '';
  };
}

/**
 * The session timed out: nothing of it can be answered any more, so the page says so at once and offers
 * only what the server accepts. Starting again forgets the old token and its waiting answers (the server
 * would refuse them) and starts a new session with the same launch parameters.
 */
function showExpired(launch, token, session) {
  document.title = `Time limit passed – ${session.study.title} – Eigenstudy`;
  replaceChildren(root, expiredPage(session.study, expiredAdvice(session), () => {
    store.forget(launch.study, launch.participantKey);
    try {
      globalThis.sessionStorage.removeItem(queueKey(token));
    } catch {
      // no storage, no queue to drop
    }
    runStudy(launch).catch(showError);
  }));
}

// Set while a session runs: a refusal because its time limit passed mid-study shows the expired page
// (re-read from the server, so it offers what is allowed now) instead of a dead end.
let onExpired = null;

/**
 * Withdraws with `code` and remembers it in this browser, so that reopening the link shows that the
 * participant withdrew instead of starting (and storing) a new session.
 */
function withdrawer(launch) {
  return async (code) => {
    await api.withdraw(code);
    store.save(launch.study, launch.participantKey, WITHDRAWN);
  };
}

async function runStudy(launch) {
  const opened = await withRetryNotice(root, 'The study could not be loaded', () => openSession(launch));
  if (opened.withdrawn) {
    fail('You have withdrawn from this study', 'Your answers were deleted. There is nothing more to do here.');
    return;
  }
  const { token, session } = opened;
  const study = session.study;
  document.title = `${study.title} – Eigenstudy`;
  if (session.completion) {
    replaceChildren(root);
    debriefPage(study, session.completion, { withdraw: withdrawer(launch) })(root);
    return;
  }
  if (session.state === 'abandoned') {
    showExpired(launch, token, session);
    return;
  }
  onExpired = () => api.session(token).then((now) => showExpired(launch, token, now), (e) => {
    onExpired = null;
    showError(e);
  });

  let queue = null;
  queue = new RetryQueue({
    storage: globalThis.sessionStorage,
    key: queueKey(token),
    send: (item) => api.saveResponse(token, item.id, item.body),
    onChange: saveStatusBanner(() => queue.flush()),
    onDrop: (item, error) => {
      // "already-answered" means an earlier copy of this answer is stored: nothing is lost.
      if (error?.body?.rule === 'already-answered') return;
      if (error?.body?.rule === 'expired' && onExpired) return onExpired();
      fail('Your answer could not be saved', error.message);
    },
  });
  globalThis.addEventListener('online', () => queue.flush());
  queue.flush();

  const total = session.totalTrials;
  const answered = session.trials.filter((t) => t.answered).map((t) => t.index);
  const pending = queue.items().map((i) => i.body.trialIndex);
  const start = resumeIndex(total, answered, pending, session.nextTrialIndex);

  const jsPsych = initJsPsych({
    display_element: root,
    show_progress_bar: true,
    auto_update_progress_bar: false,
    message_progress_bar: 'Progress',
    on_finish: () => {},
  });
  // jsPsych creates the progress bar when the timeline starts running.
  const setProgress = (done) => {
    if (jsPsych.progressBar) jsPsych.progressBar.progress = total ? done / total : 1;
  };
  const timeline = [];
  const loaded = new Map();
  const firstVisit = start === 0 && answered.length === 0 && pending.length === 0;

  if (!session.consentedAt) {
    timeline.push({ type: PagePlugin, render: consentPage(study, { onAgree: () => api.consent(token).catch((e) => {
      // timed out on the consent page: the expired page replaces it (the promise never settles, so the
      // consent form shows no error of its own)
      if (e?.body?.rule === 'expired' && onExpired) return onExpired().then(() => new Promise(() => {}));
      throw e;
    }) }) });
  }
  if (firstVisit) {
    timeline.push({ type: InstructionsPlugin, pages: instructionPages(study, session.practice ?? session.trials[0], Boolean(session.practice)),
      show_clickable_nav: true, allow_keys: true, button_label_next: 'Next', button_label_previous: 'Back' });
    if (session.practice) {
      timeline.push({ type: PagePlugin, render: imagesPage(allFrameUrls(session.practice), loaded) });
      timeline.push({ type: EigenTrialPlugin, trial: session.practice, presentation: study.presentation, heading: 'Practice screen (not recorded)' });
    }
  } else if (start < total) {
    timeline.push({ type: PagePlugin, render: welcomeBackPage(study, start, total) });
  }
  for (let i = start; i < total; i++) {
    const trial = session.trials.find((t) => t.index === i) ?? session.trials[i];
    timeline.push({ type: PagePlugin, render: imagesPage(allFrameUrls(trial), loaded), on_start: () => setProgress(i) });
    timeline.push({
      type: EigenTrialPlugin, trial, presentation: study.presentation, heading: `Screen ${i + 1} of ${total}`,
      on_finish: (data) => {
        queue.enqueue({ id: crypto.randomUUID(), body: toRequestBody(data.answer, {
          trialIndex: trial.index, responseTimeMs: data.rt, trialStartedAt: data.trial_started_at, clientTimestamp: data.client_timestamp }) });
        setProgress(i + 1);
      },
    });
  }
  let completion = null;
  timeline.push({ type: PagePlugin, render: savingPage(async (say, container) => {
    setProgress(total);
    await queue.flush();
    if (queue.pending > 0) say('Waiting for the connection to send your last answers. They are kept in this browser and sent as soon as it is back.');
    await queue.whenEmpty();
    say('Finishing…');
    // The token stays stored: reloading this page, or opening the study link again, shows this completion.
    completion = await withRetryNotice(container, 'The study could not be finished', () => api.finish(token),
      { note: 'All your answers are saved.' });
    return completion;
  }, showError) });
  timeline.push({ type: PagePlugin, render: (container) => debriefPage(study, completion, { withdraw: withdrawer(launch) })(container) });
  timeline[0].on_load = () => setProgress(start);
  await jsPsych.run(timeline);
}

const REFUSALS = {
  repeat: ['You have already taken part', 'Our records show that you already took part in this study, which allows one participation per person.'],
  'study-not-open': ['This study is not open', 'The study is not accepting participants at the moment.'],
  full: ['This study is full', 'The study already has all the participants it needs. Thank you for your interest; please do not start it again.'],
  'not-found': ['Study not found', 'This link does not lead to a study. Please check the link you were given.'],
  expired: ['Time limit passed', 'The time limit for this session passed before it was finished. Please reload the page to see how to go on.'],
  finished: ['Already finished', 'This session is already finished. Thank you!'],
  'rate-limit': ['Too many attempts', 'Please wait a minute and reload the page.'],
};

function showError(e) {
  if (e?.body?.rule === 'expired' && onExpired) return onExpired();
  const known = REFUSALS[e?.body?.rule];
  if (known) fail(...known);
  else fail('Something went wrong', String(e?.message ?? e));
}

async function main() {
  if (new URLSearchParams(location.search).has('withdraw')) {
    document.title = 'Withdraw from a study – Eigenstudy';
    replaceChildren(root, withdrawPage((code) => api.withdraw(code)));
    return;
  }
  const launch = parseLaunchParams(location.search, location.pathname);
  if (!launch.study && (location.pathname === '/' || location.pathname === '/index.html')) {
    replaceChildren(root, h('div', { class: 'page' }, h('h1', { text: 'Eigenstudy' }),
      h('p', { text: 'Participants reach their study through the link they were given.' }),
      h('p', {}, h('a', { href: '/researcher/', text: 'Researcher dashboard' }))));
    return;
  }
  if (!launch.ok) return fail('This link is incomplete', launch.error);
  if (launch.researcherPreview) {
    api = previewApi(launch.researcherPreview);
    document.body.prepend(h('div', { class: 'preview-banner', role: 'note', text: 'Preview as participant: nothing you answer here is stored.' }));
  }
  try {
    if (launch.preview) await showPreview(launch.study);
    else await runStudy(launch);
  } catch (e) {
    showError(e);
  }
}

main();
