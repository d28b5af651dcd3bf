import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';

/** A public API answer as the page would have fetched it. */
export interface PreloadedAnswer {
  status: number;
  body: unknown;
}

/** What a page is sent with its HTML: answers by URL (exactly as the page's scripts ask for them) and a title. */
export interface PagePreload {
  answers: Record<string, PreloadedAnswer>;
  title?: string;
  /** The object the address names does not exist: answer the page with 404. */
  missing?: boolean;
}

type Read = (url: string) => Promise<PreloadedAnswer>;
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
  const read: Read = async (url) => {
    const res = await fetch(selfUrl(fastify) + url, {
      headers: { accept: 'application/json', 'accept-encoding': 'identity' },
      signal: AbortSignal.timeout(3000),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const preloaders: Record<string, (params: PageParams) => Promise<PagePreload>> = {
    game: ({ id }) => preloadGame(read, id!),
    tournament: ({ id, tab }) => preloadTournament(read, id!, tab ?? 'games'),
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

/** This server's own listening address, reachable from itself. */
function selfUrl(fastify: FastifyInstance): string {
  const { address, family, port } = fastify.server.address() as AddressInfo;
  const host =
    address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '[::1]' : family === 'IPv6' ? `[${address}]` : address;
  return `http://${host}:${port}`;
}

/** How many plays the game page keeps (web/assets/js/feed.js PLAYS_KEPT). */
const PLAYS_KEPT = 40;

interface GameView {
  tournamentId: string;
  status: string;
  homeTeam?: { id: string; name: string } | null;
  awayTeam?: { id: string; name: string } | null;
  homeScore?: number | null;
  awayScore?: number | null;
  live?: { lastSeq: number } | null;
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
  return { answers, title: gameTitle(game) };
}

const SCORED = new Set(['live', 'final', 'official', 'forfeit', 'lost_by_default']);

function gameTitle(g: GameView): string {
  const home = g.homeTeam?.name ?? '待定';
  const away = g.awayTeam?.name ?? '待定';
  const scored = g.homeScore != null && g.awayScore != null && SCORED.has(g.status);
  return scored ? `${home} ${g.homeScore}:${g.awayScore} ${away}` : `${home} 对 ${away}`;
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
  return { answers, title: (tournament.body as { name: string }).name };
}
