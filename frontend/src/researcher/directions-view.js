// Direction files (the Models page's "Direction files" section): a researcher's own latent directions for
// `stimuli.directions.imported` — a .npy [count, dim] or a CSV of `label,v1,…,vn` rows — uploaded, checked by
// the server as the pipeline will read them, listed with the `imported:` line a study file names them by, and
// deleted after a confirmation.
import { h, replaceChildren } from '../shared/dom.js';
import { fmtTime } from './format.js';
import { copyField } from './copy-field.js';
import { confirmDialog } from './confirm-dialog.js';

/** "smile, age, pose and 7 more": the first `shown` labels of a file. */
export function labelsSummary(labels, shown = 4) {
  if (!labels.length) return '–';
  const first = labels.slice(0, shown).join(', ');
  return labels.length > shown ? `${first} and ${labels.length - shown} more` : first;
}

/** "3 directions of 64 values" (which latent size the file fits). */
export function vectorsText(file) {
  return `${file.count} ${file.count === 1 ? 'direction' : 'directions'} of ${file.dim} values`;
}

/** 2 048 bytes → "2.0 KiB". */
export function bytesText(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The line a study file imports the file with (under the model's `stimuli.directions`). */
export function importedLine(file) {
  return `imported: ${file.path}`;
}

function fileCard(file, onDelete) {
  const heading = `directions-${file.id}`;
  return h('article', { class: 'direction-file', dataset: { directionsId: String(file.id) }, 'aria-labelledby': heading },
    h('h3', { id: heading, text: file.fileName }),
    h('dl', { class: 'facts' },
      [['Vectors', vectorsText(file)], ['Labels', labelsSummary(file.labels)], ['Size', bytesText(file.bytes)],
        ['Uploaded', `${fmtTime(file.uploadedAt)} by ${file.uploadedBy}`]]
        .map(([k, v]) => h('div', {}, h('dt', { text: k }), h('dd', { text: v })))),
    copyField('In a study file (stimuli.directions)', importedLine(file), { what: `the imported line of ${file.fileName}` }),
    h('button', {
      type: 'button', class: 'danger', 'aria-haspopup': 'dialog', text: 'Delete…', 'aria-label': `Delete ${file.fileName}…`,
      onclick: () => confirmDialog({
        id: 'delete-directions',
        title: `Delete ${file.fileName}?`,
        items: [
          `Removes ${file.fileName} (${vectorsText(file)}) from this server.`,
          'Study files that import it no longer validate or compute; stimuli already computed from it are kept.',
        ],
        confirmLabel: 'Delete file',
        onConfirm: () => onDelete(file),
      }),
    }));
}

/** The section: upload form, status line and the list of stored files. */
export function directionFilesSection(api) {
  const list = h('div', { class: 'direction-files', 'aria-live': 'polite' }, h('p', { text: 'Loading direction files…' }));
  const file = h('input', { id: 'directions-file', type: 'file', accept: '.npy,.csv,text/csv', 'aria-describedby': 'directions-hint' });
  // A .npy carries no names: its labels come from a text file, one per line, sent with it.
  const labels = h('input', { id: 'directions-labels', type: 'file', accept: '.txt,text/plain', 'aria-describedby': 'directions-labels-hint' });
  const status = h('p', { id: 'directions-status', class: 'hint', role: 'status' });

  async function refresh() {
    try {
      const files = await api.directionFiles();
      replaceChildren(list, files.length ? files.map((f) => fileCard(f, remove)) : h('p', { text: 'No direction file uploaded yet.' }));
    } catch (e) {
      replaceChildren(list, h('p', { class: 'error', role: 'alert', text: e.message }));
    }
  }

  async function remove(f) {
    try {
      await api.deleteDirectionFile(f.id);
      status.textContent = `${f.fileName} is deleted.`;
    } catch (e) {
      status.textContent = `Not deleted: ${e.message}`;
    }
    await refresh();
    file.focus();
  }

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const named = chosen.name.toLowerCase().endsWith('.npy') ? labels.files?.[0] ?? null : null;
    status.textContent = `Checking ${chosen.name}${named ? ` with the labels in ${named.name}` : ''}…`;
    try {
      const stored = await api.uploadDirectionFile(chosen, named);
      status.textContent = `${stored.fileName} is checked and stored: ${vectorsText(stored)}.`;
      await refresh();
    } catch (e) {
      status.textContent = `Upload refused: ${e.message}`;
    } finally {
      file.value = '';
      labels.value = '';
    }
  });

  refresh();
  return h('section', { class: 'card wide', 'aria-labelledby': 'directions-h' },
    h('h2', { id: 'directions-h', text: 'Direction files' }),
    h('p', { id: 'directions-hint', class: 'hint', text: 'Your own latent directions for a study\'s imported axes (axes.imported): a .npy array [count, size] or a CSV with one direction per row, optionally led by its label (smile,0.01,-0.2,…). The server reads every vector as the stimulus pipeline will (numbers, finite, not all zero, one size) before it keeps the file; a study then names it by the line below, and its vectors must have the model\'s latent size.' }),
    h('label', { for: 'directions-labels', text: 'Labels for a .npy (optional, .txt)' }), labels,
    h('p', { id: 'directions-labels-hint', class: 'hint', text: 'One label per line, one line per vector; choose it before the .npy. Without it a .npy\'s vectors are named <file>-1, <file>-2, …' }),
    h('label', { for: 'directions-file', text: 'Directions (.npy or .csv)' }), file, status,
    list);
}
