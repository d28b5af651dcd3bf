import { Inject, Injectable } from '@nestjs/common';
import { CoalescedReads } from '../../common/coalesced-reads.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { TransactionHost } from '../../database/transaction.js';
import { boxScore, type GameResult, type GameState, type GameStatus } from '../../domain/game/index.js';
import { planCatchUp } from '../../domain/live/index.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { GameFeedStart, GameSnapshot, TournamentBoard } from '../../live/events.js';
import { toGameEventDelta, toLiveClock } from '../../live/live-feed.mapper.js';
import type { ClockDto, PeriodDto } from './game.dto.js';
import { GameEntity } from './game.entity.js';
import { toGameLiveDto, toRecordedEventDto, toResultDto, toScoreByPeriod } from './game.mapper.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import { GameStore } from './game-store.js';
import { formatLocal } from './local-date-time.js';

interface BoardRow {
  id: string;
  status: GameStatus;
  lastSeq: number;
  homeTeamId: string | null;
  awayTeamId: string | null;
  homeName: string | null;
  awayName: string | null;
  homeScore: number;
  awayScore: number;
  competitionKey: string | null;
  court: string | null;
  scheduledAt: Date | null;
  result: GameResult | null;
  period: PeriodDto | null;
  clock: ClockDto | null;
  clockAt: Date | null;
}

/**
 * What a fan's socket reads when it joins a game or a tournament: the snapshot of a game, the
 * events a returning client missed (from the log, so any instance can answer, also after a
 * restart), and a tournament's scoreboard. Reads only; LiveDelivery sends what follows.
 */
@Injectable()
export class GameFeed {
  /** Snapshot and scoreboard reads, shared by the fans who joined before each began. */
  private readonly reads = new CoalescedReads();
  private readonly maxDeltas: number;

  constructor(
    readonly txHost: TransactionHost,
    private readonly store: GameStore,
    private readonly tournaments: TournamentsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.maxDeltas = config.env.LIVE_RESUME_MAX_EVENTS;
  }

  /**
   * For a socket that has already joined the game's room: a snapshot, or the events after the
   * `lastSeq` it last applied. Everything committed after the join also reaches it as a delta.
   */
  async start(gameId: string, lastSeq: number | undefined): Promise<GameFeedStart> {
    if (lastSeq !== undefined) {
      // After a restart every fan of a game comes back at once, mostly with the same lastSeq.
      const rows = await this.reads.get(`head:${gameId}`, () =>
        this.txHost.tx.query<Array<{ status: GameStatus; lastSeq: number }>>(
          `SELECT status, last_seq AS "lastSeq" FROM game WHERE id = $1`,
          [gameId],
        ),
      );
      if (rows.length === 0) throw notFound('GAME_NOT_FOUND', `Game ${gameId} does not exist`);
      const plan = planCatchUp(lastSeq, rows[0]!.lastSeq, this.maxDeltas);
      if (plan.kind === 'deltas') {
        const events =
          plan.count === 0
            ? []
            : await this.reads.get(`events:${gameId}:${plan.afterSeq}:${plan.count}`, () =>
                this.store.eventsWithClockAfter(gameId, plan.afterSeq, plan.count),
              );
        const serverTime = new Date().toISOString();
        return {
          mode: 'deltas',
          gameId,
          status: rows[0]!.status,
          seq: events.at(-1)?.seq ?? lastSeq,
          deltas: events.map((e) => toGameEventDelta(toRecordedEventDto(e, false), e.clockAt, serverTime)),
          serverTime,
        };
      }
    }
    return {
      mode: 'snapshot',
      gameId,
      snapshot: await this.reads.get(`game:${gameId}`, () => this.snapshot(gameId)),
    };
  }

  /** For a socket that has already joined the tournament's room. */
  tournamentBoard(tournamentId: string): Promise<TournamentBoard> {
    return this.reads.get(`tournament:${tournamentId}`, () => this.board(tournamentId));
  }

