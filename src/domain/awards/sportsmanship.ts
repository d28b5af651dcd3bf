import { invalid } from '../shared/domain-error.js';
import { compareNamesForDisplay, competitionRanks } from '../stats/index.js';

/**
 * Indicators that INFORM the organisers' sportsmanship award (精神风尚奖); they do not decide it.
 * Each misconduct foul and forfeit costs penalty points; the suggested order is fewest first.
 * Default weights grow with seriousness: technical 1, unsportsmanlike 2, disqualifying 4,
 * forfeit 10 (refusing or failing to play is the worst offence against the event).
 * Fouls are counted as recorded, including those charged to coaches and bench personnel.
 */
export type MisconductFoulKind = 'technical' | 'unsportsmanlike' | 'disqualifying';

export interface MisconductFoul {
  teamId: string;
  kind: MisconductFoulKind;
  gameId?: string;
  personId?: string;
}

export interface Forfeit {
  /** The team that forfeited (absent, could not field 5 players, or refused to play). */
  teamId: string;
  gameId?: string;
}

export interface SportsmanshipTeam {
  teamId: string;
  /** Needed for the per-game basis: finalists play more games and so collect more fouls. */
  gamesPlayed?: number;
}

export interface SportsmanshipWeights {
  technical: number;
  unsportsmanlike: number;
  disqualifying: number;
  forfeit: number;
}

export const DEFAULT_SPORTSMANSHIP_WEIGHTS: SportsmanshipWeights = {
  technical: 1,
  unsportsmanlike: 2,
  disqualifying: 4,
  forfeit: 10,
};

export interface SportsmanshipOptions {
  weights?: Partial<SportsmanshipWeights>;
  /** Order on penalty points ('total', default) or penalty points per game played. */
  basis?: 'total' | 'per_game';
  teamNames?: Readonly<Record<string, string>>;
}

export interface SportsmanshipIndicator {
  /** Suggested place, fewest penalty points first; equal values share it. */
  rank: number;
  tied: boolean;
  teamId: string;
  technical: number;
  unsportsmanlike: number;
  disqualifying: number;
  forfeits: number;
  penaltyPoints: number;
  /** Penalty points per game played; null when games played is unknown or zero. */
  penaltyPerGame: number | null;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function sportsmanshipIndicators(
  teams: ReadonlyArray<string | SportsmanshipTeam>,
  fouls: readonly MisconductFoul[],
  forfeits: readonly Forfeit[],
  options: SportsmanshipOptions = {},
): SportsmanshipIndicator[] {
  const weights = { ...DEFAULT_SPORTSMANSHIP_WEIGHTS, ...options.weights };
  const basis = options.basis ?? 'total';
  const rows = new Map<string, Omit<SportsmanshipIndicator, 'rank' | 'tied'> & { gamesPlayed?: number }>();
  teams.forEach((team, i) => {
    const { teamId, gamesPlayed } = typeof team === 'string' ? { teamId: team, gamesPlayed: undefined } : team;
    if (rows.has(teamId)) {
      throw invalid('AWARDS_DUPLICATE_TEAM', `team ${teamId} is listed twice`, [
        { field: `teams[${i}]`, reason: 'duplicate' },
      ]);
    }
    if (basis === 'per_game' && !(Number.isInteger(gamesPlayed) && (gamesPlayed as number) > 0)) {
      throw invalid('AWARDS_GAMES_PLAYED_REQUIRED', `ordering per game needs games played for team ${teamId}`, [
        { field: `teams[${i}].gamesPlayed`, reason: 'must be a positive integer' },
      ]);
    }
    rows.set(teamId, {
      teamId,
      gamesPlayed,
      technical: 0,
      unsportsmanlike: 0,
      disqualifying: 0,
      forfeits: 0,
      penaltyPoints: 0,
      penaltyPerGame: null,
    });
  });
  const rowOf = (teamId: string, field: string) => {
    const row = rows.get(teamId);
    if (row === undefined) {
      throw invalid('AWARDS_UNKNOWN_TEAM', `team ${teamId} is not among the teams being assessed`, [
        { field, reason: 'unknown team' },
      ]);
    }
    return row;
  };
  fouls.forEach((foul, i) => {
    const row = rowOf(foul.teamId, `fouls[${i}].teamId`);
    if (foul.kind !== 'technical' && foul.kind !== 'unsportsmanlike' && foul.kind !== 'disqualifying') {
      throw invalid('AWARDS_UNKNOWN_FOUL_KIND', `foul kind ${String(foul.kind)} does not inform sportsmanship`, [
        { field: `fouls[${i}].kind`, reason: 'technical, unsportsmanlike or disqualifying' },
      ]);
    }
    row[foul.kind] += 1;
  });
  forfeits.forEach((f, i) => {
    rowOf(f.teamId, `forfeits[${i}].teamId`).forfeits += 1;
  });

  const indicators = [...rows.values()].map(({ gamesPlayed, ...row }) => {
    const penaltyPoints = round6(
      row.technical * weights.technical +
        row.unsportsmanlike * weights.unsportsmanlike +
        row.disqualifying * weights.disqualifying +
        row.forfeits * weights.forfeit,
    );
    const penaltyPerGame = gamesPlayed ? round6(penaltyPoints / gamesPlayed) : null;
    return { ...row, penaltyPoints, penaltyPerGame };
  });
  const key = (r: (typeof indicators)[number]) =>
    basis === 'per_game' ? (r.penaltyPerGame as number) : r.penaltyPoints;
  const names = options.teamNames ?? {};
  indicators.sort(
    (a, b) => key(a) - key(b) || compareNamesForDisplay(names[a.teamId], a.teamId, names[b.teamId], b.teamId),
  );
  const ranks = competitionRanks(indicators, (a, b) => key(a) === key(b));
  return indicators.map((row, i) => ({ ...ranks[i], ...row }));
}
