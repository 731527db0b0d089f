// An instance's buckets: list with their settings, status and usage, create (versioning, object lock, quota,
// public, default retention), edit, delete; "Browse" opens the object browser.
import { call } from './api.js';
import { el, error, fieldError } from './dom.js';
import { bucketEditForm } from './bucketedit.js';

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

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
function size(bytes) {
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) { v /= 1024; u += 1; }
  return u === 0 ? `${bytes} B` : `${bytes} B (${v.toFixed(1)} ${UNITS[u]})`;
}

// Usage is asked of the engine (GET …/usage) for buckets already applied on it (ACTIVE); others show a dash.
async function usage(base, b, cell) {
  if (b.status !== 'ACTIVE') { cell.textContent = '–'; return; }
  try {
    const u = await call('GET', `${base}/buckets/${encodeURIComponent(b.name)}/usage`);
    cell.textContent = `${u.objects} object${u.objects === 1 ? '' : 's'} · ${size(u.bytes)}`;
  } catch (err) { cell.textContent = `unknown (${err.message})`; }
}

export function bucketsSection(base, onOpen) {
  const body = el('tbody');
  const editor = el('div', { id: 'bucket-editor', class: 'write' });
  const edit = (b) => editor.replaceChildren(bucketEditForm(base, b, async (updated) => {
    editor.replaceChildren();
    if (updated) { await refresh(); }
  }));
  const remove = async (name) => {
    if (!window.confirm(`Delete bucket ${name}? (only an empty bucket can be deleted)`)) { return; }
    try { await call('DELETE', `${base}/buckets/${encodeURIComponent(name)}`); error(''); } catch (err) { error(err.message); }
    await refresh();
  };
  const refresh = async () => {
    try {
      const list = await call('GET', `${base}/buckets`);
      const cells = list.map(() => el('td', { class: 'usage' }, '…'));
      body.replaceChildren(...list.map((b, n) => el('tr', {}, el('td', {}, String(b.name)),
        el('td', {}, flag(b.versioning_enabled)), el('td', {}, flag(b.object_lock_enabled)),
        el('td', {}, b.quota_bytes ? String(b.quota_bytes) : 'none'), el('td', {}, flag(b.public)),
        el('td', {}, b.default_retention_mode ? `${b.default_retention_mode} ${b.default_retention_days ?? ''}d` : 'none'),
        el('td', {}, `${b.status ?? ''} ${b.status_reason ?? ''}`.trim()), cells[n],
        el('td', {}, el('button', { type: 'button', onclick: () => onOpen(b) }, 'Browse'), ' ',
          el('button', { type: 'button', class: 'write', onclick: () => edit(b) }, 'Edit'), ' ',
          el('button', { type: 'button', class: 'write', onclick: () => remove(b.name) }, 'Delete')))));
      await Promise.all(list.map((b, n) => usage(base, b, cells[n])));
    } catch (err) { error(err.message); }
  };
  const node = el('section', { 'aria-label': 'Buckets', id: 'buckets' }, el('h3', {}, 'Buckets'),
    el('div', { class: 'scroll' }, el('table', {}, el('thead', {}, el('tr', {}, ...['Bucket', 'Versioning', 'Object lock',
      'Quota (bytes)', 'Public', 'Retention', 'Status', 'Usage', ''].map((h) => el('th', {}, h)))), body)),
    editor, el('details', { class: 'write' }, el('summary', {}, 'Create bucket'), createForm(base, refresh)));
  return { node, refresh };
}
