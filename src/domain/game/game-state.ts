/**
 * The live state of one game, derived from its event log. Plain JSON (no undefined, no Map):
 * the service stores it in a jsonb column and sends it over the socket.
 */
import { emptyLine, type PlayerGameLine } from '../stats/box-score-line.js';
import { invalid } from '../shared/domain-error.js';
import type { GameFlag } from './game-flags.js';
import { type GameContext, timeoutAllowance, timeoutSegment } from './game-settings.js';
import type { PlayBody } from './play-event.js';
import type { Integer } from '../shared/integer.js';

export interface TeamInGame {
  teamId: string;
  name: string;
}

/** Points scored in one period, per team id. `label` is "1".."4", "OT1", "OT2"... */
export interface PeriodScore {
  period: Integer;
  label: string;
  points: Record<string, Integer>;
}

export interface PeriodState {
  /** 0 before the first period starts. */
  current: number;
  label: string | null;
  status: 'not_started' | 'in_progress' | 'ended';
}

/** The game clock as far as the events say. `remaining` in tenths of a second, as of event `asOfSeq`. */
export interface ClockState {
  running: boolean;
  remaining: number | null;
  asOfSeq: number | null;
}

export interface TeamFoulState {
  /** Team fouls charged to each period, by label (fouls in an interval count for the next period). */
  byPeriod: Record<string, number>;
  /** Team fouls counting toward the penalty in the period being played (or about to start); overtime adds to the last regulation period. */
  current: number;
  /** FIBA "team foul penalty situation": `current` >= penaltyFrom - 1, so the next player foul gives free throws. */
  inPenalty: boolean;
}

export interface TimeoutState {
  /** "H1", "H2", "OT1"... */
  segment: string;
  allowance: number;
  used: number;
  usedInLastTwoMinutes: number;
  /** Left in this segment, taking the last-two-minutes cap into account once the clock shows 2:00 or less. */
  left: number;
  /** All time-outs this team took in the game. */
  total: number;
}

export interface FoulTally {
  personal: number;
  technical: number;
  unsportsmanlike: number;
  disqualifying: number;
}

/** Per player facts that are not box-score numbers. */
export interface PlayerGameStatus {
  playerId: string;
  teamId: string;
  jerseyNumber: number;
  name: string;
  starter: boolean;
  fouls: FoulTally;
  /** Why the player may no longer play, if so. */
  out: 'fouled_out' | 'disqualified' | null;
  outAtSeq: number | null;
}

/** Team-level numbers that belong to no player, and the head coach's foul record. */
export interface TeamExtras {
  teamPoints: number;
  teamOffensiveRebounds: number;
  teamDefensiveRebounds: number;
  teamTurnovers: number;
  coachTechnicals: number;
  benchTechnicals: number;
  coachDisqualifyingFouls: number;
  benchDisqualifyingFouls: number;
  /** FIBA Art. 40: 2 technicals "C", 3 technicals incl. "B", or a disqualifying foul. */
  coachDisqualified: boolean;
}

export interface RecentPlay {
  seq: number;
  period: number;
  gameClock: number | null;
  play: PlayBody;
  /** Score after this play, per team id. */
  score: Record<string, number>;
}

/** Internal bookkeeping for free-throw sequence flags. */
export interface FreeThrowRun {
  teamId: string;
  count: number;
  attempt: number | null;
  of: number | null;
}

/** Minutes and plus/minus bookkeeping (src/domain/game/apply-court-time.ts). */
export interface CourtTime {
  /** Some event inside a period carried the game clock, so minutes can be read from it. */
  clockTracked: boolean;
  /** Clock reading (tenths remaining) when each on-court player's stint in this period began. */
  since: Record<string, number>;
  /** Tenths of a second on court per player, stints ended. */
  tenths: Record<string, number>;
  /** Points scored by the team minus points conceded while the player was on court. */
  plusMinus: Record<string, number>;
}

