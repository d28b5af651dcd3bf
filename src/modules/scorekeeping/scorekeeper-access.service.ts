import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { TransactionHost } from '../../database/transaction.js';
import type { Principal } from '../../domain/access/principal.js';
import { scoreDecision, type ScorableGame, type ScoreDecision } from '../../domain/access/scorekeeping-policy.js';
import { forbidden } from '../../domain/shared/domain-error.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import { ScorekeeperAssignmentEntity } from './scorekeeper-assignment.entity.js';

/**
 * Whether a caller may record events for a game: the object-level check live scoring calls
 * for every event (HTTP or socket). The games module passes the game's facts; the rule itself
 * is src/domain/access/scorekeeping-policy.ts.
 */
@Injectable()
export class ScorekeeperAccess {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly tournaments: TournamentsService,
  ) {}

  async decide(principal: Principal, game: ScorableGame): Promise<ScoreDecision> {
    const organisesTournament =
      principal.role === 'organiser' && (await this.tournaments.organises(principal, game.tournamentId));
    const assignments =
      principal.role === 'scorekeeper' && principal.kind === 'password' && principal.accountId
        ? await this.txHost.tx
            .getRepository(ScorekeeperAssignmentEntity)
            .findBy({ accountId: principal.accountId, tournamentId: game.tournamentId, revokedAt: IsNull() })
        : [];
    return scoreDecision(principal, game, { organisesTournament, assignments });
  }

  /** Whether the caller may score this game once it is ready (an organiser keeps score without an assignment). */
  async mayScoreOnceReady(principal: Principal, game: ScorableGame): Promise<boolean> {
    return (await this.decide(principal, { ...game, status: 'ready' })).allowed;
  }

  /** 403 (SCORE_FORBIDDEN or GAME_NOT_SCORABLE) unless the caller may score this game now. */
  async assertCanScore(principal: Principal, game: ScorableGame): Promise<void> {
    const decision = await this.decide(principal, game);
    if (!decision.allowed) throw forbidden(decision.code, decision.reason);
  }

  /**
   * Whether somebody can keep score for the game (part of the ready check): a live assignment to
   * it or to its court that day, or a game code for it that still works or was used and not
   * revoked. (Added with live scoring, issue 5.)
   */
  async isStaffed(game: ScorableGame): Promise<boolean> {
    const rows: unknown[] = await this.txHost.tx.query(
      `SELECT 1 FROM scorekeeper_assignment
        WHERE tournament_id = $1 AND revoked_at IS NULL AND (game_id = $2 OR (game_id IS NULL AND court = $3 AND day = $4::date))
       UNION ALL
       SELECT 1 FROM game_code WHERE game_id = $2 AND revoked_at IS NULL AND (used_at IS NOT NULL OR expires_at > now())
       LIMIT 1`,
      [game.tournamentId, game.id, game.court, game.day],
    );
    return rows.length > 0;
  }
}
