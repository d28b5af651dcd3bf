import type {
  CompetitionConfig,
  CompetitionStructure,
  FinalPlace,
  Game,
  ResolvedSide,
  Slot,
  SlotResolution,
  Stage,
} from '../../domain/competition/index.js';
import { gameTitle } from '../../domain/competition/index.js';
import type { GroupStandings, PlaceAcrossGroups, Qualification, StandingRow } from '../../domain/standings/index.js';
import type { FixtureRow } from '../games/game-fixtures.service.js';
import type { CompetitionEntity } from './competition.entity.js';
import type { AppliedResult, CompetitionFormat } from './competition.types.js';
import type {
  BracketGameDto,
  CompetitionDto,
  CrossGroupTableDto,
  FinalPlaceDto,
  GroupStandingsDto,
  PlaceExplanationDto,
  SlotViewDto,
  StageViewDto,
  StandingRowDto,
  TeamRefDto,
} from './competition-view.dto.js';
import type { TeamInfo } from './competition-store.js';

type Teams = ReadonlyMap<string, TeamInfo>;

export const teamRef = (id: string, teams: Teams): TeamRefDto => ({ id, name: teams.get(id)?.name ?? id });

/** The structure's games by id, to name the games a slot comes from. */
export type GameLookup = (gameId: string) => Game | undefined;

/** Where a slot's team comes from, as a Chinese-reading organiser or fan says it (半决赛1胜者, A组第1名). */
export function slotLabel(slot: Slot, teams: Teams, gameOf?: GameLookup): string {
  const game = (id: string) => {
    const g = gameOf?.(id);
    return g ? gameTitle(g) : id;
  };
  switch (slot.kind) {
    case 'team':
      return teams.get(slot.teamId)?.name ?? slot.teamId;
    case 'group_place':
      return `${slot.groupId}组第${slot.place}名`;
    case 'best_placed':
      return `各组第${slot.place}名中排名第${slot.rank}`;
    case 'game_winner':
      return `${game(slot.gameId)}胜者`;
    case 'game_loser':
      return `${game(slot.gameId)}负者`;
    case 'seed':
      return `${slot.seed}号种子`;
  }
}

/** Looks games up by id in a structure. */
export function gameLookup(structure: CompetitionStructure): GameLookup {
  const byId = new Map(structure.games.map((g) => [g.id, g]));
  return (id) => byId.get(id);
}

export function slotView(slot: Slot, side: ResolvedSide | null, teams: Teams, gameOf?: GameLookup): SlotViewDto {
  const resolved =
    side ??
    (slot.kind === 'team'
      ? { teamId: slot.teamId, state: 'resolved' as const }
      : { teamId: null, state: 'pending' as const });
  return {
    label: slotLabel(slot, teams, gameOf),
    slot,
    state: resolved.state,
    team: resolved.teamId === null ? null : teamRef(resolved.teamId, teams),
  };
}

