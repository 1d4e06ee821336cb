import { h } from '../shared/dom.js';

/**
 * Asks before an action that cannot be undone, in a modal dialog that says what it does (`items`, one
 * list entry each). Cancel has the focus, so Enter or Escape changes nothing; `onConfirm` runs only when
 * the confirm button was pressed.
 */
export function confirmDialog({ id, title, items, confirmLabel, onConfirm }) {
  const dialog = h('dialog', { class: 'confirm', id, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-what` },
    h('h2', { id: `${id}-title`, text: title }),
    h('ul', { id: `${id}-what` }, items.map((text) => h('li', { text }))),
    h('form', { method: 'dialog', class: 'confirm-actions' },
      h('button', { type: 'submit', value: 'cancel', autofocus: true, text: 'Cancel' }),
      h('button', { type: 'submit', value: 'confirm', class: 'danger', text: confirmLabel })));
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (dialog.returnValue === 'confirm') onConfirm();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
