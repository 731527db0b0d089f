// Talks to the public REST API with the bearer token kept in sessionStorage (never a cookie).
const store = window.sessionStorage;

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `HTTP ${status}`);
    this.status = status;
    this.code = body && body.code;
    this.field = body && body.field;
  }
}

export function signedIn() { return store.getItem('access_token') !== null; }

export function signOut() { store.clear(); }

export async function signIn(username, password, project) {
  const body = { username, password };
  if (project) { body.project_id = project; }
  const r = await call('POST', '/v1/auth/token', body, false);
  keep(r);
  return r;
}

export async function refresh() {
  const token = store.getItem('refresh_token');
  if (!token) { return false; }
  try {
    keep(await call('POST', '/v1/auth/token', { grant_type: 'refresh_token', refresh_token: token }, false));
    return true;
  } catch (e) {
    signOut();
    return false;
  }
}

function keep(r) {
  store.setItem('access_token', r.access_token);
  store.setItem('refresh_token', r.refresh_token);
  if (r.project_id) { store.setItem('project_id', r.project_id); }
}

export async function call(method, path, body, auth = true) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
  if (auth) { headers['Authorization'] = 'Bearer ' + store.getItem('access_token'); }
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 401 && auth && await refresh()) { return call(method, path, body, auth); }
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) { throw new ApiError(res.status, json); }
  return json;
}

function bearer() { return { Authorization: 'Bearer ' + store.getItem('access_token') }; }

async function failure(res) {
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  return new ApiError(res.status, json);
}

// GET of raw bytes (an object download) as a Blob; the browser holds it in memory, so huge objects use an SDK.
export async function download(path, retried = false) {
  const res = await fetch(path, { headers: bearer() });
  if (res.status === 401 && !retried && await refresh()) { return download(path, true); }
  if (!res.ok) { throw await failure(res); }
  return res.blob();
}

// PUT of a file's bytes through XHR, for its upload progress events; resolves with the API's JSON answer.
export function upload(path, file, onProgress, retried = false) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', path);
    xhr.setRequestHeader('Authorization', bearer().Authorization);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) { onProgress(e.loaded, e.total); } });
    xhr.addEventListener('error', () => reject(new Error('upload failed: network error')));
    xhr.addEventListener('load', async () => {
      let json = null;
      try { json = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { json = null; }
      if (xhr.status === 401 && !retried && await refresh()) {
        upload(path, file, onProgress, true).then(resolve, reject);
      } else if (xhr.status >= 200 && xhr.status < 300) { resolve(json); } else { reject(new ApiError(xhr.status, json)); }
    });
    xhr.send(file);
  });
}