export function stageViews(
  structure: CompetitionStructure,
  resolution: SlotResolution | null,
  teams: Teams,
  origin?: { config: CompetitionConfig; format: CompetitionFormat },
): StageViewDto[] {
  const sides = new Map(resolution?.games.map((g) => [g.gameId, g]) ?? []);
  const gameOf = gameLookup(structure);
  const sideOf = (slot: Slot, groupId: string): ResolvedSide | null => {
    const key = JSON.stringify(slot);
    for (const game of structure.games) {
      if (game.groupId !== groupId) continue;
      const resolved = sides.get(game.id);
      if (!resolved) return null;
      if (JSON.stringify(game.home) === key) return resolved.home;
      if (JSON.stringify(game.away) === key) return resolved.away;
    }
    return null;
  };
  return structure.stages.map((stage: Stage) => {
    if (stage.kind === 'group') {
      return {
        id: stage.id,
        kind: 'group',
        name: stage.name,
        roundRobin: stage.roundRobin,
        ...(stage.carryOver && stage.carryOver !== 'none' ? { carryOver: stage.carryOver } : {}),
        groups: stage.groups.map((g) => ({
          id: g.id,
          name: g.name,
          entrants: g.entrants.map((slot) => slotView(slot, sideOf(slot, g.id), teams, gameOf)),
        })),
      };
    }
    const effective = resolution?.seeding.find((s) => s.stageId === stage.id)?.teamIds ?? [];
    const seeding = stage.pairingAtResolution
      ? effective.map((teamId, i) =>
          slotView(
            { kind: 'seed', seed: i + 1 },
            teamId === null ? { teamId: null, state: 'pending' } : { teamId, state: 'resolved' },
            teams,
            gameOf,
          ),
        )
      : stage.seeding.map((slot, i) => {
          const teamId = effective[i] ?? null;
          return slotView(slot, teamId === null ? null : { teamId, state: 'resolved' }, teams, gameOf);
        });
    const entered = origin?.config.stages.find((s) => s.id === stage.id);
    const swaps = stage.pairingAtResolution
      ? (resolution?.seeding.find((s) => s.stageId === stage.id)?.swaps ?? [])
      : entered?.kind === 'knockout'
        ? buildTimeSwaps(entered.entrants, stage.seeding)
        : [];
    return {
      id: stage.id,
      kind: 'knockout',
      name: stage.name,
      format: stage.format,
      seeding,
      seedingRule: origin?.format.kind === 'stages' ? 'as_entered' : 'crossover',
      avoidGroupRematch: stage.avoidGroupRematch,
      seedingSwaps: swaps.map((w) => ({ ...w, reason: 'avoid_group_rematch' as const })),
      thirdPlaceGame: stage.thirdPlaceGame,
    };
  });
}

/** Seeds the build moved to keep two teams of one group apart: entered as one seed, playing as another. */
function buildTimeSwaps(entered: Slot[], seeding: Slot[]): Array<{ seed: number; enteredAs: number }> {
  const keys = entered.map((slot) => JSON.stringify(slot));
  return seeding.flatMap((slot, k) => {
    const i = keys.indexOf(JSON.stringify(slot));
    return i === -1 || i === k ? [] : [{ seed: k + 1, enteredAs: i + 1 }];
  });
}

export function toCompetitionDto(
  c: CompetitionEntity,
  teams: Teams,
  resolution: SlotResolution | null,
): CompetitionDto {
  return {
    tournamentId: c.tournamentId,
    phase: c.phase,
    format: c.format,
    config: c.config,
    draw:
      c.draw && c.drawStageId
        ? {
            stageId: c.drawStageId,
            method: c.draw.method,
            seed: c.draw.seed,
            keepUnitsApart: c.draw.keepUnitsApart,
            groups: c.draw.groups.map((g) => ({
              groupId: g.groupId,
              teams: g.teamIds.map((id) => teamRef(id, teams)),
            })),
          }
        : null,
    stages: c.structure ? stageViews(c.structure, resolution, teams, { config: c.config, format: c.format }) : [],
    gameCount: c.structure?.games.length ?? 0,
    pendingOverride: c.pendingOverride,
    forcedCorrections: c.forcedCorrections,
    version: c.version,
  };
}

