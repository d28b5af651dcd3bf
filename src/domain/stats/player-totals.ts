import { efficiency, type PlayerGameLine } from './box-score-line.js';
import { ALL_KEPT, COUNTED_BY, COUNTED_GAMES, type CountedGames } from './kept.js';

/** A player's line in one game together with the stage (group stage, knockout, finals…) of that game. */
export interface StagedPlayerGameLine extends PlayerGameLine {
  stageId: string;
}

/** Which lines count toward leaders: only games of the chosen stages / teams. Omitted = all. */
export interface TotalsFilter {
  stageIds?: readonly string[];
  teamIds?: readonly string[];
}

/** A player's summed statistics over the filtered games. Plain data (jsonb / socket safe). */
export interface PlayerTotals {
  playerId: string;
  /** The team of the player's first counted line (a player represents one team in a tournament). */
  teamId: string;
  /** Lines with `played = true`: the games the player took part in. */
  games: number;
  pts: number;
  fgm2: number;
  fga2: number;
  fgm3: number;
  fga3: number;
  ftm: number;
  fta: number;
  oreb: number;
  dreb: number;
  ast: number;
  stl: number;
  blk: number;
  tov: number;
  pf: number;
  /** Sum of FIBA efficiency over the games (EFF is linear, so this is also EFF of the totals). */
  eff: number;
  /** Seconds on court summed over the games where time was tracked; null if it never was. */
  secondsPlayed: number | null;
  /**
   * Games played per group of categories, counting only the games that kept them (a paper
   * scoresheet with points only counts for `pts`, not for `reb`). Absent: every game kept
   * everything, so each equals `games`.
   */
  keptGames?: Record<CountedGames, number>;
}

/** The games a player's totals count for one group of categories. */
export const keptGamesOf = (t: PlayerTotals, key: CountedGames): number => t.keptGames?.[key] ?? t.games;

const keptGamesOrAll = (t: PlayerTotals): Record<CountedGames, number> =>
  t.keptGames ?? (Object.fromEntries(COUNTED_GAMES.map((k) => [k, t.games])) as Record<CountedGames, number>);

// Column layout of the flat accumulator: one row of STRIDE numbers per player.
const GAMES = 0;
const PTS = 1;
const FGM2 = 2;
const FGA2 = 3;
const FGM3 = 4;
const FGA3 = 5;
const FTM = 6;
const FTA = 7;
const OREB = 8;
const DREB = 9;
const AST = 10;
const STL = 11;
const BLK = 12;
const TOV = 13;
const PF = 14;
const EFF = 15;
const SECONDS = 16;
const TIMED = 17;
/** Then one column per COUNTED_GAMES entry. */
const KEPT_GAMES = 18;
const STRIDE = KEPT_GAMES + COUNTED_GAMES.length;
const COUNTED_ANY = COUNTED_GAMES.map((k) => COUNTED_BY[k].any);
const COUNTED_ALL = COUNTED_GAMES.map((k) => COUNTED_BY[k].all);

/**
 * One pass over the lines into per-player totals. Lines are accumulated into a flat
 * Float64Array indexed through a Map (no per-line allocation), so 500k lines cost tens of ms.
 * Output order is the order in which players first appear in `lines`.
 */
