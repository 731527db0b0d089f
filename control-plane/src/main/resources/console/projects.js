// The header's project switcher: the projects you have a role in (GET /v1/iam/projects). The role shown and the
// write controls follow the selected project, the instance list is filtered to it and a create goes to it
// (project_id). The choice is kept in sessionStorage, so a reload keeps it. A token scoped at sign-in reaches one
// project only: the switcher then holds just that one.
import { call } from './api.js';
import { el } from './dom.js';

const KEY = 'console_project';
const RANK = { viewer: 1, operator: 2, owner: 3 };
let names = {};

export function selectedProject() { return window.sessionStorage.getItem(KEY) || ''; }

export function projectName(id) { return id ? (names[id] || id) : 'all projects'; }

// What the console presents: admin everywhere; else the role in the selected project, or (all projects) the
// highest. Only presentation: the API enforces the roles.
export function roleFor(me, project) {
  if (me.is_admin) { return 'admin'; }
  const roles = me.roles.filter((r) => !project || r.project_id === project).map((r) => r.role);
  return roles.sort((a, b) => RANK[b] - RANK[a])[0] || 'viewer';
}

export async function projectPicker(me, onChange) {
  const list = await call('GET', '/v1/iam/projects');
  names = Object.fromEntries(list.map((p) => [p.id, String(p.name ?? p.id)]));
  const ids = list.map((p) => p.id);
  const store = window.sessionStorage;
  // "All projects" unless the token or the caller has just one; an admin starts there, others in their only one.
  const single = me.project_id || (!me.is_admin && ids.length === 1) ? (me.project_id || ids[0]) : null;
  if (single) { store.setItem(KEY, single); } else if (!ids.includes(selectedProject())) { store.removeItem(KEY); }
  const select = el('select', { id: 'project-select' },
    ...(single ? [] : [el('option', { value: '' }, 'All projects')]),
    ...list.map((p) => el('option', { value: p.id }, names[p.id])));
  select.value = selectedProject();
  select.disabled = select.options.length < 2;
  select.addEventListener('change', () => {
    if (select.value) { store.setItem(KEY, select.value); } else { store.removeItem(KEY); }
    onChange();
  });
  return el('span', { class: 'picker' }, el('label', { for: 'project-select' }, 'Project '), select);
}
