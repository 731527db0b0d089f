// One instance's page: status with its progress and nodes (re-read every 2 s while shown), endpoint (with copy),
// edit, MFA device, buckets, users, policies, and the selected user's attachments and keys.
import { call } from './api.js';
import { el, show, error, copyButton } from './dom.js';
import { usersSection } from './users.js';
import { policiesSection } from './policies.js';
import { userPanel } from './keys.js';
import { bucketsSection } from './buckets.js';
import { objectBrowser } from './objects.js';
import { editForm } from './edit.js';
import { mfaSection } from './mfa.js';
import { progressView } from './progress.js';

// onProject(id): told the instance's project once it is read, so the page's controls follow the role there.
export async function instanceView(name, back, onProject = () => {}) {
  const base = `/v1/types/s3/instances/${encodeURIComponent(name)}`;
  const endpoint = el('code', { id: 'instance-endpoint' });
  const status = el('span', { id: 'instance-status' });
  const edit = el('div', { id: 'edit-panel' });
  const panel = el('div', { id: 'user-panel' });
  const objects = el('div', { id: 'bucket-panel' });
  const buckets = bucketsSection(base, (b) => objects.replaceChildren(objectBrowser(base, b)));
  const policies = policiesSection(base);
  const users = usersSection(base, (user) => panel.replaceChildren(userPanel(base, user)));
  const progress = progressView();
  const page = el('section', { 'aria-label': `Instance ${name}` },
    el('p', {}, el('button', { type: 'button', id: 'back', onclick: back }, '← Instances')),
    el('h2', {}, `Instance ${name}`),
    el('p', {}, 'Status: ', status, ' · Endpoint: ', endpoint, ' ', copyButton('Copy endpoint', () => endpoint.textContent)),
    progress.node, edit, mfaSection(base, name), buckets.node, objects,
    el('div', { class: 'columns' }, users.node, policies.node), panel);
  show(page);
  const shown = (i) => {
    endpoint.textContent = String(i.endpoint ?? '');
    status.textContent = `${i.status ?? ''} ${i.status_reason ?? ''}`.trim();
    progress.update(i);
  };
  try {
    const i = await call('GET', base);
    onProject(i.project_id);
    shown(i);
    edit.replaceChildren(editForm(base, i, shown));
  } catch (err) { error(err.message); }
  const timer = setInterval(async () => {
    if (!document.body.contains(page)) { clearInterval(timer); return; }
    try { shown(await call('GET', base)); } catch (err) { error(err.message); }
  }, 2000);
  await Promise.all([buckets.refresh(), users.refresh(), policies.refresh()]);
}
