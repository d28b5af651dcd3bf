/**
 * Game lifecycle: scheduled -> ready -> live -> final -> official, plus the results that are not
 * played out (forfeit, lost by default), postponement and cancellation.
 *
 *   scheduled -> ready | postponed | cancelled | forfeit
 *   ready     -> live | scheduled | postponed | cancelled | forfeit
 *   live      -> final | forfeit | lost_by_default
 *   final     -> official | live (reopened, e.g. a correction left the game undecided)
 *   forfeit, lost_by_default -> official
 *   postponed -> scheduled | cancelled
 *   official, cancelled: terminal
 *
 * Every refused transition throws GAME_ILLEGAL_TRANSITION (kind 'conflict') naming from, to and why.
 */
import type { GameEndFacts } from './reducer.js';
import { defineStateMachine } from './state-machine.js';
import type { Integer } from '../shared/integer.js';

export type GameStatus =
  'scheduled' | 'ready' | 'live' | 'final' | 'official' | 'forfeit' | 'lost_by_default' | 'postponed' | 'cancelled';

export type ResultKind = 'played' | 'forfeit' | 'default';

export interface GameResult {
  kind: ResultKind;
  homeScore: Integer;
  awayScore: Integer;
  /** The team that forfeited (forfeit) or lost by default (default); null for a played game. */
  penalisedTeamId: string | null;
}

export interface GameRecord {
  id: string;
  homeTeamId: string;
  awayTeamId: string;
  status: GameStatus;
  /** Set on final, forfeit and lost_by_default; kept when the game becomes official. */
  result: GameResult | null;
}

/** Tournament settings for results (FIBA defaults). */
export interface LifecycleSettings {
  /** Points awarded to the opponent of a forfeiting team (FIBA Art. 20: 20). */
  forfeitScore: number;
  /** Points for the winner when a team loses by default while not behind (FIBA Art. 21: 2). */
  defaultScore: number;
  /** final -> official without an organiser's confirmation. */
  autoConfirm: boolean;
}

export const DEFAULT_LIFECYCLE_SETTINGS: LifecycleSettings = { forfeitScore: 20, defaultScore: 2, autoConfirm: false };

/** What the organiser checked before the game may be marked ready. */
export interface ReadinessFacts {
  teams: ReadonlyArray<{
    teamId: string;
    /** Roster players eligible to play this game. */
    eligiblePlayerIds: readonly string[];
    /** Confirmed starting five, or null if not confirmed yet. */
    startingFive: readonly string[] | null;
  }>;
  scorekeeperAssigned: boolean;
}

/** The requested transition with the facts it needs. */
export type TransitionRequest =
  | { to: 'ready'; readiness: ReadinessFacts }
  | { to: 'final'; end: Pick<GameEndFacts, 'lastPeriodEnded' | 'score'> }
  | { to: 'forfeit'; forfeitingTeamId: string }
  | { to: 'lost_by_default'; losingTeamId: string; score: Record<string, number> }
  | { to: 'scheduled' | 'live' | 'official' | 'postponed' | 'cancelled' };

interface GuardContext {
  game: GameRecord;
  request: TransitionRequest;
}

/** Why the game may not be marked ready; empty when it may. */
export function readinessProblems(
  facts: ReadinessFacts,
  game?: Pick<GameRecord, 'homeTeamId' | 'awayTeamId'>,
): string[] {
  const problems: string[] = [];
  const expected = game ? [game.homeTeamId, game.awayTeamId] : facts.teams.map((t) => t.teamId);
  for (const teamId of expected) {
    const team = facts.teams.find((t) => t.teamId === teamId);
    if (team === undefined) {
      problems.push(`no roster facts for team ${teamId}`);
      continue;
    }
    const eligible = new Set(team.eligiblePlayerIds);
    if (eligible.size < 5) problems.push(`team ${teamId} has ${eligible.size} eligible players, needs at least 5`);
    const five = team.startingFive;
    if (five === null) problems.push(`team ${teamId} has not confirmed its starting five`);
    else if (five.length !== 5 || new Set(five).size !== 5 || five.some((id) => !eligible.has(id))) {
      problems.push(`team ${teamId}'s starting five must be 5 distinct eligible roster players`);
    }
  }
  if (expected.length !== 2) problems.push('a game needs exactly two teams');
  if (!facts.scorekeeperAssigned) problems.push('no scorekeeper is assigned');
  return problems;
}

const scoreOf = (game: GameRecord, score: Record<string, number>) => ({
  home: score[game.homeTeamId],
  away: score[game.awayTeamId],
});

