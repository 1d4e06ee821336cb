// A read-only text with a copy button: the recruitment texts, a model's card path.
import { h } from '../shared/dom.js';

let fieldCount = 0;

/** A read-only text block with a label and a copy button (named "Copy <what>" for screen readers) whose result is announced. */
export function copyField(label, value, { rows = 1, what = label } = {}) {
  fieldCount += 1;
  const id = `copy-field-${fieldCount}`;
  const status = h('span', { class: 'hint copy-status', role: 'status' });
  const field = rows > 1
    ? h('textarea', { id, readonly: true, rows: String(rows), spellcheck: 'false', text: value })
    : h('input', { id, type: 'text', readonly: true, value, spellcheck: 'false' });
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      status.textContent = 'Copied.';
    } catch {
      // No clipboard permission (an http page, an old browser): leave the text selected to copy by hand.
      field.focus();
      field.select();
      status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  }
  return h('div', { class: 'copy-field' },
    h('label', { for: id, text: label }),
    field,
    h('div', { class: 'copy-actions' }, h('button', { type: 'button', 'aria-label': `Copy ${what}`, text: 'Copy', onclick: copy }), status));
}
