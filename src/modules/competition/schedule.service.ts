import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { mapUnique } from '../../database/pg-errors.js';
import { TransactionHost } from '../../database/transaction.js';
import {
  competitionScheduleInput,
  resolveSlots,
  type CompetitionStructure,
  type SlotResolution,
} from '../../domain/competition/index.js';
import {
  auditSchedule,
  moveGame,
  projectDelays,
  scheduleGames,
  scheduleQuality,
  toMinutes,
  type GameActual,
  type Schedule,
  type ScheduleInput,
  type UnplacedGame,
} from '../../domain/schedule/index.js';
import { conflict, DomainError, invalid, type ErrorDetail } from '../../domain/shared/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { GameFixtures, type FixtureRow } from '../games/game-fixtures.service.js';
import { formatLocal } from '../games/local-date-time.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import { competitionPicture, isDecided } from './competition-facts.js';
import { CompetitionCommand, humanizeError } from './competition-errors.js';
import { CompetitionStore, structureOf, type TeamInfo } from './competition-store.js';
import type { DelaysQueryDto, GenerateScheduleDto, MoveGameDto, SetCourtsDto } from './competition.dto.js';
import type { CompetitionEntity } from './competition.entity.js';
import { slotView, teamRef } from './competition.mapper.js';
import type { GameScheduleOption, ScheduleSettingsRecord } from './competition.types.js';
import type { CourtsDto, CourtViewDto, DelaysDto, ScheduleDto } from './competition-view.dto.js';
import { CourtEntity, CourtWindowEntity } from './court.entity.js';
import { LiveDelivery } from '../../live/live-delivery.service.js';

const RACE = {
  code: 'COMPETITION_CHANGED_CONCURRENTLY',
  field: 'courts',
  reason: 'another organiser changed the courts at the same moment; read them and try again',
};
const COURT_RACE = { uq_competition_court_code: RACE, uq_competition_court_name: RACE };

/** Which setting an organiser changes when a game cannot be placed for this reason. */
const UNPLACED_FIELD: Record<UnplacedGame['reason'], string> = {
  no_window: 'courts',
  courts_full: 'courts',
  dependency: 'courts',
  rest: 'minRestMinutes',
  deadline: 'games',
  fixed_conflict: 'games',
};

/**
 * Courts, time windows and the schedule (src/domain/schedule): generating it, moving one game by
 * hand (refused with the rule it breaks) and the knock-on delays when a game runs long. Kick-off
 * times are written to the games through the games module.
 */
@Injectable()
export class ScheduleService {
  constructor(
    readonly txHost: TransactionHost,
    private readonly store: CompetitionStore,
    private readonly tournaments: TournamentsService,
    private readonly fixtures: GameFixtures,
    private readonly audit: AuditService,
    private readonly delivery: LiveDelivery,
  ) {}

