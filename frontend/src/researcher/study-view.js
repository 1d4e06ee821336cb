// One study: live progress (polled), recruitment links, statistics, the stimulus browser and exports.
import { h, replaceChildren } from '../shared/dom.js';
import { fmtTime } from './format.js';
import { statisticsSection } from './statistics-view.js';
import { lastRunsView, planningSection } from './planning-view.js';
import { stimulusBrowser } from './stimulus-view.js';
import { browsableModels } from './stimuli.js';
import { recruitmentView } from './recruitment-view.js';
import { membersSection } from './members-view.js';
import { participantsSection } from './participants-view.js';

const POLL_MS = 5000;

function table(caption, headers, rows) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, headers.map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0 ? h('th', { scope: 'row', text: String(c) }) : h('td', { text: String(c ?? '–') }))))))));
}

function progressContent(p) {
  return [
    h('dl', { class: 'counts' }, [['Started', p.started], ['Consented', p.consented], ['In progress', p.inProgress], ['Completed', p.completed],
      ['Abandoned', p.abandoned], ['Responses', p.responses], ['Failed catch trials', p.catchFailed], ['Pilot sessions', p.pilot]]
      .map(([k, v]) => h('div', {}, h('dt', { text: k }), h('dd', { text: String(v ?? 0), dataset: { count: k.toLowerCase().replace(/ /g, '-') } })))),
    table('Responses per condition', ['Model', 'Axis class', 'Axis', 'Rank', 'Assigned', 'Responses'],
      (p.conditions ?? []).map((c) => [c.modelId, c.axisClass, c.axisId, c.rank, c.assigned, c.responses])),
  ];
}

