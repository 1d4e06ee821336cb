// A study's participants (#/study/{id}, "Participants"): the sessions table with platform ids masked unless an
// editor shows them, excluding a session with a reason (the analysis leaves it out; exports keep it), the
// MTurk/Prolific payout files, and deleting a participant's data by platform id or withdrawal code, with the
// deletion log. The server decides who may do what (StudyAccess); the page hides what the caller cannot use.
import { h, replaceChildren } from '../shared/dom.js';
import { fmtTime } from './format.js';
import { confirmDialog } from './confirm-dialog.js';

function duration(seconds) {
  if (typeof seconds !== 'number') return '–';
  const m = Math.floor(seconds / 60);
  return m > 0 ? `${m} min ${seconds % 60} s` : `${seconds} s`;
}

function countedAs(p) {
  if (p.exclusion) return `excluded: ${p.exclusion.reason}`;
  if (p.catchExcluded) return 'excluded by the catch-trial rule';
  if (p.pilot) return 'pilot (not analysed)';
  return 'analysed';
}

/** The payout files: which platform, what each holds. */
const PAYOUTS = [
  ['mturk-review.csv', 'MTurk review (approve / reject)', false],
  ['mturk-bonus.csv', 'MTurk bonuses (for aws mturk send-bonus)', true],
  ['prolific-approve.txt', 'Prolific bulk approve', false],
  ['prolific-reject.csv', 'Prolific rejections with reasons', false],
  ['prolific-bonus.csv', 'Prolific bulk bonus', true],
];

/**
 * Renders into `container`. `canEdit` (editor, owner or admin) shows ids, exclusion and deletion;
 * `onAnalysisChange` runs after an exclusion or deletion changed what the analysis counts.
 */
