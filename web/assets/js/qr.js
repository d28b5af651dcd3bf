// A QR code as an SVG element drawn from the code's modules (no innerHTML, nothing from the
// network; the CSP allows it). Loaded only when a QR code is asked for.
import { encode } from 'uqr';

const SVG = 'http://www.w3.org/2000/svg';

/** `text` (an address) as a square SVG of `size` CSS pixels with the quiet zone around it. */
export function qrSvg(text, { size = 200, label = '' } = {}) {
  const qr = encode(text, { ecc: 'M', border: 0 });
  const n = qr.size;
  const quiet = 4;
  let d = '';
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (qr.data[y][x]) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
  const svg = document.createElementNS(SVG, 'svg');
  const total = n + quiet * 2;
  svg.setAttribute('viewBox', `0 0 ${total} ${total}`);
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('role', 'img');
  svg.setAttribute('shape-rendering', 'crispEdges');
  if (label) svg.setAttribute('aria-label', label);
  svg.dataset.qr = text;
  const bg = document.createElementNS(SVG, 'rect');
  bg.setAttribute('width', String(total));
  bg.setAttribute('height', String(total));
  bg.setAttribute('fill', '#ffffff');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000000');
  svg.append(bg, path);
  return svg;
}
