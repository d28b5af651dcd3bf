import { invalid } from '../shared/domain-error.js';
import { compareNamesForDisplay, competitionRanks, kthLargest, type PlayerTotals } from '../stats/index.js';
import { validateTeamPlaces, type TeamPlace } from './team-places.js';

/**
 * MVP candidate list for the organisers' panel (FIBA: a panel chooses; a formula only proposes).
 *
 *   score = base × teamFactor            (base ≥ 0)
 *   score = base ÷ teamFactor            (base < 0, so a better team never lowers a score)
 *
 * base: EFF per game (default), points per game, or EFF total.
 * teamFactor, default `linear` with weight w = 0.5:
 *   teamFactor = 1 + w × (N − place) / (N − 1), N = teams in the final ranking;
 *   the champion gets 1 + w, the last-placed team 1, a team not in the ranking 1
 *   (a one-team ranking gives its champion 1 + w).
 * or `per_place`: factors[place − 1], non-increasing; places beyond the list and unranked teams
 *   get the last factor (e.g. [1.3, 1.2, 1.1, 1] = podium bonus, everyone else 1).
 * Scores are rounded to 6 decimals so equal products tie exactly.
 */
export type MvpBasis = 'eff_per_game' | 'pts_per_game' | 'eff_total';

export type TeamSuccessWeighting =
  { kind: 'linear'; weight: number } | { kind: 'per_place'; factors: readonly number[] };

export interface MvpSettings {
  basis?: MvpBasis;
  teamSuccess?: TeamSuccessWeighting;
  /** Default 1. */
  minGames?: number;
  /** Candidates to list (ties at the cut-off kept). Default 10; null = all. */
  limit?: number | null;
  playerNames?: Readonly<Record<string, string>>;
}

export const DEFAULT_MVP_TEAM_SUCCESS: TeamSuccessWeighting = { kind: 'linear', weight: 0.5 };

export interface MvpCandidate {
  rank: number;
  tied: boolean;
  playerId: string;
  teamId: string;
  teamPlace: number | null;
  games: number;
  /** EFF per game, PTS per game or EFF total, unweighted. */
  base: number;
  teamFactor: number;
  score: number;
}

const baseValue: Record<MvpBasis, (t: PlayerTotals) => number> = {
  eff_per_game: (t) => t.eff / t.games,
  pts_per_game: (t) => t.pts / t.games,
  eff_total: (t) => t.eff,
};

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function teamFactorFn(places: readonly TeamPlace[], weighting: TeamSuccessWeighting): (teamId: string) => number {
  const placeOf = new Map(places.map((p) => [p.teamId, p.place]));
  if (weighting.kind === 'linear') {
    const w = weighting.weight;
    if (!Number.isFinite(w) || w < 0) {
      throw invalid('AWARDS_INVALID_MVP_SETTING', 'team-success weight must be a number ≥ 0', [
        { field: 'teamSuccess.weight', reason: `got ${String(w)}` },
      ]);
    }
    const n = places.reduce((most, p) => Math.max(most, p.place), places.length);
    return (teamId) => {
      const place = placeOf.get(teamId);
      if (place === undefined) return 1;
      return n <= 1 ? 1 + w : 1 + (w * Math.max(0, n - place)) / (n - 1);
    };
  }
  if (weighting.kind === 'per_place') {
    const factors = weighting.factors;
    if (factors.length === 0) {
      throw invalid('AWARDS_INVALID_MVP_SETTING', 'per-place factors need at least one factor', [
        { field: 'teamSuccess.factors', reason: 'empty' },
      ]);
    }
    factors.forEach((f, i) => {
      // A better place must never weigh less, or team success could lower a candidate's score.
      if (!Number.isFinite(f) || f <= 0 || (i > 0 && f > factors[i - 1])) {
        throw invalid('AWARDS_INVALID_MVP_SETTING', 'per-place factors must be positive and non-increasing', [
          { field: `teamSuccess.factors[${i}]`, reason: `got ${String(f)}` },
        ]);
      }
    });
    const last = factors[factors.length - 1];
    return (teamId) => {
      const place = placeOf.get(teamId);
      return place === undefined ? last : (factors[place - 1] ?? last);
    };
  }
  throw invalid(
    'AWARDS_INVALID_MVP_SETTING',
    `unknown team-success weighting ${String((weighting as { kind: unknown }).kind)}`,
  );
}

export function mvpCandidates(
  totals: readonly PlayerTotals[],
  places: readonly TeamPlace[],
  settings: MvpSettings = {},
): MvpCandidate[] {
  validateTeamPlaces(places);
  const basis = settings.basis ?? 'eff_per_game';
  if (!(basis in baseValue)) throw invalid('AWARDS_INVALID_MVP_SETTING', `unknown MVP basis ${String(basis)}`);
  const minGames = settings.minGames ?? 1;
  const limit = settings.limit === null ? Infinity : (settings.limit ?? 10);
  if (!Number.isInteger(minGames) || minGames < 0 || !(limit >= 1)) {
    throw invalid('AWARDS_INVALID_MVP_SETTING', 'minGames must be an integer ≥ 0 and limit ≥ 1');
  }
  const factorOf = teamFactorFn(places, settings.teamSuccess ?? DEFAULT_MVP_TEAM_SUCCESS);
  const placeOf = new Map(places.map((p) => [p.teamId, p.place]));

  const eligible: Array<Omit<MvpCandidate, 'rank' | 'tied'>> = [];
  for (const t of totals) {
    if (t.games < Math.max(1, minGames)) continue;
    const base = baseValue[basis](t);
    const teamFactor = factorOf(t.teamId);
    const score = round6(base >= 0 ? base * teamFactor : base / teamFactor);
    eligible.push({
      playerId: t.playerId,
      teamId: t.teamId,
      teamPlace: placeOf.get(t.teamId) ?? null,
      games: t.games,
      base,
      teamFactor,
      score,
    });
  }
  const scores = Float64Array.from(eligible, (c) => c.score);
  const threshold = kthLargest(scores, scores.length, limit);
  const names = settings.playerNames ?? {};
  const listed = eligible
    .filter((c) => c.score >= threshold)
    .sort(
      (a, b) =>
        b.score - a.score || compareNamesForDisplay(names[a.playerId], a.playerId, names[b.playerId], b.playerId),
    );
  const ranks = competitionRanks(listed, (a, b) => a.score === b.score);
  return listed.map((c, i) => ({ ...ranks[i], ...c }));
}
