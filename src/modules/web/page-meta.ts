/**
 * What a link to a page says before anyone opens it: the title and description in the HTML, and
 * the Open Graph tags that WeChat, QQ and browsers read for a link preview (none of them runs the
 * page's script). Built from the same public answers the page gets (page-preload.ts).
 */
export interface PageMeta {
  title: string;
  description: string;
  /** A path on this site (made absolute when the tags are written). */
  image?: string;
  imageSize?: { width: number; height: number };
}

/** The parts of GET /api/v1/games/{id} that a title needs. */
export interface GameForMeta {
  id: string;
  status: string;
  court?: string | null;
  scheduledAt?: string | null;
  homeTeam?: { name: string; primaryColor?: string | null } | null;
  awayTeam?: { name: string; primaryColor?: string | null } | null;
  homeScore?: number | null;
  awayScore?: number | null;
  live?: {
    lastSeq: number;
    score: { home: number; away: number };
    period: { current: number; label: string | null; status: string };
  } | null;
  scoreByPeriod?: Array<{ label: string }>;
}

const SCORED = new Set(['live', 'final', 'official', 'forfeit', 'lost_by_default']);
const DONE = new Set(['final', 'official', 'forfeit', 'lost_by_default']);

const score = (g: GameForMeta) =>
  g.live && g.status === 'live'
    ? g.live.score
    : g.homeScore != null && g.awayScore != null
      ? { home: g.homeScore, away: g.awayScore }
      : null;

const wentToOvertime = (g: GameForMeta) =>
  (g.scoreByPeriod ?? []).some((p) => /^OT/.test(p.label)) || /^OT/.test(g.live?.period.label ?? '');

/** "5月19日 14:00" from "2024-05-19T14:00". */
export function whenZh(local: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local ?? '');
  return m ? `${Number(m[2])}月${Number(m[3])}日 ${m[4]}:${m[5]}` : null;
}

/** Where the game stands, as fans say it: "第4节", "加时1", "终场", "加时后终场", "5月19日 14:00". */
export function gameStanding(g: GameForMeta): string {
  if (g.status === 'forfeit') return '终场（弃权）';
  if (g.status === 'lost_by_default') return '终场（判负）';
  if (DONE.has(g.status)) return wentToOvertime(g) ? '加时后终场' : '终场';
  if (g.status === 'postponed') return '延期';
  if (g.status === 'cancelled') return '取消';
  if (g.status === 'live' && g.live?.period.current) {
    const label = g.live.period.label ?? String(g.live.period.current);
    const ot = /^OT(\d+)$/.exec(label);
    const period = ot ? `加时${ot[1]}` : `第${label}节`;
    return g.live.period.status === 'ended' ? `${period}结束` : period;
  }
  if (g.status === 'live') return '即将开始';
  return whenZh(g.scheduledAt) ?? '未开始';
}

/** "南浔彩蝶队 78:72 德清依蓄队 · 第4节", or "南浔彩蝶队 对 德清依蓄队 · 5月19日 14:00" before tip-off. */
export function gameTitle(g: GameForMeta): string {
  const home = g.homeTeam?.name ?? '待定';
  const away = g.awayTeam?.name ?? '待定';
  const s = SCORED.has(g.status) ? score(g) : null;
  const teams = s ? `${home} ${s.home}:${s.away} ${away}` : `${home} 对 ${away}`;
  return `${teams} · ${gameStanding(g)}`;
}

export function gameMeta(g: GameForMeta, tournamentName: string | null): PageMeta {
  const where = [tournamentName, g.court, whenZh(g.scheduledAt)].filter(Boolean).join(' · ');
  const what =
    g.status === 'live'
      ? '正在直播：比分、文字直播和技术统计'
      : DONE.has(g.status)
        ? '全场比分、技术统计和文字直播'
        : '比赛信息和直播';
  // The image's address changes with the score, so a preview made later does not show an old one.
  const version = `${g.live?.lastSeq ?? 0}-${g.status}`;
  return {
    title: gameTitle(g),
    description: where ? `${where}。${what}` : what,
    image: `/g/${g.id}/share.png?v=${encodeURIComponent(version)}`,
    imageSize: { width: 1200, height: 630 },
  };
}

const escapeAttr = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The head's tags for `meta`, with absolute addresses under `origin` (http://192.168.1.20:3000). */
export function metaTags(meta: PageMeta, origin: string, path: string): string {
  const title = `${meta.title} · Courtside`;
  const tags: Array<[string, string, string]> = [
    ['name', 'description', meta.description],
    ['property', 'og:type', 'website'],
    ['property', 'og:site_name', '工BA 赛事直播 · Courtside'],
    ['property', 'og:locale', 'zh_CN'],
    ['property', 'og:title', title],
    ['property', 'og:description', meta.description],
    ['property', 'og:url', origin + path],
    // WeChat's older previews read schema.org's itemprops.
    ['itemprop', 'name', title],
    ['itemprop', 'description', meta.description],
  ];
  if (meta.image) {
    const image = origin + meta.image;
    tags.push(['property', 'og:image', image], ['itemprop', 'image', image]);
    if (meta.imageSize)
      tags.push(
        ['property', 'og:image:width', String(meta.imageSize.width)],
        ['property', 'og:image:height', String(meta.imageSize.height)],
      );
    tags.push(['name', 'twitter:card', 'summary_large_image']);
  }
  return tags.map(([attr, key, value]) => `<meta ${attr}="${key}" content="${escapeAttr(value)}" />`).join('\n    ');
}
