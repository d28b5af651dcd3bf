import { createHash } from 'node:crypto';
import { gameStanding, type GameForMeta } from './page-meta.js';
import type { Read } from './page-preload.js';
import { renderShareCard, renderTournamentCard, type ShareCard, type TournamentCard } from './share-image.js';

export interface ShareImage {
  png: Buffer;
  etag: string;
}

/** Pictures kept (games and tournaments; a tournament day has a few dozen games; each PNG is about 50 KB). */
const KEPT = 200;

/**
 * Share pictures of games, made once per state of the game: a preview fetched by a hundred
 * phones in a WeChat group renders once, and the next basket (a new `lastSeq`) makes a new one.
 * Rendering takes a few hundred milliseconds off the event loop; requests for the same state wait
 * for the same rendering.
 */
export function shareImages(read: Read) {
  const made = new Map<string, { key: string; image: Promise<ShareImage> }>();

  /** The picture for `key` (a game's or tournament's id) in the state `card`, made once per state. */
  function kept<C>(id: string, card: C, render: (card: C) => Promise<Buffer>): Promise<ShareImage> {
    const key = createHash('sha256').update(JSON.stringify(card)).digest('base64url').slice(0, 22);
    const cached = made.get(id);
    if (cached?.key === key) return cached.image;
    const image = render(card).then((png) => ({ png, etag: `"${key}"` }));
    made.delete(id);
    made.set(id, { key, image });
    image.catch(() => made.get(id)?.image === image && made.delete(id));
    if (made.size > KEPT) made.delete(made.keys().next().value!);
    return image;
  }

  async function tournament(id: string): Promise<ShareImage | null> {
    const answer = await read(`/api/v1/tournaments/${id}`);
    if (answer.status !== 200) return null;
    const t = answer.body as { name: string; venue: string | null; startsOn: string; endsOn: string };
    const games = await read(`/api/v1/tournaments/${id}/games?page=1&pageSize=100`);
    const list = games.status === 200 ? (games.body as { items: Array<{ status: string }> }).items : [];
    const live = list.filter((g) => g.status === 'live').length;
    const played = list.filter((g) => DONE.has(g.status)).length;
    const card: TournamentCard = {
      name: t.name,
      facts: [t.venue, `${t.startsOn} 至 ${t.endsOn}`].filter(Boolean).join(' · '),
      status: live > 0 ? `正在直播 ${live} 场` : played > 0 ? `已赛 ${played} 场` : '即将开赛',
      live: live > 0,
    };
    return kept(`t:${id}`, card, renderTournamentCard);
  }

  async function game(id: string): Promise<ShareImage | null> {
    const answer = await read(`/api/v1/games/${id}`);
    if (answer.status !== 200) return null;
    const g = answer.body as GameForMeta & {
      tournamentId: string;
      homeTeam: { name: string; primaryColor?: string | null } | null;
      awayTeam: { name: string; primaryColor?: string | null } | null;
    };
    const tournament = await read(`/api/v1/tournaments/${g.tournamentId}`);
    const heading = tournament.status === 200 ? (tournament.body as { name: string }).name : '工BA';
    return kept(`g:${id}`, cardOf(g, heading), renderShareCard);
  }

  return { game, tournament };
}

const DONE = new Set(['final', 'official', 'forfeit', 'lost_by_default']);
const SCORED = new Set(['live', 'final', 'official', 'forfeit', 'lost_by_default']);

function cardOf(
  g: GameForMeta & { homeTeam: ShareSideIn | null; awayTeam: ShareSideIn | null },
  heading: string,
): ShareCard {
  const scored = SCORED.has(g.status);
  const live = g.status === 'live' && g.live ? g.live.score : null;
  const side = (team: ShareSideIn | null, score: number | null | undefined) => ({
    name: team?.name ?? '待定',
    color: team?.primaryColor ?? null,
    score: scored ? (score ?? 0) : null,
  });
  return {
    heading,
    home: side(g.homeTeam, live ? live.home : g.homeScore),
    away: side(g.awayTeam, live ? live.away : g.awayScore),
    status: gameStanding(g),
    live: g.status === 'live',
  };
}

type ShareSideIn = { name: string; primaryColor?: string | null };