  @CompetitionCommand()
  async setCourts(actor: Actor, tournamentId: string, dto: SetCourtsDto): Promise<CourtsDto> {
    const competition = await this.store.manage(actor, tournamentId);
    const problems: ErrorDetail[] = [];
    const seen = { id: new Set<string>(), name: new Set<string>() };
    dto.courts.forEach((court, c) => {
      if (seen.id.has(court.id))
        problems.push({ field: `courts[${c}].id`, reason: `court id ${court.id} is used twice` });
      if (seen.name.has(court.name))
        problems.push({ field: `courts[${c}].name`, reason: `court name ${court.name} is used twice` });
      seen.id.add(court.id);
      seen.name.add(court.name);
      court.windows.forEach((w, i) => {
        const at = `courts[${c}].windows[${i}]`;
        const start = minutesOrProblem(w.start, `${at}.start`, problems);
        const end = minutesOrProblem(w.end, `${at}.end`, problems);
        if (start !== null && end !== null && end <= start)
          problems.push({ field: `${at}.end`, reason: 'must be after start' });
      });
    });
    if (problems.length > 0)
      throw invalid('COMPETITION_COURTS_INVALID', 'The courts cannot be used as given', problems);

    const before = this.courtViews(await this.store.courts(tournamentId));
    const after: CourtViewDto[] = dto.courts.map((c) => ({
      id: c.id,
      name: c.name,
      windows: c.windows.map((w) => ({ start: w.start, end: w.end })),
    }));
    if (competition?.schedule && competition.structure) {
      // The stored schedule must still fit the new courts and windows.
      const input = this.input(
        competition.scheduleSettings ?? DEFAULT_SETTINGS,
        competition.structure,
        await this.resolution(competition),
        after,
      );
      const broken = auditSchedule(competition.schedule, input);
      if (broken.length > 0) {
        throw conflict(
          'COMPETITION_SCHEDULE_BROKEN',
          `The schedule would break ${broken.length} rule(s) with these courts: ${broken[0]!.message}; generate the schedule again or move the games first`,
          broken.map((v) => ({ field: v.gameId, reason: v.message })),
        );
      }
    }
    const courts = this.txHost.tx.getRepository(CourtEntity);
    await courts.delete({ tournamentId });
    for (const [position, c] of dto.courts.entries()) {
      const saved = await mapUnique(
        () => courts.save(courts.create({ tournamentId, code: c.id, name: c.name, position })),
        COURT_RACE,
      );
      const windows = this.txHost.tx.getRepository(CourtWindowEntity);
      await windows.save(c.windows.map((w) => windows.create({ courtId: saved.id, startsAt: w.start, endsAt: w.end })));
    }
    if (competition?.schedule && competition.phase === 'games_created')
      await this.writeSlots(actor, competition, competition.schedule, after);
    await this.audit.record(actor, {
      action: 'competition.courts_set',
      entity: 'competition_court',
      entityId: null,
      tournamentId,
      before: { courts: before },
      after: { courts: after },
    });
    return { tournamentId, courts: after };
  }

  async courts(tournamentId: string): Promise<CourtsDto> {
    await this.tournaments.getEntity(tournamentId);
    return { tournamentId, courts: this.courtViews(await this.store.courts(tournamentId)) };
  }

  @CompetitionCommand()
  async generate(actor: Actor, tournamentId: string, dto: GenerateScheduleDto): Promise<ScheduleDto> {
    const competition = await this.store.manageExisting(actor, tournamentId);
    const structure = structureOf(competition);
    const courts = this.courtViews(await this.store.courts(tournamentId));
    if (courts.length === 0)
      throw conflict('COMPETITION_NO_COURTS', 'Set the courts and their time windows first (PUT …/competition/courts)');
    const rows = await this.store.rows(tournamentId);
    const started = [...rows.values()]
      .filter((r) => !['scheduled', 'postponed'].includes(r.status))
      .map((r) => r.competitionKey);
    if (started.length > 0) {
      throw conflict(
        'COMPETITION_SCHEDULE_STARTED',
        `Games have started (${started.slice(0, 3).join(', ')}): move games by hand instead of generating the schedule again`,
      );
    }
    const given = (dto.games ?? []).map((g) => JSON.parse(JSON.stringify(g)) as GameScheduleOption);
    // Games moved by hand keep their slot unless the organiser lists them again or lets them go.
    const moved =
      dto.keepMovedGames === false
        ? []
        : (competition.scheduleSettings?.games ?? []).filter(
            (g) => g.movedByHand && g.fixed && !given.some((o) => o.gameId === g.gameId),
          );
    const newDay = dto.newDayForNewStage ?? true;
    const settings: ScheduleSettingsRecord = {
      slotMinutes: dto.slotMinutes,
      minRestMinutes: dto.minRestMinutes,
      dependencyBufferMinutes: dto.dependencyBufferMinutes ?? 0,
      startStepMinutes: dto.startStepMinutes ?? 5,
      games: [...given, ...moved],
      stageDays: (dto.stageDays ?? []).map((d) => ({ stageId: d.stageId, first: d.first, last: d.last })),
      newDayForNewStage: newDay,
      stagesOnNewDays: newDay,
    };
    this.checkGameOptions(structure, settings, courts);
    const resolution = await this.resolution(competition, rows);
    let schedule: Schedule | null = null;
    let refusal: unknown = null;
    // A new day for a new stage when the days allow; otherwise the same schedule without it.
    for (const keepNewDays of newDay ? [true, false] : [false]) {
      settings.stagesOnNewDays = keepNewDays;
      try {
        schedule = scheduleGames(
          this.input({ ...settings, newDayForNewStage: keepNewDays }, structure, resolution, courts, true),
        );
        break;
      } catch (e) {
        refusal = e;
      }
    }
    if (schedule === null) throw this.infeasible(refusal, settings, await this.store.teams(tournamentId));
    competition.scheduleSettings = settings;
    const before = competition.schedule;
    competition.schedule = schedule;
    await this.store.save(competition);
    if (competition.phase === 'games_created') await this.writeSlots(actor, competition, schedule, courts, rows);
    await this.audit.record(actor, {
      action: 'competition.schedule_generated',
      entity: 'competition',
      entityId: competition.id,
      tournamentId,
      before: before && { games: before.assignments.length },
      after: {
        settings,
        games: schedule.assignments.map((a) => ({ gameId: a.gameId, courtId: a.courtId, start: a.start })),
      },
    });
    this.delivery.tournamentChanged(tournamentId, ['schedule', 'games']);
    return this.view(competition, courts);
  }

