// The researcher dashboard: login, study list with import/open/close, and a study page with live progress,
// statistics, the stimulus browser and exports. Plain ES modules and DOM nodes; hash routes (#/, #/new for the study editor and #/study/ID).
import '../shared/base.css';
import './researcher.css';
import { h, replaceChildren } from '../shared/dom.js';
import { researcherApi } from './api.js';
import { loginView } from './login-view.js';
import { studiesView } from './studies-view.js';
import { studyView } from './study-view.js';
import { studyEditorView } from './study-editor-view.js';
import { modelsView } from './models-view.js';
import { accountView } from './account-view.js';

const api = researcherApi();
const root = document.getElementById('app');
let leaveView = null;

function shell(me, content) {
  const logout = h('button', { type: 'button', text: 'Log out', onclick: async () => {
    await api.logout().catch(() => {});
    location.hash = '#/';
    route();
  } });
  return [
    h('header', { class: 'topbar' },
      h('a', { href: '#/', class: 'brand', text: 'Eigenstudy' }),
      h('nav', { class: 'topnav', 'aria-label': 'Dashboard' }, h('a', { href: '#/', text: 'Studies' }), h('a', { href: '#/models', text: 'Models' }), h('a', { href: '#/account', text: 'Account' })),
      h('span', { class: 'who', text: `${me.username} (${me.role})` }), logout),
    h('main', { id: 'content', tabindex: '-1' }, content),
  ];
}

async function route() {
  if (leaveView) leaveView();
  leaveView = null;
  let me;
  try {
    me = await api.me();
  } catch (e) {
    if (e.status === 401 || e.status === 403) {
      replaceChildren(root, loginView(api, route));
      document.title = 'Log in – Eigenstudy';
      return;
    }
    replaceChildren(root, h('p', { class: 'error', role: 'alert', text: `The server cannot be reached: ${e.message}` }));
    return;
  }
  const match = /^#\/study\/([^/]+)/.exec(location.hash);
  const editor = /^#\/new(?:\?(.*))?$/.exec(location.hash);
  const container = h('div');
  replaceChildren(root, ...shell(me, container));
  if (location.hash === '#/account') {
    leaveView = accountView(container, api, me);
  } else if (location.hash === '#/models') {
    leaveView = modelsView(container, api);
  } else if (editor) {
    const params = new URLSearchParams(editor[1] ?? '');
    leaveView = studyEditorView(container, api, { from: params.get('from'), duplicate: params.get('duplicate') === '1' });
  } else if (match) {
    leaveView = studyView(container, api, decodeURIComponent(match[1]), me);
  } else {
    document.title = 'Studies – Eigenstudy';
    leaveView = studiesView(container, api);
  }
  root.querySelector('#content')?.focus({ preventScroll: true });
}

addEventListener('hashchange', route);
route();
