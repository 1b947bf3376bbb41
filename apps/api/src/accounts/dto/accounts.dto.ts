import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LOCALES, ROLES, type Locale, type Role } from '@ilr/shared';
import { IsCodePointLength, IsTimeZone } from '../../common/dto-validators';
import { PageQuery } from '../../common/pagination';

export class RegisterDto {
  @ApiProperty({ example: 'kim@hanyuan.example' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsCodePointLength(10, 200, { message: 'must be at least 10 characters' })
  password: string;

  @ApiProperty({ example: '김민준' })
  @IsCodePointLength(1, 100)
  displayName: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ example: 'Asia/Seoul' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}

export class LoginDto {
  @ApiProperty()
  @IsString()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(1000)
  password: string;
}

export class UpdateMeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsCodePointLength(1, 100)
  displayName?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ example: 'Asia/Shanghai' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}

export class SetRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'matches email or display name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class PeopleQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of a display name, or a whole email address' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