  @CompetitionCommand()
  async move(actor: Actor, tournamentId: string, dto: MoveGameDto): Promise<ScheduleDto> {
    const competition = await this.store.manageExisting(actor, tournamentId);
    const structure = structureOf(competition);
    const schedule = competition.schedule;
    if (!schedule) throw conflict('COMPETITION_NO_SCHEDULE', 'There is no schedule yet: generate it first');
    if (!structure.games.some((g) => g.id === dto.gameId)) {
      throw invalid('COMPETITION_UNKNOWN_GAME', `Game ${dto.gameId} is not part of this competition`, [
        { field: 'gameId', reason: 'no such game in the structure' },
      ]);
    }
    const courts = this.courtViews(await this.store.courts(tournamentId));
    if (!courts.some((c) => c.id === dto.courtId)) {
      throw invalid('COMPETITION_UNKNOWN_COURT', `Court ${dto.courtId} does not exist`, [
        { field: 'courtId', reason: 'no such court' },
      ]);
    }
    const rows = await this.store.rows(tournamentId);
    const row = rows.get(dto.gameId);
    if (row && !['scheduled', 'ready', 'postponed'].includes(row.status)) {
      throw conflict('COMPETITION_GAME_STARTED', `Game ${dto.gameId} is ${row.status}: it can no longer be moved`);
    }
    const input = this.input(
      competition.scheduleSettings ?? DEFAULT_SETTINGS,
      structure,
      await this.resolution(competition, rows),
      courts,
    );
    const teams = await this.store.teams(tournamentId);
    let moved: Schedule;
    try {
      moved = moveGame(schedule, input, dto.gameId, { courtId: dto.courtId, start: dto.start });
    } catch (e) {
      throw humanizeError(e, new Map([...teams.values()].map((t) => [t.id, t.name])));
    }
    const from = schedule.assignments.find((a) => a.gameId === dto.gameId);
    competition.schedule = moved;
    competition.scheduleSettings = pinMove(competition.scheduleSettings ?? DEFAULT_SETTINGS, dto);
    await this.store.save(competition);
    if (row) {
      const court = courts.find((c) => c.id === dto.courtId)!;
      await this.fixtures.reschedule(
        actor,
        { id: row.id, tournamentId },
        { court: court.name, scheduledAt: dto.start },
      );
    }
    await this.audit.record(actor, {
      action: 'competition.game_moved',
      entity: 'competition',
      entityId: competition.id,
      tournamentId,
      before: from ? { gameId: dto.gameId, courtId: from.courtId, start: from.start } : null,
      after: { gameId: dto.gameId, courtId: dto.courtId, start: dto.start },
    });
    this.delivery.tournamentChanged(tournamentId, ['schedule', 'games']);
    return this.view(competition, courts, teams);
  }

