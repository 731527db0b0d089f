// An instance's way from PENDING through CREATING to ACTIVE (or ERROR), the current step marked, with the status
// reason; and its nodes with their health as the API reports them (local nodes, or a cluster's gateways).
import { el } from './dom.js';

const STEPS = ['PENDING', 'CREATING', 'ACTIVE'];

export function progressView() {
  const steps = el('ol', { class: 'steps', id: 'instance-progress', 'aria-label': 'Provisioning progress' });
  const reason = el('p', { id: 'instance-reason', class: 'note' });
  const nodes = el('tbody');
  const node = el('section', { 'aria-label': 'Progress and nodes', id: 'progress' },
    el('h3', {}, 'Progress'), steps, reason,
    el('h3', {}, 'Nodes'), el('div', { class: 'scroll' }, el('table', { id: 'instance-nodes' },
      el('thead', {}, el('tr', {}, ...['Node', 'URL', 'Health'].map((h) => el('th', {}, h)))), nodes)));
  const update = (i) => {
    const status = String(i.status ?? '');
    // ERROR and DELETING replace the step they interrupt; generation ahead of observed: a change being applied.
    const last = status === 'ERROR' || status === 'DELETING' ? status : 'ACTIVE';
    const names = [...STEPS.slice(0, 2), last];
    const at = status === 'ERROR' || status === 'DELETING' ? 2 : Math.max(0, STEPS.indexOf(status));
    steps.replaceChildren(...names.map((s, n) => {
      const li = el('li', { class: n < at ? 'done' : n === at ? `current ${s.toLowerCase()}` : 'todo' }, s);
      if (n === at) { li.setAttribute('aria-current', 'step'); }
      return li;
    }));
    const applying = status === 'ACTIVE' && i.generation > i.observed_generation ? 'applying a change… ' : '';
    reason.textContent = `${applying}${i.status_reason ? `Reason: ${i.status_reason}` : ''}`;
    const list = Array.isArray(i.nodes) ? i.nodes : [];
    nodes.replaceChildren(...(list.length === 0 ? [el('tr', {}, el('td', { colspan: '3' }, 'no nodes yet'))]
      : list.map((n) => el('tr', {}, el('td', {}, String(n.id ?? '')), el('td', {}, String(n.url ?? '')),
        el('td', { class: `health ${String(n.status ?? '').toLowerCase()}` }, String(n.status ?? ''))))));
  };
  return { node, update };
}