const validScore = (n: number | undefined): n is number => Number.isInteger(n) && n! >= 0;

function guard(_from: GameStatus, to: GameStatus, { game, request }: GuardContext): string | null {
  if (request.to !== to) return `the facts given are for a transition to ${request.to}`;
  const isTeam = (id: string) => id === game.homeTeamId || id === game.awayTeamId;
  switch (request.to) {
    case 'ready': {
      const problems = readinessProblems(request.readiness, game);
      return problems.length === 0 ? null : problems.join('; ');
    }
    case 'final': {
      if (!request.end.lastPeriodEnded) return 'the last period (regulation or overtime) has not ended';
      const { home, away } = scoreOf(game, request.end.score);
      if (!validScore(home) || !validScore(away)) return 'the score of both teams is needed';
      if (home === away) return `the score is tied ${home}:${away}; a game cannot end tied, an overtime must be played`;
      return null;
    }
    case 'forfeit':
      return isTeam(request.forfeitingTeamId) ? null : `team ${request.forfeitingTeamId} does not play in this game`;
    case 'lost_by_default': {
      if (!isTeam(request.losingTeamId)) return `team ${request.losingTeamId} does not play in this game`;
      const { home, away } = scoreOf(game, request.score);
      return validScore(home) && validScore(away) ? null : 'the score when the game stopped is needed';
    }
    case 'official':
      return game.result === null ? 'there is no result to confirm' : null;
    default:
      return null;
  }
}

export const gameLifecycle = defineStateMachine<GameStatus, GuardContext>({
  subject: 'game',
  errorCode: 'GAME_ILLEGAL_TRANSITION',
  transitions: {
    scheduled: ['ready', 'postponed', 'cancelled', 'forfeit'],
    ready: ['live', 'scheduled', 'postponed', 'cancelled', 'forfeit'],
    live: ['final', 'forfeit', 'lost_by_default'],
    final: ['official', 'live'],
    forfeit: ['official'],
    lost_by_default: ['official'],
    postponed: ['scheduled', 'cancelled'],
    official: [],
    cancelled: [],
  },
  guard,
});

/** Checks the transition and returns the game with its new status (and result, where one is decided). */
export function transitionGame(
  game: GameRecord,
  request: TransitionRequest,
  settings: LifecycleSettings = DEFAULT_LIFECYCLE_SETTINGS,
): GameRecord {
  gameLifecycle.assertTransition(game.status, request.to, { game, request });
  switch (request.to) {
    case 'final': {
      const { home, away } = scoreOf(game, request.end.score);
      return {
        ...game,
        status: 'final',
        result: { kind: 'played', homeScore: home!, awayScore: away!, penalisedTeamId: null },
      };
    }
    case 'forfeit': {
      const homeForfeits = request.forfeitingTeamId === game.homeTeamId;
      return {
        ...game,
        status: 'forfeit',
        result: {
          kind: 'forfeit',
          homeScore: homeForfeits ? 0 : settings.forfeitScore,
          awayScore: homeForfeits ? settings.forfeitScore : 0,
          penalisedTeamId: request.forfeitingTeamId,
        },
      };
    }
    case 'lost_by_default':
      return {
        ...game,
        status: 'lost_by_default',
        result: defaultResult(game, request.losingTeamId, request.score, settings),
      };
    case 'live':
      return { ...game, status: 'live', result: null };
    default:
      return { ...game, status: request.to };
  }
}

/** FIBA Art. 21: the score stands if the winner is ahead, otherwise it is recorded 2:0 for the winner. */
function defaultResult(
  game: GameRecord,
  losingTeamId: string,
  score: Record<string, number>,
  settings: LifecycleSettings,
): GameResult {
  const { home, away } = scoreOf(game, score);
  const homeLoses = losingTeamId === game.homeTeamId;
  const winnerAhead = homeLoses ? away! > home! : home! > away!;
  if (winnerAhead) return { kind: 'default', homeScore: home!, awayScore: away!, penalisedTeamId: losingTeamId };
  return {
    kind: 'default',
    homeScore: homeLoses ? 0 : settings.defaultScore,
    awayScore: homeLoses ? settings.defaultScore : 0,
    penalisedTeamId: losingTeamId,
  };
}

/** True when the service should confirm the game at once (tournament setting `autoConfirm`). */
export const shouldAutoConfirm = (game: GameRecord, settings: LifecycleSettings): boolean =>
  settings.autoConfirm && game.status === 'final';
