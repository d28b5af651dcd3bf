import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import {
  applyStatsSettings,
  DEFAULT_STATS_SETTINGS,
  type StatsSettings,
  type StatsSettingsPatch,
} from '../../domain/awards/index.js';
import { LiveDelivery } from '../../live/live-delivery.service.js';
import { AuditService } from '../audit/audit.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import { StatsSettingsEntity } from './stats-settings.entity.js';

/** A tournament's leader and award settings; the defaults until an organiser changes them. */
@Injectable()
export class StatsSettingsService {
  constructor(
    readonly txHost: TransactionHost,
    private readonly tournaments: TournamentsService,
    private readonly audit: AuditService,
    private readonly delivery: LiveDelivery,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(StatsSettingsEntity);
  }

  async get(tournamentId: string): Promise<{ settings: StatsSettings; version: number }> {
    const row = await this.repo.findOneBy({ tournamentId });
    return row ? { settings: row.settings, version: row.version } : { settings: DEFAULT_STATS_SETTINGS, version: 0 };
  }

  /** For the settings read: 404 for an unknown tournament. */
  async view(tournamentId: string): Promise<StatsSettings & { version: number }> {
    await this.tournaments.getEntity(tournamentId);
    const { settings, version } = await this.get(tournamentId);
    return { ...settings, version };
  }

  @Transactional()
  async update(
    actor: Actor,
    tournamentId: string,
    input: StatsSettingsPatch,
  ): Promise<StatsSettings & { version: number }> {
    // The request DTO is a class instance; settings are stored as plain JSON.
    const patch = JSON.parse(JSON.stringify(input)) as StatsSettingsPatch;
    await this.tournaments.assertCanManage(actor, tournamentId);
    const row = await this.repo.findOne({ where: { tournamentId }, lock: { mode: 'pessimistic_write' } });
    const before = row?.settings ?? null;
    const settings = applyStatsSettings(before, patch);
    const version = (row?.version ?? 0) + 1;
    await this.repo.upsert({ tournamentId, settings, version }, ['tournamentId']);
    await this.audit.record(actor, {
      action: 'stats.settings_updated',
      entity: 'tournament',
      entityId: tournamentId,
      tournamentId,
      before: { settings: before ?? DEFAULT_STATS_SETTINGS },
      after: { settings },
    });
    this.delivery.tournamentChanged(tournamentId, ['leaders', 'awards']);
    return { ...settings, version };
  }
}
