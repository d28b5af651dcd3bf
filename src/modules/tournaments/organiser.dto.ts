import { ApiProperty } from '@nestjs/swagger';
import type { OrganiserRole } from '../../domain/access/tournament-policy.js';
import { Username } from '../accounts/account.dto.js';

export class InviteOrganiserDto {
  @ApiProperty({ example: 'lihua', description: 'Username of an organiser account' })
  @Username()
  username: string;
}

export class OrganiserDto {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ example: 'lihua' }) username: string;
  @ApiProperty({ example: '李华' }) displayName: string;
  @ApiProperty({ enum: ['owner', 'co_organiser'] }) role: OrganiserRole;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) invitedBy: string | null;
  @ApiProperty() since: string;
}
