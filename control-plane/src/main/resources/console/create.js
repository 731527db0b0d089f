// Instance create form: every writable field of POST /v1/types/s3/instances; the API's error is shown next to
// the field it names (ApiError.field), other errors in the page's error line.
import { call } from './api.js';
import { el, error } from './dom.js';

const TEXT = ['name', 'description', 'version', 'cluster', 'bucket_name'];
const NUMBERS = ['cpu', 'ram', 'disk_size', 'nodes_number'];
const FLAGS = ['versioning', 'mfa_delete'];

// project(): the project selected in the header ('' = none: the API's default, the token's or your only one).
export function createForm(onDone, project) {
  const inputs = {};
  const notes = {};
  const row = (name, input) => {
    inputs[name] = input;
    notes[name] = el('span', { class: 'field-error', id: `err-${name}`, role: 'alert' });
    input.setAttribute('aria-describedby', `err-${name}`);
    return el('p', {}, el('label', { for: `f-${name}` }, name), input, notes[name]);
  };
  // The version field suggests the catalog's names (GET /v1/types/s3/versions); free text stays allowed.
  const versions = el('datalist', { id: 'versions-list' });
  call('GET', '/v1/types/s3/versions')
    .then((list) => versions.replaceChildren(...list.map((v) => el('option', { value: String(v.name ?? '') }))))
    .catch((err) => error(err.message));
  const enc = el('select', { id: 'f-encryption' }, el('option', { value: 'none' }, 'none'),
    el('option', { value: 'aes256' }, 'aes256'));
  const form = el('form', { 'aria-label': 'Create instance', id: 'create-instance', class: 'owner' },
    el('h2', {}, 'Create instance'),
    ...TEXT.map((n) => row(n, el('input', n === 'version' ? { id: `f-${n}`, list: 'versions-list' } : { id: `f-${n}` }))),
    versions,
    row('encryption', enc),
    ...FLAGS.map((n) => row(n, el('input', { id: `f-${n}`, type: 'checkbox' }))),
    ...NUMBERS.map((n) => row(n, el('input', { id: `f-${n}`, type: 'number', min: '0' }))),
    el('p', {}, el('button', { type: 'submit' }, 'Create')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    Object.values(notes).forEach((n) => { n.textContent = ''; });
    const body = { encryption: enc.value };
    TEXT.forEach((n) => { if (inputs[n].value) { body[n] = inputs[n].value; } });
    FLAGS.forEach((n) => { body[n] = inputs[n].checked; });
    NUMBERS.forEach((n) => { if (inputs[n].value) { body[n] = Number(inputs[n].value); } });
    if (project()) { body.project_id = project(); }
    try {
      await call('POST', '/v1/types/s3/instances', body);
      error('');
      form.reset();
      onDone();
    } catch (err) {
      if (err.field && notes[err.field]) { notes[err.field].textContent = err.message; } else { error(err.message); }
    }
  });
  return form;
}
