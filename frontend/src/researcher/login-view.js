import { h } from '../shared/dom.js';

/** The login form; on success calls `onLoggedIn`. */
export function loginView(api, onLoggedIn) {
  const user = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const pass = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit', class: 'primary', text: 'Log in' });
  const form = h('form', { class: 'login card', 'aria-labelledby': 'login-heading' },
    h('h1', { id: 'login-heading', text: 'Eigenstudy – researcher login' }),
    h('label', { for: 'username', text: 'User name' }), user,
    h('label', { for: 'password', text: 'Password' }), pass,
    error, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    error.hidden = true;
    try {
      await api.login(user.value, pass.value);
      onLoggedIn();
    } catch (e) {
      error.hidden = false;
      error.textContent = e.message;
      button.disabled = false;
      pass.focus();
    }
  });
  queueMicrotask(() => user.focus());
  return h('main', { id: 'content' }, form);
}
