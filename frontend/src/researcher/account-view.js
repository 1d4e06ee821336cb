// The researcher's own account (#/account): change the password, create, list and revoke API tokens (a new
// token's secret is shown once), and for admins the accounts of the platform. Everything is the API of
// docs/api.md; the server checks every rule and the page shows its words.
import { h, replaceChildren } from '../shared/dom.js';
import { fmtTime } from './format.js';
import { confirmDialog } from './confirm-dialog.js';
import { copyField } from './copy-field.js';

function field(id, label, attrs = {}) {
  const input = h('input', { id, ...attrs });
  return [input, h('div', { class: 'field' }, h('label', { for: id, text: label }), input)];
}

function problemsOf(e) {
  const list = Array.isArray(e.body?.problems) && e.body.problems.length ? e.body.problems : [{ error: e.message }];
  return list.map((p) => p.error).join(' ');
}

function passwordCard(api) {
  const [current, currentField] = field('current-password', 'Current password', { type: 'password', autocomplete: 'current-password', required: true });
  const [next, nextField] = field('new-password', 'New password (at least 12 characters)', { type: 'password', autocomplete: 'new-password', minlength: '12', required: true });
  const status = h('p', { class: 'hint', role: 'status' });
  const form = h('form', { class: 'card wide', 'aria-labelledby': 'password-h' },
    h('h2', { id: 'password-h', text: 'Your password' }), currentField, nextField,
    h('button', { type: 'submit', class: 'primary', text: 'Change password' }), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = 'Changing…';
    try {
      await api.changePassword(current.value, next.value);
      status.textContent = 'Password changed.';
      form.reset();
    } catch (e) {
      status.textContent = `Not changed: ${problemsOf(e)}`;
    }
  });
  return form;
}

function tokensCard(api) {
  const list = h('div', {}, h('p', { text: 'Loading tokens…' }));
  const created = h('div', { 'aria-live': 'polite' });
  const status = h('p', { class: 'hint', role: 'status' });
  const [name, nameField] = field('token-name', 'Name (what the token is for)', { required: true, maxlength: '100' });

  async function refresh() {
    try {
      const tokens = await api.tokens();
      replaceChildren(list, tokens.length === 0 ? h('p', { text: 'No API token yet.' }) : h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'visually-hidden', text: 'Your API tokens' }),
        h('thead', {}, h('tr', {}, ['Name', 'Created', 'Last used', 'Actions'].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, tokens.map((t) => h('tr', { dataset: { tokenId: String(t.id) } },
          h('th', { scope: 'row', text: t.name }),
          h('td', { text: fmtTime(t.createdAt) }),
          h('td', { text: t.lastUsedAt ? fmtTime(t.lastUsedAt) : 'never' }),
          h('td', {}, h('button', { type: 'button', text: 'Revoke…', 'aria-haspopup': 'dialog', onclick: () => confirmDialog({
            id: 'revoke-confirm',
            title: `Revoke the token “${t.name}”?`,
            items: ['Scripts that use it are refused from now on (401).', 'A revoked token cannot be restored; create a new one if needed.'],
            confirmLabel: 'Revoke token',
            onConfirm: async () => {
              try {
                await api.revokeToken(t.id);
                status.textContent = `Revoked “${t.name}”.`;
              } catch (e) {
                status.textContent = `Not revoked: ${e.message}`;
              }
              refresh();
            },
          }) }))))))));
    } catch (e) {
      replaceChildren(list, h('p', { class: 'error', role: 'alert', text: e.message }));
    }
  }

  const form = h('form', { class: 'token-form', 'aria-label': 'Create an API token' }, nameField, h('button', { type: 'submit', text: 'Create token' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const token = await api.createToken(name.value.trim());
      replaceChildren(created,
        h('p', { class: 'warning', text: 'Copy the token now: it is shown only this once (the server keeps only its SHA-256).' }),
        copyField(`Token “${token.name}”`, token.token, { what: `the token ${token.name}` }));
      form.reset();
      refresh();
    } catch (e) {
      status.textContent = `Not created: ${problemsOf(e)}`;
    }
  });
  refresh();
  return h('section', { class: 'card wide', 'aria-labelledby': 'tokens-h' },
    h('h2', { id: 'tokens-h', text: 'API tokens' }),
    h('p', { class: 'hint', text: 'For scripts: send Authorization: Bearer <token> (docs/api.md). A token acts as you, with your access.' }),
    form, created, list, status);
}

function accountsCard(api, me) {
  const list = h('div', {}, h('p', { text: 'Loading accounts…' }));
  const status = h('p', { class: 'hint', role: 'status' });
  const [username, userField] = field('account-name', 'User name', { required: true, autocomplete: 'off' });
  const [password, passwordField] = field('account-password', 'Password (at least 12 characters)', { type: 'password', autocomplete: 'new-password', required: true });
  const role = h('select', { id: 'account-role' }, h('option', { value: 'researcher', text: 'researcher' }), h('option', { value: 'admin', text: 'admin' }));

  async function refresh() {
    try {
      const accounts = await api.accounts();
      replaceChildren(list, h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'visually-hidden', text: 'Accounts' }),
        h('thead', {}, h('tr', {}, ['User', 'Role', 'Status', 'Action'].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, accounts.map((a) => h('tr', { dataset: { account: a.username } },
          h('th', { scope: 'row', text: a.username }), h('td', { text: a.role }),
          h('td', { text: a.disabled ? 'disabled' : 'active' }),
          // Nobody disables themselves (the server refuses too), so an admin always remains.
          h('td', {}, a.username === me.username ? '–' : h('button', { type: 'button',
            text: a.disabled ? `Enable ${a.username}` : `Disable ${a.username}`,
            onclick: () => setDisabled(a.username, !a.disabled) }))))))));
    } catch (e) {
      replaceChildren(list, h('p', { class: 'error', role: 'alert', text: e.message }));
    }
  }
  async function setDisabled(username, disabled) {
    try {
      await api.setAccountDisabled(username, disabled);
      status.textContent = disabled
        ? `Disabled ${username}: their logins and API tokens stop working now; their studies stay.`
        : `Enabled ${username} again.`;
      refresh();
    } catch (e) {
      status.textContent = `Not changed: ${problemsOf(e)}`;
    }
  }
  const form = h('form', { class: 'token-form', 'aria-label': 'Create an account' }, userField, passwordField,
    h('div', { class: 'field' }, h('label', { for: 'account-role', text: 'Role' }), role), h('button', { type: 'submit', text: 'Create account' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const account = await api.createAccount(username.value.trim(), password.value, role.value);
      status.textContent = `Created ${account.username} (${account.role}). Tell them their password in person; they can change it here.`;
      form.reset();
      refresh();
    } catch (e) {
      status.textContent = `Not created: ${problemsOf(e)}`;
    }
  });
  refresh();
  return h('section', { class: 'card wide', 'aria-labelledby': 'accounts-h' },
    h('h2', { id: 'accounts-h', text: 'Accounts (admin)' }), form, list, status);
}

export function accountView(container, api, me) {
  document.title = 'Account – Eigenstudy';
  replaceChildren(container,
    h('h1', { text: `Account: ${me.username}` }),
    passwordCard(api),
    tokensCard(api),
    me.role === 'admin' ? accountsCard(api, me) : null);
  return () => {};
}
