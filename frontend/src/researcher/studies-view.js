import { h, replaceChildren } from '../shared/dom.js';
import { fmtTime } from './format.js';
import { confirmDialog } from './confirm-dialog.js';

/** Study list with open/close/delete, the way to the study editor and the server-path import. Returns a cleanup function. */
export function studiesView(container, api) {
  const list = h('div', { 'aria-live': 'polite' }, h('p', { text: 'Loading studies…' }));
  const status = h('p', { role: 'status', class: 'status' });

  async function refresh() {
    try {
      const studies = await api.studies();
      replaceChildren(list, studies.length === 0 ? h('p', { text: 'No study imported yet.' }) : studyTable(studies));
    } catch (e) {
      replaceChildren(list, h('p', { class: 'error', role: 'alert', text: e.message }));
    }
  }

  async function act(label, call) {
    status.textContent = `${label}…`;
    try {
      await call();
      status.textContent = `${label}: done.`;
    } catch (e) {
      status.textContent = `${label} failed: ${e.message}`;
    }
    await refresh();
  }

  function studyTable(studies) {
    return h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'visually-hidden', text: 'Imported studies' }),
      h('thead', {}, h('tr', {}, ['Study', 'Version', 'State', 'Created', 'Participant link', 'Actions'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, studies.map((st) => h('tr', { dataset: { studyId: String(st.id) } },
        h('td', {}, h('a', { href: `#/study/${encodeURIComponent(st.id)}`, text: `${st.title} (${st.slug})` })),
        h('td', { text: String(st.version) }),
        h('td', {}, h('span', { class: `state state-${st.state}`, text: st.state })),
        h('td', { text: fmtTime(st.createdAt) }),
        h('td', {}, st.participantUrl ? h('code', { text: new URL(st.participantUrl, location.origin).href }) : '–'),
        h('td', { class: 'actions' }, actions(st, studies)))))));
  }

  // What each state offers: draft → pilot → open → closed, and a closed study reopens. Every step that
  // cannot be undone asks first and says what it does.
  function actions(st, studies) {
    const dialogButton = (text, onclick) => h('button', { type: 'button', text, 'aria-haspopup': 'dialog', onclick });
    switch (st.state) {
      case 'draft': return [openButton(st, studies), pilotButton(st, studies), dialogButton('Delete…', () => confirmDelete(st))];
      case 'pilot': return [dialogButton('Open…', () => confirmLaunch(st)), dialogButton('Close…', () => confirmClose(st))];
      case 'open': return [dialogButton('Close…', () => confirmClose(st))];
      case 'closed': return [dialogButton('Reopen…', () => confirmReopen(st, reachableSibling(st, studies)))];
      default: return [];
    }
  }

  /** The other version of the study's slug that participants reach now (open or pilot), if any. */
  function reachableSibling(st, studies) {
    return studies.find((o) => o.slug === st.slug && (o.state === 'open' || o.state === 'pilot') && o.id !== st.id);
  }

  function pilotButton(st, studies) {
    const current = reachableSibling(st, studies);
    if (!current) return h('button', { type: 'button', text: 'Pilot', onclick: () => act(`Piloting ${st.slug}`, () => api.pilot(st.id)) });
    return h('button', { type: 'button', text: 'Pilot…', 'aria-haspopup': 'dialog', onclick: () => confirmDialog({
      id: 'pilot-confirm',
      title: `Pilot “${st.title}” (${st.slug} v${st.version}) and close v${current.version}?`,
      items: [
        `Version ${current.version} of ${st.slug} (${current.state} now) will be closed: only one version of a study is reachable at a time, and the participant link then leads to the pilot.`,
        'Sessions started during the pilot are marked pilot: they are left out of progress and the analysis and never count against the participant cap; exports keep them, marked.',
        `Every response to version ${current.version} is kept.`,
      ],
      confirmLabel: `Pilot v${st.version}, close v${current.version}`,
      onConfirm: () => act(`Piloting ${st.slug} v${st.version}`, () => api.pilot(st.id)),
    }) });
  }

  // From pilot to open cannot be undone: the study never goes back to pilot.
  function confirmLaunch(st) {
    confirmDialog({
      id: 'launch-confirm',
      title: `Open “${st.title}” (${st.slug} v${st.version}) to participants?`,
      items: [
        'Sessions from now on are real participants: they are analysed and count against the participant cap.',
        'The pilot sessions so far stay marked pilot: left out of the analysis, kept in the exports.',
        'The study cannot go back to pilot. To pilot changes, make a new version.',
      ],
      confirmLabel: 'Open study',
      onConfirm: () => act(`Opening ${st.slug}`, () => api.open(st.id)),
    });
  }

  function confirmReopen(st, current) {
    confirmDialog({
      id: 'reopen-confirm',
      title: `Reopen “${st.title}” (${st.slug} v${st.version})?`,
      items: [
        `The participant link leads to version ${st.version} again and new participants can start it; its responses so far stay with it and new ones add to them.`,
        current ? `Version ${current.version} of ${st.slug}, ${current.state} now, will be closed: only one version of a study is reachable at a time.` : null,
        'Participants who already took part are refused again if the study allows one participation per person.',
        'It can be closed again at any time.',
      ].filter(Boolean),
      confirmLabel: `Reopen v${st.version}`,
      onConfirm: () => act(`Reopening ${st.slug} v${st.version}`, () => api.open(st.id)),
    });
  }

  // Closing ends recruitment at once (a reopen is a deliberate step of its own), so it is confirmed first.
  function confirmClose(st) {
    confirmDialog({
      id: 'close-confirm',
      title: `Close “${st.title}” (${st.slug} v${st.version})?`,
      items: [
        'New participants can no longer start it: the participant link tells them the study is not open.',
        'Participants who have already started can still finish and get their completion code.',
        'Every response is kept: progress, statistics and exports stay available here.',
        'It can be reopened later as the same version.',
      ],
      confirmLabel: 'Close study',
      onConfirm: () => act(`Closing ${st.slug}`, () => api.close(st.id)),
    });
  }

  // A draft was never open, so no participant has seen it; deleting it only undoes the import, but that
  // cannot be undone either, so it is confirmed too.
  function confirmDelete(st) {
    confirmDialog({
      id: 'delete-confirm',
      title: `Delete the draft “${st.title}” (${st.slug} v${st.version})?`,
      items: [
        'The draft was never opened: no participant has seen it and it holds no responses.',
        `Its import is removed from the platform; the same slug and version can then be imported again.`,
        'Its stimuli folder on the server is left as it is.',
      ],
      confirmLabel: 'Delete draft',
      onConfirm: () => act(`Deleting ${st.slug} v${st.version}`, () => api.deleteDraft(st.id)),
    });
  }

  // Opening a version closes the slug's open version in the same step (StudyService.open: only one version
  // of a slug is open, so the participant link leads to the newest), which cannot be undone either: asked
  // first, naming the version that closes. Sessions keep their version: one started in the closed version
  // finishes there from its own browser, while the link (also opened from another browser) starts the new one.
  function confirmOpen(st, current) {
    confirmDialog({
      id: 'open-confirm',
      title: `Open “${st.title}” (${st.slug} v${st.version}) and close v${current.version}?`,
      items: [
        `Version ${current.version} of ${st.slug}, ${current.state} now, will be closed: only one version of a study is reachable at a time, and the participant link then leads to version ${st.version}.`,
        `New participants start version ${st.version}; nobody can start version ${current.version} unless it is reopened.`,
        `Participants who have already started version ${current.version} can still finish it in the browser they started in (for an anonymous link: the same tab) and get their completion code; the participant link opened anywhere else leads to version ${st.version}.`,
        `Every response to version ${current.version} is kept: its progress, statistics and exports stay available here.`,
        `A closed version can be reopened later.`,
      ],
      confirmLabel: `Open v${st.version}, close v${current.version}`,
      onConfirm: () => act(`Opening ${st.slug} v${st.version}`, () => api.open(st.id)),
    });
  }

  function openButton(st, studies) {
    const current = reachableSibling(st, studies);
    if (!current) return h('button', { type: 'button', text: 'Open', onclick: () => act(`Opening ${st.slug}`, () => api.open(st.id)) });
    return h('button', { type: 'button', text: 'Open…', 'aria-haspopup': 'dialog', onclick: () => confirmOpen(st, current) });
  }

  const configPath = h('input', { id: 'config-path', placeholder: 'study-config/demo.yaml' });
  const stimuliDir = h('input', { id: 'stimuli-dir', placeholder: 'data/stimuli/demo', required: true });
  const yaml = h('textarea', { id: 'config-yaml', rows: '6', placeholder: 'or paste the study YAML here' });
  const problems = h('ul', { class: 'problems error', role: 'alert' });
  const importForm = h('form', { class: 'card import', 'aria-labelledby': 'import-heading' },
    h('p', { class: 'hint', text: 'With a shell on the server: the study YAML and the folder with the generated stimuli and manifest.json, as server paths.' }),
    h('label', { for: 'config-path', text: 'Study config path' }), configPath,
    h('label', { for: 'config-yaml', text: 'Study config YAML (instead of a path)' }), yaml,
    h('label', { for: 'stimuli-dir', text: 'Stimuli folder' }), stimuliDir,
    problems, h('button', { type: 'submit', class: 'primary', text: 'Import' }));
  importForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    problems.replaceChildren();
    const body = { stimuliDir: stimuliDir.value.trim() };
    if (yaml.value.trim()) body.configYaml = yaml.value;
    else body.configPath = configPath.value.trim();
    status.textContent = 'Importing…';
    try {
      const study = await api.importStudy(body);
      status.textContent = `Imported ${study.slug} version ${study.version} (draft).`;
      await refresh();
    } catch (e) {
      status.textContent = 'Import failed.';
      const list = Array.isArray(e.body?.problems) && e.body.problems.length ? e.body.problems : [{ error: e.message }];
      problems.replaceChildren(...list.map((p) => h('li', { text: p.field ? `${p.field}: ${p.error}` : p.error })));
    }
  });

  replaceChildren(container,
    h('div', { class: 'page-head' }, h('h1', { text: 'Studies' }), h('a', { class: 'button primary', href: '#/new', text: 'New study' })),
    status, list,
    h('details', { class: 'server-import' }, h('summary', { id: 'import-heading', text: 'Import from server paths' }), importForm));
  refresh();
  return () => {};
}
