/**
 * Plain-data types of group standings (FIBA Official Basketball Rules, Appendix D).
 * Everything here is JSON-serialisable: standings are stored as jsonb and sent over socket.io.
 */

export type GameState = 'final' | 'live';

/** `forfeit`: awarded 20:0, loser gets 0 classification points; `default`: lost by default, loser still gets 1. */
export type GameOutcome = 'played' | 'forfeit' | 'default';

/** A game of the group, with the recorded score (forfeit 20:0, default as recorded). */
export interface GroupGame {
  id: string;
  homeTeamId: string;
  awayTeamId: string;
  homeScore: number;
  awayScore: number;
  state: GameState;
  outcome: GameOutcome;
  /** The team that forfeited; required when `outcome` is `forfeit`. */
  forfeitingTeamId?: string;
  /** The team that lost by default; required when `outcome` is `default`. */
  defaultedTeamId?: string;
}

/** A game on the schedule that has not started; used only to tell whether the group is complete. */
export interface ScheduledGame {
  id: string;
  homeTeamId: string;
  awayTeamId: string;
}

export interface GroupStandingsInput {
  /** The teams ranked in this group. */
  teamIds: readonly string[];
  /**
   * Games that count for the group, including games carried over from an earlier round. A carried-over
   * game against a team that is not in this group (FIBA World Cup second round) counts for the group
   * team only; a game with no group team is refused.
   */
  games: readonly GroupGame[];
  /** Scheduled games not yet started; the group is complete when none remain and none is live. */
  unplayedGames?: readonly ScheduledGame[];
}

export interface GroupStandingsOptions {
  /** Live standings: count games in progress at their current score. Official standings leave them out. */
  includeLive?: boolean;
  /** All games of the group have been played. Derived from `unplayedGames` and live games when omitted. */
  complete?: boolean;
  /** The organiser's recorded drawing of lots, best first; applied only to teams that only lots can separate. */
  drawOrder?: readonly string[];
}

/** The criterion that fixed a team's place, in the order FIBA applies them (D.1.1, D.1.3). */
export type TieBreakCriterion =
  | 'classification_points'
  | 'head_to_head_points'
  | 'head_to_head_difference'
  | 'head_to_head_scored'
  | 'group_difference'
  | 'group_scored'
  | 'draw'
  | 'shared';

/** One team's record over a set of games (the whole group, or only the games among tied teams). */
export interface TeamRecord {
  teamId: string;
  played: number;
  wins: number;
  losses: number;
  classificationPoints: number;
  pointsFor: number;
  pointsAgainst: number;
  pointDifference: number;
}

/** The games among a set of tied teams, summed per team: what FIBA calls the "second classification". */
export interface MiniTable {
  /** The tied teams the table is about. */
  teamIds: string[];
  /** Ids of the games among them that were counted. */
  gameIds: string[];
  rows: TeamRecord[];
}

/** One application of one criterion to a set of tied teams (the audit trail of the procedure). */
export interface TieBreakStep {
  amongTeamIds: string[];
  criterion: Exclude<TieBreakCriterion, 'draw' | 'shared'>;
  values: Array<{ teamId: string; value: number }>;
  /** Teams in the order the criterion placed them; teams in one inner list are still level. */
  groups: string[][];
}

export interface StandingRow extends TeamRecord {
  rank: number;
  /** True when the rank is shared with another team (before the group is complete, or awaiting a draw). */
  sharedRank: boolean;
  forfeitLosses: number;
  /** True when a game in progress is counted in this row: not an official standing. */
  includesLive: boolean;
  decidedBy: TieBreakCriterion;
  /** The other teams this team was level with at the step that decided its place ([] when not tied). */
  tiedWith: string[];
  /** Games among the teams level at the deciding step; null when classification points alone decided. */
  miniTable: MiniTable | null;
  /** Only a drawing of lots can place this team (group complete, no recorded draw covers it). */
  needsDraw: boolean;
}

export interface GroupStandings {
  rows: StandingRow[];
  complete: boolean;
  /** At least one counted game is still in progress. */
  includesLive: boolean;
  needsDraw: boolean;
  /** Each set of teams that only lots can separate. */
  drawsNeeded: string[][];
  /** Live games left out because they are level at the moment (no winner to count yet). */
  levelLiveGameIds: string[];
  tieBreakSteps: TieBreakStep[];
}
