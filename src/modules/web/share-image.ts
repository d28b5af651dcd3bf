import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The picture a link preview shows (WeChat, QQ, a browser's share sheet): the two teams in their
 * colours, the score and where the game stands, drawn on the server as a PNG so that no phone
 * has to run script to make it. The SVG below is turned into pixels by resvg (Rust, prebuilt for
 * each platform; no browser), with Noto Sans SC from the @embedpdf/fonts-sc package so that the
 * Chinese names render the same on a fresh laptop and in the Docker image; Debian's
 * fonts-noto-cjk (/usr/share/fonts/opentype/noto) is used if that package is missing.
 */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

export interface ShareSide {
  name: string;
  /** #RRGGBB, or null for the default. */
  color: string | null;
  score: number | null;
}

export interface ShareCard {
  /** The line at the top: the tournament's name. */
  heading: string;
  home: ShareSide;
  away: ShareSide;
  /** Where the game stands: "第4节 05:12", "终场", "5月19日 14:00". */
  status: string;
  /** A live game gets the red badge. */
  live: boolean;
}

interface FontSet {
  files: string[];
  family: string;
}

let fonts: FontSet | null | undefined;
function fontSet(): FontSet | null {
  if (fonts !== undefined) return fonts;
  const candidates: FontSet[] = [];
  try {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
    candidates.push({
      files: [path.join(dir, 'NotoSansHans-Regular.otf'), path.join(dir, 'NotoSansHans-Bold.otf')],
      family: 'Noto Sans S Chinese',
    });
  } catch {
    // not installed: try the system's
  }
  const system = '/usr/share/fonts/opentype/noto';
  candidates.push({
    files: [path.join(system, 'NotoSansCJK-Regular.ttc'), path.join(system, 'NotoSansCJK-Bold.ttc')],
    family: 'Noto Sans CJK SC',
  });
  fonts = candidates.find((c) => c.files.every((f) => existsSync(f))) ?? null;
  return fonts;
}

const HEX = /^#[0-9a-f]{6}$/i;
const DEFAULTS = ['#1e4fa0', '#a8201a'] as const;

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Black or white text, whichever reads better on `hex`. */
function inkOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  return luminance > 0.4 ? '#16191d' : '#ffffff';
}

/** Characters drawn at `size` fit in `width`: CJK is about 1 em wide, Latin about 0.6. */
function fitted(text: string, width: number, size: number): { text: string; size: number } {
  const ems = [...text].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 1 : 0.6), 0);
  if (ems * size <= width) return { text, size };
  const smaller = Math.floor(width / ems);
  if (smaller >= size * 0.6) return { text, size: smaller };
  const min = Math.round(size * 0.6);
  let out = '';
  let used = 0;
  for (const c of text) {
    const w = c.charCodeAt(0) > 0x2e80 ? 1 : 0.6;
    if ((used + w + 1) * min > width) break;
    out += c;
    used += w;
  }
  return { text: `${out}…`, size: min };
}

