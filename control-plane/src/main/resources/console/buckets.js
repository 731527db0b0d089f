// An instance's buckets: list with their settings and status, create (versioning, object lock, quota, public,
// default retention), delete; "Browse" opens the object browser.
import { call } from './api.js';
import { el, error, fieldError } from './dom.js';

const flag = (b) => (b ? 'yes' : 'no');
const FLAGS = ['versioning_enabled', 'object_lock_enabled', 'public'];

function createForm(base, refresh) {
  const inputs = {};
  const notes = {};
  const row = (name, label, input) => {
    inputs[name] = input;
    notes[name] = el('span', { class: 'field-error', id: `err-b-${name}`, role: 'alert' });
    input.setAttribute('id', `b-${name}`);
    input.setAttribute('aria-describedby', `err-b-${name}`);
    return el('p', {}, el('label', { for: `b-${name}` }, label), input, notes[name]);
  };
  const form = el('form', { 'aria-label': 'Create bucket', id: 'create-bucket' },
    row('name', 'New bucket name', el('input', { required: '' })),
    row('versioning_enabled', 'Versioning', el('input', { type: 'checkbox' })),
    row('object_lock_enabled', 'Object lock (set at creation only)', el('input', { type: 'checkbox' })),
    row('quota_bytes', 'Quota in bytes (0 = none)', el('input', { type: 'number', min: '0' })),
    row('public', 'Public (anonymous read)', el('input', { type: 'checkbox' })),
    row('default_retention_mode', 'Default retention mode', el('select', {}, el('option', { value: '' }, 'none'),
      el('option', { value: 'GOVERNANCE' }, 'GOVERNANCE'), el('option', { value: 'COMPLIANCE' }, 'COMPLIANCE'))),
    row('default_retention_days', 'Default retention days', el('input', { type: 'number', min: '1' })),
    el('p', {}, el('button', { type: 'submit' }, 'Create bucket')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    Object.values(notes).forEach((n) => { n.textContent = ''; });
    const body = { name: inputs.name.value };
    FLAGS.forEach((n) => { body[n] = inputs[n].checked; });
    if (inputs.quota_bytes.value) { body.quota_bytes = Number(inputs.quota_bytes.value); }
    if (inputs.default_retention_mode.value) { body.default_retention_mode = inputs.default_retention_mode.value; }
    if (inputs.default_retention_days.value) { body.default_retention_days = Number(inputs.default_retention_days.value); }
    try { await call('POST', `${base}/buckets`, body); form.reset(); error(''); } catch (err) { fieldError(err, notes); }
    await refresh();
  });
  return form;
}

export function bucketsSection(base, onOpen) {
  const body = el('tbody');
  const remove = async (name) => {
    if (!window.confirm(`Delete bucket ${name}? (only an empty bucket can be deleted)`)) { return; }
    try { await call('DELETE', `${base}/buckets/${encodeURIComponent(name)}`); error(''); } catch (err) { error(err.message); }
    await refresh();
  };
  const refresh = async () => {
    try {
      const list = await call('GET', `${base}/buckets`);
      body.replaceChildren(...list.map((b) => el('tr', {}, el('td', {}, String(b.name)),
        el('td', {}, flag(b.versioning_enabled)), el('td', {}, flag(b.object_lock_enabled)),
        el('td', {}, b.quota_bytes ? String(b.quota_bytes) : 'none'), el('td', {}, flag(b.public)),
        el('td', {}, b.default_retention_mode ? `${b.default_retention_mode} ${b.default_retention_days ?? ''}d` : 'none'),
        el('td', {}, `${b.status ?? ''} ${b.status_reason ?? ''}`.trim()),
        el('td', {}, el('button', { type: 'button', onclick: () => onOpen(b) }, 'Browse'), ' ',
          el('button', { type: 'button', class: 'write', onclick: () => remove(b.name) }, 'Delete')))));
    } catch (err) { error(err.message); }
  };
  const node = el('section', { 'aria-label': 'Buckets', id: 'buckets' }, el('h3', {}, 'Buckets'),
    el('table', {}, el('thead', {}, el('tr', {}, ...['Bucket', 'Versioning', 'Object lock', 'Quota (bytes)', 'Public',
      'Retention', 'Status', ''].map((h) => el('th', {}, h)))), body),
    el('details', { class: 'write' }, el('summary', {}, 'Create bucket'), createForm(base, refresh)));
  return { node, refresh };
}
