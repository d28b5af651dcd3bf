// Small pieces the tournament's tabs share.
import { h } from '../dom.js';
import { currentLang, t } from '../i18n.js';

export const teamLink = (team, fallback) =>
  team ? h('a', { href: `/teams/${team.id}` }, team.name) : (fallback ?? t('tbd'));

/** "A组" for a group the organiser left unnamed ("Group A", "A"), its own name otherwise. */
export const groupName = (g) =>
  /^(Group )?[A-Z0-9]{1,2}$/.test(g.name ?? '') || !g.name ? t('groupName', { id: g.groupId ?? g.id }) : g.name;

/** The Chinese or the English of a label the server sends in both. */
export const label2 = (zh, en) => (currentLang() === 'zh' ? zh : en) ?? zh ?? en ?? '';

export const signed = (n) => (n > 0 ? `+${n}` : String(n));

/**
 * @typedef {{
 *   tournamentId: string,
 *   tournament: { id: string, name: string, season: string, venue: string | null, startsOn: string, endsOn: string },
 *   games: Array<import('./game-card.js').GameItem>,
 *   teams: Array<{ id: string, name: string, rosterSize: number }>,
 *   lines: Map<string, import('./game-card.js').LiveLine>,
 *   namer: import('./game-card.js').Namer | null,
 * }} TournamentContext
 *
 * A tab of the tournament page. `load` reads what it shows (`first`: the read the server answered
 * inside the page); `view` draws it; `topics` are the
 * `tournament:changed` topics after which it reads again; `readsOnPlay` says a play can change it
 * (standings' live table, live leaders), so it reads again shortly after each score line;
 * `patchScore` applies a score line without a read and says whether to draw again;
 * `firstReadWithoutLive`: the read sent inside the page leaves out games in progress.
 * @typedef {{
 *   load: (ctx: TournamentContext, first?: boolean) => Promise<unknown>,
 *   view: (ctx: TournamentContext, data: any) => Node,
 *   topics: string[],
 *   readsOnPlay?: boolean,
 *   firstReadWithoutLive?: boolean,
 *   patchScore?: (data: any, line: { gameId: string, status: string, score: { home: number, away: number } }) => boolean,
 * }} TournamentTab
 */
