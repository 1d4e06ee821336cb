// The "Recruit participants" section: what to paste into MTurk and Prolific, each with a copy button.
import { h } from '../shared/dom.js';
import { copyField } from './copy-field.js';

/** Renders the recruitment texts returned by `GET /recruitment`. */
export function recruitmentView(r) {
  return [
    r.warnings.length
      ? h('div', { class: 'warning', role: 'note' }, h('p', { text: 'Before recruiting:' }), h('ul', {}, r.warnings.map((w) => h('li', { text: w }))))
      : null,
    copyField('Participant link', r.participantUrl),
    h('h3', { text: 'Amazon Mechanical Turk' }),
    h('p', { class: 'hint', text: r.mturk.instructions }),
    copyField('ExternalQuestion XML', r.mturk.externalQuestion, { rows: 5 }),
    h('h3', { text: 'Prolific' }),
    h('p', { class: 'hint', text: r.prolific.instructions }),
    copyField('Study URL', r.prolific.studyUrl),
    copyField('Completion code', r.prolific.completionCode),
  ];
}
