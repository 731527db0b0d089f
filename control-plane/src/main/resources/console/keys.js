// One user's attached policies (attach, detach) and access keys (create → secret shown once, disable, delete).
import { call } from './api.js';
import { el, error, copyButton } from './dom.js';

function secretDialog(key, onClose) {
  const id = el('code', { id: 'new-access-key' }, String(key.access_key));
  const secret = el('code', { id: 'new-secret-key' }, String(key.secret_key));
  const done = el('button', { type: 'button', id: 'secret-done' }, 'I have stored the secret');
  const dialog = el('dialog', { id: 'secret-dialog', 'aria-labelledby': 'secret-title' },
    el('h3', { id: 'secret-title' }, 'New access key'),
    el('p', { class: 'warning' }, 'The secret is shown only now: it cannot be read again. Store it before closing.'),
    el('p', {}, 'Access key id: ', id, ' ', copyButton('Copy id', () => id.textContent)),
    el('p', {}, 'Secret key: ', secret, ' ', copyButton('Copy secret', () => secret.textContent)),
    el('p', {}, done));
  done.addEventListener('click', () => { dialog.close(); dialog.remove(); onClose(); });
  document.body.append(dialog);
  dialog.showModal();
}

export function userPanel(base, user) {
  const path = `${base}/users/${encodeURIComponent(user)}`;
  const attached = el('tbody');
  const keys = el('tbody');
  const choice = el('select', { id: 'attach-policy' });
  const act = async (f) => { try { await f(); error(''); } catch (err) { error(err.message); } await refresh(); };
  const refresh = async () => {
    try {
      const [as, ks, ps] = await Promise.all([call('GET', `${path}/policies`), call('GET', `${path}/access-keys`),
        call('GET', `${base}/policies`)]);
      const picked = choice.value;
      choice.replaceChildren(...ps.map((p) => el('option', { value: p.name }, String(p.name))));
      if (ps.some((p) => p.name === picked)) { choice.value = picked; }
      attached.replaceChildren(...as.map((a) => el('tr', {}, el('td', {}, String(a.policy ?? '')),
        el('td', {}, el('button', { type: 'button', class: 'write', onclick: () => act(() =>
          call('DELETE', `${path}/policies/${encodeURIComponent(a.policy_id)}`)) }, 'Detach')))));
      keys.replaceChildren(...ks.map((k) => {
        const kp = `${path}/access-keys/${encodeURIComponent(k.access_key)}`;
        const next = k.status === 'ACTIVE' ? 'INACTIVE' : 'ACTIVE';
        return el('tr', {}, el('td', {}, el('code', {}, String(k.access_key))), el('td', {}, String(k.status ?? '')),
          el('td', {}, String(k.expires_at ?? 'never')),
          el('td', {},
            el('button', { type: 'button', class: 'write', onclick: () => act(() => call('PATCH', kp, { status: next })) },
              next === 'ACTIVE' ? 'Enable' : 'Disable'), ' ',
            el('button', { type: 'button', class: 'write', onclick: () => window.confirm(`Delete key ${k.access_key}?`)
              && act(() => call('DELETE', kp)) }, 'Delete')));
      }));
    } catch (err) { error(err.message); }
  };
  const attach = el('form', { 'aria-label': 'Attach policy', id: 'attach', class: 'write' },
    el('label', { for: 'attach-policy' }, 'Policy'), choice, ' ', el('button', { type: 'submit' }, 'Attach'));
  attach.addEventListener('submit', (e) => { e.preventDefault(); act(() => call('POST', `${path}/policies`, { policy: choice.value })); });
  const expiry = el('input', { id: 'key-expiry', type: 'datetime-local' });
  const create = el('form', { 'aria-label': 'Create access key', id: 'create-key', class: 'write' },
    el('label', { for: 'key-expiry' }, 'Expires (optional, UTC)'), expiry, ' ',
    el('button', { type: 'submit' }, 'Create access key'));
  create.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const body = expiry.value ? { expires_at: new Date(`${expiry.value}Z`).toISOString() } : {};
      const key = await call('POST', `${path}/access-keys`, body);
      error('');
      secretDialog(key, refresh);
    } catch (err) { error(err.message); }
    await refresh();
  });
  refresh();
  return el('section', { 'aria-label': `User ${user}`, id: 'user-detail' }, el('h3', {}, `User ${user}`),
    el('h4', {}, 'Attached policies'), el('table', {}, attached), attach,
    el('h4', {}, 'Access keys'),
    el('table', {}, el('thead', {}, el('tr', {}, ...['Access key', 'Status', 'Expires', ''].map((h) => el('th', {}, h)))), keys),
    create);
}
