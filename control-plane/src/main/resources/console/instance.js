// One instance's page: endpoint (with copy), users, policies, and the selected user's attachments and keys.
import { call } from './api.js';
import { el, show, error, copyButton } from './dom.js';
import { usersSection } from './users.js';
import { policiesSection } from './policies.js';
import { userPanel } from './keys.js';
import { bucketsSection } from './buckets.js';
import { objectBrowser } from './objects.js';
import { editForm } from './edit.js';
import { mfaSection } from './mfa.js';

export async function instanceView(name, back) {
  const base = `/v1/types/s3/instances/${encodeURIComponent(name)}`;
  const endpoint = el('code', { id: 'instance-endpoint' });
  const status = el('span', { id: 'instance-status' });
  const edit = el('div', { id: 'edit-panel' });
  const panel = el('div', { id: 'user-panel' });
  const objects = el('div', { id: 'bucket-panel' });
  const buckets = bucketsSection(base, (b) => objects.replaceChildren(objectBrowser(base, b)));
  const policies = policiesSection(base);
  const users = usersSection(base, (user) => panel.replaceChildren(userPanel(base, user)));
  show(el('section', { 'aria-label': `Instance ${name}` },
    el('p', {}, el('button', { type: 'button', id: 'back', onclick: back }, '← Instances')),
    el('h2', {}, `Instance ${name}`),
    el('p', {}, 'Status: ', status, ' · Endpoint: ', endpoint, ' ', copyButton('Copy endpoint', () => endpoint.textContent)),
    edit, mfaSection(base, name), buckets.node, objects, el('div', { class: 'columns' }, users.node, policies.node), panel));
  try {
    const i = await call('GET', base);
    endpoint.textContent = String(i.endpoint ?? '');
    status.textContent = `${i.status ?? ''} ${i.status_reason ?? ''}`.trim();
    edit.replaceChildren(editForm(base, i, (u) => { status.textContent = `${u.status ?? ''} ${u.status_reason ?? ''}`.trim(); }));
  } catch (err) { error(err.message); }
  await Promise.all([buckets.refresh(), users.refresh(), policies.refresh()]);
}
