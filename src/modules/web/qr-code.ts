import { encode } from 'uqr';

/** Longest text a QR code is drawn for (a page's address is far shorter). */
export const QR_TEXT_MAX = 500;

/**
 * A QR code of `text` as SVG: black modules on white with the standard four-module quiet zone,
 * one path, medium error correction (readable from a phone screen or a printed sheet). Drawn by
 * the server so that a page shows it as an image without loading any script for it.
 */
export function qrSvg(text: string): string {
  const qr = encode(text, { ecc: 'M', border: 0 });
  const quiet = 4;
  const total = qr.size + quiet * 2;
  let d = '';
  for (let y = 0; y < qr.size; y++)
    for (let x = 0; x < qr.size; x++) if (qr.data[y]![x]) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges">` +
    `<rect width="${total}" height="${total}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`
  );
}
