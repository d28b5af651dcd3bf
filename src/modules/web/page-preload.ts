import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { gameMeta, type GameForMeta, type PageMeta } from './page-meta.js';

/** A public API answer as the page would have fetched it. */
export interface PreloadedAnswer {
  status: number;
  body: unknown;
}

/** What a page is sent with its HTML: answers by URL (exactly as the page's scripts ask for them), its title and link-preview tags. */
export interface PagePreload {
  answers: Record<string, PreloadedAnswer>;
  title?: string;
  meta?: PageMeta;
  /** The object the address names does not exist: answer the page with 404. */
  missing?: boolean;
}

export type Read = (url: string) => Promise<PreloadedAnswer>;
type PageParams = { id?: string; tab?: string };

/**
 * On a phone over the hall's Wi-Fi every round trip costs hundreds of milliseconds, and a page
 * that first loads its script and then asks the API in two rounds shows the score seconds late.
 * For the pages fans open most, the server asks its own public API over loopback (so the answer is
 * byte for byte what the page would get: same guards, same serialisation, same shared reads among
 * a crowd) and sends those answers inside the HTML. (Fastify's inject would skip the socket, but
 * its cookie dependency is an ES module that Jest cannot load on Node 20.) The page's `get()` takes an answer from
 * there once, then goes to the network as before. Anonymous reads only: nothing private is
 * inlined.
 */
export function pagePreloader(fastify: FastifyInstance) {
  const read = publicReader(fastify);
  const preloaders: Record<string, (params: PageParams) => Promise<PagePreload>> = {
    game: ({ id }) => preloadGame(read, id!),
    tournament: ({ id, tab }) => preloadTournament(read, id!, tab ?? 'games'),
    team: ({ id }) => teamMeta(read, id!),
    player: ({ id }) => playerMeta(read, id!),
    home: async () => ({ answers: {}, title: HOME_META.title, meta: HOME_META }),
  };
  return async (page: string, params: PageParams): Promise<PagePreload | null> => {
    const preload = preloaders[page];
    if (!preload) return null;
    try {
      return await preload(params);
    } catch {
      // The page loads its data itself, as it always could.
      return null;
    }
  };
}