export function aggregatePlayerTotals(
  lines: readonly StagedPlayerGameLine[],
  filter: TotalsFilter = {},
): PlayerTotals[] {
  const stages = filter.stageIds ? new Set(filter.stageIds) : null;
  const teams = filter.teamIds ? new Set(filter.teamIds) : null;
  const index = new Map<string, number>();
  const playerIds: string[] = [];
  const teamIds: string[] = [];
  let acc = new Float64Array(256 * STRIDE);

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (stages !== null && !stages.has(l.stageId)) continue;
    if (teams !== null && !teams.has(l.teamId)) continue;
    let row = index.get(l.playerId);
    if (row === undefined) {
      row = playerIds.length;
      index.set(l.playerId, row);
      playerIds.push(l.playerId);
      teamIds.push(l.teamId);
      if ((row + 1) * STRIDE > acc.length) {
        const grown = new Float64Array(acc.length * 2);
        grown.set(acc);
        acc = grown;
      }
    }
    const o = row * STRIDE;
    if (l.played) {
      acc[o + GAMES] += 1;
      const kept = l.kept ?? ALL_KEPT;
      for (let k = 0; k < COUNTED_ANY.length; k++) {
        if ((kept & COUNTED_ANY[k]) !== 0 && (kept & COUNTED_ALL[k]) === COUNTED_ALL[k]) acc[o + KEPT_GAMES + k] += 1;
      }
    }
    acc[o + PTS] += l.pts;
    acc[o + FGM2] += l.fgm2;
    acc[o + FGA2] += l.fga2;
    acc[o + FGM3] += l.fgm3;
    acc[o + FGA3] += l.fga3;
    acc[o + FTM] += l.ftm;
    acc[o + FTA] += l.fta;
    acc[o + OREB] += l.oreb;
    acc[o + DREB] += l.dreb;
    acc[o + AST] += l.ast;
    acc[o + STL] += l.stl;
    acc[o + BLK] += l.blk;
    acc[o + TOV] += l.tov;
    acc[o + PF] += l.pf;
    acc[o + EFF] += efficiency(l);
    if (l.secondsPlayed !== null) {
      acc[o + SECONDS] += l.secondsPlayed;
      acc[o + TIMED] += 1;
    }
  }

  const totals: PlayerTotals[] = new Array(playerIds.length);
  for (let row = 0; row < playerIds.length; row++) {
    const o = row * STRIDE;
    const keptGames = {} as Record<CountedGames, number>;
    for (let k = 0; k < COUNTED_GAMES.length; k++) keptGames[COUNTED_GAMES[k]] = acc[o + KEPT_GAMES + k];
    totals[row] = {
      playerId: playerIds[row],
      teamId: teamIds[row],
      games: acc[o + GAMES],
      pts: acc[o + PTS],
      fgm2: acc[o + FGM2],
      fga2: acc[o + FGA2],
      fgm3: acc[o + FGM3],
      fga3: acc[o + FGA3],
      ftm: acc[o + FTM],
      fta: acc[o + FTA],
      oreb: acc[o + OREB],
      dreb: acc[o + DREB],
      ast: acc[o + AST],
      stl: acc[o + STL],
      blk: acc[o + BLK],
      tov: acc[o + TOV],
      pf: acc[o + PF],
      eff: acc[o + EFF],
      secondsPlayed: acc[o + TIMED] > 0 ? acc[o + SECONDS] : null,
      keptGames,
    };
  }
  return totals;
}

const SUMMED = [
  'games',
  'pts',
  'fgm2',
  'fga2',
  'fgm3',
  'fga3',
  'ftm',
  'fta',
  'oreb',
  'dreb',
  'ast',
  'stl',
  'blk',
  'tov',
  'pf',
  'eff',
] as const satisfies ReadonlyArray<keyof PlayerTotals>;

/**
 * Totals over disjoint sets of games added up per player (e.g. stored lines of finished games and
 * the lines of games in progress). A player keeps the team of the first list that has them.
 */
export function mergePlayerTotals(...lists: ReadonlyArray<readonly PlayerTotals[]>): PlayerTotals[] {
  const merged = new Map<string, PlayerTotals>();
  for (const list of lists) {
    for (const t of list) {
      const seen = merged.get(t.playerId);
      if (seen === undefined) {
        merged.set(t.playerId, { ...t, ...(t.keptGames ? { keptGames: { ...t.keptGames } } : {}) });
        continue;
      }
      if (seen.keptGames !== undefined || t.keptGames !== undefined) {
        const mine = keptGamesOrAll(seen);
        const theirs = keptGamesOrAll(t);
        seen.keptGames = Object.fromEntries(COUNTED_GAMES.map((k) => [k, mine[k] + theirs[k]])) as Record<
          CountedGames,
          number
        >;
      }
      for (const key of SUMMED) seen[key] += t[key];
      seen.secondsPlayed =
        seen.secondsPlayed === null && t.secondsPlayed === null
          ? null
          : (seen.secondsPlayed ?? 0) + (t.secondsPlayed ?? 0);
    }
  }
  return [...merged.values()];
}

/** Sums made elsewhere (the database) completed with their EFF: EFF is linear, so EFF of the sums. Mutates `sums`. */
export function totalsWithEfficiency(sums: Omit<PlayerTotals, 'eff'>): PlayerTotals {
  const totals = sums as PlayerTotals;
  // Set on the object given (no copy): a leaders page builds thousands of these.
  totals.eff = efficiency(sums);
  return totals;
}

/** The same totals taken away (to replace a set of games: merge(totals, negate(old), new)). */
export function negatePlayerTotals(list: readonly PlayerTotals[]): PlayerTotals[] {
  return list.map((t) => {
    const negated = { ...t };
    for (const key of SUMMED) negated[key] = -t[key];
    negated.secondsPlayed = t.secondsPlayed === null ? null : -t.secondsPlayed;
    if (t.keptGames !== undefined)
      negated.keptGames = Object.fromEntries(COUNTED_GAMES.map((k) => [k, -t.keptGames![k]])) as Record<
        CountedGames,
        number
      >;
    return negated;
  });
}
