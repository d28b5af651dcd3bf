import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Actor } from '../../common/auth/actor.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import { checkTeamLogo } from '../../domain/registration/team-logo.js';
import { notFound } from '../../domain/shared/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import type { TeamDto } from './team.dto.js';
import { TeamLogoEntity } from './team-logo.entity.js';
import { TeamEntity } from './team.entity.js';
import { teamLogoUrl } from './team.mapper.js';
import { TeamsService } from './teams.service.js';

export interface StoredLogo {
  contentType: string;
  hash: string;
  content: Buffer;
}

/** A team's logo: checked by its bytes (src/domain/registration/team-logo.ts), kept in PostgreSQL. */
@Injectable()
export class TeamLogosService {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly teams: TeamsService,
    private readonly tournaments: TournamentsService,
    private readonly audit: AuditService,
  ) {}

  private get logos() {
    return this.txHost.tx.getRepository(TeamLogoEntity);
  }

  @Transactional()
  async upload(actor: Actor, teamId: string, body: unknown, declaredType: string | undefined): Promise<TeamDto> {
    const team = await this.teams.getEntity(teamId, { lock: true });
    await this.tournaments.assertCanManage(actor, team.tournamentId);
    const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const contentType = checkTeamLogo(bytes, declaredType);
    const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
    const before = team.logoHash;
    await this.logos.upsert({ teamId, contentType, hash, content: bytes }, ['teamId']);
    await this.txHost.tx.getRepository(TeamEntity).update({ id: teamId }, { logoHash: hash });
    await this.audit.record(actor, {
      action: 'team.logo',
      entity: 'team',
      entityId: teamId,
      tournamentId: team.tournamentId,
      before: { logoUrl: before ? teamLogoUrl(teamId, before) : null },
      after: { logoUrl: teamLogoUrl(teamId, hash), contentType, bytes: bytes.length },
    });
    return this.teams.get(teamId);
  }

  @Transactional()
  async remove(actor: Actor, teamId: string): Promise<void> {
    const team = await this.teams.getEntity(teamId, { lock: true });
    await this.tournaments.assertCanManage(actor, team.tournamentId);
    if (!team.logoHash) return;
    await this.logos.delete({ teamId });
    await this.txHost.tx.getRepository(TeamEntity).update({ id: teamId }, { logoHash: null });
    await this.audit.record(actor, {
      action: 'team.logo.remove',
      entity: 'team',
      entityId: teamId,
      tournamentId: team.tournamentId,
      before: { logoUrl: teamLogoUrl(teamId, team.logoHash) },
    });
  }

  /** The team's current logo (any hash asked for is checked by the caller). */
  async get(teamId: string): Promise<StoredLogo> {
    const logo = await this.logos.findOne({
      where: { teamId },
      select: { contentType: true, hash: true, content: true },
    });
    if (!logo) throw notFound('TEAM_LOGO_NOT_FOUND', `Team ${teamId} has no logo`);
    return logo;
  }
}
