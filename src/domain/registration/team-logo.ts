import { invalid, tooLarge, unsupportedMedia } from '../shared/domain-error.js';

/** A logo is printed small (programme, team page): 512 KB is plenty for a 512×512 PNG. */
export const TEAM_LOGO_MAX_BYTES = 512 * 1024;

export type LogoContentType = 'image/png' | 'image/jpeg' | 'image/webp';

const starts = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The image kind the bytes themselves say (their magic number), or null. */
export function imageKindOf(bytes: Uint8Array): LogoContentType | null {
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(bytes, ascii('RIFF')) && starts(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** Text that looks like markup (SVG, HTML): refused by name, since it can carry script. */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<') || head.includes('<svg');
}

/**
 * Accepts PNG, JPEG or WebP of at most TEAM_LOGO_MAX_BYTES, judged by the bytes: the declared
 * Content-Type must agree with them (a renamed SVG or HTML page is refused), and
 * `application/octet-stream` takes what the bytes say. Returns the content type to serve.
 */
export function checkTeamLogo(bytes: Uint8Array, declaredType: string | undefined): LogoContentType {
  if (bytes.length === 0)
    throw invalid('TEAM_LOGO_EMPTY', 'Send the logo image as the request body', [
      { field: 'body', reason: 'is empty' },
    ]);
  if (bytes.length > TEAM_LOGO_MAX_BYTES)
    throw tooLarge('TEAM_LOGO_TOO_LARGE', `The logo may be at most ${TEAM_LOGO_MAX_BYTES / 1024} KB`, [
      { field: 'body', reason: `is ${Math.ceil(bytes.length / 1024)} KB; at most ${TEAM_LOGO_MAX_BYTES / 1024} KB` },
    ]);
  const declared = (declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  const kind = imageKindOf(bytes);
  if (!kind) {
    const svg = declared === 'image/svg+xml' || looksLikeMarkup(bytes);
    throw unsupportedMedia(
      svg ? 'TEAM_LOGO_SVG_NOT_ALLOWED' : 'TEAM_LOGO_TYPE_NOT_ALLOWED',
      svg
        ? 'SVG logos are not accepted (they can carry script): send PNG, JPEG or WebP'
        : 'Send the logo as PNG, JPEG or WebP',
      [{ field: 'body', reason: svg ? 'is SVG or markup' : 'is not a PNG, JPEG or WebP image' }],
    );
  }
  const normalised = declared === 'image/jpg' || declared === 'image/pjpeg' ? 'image/jpeg' : declared;
  if (normalised !== 'application/octet-stream' && normalised !== kind)
    throw unsupportedMedia('TEAM_LOGO_TYPE_MISMATCH', `The file is ${kind}, not ${declared || 'what was declared'}`, [
      { field: 'content-type', reason: `says ${declared || 'nothing'} but the file is ${kind}` },
    ]);
  return kind;
}