export interface GameState {
  gameId: string;
  teams: [TeamInGame, TeamInGame];
  /** Seq of the last logged event (corrections included). */
  lastSeq: number;
  score: Record<string, number>;
  scoreByPeriod: PeriodScore[];
  period: PeriodState;
  /** The last period ended tied: the next period must be an overtime. */
  overtimeRequired: boolean;
  /** The last regulation or overtime period ended with a winner. */
  gameOver: boolean;
  clock: ClockState;
  teamFouls: Record<string, TeamFoulState>;
  timeouts: Record<string, TimeoutState>;
  /** Box-score line per player id. */
  lines: Record<string, PlayerGameLine>;
  players: Record<string, PlayerGameStatus>;
  teamExtras: Record<string, TeamExtras>;
  /** Player ids on court per team id, or null when the team's substitutions are not tracked. */
  onCourt: Record<string, string[] | null>;
  recentPlays: RecentPlay[];
  flags: GameFlag[];
  freeThrowRun: FreeThrowRun | null;
  /** Minutes and plus/minus; absent in states stored before they were kept (read it with courtTimeOf). */
  courtTime: CourtTime;
}

const noFouls = (): FoulTally => ({ personal: 0, technical: 0, unsportsmanlike: 0, disqualifying: 0 });

export const emptyTeamExtras = (): TeamExtras => ({
  teamPoints: 0,
  teamOffensiveRebounds: 0,
  teamDefensiveRebounds: 0,
  teamTurnovers: 0,
  coachTechnicals: 0,
  benchTechnicals: 0,
  coachDisqualifyingFouls: 0,
  benchDisqualifyingFouls: 0,
  coachDisqualified: false,
});

/** The state before any event: rosters loaded, starting fives on court (when given). */
export function initialGameState(context: GameContext): GameState {
  const { settings, teams } = context;
  if (teams[0].teamId === teams[1].teamId) {
    throw invalid('GAME_SAME_TEAMS', 'A game needs two different teams');
  }
  const perTeam = <T>(make: (teamId: string) => T): Record<string, T> =>
    Object.fromEntries(teams.map((t) => [t.teamId, make(t.teamId)]));
  const lines: Record<string, PlayerGameLine> = {};
  const players: Record<string, PlayerGameStatus> = {};
  const onCourt: Record<string, string[] | null> = {};
  for (const team of teams) {
    const rosterIds = new Set<string>();
    for (const p of team.players) {
      if (p.teamId !== team.teamId || lines[p.playerId] !== undefined) {
        throw invalid('GAME_ROSTER_INVALID', `Player ${p.playerId} is listed twice or under the wrong team`, [
          { field: `teams.${team.teamId}.players`, reason: `player ${p.playerId} does not belong here` },
        ]);
      }
      rosterIds.add(p.playerId);
      lines[p.playerId] = emptyLine(context.gameId, p.playerId, team.teamId);
      players[p.playerId] = {
        playerId: p.playerId,
        teamId: team.teamId,
        jerseyNumber: p.jerseyNumber,
        name: p.name,
        starter: false,
        fouls: noFouls(),
        out: null,
        outAtSeq: null,
      };
    }
    const five = team.startingFive ?? null;
    if (five !== null) {
      if (five.length !== 5 || new Set(five).size !== 5 || five.some((id) => !rosterIds.has(id))) {
        throw invalid('GAME_STARTING_FIVE_INVALID', `Starting five of ${team.name} must be 5 distinct roster players`, [
          { field: `teams.${team.teamId}.startingFive`, reason: 'needs 5 distinct players from the roster' },
        ]);
      }
      for (const id of five) players[id] = { ...players[id]!, starter: true };
    }
    onCourt[team.teamId] = five === null ? null : [...five];
  }
  const segment = timeoutSegment(1, settings);
  const allowance = timeoutAllowance(segment, settings);
  return {
    gameId: context.gameId,
    teams: [
      { teamId: teams[0].teamId, name: teams[0].name },
      { teamId: teams[1].teamId, name: teams[1].name },
    ],
    lastSeq: 0,
    score: perTeam(() => 0),
    scoreByPeriod: [],
    period: { current: 0, label: null, status: 'not_started' },
    overtimeRequired: false,
    gameOver: false,
    clock: { running: false, remaining: null, asOfSeq: null },
    teamFouls: perTeam(() => ({ byPeriod: {}, current: 0, inPenalty: false })),
    timeouts: perTeam(() => ({ segment, allowance, used: 0, usedInLastTwoMinutes: 0, left: allowance, total: 0 })),
    lines,
    players,
    teamExtras: perTeam(emptyTeamExtras),
    onCourt,
    recentPlays: [],
    flags: [],
    freeThrowRun: null,
    courtTime: { clockTracked: false, since: {}, tenths: {}, plusMinus: {} },
  };
}