  async schedule(tournamentId: string): Promise<ScheduleDto> {
    const competition = await this.store.get(tournamentId);
    if (!competition.schedule) throw conflict('COMPETITION_NO_SCHEDULE', 'There is no schedule yet');
    return this.view(competition, this.courtViews(await this.store.courts(tournamentId)));
  }

  /** Later games that can no longer start on time, from the games' actual start and end. */
  async delays(tournamentId: string, query: DelaysQueryDto): Promise<DelaysDto> {
    const competition = await this.store.get(tournamentId);
    const schedule = competition.schedule;
    if (!schedule) throw conflict('COMPETITION_NO_SCHEDULE', 'There is no schedule yet');
    const courts = new Map(this.courtViews(await this.store.courts(tournamentId)).map((c) => [c.id, c.name]));
    if (query.courtId !== undefined && !courts.has(query.courtId)) {
      throw invalid('COMPETITION_UNKNOWN_COURT', `Court ${query.courtId} does not exist`, [
        { field: 'courtId', reason: 'no such court' },
      ]);
    }
    const rows = await this.store.rows(tournamentId);
    const now = query.now ?? formatLocal(new Date());
    const actuals = schedule.assignments.flatMap((a) => actualOf(a.gameId, a.start, rows.get(a.gameId)));
    const delays = projectDelays(schedule, actuals, { now });
    return {
      tournamentId,
      now,
      delays: delays
        .filter((d) => query.courtId === undefined || d.courtId === query.courtId)
        .map((d) => ({ ...d, courtName: courts.get(d.courtId) ?? d.courtId })),
    };
  }

  private async resolution(competition: CompetitionEntity, rows?: Map<string, FixtureRow>): Promise<SlotResolution> {
    const structure = competition.structure!;
    const picture = competitionPicture(
      structure,
      competition.results,
      rows ?? (await this.store.rows(competition.tournamentId)),
      competition.lots,
    );
    return resolveSlots(structure, picture.facts);
  }

  /** The scheduler's input: known teams now, dependencies and stages from the structure, the organiser's options. */
  private input(
    settings: ScheduleSettingsRecord,
    structure: CompetitionStructure,
    resolution: SlotResolution,
    courts: CourtViewDto[],
    pinMovedGames = false,
  ): ScheduleInput {
    // A moved game is pinned only for a new generation; by hand it may be moved again.
    const games = settings.games.filter((g) => pinMovedGames || !g.movedByHand);
    return competitionScheduleInput(structure, resolution, courts, {
      slotMinutes: settings.slotMinutes,
      minRestMinutes: settings.minRestMinutes,
      dependencyBufferMinutes: settings.dependencyBufferMinutes,
      startStepMinutes: settings.startStepMinutes,
      newDayForNewStage: settings.newDayForNewStage ?? false,
      stageDays: settings.stageDays ?? [],
      games,
    });
  }