  async snapshot(gameId: string): Promise<GameSnapshot> {
    const game = await this.txHost.tx
      .getRepository(GameEntity)
      .findOne({ where: { id: gameId }, relations: { homeTeam: true, awayTeam: true } });
    if (!game) throw notFound('GAME_NOT_FOUND', `Game ${gameId} does not exist`);
    await this.store.catchUp([game]);
    const state = game.state;
    const clockAt = state?.clock.asOfSeq != null ? await this.store.recordedAt(gameId, state.clock.asOfSeq) : null;
    const team = (t: GameEntity['homeTeam']) => (t ? { id: t.id, name: t.name } : null);
    return {
      gameId,
      tournamentId: game.tournamentId,
      seq: game.lastSeq,
      status: game.status,
      homeTeam: team(game.homeTeam),
      awayTeam: team(game.awayTeam),
      court: game.court,
      scheduledAt: game.scheduledAt,
      result: toResultDto(game),
      live: state ? toGameLiveDto(state, game.status, game, 'last') : null,
      clock: state ? toLiveClock(state.clock, clockAt) : null,
      scoreByPeriod: toScoreByPeriod(state, game),
      boxScore: state ? boxScore(state) : null,
      recentPlays: state ? recentPlays(state, game) : [],
      serverTime: new Date().toISOString(),
    };
  }

  /** Every game of the tournament with its score line (no state documents are read). */
  private async board(tournamentId: string): Promise<TournamentBoard> {
    const rows = await this.txHost.tx.query<BoardRow[]>(
      `SELECT g.id, g.status, g.last_seq AS "lastSeq", g.home_team_id AS "homeTeamId", g.away_team_id AS "awayTeamId",
              h.name AS "homeName", a.name AS "awayName", g.home_score AS "homeScore", g.away_score AS "awayScore",
              g.competition_key AS "competitionKey", g.court, g.scheduled_at AS "scheduledAt", g.result,
              g.live->'period' AS period, g.live->'clock' AS clock, c.recorded_at AS "clockAt"
         FROM game g
         LEFT JOIN team h ON h.id = g.home_team_id
         LEFT JOIN team a ON a.id = g.away_team_id
         LEFT JOIN play_event c ON c.game_id = g.id AND c.seq = (g.live->'clock'->>'asOfSeq')::int
        WHERE g.tournament_id = $1
        ORDER BY g.scheduled_at ASC NULLS LAST, g.created_at ASC, g.id ASC`,
      [tournamentId],
    );
    if (rows.length === 0) await this.tournaments.getEntity(tournamentId);
    const team = (id: string | null, name: string | null) => (id && name ? { id, name } : null);
    return {
      tournamentId,
      games: rows.map((r) => ({
        gameId: r.id,
        seq: r.lastSeq,
        status: r.status,
        homeTeam: team(r.homeTeamId, r.homeName),
        awayTeam: team(r.awayTeamId, r.awayName),
        competitionKey: r.competitionKey,
        court: r.court,
        scheduledAt: r.scheduledAt ? formatLocal(r.scheduledAt) : null,
        score: { home: r.homeScore, away: r.awayScore },
        period: r.period,
        clock: r.clock ? toLiveClock(r.clock, r.clockAt) : null,
        result: toResultDto(r),
      })),
      serverTime: new Date().toISOString(),
    };
  }
}

function recentPlays(state: GameState, sides: Pick<GameEntity, 'homeTeamId' | 'awayTeamId'>) {
  const side = (score: Record<string, number>, teamId: string | null) => (teamId ? (score[teamId] ?? 0) : 0);
  return state.recentPlays.map((p) => ({
    seq: p.seq,
    period: p.period,
    gameClock: p.gameClock,
    play: p.play,
    score: { home: side(p.score, sides.homeTeamId), away: side(p.score, sides.awayTeamId) },
  }));
}
