// An instance's policies: list, delete, create from a JSON textarea or a read-only / read-write template.
import { call } from './api.js';
import { el, error, fieldError } from './dom.js';

const READ = ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket', 's3:ListBucketVersions', 's3:GetBucketLocation'];
const WRITE = [...READ, 's3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:AbortMultipartUpload',
  's3:ListMultipartUploadParts', 's3:ListBucketMultipartUploads'];

export function template(bucket, write) {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: write ? WRITE : READ,
    Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] }] }, null, 2);
}

export function policiesSection(base) {
  const body = el('tbody');
  const name = el('input', { id: 'policy-name', required: '', 'aria-describedby': 'err-policy-name' });
  const content = el('textarea', { id: 'policy-content', rows: '10', cols: '60', spellcheck: 'false',
    'aria-describedby': 'err-policy-content' });
  const bucket = el('input', { id: 'policy-bucket', placeholder: 'bucket' });
  const notes = { name: el('span', { class: 'field-error', id: 'err-policy-name', role: 'alert' }),
    content: el('span', { class: 'field-error', id: 'err-policy-content', role: 'alert' }) };
  const refresh = async () => {
    try {
      const list = await call('GET', `${base}/policies`);
      body.replaceChildren(...list.map((p) => el('tr', {}, el('td', {}, String(p.name)),
        el('td', {}, `${p.status ?? ''} ${p.status_reason ?? ''}`.trim()),
        el('td', {}, el('button', { type: 'button', class: 'write', onclick: () => remove(p.name) }, 'Delete')))));
    } catch (err) { error(err.message); }
  };
  const remove = async (p) => {
    if (!window.confirm(`Delete policy ${p}?`)) { return; }
    try { await call('DELETE', `${base}/policies/${encodeURIComponent(p)}`); error(''); } catch (err) { error(err.message); }
    await refresh();
  };
  const fill = (write) => { content.value = template(bucket.value || 'my-bucket', write); };
  const form = el('form', { 'aria-label': 'Create policy', id: 'create-policy', class: 'write' },
    el('label', { for: 'policy-name' }, 'New policy name'), name, notes.name,
    el('label', { for: 'policy-bucket' }, 'Template for bucket'), bucket, ' ',
    el('button', { type: 'button', id: 'template-read', onclick: () => fill(false) }, 'Read-only'), ' ',
    el('button', { type: 'button', id: 'template-write', onclick: () => fill(true) }, 'Read-write'),
    el('label', { for: 'policy-content' }, 'Policy document (JSON)'), content, notes.content,
    el('p', {}, el('button', { type: 'submit' }, 'Create policy')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    Object.values(notes).forEach((n) => { n.textContent = ''; });
    let doc;
    try { doc = JSON.parse(content.value); } catch (err) { notes.content.textContent = `not JSON: ${err.message}`; return; }
    try { await call('POST', `${base}/policies`, { name: name.value, content: doc }); form.reset(); error(''); } catch (err) {
      fieldError(err, notes);
    }
    await refresh();
  });
  const node = el('section', { 'aria-label': 'Policies', id: 'policies' }, el('h3', {}, 'Policies'),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Policy'), el('th', {}, 'Status'), el('th', {}, ''))), body),
    form);
  return { node, refresh };
}
