import { Injectable } from '@nestjs/common';
import {
  awardLeaderSettingsOf,
  conductOf,
  sportsmanshipIndicators,
  mvpCandidates,
  publishAwards,
  type StatsSettings,
  type TeamPlace,
} from '../../domain/awards/index.js';
import { CompetitionViews } from '../competition/competition-views.service.js';
import { GameStates } from '../games/game-states.service.js';
import { LeadersService } from '../stats/leaders.service.js';
import { StatsSettingsService } from '../stats/stats-settings.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import { AwardRecipients } from './award-recipients.js';
import type { AwardDecisionsDto, AwardsDto, MvpCandidatesDto, SportsmanshipDto } from './awards.dto.js';
import { decisionOf, toAwardDecisionDto, toMvpCandidateDto, toPublishedAwardDto } from './awards.mapper.js';
import { AwardsService } from './awards.service.js';

/**
 * What fans and the closing ceremony read: the published awards list (team places from the
 * competition's final ranking, 得分王/助攻王/篮板王 from the decided games' lines, the
 * organisers' decisions), the MVP candidate list for the panel, and the decisions themselves.
 * Computed from the stored rows each time (src/domain/awards publishAwards), never cached.
 */
@Injectable()
export class AwardsViews {
  constructor(
    private readonly tournaments: TournamentsService,
    private readonly competition: CompetitionViews,
    private readonly leaders: LeadersService,
    private readonly settings: StatsSettingsService,
    private readonly decisions: AwardsService,
    private readonly recipients: AwardRecipients,
    private readonly games: GameStates,
  ) {}

  async published(tournamentId: string, lang: 'zh' | 'en'): Promise<AwardsDto> {
    await this.tournaments.getEntity(tournamentId);
    const { settings } = await this.settings.get(tournamentId);
    const places = await this.competition.teamPlaces(tournamentId);
    const { totals } = await this.leaders.totals(tournamentId, { stageIds: settings.awards.stageIds, live: false });
    const decisions = (await this.decisions.list(tournamentId)).map(decisionOf);
    const publish = (playerNames?: Record<string, string>) =>
      publishAwards({
        places: places ?? [],
        totals,
        leaderSettings: { ...awardLeaderSettingsOf(settings), ...(playerNames ? { playerNames } : {}) },
        decisions,
        mvp: {
          ...mvpSettingsOf(settings),
          ...(playerNames ? { playerNames } : {}),
          publishTopCandidateWhenUndecided: settings.mvp.publishTopCandidateWhenUndecided,
        },
      });
    // Co-winners are listed in Chinese name order: names are read for them only.
    const first = publish();
    const shared = first.filter((a) => a.kind === 'computed' && a.recipients.length > 1);
    const awards = shared.length === 0 ? first : publish(await this.playerNames(tournamentId, shared));
    const describe = await this.recipients.describe(
      tournamentId,
      awards.flatMap((a) => a.recipients),
    );
    return {
      tournamentId,
      lang,
      placesFinal: places !== null,
      awards: awards.map((a) => toPublishedAwardDto(a, lang, describe, settings.awards.basis)),
    };
  }

  async candidates(tournamentId: string, limit: number): Promise<MvpCandidatesDto> {
    await this.tournaments.getEntity(tournamentId);
    const { settings } = await this.settings.get(tournamentId);
    const places = await this.competition.teamPlaces(tournamentId);
    const { totals } = await this.leaders.totals(tournamentId, { stageIds: settings.awards.stageIds, live: false });
    const rank = (playerNames?: Record<string, string>) =>
      mvpCandidates(totals, places ?? [], {
        ...mvpSettingsOf(settings),
        limit,
        ...(playerNames ? { playerNames } : {}),
      });
    const first = rank();
    const candidates = first.some((c) => c.tied)
      ? rank(await this.playerNames(tournamentId, [{ recipients: first.map((c) => ({ id: c.playerId })) }]))
      : first;
    const describe = await this.recipients.describe(
      tournamentId,
      candidates.map((c) => ({ type: 'player' as const, id: c.playerId })),
    );
    return {
      tournamentId,
      formula: formulaOf(settings, places),
      placesFinal: places !== null,
      candidates: candidates.map((c) => toMvpCandidateDto(c, describe)),
    };
  }

