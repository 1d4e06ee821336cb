// The non-trial pages of the experiment, built as DOM nodes (see page-plugin.js) or, for jsPsych's
// instructions plugin, as HTML strings made only of escaped text.
import { h, escapeHtml, textToHtmlParagraphs } from '../shared/dom.js';
import { isHttpUrl } from './launch-params.js';
import { withRetryNotice } from './connection.js';

/**
 * A study text (consent, instructions, debrief) as the server rendered it from Markdown
 * (participant.service.StudyText: raw HTML escaped, only http(s)/mailto links, no images); the plain text
 * split into paragraphs when no rendering came (an older server, the unit tests).
 */
function studyText(html, text, attrs = {}) {
  if (typeof html !== 'string') return paragraphs(text);
  const box = h('div', { class: 'study-text', ...attrs });
  box.innerHTML = html;
  return box;
}

function paragraphs(text) {
  return String(text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => h('p', { text: p }));
}

/** Consent: the study description, a checkbox and "I agree". In preview everything is disabled. */
export function consentPage(study, { disabled = false, onAgree }) {
  return (container, done) => {
    const box = h('input', { type: 'checkbox', id: 'consent-check', disabled });
    const agree = h('button', { type: 'submit', class: 'jspsych-btn primary', disabled: true, text: 'I agree, start' });
    const status = h('p', { class: 'error', role: 'alert', hidden: true });
    box.addEventListener('change', () => { agree.disabled = disabled || !box.checked; });
    const form = h('form', { class: 'page consent', 'aria-labelledby': 'consent-heading' },
      h('h1', { id: 'consent-heading', text: study.title }),
      h('h2', { text: 'Consent to take part' }),
      paragraphs(study.description),
      // The study's own consent text, or the platform's (the server decides: participant.service.ConsentText).
      studyText(study.html?.consent, study.consent),
      study.compensation ? h('p', { class: 'compensation' }, h('strong', { text: 'Compensation: ' }), study.compensation) : null,
      h('p', {}, h('label', { for: 'consent-check', class: 'choice consent-choice' }, box, h('span', { text: 'I have read the above and agree to take part.' }))),
      status, agree);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (disabled || !box.checked) return;
      agree.disabled = true;
      status.hidden = true;
      try {
        await withRetryNotice(form, 'Your consent could not be recorded', onAgree);
        done({ consent: true });
      } catch (e) {
        status.hidden = false;
        status.textContent = `Could not record your consent: ${e.message}. Please try again.`;
        agree.disabled = false;
      }
    });
    container.append(form);
  };
}

function exampleStripHtml(trial) {
  const strip = trial?.strips?.[0];
  if (!strip) return '';
  const imgs = strip.frames
    .map((f, i) => `<img class="frame" src="${escapeHtml(f.url)}" alt="Example image, frame ${i + 1} of ${strip.frames.length}">`)
    .join('');
  return `<figure class="strip example" style="--frames:${strip.frames.length}"><div class="frames">${imgs}</div>
<figcaption>One row: the same image, moved step by step along one direction (left to right).</figcaption></figure>`;
}

/** Pages for jsPsych's instructions plugin: the study's own text, then a worked example. */
export function instructionPages(study, exampleTrial, hasPractice) {
  const presentation = study.presentation === 'animation'
    ? 'Each of the five images plays as a short animation that moves back and forth along one direction.'
    : 'Each of the five rows shows one image in several steps, from left to right, moved along one direction.';
  return [
    `<div class="page"><h1>Instructions</h1>${typeof study.html?.instructions === 'string' ? study.html.instructions : textToHtmlParagraphs(study.instructions)}
<p>${escapeHtml(presentation)} All five are moved along the <em>same</em> direction.</p>
<p>For every screen you answer: (a) whether you see a change; if you do, (b) how large it is, (c) what the common change is, (d) how many of the five images show it and (e) how similar the five changes are; and always (f) how difficult it was to judge.</p></div>`,
    `<div class="page"><h2>A worked example</h2>${exampleStripHtml(exampleTrial)}
<ol class="worked">
<li>(a) You see the image change from left to right: answer <strong>Yes</strong>.</li>
<li>(b) The change is clearly visible but not extreme: move the slider to about <strong>60 %</strong>.</li>
<li>(c) Describe what changes in a few words, e.g. <q>the shape gets rounder and darker</q>.</li>
<li>(d) Count how many of the five rows show the same kind of change, e.g. <strong>4</strong>.</li>
<li>(e) If the five rows change in much the same way, pick a high number such as <strong>7</strong>.</li>
<li>(f) If the change was easy to put into words, pick a low number such as <strong>3</strong>.</li>
</ol>
<p>If you see no change at all, answer <strong>No</strong> and rate only (f).</p></div>`,
    `<div class="page"><h2>Ready</h2><p>${hasPractice ? 'Next comes one practice screen; its answers are not recorded. Then the study begins.' : 'The study begins on the next screen.'}</p>
<p>Your answers are saved as soon as you give them. If the page is reloaded, you continue where you stopped.</p></div>`,
  ];
}