export function participantsSection(container, api, studyId, { canEdit, onAnalysisChange = () => {} }) {
  let revealIds = false;
  const status = h('p', { class: 'hint', role: 'status', id: 'participants-status' });
  const tableBox = h('div', {}, h('p', { text: 'Loading participants…' }));
  const logBox = h('div', {});

  async function act(label, call) {
    status.textContent = `${label}…`;
    try {
      await call();
      status.textContent = `${label}: done.`;
      await load();
      onAnalysisChange();
    } catch (e) {
      status.textContent = `${label} failed: ${e.message}`;
    }
  }

  function excludeForm(p) {
    const reasonId = `exclude-reason-${p.id}`;
    const reason = h('input', { id: reasonId, required: true, maxlength: 500, autocomplete: 'off' });
    const form = h('form', { class: 'inline-form', 'aria-label': `Exclude session ${p.id}` },
      h('label', { for: reasonId, class: 'visually-hidden', text: `Why session ${p.id} is excluded` }),
      reason, h('button', { type: 'submit', text: 'Exclude' }));
    reason.placeholder = 'reason';
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      act(`Excluding session ${p.id}`, () => api.excludeSession(studyId, p.id, reason.value.trim()));
    });
    return form;
  }

  function render(list) {
    const head = ['Session', 'Source', 'Platform id', 'State', 'Started', 'Finished', 'Answered', 'Catch failed', 'Duration', 'Counted', canEdit ? 'Action' : null]
      .filter(Boolean).map((t) => h('th', { scope: 'col', text: t }));
    const rows = list.map((p) => h('tr', { dataset: { session: p.id }, class: p.exclusion ? 'excluded' : null },
      h('th', { scope: 'row', text: String(p.id) }),
      h('td', { text: p.source }),
      h('td', {}, p.externalId ? h('code', { text: p.externalId }) : '–'),
      h('td', { text: p.state }),
      h('td', { text: fmtTime(p.startedAt) }),
      h('td', { text: fmtTime(p.finishedAt) }),
      h('td', { text: `${p.answered} / ${p.trials}` }),
      h('td', { text: String(p.catchFailed) }),
      h('td', { text: duration(p.durationSeconds) }),
      h('td', { text: countedAs(p) }),
      canEdit ? h('td', {}, p.exclusion
        ? h('button', { type: 'button', text: 'Include again', onclick: () => act(`Including session ${p.id}`, () => api.includeSession(studyId, p.id)) })
        : excludeForm(p)) : null));
    replaceChildren(tableBox, list.length === 0
      ? h('p', { text: 'No participant has started this study yet.' })
      : h('div', { class: 'table-wrap' }, h('table', { class: 'participants' },
        h('caption', { class: 'visually-hidden', text: 'Participant sessions of this study' }),
        h('thead', {}, h('tr', {}, head)), h('tbody', {}, rows))));
  }

  async function load() {
    try {
      render(await api.participants(studyId, revealIds));
    } catch (e) {
      replaceChildren(tableBox, h('p', { class: 'error', role: 'alert', text: `Participants could not be loaded: ${e.message}` }));
    }
    if (canEdit) loadLog();
  }

  async function loadLog() {
    try {
      const log = await api.deletions(studyId);
      replaceChildren(logBox, log.length === 0 ? h('p', { class: 'hint', text: 'Nothing has been deleted from this study.' })
        : h('ul', { class: 'deletion-log' }, log.map((d) => h('li', {
          text: `${fmtTime(d.deletedAt)}: ${d.actor === 'participant' ? 'a participant withdrew' : `${d.actor} deleted a participant`} (by ${d.matchedBy}; ${d.sessions} session${d.sessions === 1 ? '' : 's'}, ${d.responses} answers)` }))));
    } catch (e) {
      replaceChildren(logBox, h('p', { class: 'error', text: `The deletion log could not be loaded: ${e.message}` }));
    }
  }

  const parts = [h('p', { class: 'hint', text: 'Platform ids are masked; excluded sessions stay in the exports (with the reason) and are left out of every analysis.' })];
  if (canEdit) {
    const reveal = h('input', { type: 'checkbox', id: 'reveal-ids' });
    reveal.addEventListener('change', () => { revealIds = reveal.checked; load(); });
    parts.push(h('p', {}, h('label', { for: 'reveal-ids', class: 'choice' }, reveal, ' Show platform ids')));
  }
  parts.push(tableBox, status);
  if (canEdit) parts.push(payoutsBlock(api, studyId), deletionBlock(), h('h3', { text: 'Deletion log' }), logBox);
  replaceChildren(container, ...parts);
  load();

  function deletionBlock() {
    const kind = h('select', { id: 'delete-by' },
      h('option', { value: 'externalId', text: 'MTurk worker id or Prolific id' }),
      h('option', { value: 'withdrawalCode', text: 'withdrawal code' }));
    const value = h('input', { id: 'delete-value', required: true, autocomplete: 'off' });
    const form = h('form', { class: 'member-form', id: 'delete-participant', 'aria-labelledby': 'delete-h' },
      h('div', { class: 'field' }, h('label', { for: 'delete-by', text: 'Find the participant by' }), kind),
      h('div', { class: 'field' }, h('label', { for: 'delete-value', text: 'Id or code' }), value),
      h('button', { type: 'submit', class: 'danger', text: 'Delete…' }));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const v = value.value.trim();
      if (!v) return;
      confirmDialog({
        id: 'confirm-deletion',
        title: 'Delete this participant\'s data?',
        items: ['Every session of this participant in this study is deleted, with all their answers.',
          'It disappears from the analysis and from every later export; exports already downloaded are not changed.',
          'The deletion log keeps who did it and when, nothing about the participant.', 'This cannot be undone.'],
        confirmLabel: 'Delete their data',
        onConfirm: () => act('Deleting the participant\'s data', async () => {
          await api.deleteParticipant(studyId, { [kind.value]: v });
          value.value = '';
        }),
      });
    });
    return h('div', {}, h('h3', { id: 'delete-h', text: 'Delete a participant\'s data' }),
      h('p', { class: 'hint', text: 'When a participant asks for their data to be deleted: name them by their platform id, or by the withdrawal code their completion page showed.' }),
      form);
  }
}

function payoutsBlock(api, studyId) {
  const amount = h('input', { id: 'bonus-amount', inputmode: 'decimal', value: '0.50', size: 6 });
  const links = PAYOUTS.map(([file, label, bonus]) => {
    const a = h('a', { class: 'button', download: '', href: api.payoutUrl(studyId, file), text: label });
    if (bonus) a.addEventListener('click', () => { a.href = api.payoutUrl(studyId, file, amount.value.trim()); });
    return a;
  });
  return h('div', {}, h('h3', { text: 'Payouts' }),
    h('p', { class: 'hint', text: 'Finished sessions only. Approved: not excluded; rejected: excluded by you or by the catch-trial rule, with the reason. Bonuses go to every approved participant.' }),
    h('p', { class: 'field' }, h('label', { for: 'bonus-amount', text: 'Bonus per approved participant' }), ' ', amount),
    h('div', { class: 'export-links' }, links));
}
