// Edit a bucket's mutable settings (versioning, quota, public, default retention): PATCH sends only what
// changed; the API's error is shown beside the field it names. Object lock is set at creation only.
import { call } from './api.js';
import { el, error, fieldError } from './dom.js';

const FLAGS = ['versioning_enabled', 'public'];

export function bucketEditForm(base, bucket, onDone) {
  const inputs = {};
  const notes = {};
  const row = (name, label, input) => {
    inputs[name] = input;
    notes[name] = el('span', { class: 'field-error', id: `err-be-${name}`, role: 'alert' });
    input.setAttribute('id', `be-${name}`);
    input.setAttribute('aria-describedby', `err-be-${name}`);
    return el('p', {}, el('label', { for: `be-${name}` }, label), input, notes[name]);
  };
  const mode = el('select', {}, el('option', { value: '' }, 'none'),
    el('option', { value: 'GOVERNANCE' }, 'GOVERNANCE'), el('option', { value: 'COMPLIANCE' }, 'COMPLIANCE'));
  const form = el('form', { 'aria-label': `Edit bucket ${bucket.name}`, id: 'edit-bucket' },
    el('h4', {}, `Edit bucket ${bucket.name}`),
    row('versioning_enabled', 'Versioning', el('input', { type: 'checkbox' })),
    row('quota_bytes', 'Quota in bytes (0 = none)', el('input', { type: 'number', min: '0' })),
    row('public', 'Public (anonymous read)', el('input', { type: 'checkbox' })),
    row('default_retention_mode', 'Default retention mode (needs object lock)', mode),
    row('default_retention_days', 'Default retention days', el('input', { type: 'number', min: '1' })),
    el('p', {}, el('button', { type: 'submit' }, 'Save bucket'), ' ',
      el('button', { type: 'button', id: 'edit-bucket-cancel', onclick: () => onDone(null) }, 'Cancel')));
  FLAGS.forEach((n) => { inputs[n].checked = Boolean(bucket[n]); });
  inputs.quota_bytes.value = String(bucket.quota_bytes ?? 0);
  mode.value = String(bucket.default_retention_mode ?? '');
  inputs.default_retention_days.value = bucket.default_retention_days ?? '';
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    Object.values(notes).forEach((n) => { n.textContent = ''; });
    const body = {};
    FLAGS.forEach((n) => { if (inputs[n].checked !== Boolean(bucket[n])) { body[n] = inputs[n].checked; } });
    const quota = Number(inputs.quota_bytes.value || 0);
    if (quota !== Number(bucket.quota_bytes ?? 0)) { body.quota_bytes = quota; }
    const days = inputs.default_retention_days.value === '' ? null : Number(inputs.default_retention_days.value);
    if ((mode.value || null) !== (bucket.default_retention_mode ?? null)) { body.default_retention_mode = mode.value || null; }
    if (days !== (bucket.default_retention_days ?? null)) { body.default_retention_days = days; }
    if (Object.keys(body).length === 0) { error('nothing changed'); return; }
    try {
      const updated = await call('PATCH', `${base}/buckets/${encodeURIComponent(bucket.name)}`, body);
      error('');
      onDone(updated);
    } catch (err) { fieldError(err, notes); }
  });
  return form;
}
