// The generators researchers can use (#/models): upload a model (.zip of its card and TorchScript modules,
// which the server checks by loading and running it), and for each one its card facts, the sample grid the
// check drew and the `card:` line a study file names it by; then the direction files studies import.
import { h, replaceChildren } from '../shared/dom.js';
import { fmtTime } from './format.js';
import { copyField } from './copy-field.js';
import { explorer } from './explorer-view.js';
import { directionFilesSection } from './directions-view.js';

function spacesText(spaces) {
  return spaces.map((s) => `${s.name} (${s.dim} dimensions, ${s.exploration})`).join(', ');
}

function modelCard(api, m) {
  return h('article', { class: 'card wide model', dataset: { modelId: String(m.id) }, 'aria-labelledby': `model-${m.id}` },
    h('h2', { id: `model-${m.id}`, text: m.name }),
    h('p', { class: 'hint', text: m.description }),
    h('dl', { class: 'facts' },
      [['Architecture', m.architecture], ['Images', `${m.resolution} px, ${m.channels} channels`], ['Latent spaces', spacesText(m.spaces)],
        ['Card SHA-256', m.cardSha256.slice(0, 16) + '…'], ['Uploaded', `${fmtTime(m.uploadedAt)} by ${m.uploadedBy} (${m.fileName})`]]
        .map(([k, v]) => h('div', {}, h('dt', { text: k }), h('dd', { text: v })))),
    h('figure', { class: 'sample-grid' },
      h('img', { src: api.modelGridUrl(m.id), alt: `Prior samples of ${m.name}, one row per latent space`, loading: 'lazy' }),
      h('figcaption', { text: 'Prior samples, drawn when the upload was checked.' })),
    copyField('In a study file', `card: ${m.cardPath}`, { what: `the card line of ${m.name}` }),
    explorer(api, m));
}

export function modelsView(container, api) {
  document.title = 'Models – Eigenstudy';
  const list = h('div', { 'aria-live': 'polite' }, h('p', { text: 'Loading models…' }));
  const file = h('input', { id: 'model-file', type: 'file', accept: '.zip,application/zip' });
  const progress = h('progress', { id: 'model-progress', max: '1', value: '0', hidden: true, 'aria-label': 'Upload progress' });
  const status = h('p', { id: 'model-status', class: 'hint', 'aria-live': 'polite' });

  async function refresh() {
    try {
      const models = await api.models();
      replaceChildren(list, models.length ? models.map((m) => modelCard(api, m)) : h('p', { text: 'No model uploaded yet.' }));
    } catch (e) {
      replaceChildren(list, h('p', { class: 'error', role: 'alert', text: e.message }));
    }
  }

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    progress.hidden = false;
    progress.value = 0;
    status.textContent = `Uploading ${chosen.name}…`;
    try {
      const model = await api.uploadModel(chosen, (fraction) => {
        if (fraction < 1) {
          progress.value = fraction;
          status.textContent = `Uploading ${chosen.name}: ${Math.round(fraction * 100)} %`;
        } else {
          progress.removeAttribute('value');
          status.textContent = `Checking ${chosen.name}: loading and running every latent space…`;
        }
      });
      status.textContent = `${model.name} is checked and stored: it loads, and runs at the card's latent size.`;
      await refresh();
    } catch (e) {
      status.textContent = `Upload refused: ${e.message}`;
    } finally {
      progress.hidden = true;
      file.value = '';
    }
  });

  replaceChildren(container,
    h('h1', { text: 'Models' }),
    h('section', { class: 'card wide', 'aria-labelledby': 'upload-model-h' },
      h('h2', { id: 'upload-model-h', text: 'Upload a model' }),
      h('p', { class: 'hint', text: 'A .zip of model-card.json and its TorchScript modules (docs/exporters.md says how to export a checkpoint). The server loads every latent space\'s module and runs it at the card\'s size before it keeps the model.' }),
      h('label', { for: 'model-file', text: 'Model (.zip)' }), file, progress, status),
    list,
    directionFilesSection(api));
  refresh();
  return () => {};
}
