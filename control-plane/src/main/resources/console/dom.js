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
