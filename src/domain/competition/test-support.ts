/**
 * Test helpers (not part of the public API): play a structure to the end with group rankings and
 * knockout winners chosen by the test. Group rankings are given, never computed (that is the
 * standings area's job); group games are won by the better-ranked team so results and rankings agree.
 */
import { resolveSlots } from './resolve-slots.js';
import type { CompetitionFacts, CompetitionStructure, GameResultFact, GroupRankingRow } from './types.js';

export interface PlayOutOptions {
  /** A group's teams best first (default: as resolved, in entrant order). */
  groupOrder?: (groupId: string, teamIds: string[]) => string[];
  /** The winner of a knockout game (default: home). */
  winner?: (gameId: string, home: string, away: string) => string;
  /** Stop after this many passes (each pass decides everything that has become playable). */
  maxPasses?: number;
}

export function playOut(
  structure: CompetitionStructure,
  options: PlayOutOptions = {},
  start?: CompetitionFacts,
): CompetitionFacts {
  const facts: CompetitionFacts = start ?? { groups: [], games: [] };
  const groups = structure.stages.flatMap((s) => (s.kind === 'group' ? s.groups : []));
  for (let pass = 0; pass < (options.maxPasses ?? 1000); pass++) {
    const resolution = resolveSlots(structure, facts);
    const byId = new Map(resolution.games.map((g) => [g.gameId, g]));
    let progressed = false;
    for (const group of groups) {
      if (facts.groups.some((g) => g.groupId === group.id)) continue;
      const games = structure.games.filter((g) => g.groupId === group.id);
      const sides = games.map((g) => byId.get(g.id)!);
      if (sides.some((s) => s.home.state !== 'resolved' || s.away.state !== 'resolved')) continue;
      // Teams in entrant (draw) order.
      const teamOfSlot = new Map<string, string>();
      games.forEach((g, i) => {
        teamOfSlot.set(JSON.stringify(g.home), sides[i].home.teamId!);
        teamOfSlot.set(JSON.stringify(g.away), sides[i].away.teamId!);
      });
      const teams = group.entrants.map((slot) => teamOfSlot.get(JSON.stringify(slot))!);
      const order = options.groupOrder?.(group.id, teams) ?? teams;
      const stats = new Map(order.map((t) => [t, { wins: 0, losses: 0, pf: 0, pa: 0 }]));
      for (const s of sides) {
        const [home, away] = [s.home.teamId!, s.away.teamId!];
        const [winner, loser] = order.indexOf(home) < order.indexOf(away) ? [home, away] : [away, home];
        facts.games.push({ gameId: s.gameId, status: 'final', winnerTeamId: winner, loserTeamId: loser });
        const w = stats.get(winner)!;
        const l = stats.get(loser)!;
        w.wins++;
        l.losses++;
        // A margin that shrinks down the table keeps cross-group comparisons varied but deterministic.
        const margin = 2 + ((order.indexOf(winner) * 7 + order.indexOf(loser) * 3 + winner.length) % 13);
        w.pf += 70 + margin;
        w.pa += 70;
        l.pf += 70;
        l.pa += 70 + margin;
      }
      const ranking: GroupRankingRow[] = order.map((teamId, i) => {
        const s = stats.get(teamId)!;
        return {
          teamId,
          rank: i + 1,
          played: s.wins + s.losses,
          wins: s.wins,
          losses: s.losses,
          classificationPoints: 2 * s.wins + s.losses,
          pointsFor: s.pf,
          pointsAgainst: s.pa,
        };
      });
      facts.groups.push({ groupId: group.id, isFinal: true, ranking });
      progressed = true;
    }
    for (const game of structure.games) {
      if (game.groupId !== null) continue;
      const s = byId.get(game.id)!;
      if (!s.needed || s.decided || facts.games.some((f) => f.gameId === game.id)) continue;
      if (s.home.state !== 'resolved' || s.away.state !== 'resolved') continue;
      const winner = options.winner?.(game.id, s.home.teamId!, s.away.teamId!) ?? s.home.teamId!;
      const loser = winner === s.home.teamId ? s.away.teamId! : s.home.teamId!;
      const result: GameResultFact = { gameId: game.id, status: 'final', winnerTeamId: winner, loserTeamId: loser };
      facts.games.push(result);
      progressed = true;
    }
    if (!progressed) break;
  }
  return facts;
}

/** Team slots t1..tn. */
export const teams = (n: number, prefix = 'T') =>
  Array.from({ length: n }, (_, i) => ({ kind: 'team' as const, teamId: `${prefix}${i + 1}` }));

/** A deterministic pseudo-random winner picker for property tests. */
export function coinFlips(seed: number): (gameId: string, home: string, away: string) => string {
  return (gameId, home, away) => {
    let h = seed >>> 0;
    for (const ch of gameId + home + away) h = Math.imul(h ^ ch.charCodeAt(0), 2654435761) >>> 0;
    return (h >>> 16) % 2 === 0 ? home : away;
  };
}