/** The study's instructions and what is asked, as DOM (the MTurk preview shows them on one page). */
export function instructionsSummary(study) {
  return h('section', { class: 'page instructions-summary', 'aria-labelledby': 'instructions-heading' },
    h('h2', { id: 'instructions-heading', text: 'Instructions' }),
    studyText(study.html?.instructions, study.instructions),
    h('p', { text: 'For every screen you answer whether you see the images change; if you do, how large the change is, '
      + 'what it is, how many of the five images show it and how similar the changes are; and always how difficult it was to judge.' }),
    h('p', { text: `There are ${study.trials} screens${study.practiceTrial ? ', after one practice screen' : ''}.` }));
}

export function welcomeBackPage(study, nextIndex, total) {
  return (container, done) => {
    const go = h('button', { type: 'button', class: 'jspsych-btn primary', text: 'Continue', onclick: () => done({}) });
    container.append(h('div', { class: 'page' },
      h('h1', { text: study.title }),
      h('h2', { text: 'Welcome back' }),
      h('p', { text: `Your earlier answers are saved. You continue with screen ${nextIndex + 1} of ${total}.` }),
      go));
    go.focus();
  };
}

/**
 * Shown while the last answers are sent and the session is finished. `finishSession(say, container)` resolves
 * with the completion; while it waits for the network it shows its own notice in `container`.
 */
export function savingPage(finishSession, onError) {
  return (container, done) => {
    const msg = h('p', { role: 'status', id: 'saving-status', text: 'Saving your answers…' });
    const page = h('div', { class: 'page saving' }, h('h2', { text: 'Thank you' }), msg);
    container.append(page);
    finishSession((text) => { msg.textContent = text; }, page)
      .then((completion) => done({ completion }), (error) => onError(error));
  };
}

/** The debrief with the completion code, the MTurk submit form or the Prolific redirect. */
export function debriefPage(study, completion, { redirect = (url) => globalThis.location.assign(url), redirectDelayMs = 2500, withdraw = null } = {}) {
  return (container) => {
    let redirectTimer = null;
    const page = h('div', { class: 'page debrief', 'data-completion-kind': completion.kind },
      h('h1', { text: 'Thank you for taking part!' }),
      h('p', { text: `You have completed "${study.title}".` }),
      study.debrief ? studyText(study.html?.debrief, study.debrief) : null);
    if (completion.kind === 'preview') {
      page.append(h('p', { text: 'This was a preview: nothing was stored. A participant sees their completion code (or goes back to Mechanical Turk or Prolific) here.' }));
    } else if (completion.kind === 'mturk') {
      const form = completion.form ?? {};
      if (!isHttpUrl(form.action)) {
        page.append(h('p', { class: 'error', text: 'The submission address for Mechanical Turk is invalid. Please contact the requester with this code: ' }),
          h('p', { class: 'code', text: completion.code ?? '' }));
      } else {
        page.append(h('p', { text: 'Press the button to submit the HIT to Mechanical Turk.' }),
          h('form', { method: 'POST', action: form.action, id: 'mturk-submit', enctype: 'application/x-www-form-urlencoded' },
            Object.entries(form.fields ?? {}).map(([name, value]) => h('input', { type: 'hidden', name, value: String(value ?? '') })),
            h('button', { type: 'submit', class: 'jspsych-btn primary', text: 'Submit HIT' })));
      }
    } else if (completion.kind === 'prolific' && isHttpUrl(completion.redirectUrl)) {
      page.append(h('p', { text: 'Your completion code is:' }), h('p', { class: 'code', text: completion.code ?? '' }),
        h('p', { role: 'status', text: 'Taking you back to Prolific… ' }, h('a', { href: completion.redirectUrl, id: 'prolific-link', text: 'Continue to Prolific' })));
      redirectTimer = setTimeout(() => redirect(completion.redirectUrl), redirectDelayMs);
    } else {
      page.append(h('p', { text: 'Your completion code is:' }), h('p', { class: 'code', id: 'completion-code', text: completion.code ?? '' }),
        h('p', { text: 'Copy this code into the platform that sent you here.' }));
    }
    if (completion.withdrawalCode && withdraw) {
      // Reading about withdrawal must not be cut short by the Prolific redirect.
      page.append(withdrawalSection(completion.withdrawalCode, withdraw, { onOpen: () => clearTimeout(redirectTimer) }));
    }
    container.append(page);
  };
}

/** What withdrawing does, said the same way on the completion page and on the withdrawal page. */
const WITHDRAW_EFFECT = 'Your answers and everything else stored about you in this study are deleted. This cannot be undone.';

