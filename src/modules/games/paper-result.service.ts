import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../common/auth/actor.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import {
  applyEvent,
  gameContext,
  gameEndFacts,
  initialGameState,
  paperResultPath,
  sameEventContent,
  shouldAutoConfirm,
  transitionGame,
  type GameContext,
  type GameRecord,
  type GameState,
  type PaperResult,
  type PlayEvent,
  type PlayEventBody,
} from '../../domain/game/index.js';
import { conflict } from '../../domain/shared/domain-error.js';
import { LiveDelivery } from '../../live/live-delivery.service.js';
import { AuditService } from '../audit/audit.service.js';
import { PlayersService } from '../players/players.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { TeamsService } from '../teams/teams.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import type { GameDto } from './game.dto.js';
import { GameEntity } from './game.entity.js';
import { toGameLiveDto } from './game.mapper.js';
import { GameResultEvents } from './game-result-events.js';
import { currentRoster } from './game-rosters.js';
import { gameSettingsOf, lifecycleSettingsOf } from './game-settings.js';
import { GameStore } from './game-store.js';
import { GamesService } from './games.service.js';
import type { PaperResultDto } from './paper-result.dto.js';
import { gameRecord } from './scoring.service.js';

/**
 * Results without live scoring: a game's result from its paper scoresheet, in one transaction.
 * The result is one `paper_result` play in the game's log (src/domain/game/paper-result.ts), so
 * the state, box score and players' lines come from the reducer as for a live game; the game
 * then takes the same lifecycle step to final (and official when the tournament confirms
 * automatically), and GameResultEvents moves standings, advancement and the kept player lines
 * inside this transaction. No scorekeeper, starting five or minimum roster is needed. While the
 * game is final, the same request again corrects it (a `replace` of that play), as a reopen and
 * a new final would.
 */
@Injectable()
export class PaperResultService {
  constructor(
    readonly txHost: TransactionHost,
    private readonly store: GameStore,
    private readonly games: GamesService,
    private readonly tournaments: TournamentsService,
    private readonly teams: TeamsService,
    private readonly players: PlayersService,
    private readonly audit: AuditService,
    private readonly delivery: LiveDelivery,
    private readonly resultEvents: GameResultEvents,
    private readonly sessions: SessionsService,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(GameEntity);
  }

  @Transactional()
  async record(actor: Actor, gameId: string, dto: PaperResultDto): Promise<GameDto> {
    await this.sessions.assertOpen(actor.sessionId);
    const game = await this.store.lock(gameId, false);
    await this.tournaments.assertCanManage(actor, game.tournamentId);
    if (!game.homeTeamId || !game.awayTeamId) {
      throw conflict(
        'GAME_TEAMS_UNKNOWN',
        'Both teams of this game must be known first (a knockout game waits for the results it depends on)',
      );
    }
    // The DTO is a class instance; the log keeps plain JSON.
    const result = JSON.parse(JSON.stringify({ type: 'paper_result', home: dto.home, away: dto.away })) as PaperResult;
    const log = game.lastSeq > 0 ? await this.store.log(gameId) : [];
    const path = paperResultPath(game.status, log);
    // The same sheet sent again (a retry) changes nothing.
    if (path.kind === 'correction' && sameEventContent(paperBody(path.target), result)) return this.games.get(gameId);

    const { rules } = await this.tournaments.getEntity(game.tournamentId);
    const settings = lifecycleSettingsOf(rules);
    const seq = game.lastSeq + 1;
    let context: GameContext;
    let body: PlayEventBody;
    let next: GameState;
    if (path.kind === 'first') {
      context = gameContext({
        gameId,
        teams: [
          await currentRoster(this.teams, this.players, game.homeTeamId, null),
          await currentRoster(this.teams, this.players, game.awayTeamId, null),
        ],
        settings: gameSettingsOf(rules),
      });
      body = result;
      next = applyEvent(initialGameState(context), event(body, seq), context);
    } else {
      context = game.context!;
      body = { type: 'replace', targetSeq: path.target.seq, replacement: result };
      next = applyEvent(game.state!, event(body, seq), context, log);
    }

    // The lifecycle's own step to final (not level, last period ended); a correction reopens first.
    const before = gameRecord(game) as GameRecord;
    const steps: Array<{ from: GameRecord['status']; to: GameRecord['status'] }> = [];
    let decided = transitionGame(
      { ...before, status: 'live', result: null },
      { to: 'final', end: gameEndFacts(next, context) },
      settings,
    );
    if (shouldAutoConfirm(decided, settings)) decided = transitionGame(decided, { to: 'official' }, settings);
    if (path.kind === 'correction') steps.push({ from: 'final', to: 'live' });
    steps.push({ from: path.kind === 'correction' ? 'live' : game.status, to: decided.status });

    const after = toGameLiveDto(next, decided.status, game, 'last');
    const written = await this.store.append(
      game,
      { seq, clientEventId: randomUUID(), body, recordedBy: actor.accountId, sessionId: actor.sessionId, after },
      next.period.current,
      decided.status,
      next,
    );
    if (!written) throw new Error('paper result: a fresh client event id collided');
    await this.repo.update(
      { id: gameId },
      {
        context,
        result: decided.result,
        homeScore: decided.result!.homeScore,
        awayScore: decided.result!.awayScore,
        version: written.version + 1,
      },
    );
    for (const step of steps) {
      await this.resultEvents.emit({
        actor,
        tournamentId: game.tournamentId,
        gameId,
        from: step.from,
        to: step.to,
        result: step.to === 'live' ? null : decided.result,
        // One notice for the correction: the reopening step inside it withdraws nothing for good.
        previousResult: step.to === 'live' ? null : game.result,
      });
    }
    await this.audit.record(actor, {
      action: path.kind === 'first' ? 'game.paper_result' : 'game.paper_result_corrected',
      entity: 'game',
      entityId: gameId,
      tournamentId: game.tournamentId,
      before: { status: game.status, result: game.result },
      after: { status: decided.status, result: decided.result, seq, paperResult: result },
    });
    this.txHost.afterCommit(() =>
      this.delivery.statusChanged(game.tournamentId, {
        gameId,
        from: game.status,
        status: decided.status,
        lastSeq: seq,
        result: decided.result,
      }),
    );
    this.delivery.tournamentChanged(game.tournamentId, ['standings', 'bracket', 'ranking', 'leaders', 'awards'], {
      gameId,
    });
    return this.games.get(gameId);
  }
}

const event = (body: PlayEventBody, seq: number): PlayEvent =>
  ({ ...body, seq, clientEventId: randomUUID() }) as PlayEvent;

/** The body of a logged paper result without the log's own fields. */
function paperBody(play: PaperResult & { seq: number; clientEventId: string }): PaperResult {
  const {
    seq: _seq,
    clientEventId: _id,
    ...body
  } = play as PaperResult & {
    seq: number;
    clientEventId: string;
    period?: number;
    gameClock?: number;
  };
  return body;
}
