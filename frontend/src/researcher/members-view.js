// A study's members (owner, editors, viewers): everyone who may view the study sees the list; its owners (and
// admins) add people, change their role and remove them. The server decides (StudyAccess); the page only
// hides controls the caller could not use, and shows the server's answer when it refuses.
import { h, replaceChildren } from '../shared/dom.js';

const ROLES = ['viewer', 'editor', 'owner'];
const ROLE_TEXT = { viewer: 'viewer (reads)', editor: 'editor (changes the study)', owner: 'owner (also manages members)' };

function roleSelect(id, value, label) {
  return h('select', { id, 'aria-label': label }, ROLES.map((r) => h('option', { value: r, text: r, selected: r === value })));
}

/** Renders into `container`; `me` is the logged-in researcher ({username, role}). */
export function membersSection(container, api, studyId, me) {
  const status = h('p', { class: 'hint', role: 'status' });

  async function act(label, call) {
    status.textContent = `${label}…`;
    try {
      render(await call());
      status.textContent = `${label}: done.`;
    } catch (e) {
      status.textContent = `${label} failed: ${e.message}`;
    }
  }

  function render(members) {
    const manages = me.role === 'admin' || members.some((m) => m.username === me.username && m.role === 'owner');
    const rows = members.map((m, i) => h('tr', { dataset: { member: m.username } },
      h('th', { scope: 'row', text: m.username }),
      h('td', {}, manages
        ? roleSelect(`member-role-${i}`, m.role, `Role of ${m.username}`)
        : ROLE_TEXT[m.role]),
      manages ? h('td', {},
        h('button', { type: 'button', text: 'Change role', onclick: () => act(`Changing ${m.username}'s role`, () => api.setMember(studyId, m.username, document.getElementById(`member-role-${i}`).value)) }),
        ' ',
        h('button', { type: 'button', text: 'Remove', onclick: () => act(`Removing ${m.username}`, () => api.removeMember(studyId, m.username)) })) : null));
    const table = h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'visually-hidden', text: 'Members of this study' }),
      h('thead', {}, h('tr', {}, ['Researcher', 'Role', manages ? 'Actions' : null].filter(Boolean).map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, rows)));
    const username = h('input', { id: 'new-member', autocomplete: 'off', required: true });
    const role = roleSelect('new-member-role', 'viewer', 'Role of the new member');
    const add = manages ? h('form', { class: 'member-form', 'aria-label': 'Add a member' },
      h('div', { class: 'field' }, h('label', { for: 'new-member', text: 'Researcher account' }), username),
      h('div', { class: 'field' }, h('label', { for: 'new-member-role', text: 'Role' }), role),
      h('button', { type: 'submit', text: 'Add' })) : null;
    add?.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = username.value.trim();
      if (name) act(`Adding ${name}`, () => api.setMember(studyId, name, role.value));
    });
    replaceChildren(container,
      h('p', { class: 'hint', text: manages
        ? 'Only members see this study. Viewers read progress, statistics and exports; editors also pilot, open and close it; owners also manage members.'
        : 'Only members see this study; its owners manage who they are.' }),
      table, add, status);
  }

  api.members(studyId).then(render, (e) => replaceChildren(container, h('p', { class: 'error', role: 'alert', text: `Members could not be loaded: ${e.message}` })));
}
