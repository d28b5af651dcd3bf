import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { IsNull } from 'typeorm';
import { flattenValidationErrors } from '../../common/errors/validation.js';
import { fetchPage, type Page } from '../../common/pagination/page.js';
import { mapUnique } from '../../database/pg-errors.js';
import { assertRosterChangeAllowed, assertRosterRoom, duplicatesInBatch } from '../../domain/registration/roster.js';
import { columnOf, mapRosterHeader, rosterRowToInput, type RosterField } from '../../domain/registration/roster-csv.js';
import { nameIndex } from '../../domain/shared/chinese-text.js';
import { conflict, DomainError, invalid, notFound, type ErrorDetail } from '../../domain/shared/domain-error.js';
import { TeamsService } from '../teams/teams.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import { NationalIdHasher } from './national-id-hasher.js';
import {
  CreatePlayerDto,
  type ImportResultDto,
  type PlayerDto,
  type PlayerQueryDto,
  type UpdatePlayerDto,
} from './player.dto.js';
import { PlayerEntity } from './player.entity.js';
import { toPlayerDto } from './player.mapper.js';
import { RosterOverrideEntity, type RosterChangeAction } from './roster-override.entity.js';

const UNIQUE = {
  uq_player_team_jersey: {
    code: 'PLAYER_JERSEY_TAKEN',
    field: 'jerseyNumber',
    reason: 'another player on this team wears this number',
  },
  uq_player_tournament_person: {
    code: 'PLAYER_ALREADY_REGISTERED',
    field: 'nationalId',
    reason: 'this person is already on a roster in this tournament',
  },
};