  private checkGameOptions(
    structure: CompetitionStructure,
    settings: ScheduleSettingsRecord,
    courts: CourtViewDto[],
  ): void {
    const problems: ErrorDetail[] = [];
    const gameIds = new Set(structure.games.map((g) => g.id));
    const courtIds = new Set(courts.map((c) => c.id));
    const seen = new Set<string>();
    settings.games.forEach((g, i) => {
      const at = `games[${i}]`;
      if (!gameIds.has(g.gameId))
        problems.push({ field: `${at}.gameId`, reason: `no game ${g.gameId} in the structure` });
      if (seen.has(g.gameId)) problems.push({ field: `${at}.gameId`, reason: `game ${g.gameId} is listed twice` });
      seen.add(g.gameId);
      if (g.fixed) {
        if (!courtIds.has(g.fixed.courtId))
          problems.push({ field: `${at}.fixed.courtId`, reason: `no court ${g.fixed.courtId}` });
        minutesOrProblem(g.fixed.start, `${at}.fixed.start`, problems);
      }
      g.preferredCourtIds?.forEach((id, j) => {
        if (!courtIds.has(id)) problems.push({ field: `${at}.preferredCourtIds[${j}]`, reason: `no court ${id}` });
      });
    });
    const stageIds = new Set(structure.stages.map((st) => st.id));
    const seenStages = new Set<string>();
    (settings.stageDays ?? []).forEach((d, i) => {
      const at = `stageDays[${i}]`;
      if (!stageIds.has(d.stageId))
        problems.push({ field: `${at}.stageId`, reason: `no stage ${d.stageId} in the competition` });
      if (seenStages.has(d.stageId))
        problems.push({ field: `${at}.stageId`, reason: `stage ${d.stageId} is listed twice` });
      seenStages.add(d.stageId);
      const first = minutesOrProblem(`${d.first}T00:00`, `${at}.first`, problems);
      const last = minutesOrProblem(`${d.last}T00:00`, `${at}.last`, problems);
      if (first !== null && last !== null && last < first)
        problems.push({ field: `${at}.last`, reason: 'must not be before the first day' });
    });
    if (problems.length > 0)
      throw invalid(
        'COMPETITION_SCHEDULE_OPTIONS_INVALID',
        'The schedule options name games, courts, stages or days that do not exist',
        problems,
      );
  }

  /** SCHEDULE_INFEASIBLE names each game left out; its details point at the setting to change. */
  private infeasible(e: unknown, settings: ScheduleSettingsRecord, teams: Map<string, TeamInfo>): unknown {
    if (!(e instanceof DomainError) || e.code !== 'SCHEDULE_INFEASIBLE') return e;
    const unplaced = (e.context?.unplaced as UnplacedGame[] | undefined) ?? [];
    const optionIndex = new Map(settings.games.map((g, i) => [g.gameId, i]));
    const details = unplaced.map((u) => {
      const i = optionIndex.get(u.gameId);
      const field =
        UNPLACED_FIELD[u.reason] === 'games' && i !== undefined ? `games[${i}].fixed` : UNPLACED_FIELD[u.reason];
      return { field, reason: u.message };
    });
    return humanizeError(
      new DomainError(e.code, e.kind, e.message, details, e.context),
      new Map([...teams.values()].map((t) => [t.id, t.name])),
    );
  }

  /** Writes court names and kick-off times to the games that have not started. */
  private async writeSlots(
    actor: Actor,
    competition: CompetitionEntity,
    schedule: Schedule,
    courts: CourtViewDto[],
    rows?: Map<string, FixtureRow>,
  ): Promise<void> {
    const names = new Map(courts.map((c) => [c.id, c.name]));
    const games = rows ?? (await this.store.rows(competition.tournamentId));
    for (const a of schedule.assignments) {
      const row = games.get(a.gameId);
      if (!row || !['scheduled', 'ready', 'postponed'].includes(row.status)) continue;
      await this.fixtures.reschedule(
        actor,
        { id: row.id, tournamentId: competition.tournamentId },
        { court: names.get(a.courtId) ?? a.courtId, scheduledAt: a.start },
      );
    }
  }

