import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import { playerGameLines, type GameStatus } from '../../domain/game/index.js';
import { paperKeptByTeam } from '../../domain/game/paper-result.js';
import { ALL_KEPT, type PlayerGameLine } from '../../domain/stats/index.js';
import { LiveDelivery } from '../../live/live-delivery.service.js';
import { AuditService } from '../audit/audit.service.js';
import { CompetitionViews } from '../competition/competition-views.service.js';
import { GameResultEvents, type GameStatusChanged } from '../games/game-result-events.js';
import { GameStates, type GameStateRow } from '../games/game-states.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import { PlayerGameLineEntity } from './player-game-line.entity.js';
import { addGameToTotals, driftedTotals, rewriteTotals, type Query } from './player-totals.sql.js';

const DECIDED: ReadonlySet<GameStatus> = new Set(['final', 'official', 'forfeit', 'lost_by_default']);

/** The line columns, in the order the table and the comparisons use them. */
const STATS = [
  'played',
  'pts',
  'fgm2',
  'fga2',
  'fgm3',
  'fga3',
  'ftm',
  'fta',
  'oreb',
  'dreb',
  'ast',
  'stl',
  'blk',
  'tov',
  'pf',
  'secondsPlayed',
  'kept',
] as const satisfies ReadonlyArray<keyof PlayerGameLine>;

export interface RebuildOutcome {
  games: number;
  lines: number;
  /** Games whose stored lines differed from the replayed log and were rewritten. */
  changedGameIds: string[];
  /** Players whose kept totals differed from the sums of their lines and were rewritten. */
  driftedPlayerIds: string[];
}

/**
 * Keeps `player_game_line` equal to the box scores of the decided games. It listens to the games'
 * lifecycle (GameResultEvents) and writes inside the step's own transaction: when a game is
 * decided or decided again after a correction, its lines are replaced by those of its state. The
 * live-scoring path is untouched — a play never writes here. A game reopened for a correction
 * keeps its lines until it is decided again, as the competition keeps its result. A forfeit has
 * no lines: nobody's statistics count from a game that was not played.
 *
 * The lifecycle step itself tells the tournament's room that standings, leaders and awards
 * changed (LiveDelivery.tournamentChanged, after the commit).
 */
@Injectable()
export class PlayerLinesService implements OnModuleInit {
  constructor(
    readonly txHost: TransactionHost,
    private readonly events: GameResultEvents,
    private readonly games: GameStates,
    private readonly competition: CompetitionViews,
    private readonly tournaments: TournamentsService,
    private readonly audit: AuditService,
    private readonly delivery: LiveDelivery,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(PlayerGameLineEntity);
  }

  private readonly query: Query = (sql, params) => this.txHost.tx.query(sql, params);

  onModuleInit(): void {
    this.events.subscribe((change) => this.onGameStatusChanged(change));
  }

  async onGameStatusChanged(change: GameStatusChanged): Promise<void> {
    if (change.from === change.to) return;
    if (!DECIDED.has(change.to)) return;
    const game = await this.games.ofGame(change.gameId);
    if (!game) return;
    const { stageOfGame } = await this.competition.stagesOfGames(game.tournamentId);
    await this.replaceLines(game, linesOf(game), stageOf(game, stageOfGame));
  }

  /**
   * Recomputes every decided game's lines from its play-by-play log and rewrites those that
   * differ. The answer says which games changed: none, as long as the lines were kept current.
   */
  @Transactional()
  async rebuild(actor: Actor, tournamentId: string): Promise<RebuildOutcome> {
    await this.tournaments.assertCanManage(actor, tournamentId);
    const games = await this.games.replayedDecided(tournamentId);
    const { stageOfGame } = await this.competition.stagesOfGames(tournamentId);
    const stored = await this.repo.find({ where: { tournamentId } });
    const storedByGame = new Map<string, PlayerGameLineEntity[]>();
    for (const line of stored) {
      const list = storedByGame.get(line.gameId);
      if (list) list.push(line);
      else storedByGame.set(line.gameId, [line]);
    }
    const changedGameIds: string[] = [];
    let lines = 0;
    const decidedIds = new Set(games.map((g) => g.id));
    for (const game of games) {
      const fresh = linesOf(game);
      lines += fresh.length;
      const stageId = stageOf(game, stageOfGame);
      if (sameLines(storedByGame.get(game.id) ?? [], fresh, stageId)) continue;
      changedGameIds.push(game.id);
      await this.replaceLines(game, fresh, stageId);
    }
    // Lines of a game that no longer has a result (never expected: reopened games keep theirs).
    for (const gameId of storedByGame.keys()) {
      if (decidedIds.has(gameId)) continue;
      const live = await this.games.ofGame(gameId);
      if (live?.status === 'live') continue;
      changedGameIds.push(gameId);
      await addGameToTotals(this.query, gameId, -1);
      await this.repo.delete({ gameId });
    }
    // The kept totals against a recompute over every line.
    const driftedPlayerIds = await driftedTotals(this.query, tournamentId);
    if (driftedPlayerIds.length > 0) await rewriteTotals(this.query, tournamentId);
    await this.audit.record(actor, {
      action: 'stats.lines_rebuilt',
      entity: 'tournament',
      entityId: tournamentId,
      tournamentId,
      after: { games: games.length, lines, changedGameIds, driftedPlayerIds },
    });
    if (changedGameIds.length > 0 || driftedPlayerIds.length > 0)
      this.delivery.tournamentChanged(tournamentId, ['leaders', 'awards']);
    return { games: games.length, lines, changedGameIds, driftedPlayerIds };
  }

  /** The game's lines replaced, and its players' totals moved by the difference (incremental). */
  private async replaceLines(game: GameStateRow, lines: PlayerGameLine[], stageId: string): Promise<void> {
    await addGameToTotals(this.query, game.id, -1);
    await this.repo.delete({ gameId: game.id });
    if (lines.length === 0) return;
    await this.repo.insert(
      lines.map((l) => ({
        gameId: game.id,
        playerId: l.playerId,
        tournamentId: game.tournamentId,
        teamId: l.teamId,
        competitionKey: game.competitionKey,
        stageId,
        ...Object.fromEntries(STATS.map((k) => [k, l[k]])),
      })),
    );
    await addGameToTotals(this.query, game.id, 1);
  }
}

/**
 * A forfeit counts no statistics; otherwise the players who took part, from the box score, each
 * with the categories the game kept: all for a game scored live, the columns of the team's side
 * of the sheet for a paper result (paperKept; a sheet without players' lines has no lines at all).
 */
function linesOf(game: GameStateRow): Array<PlayerGameLine & { kept: number }> {
  if (game.result?.kind === 'forfeit' || game.state === null) return [];
  const paper = paperKeptByTeam(game.state);
  return playerGameLines(game.state).map((l) => ({ ...l, kept: paper?.get(l.teamId) ?? ALL_KEPT }));
}

/** The stage a game's lines count for ('' outside the competition structure). */
const stageOf = (game: GameStateRow, stageOfGame: ReadonlyMap<string, string>) =>
  (game.competitionKey !== null ? stageOfGame.get(game.competitionKey) : undefined) ?? '';

function sameLines(
  stored: readonly PlayerGameLineEntity[],
  fresh: readonly PlayerGameLine[],
  stageId: string,
): boolean {
  if (stored.length !== fresh.length) return false;
  const byPlayer = new Map(stored.map((l) => [l.playerId, l]));
  return fresh.every((l) => {
    const s = byPlayer.get(l.playerId);
    return s !== undefined && s.teamId === l.teamId && s.stageId === stageId && STATS.every((k) => s[k] === l[k]);
  });
}
