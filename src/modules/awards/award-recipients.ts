import { Injectable } from '@nestjs/common';
import type { AwardRecipient, RecipientRegistry } from '../../domain/awards/index.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import { LeadersService } from '../stats/leaders.service.js';
import { PlayersService } from '../players/players.service.js';
import { UnitsService } from '../units/units.service.js';
import type { RecipientDto } from './awards.dto.js';

/** Who is who among award recipients: the registry the domain checks against, and their names. */
@Injectable()
export class AwardRecipients {
  constructor(
    private readonly leaders: LeadersService,
    private readonly players: PlayersService,
    private readonly units: UnitsService,
  ) {}

  /**
   * The tournament's teams, and of the ids given, those that are players of this tournament and
   * those that are units — so a team named for 优秀组织奖 is refused as a team, not as unknown.
   */
  async registry(tournamentId: string, ids: readonly string[]): Promise<RecipientRegistry> {
    const names = await this.leaders.names(tournamentId, []);
    const players = await this.players.summaries(ids);
    const unitIds: string[] = [];
    for (const id of new Set(ids)) if (await this.unitExists(id)) unitIds.push(id);
    return {
      teamIds: [...names.teams.keys()],
      playerIds: [...players.values()].filter((p) => p.tournamentId === tournamentId).map((p) => p.id),
      unitIds,
    };
  }

  /** Names (and, for players, number and team) of every recipient listed. */
  async describe(
    tournamentId: string,
    recipients: readonly AwardRecipient[],
  ): Promise<(r: AwardRecipient) => RecipientDto> {
    const names = await this.leaders.names(
      tournamentId,
      recipients.filter((r) => r.type === 'player').map((r) => r.id),
    );
    const units = new Map<string, string>();
    for (const r of recipients) {
      if (r.type !== 'unit' || units.has(r.id)) continue;
      units.set(r.id, (await this.units.get(r.id).catch(() => null))?.name ?? r.id);
    }
    return (r) => {
      if (r.type === 'team') return { type: 'team', id: r.id, name: names.teams.get(r.id) ?? r.id };
      if (r.type === 'unit') return { type: 'unit', id: r.id, name: units.get(r.id) ?? r.id };
      const player = names.players.get(r.id);
      return {
        type: 'player',
        id: r.id,
        name: player?.name ?? r.id,
        jerseyNumber: player?.jerseyNumber ?? null,
        team: player ? { id: player.teamId, name: names.teams.get(player.teamId) ?? player.teamId } : null,
      };
    };
  }

  private async unitExists(id: string): Promise<boolean> {
    try {
      await this.units.getEntity(id);
      return true;
    } catch (e) {
      if (e instanceof DomainError && e.code === 'UNIT_NOT_FOUND') return false;
      throw e;
    }
  }
}
