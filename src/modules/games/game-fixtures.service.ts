import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { TransactionHost } from '../../database/transaction.js';
import type { GameResult, GameStatus } from '../../domain/game/index.js';
import { conflict, notFound } from '../../domain/shared/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { formatLocal } from './local-date-time.js';

/** A game of the competition structure as the competition module reads it. */
export interface FixtureRow {
  id: string;
  competitionKey: string;
  homeTeamId: string | null;
  awayTeamId: string | null;
  status: GameStatus;
  result: GameResult | null;
  homeScore: number;
  awayScore: number;
  period: number;
  court: string | null;
  /** Venue wall clock 'YYYY-MM-DDTHH:mm'. */
  scheduledAt: string | null;
  /** Venue wall clock of the first and the last play-by-play event (null without events). */
  firstEventAt: string | null;
  lastEventAt: string | null;
}

/** Games whose teams may still be set: nobody has confirmed rosters for them yet. */
const TEAMS_OPEN: GameStatus[] = ['scheduled', 'postponed'];
/** Games that may still be moved: not started. */
const MOVABLE: GameStatus[] = ['scheduled', 'ready', 'postponed'];

/**
 * What the competition structure (issue 4) asks of the games table, kept in the games module so
 * no other module writes to it: read the tournament's structure games, fill in the teams of a
 * knockout game once earlier results decide them, and put a game on a court and a time.
 */
@Injectable()
export class GameFixtures {
  constructor(
    readonly txHost: TransactionHost,
    private readonly audit: AuditService,
  ) {}

  /** Two primary-key lookups per game for the event times (seq 1 and the last seq), never a scan of the log. */
  async listForCompetition(tournamentId: string): Promise<FixtureRow[]> {
    const rows: Array<
      Omit<FixtureRow, 'firstEventAt' | 'lastEventAt'> & { firstEventAt: Date | null; lastEventAt: Date | null }
    > = await this.txHost.tx.query(
      `SELECT g.id, g.competition_key AS "competitionKey", g.home_team_id AS "homeTeamId", g.away_team_id AS "awayTeamId",
                g.status, g.result, g.home_score AS "homeScore", g.away_score AS "awayScore", g.period, g.court,
                to_char(g.scheduled_at, 'YYYY-MM-DD"T"HH24:MI') AS "scheduledAt",
                (SELECT recorded_at FROM play_event WHERE game_id = g.id AND seq = 1) AS "firstEventAt",
                (SELECT recorded_at FROM play_event WHERE game_id = g.id AND seq = g.last_seq) AS "lastEventAt"
           FROM game g
          WHERE g.tournament_id = $1 AND g.competition_key IS NOT NULL`,
      [tournamentId],
    );
    return rows.map((r) => ({
      ...r,
      firstEventAt: r.firstEventAt ? formatLocal(new Date(r.firstEventAt)) : null,
      lastEventAt: r.lastEventAt ? formatLocal(new Date(r.lastEventAt)) : null,
    }));
  }

  /** Sets both teams of a game that has not been marked ready (null: not known yet). */
  async assignTeams(
    actor: Actor,
    game: { id: string; tournamentId: string },
    teams: { homeTeamId: string | null; awayTeamId: string | null },
    why: string,
  ): Promise<void> {
    const before = await this.lock(game.id);
    if (!TEAMS_OPEN.includes(before.status)) {
      throw conflict('GAME_ALREADY_STARTED', `Game ${game.id} is ${before.status}: its teams can no longer change`);
    }
    await this.txHost.tx.query(
      `UPDATE game SET home_team_id = $2, away_team_id = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [game.id, teams.homeTeamId, teams.awayTeamId],
    );
    await this.audit.record(actor, {
      action: 'game.teams_assigned',
      entity: 'game',
      entityId: game.id,
      tournamentId: game.tournamentId,
      before: { homeTeamId: before.homeTeamId, awayTeamId: before.awayTeamId },
      after: { ...teams, why },
    });
  }

  /** Puts a game that has not started on a court (its name) at a venue wall-clock time. */
  async reschedule(
    actor: Actor,
    game: { id: string; tournamentId: string },
    slot: { court: string | null; scheduledAt: string | null },
  ): Promise<void> {
    const before = await this.lock(game.id);
    if (!MOVABLE.includes(before.status)) {
      throw conflict('GAME_ALREADY_STARTED', `Game ${game.id} is ${before.status}: it can no longer be moved`);
    }
    if (before.court === slot.court && before.scheduledAt === slot.scheduledAt) return;
    await this.txHost.tx.query(
      `UPDATE game SET court = $2, scheduled_at = $3::timestamp, version = version + 1, updated_at = now() WHERE id = $1`,
      [game.id, slot.court, slot.scheduledAt],
    );
    await this.audit.record(actor, {
      action: 'game.rescheduled',
      entity: 'game',
      entityId: game.id,
      tournamentId: game.tournamentId,
      before: { court: before.court, scheduledAt: before.scheduledAt },
      after: slot,
    });
  }

  private async lock(gameId: string) {
    const rows: Array<{
      status: GameStatus;
      homeTeamId: string | null;
      awayTeamId: string | null;
      court: string | null;
      scheduledAt: string | null;
    }> = await this.txHost.tx.query(
      `SELECT status, home_team_id AS "homeTeamId", away_team_id AS "awayTeamId", court,
                to_char(scheduled_at, 'YYYY-MM-DD"T"HH24:MI') AS "scheduledAt"
           FROM game WHERE id = $1 FOR UPDATE`,
      [gameId],
    );
    if (rows.length === 0) throw notFound('GAME_NOT_FOUND', `Game ${gameId} does not exist`);
    return rows[0]!;
  }
}
