// The study editor (#/new, #/new?from=ID, #/new?from=ID&duplicate=1): a study file from a template, a
// YAML file or an existing study; live checks that show the parser's own file:line:column problems; which
// edits need new stimuli; the stimuli (the base study's, an uploaded bundle that fits, a new upload, or
// computed on this server by a precompute job: job-view.js); and "Create draft". Every check is the
// backend's (POST /study-configs/check), so the editor, the import and the CLI can never disagree.
import { h, replaceChildren } from '../shared/dom.js';
import { fmtTime } from './format.js';
import { jobPanel } from './job-view.js';

const CHECK_DELAY_MS = 400;

/** A duplicate starts as version 1 of a new slug, which the researcher then names. */
export function duplicateYaml(yaml, slug) {
  return yaml
    .replace(/^(\s*slug:\s*)["']?([a-z0-9-]+)["']?/m, (_, key) => `${key}${slug}-copy`)
    .replace(/^(\s*version:\s*)\d+/m, (_, key) => `${key}1`);
}

/** The version after the base study's, so a new version does not collide with it. */
export function nextVersionYaml(yaml, version) {
  if (/^\s*version:\s*\d+/m.test(yaml)) return yaml.replace(/^(\s*version:\s*)\d+/m, (_, key) => `${key}${version + 1}`);
  return yaml.replace(/^(study:\s*\n)/m, `$1  version: ${version + 1}\n`);
}

/** Selects line `line` (1-based) of a textarea and scrolls it into view. */
function selectLine(textarea, line) {
  const lines = textarea.value.split('\n');
  const start = lines.slice(0, Math.max(0, line - 1)).reduce((n, l) => n + l.length + 1, 0);
  const end = start + (lines[line - 1]?.length ?? 0);
  textarea.focus();
  textarea.setSelectionRange(start, end);
  const lineHeight = textarea.scrollHeight / Math.max(1, lines.length);
  textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

export function studyEditorView(container, api, { from = null, duplicate = false } = {}) {
  let stopped = false;
  let timer = null;
  let sequence = 0;
  let check = null;
  let base = null;
  let bundles = [];
  let chosen = null; // { kind: 'base' } | { kind: 'bundle', id }

  const title = from ? (duplicate ? 'Duplicate a study' : 'New version of a study') : 'New study';
  document.title = `${title} – Eigenstudy`;
  const heading = h('h1', { text: title });
  const status = h('p', { role: 'status', class: 'status' });

  // ---- 1. The study file ----
  const yaml = h('textarea', {
    id: 'config-yaml', rows: '22', spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off',
    class: 'code-editor', 'aria-describedby': 'config-status config-problems',
  });
  const checkStatus = h('p', { id: 'config-status', class: 'hint', 'aria-live': 'polite' });
  const problems = h('ul', { id: 'config-problems', class: 'problems error' });
  const changes = h('div', { class: 'changes', 'aria-live': 'polite' });
  const texts = h('div', { class: 'participant-texts' });
  const templateSelect = h('select', { id: 'template' });
  const fileInput = h('input', { id: 'config-file', type: 'file', accept: '.yaml,.yml,application/yaml,text/yaml' });
  const startFrom = from ? null : h('div', { class: 'start-from' },
    h('div', { class: 'field' }, h('label', { for: 'template', text: 'Start from a template' }), templateSelect),
    h('button', { type: 'button', text: 'Use template', onclick: useTemplate }),
    h('div', { class: 'field' }, h('label', { for: 'config-file', text: 'or open a study file (.yaml)' }), fileInput));

  function setYaml(text) {
    yaml.value = text;
    scheduleCheck(0);
  }

  async function useTemplate() {
    const template = templates.find((t) => t.id === templateSelect.value);
    if (template) setYaml(template.yaml);
  }

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (file) setYaml(await file.text());
  });
  yaml.addEventListener('input', () => scheduleCheck(CHECK_DELAY_MS));

  function scheduleCheck(delay) {
    clearTimeout(timer);
    timer = setTimeout(runCheck, delay);
  }

  async function runCheck() {
    const mine = ++sequence;
    if (!yaml.value.trim()) {
      check = null;
      checkStatus.textContent = 'Write or load a study file to check it.';
      problems.replaceChildren();
      changes.replaceChildren();
      yaml.removeAttribute('aria-invalid');
      renderStimuli();
      return;
    }
    checkStatus.textContent = 'Checking…';
    try {
      const result = await api.checkConfig(yaml.value, base?.id ?? null);
      if (stopped || mine !== sequence) return; // a newer edit has been checked meanwhile
      check = result;
      renderCheck();
      renderStimuli();
    } catch (e) {
      if (mine === sequence) checkStatus.textContent = `The file could not be checked: ${e.message}`;
    }
  }

  function renderCheck() {
    if (!check.valid) {
      const n = check.problems.length;
      checkStatus.textContent = `${n} problem${n === 1 ? '' : 's'} in the study file.`;
      yaml.setAttribute('aria-invalid', 'true');
      problems.replaceChildren(...check.problems.map((p) => h('li', {},
        p.line > 0 ? h('button', { type: 'button', class: 'link', text: `Line ${p.line}`, 'aria-label': `Go to line ${p.line}`, onclick: () => selectLine(yaml, p.line) }) : null,
        ' ', h('span', { text: p.error }))));
      changes.replaceChildren();
      texts.replaceChildren();
      return;
    }
    renderTexts(check.texts);
    yaml.removeAttribute('aria-invalid');
    problems.replaceChildren();
    checkStatus.textContent = `Valid: “${check.title}” (${check.slug} v${check.version}).`
      + (check.versionTaken ? ` Version ${check.version} of ${check.slug} exists already: raise study.version or change the slug.` : '');
    if (!base) {
      changes.replaceChildren();
      return;
    }
    const rows = check.changes.map((c) => h('li', {}, h('code', { text: c.field }), ' ',
      h('span', { class: c.needsNewStimuli ? 'badge badge-warn' : 'badge', text: c.needsNewStimuli ? 'needs new stimuli' : 'no new stimuli' })));
    replaceChildren(changes,
      h('h3', { text: `Changes from ${base.slug} v${base.version}` }),
      rows.length ? h('ul', { class: 'change-list' }, rows) : h('p', { class: 'hint', text: 'No changes yet.' }),
      h('p', { class: check.needsNewStimuli ? 'warning' : 'hint', text: check.needsNewStimuli
        ? 'These changes alter the images: the study needs stimuli computed for this file (upload a bundle below).'
        : `The stimuli of ${base.slug} v${base.version} fit this file: no new stimuli are needed.` }));
  }

  /**
   * What participants will read, rendered by the server exactly as the participant page shows it
   * (texts.StudyText: Markdown, raw HTML escaped), so a researcher sees their consent as it will look.
   */
  function renderTexts(rendered) {
    if (!rendered) {
      texts.replaceChildren();
      return;
    }
    const block = (id, label, html) => {
      const box = h('div', { class: 'study-text', id: `preview-${id}` });
      box.innerHTML = html || '<p class="hint">(none)</p>';
      return h('div', { class: 'text-preview' }, h('h4', { text: label }), box);
    };
    replaceChildren(texts, h('details', {},
      h('summary', { text: 'What participants read (consent, instructions, debrief)' }),
      block('consent', 'Consent page', rendered.consent),
      block('instructions', 'Instructions', rendered.instructions),
      block('debrief', 'After the last trial', rendered.debrief)));
  }

  // ---- 2. The stimuli ----
  const stimuliChoices = h('fieldset', { class: 'stimuli-choices' }, h('legend', { text: 'Stimuli for this study' }));
  const bundleFile = h('input', { id: 'bundle-file', type: 'file', accept: '.zip,application/zip' });
  const uploadProgress = h('progress', { id: 'bundle-progress', max: '1', value: '0', hidden: true, 'aria-label': 'Upload progress' });
  const uploadStatus = h('p', { class: 'hint', 'aria-live': 'polite' });
  bundleFile.addEventListener('change', uploadBundle);

  async function uploadBundle() {
    const file = bundleFile.files?.[0];
    if (!file) return;
    uploadProgress.hidden = false;
    uploadProgress.value = 0;
    uploadStatus.textContent = `Uploading ${file.name}…`;
    try {
      const bundle = await api.uploadBundle(file, (fraction) => {
        uploadProgress.value = fraction;
        uploadStatus.textContent = fraction < 1 ? `Uploading ${file.name}: ${Math.round(fraction * 100)} %` : `Verifying ${file.name}…`;
      });
      bundles = await api.bundles();
      uploadStatus.textContent = `Stored as bundle ${bundle.id}: ${bundle.frames} frames of ${bundle.models.join(', ')}, every checksum verified.`;
      chosen = { kind: 'bundle', id: bundle.id };
      await runCheck();
      if (check?.valid && !check.fittingBundles.includes(bundle.id)) {
        uploadStatus.textContent += ' It was made for other models, axes or frames than this study file, so it does not fit.';
      }
    } catch (e) {
      uploadStatus.textContent = `Upload refused: ${e.message}`;
    } finally {
      uploadProgress.hidden = true;
      bundleFile.value = '';
    }
  }

  function choice(value, label, detail, enabled) {
    const id = `stimuli-${value}`;
    const selected = chosen && (value === 'base' ? chosen.kind === 'base' : chosen.kind === 'bundle' && `bundle-${chosen.id}` === value);
    const input = h('input', { type: 'radio', name: 'stimuli', id, value, disabled: !enabled, checked: enabled && selected });
    input.addEventListener('change', () => {
      chosen = value === 'base' ? { kind: 'base' } : { kind: 'bundle', id: Number(value.slice('bundle-'.length)) };
    });
    return h('div', { class: 'choice' }, input, h('label', { for: id }, h('span', { text: label }), detail ? h('span', { class: 'hint', text: ` ${detail}` }) : null));
  }

  const jobs = jobPanel(api, {
    getYaml: () => yaml.value,
    onBundle: async (id) => {
      bundles = await api.bundles();
      chosen = { kind: 'bundle', id };
      await runCheck();
    },
  });

  function renderStimuli() {
    jobs.setEnabled(Boolean(check?.valid));
    const fitting = check?.valid ? bundles.filter((b) => check.fittingBundles.includes(b.id)) : [];
    const baseFits = Boolean(base && check?.valid && !check.needsNewStimuli);
    if (chosen?.kind === 'base' && !baseFits) chosen = null;
    if (chosen?.kind === 'bundle' && !fitting.some((b) => b.id === chosen.id)) chosen = null;
    if (!chosen && baseFits) chosen = { kind: 'base' };
    if (!chosen && fitting.length) chosen = { kind: 'bundle', id: fitting[0].id };
    replaceChildren(stimuliChoices, h('legend', { text: 'Stimuli for this study' }),
      base ? choice('base', `Reuse the stimuli of ${base.slug} v${base.version}`, baseFits ? null : '(they no longer fit this file)', baseFits) : null,
      fitting.map((b) => choice(`bundle-${b.id}`, `Uploaded bundle ${b.id}: ${b.fileName}`, `${b.frames} frames, uploaded ${fmtTime(b.uploadedAt)} by ${b.uploadedBy}`, true)),
      !base && !fitting.length ? h('p', { class: 'hint', text: check?.valid ? 'No uploaded bundle fits this study file yet: upload one below.' : 'Fix the study file first.' }) : null);
  }

  // ---- Create ----
  const createProblems = h('ul', { class: 'problems error', role: 'alert' });
  const create = h('button', { type: 'button', class: 'primary', text: 'Create draft', onclick: createDraft });

  async function createDraft() {
    createProblems.replaceChildren();
    if (!check?.valid) {
      createProblems.replaceChildren(h('li', { text: 'The study file has problems: fix them first.' }));
      return;
    }
    if (!chosen) {
      createProblems.replaceChildren(h('li', { text: 'Choose the stimuli: reuse a study\'s, pick an uploaded bundle or upload one.' }));
      return;
    }
    const body = { configYaml: yaml.value, ...(chosen.kind === 'base' ? { stimuliOf: base.id } : { bundle: chosen.id }) };
    status.textContent = 'Creating the draft…';
    try {
      const study = await api.importStudy(body);
      status.textContent = `Created ${study.slug} version ${study.version} (draft).`;
      location.hash = `#/study/${encodeURIComponent(study.id)}`;
    } catch (e) {
      status.textContent = 'The draft could not be created.';
      const list = Array.isArray(e.body?.problems) && e.body.problems.length ? e.body.problems : [{ error: e.message }];
      createProblems.replaceChildren(...list.map((p) => h('li', { text: p.error })));
    }
  }

  let templates = [];
  replaceChildren(container, heading, status,
    h('section', { class: 'card wide', 'aria-labelledby': 'file-h' },
      h('h2', { id: 'file-h', text: '1. Study file' }),
      h('p', { class: 'hint', text: 'The YAML study definition (study-config/README.md describes every field). It is checked as you type, with the same messages the command line gives.' }),
      startFrom,
      h('label', { for: 'config-yaml', text: 'Study file (YAML)' }), yaml, checkStatus, problems, changes, texts),
    h('section', { class: 'card wide', 'aria-labelledby': 'stimuli-h' },
      h('h2', { id: 'stimuli-h', text: '2. Stimuli' }),
      h('p', { class: 'hint', text: 'A stimulus bundle is the folder geometry-core writes (manifest.json and the frames), zipped, e.g. cd data/stimuli && zip -r demo.zip demo. It is verified frame by frame before it is kept.' }),
      stimuliChoices,
      h('label', { for: 'bundle-file', text: 'Upload a stimulus bundle (.zip)' }), bundleFile, uploadProgress, uploadStatus,
      jobs.element),
    h('section', { class: 'card wide', 'aria-labelledby': 'create-h' },
      h('h2', { id: 'create-h', text: '3. Create' }),
      h('p', { class: 'hint', text: 'The study is created as a draft: nothing is shown to participants until you open it.' }),
      createProblems, create));

  (async () => {
    try {
      bundles = await api.bundles();
      if (from) {
        const [study, text] = await Promise.all([api.study(from), api.studyConfig(from)]);
        base = study;
        heading.textContent = duplicate ? `Duplicate ${study.title} (${study.slug} v${study.version})` : `New version of ${study.title} (${study.slug})`;
        setYaml(duplicate ? duplicateYaml(text, study.slug) : nextVersionYaml(text, study.version));
      } else {
        templates = await api.configTemplates();
        templateSelect.replaceChildren(...templates.map((t) => h('option', { value: t.id, text: `${t.id}: ${t.summary}` })));
        renderStimuli();
        checkStatus.textContent = 'Start from a template or open a study file.';
      }
    } catch (e) {
      status.textContent = `The editor could not load: ${e.message}`;
    }
  })();

  return () => {
    stopped = true;
    clearTimeout(timer);
    jobs.stop();
  };
}