/** Renders the study page into `container`; returns a cleanup function that stops polling. */
export function studyView(container, api, id, me) {
  let stopped = false;
  let timer = null;
  const progress = h('div', { 'aria-live': 'off' }, h('p', { text: 'Loading progress…' }));
  const updated = h('p', { class: 'hint', role: 'status' });
  const stats = h('div', {}, h('p', { text: 'Loading statistics…' }));
  const stimuli = h('div', {}, h('p', { text: 'Loading stimuli…' }));
  const recruit = h('div', {}, h('p', { text: 'Loading recruitment links…' }));
  const members = h('div', {}, h('p', { text: 'Loading members…' }));
  const participants = h('div', {}, h('p', { text: 'Loading participants…' }));
  const header = h('div', {}, h('h1', { text: `Study ${id}` }));
  document.title = `Study ${id} – Eigenstudy`;

  async function poll() {
    try {
      replaceChildren(progress, ...progressContent(await api.progress(id)));
      updated.textContent = `Updated ${new Date().toLocaleTimeString()} (refreshes every ${POLL_MS / 1000} s).`;
    } catch (e) {
      updated.textContent = `Progress could not be loaded: ${e.message}`;
    }
    if (!stopped) timer = setTimeout(poll, POLL_MS);
  }

  let revision = 0;
  // The report keeps the last power simulation per measure; the planning section shows them above its form.
  const lastRuns = h('div', {});
  async function refreshLastRuns() {
    try {
      replaceChildren(lastRuns, lastRunsView((await api.statistics(id)).power));
    } catch {
      // The fresh result is on screen already; the list catches up with the next report.
    }
  }

  async function loadStatistics() {
    replaceChildren(stats, h('p', { text: 'Computing statistics…' }));
    try {
      const report = await api.statistics(id);
      revision += 1;
      const current = revision;
      replaceChildren(stats, statisticsSection(report, (plot, model) => api.statisticsPlotUrl(id, plot, { model, revision: current }), api.statisticsAxesCsvUrl(id)));
      replaceChildren(lastRuns, lastRunsView(report.power));
    } catch (e) {
      replaceChildren(stats, h('p', { class: 'error', role: 'alert', text: `Statistics could not be loaded: ${e.message}` }));
    }
  }

  const exportLinks = [['responses.csv', 'Responses (CSV)'], ['responses.json', 'Responses (JSON)'], ['participants.csv', 'Participants (CSV)'], ['stimuli.csv', 'Stimuli (CSV)']]
    .map(([file, label]) => h('a', { class: 'button', href: api.exportUrl(id, file), download: '', text: label }));

  replaceChildren(container,
    header,
    h('nav', { class: 'sections', 'aria-label': 'Study sections' }, [['progress', 'Progress'], ['recruit', 'Recruit'], ['participants', 'Participants'], ['members', 'Members'], ['statistics', 'Statistics'], ['planning', 'Plan sample size'], ['stimuli', 'Stimuli'], ['exports', 'Exports']]
      .map(([anchor, label]) => h('a', { href: `#/study/${encodeURIComponent(id)}`, onclick: (e) => { e.preventDefault(); document.getElementById(anchor)?.scrollIntoView(); document.getElementById(anchor)?.focus(); }, text: label }))),
    h('section', { id: 'progress', tabindex: '-1', 'aria-labelledby': 'progress-h' }, h('h2', { id: 'progress-h', text: 'Live progress' }), updated, progress),
    h('section', { id: 'recruit', tabindex: '-1', 'aria-labelledby': 'recruit-h' }, h('h2', { id: 'recruit-h', text: 'Recruit participants' }), recruit),
    h('section', { id: 'participants', tabindex: '-1', 'aria-labelledby': 'participants-h' }, h('h2', { id: 'participants-h', text: 'Participants' }), participants),
    h('section', { id: 'members', tabindex: '-1', 'aria-labelledby': 'members-h' }, h('h2', { id: 'members-h', text: 'Members' }), members),
    h('section', { id: 'statistics', tabindex: '-1', 'aria-labelledby': 'statistics-h' }, h('h2', { id: 'statistics-h', text: 'Statistics' }),
      h('button', { type: 'button', text: 'Recompute', onclick: loadStatistics }), stats),
    h('section', { id: 'planning', tabindex: '-1', 'aria-labelledby': 'planning-h' }, h('h2', { id: 'planning-h', text: 'Plan sample size' }),
      planningSection((body) => api.power(id, body), lastRuns, refreshLastRuns)),
    h('section', { id: 'stimuli', tabindex: '-1', 'aria-labelledby': 'stimuli-h' }, h('h2', { id: 'stimuli-h', text: 'Stimuli and geometry' }), stimuli),
    h('section', { id: 'exports', tabindex: '-1', 'aria-labelledby': 'exports-h' }, h('h2', { id: 'exports-h', text: 'Exports' }),
      h('p', { class: 'hint', text: 'Streamed from the database; one row per response, participant or frame. The reproducibility bundle holds the analysed responses, their codebook and an R script (lme4) that refits the models.' }),
      h('div', { class: 'export-links' }, exportLinks, h('a', { class: 'button', href: api.bundleUrl(id), download: '', text: 'Reproducibility bundle (ZIP)' }))));

  api.study(id).then((study) => {
    document.title = `${study.title} – Eigenstudy`;
    replaceChildren(header, h('h1', { text: `${study.title} (${study.slug} v${study.version})` }),
      h('p', { class: 'study-actions' },
        // A new tab, so the dashboard stays; the participant page runs the study and stores nothing.
        h('a', { class: 'button', href: `/study/${encodeURIComponent(study.slug)}?researcherPreview=${encodeURIComponent(study.id)}`, target: '_blank', rel: 'noopener', text: 'Preview as participant' }),
        h('a', { class: 'button', href: `#/new?from=${encodeURIComponent(study.id)}`, text: 'New version…' }),
        h('a', { class: 'button', href: `#/new?from=${encodeURIComponent(study.id)}&duplicate=1`, text: 'Duplicate…' })),
      h('p', {}, h('span', { class: `state state-${study.state}`, text: study.state }), ` · created ${fmtTime(study.createdAt)}`,
        study.participantUrl ? [' · participant link: ', h('code', { text: new URL(study.participantUrl, location.origin).href })] : null));
    return loadStimuli(study);
  }).catch((e) => replaceChildren(header, h('h1', { text: `Study ${id}` }), h('p', { class: 'error', role: 'alert', text: e.message })));
  // The study view lists axes only; the stimulus structure (from the manifest) carries the frames and distance curves.
  async function loadStimuli(study) {
    try {
      // A study whose geometry cannot be listed still gets its axis browser.
      const [view, geometry] = await Promise.all([api.stimuli(id), api.geometry(id).catch(() => [])]);
      replaceChildren(stimuli, stimulusBrowser({ ...study, models: browsableModels(study.models, view, geometry) }));
    } catch (e) {
      replaceChildren(stimuli, h('p', { class: 'error', role: 'alert', text: `Stimuli could not be loaded: ${e.message}` }));
    }
  }

  api.recruitment(id)
    .then((r) => replaceChildren(recruit, ...recruitmentView(r)))
    .catch((e) => replaceChildren(recruit, h('p', { class: 'error', role: 'alert', text: `Recruitment links could not be loaded: ${e.message}` })));
  membersSection(members, api, id, me);
  // Editors, owners and admins manage participants; the members list says which the caller is.
  api.members(id).then((list) => me.role === 'admin' || list.some((m) => m.username === me.username && m.role !== 'viewer'), () => false)
    .then((canEdit) => participantsSection(participants, api, id, { canEdit, onAnalysisChange: loadStatistics }));
  poll();
  loadStatistics();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