/** Reads this server's public API over loopback, as an anonymous fan would. */
export function publicReader(fastify: FastifyInstance): Read {
  return async (url) => {
    const res = await fetch(selfUrl(fastify) + url, {
      headers: { accept: 'application/json', 'accept-encoding': 'identity' },
      signal: AbortSignal.timeout(3000),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

/** This server's own listening address, reachable from itself. */
function selfUrl(fastify: FastifyInstance): string {
  const { address, family, port } = fastify.server.address() as AddressInfo;
  const host =
    address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '[::1]' : family === 'IPv6' ? `[${address}]` : address;
  return `http://${host}:${port}`;
}

/** How many plays the game page keeps (web/assets/js/feed.js PLAYS_KEPT). */
const PLAYS_KEPT = 40;

interface GameView extends GameForMeta {
  tournamentId: string;
  homeTeam?: { id: string; name: string } | null;
  awayTeam?: { id: string; name: string } | null;
}

/** The requests web/assets/js/pages/game.js and feed.js make for the first view, in their words. */
async function preloadGame(read: Read, id: string): Promise<PagePreload> {
  const gameUrl = `/api/v1/games/${id}`;
  const gameAnswer = await read(gameUrl);
  if (gameAnswer.status === 404) return { answers: {}, missing: true };
  if (gameAnswer.status !== 200) return { answers: {} };
  const game = gameAnswer.body as GameView;
  const urls: string[] = [`/api/v1/tournaments/${game.tournamentId}`];
  const lastSeq = game.live?.lastSeq ?? 0;
  if (lastSeq > 0) urls.push(`/api/v1/games/${id}/plays?afterSeq=${Math.max(0, lastSeq - PLAYS_KEPT)}&limit=500`);
  if (game.live) urls.push(`/api/v1/games/${id}/box-score`);
  for (const team of [game.homeTeam, game.awayTeam])
    if (team) urls.push(`/api/v1/teams/${team.id}/players?pageSize=100`);
  const answers: Record<string, PreloadedAnswer> = { [gameUrl]: gameAnswer };
  await Promise.all(urls.map(async (url) => (answers[url] = await read(url))));
  const tournament = answers[urls[0]!]!;
  const meta = gameMeta(game, tournament.status === 200 ? (tournament.body as { name: string }).name : null);
  return { answers, title: meta.title, meta };
}

/** What web/assets/js/pages/tournament.js load() asks for: the tournament, its games and teams, the tab's data. */
async function preloadTournament(read: Read, id: string, tab: string): Promise<PagePreload> {
  const base = `/api/v1/tournaments/${id}`;
  const tournament = await read(base);
  if (tournament.status === 404) return { answers: {}, missing: true };
  if (tournament.status !== 200) return { answers: {} };
  const urls = [`${base}/games?page=1&pageSize=100`, `${base}/teams?page=1&pageSize=100`];
  const byTab: Record<string, string[]> = {
    standings: [`${base}/competition/standings`],
    bracket: [`${base}/competition/bracket`, `${base}/competition/ranking`],
    leaders: [`${base}/leaders`],
    awards: [`${base}/awards`],
  };
  urls.push(...(byTab[tab] ?? []));
  const answers: Record<string, PreloadedAnswer> = { [base]: tournament };
  await Promise.all(urls.map(async (url) => (answers[url] = await read(url))));
  const t = tournament.body as { name: string; venue: string | null; startsOn: string; endsOn: string };
  const games = answers[urls[0]!]!;
  const live =
    games.status === 200
      ? (games.body as { items: Array<{ status: string }> }).items.filter((g) => g.status === 'live').length
      : 0;
  const facts = [t.venue, `${t.startsOn} 至 ${t.endsOn}`, live > 0 ? `正在直播 ${live} 场` : null].filter(Boolean);
  const done =
    games.status === 200
      ? (games.body as { items: Array<{ status: string }> }).items.filter((g) => DONE.has(g.status)).length
      : 0;
  const meta: PageMeta = {
    title: t.name,
    description: `${facts.join(' · ')}。赛程、比分直播、积分榜、对阵图和数据统计`,
    // A new address whenever what the picture says changes (share-images.ts).
    image: `/t/${id}/share.png?v=${live}-${done}`,
    imageSize: { width: 1200, height: 630 },
  };
  return { answers, title: t.name, meta };
}

const DONE = new Set(['final', 'official', 'forfeit', 'lost_by_default']);

const HOME_META: PageMeta = {
  title: '工BA 赛事',
  description: '职工篮球赛的赛程、比分直播、积分榜和数据统计',
};

/** A team's page: its name and tournament in the preview (the page loads its own data). */
async function teamMeta(read: Read, id: string): Promise<PagePreload> {
  const team = await read(`/api/v1/teams/${id}`);
  if (team.status === 404) return { answers: {}, missing: true };
  if (team.status !== 200) return { answers: {} };
  const t = team.body as { name: string; tournamentId: string };
  const tournament = await read(`/api/v1/tournaments/${t.tournamentId}`);
  const tName = tournament.status === 200 ? (tournament.body as { name: string }).name : null;
  const title = tName ? `${t.name} · ${tName}` : t.name;
  return { answers: {}, title, meta: { title, description: `${t.name}的阵容、赛程、战绩和球员数据` } };
}

async function playerMeta(read: Read, id: string): Promise<PagePreload> {
  const player = await read(`/api/v1/players/${id}`);
  if (player.status === 404) return { answers: {}, missing: true };
  if (player.status !== 200) return { answers: {} };
  const p = player.body as { name: string; jerseyNumber: number; teamId: string };
  const team = await read(`/api/v1/teams/${p.teamId}`);
  const teamName = team.status === 200 ? (team.body as { name: string }).name : null;
  const title = teamName ? `#${p.jerseyNumber} ${p.name} · ${teamName}` : `#${p.jerseyNumber} ${p.name}`;
  return { answers: {}, title, meta: { title, description: `${p.name}的每场数据、总计和场均` } };
}
