// Edit an instance's mutable fields (PATCH sends only what changed); the API's error is shown beside its field.
// The name is not editable here: it is the page's address, and renaming is left to the API/CLI.
import { call } from './api.js';
import { el, error, fieldError } from './dom.js';

const NUMBERS = ['cpu', 'ram', 'disk_size', 'nodes_number'];
const FLAGS = ['versioning', 'mfa_delete'];

export function editForm(base, instance, onDone) {
  const inputs = {};
  const notes = {};
  const row = (name, input) => {
    inputs[name] = input;
    notes[name] = el('span', { class: 'field-error', id: `err-e-${name}`, role: 'alert' });
    input.setAttribute('id', `e-${name}`);
    input.setAttribute('aria-describedby', `err-e-${name}`);
    return el('p', {}, el('label', { for: `e-${name}` }, name), input, notes[name]);
  };
  const enc = el('select', {}, el('option', { value: 'none' }, 'none'), el('option', { value: 'aes256' }, 'aes256'));
  const form = el('form', { 'aria-label': 'Edit instance', id: 'edit-instance' },
    row('description', el('input', {})), row('encryption', enc),
    ...FLAGS.map((n) => row(n, el('input', { type: 'checkbox' }))),
    ...NUMBERS.map((n) => row(n, el('input', { type: 'number', min: '0' }))),
    el('p', {}, el('button', { type: 'submit' }, 'Save changes')));
  inputs.description.value = String(instance.description ?? '');
  enc.value = String(instance.encryption ?? 'none');
  FLAGS.forEach((n) => { inputs[n].checked = Boolean(instance[n]); });
  NUMBERS.forEach((n) => { inputs[n].value = instance[n] ?? ''; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    Object.values(notes).forEach((n) => { n.textContent = ''; });
    const body = {};
    if (inputs.description.value !== String(instance.description ?? '')) { body.description = inputs.description.value; }
    if (enc.value !== String(instance.encryption ?? 'none')) { body.encryption = enc.value; }
    FLAGS.forEach((n) => { if (inputs[n].checked !== Boolean(instance[n])) { body[n] = inputs[n].checked; } });
    NUMBERS.forEach((n) => { if (inputs[n].value !== '' && Number(inputs[n].value) !== instance[n]) { body[n] = Number(inputs[n].value); } });
    if (Object.keys(body).length === 0) { error('nothing changed'); return; }
    try {
      const updated = await call('PATCH', base, body);
      Object.assign(instance, updated);
      error('');
      onDone(updated);
    } catch (err) { fieldError(err, notes); }
  });
  return el('details', { class: 'write', id: 'edit' }, el('summary', {}, 'Edit instance'), form);
}
