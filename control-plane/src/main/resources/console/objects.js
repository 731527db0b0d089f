// Object browser for one bucket through the control plane's object proxy: prefixes as folders, pages,
// upload (XHR, progress bar), download (fetch → Blob → object URL), delete, and versions when versioning is on.
import { call, download, upload } from './api.js';
import { el, error } from './dom.js';

const q = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null)).toString();

export function objectBrowser(base, bucket) {
  const root = `${base}/buckets/${encodeURIComponent(bucket.name)}`;
  let prefix = '';
  let token = null;
  const where = el('p', { id: 'objects-prefix' });
  const body = el('tbody');
  const versions = el('div', { id: 'object-versions' });
  const next = el('button', { type: 'button', id: 'objects-next', hidden: '' }, 'Next page');
  const file = el('input', { type: 'file', id: 'upload-file' });
  const bar = el('progress', { id: 'upload-progress', max: '100', value: '0', hidden: '' });
  const save = async (key, versionId) => {
    try {
      const blob = await download(`${root}/object?${q({ key, version_id: versionId })}`);
      const url = URL.createObjectURL(blob);
      const a = el('a', { href: url, download: key.split('/').pop() || 'object' });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (err) { error(err.message); }
  };
  const remove = async (key, versionId) => {
    if (!window.confirm(`Delete ${key}${versionId ? ` (version ${versionId})` : ''}?`)) { return; }
    try { await call('DELETE', `${root}/object?${q({ key, version_id: versionId })}`); error(''); } catch (err) { error(err.message); }
    versions.replaceChildren();
    await load(null);
  };
  const showVersions = async (key) => {
    try {
      const page = await call('GET', `${root}/objects/versions?${q({ prefix: key })}`);
      const rows = page.items.filter((v) => v.key === key).map((v) => el('tr', {},
        el('td', {}, el('code', {}, String(v.version_id))), el('td', {}, v.is_latest ? 'latest' : ''),
        el('td', {}, v.delete_marker ? 'delete marker' : String(v.size ?? '')), el('td', {}, String(v.last_modified ?? '')),
        el('td', {}, v.delete_marker ? '' : el('button', { type: 'button', onclick: () => save(key, v.version_id) }, 'Download'),
          ' ', el('button', { type: 'button', class: 'write', onclick: () => remove(key, v.version_id) }, 'Delete version'))));
      versions.replaceChildren(el('h4', {}, `Versions of ${key}`), el('table', {}, el('tbody', {}, ...rows)));
    } catch (err) { error(err.message); }
  };
  const open = (p) => { prefix = p; versions.replaceChildren(); load(null); };
  const load = async (pageToken) => {
    try {
      const page = await call('GET', `${root}/objects?${q({ prefix, delimiter: '/', page_token: pageToken, limit: 100 })}`);
      token = page.next_page_token;
      next.hidden = !token;
      where.replaceChildren('Prefix: ', el('code', {}, `/${prefix}`), ' ',
        prefix ? el('button', { type: 'button', id: 'objects-up', onclick: () => open(prefix.replace(/[^/]*\/$/, '')) }, 'Up') : '');
      body.replaceChildren(
        ...page.prefixes.map((p) => el('tr', {}, el('td', {},
          el('button', { type: 'button', class: 'link', onclick: () => open(p) }, p.slice(prefix.length))),
          el('td', {}, 'folder'), el('td', {}), el('td', {}))),
        ...page.items.map((o) => el('tr', {}, el('td', {}, o.key.slice(prefix.length)), el('td', {}, String(o.size)),
          el('td', {}, String(o.last_modified ?? '')),
          el('td', {}, el('button', { type: 'button', onclick: () => save(o.key) }, 'Download'), ' ',
            el('button', { type: 'button', class: 'write', onclick: () => remove(o.key) }, 'Delete'),
            bucket.versioning_enabled ? ' ' : '',
            bucket.versioning_enabled ? el('button', { type: 'button', onclick: () => showVersions(o.key) }, 'Versions') : ''))));
    } catch (err) { error(err.message); }
  };
  next.addEventListener('click', () => load(token));
  const form = el('form', { 'aria-label': 'Upload', id: 'upload', class: 'write' },
    el('label', { for: 'upload-file' }, 'Upload a file into this prefix'), file, ' ',
    el('button', { type: 'submit', id: 'upload-go' }, 'Upload'), ' ', bar);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = file.files[0];
    if (!f) { error('choose a file first'); return; }
    bar.hidden = false;
    bar.value = 0;
    try {
      await upload(`${root}/object?${q({ key: prefix + f.name })}`, f, (done, total) => { bar.value = Math.round((100 * done) / total); });
      bar.value = 100;
      form.reset();
      error('');
    } catch (err) { error(err.message); }
    await load(null);
  });
  load(null);
  return el('section', { 'aria-label': `Objects in ${bucket.name}`, id: 'objects' }, el('h3', {}, `Objects in ${bucket.name}`),
    where, el('p', {}, el('button', { type: 'button', id: 'objects-refresh', onclick: () => load(null) }, 'Refresh')),
    el('table', {}, el('thead', {}, el('tr', {}, ...['Name', 'Size', 'Modified', ''].map((h) => el('th', {}, h)))), body),
    next, form, versions);
}