export function toBracketGames(
  structure: CompetitionStructure,
  resolution: SlotResolution,
  rows: ReadonlyMap<string, FixtureRow>,
  results: Readonly<Record<string, AppliedResult>>,
  teams: Teams,
): BracketGameDto[] {
  const gameOf = gameLookup(structure);
  return structure.games.map((game, i) => {
    const resolved = resolution.games[i]!;
    const row = rows.get(game.id);
    const result = results[game.id];
    const home = resolved.home.state === 'resolved' ? resolved.home.teamId : null;
    const away = resolved.away.state === 'resolved' ? resolved.away.teamId : null;
    return {
      id: game.id,
      stageId: game.stageId,
      groupId: game.groupId,
      bracket: game.bracket,
      round: game.round,
      roundName: game.roundName,
      home: slotView(game.home, resolved.home, teams, gameOf),
      away: slotView(game.away, resolved.away, teams, gameOf),
      dependsOn: game.dependsOn,
      winnerPlaces: game.winnerPlaces,
      loserPlaces: game.loserPlaces,
      needed: resolved.needed,
      decided: resolved.decided,
      game: row
        ? {
            id: row.id,
            status: row.status,
            homeScore: row.homeScore,
            awayScore: row.awayScore,
            court: row.court,
            scheduledAt: row.scheduledAt,
            period: row.period,
          }
        : null,
      result: result
        ? {
            homeScore: result.homeScore,
            awayScore: result.awayScore,
            kind: result.kind,
            winner: teamRef(result.winnerTeamId, teams),
            loser: teamRef(result.loserTeamId, teams),
            official: result.official,
          }
        : null,
      teamsMismatch:
        row !== undefined &&
        row.status !== 'scheduled' &&
        row.status !== 'postponed' &&
        (row.homeTeamId !== home || row.awayTeamId !== away),
    };
  });
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * Why a team is where it is, as a sentence fans and organisers read: the criterion and, for a
 * tie, the values among the level teams (from the mini-table of the deciding step).
 */
export function explainPlace(r: StandingRow, teams: Teams): PlaceExplanationDto {
  const name = (id: string) => teams.get(id)?.name ?? id;
  const others = r.tiedWith.map(name);
  const zhWith = others.join('、');
  const enWith = others.join(', ');
  const level = {
    zh: `与${zhWith}同积${r.classificationPoints}分`,
    en: `Level on ${r.classificationPoints} points with ${enWith}`,
  };
  const rows = r.miniTable?.rows ?? [];
  const values = (pick: (row: (typeof rows)[number]) => number, sign = false) =>
    rows.map((row) => (sign ? signed(pick(row)) : String(pick(row)))).join(rows.length > 2 ? '、' : ' : ');
  const valuesEn = (pick: (row: (typeof rows)[number]) => number, sign = false) =>
    rows.map((row) => (sign ? signed(pick(row)) : String(pick(row)))).join(rows.length > 2 ? ', ' : ' : ');
  const among = rows.length > 2 ? `${rows.length}队相互间比赛` : '两队相互间比赛';
  const amongEn = rows.length > 2 ? `the games among the ${rows.length}` : 'the games between the two';
  switch (r.decidedBy) {
    case 'classification_points':
      return {
        zh: `积${r.classificationPoints}分（${r.wins}胜${r.losses}负），按积分排名`,
        en: `${r.classificationPoints} classification points (${r.wins}-${r.losses}), placed by points`,
      };
    case 'head_to_head_points':
      return {
        zh: `${level.zh}；${among}积分：${values((x) => x.classificationPoints)}`,
        en: `${level.en}; classification points in ${amongEn}: ${valuesEn((x) => x.classificationPoints)}`,
      };
    case 'head_to_head_difference':
      return {
        zh: `${level.zh}；${among}净胜分：${values((x) => x.pointDifference, true)}`,
        en: `${level.en}; point difference in ${amongEn}: ${valuesEn((x) => x.pointDifference, true)}`,
      };
    case 'head_to_head_scored':
      return {
        zh: `${level.zh}；${among}净胜分相同，得分：${values((x) => x.pointsFor)}`,
        en: `${level.en}; level on difference in ${amongEn}, points scored: ${valuesEn((x) => x.pointsFor)}`,
      };
    case 'group_difference':
      return {
        zh: `${level.zh}，相互间比赛无法区分；小组全部比赛净胜分${signed(r.pointDifference)}`,
        en: `${level.en}, not separated by the games among them; point difference in all group games ${signed(r.pointDifference)}`,
      };
    case 'group_scored':
      return {
        zh: `${level.zh}，相互间比赛及净胜分均无法区分；小组全部比赛得分${r.pointsFor}`,
        en: `${level.en}, not separated by the games among them nor by difference; points scored in all group games ${r.pointsFor}`,
      };
    case 'draw':
      return r.needsDraw
        ? {
            zh: `${level.zh}，所有条件均无法区分：需由组委会抽签决定`,
            en: `${level.en} and level on every criterion: a drawing of lots decides (recorded by the organisers)`,
          }
        : {
            zh: `${level.zh}，所有条件均相同，经抽签决定`,
            en: `${level.en} and level on every criterion: placed by lots`,
          };
    case 'shared':
      return {
        zh: `${level.zh}，小组赛尚未结束，暂时并列`,
        en: `${level.en}; the group is not finished, so they share the place for now`,
      };
  }
}

export const toStandingRow = (r: StandingRow, teams: Teams): StandingRowDto => ({
  rank: r.rank,
  team: teamRef(r.teamId, teams),
  played: r.played,
  wins: r.wins,
  losses: r.losses,
  classificationPoints: r.classificationPoints,
  pointsFor: r.pointsFor,
  pointsAgainst: r.pointsAgainst,
  pointDifference: r.pointDifference,
  forfeitLosses: r.forfeitLosses,
  sharedRank: r.sharedRank,
  decidedBy: r.decidedBy,
  tiedWith: r.tiedWith.map((id) => teamRef(id, teams)),
  needsDraw: r.needsDraw,
  includesLive: r.includesLive,
  miniTable: r.miniTable && {
    teams: r.miniTable.teamIds.map((id) => teamRef(id, teams)),
    gameIds: r.miniTable.gameIds,
    rows: r.miniTable.rows.map((m) => ({
      team: teamRef(m.teamId, teams),
      played: m.played,
      wins: m.wins,
      losses: m.losses,
      classificationPoints: m.classificationPoints,
      pointsFor: m.pointsFor,
      pointsAgainst: m.pointsAgainst,
      pointDifference: m.pointDifference,
    })),
  },
  explanation: explainPlace(r, teams),
  qualification: null,
});

export function toGroupStandingsDto(
  group: { stageId: string; id: string; name: string; carriedOverGameIds: string[] },
  official: GroupStandings,
  live: GroupStandings | null,
  teams: Teams,
  qualification: ReadonlyMap<string, Qualification> | null = null,
  places: { advancing: number; possible: number } | null = null,
): GroupStandingsDto {
  const marked = (row: StandingRowDto): StandingRowDto => ({
    ...row,
    qualification: qualification?.get(row.team.id) ?? null,
  });
  return {
    stageId: group.stageId,
    groupId: group.id,
    name: group.name,
    complete: official.complete,
    official: official.rows.map((r) => marked(toStandingRow(r, teams))),
    live: (live ?? official).rows.map((r) => marked(toStandingRow(r, teams))),
    advancingPlaces: places?.advancing ?? null,
    possiblePlaces: places?.possible ?? null,
    liveIncludesGamesInProgress: live?.includesLive ?? false,
    drawsNeeded: official.drawsNeeded.map((set) => set.map((id) => teamRef(id, teams))),
    carriedOverGameIds: group.carriedOverGameIds,
  };
}

export const toCrossGroupTableDto = (
  stageId: string,
  table: PlaceAcrossGroups,
  decidesSlots: boolean,
  teams: Teams,
): CrossGroupTableDto => ({
  stageId,
  place: table.place,
  decidesSlots,
  final: table.final,
  unplacedGroupIds: table.unplacedGroupIds,
  ranking: table.ranking.map((p) => ({
    rank: p.rank,
    team: teamRef(p.teamId, teams),
    groupId: p.groupId,
    played: p.played,
    wins: p.wins,
    classificationPoints: p.classificationPoints,
    pointsFor: p.pointsFor,
    pointsAgainst: p.pointsAgainst,
    pointDifference: p.pointsFor - p.pointsAgainst,
    decidedBy: p.decidedBy,
    needsDraw: p.needsDraw,
  })),
});

export const toFinalPlaceDto = (p: FinalPlace, teams: Teams): FinalPlaceDto => ({
  place: p.place,
  placeTo: p.placeTo,
  team: teamRef(p.teamId, teams),
  decidedBy: p.decidedBy,
  needsDraw: p.needsDraw,
  tiedWith: p.tiedWith.map((id) => teamRef(id, teams)),
});
