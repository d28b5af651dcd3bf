import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import {
  gameContext,
  gameEndFacts,
  initialGameState,
  replay,
  scorekeeperMayMove,
  shouldAutoConfirm,
  transitionGame,
  type GameRecord,
  type GameState,
  type TeamRoster,
  type TransitionRequest,
} from '../../domain/game/index.js';
import { conflict, forbidden } from '../../domain/shared/domain-error.js';
import { LiveDelivery } from '../../live/live-delivery.service.js';
import { AuditService } from '../audit/audit.service.js';
import { PlayersService } from '../players/players.service.js';
import { ScorekeeperAccess } from '../scorekeeping/scorekeeper-access.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { TeamsService } from '../teams/teams.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import type { GameDto, GameTransitionDto } from './game.dto.js';
import { GameEntity } from './game.entity.js';
import { gameSettingsOf, lifecycleSettingsOf } from './game-settings.js';
import { toGameLiveDto } from './game.mapper.js';
import { GameStore, type LockedGame } from './game-store.js';
import { GameResultEvents } from './game-result-events.js';
import { currentRoster } from './game-rosters.js';
import { GamesService } from './games.service.js';
import { gameRecord, scorableGame } from './scoring.service.js';

/** Steps that need both teams known (a knockout game waits for earlier results before them). */
const NEEDS_TEAMS = new Set(['ready', 'live', 'final', 'official', 'forfeit', 'lost_by_default']);

/**
 * Moves a game through its lifecycle (src/domain/game/game-lifecycle.ts decides what is legal
 * and why not). Marking a game ready fixes the rosters and starting fives it is played with.
 */
@Injectable()
export class GameLifecycleService {
  constructor(
    readonly txHost: TransactionHost,
    private readonly store: GameStore,
    private readonly games: GamesService,
    private readonly tournaments: TournamentsService,
    private readonly teams: TeamsService,
    private readonly players: PlayersService,
    private readonly access: ScorekeeperAccess,
    private readonly audit: AuditService,
    private readonly delivery: LiveDelivery,
    private readonly resultEvents: GameResultEvents,
    private readonly sessions: SessionsService,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(GameEntity);
  }