/**
 * The participant's withdrawal code, and a button that withdraws now after a confirmation
 * (`withdraw(code)` resolves when the server has deleted the data).
 */
export function withdrawalSection(code, withdraw, { onOpen = () => {} } = {}) {
  const status = h('p', { role: 'status', id: 'withdraw-status' });
  const confirmBox = h('div', { class: 'withdraw-confirm', id: 'withdraw-confirm', hidden: true },
    h('p', { text: `Withdraw from this study? ${WITHDRAW_EFFECT}` }));
  const open = h('button', { type: 'button', class: 'jspsych-btn', id: 'withdraw-open', text: 'Withdraw from this study…' });
  const yes = h('button', { type: 'button', class: 'jspsych-btn danger', id: 'withdraw-confirm-button', text: 'Yes, delete my answers' });
  const no = h('button', { type: 'button', class: 'jspsych-btn', text: 'Cancel' });
  confirmBox.append(h('p', { class: 'actions' }, yes, ' ', no));
  open.addEventListener('click', () => { onOpen(); confirmBox.hidden = false; open.hidden = true; yes.focus(); });
  no.addEventListener('click', () => { confirmBox.hidden = true; open.hidden = false; open.focus(); });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    status.textContent = 'Deleting your answers…';
    try {
      await withdraw(code);
      confirmBox.hidden = true;
      status.textContent = 'You have withdrawn. Your answers have been deleted.';
    } catch (e) {
      yes.disabled = false;
      status.textContent = `Could not withdraw: ${e.message}. Please try again, or keep your code and use it later.`;
    }
  });
  return h('section', { class: 'withdrawal', 'aria-labelledby': 'withdrawal-heading' },
    h('h2', { id: 'withdrawal-heading', text: 'Changed your mind?' }),
    h('p', { text: 'Your withdrawal code is:' }),
    h('p', { class: 'code', id: 'withdrawal-code', text: code }),
    h('p', {}, 'Keep it: with it you can withdraw now or later at ',
      h('a', { href: '/study/?withdraw', text: `${globalThis.location?.origin ?? ''}/study/?withdraw` }), '.'),
    open, confirmBox, status);
}

/** `/study/?withdraw`: a participant enters their withdrawal code and confirms. */
export function withdrawPage(withdraw) {
  const input = h('input', { type: 'text', id: 'withdraw-code-input', name: 'code', autocomplete: 'off', spellcheck: 'false',
    required: true, 'aria-describedby': 'withdraw-help' });
  const confirmBox = h('input', { type: 'checkbox', id: 'withdraw-understood', required: true });
  const status = h('p', { role: 'status', id: 'withdraw-status' });
  const button = h('button', { type: 'submit', class: 'jspsych-btn danger', text: 'Withdraw and delete my answers' });
  const form = h('form', { class: 'page withdraw', 'aria-labelledby': 'withdraw-heading' },
    h('h1', { id: 'withdraw-heading', text: 'Withdraw from a study' }),
    h('p', { id: 'withdraw-help', text: 'Enter the withdrawal code your completion page showed (like 1042-K7Q4X9PM2D).' }),
    h('p', {}, h('label', { for: 'withdraw-code-input', text: 'Withdrawal code' }), input),
    h('p', {}, h('label', { for: 'withdraw-understood', class: 'choice' }, confirmBox, h('span', { text: WITHDRAW_EFFECT }))),
    h('p', {}, button), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    status.textContent = 'Deleting your answers…';
    try {
      await withdraw(input.value.trim());
      status.textContent = 'You have withdrawn. Your answers have been deleted.';
      input.disabled = true;
    } catch (e) {
      button.disabled = false;
      status.textContent = e?.status === 404 ? 'This code is not known. Please check it and try again.' : `Could not withdraw: ${e.message}`;
    }
  });
  return form;
}

/**
 * A session whose time limit passed: says so before anything else and offers only what the server would
 * accept (`advice` from expired.js): a button that starts a new session, or what to do on the crowd platform.
 */
export function expiredPage(study, advice, onStartAgain) {
  const page = h('div', { class: 'page message expired', id: 'session-expired' },
    h('h1', { text: study.title }),
    h('h2', { text: 'The time limit for this session has passed' }),
    advice.paragraphs.map((text) => h('p', { text })));
  if (advice.startAgain) {
    const again = h('button', { type: 'button', class: 'jspsych-btn primary', id: 'start-again', text: 'Start a new session' });
    again.addEventListener('click', () => {
      again.disabled = true;
      onStartAgain();
    });
    page.append(again);
  }
  return page;
}

export function messagePage(title, text) {
  return h('div', { class: 'page message', role: 'alert' }, h('h1', { text: title }), h('p', { text }));
}