  private async view(
    competition: CompetitionEntity,
    courts: CourtViewDto[],
    teams?: Map<string, TeamInfo>,
  ): Promise<ScheduleDto> {
    const structure = competition.structure!;
    const schedule = competition.schedule!;
    const directory = teams ?? (await this.store.teams(competition.tournamentId));
    const resolution = await this.resolution(competition);
    const byId = new Map(structure.games.map((g, i) => [g.id, { game: g, sides: resolution.games[i]! }]));
    const gameOf = (id: string) => byId.get(id)?.game;
    const names = new Map(courts.map((c) => [c.id, c.name]));
    const s = competition.scheduleSettings ?? DEFAULT_SETTINGS;
    const options = new Map(s.games.map((g) => [g.gameId, g]));
    const input = this.input(s, structure, resolution, courts);
    const quality = scheduleQuality(schedule, input);
    return {
      tournamentId: competition.tournamentId,
      settings: {
        slotMinutes: s.slotMinutes,
        minRestMinutes: s.minRestMinutes,
        dependencyBufferMinutes: s.dependencyBufferMinutes,
        startStepMinutes: s.startStepMinutes,
        games: s.games,
        stageDays: s.stageDays ?? [],
        newDayForNewStage: s.newDayForNewStage ?? false,
      },
      courts,
      quality: {
        ...quality,
        stagesOnNewDays: s.stagesOnNewDays ?? false,
        brokenRules: auditSchedule(schedule, input).length,
        teams: quality.teams.map((t) => ({
          team: teamRef(t.teamId, directory),
          games: t.games,
          shortestRestMinutes: t.shortestRestMinutes,
        })),
      },
      games: schedule.assignments.map((a) => {
        const { game, sides } = byId.get(a.gameId)!;
        return {
          gameId: a.gameId,
          roundName: game.roundName,
          courtId: a.courtId,
          courtName: names.get(a.courtId) ?? a.courtId,
          start: a.start,
          end: a.end,
          home: slotView(game.home, sides.home, directory, gameOf),
          away: slotView(game.away, sides.away, directory, gameOf),
          stageId: game.stageId,
          fixed: Boolean(options.get(a.gameId)?.fixed) && !options.get(a.gameId)?.movedByHand,
          movedByHand: Boolean(options.get(a.gameId)?.movedByHand),
        };
      }),
    };
  }

  private courtViews(courts: CourtEntity[]): CourtViewDto[] {
    return courts.map((c) => ({
      id: c.code,
      name: c.name,
      windows: (c.windows ?? []).map((w) => ({ start: w.startsAt, end: w.endsAt })),
    }));
  }
}

const DEFAULT_SETTINGS: ScheduleSettingsRecord = {
  slotMinutes: 90,
  minRestMinutes: 0,
  dependencyBufferMinutes: 0,
  startStepMinutes: 5,
  games: [],
};

/** A game moved by hand is kept there by the next generation: its option records the slot. */
function pinMove(settings: ScheduleSettingsRecord, dto: MoveGameDto): ScheduleSettingsRecord {
  const slot = { courtId: dto.courtId, start: dto.start };
  const existing = settings.games.find((g) => g.gameId === dto.gameId);
  const games = existing
    ? settings.games.map((g) => (g === existing ? { ...g, fixed: slot, movedByHand: !g.fixed || !!g.movedByHand } : g))
    : [...settings.games, { gameId: dto.gameId, fixed: slot, movedByHand: true }];
  return { ...settings, games };
}

function minutesOrProblem(value: string, field: string, problems: ErrorDetail[]): number | null {
  try {
    return toMinutes(value, field);
  } catch {
    problems.push({ field, reason: `'${value}' is not a real date and time` });
    return null;
  }
}

/** What the games say about when a game actually started and ended (venue wall clock). */
function actualOf(gameId: string, scheduledStart: string, row: FixtureRow | undefined): GameActual[] {
  if (!row) return [];
  if (row.firstEventAt) {
    const end = isDecided(row.status) ? row.lastEventAt! : undefined;
    return [{ gameId, actualStart: row.firstEventAt, ...(end ? { actualEnd: end } : {}) }];
  }
  // Decided without play (a forfeit): the court was free from the scheduled start.
  if (isDecided(row.status)) return [{ gameId, actualStart: scheduledStart, actualEnd: scheduledStart }];
  return [];
}