  @Transactional()
  async transition(actor: Actor, gameId: string, dto: GameTransitionDto): Promise<GameDto> {
    // Held until the commit: a revocation racing this step waits for it or is seen (as ScoringService).
    await this.sessions.assertOpen(actor.sessionId);
    const game = await this.store.lock(gameId, false);
    await this.authorize(actor, game, dto.to);
    if (NEEDS_TEAMS.has(dto.to) && (!game.homeTeamId || !game.awayTeamId)) {
      throw conflict(
        'GAME_TEAMS_UNKNOWN',
        'Both teams of this game must be known first (a knockout game waits for the results it depends on)',
      );
    }
    const { rules } = await this.tournaments.getEntity(game.tournamentId);
    const settings = lifecycleSettingsOf(rules);
    const before = gameRecord(game);
    const changes: Partial<GameEntity> = {};
    let next: GameRecord;
    switch (dto.to) {
      case 'ready': {
        const { rosters, request } = await this.readiness(actor, game, dto);
        next = transitionGame(before, request, settings);
        const context = gameContext({ gameId, teams: rosters, settings: gameSettingsOf(rules) });
        // Events recorded while ready (and kept across a step back to scheduled) replay on the new rosters.
        const state: GameState =
          game.lastSeq === 0 ? initialGameState(context) : replay(await this.store.log(gameId), context);
        Object.assign(changes, {
          context,
          state,
          homeStartingFive: dto.homeStartingFive!,
          awayStartingFive: dto.awayStartingFive!,
          readyBy: actor.accountId,
          readyAt: new Date(),
        });
        break;
      }
      case 'final': {
        const end =
          game.state && game.context ? gameEndFacts(game.state, game.context) : { lastPeriodEnded: false, score: {} };
        next = transitionGame(before, { to: 'final', end }, settings);
        if (shouldAutoConfirm(next, settings)) next = transitionGame(next, { to: 'official' }, settings);
        break;
      }
      case 'forfeit':
        next = transitionGame(before, { to: 'forfeit', forfeitingTeamId: dto.teamId! }, settings);
        break;
      case 'lost_by_default':
        next = transitionGame(
          before,
          { to: 'lost_by_default', losingTeamId: dto.teamId!, score: game.state?.score ?? {} },
          settings,
        );
        break;
      default:
        next = transitionGame(before, { to: dto.to } as TransitionRequest, settings);
    }

    // A step stores the whole state (lock() caught it up with the plays since the last snapshot),
    // so a decided game's readers need no replay.
    const state = changes.state ?? game.state;
    if (state) Object.assign(changes, { state, live: toGameLiveDto(state, next.status, game, 'last') });
    const live = state?.score ?? {};
    const scoreOf = (teamId: string | null) => (teamId ? (live[teamId] ?? 0) : 0);
    await this.repo.update(
      { id: gameId },
      {
        ...changes,
        status: next.status,
        result: next.result,
        homeScore: next.result?.homeScore ?? scoreOf(game.homeTeamId),
        awayScore: next.result?.awayScore ?? scoreOf(game.awayTeamId),
        version: game.version + 1,
      },
    );
    // Inside this transaction: advancement (issue 4) commits with the result, or refuses it.
    await this.resultEvents.emit({
      actor,
      tournamentId: game.tournamentId,
      gameId,
      from: game.status,
      to: next.status,
      result: next.result,
      previousResult: game.result,
    });
    await this.audit.record(actor, {
      action: `game.${next.status === 'official' && dto.to === 'final' ? 'final_auto_confirmed' : dto.to}`,
      entity: 'game',
      entityId: gameId,
      tournamentId: game.tournamentId,
      before: { status: game.status, result: game.result },
      after: { status: next.status, result: next.result, reason: dto.reason ?? null, teamId: dto.teamId ?? null },
    });
    this.txHost.afterCommit(() =>
      this.delivery.statusChanged(game.tournamentId, {
        gameId,
        from: game.status,
        status: next.status,
        lastSeq: game.lastSeq,
        result: next.result,
      }),
    );
    // A result decided, changed or withdrawn moves standings, the bracket and the final places.
    if (JSON.stringify(next.result) !== JSON.stringify(game.result))
      this.delivery.tournamentChanged(game.tournamentId, ['standings', 'bracket', 'ranking', 'leaders', 'awards'], {
        gameId,
      });
    return this.games.get(gameId);
  }

  /** The scorer's table may confirm, start and end its game; every other step is the organisers'. */
  private async authorize(actor: Actor, game: LockedGame, to: GameTransitionDto['to']): Promise<void> {
    if (actor.role === 'scorekeeper') {
      if (!scorekeeperMayMove(game.status, to)) {
        throw forbidden(
          'GAME_ORGANISER_ONLY',
          `Only the tournament's organisers may move a ${game.status} game to ${to}`,
        );
      }
      const decision = await this.access.decide(actor, scorableGame(game));
      // The status is the lifecycle's to judge (with its reason); here only who may act.
      if (!decision.allowed && decision.code !== 'GAME_NOT_SCORABLE') throw forbidden(decision.code, decision.reason);
      return;
    }
    await this.tournaments.assertCanManage(actor, game.tournamentId);
  }

  /** Rosters as they stand now and the facts the ready check needs. */
  private async readiness(
    actor: Actor,
    game: LockedGame,
    dto: GameTransitionDto,
  ): Promise<{ rosters: [TeamRoster, TeamRoster]; request: TransitionRequest }> {
    const roster = (teamId: string, startingFive: string[] | undefined) =>
      currentRoster(this.teams, this.players, teamId, startingFive ?? null);
    const rosters: [TeamRoster, TeamRoster] = [
      await roster(game.homeTeamId!, dto.homeStartingFive),
      await roster(game.awayTeamId!, dto.awayStartingFive),
    ];
    // Somebody keeps score: an assignment or game code, or the organiser marking it ready, who may
    // score it themselves (scorekeeping-policy.ts) without assigning anyone.
    const scorekeeperAssigned =
      (await this.access.mayScoreOnceReady(actor, scorableGame(game))) ||
      (await this.access.isStaffed(scorableGame(game)));
    return {
      rosters,
      request: {
        to: 'ready',
        readiness: {
          teams: rosters.map((r) => ({
            teamId: r.teamId,
            eligiblePlayerIds: r.players.map((p) => p.playerId),
            startingFive: r.startingFive ?? null,
          })),
          scorekeeperAssigned,
        },
      },
    };
  }
}
