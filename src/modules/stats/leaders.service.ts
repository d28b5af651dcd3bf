import { Injectable } from '@nestjs/common';
import { TransactionHost } from '../../database/transaction.js';
import { leaderSettingsOf } from '../../domain/awards/index.js';
import { playerGameLines } from '../../domain/game/index.js';
import { invalid } from '../../domain/shared/domain-error.js';
import {
  aggregatePlayerTotals,
  DEFAULT_LEADER_BOARDS,
  isPercentageCategory,
  leaderboard,
  leaderboardOptionsFor,
  mergePlayerTotals,
  negatePlayerTotals,
  type PlayerTotals,
} from '../../domain/stats/index.js';
import { CompetitionViews, type StageInfo } from '../competition/competition-views.service.js';
import { GameStates } from '../games/game-states.service.js';
import { PlayersService } from '../players/players.service.js';
import { TeamQueryDto } from '../teams/team.dto.js';
import { TeamsService } from '../teams/teams.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import type { LeadersDto, LeadersQueryDto } from './leaders.dto.js';
import { toLeaderboardDto, type Names } from './leaders.mapper.js';
import { lineTotals, storedTotals, type Query } from './player-totals.sql.js';
import { StatsSettingsService } from './stats-settings.service.js';

export interface TotalsOptions {
  /** Only games of these stages; null: every game. */
  stageIds: readonly string[] | null;
  /** Count games in progress at their current box score. */
  live: boolean;
}

export interface TournamentTotals {
  totals: PlayerTotals[];
  stages: StageInfo[];
  liveGameIds: string[];
  /** Players with a line in a game in progress that was counted. */
  livePlayerIds: Set<string>;
}

/**
 * Leaders: per-player totals summed by the database over the stored lines of decided games
 * (player_game_line), plus — when asked — the games in progress from their current state; the
 * ranking itself (ties, minimums, totals or per game) is src/domain/stats.
 */
@Injectable()
export class LeadersService {
  constructor(
    readonly txHost: TransactionHost,
    private readonly tournaments: TournamentsService,
    private readonly competition: CompetitionViews,
    private readonly games: GameStates,
    private readonly players: PlayersService,
    private readonly teams: TeamsService,
    private readonly settings: StatsSettingsService,
  ) {}

  async leaders(tournamentId: string, query: LeadersQueryDto): Promise<LeadersDto> {
    await this.tournaments.getEntity(tournamentId);
    const { settings } = await this.settings.get(tournamentId);
    const stageIds = query.stageIds ?? null;
    const { totals, stages, liveGameIds, livePlayerIds } = await this.totals(tournamentId, {
      stageIds,
      live: query.live,
    });
    const categories = query.category ? [query.category] : DEFAULT_LEADER_BOARDS;
    const rank = (playerNames?: Record<string, string>) =>
      categories.map((category) =>
        leaderboard(totals, category, {
          ...leaderboardOptionsFor(category, leaderSettingsOf(settings)),
          ...(query.basis !== undefined ? { basis: query.basis } : {}),
          ...(query.minGames !== undefined ? { minGames: query.minGames } : {}),
          ...(query.minAttempts !== undefined && isPercentageCategory(category)
            ? { minAttempts: query.minAttempts }
            : {}),
          limit: query.limit,
          ...(playerNames ? { playerNames } : {}),
        }),
      );
    // Who is listed does not depend on names; players sharing a rank are then listed in Chinese
    // name order, so only the listed players' names are read (not thousands).
    const unnamed = rank();
    const names = await this.names(
      tournamentId,
      unnamed.flatMap((b) => b.entries.map((e) => e.playerId)),
    );
    const boards = unnamed.some((b) => b.entries.some((e) => e.tied))
      ? rank(Object.fromEntries([...names.players].map(([id, p]) => [id, p.name])))
      : unnamed;
    return {
      tournamentId,
      live: query.live,
      liveGameIds,
      stageIds,
      stages,
      boards: boards.map((b) => toLeaderboardDto(b, names, livePlayerIds)),
    };
  }

  /**
   * Per-player totals over the chosen stages, read from the kept totals; with `live`, the games in
   * progress replace their stored lines (a reopened game) with their current box score.
   */
  async totals(tournamentId: string, options: TotalsOptions): Promise<TournamentTotals> {
    const { stages, stageOfGame } = await this.competition.stagesOfGames(tournamentId);
    if (options.stageIds !== null) {
      const unknown = options.stageIds.filter((id) => !stages.some((s) => s.id === id));
      if (unknown.length > 0) {
        throw invalid('STATS_UNKNOWN_STAGE', `No stage ${unknown.join(', ')} in this tournament's competition`, [
          { field: 'stageIds', reason: `unknown stage ${unknown.join(', ')}` },
        ]);
      }
    }
    const wanted = options.stageIds === null ? null : new Set(options.stageIds);
    const inStages = (key: string | null) =>
      wanted === null || (key !== null && wanted.has(stageOfGame.get(key) ?? ''));
    const live = options.live
      ? (await this.games.inProgress(tournamentId)).filter((g) => inStages(g.competitionKey))
      : [];
    const stored = await storedTotals(this.query, tournamentId, options.stageIds);
    if (live.length === 0) return { totals: stored, stages, liveGameIds: [], livePlayerIds: new Set() };
    const liveLines = live.flatMap((g) => playerGameLines(g.state!).map((l) => ({ ...l, stageId: '' })));
    const replaced = negatePlayerTotals(
      await lineTotals(
        this.query,
        live.map((g) => g.id),
      ),
    );
    return {
      totals: mergePlayerTotals(stored, replaced, aggregatePlayerTotals(liveLines)),
      stages,
      liveGameIds: live.map((g) => g.id),
      livePlayerIds: new Set(liveLines.map((l) => l.playerId)),
    };
  }

  private readonly query: Query = (sql, params) => this.txHost.tx.query(sql, params);

  /** Names of these players and of every team of the tournament. */
  async names(tournamentId: string, playerIds: readonly string[]): Promise<Names> {
    const players = await this.players.summaries(playerIds);
    const teams = new Map<string, string>();
    for (let page = 1; ; page++) {
      const result = await this.teams.list(
        tournamentId,
        Object.assign(new TeamQueryDto(), { page, pageSize: 100, sort: 'createdAt' }),
      );
      for (const t of result.items) teams.set(t.id, t.name);
      if (page * result.pageSize >= result.total) break;
    }
    return { players, teams };
  }
}
