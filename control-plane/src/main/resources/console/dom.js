// Builds DOM nodes; API data only ever goes through textContent (no innerHTML).
export function el(tag, attrs = {}, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) { n.addEventListener(k.slice(2), v); } else { n.setAttribute(k, v); }
  }
  for (const c of children) { n.append(typeof c === 'string' ? document.createTextNode(c) : c); }
  return n;
}

export function show(node) {
  const main = document.getElementById('main');
  main.replaceChildren(node);
  main.focus();
}

export function error(message) { document.getElementById('error').textContent = message || ''; }

// Shows an ApiError next to the field it names (notes: field → element), otherwise in the page's error line.
export function fieldError(err, notes) {
  if (err.field && notes[err.field]) { notes[err.field].textContent = err.message; } else { error(err.message); }
}

// A copy-to-clipboard button for the text text() returns; says so when the clipboard is not available.
export function copyButton(label, text) {
  const status = el('span', { class: 'note', 'aria-live': 'polite' });
  const button = el('button', { type: 'button', onclick: () => (navigator.clipboard ? navigator.clipboard.writeText(text()) : Promise.reject(new Error('no clipboard')))
    .then(() => { status.textContent = 'copied'; })
    .catch(() => { status.textContent = 'select the text and copy it'; }) }, label);
  return el('span', {}, button, status);
}