/** The card as SVG (exported for tests and for anyone who wants the vector). */
export function shareCardSvg(card: ShareCard, family = fontSet()?.family ?? 'sans-serif'): string {
  const { width: W, height: H } = SHARE_IMAGE;
  const half = W / 2;
  const side = (s: ShareSide, i: 0 | 1) => {
    const color = s.color && HEX.test(s.color) ? s.color : DEFAULTS[i];
    const ink = inkOn(color);
    const x = i === 0 ? 0 : half;
    const cx = x + half / 2;
    const name = fitted(s.name, half - 80, 56);
    return [
      `<rect x="${x}" y="110" width="${half}" height="${H - 200}" fill="${color}"/>`,
      `<text x="${cx}" y="215" font-size="${name.size}" font-weight="700" fill="${ink}" text-anchor="middle">${escapeXml(name.text)}</text>`,
      `<text x="${cx}" y="420" font-size="170" font-weight="700" fill="${ink}" text-anchor="middle">${s.score ?? '–'}</text>`,
    ].join('');
  };
  const heading = fitted(card.heading, W - 120, 40);
  const status = escapeXml(card.status);
  const badgeWidth = Math.max(180, [...card.status].length * 40 + 60);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${escapeXml(family)}">`,
    `<rect width="${W}" height="${H}" fill="#14213d"/>`,
    `<text x="${W / 2}" y="72" font-size="${heading.size}" fill="#ffffff" text-anchor="middle">${escapeXml(heading.text)}</text>`,
    side(card.home, 0),
    side(card.away, 1),
    `<rect x="${(W - badgeWidth) / 2}" y="455" width="${badgeWidth}" height="64" rx="32" fill="${card.live ? '#b3261e' : '#ffffff'}" stroke="#ffffff" stroke-width="3"/>`,
    `<text x="${W / 2}" y="500" font-size="36" font-weight="700" fill="${card.live ? '#ffffff' : '#14213d'}" text-anchor="middle">${status}</text>`,
    `<text x="${W / 2}" y="${H - 32}" font-size="30" fill="#ffffff" text-anchor="middle">工BA 赛事直播 · Courtside</text>`,
    '</svg>',
  ].join('');
}

/** A tournament's card: its name large, where and when, and what is on now. */
export interface TournamentCard {
  name: string;
  facts: string;
  /** "正在直播 2 场", "已赛 12 场" */
  status: string;
  live: boolean;
}

export function tournamentCardSvg(card: TournamentCard, family = fontSet()?.family ?? 'sans-serif'): string {
  const { width: W, height: H } = SHARE_IMAGE;
  const name = fitted(card.name, W - 120, 72);
  const facts = fitted(card.facts, W - 160, 36);
  const badgeWidth = Math.max(220, [...card.status].length * 40 + 80);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${escapeXml(family)}">`,
    `<rect width="${W}" height="${H}" fill="#14213d"/>`,
    `<rect y="${H - 90}" width="${W}" height="90" fill="#e07a1f"/>`,
    `<text x="${W / 2}" y="120" font-size="40" fill="#c9d1e3" text-anchor="middle">工BA 赛事直播</text>`,
    `<text x="${W / 2}" y="270" font-size="${name.size}" font-weight="700" fill="#ffffff" text-anchor="middle">${escapeXml(name.text)}</text>`,
    `<text x="${W / 2}" y="350" font-size="${facts.size}" fill="#e6e9ee" text-anchor="middle">${escapeXml(facts.text)}</text>`,
    `<rect x="${(W - badgeWidth) / 2}" y="395" width="${badgeWidth}" height="68" rx="34" fill="${card.live ? '#b3261e' : '#ffffff'}" stroke="#ffffff" stroke-width="3"/>`,
    `<text x="${W / 2}" y="442" font-size="38" font-weight="700" fill="${card.live ? '#ffffff' : '#14213d'}" text-anchor="middle">${escapeXml(card.status)}</text>`,
    `<text x="${W / 2}" y="${H - 32}" font-size="32" font-weight="700" fill="#14213d" text-anchor="middle">赛程 · 比分直播 · 积分榜 · 数据 · Courtside</text>`,
    '</svg>',
  ].join('');
}

/** The card as a PNG of SHARE_IMAGE's size (rendered off the event loop). */
export async function renderShareCard(card: ShareCard): Promise<Buffer> {
  return renderSvg(shareCardSvg(card, fontSet()?.family));
}

export async function renderTournamentCard(card: TournamentCard): Promise<Buffer> {
  return renderSvg(tournamentCardSvg(card, fontSet()?.family));
}

async function renderSvg(svg: string): Promise<Buffer> {
  const set = fontSet();
  // A native module, loaded on the first picture rather than at start-up.
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, {
    fitTo: { mode: 'original' },
    font: set
      ? { loadSystemFonts: false, fontFiles: set.files, defaultFontFamily: set.family }
      : { loadSystemFonts: true },
    logLevel: 'off',
  });
  return image.asPng();
}