  /** Names of the players listed (co-winners and candidates on the same score go in Chinese name order). */
  private async playerNames(
    tournamentId: string,
    listed: ReadonlyArray<{ recipients: ReadonlyArray<{ id: string }> }>,
  ) {
    const names = await this.leaders.names(
      tournamentId,
      listed.flatMap((a) => a.recipients.map((r) => r.id)),
    );
    return Object.fromEntries([...names.players].map(([id, p]) => [id, p.name]));
  }

  /** What informs 精神风尚奖: misconduct fouls and forfeits per team in the decided games. */
  async sportsmanship(tournamentId: string, basis: 'total' | 'per_game'): Promise<SportsmanshipDto> {
    await this.tournaments.getEntity(tournamentId);
    const { teams: teamNames } = await this.leaders.names(tournamentId, []);
    const games = await this.games.decided(tournamentId);
    const facts = conductOf(
      [...teamNames.keys()],
      games.map((g) => ({
        gameId: g.id,
        homeTeamId: g.homeTeamId,
        awayTeamId: g.awayTeamId,
        result: g.result,
        state: g.state,
      })),
    );
    // Per game needs a game played: teams without one are left out of that order.
    const assessed = basis === 'per_game' ? facts.teams.filter((t) => (t.gamesPlayed ?? 0) > 0) : facts.teams;
    const ids = new Set(assessed.map((t) => t.teamId));
    const indicators = sportsmanshipIndicators(
      assessed,
      facts.fouls.filter((f) => ids.has(f.teamId)),
      facts.forfeits.filter((f) => ids.has(f.teamId)),
      { basis, teamNames: Object.fromEntries(teamNames) },
    );
    const played = new Map(facts.teams.map((t) => [t.teamId, t.gamesPlayed ?? 0]));
    return {
      tournamentId,
      basis,
      teams: indicators.map((r) => ({
        rank: r.rank,
        tied: r.tied,
        team: { type: 'team', id: r.teamId, name: teamNames.get(r.teamId) ?? r.teamId },
        gamesPlayed: played.get(r.teamId) ?? 0,
        technical: r.technical,
        unsportsmanlike: r.unsportsmanlike,
        disqualifying: r.disqualifying,
        forfeits: r.forfeits,
        penaltyPoints: r.penaltyPoints,
        penaltyPerGame: r.penaltyPerGame,
      })),
    };
  }

  async decided(tournamentId: string): Promise<AwardDecisionsDto> {
    await this.tournaments.getEntity(tournamentId);
    const rows = await this.decisions.list(tournamentId);
    const describe = await this.recipients.describe(
      tournamentId,
      rows.flatMap((d) => d.recipients),
    );
    return { tournamentId, decisions: rows.map((d) => toAwardDecisionDto(d, describe)) };
  }
}

const mvpSettingsOf = (s: StatsSettings) => ({
  basis: s.mvp.basis,
  teamSuccess: s.mvp.teamSuccess,
  minGames: s.mvp.minGames,
});

const BASIS_TEXT = { eff_per_game: 'EFF per game', pts_per_game: 'points per game', eff_total: 'EFF total' } as const;

/** The formula in use, in one line (the documented one is src/domain/awards/mvp-candidates.ts). */
function formulaOf(s: StatsSettings, places: TeamPlace[] | null): string {
  const base = BASIS_TEXT[s.mvp.basis];
  const team = s.mvp.teamSuccess;
  const factor =
    team.kind === 'linear'
      ? `(1 + ${team.weight} × (N − place) / (N − 1)): champion ×${1 + team.weight}, last ×1`
      : `[${team.factors.join(', ')}][place − 1] (beyond the list: the last factor)`;
  const note = places === null ? '; team places are not final yet, so every factor is 1 for now' : '';
  return `score = ${base} × ${factor}; at least ${s.mvp.minGames} game(s)${note}`;
}
