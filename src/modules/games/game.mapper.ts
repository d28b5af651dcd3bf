import { boxScore, type BoxScore, type GameState, type GameStatus, gameOutcome } from '../../domain/game/index.js';
import type { GameDto, GameLiveDto, GameResultDto, PeriodScoreDto } from './game.dto.js';
import type { GameEntity } from './game.entity.js';
import type { PlayEventEntity } from './play-event.entity.js';
import type { PlayEventDto, RecordedEventDto } from './play-event.dto.js';

interface Sides {
  homeTeamId: string | null;
  awayTeamId: string | null;
}

const side = (byTeam: Record<string, number>, teamId: string | null) => (teamId === null ? 0 : (byTeam[teamId] ?? 0));

/**
 * The scoreboard view of a reducer state. `flagsOf`: 'last' keeps the flags the last event
 * raised (acknowledgements), 'all' every flag of the game (the game page).
 */
export function toGameLiveDto(
  state: GameState,
  status: GameStatus,
  sides: Sides,
  flagsOf: 'last' | 'all',
): GameLiveDto {
  const { homeTeamId: home, awayTeamId: away } = sides;
  const fouls = (teamId: string | null) => {
    const f = teamId === null ? undefined : state.teamFouls[teamId];
    return { current: f?.current ?? 0, inPenalty: f?.inPenalty ?? false };
  };
  const timeouts = (teamId: string | null) => (teamId === null ? 0 : (state.timeouts[teamId]?.left ?? 0));
  return {
    status,
    lastSeq: state.lastSeq,
    score: { home: side(state.score, home), away: side(state.score, away) },
    period: { current: state.period.current, label: state.period.label, status: state.period.status },
    clock: { running: state.clock.running, remaining: state.clock.remaining, asOfSeq: state.clock.asOfSeq },
    teamFouls: { home: fouls(home), away: fouls(away) },
    timeoutsLeft: { home: timeouts(home), away: timeouts(away) },
    overtimeRequired: state.overtimeRequired,
    gameOver: state.gameOver,
    flags: flagsOf === 'all' ? state.flags : state.flags.filter((f) => f.seq === state.lastSeq),
  };
}

export const toScoreByPeriod = (state: GameState | null, sides: Sides): PeriodScoreDto[] =>
  (state?.scoreByPeriod ?? []).map((p) => ({
    label: p.label,
    home: side(p.points, sides.homeTeamId),
    away: side(p.points, sides.awayTeamId),
  }));

export function toResultDto(
  g: Pick<GameEntity, 'id' | 'homeTeamId' | 'awayTeamId' | 'status' | 'result'>,
): GameResultDto | null {
  if (!g.result) return null;
  const outcome =
    g.homeTeamId && g.awayTeamId
      ? gameOutcome({
          id: g.id,
          homeTeamId: g.homeTeamId,
          awayTeamId: g.awayTeamId,
          status: g.status,
          result: g.result,
        })
      : null;
  return { ...g.result, winnerTeamId: outcome?.winnerTeamId ?? null };
}

/** `g` with its teams loaded; `withState` false for lists, which do not read the state column. */
export function toGameDto(g: GameEntity, withState = true): GameDto {
  const team = (t: GameEntity['homeTeam']) =>
    t ? { id: t.id, name: t.name, shortName: t.shortName, primaryColor: t.primaryColor } : null;
  return {
    id: g.id,
    tournamentId: g.tournamentId,
    homeTeam: team(g.homeTeam),
    awayTeam: team(g.awayTeam),
    competitionKey: g.competitionKey,
    court: g.court,
    scheduledAt: g.scheduledAt,
    status: g.status,
    homeScore: g.homeScore,
    awayScore: g.awayScore,
    result: toResultDto(g),
    homeStartingFive: g.homeStartingFive,
    awayStartingFive: g.awayStartingFive,
    live: withState && g.state ? toGameLiveDto(g.state, g.status, g, 'all') : null,
    scoreByPeriod: withState ? toScoreByPeriod(g.state, g) : [],
    version: g.version,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

export function toRecordedEventDto(
  e: Pick<PlayEventEntity, 'gameId' | 'seq' | 'clientEventId' | 'body' | 'recordedAt' | 'after'>,
  duplicate: boolean,
): RecordedEventDto {
  return {
    gameId: e.gameId,
    seq: e.seq,
    clientEventId: e.clientEventId,
    event: e.body,
    recordedAt: e.recordedAt.toISOString(),
    game: e.after,
    duplicate,
  };
}

export const toPlayEventDto = (
  e: Pick<PlayEventEntity, 'seq' | 'clientEventId' | 'body' | 'recordedAt' | 'after'>,
  inForce: boolean,
): PlayEventDto => ({
  seq: e.seq,
  clientEventId: e.clientEventId,
  event: e.body,
  recordedAt: e.recordedAt.toISOString(),
  inForce,
  score: e.after.score,
});

export interface BoxScoreView extends BoxScore {
  status: GameStatus;
  lastSeq: number;
}

export const toBoxScoreView = (state: GameState, status: GameStatus): BoxScoreView => ({
  ...boxScore(state),
  status,
  lastSeq: state.lastSeq,
});
