// An instance's buckets: list with their settings and status; "Browse" opens the object browser.
import { call } from './api.js';
import { el, error } from './dom.js';

const flag = (b) => (b ? 'yes' : 'no');

export function bucketsSection(base, onOpen) {
  const body = el('tbody');
  const refresh = async () => {
    try {
      const list = await call('GET', `${base}/buckets`);
      body.replaceChildren(...list.map((b) => el('tr', {}, el('td', {}, String(b.name)),
        el('td', {}, flag(b.versioning_enabled)), el('td', {}, flag(b.object_lock_enabled)),
        el('td', {}, b.quota_bytes ? String(b.quota_bytes) : 'none'), el('td', {}, flag(b.public)),
        el('td', {}, `${b.status ?? ''} ${b.status_reason ?? ''}`.trim()),
        el('td', {}, el('button', { type: 'button', onclick: () => onOpen(b) }, 'Browse')))));
    } catch (err) { error(err.message); }
  };
  const node = el('section', { 'aria-label': 'Buckets', id: 'buckets' }, el('h3', {}, 'Buckets'),
    el('table', {}, el('thead', {}, el('tr', {},
      ...['Bucket', 'Versioning', 'Object lock', 'Quota (bytes)', 'Public', 'Status', ''].map((h) => el('th', {}, h)))), body));
  return { node, refresh };
}