@Injectable()
export class PlayersService {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly teams: TeamsService,
    private readonly tournaments: TournamentsService,
    private readonly hasher: NationalIdHasher,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(PlayerEntity);
  }

  async listByTeam(teamId: string, query: PlayerQueryDto): Promise<Page<PlayerDto>> {
    await this.teams.getEntity(teamId);
    return this.page({ ...query, teamId }, undefined);
  }

  async listByTournament(tournamentId: string, query: PlayerQueryDto): Promise<Page<PlayerDto>> {
    await this.tournaments.getEntity(tournamentId);
    return this.page(query, tournamentId);
  }

  private page(query: PlayerQueryDto, tournamentId: string | undefined): Promise<Page<PlayerDto>> {
    const qb = this.repo.createQueryBuilder('player').where('player.removed_at IS NULL');
    if (tournamentId) qb.andWhere('player.tournament_id = :tournamentId', { tournamentId });
    if (query.teamId) qb.andWhere('player.team_id = :teamId', { teamId: query.teamId });
    if (query.position) qb.andWhere('player.position = :position', { position: query.position });
    return fetchPage(qb, query, toPlayerDto);
  }

  async get(id: string): Promise<PlayerDto> {
    return toPlayerDto(await this.getEntity(id));
  }

  /**
   * Name, number and team of each of these players, removed ones included (games they played
   * still name them). Ids that are not players are left out.
   */
  async summaries(
    ids: readonly string[],
  ): Promise<Map<string, { id: string; tournamentId: string; teamId: string; name: string; jerseyNumber: number }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.repo
      .createQueryBuilder('player')
      .select(['player.id', 'player.tournamentId', 'player.teamId', 'player.name', 'player.jerseyNumber'])
      .where('player.id = ANY(:ids)', { ids: [...new Set(ids)] })
      .getMany();
    return new Map(rows.map((p) => [p.id, p]));
  }

  private async getEntity(id: string): Promise<PlayerEntity> {
    const player = await this.repo.findOneBy({ id, removedAt: IsNull() });
    if (!player) throw notFound('PLAYER_NOT_FOUND', `Player ${id} is not on any roster`);
    return player;
  }

  @Transactional()
  async add(actor: Actor, teamId: string, dto: CreatePlayerDto): Promise<PlayerDto> {
    const { team, override } = await this.lockRoster(actor, teamId, dto.overrideReason);
    assertRosterRoom(await this.rosterSize(teamId), 1, await this.rulesOf(team.tournamentId));
    const nationalIdHash = dto.nationalId ? this.hasher.hash(dto.nationalId) : null;
    await this.assertAvailable(
      team.tournamentId,
      teamId,
      [{ jerseyNumber: dto.jerseyNumber, nationalIdHash }],
      () => '',
    );
    const player = await mapUnique(
      () => this.repo.save(this.build(team.tournamentId, teamId, dto, nationalIdHash)),
      UNIQUE,
    );
    if (override) await this.recordOverride(team, 'add', override, player.id, { after: toPlayerDto(player) });
    const after = toPlayerDto(player);
    await this.audit.record(actor, {
      action: 'player.create',
      entity: 'player',
      entityId: player.id,
      tournamentId: team.tournamentId,
      after: withOverride(after, override),
    });
    return after;
  }

  @Transactional()
  async update(actor: Actor, id: string, dto: UpdatePlayerDto): Promise<PlayerDto> {
    const current = await this.getEntity(id);
    const { team, override } = await this.lockRoster(actor, current.teamId, dto.overrideReason);
    const player = await this.getEntity(id); // re-read under the team lock
    const before = toPlayerDto(player);
    const nationalIdHash =
      dto.nationalId === undefined
        ? player.nationalIdHash
        : dto.nationalId === null
          ? null
          : this.hasher.hash(dto.nationalId);
    const jerseyNumber = dto.jerseyNumber ?? player.jerseyNumber;
    await this.assertAvailable(team.tournamentId, team.id, [{ jerseyNumber, nationalIdHash }], () => '', player.id);
    const { overrideReason: _o, nationalId: _n, ...fields } = dto;
    Object.assign(player, fields, { nationalIdHash }, dto.name ? nameIndex(dto.name) : {});
    const saved = await mapUnique(() => this.repo.save(player), UNIQUE);
    if (override) await this.recordOverride(team, 'update', override, id, { before, after: toPlayerDto(saved) });
    const after = toPlayerDto(saved);
    await this.audit.record(actor, {
      action: 'player.update',
      entity: 'player',
      entityId: id,
      tournamentId: team.tournamentId,
      before,
      after: withOverride(after, override),
    });
    return after;
  }

  @Transactional()
  async remove(actor: Actor, id: string, overrideReason: string | undefined): Promise<void> {
    const current = await this.getEntity(id);
    const { team, override } = await this.lockRoster(actor, current.teamId, overrideReason);
    const player = await this.getEntity(id);
    const before = toPlayerDto(player);
    player.removedAt = new Date();
    await this.repo.save(player);
    if (override) await this.recordOverride(team, 'remove', override, id, { before: toPlayerDto(player) });
    await this.audit.record(actor, {
      action: 'player.remove',
      entity: 'player',
      entityId: id,
      tournamentId: team.tournamentId,
      before,
      after: override ? { overrideReason: override } : null,
    });
  }

  /**
   * Imports a roster from CSV (UTF-8, with or without BOM; Chinese or English headers). All or
   * nothing: every problem is reported with its line and column, and nothing is written unless
   * every row is good.
   */
  @Transactional()
  async importCsv(
    actor: Actor,
    teamId: string,
    csv: unknown,
    overrideReason: string | undefined,
  ): Promise<ImportResultDto> {
    // Access first: someone else's team learns nothing from how their file would be judged.
    await this.tournaments.assertCanManage(actor, (await this.teams.getEntity(teamId)).tournamentId);
    if (typeof csv !== 'string' || csv.trim() === '') {
      throw invalid('IMPORT_EMPTY', 'Send the roster as a CSV body (Content-Type: text/csv)', [
        { field: 'body', reason: 'must be a non-empty CSV text' },
      ]);
    }
    const records = parseCsv(csv);
    const [header, ...rows] = records;
    const { fields, problems } = mapRosterHeader(header);
    if (problems.length > 0) throw invalid('IMPORT_INVALID', 'The CSV header is not a roster header', problems);
    const dataRows = rows
      .map((cells, i) => ({ line: i + 2, cells }))
      .filter((r) => r.cells.some((c) => c.trim() !== ''));
    if (dataRows.length === 0)
      throw invalid('IMPORT_EMPTY', 'The CSV has a header but no players', [{ field: 'body', reason: 'no data rows' }]);

    const { team, override } = await this.lockRoster(actor, teamId, overrideReason);
    const details: ErrorDetail[] = [];
    const label = (i: number) => `rows[${dataRows[i].line}]`;
    const inputs: Array<{ dto: CreatePlayerDto; nationalIdHash: string | null }> = [];
    for (const [i, row] of dataRows.entries()) {
      const dto = plainToInstance(CreatePlayerDto, rosterRowToInput(row.cells, fields));
      const rowProblems = flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
      let nationalIdHash: string | null = null;
      if (dto.nationalId && !rowProblems.some((p) => p.field === 'nationalId')) {
        try {
          nationalIdHash = this.hasher.hash(dto.nationalId);
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          rowProblems.push(...e.details);
        }
      }
      for (const p of rowProblems) {
        details.push({
          field: `${label(i)}.${p.field}`,
          row: row.line,
          column: columnOf(fields, header, p.field) ?? p.field,
          reason: p.reason,
          ...(p.rule ? { rule: p.rule } : {}),
          ...(p.limit !== undefined ? { limit: p.limit } : {}),
        });
      }
      inputs.push({ dto, nationalIdHash });
    }
    const rowsForChecks = inputs.map((x) => ({ jerseyNumber: x.dto.jerseyNumber, nationalIdHash: x.nationalIdHash }));
    details.push(...withRowAndColumn(duplicatesInBatch(rowsForChecks, label), fields, header));
    try {
      await this.assertAvailable(team.tournamentId, teamId, rowsForChecks, label);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      details.push(...withRowAndColumn(e.details, fields, header));
    }
    if (details.length > 0)
      throw invalid('IMPORT_INVALID', `The roster was not imported: ${details.length} problem(s) found`, details);
    assertRosterRoom(await this.rosterSize(teamId), inputs.length, await this.rulesOf(team.tournamentId));

    const saved = await mapUnique(
      () => this.repo.save(inputs.map((x) => this.build(team.tournamentId, teamId, x.dto, x.nationalIdHash))),
      UNIQUE,
    );
    if (override) await this.recordOverride(team, 'import', override, null, { players: saved.map(toPlayerDto) });
    const result = { imported: saved.length, players: saved.map(toPlayerDto) };
    await this.audit.record(actor, {
      action: 'player.import',
      entity: 'team',
      entityId: teamId,
      tournamentId: team.tournamentId,
      after: withOverride(result, override),
    });
    return result;
  }

  /** Teams and sizes for the tournament start check. */
  rosterSizes(tournamentId: string) {
    return this.teams.rosterSizes(tournamentId);
  }

  private build(
    tournamentId: string,
    teamId: string,
    dto: CreatePlayerDto,
    nationalIdHash: string | null,
  ): PlayerEntity {
    return this.repo.create({
      tournamentId,
      teamId,
      name: dto.name,
      jerseyNumber: dto.jerseyNumber,
      position: dto.position ?? null,
      employer: dto.employer ?? null,
      nationalIdHash,
      removedAt: null,
      ...nameIndex(dto.name),
    });
  }

  /** Checks the caller organises the tournament, locks the team row (serialising its roster changes) and checks the roster lock and override. */
  private async lockRoster(actor: Actor, teamId: string, overrideReason: string | undefined) {
    await this.tournaments.assertCanManage(actor, (await this.teams.getEntity(teamId)).tournamentId);
    const team = await this.teams.getEntity(teamId, { lock: true });
    const { lock } = await this.tournaments.rosterLock(team.tournamentId);
    const override = assertRosterChangeAllowed(lock, overrideReason) ? overrideReason!.trim() : null;
    return { team, override };
  }

  private async rulesOf(tournamentId: string) {
    return (await this.tournaments.getEntity(tournamentId)).rules;
  }

  private rosterSize(teamId: string): Promise<number> {
    return this.repo.countBy({ teamId, removedAt: IsNull() });
  }

  /** Jerseys must be free on the team and a person must not be on another roster of the tournament. */
  private async assertAvailable(
    tournamentId: string,
    teamId: string,
    rows: Array<{ jerseyNumber: number; nationalIdHash: string | null }>,
    label: (i: number) => string,
    exceptPlayerId?: string,
  ): Promise<void> {
    const existing = await this.repo
      .createQueryBuilder('player')
      .innerJoin('team', 'team', 'team.id = player.team_id')
      .select([
        'player.id AS id',
        'player.team_id AS team_id',
        'player.jersey_number AS jersey',
        'player.national_id_hash AS hash',
        'player.name AS name',
        'team.name AS team_name',
      ])
      .where('player.tournament_id = :tournamentId AND player.removed_at IS NULL', { tournamentId })
      .andWhere(exceptPlayerId ? 'player.id <> :exceptPlayerId' : '1=1', { exceptPlayerId })
      .getRawMany<{
        id: string;
        team_id: string;
        jersey: number;
        hash: string | null;
        name: string;
        team_name: string;
      }>();
    const details: ErrorDetail[] = [];
    const prefix = (i: number) => (label(i) ? `${label(i)}.` : '');
    rows.forEach((row, i) => {
      const sameJersey = existing.find((p) => p.team_id === teamId && p.jersey === row.jerseyNumber);
      if (sameJersey)
        details.push({
          field: `${prefix(i)}jerseyNumber`,
          reason: `jersey ${row.jerseyNumber} is already worn by ${sameJersey.name}`,
        });
      const samePerson = row.nationalIdHash ? existing.find((p) => p.hash === row.nationalIdHash) : undefined;
      if (samePerson) {
        details.push({
          field: `${prefix(i)}nationalId`,
          reason:
            samePerson.team_id === teamId
              ? `this person is already on this roster as ${samePerson.name}`
              : `this person already plays for ${samePerson.team_name} in this tournament`,
        });
      }
    });
    if (details.length > 0) {
      const code = details.some((d) => d.field.endsWith('nationalId'))
        ? 'PLAYER_ALREADY_REGISTERED'
        : 'PLAYER_JERSEY_TAKEN';
      throw conflict(code, details.map((d) => d.reason).join('; '), details);
    }
  }

  private async recordOverride(
    team: { id: string; tournamentId: string },
    action: RosterChangeAction,
    reason: string,
    playerId: string | null,
    detail: Record<string, unknown>,
  ) {
    const repo = this.txHost.tx.getRepository(RosterOverrideEntity);
    await repo.save(
      repo.create({ tournamentId: team.tournamentId, teamId: team.id, playerId, action, reason, detail }),
    );
  }
}

/** The audit entry of a change made after the roster lock carries its override reason. */
function withOverride<T extends object>(value: T, override: string | null): T & { overrideReason?: string } {
  return override ? { ...value, overrideReason: override } : value;
}

function parseCsv(csv: string): string[][] {
  try {
    const records = parse(csv, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }) as string[][];
    if (records.length === 0) throw new Error('no header');
    return records;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw invalid('IMPORT_INVALID', 'The file is not readable CSV', [
      { field: 'body', ...(line ? { row: line } : {}), reason: (e as Error).message },
    ]);
  }
}

/** Adds the file line and the header's column name to details whose field is `rows[LINE].field`. */
function withRowAndColumn(details: ErrorDetail[], fields: Map<number, RosterField>, header: string[]): ErrorDetail[] {
  return details.map((d) => {
    const m = /^rows\[(\d+)\]\.(\w+)$/.exec(d.field);
    if (!m) return d;
    return { ...d, row: Number(m[1]), column: columnOf(fields, header, m[2]) ?? m[2] };
  });
}
