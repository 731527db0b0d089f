import { call, signIn, signOut, signedIn } from './api.js';
import { el, show, error } from './dom.js';
import { createForm } from './create.js';
import { instanceView } from './instance.js';
import { projectPicker, projectName, roleFor, selectedProject } from './projects.js';

let poll = null;

function signInView() {
  const user = el('input', { id: 'username', autocomplete: 'username', required: '' });
  const pass = el('input', { id: 'password', type: 'password', autocomplete: 'current-password', required: '' });
  const project = el('input', { id: 'project', placeholder: 'all your projects' });
  const form = el('form', { 'aria-label': 'Sign in' },
    el('label', { for: 'username' }, 'User name'), user,
    el('label', { for: 'password' }, 'Password'), pass,
    el('label', { for: 'project' }, 'Project (optional, name or id: limits this session to it; otherwise pick one in the header)'), project,
    el('p', {}, el('button', { type: 'submit' }, 'Sign in')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try { await signIn(user.value, pass.value, project.value.trim()); error(''); route(); } catch (err) { error(err.message); }
  });
  show(form);
}

async function instancesView() {
  const body = el('tbody');
  const table = el('table', {},
    el('thead', {}, el('tr', {}, ...['Name', 'Status', 'Reason', 'Nodes', 'Endpoint', ''].map((h) => el('th', {}, h)))),
    body);
  const refresh = async () => {
    try {
      const project = selectedProject();
      const page = await call('GET', `/v1/types/s3/instances${project ? `?project_id=${encodeURIComponent(project)}` : ''}`);
      const items = Array.isArray(page) ? page : (page.items || []);
      body.replaceChildren(...items.map((i) => el('tr', {},
        el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => open(i.name) }, String(i.name ?? ''))),
        el('td', {}, String(i.status ?? '')),
        el('td', {}, String(i.status_reason ?? '')), el('td', {}, String(i.nodes_number ?? '')),
        el('td', {}, String(i.endpoint ?? '')),
        el('td', {}, el('button', { type: 'button', class: 'owner', onclick: () => remove(i.name) }, 'Delete')))));
      error('');
    } catch (err) { error(err.message); }
  };
  const remove = async (name) => {
    if (!window.confirm(`Delete instance ${name}?`)) { return; }
    try { await call('DELETE', `/v1/types/s3/instances/${encodeURIComponent(name)}`); await refresh(); } catch (err) { error(err.message); }
  };
  show(el('section', { 'aria-label': 'Instances' }, el('h2', {}, 'Instances'), el('div', { class: 'scroll' }, table),
    createForm(() => refresh(), selectedProject)));
  await refresh();
  poll = setInterval(refresh, 2000);
}

// On an instance's page the role (and so the controls) is the one in the instance's own project.
function open(name) {
  clearInterval(poll);
  instanceView(name, route, (projectId) => present(projectId));
}

// The caller's role in the selected project decides which write controls show (body[data-role]: viewers see
// none, operators no instance create/delete); the API enforces the same, this only spares buttons that would 403.
let me = null;

function present(project = selectedProject()) {
  const role = roleFor(me, project);
  document.body.dataset.role = role;
  document.getElementById('who').textContent = `${me.name} · ${role} · ${projectName(project)}`;
}

async function whoami() {
  try {
    me = await call('GET', '/v1/auth/whoami');
    const picker = await projectPicker(me, () => { present(); clearInterval(poll); instancesView(); });
    document.getElementById('project-pick').replaceChildren(picker);
    present();
  } catch (err) { error(err.message); }
}

async function route() {
  clearInterval(poll);
  const out = document.getElementById('signout');
  out.hidden = !signedIn();
  document.getElementById('who').textContent = '';
  document.getElementById('project-pick').replaceChildren();
  delete document.body.dataset.role;
  if (signedIn()) { await whoami(); instancesView(); } else { signInView(); }
}

document.getElementById('signout').addEventListener('click', () => { signOut(); route(); });
route();
