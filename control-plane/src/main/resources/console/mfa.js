// The instance root's virtual MFA device (what MFA delete asks codes of): its otpauth URI as a QR code for an
// authenticator app, the serial and the URI for copying. It is a secret, so nothing is fetched until asked, and
// only those the API lets read it (owners, operators) see the section (class write).
import { call, download } from './api.js';
import { el, error, copyButton } from './dom.js';

export function mfaSection(base, name) {
  const panel = el('div', { id: 'mfa-device' });
  let url = null;
  const toggle = el('button', { type: 'button', id: 'mfa-toggle', 'aria-expanded': 'false' }, 'Show MFA device');
  const hide = () => {
    if (url) { URL.revokeObjectURL(url); url = null; }
    panel.replaceChildren();
    toggle.textContent = 'Show MFA device';
    toggle.setAttribute('aria-expanded', 'false');
  };
  const reveal = async () => {
    try {
      const [device, png] = await Promise.all([call('GET', `${base}/mfa`), download(`${base}/mfa/qr`)]);
      url = URL.createObjectURL(png);
      const serial = el('code', { id: 'mfa-serial' }, String(device.serial ?? ''));
      const uri = el('code', { id: 'mfa-uri' }, String(device.otpauth_uri ?? ''));
      panel.replaceChildren(
        el('p', { class: 'warning' }, 'This is a secret: whoever scans this code or copies the URI can compute the '
          + 'codes that deleting versions under MFA delete asks for. Do not share it or a screenshot of it.'),
        el('img', { id: 'mfa-qr', class: 'qr', src: url, alt: `QR code of the MFA device of instance ${name} (otpauth URI)` }),
        el('p', {}, 'Serial (the first word of x-amz-mfa): ', serial, ' ', copyButton('Copy serial', () => serial.textContent)),
        el('p', {}, 'otpauth URI: ', uri, ' ', copyButton('Copy URI', () => uri.textContent)));
      toggle.textContent = 'Hide MFA device';
      toggle.setAttribute('aria-expanded', 'true');
      error('');
    } catch (err) { error(err.message); }
  };
  toggle.addEventListener('click', () => (url ? hide() : reveal()));
  return el('section', { 'aria-label': 'MFA device', id: 'mfa', class: 'write' }, el('h3', {}, 'MFA device'),
    el('p', {}, 'The instance root\'s virtual MFA device, for MFA delete (RFC 6238 TOTP: SHA-1, 6 digits, 30 s).'),
    toggle, panel);
}
