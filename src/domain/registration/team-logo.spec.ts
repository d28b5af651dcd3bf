import { DomainError } from '../shared/domain-error.js';
import { checkTeamLogo, imageKindOf, TEAM_LOGO_MAX_BYTES } from './team-logo.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const WEBP = new TextEncoder().encode('RIFF\u0024\u0000\u0000\u0000WEBPVP8 ');
const SVG = new TextEncoder().encode('\uFEFF  <?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>');

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return null;
};

describe('team logo checks', () => {
  it('reads PNG, JPEG and WebP from their first bytes', () => {
    expect([PNG, JPEG, WEBP, SVG].map(imageKindOf)).toEqual(['image/png', 'image/jpeg', 'image/webp', null]);
  });

  it('accepts an image whose declared type agrees, or octet-stream', () => {
    expect(checkTeamLogo(PNG, 'image/png')).toBe('image/png');
    expect(checkTeamLogo(JPEG, 'image/jpg')).toBe('image/jpeg');
    expect(checkTeamLogo(WEBP, 'application/octet-stream')).toBe('image/webp');
  });

  it('refuses SVG (declared or disguised), other files, a spoofed type, nothing and too much', () => {
    expect(codeOf(() => checkTeamLogo(SVG, 'image/svg+xml'))).toBe('TEAM_LOGO_SVG_NOT_ALLOWED');
    expect(codeOf(() => checkTeamLogo(SVG, 'image/png'))).toBe('TEAM_LOGO_SVG_NOT_ALLOWED');
    expect(codeOf(() => checkTeamLogo(new TextEncoder().encode('GIF89a'), 'image/gif'))).toBe(
      'TEAM_LOGO_TYPE_NOT_ALLOWED',
    );
    expect(codeOf(() => checkTeamLogo(JPEG, 'image/png'))).toBe('TEAM_LOGO_TYPE_MISMATCH');
    expect(codeOf(() => checkTeamLogo(new Uint8Array(0), 'image/png'))).toBe('TEAM_LOGO_EMPTY');
    const big = new Uint8Array(TEAM_LOGO_MAX_BYTES + 1);
    big.set(PNG);
    expect(codeOf(() => checkTeamLogo(big, 'image/png'))).toBe('TEAM_LOGO_TOO_LARGE');
    expect(checkTeamLogo(big.subarray(0, TEAM_LOGO_MAX_BYTES), 'image/png')).toBe('image/png');
  });
});
