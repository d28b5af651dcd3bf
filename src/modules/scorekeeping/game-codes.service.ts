import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomInt } from 'node:crypto';
import { IsNull, LessThanOrEqual } from 'typeorm';
import { accountIdOf, type Actor, type Caller } from '../../common/auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { mapUnique } from '../../database/pg-errors.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import { conflict, notFound, unauthenticated } from '../../domain/shared/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import type { TokensDto } from '../auth/auth.dto.js';
import { withRole } from '../auth/auth.service.js';
import { GameDirectory } from '../games/game-directory.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import { GameCodeEntity } from './game-code.entity.js';
import type { CreateGameCodeDto, GameCodeDto, IssuedGameCodeDto } from './scorekeeping.dto.js';

/** A device logged in with a game code stays logged in this long (a game day), refresh or not. */
const GAME_CODE_SESSION_MS = 24 * 3600 * 1000;
const DEFAULT_CODE_MINUTES = 240;

const UNIQUE = {
  uq_game_code_active: {
    code: 'GAME_CODE_COLLISION',
    field: 'gameId',
    reason: 'a code collided with another active code: try again',
  },
};

/**
 * One-time game codes: six digits an organiser hands to the people at a scorer's table, which
 * log one device in as scorekeeper of one game. Six digits are guessable in principle, so a
 * code works once, expires, is stored only as a keyed hash, and failed exchanges are throttled.
 */
@Injectable()
export class GameCodesService {
  private readonly hashKey: Buffer;

  constructor(
    private readonly txHost: TransactionHost,
    private readonly tournaments: TournamentsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
    private readonly games: GameDirectory,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Its own key, derived from the signing secret, so a stored hash says nothing about tokens.
    this.hashKey = createHmac('sha256', config.jwtSecret).update('courtside/game-code/v1').digest();
  }

  private get repo() {
    return this.txHost.tx.getRepository(GameCodeEntity);
  }

  private hash(code: string): string {
    return createHmac('sha256', this.hashKey).update(code).digest('hex');
  }

  async list(actor: Actor, tournamentId: string): Promise<GameCodeDto[]> {
    await this.tournaments.assertCanManage(actor, tournamentId);
    const rows = await this.repo.find({ where: { tournamentId }, order: { createdAt: 'DESC' }, take: 500 });
    return rows.map((r) => toGameCodeDto(r));
  }

  @Transactional()
  async issue(actor: Actor, tournamentId: string, dto: CreateGameCodeDto): Promise<IssuedGameCodeDto> {
    await this.tournaments.assertCanManage(actor, tournamentId);
    await this.games.assertInTournament(dto.gameId, tournamentId);
    const { code, codeHash } = await this.freshCode();
    const expiresAt = new Date(Date.now() + (dto.expiresInMinutes ?? DEFAULT_CODE_MINUTES) * 60_000);
    const row = await mapUnique(
      () =>
        this.repo.save(
          this.repo.create({
            tournamentId,
            gameId: dto.gameId,
            codeHash,
            expiresAt,
            usedAt: null,
            revokedAt: null,
            sessionId: null,
            createdBy: accountIdOf(actor),
          }),
        ),
      UNIQUE,
    );
    const view = toGameCodeDto(row);
    await this.audit.record(actor, {
      action: 'game_code.create',
      entity: 'game_code',
      entityId: row.id,
      tournamentId,
      after: view,
    });
    return { ...view, code, link: `/score?code=${code}` };
  }

  /** Revokes the code; if a device already used it, that device's session ends too. */
  @Transactional()
  async revoke(actor: Actor, tournamentId: string, id: string): Promise<void> {
    await this.tournaments.assertCanManage(actor, tournamentId);
    const row = await this.repo.findOne({ where: { id, tournamentId }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound('GAME_CODE_NOT_FOUND', `No game code ${id} in this tournament`);
    if (row.revokedAt) throw conflict('GAME_CODE_ALREADY_REVOKED', 'This game code was already revoked');
    const before = toGameCodeDto(row);
    row.revokedAt = new Date();
    await this.repo.save(row);
    if (row.sessionId) await this.sessions.revoke(row.sessionId, 'game_code_revoked');
    await this.audit.record(actor, {
      action: 'game_code.revoke',
      entity: 'game_code',
      entityId: id,
      tournamentId,
      before,
      after: toGameCodeDto(row),
    });
  }

  /** Exchanges a code for a session that may score that one game. Works once. */
  async exchange(caller: Caller, code: string): Promise<TokensDto> {
    await this.throttle.assertAllowed('code', null, caller.ip);
    const tokens = await this.txHost.run(async () => {
      const row = await this.repo.findOne({
        where: { codeHash: this.hash(code), usedAt: IsNull(), revokedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || row.expiresAt.getTime() <= Date.now()) return null;
      const { session, tokens } = await this.sessions.open({
        accountId: null,
        kind: 'game_code',
        role: 'scorekeeper',
        scope: { tournamentId: row.tournamentId, gameIds: [row.gameId] },
        expiresAt: new Date(Date.now() + GAME_CODE_SESSION_MS),
      });
      const before = toGameCodeDto(row);
      row.usedAt = new Date();
      row.sessionId = session.id;
      await this.repo.save(row);
      await this.audit.record(
        { accountId: null, role: 'scorekeeper', sessionId: session.id, requestId: caller.requestId },
        {
          action: 'game_code.exchange',
          entity: 'game_code',
          entityId: row.id,
          tournamentId: row.tournamentId,
          before,
          after: { ...toGameCodeDto(row), ip: caller.ip },
        },
      );
      return tokens;
    });
    if (!tokens) {
      await this.throttle.failed('code', null, caller.ip);
      throw unauthenticated(
        'GAME_CODE_INVALID',
        'This game code is wrong, already used, expired or revoked: ask the organiser for a new one',
      );
    }
    return withRole(tokens, 'scorekeeper');
  }

  /**
   * A random code no active code has. An expired, never-used code with the same value is
   * retired first, so the unique index only holds codes that still work.
   */
  private async freshCode(): Promise<{ code: string; codeHash: string }> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const codeHash = this.hash(code);
      await this.repo.update(
        { codeHash, usedAt: IsNull(), revokedAt: IsNull(), expiresAt: LessThanOrEqual(new Date()) },
        { revokedAt: new Date() },
      );
      if (!(await this.repo.existsBy({ codeHash, usedAt: IsNull(), revokedAt: IsNull() }))) return { code, codeHash };
    }
    throw conflict('GAME_CODE_COLLISION', 'Could not find a free game code: revoke unused codes and try again');
  }
}

function toGameCodeDto(r: GameCodeEntity, now = Date.now()): GameCodeDto {
  const status = r.revokedAt ? 'revoked' : r.usedAt ? 'used' : r.expiresAt.getTime() <= now ? 'expired' : 'active';
  return {
    id: r.id,
    tournamentId: r.tournamentId,
    gameId: r.gameId,
    status,
    expiresAt: r.expiresAt.toISOString(),
    usedAt: r.usedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  };
}
