import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page.js';
import { NameText, Optional } from '../../common/validation/decorators.js';
import { PASSWORD_MAX, PASSWORD_MIN, USERNAME, USERNAME_RULE } from '../../config/credentials.js';
import { ROLES, type Role } from '../../domain/access/principal.js';
import type { AccountEntity } from './account.entity.js';

/** Usernames compare without case: stored and looked up in lower case. */
export const Username = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsString(),
    Matches(USERNAME, { message: `must be ${USERNAME_RULE}` }),
  );

export const Password = () =>
  applyDecorators(
    IsString(),
    MinLength(PASSWORD_MIN, { message: `must be at least ${PASSWORD_MIN} characters` }),
    MaxLength(PASSWORD_MAX, { message: `must be at most ${PASSWORD_MAX} characters` }),
  );

export class CreateAccountDto {
  @ApiProperty({ example: 'wanglei', description: USERNAME_RULE })
  @Username()
  username: string;

  @ApiProperty({ example: '王磊', maxLength: 50 })
  @NameText(50)
  displayName: string;

  @ApiProperty({
    enum: ROLES,
    example: 'scorekeeper',
    description: 'Administrators create any role; organisers create scorekeepers only',
  })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ example: 'a long passphrase', minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, writeOnly: true })
  @Password()
  password: string;
}

export class UpdateAccountDto {
  @ApiPropertyOptional({ example: '王磊', maxLength: 50 })
  @Optional()
  @NameText(50)
  displayName?: string;

  @ApiPropertyOptional({
    description: 'true disables the account and ends its sessions at once; false enables it again',
  })
  @Optional()
  @IsBoolean()
  disabled?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, writeOnly: true })
  @Password()
  newPassword: string;
}

export class AccountQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsIn(ROLES)
  role?: Role;
}

export class AccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'wanglei' }) username: string;
  @ApiProperty({ example: '王磊' }) displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) createdBy: string | null;
  @ApiProperty() disabled: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export const toAccountDto = (a: AccountEntity): AccountDto => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  createdBy: a.createdBy,
  disabled: a.disabledAt !== null,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});
