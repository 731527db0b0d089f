// An instance's IAM users: create, enable/disable, delete; "Open" shows the user's policies and keys.
import { call } from './api.js';
import { el, error, fieldError } from './dom.js';

export function usersSection(base, onOpen) {
  const body = el('tbody');
  const name = el('input', { id: 'user-name', required: '', 'aria-describedby': 'err-user-name' });
  const note = el('span', { class: 'field-error', id: 'err-user-name', role: 'alert' });
  const refresh = async () => {
    try {
      const users = await call('GET', `${base}/users`);
      body.replaceChildren(...users.map((u) => {
        const path = `${base}/users/${encodeURIComponent(u.name)}`;
        const next = u.status === 'ACTIVE' ? 'DISABLED' : 'ACTIVE';
        return el('tr', {}, el('td', {}, String(u.name)), el('td', {}, String(u.status ?? '')),
          el('td', {},
            el('button', { type: 'button', onclick: () => onOpen(u.name) }, 'Open'), ' ',
            el('button', { type: 'button', class: 'write', onclick: () => act(() => call('PATCH', path, { status: next })) },
              next === 'ACTIVE' ? 'Enable' : 'Disable'), ' ',
            el('button', { type: 'button', class: 'write', onclick: () => window.confirm(`Delete user ${u.name} and its keys?`)
              && act(() => call('DELETE', path)) }, 'Delete')));
      }));
    } catch (err) { error(err.message); }
  };
  const act = async (f) => { try { await f(); error(''); } catch (err) { error(err.message); } await refresh(); };
  const form = el('form', { 'aria-label': 'Create user', id: 'create-user', class: 'write' },
    el('label', { for: 'user-name' }, 'New user name'), name, note,
    el('p', {}, el('button', { type: 'submit' }, 'Create user')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    note.textContent = '';
    try { await call('POST', `${base}/users`, { name: name.value }); form.reset(); error(''); } catch (err) {
      fieldError(err, { name: note });
    }
    await refresh();
  });
  const node = el('section', { 'aria-label': 'Users', id: 'users' }, el('h3', {}, 'Users'),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'User'), el('th', {}, 'Status'), el('th', {}, ''))), body),
    form);
  return { node, refresh };
}
