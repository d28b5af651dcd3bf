import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX } from '../../config/credentials.js';
import { ROLES, type Role, type SessionKind } from '../../domain/access/principal.js';
import { AccountDto, Password } from '../accounts/account.dto.js';

export class LoginDto {
  @ApiProperty({ example: 'wanglei' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  username: string;

  // Checked only for size here: a wrong password is a failed login, not a validation error.
  @ApiProperty({ example: 'a long passphrase', writeOnly: true })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from the last login or refresh; each works once' })
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

export class ChangePasswordDto {
  @ApiProperty({ writeOnly: true })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  currentPassword: string;

  @ApiProperty({ writeOnly: true, minLength: 12 })
  @Password()
  newPassword: string;
}

export class GameCodeLoginDto {
  @ApiProperty({ example: '482913', description: 'The 6-digit code the organiser handed out' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'must be the 6 digits of a game code' })
  code: string;
}

export class TokensDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`' }) accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ type: 'integer', example: 900, description: 'Seconds the access token is valid for' })
  expiresIn: number;
  @ApiProperty({ description: 'Exchange at POST /api/v1/auth/refresh for a new pair; works once' })
  refreshToken: string;
  @ApiProperty({ description: 'When the session ends unless refreshed (password) or at all (game code)' })
  sessionExpiresAt: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class SessionScopeView {
  @ApiProperty({ format: 'uuid', required: false }) tournamentId?: string;
  @ApiProperty({ type: [String], required: false }) gameIds?: string[];
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ enum: ['password', 'game_code'] }) kind: SessionKind;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: SessionScopeView }) scope: SessionScopeView;
  @ApiProperty({ type: AccountDto, nullable: true, description: 'null for a game-code device' })
  account: AccountDto | null;
}
