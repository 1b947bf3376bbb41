import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { FIELD_LIMITS, LOCALES, ROLES, type Locale, type Role } from '@ilr/shared';
import { IsCodePointLength, IsTimeZone } from '../../common/dto-validators';
import { PageQuery } from '../../common/pagination';
import { ConsentInputDto } from '../../privacy/dto/privacy.dto';

export class RegisterDto {
  @ApiProperty({ example: 'kim@hanyuan.example', format: 'email', maxLength: FIELD_LIMITS.email.max })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(FIELD_LIMITS.email.max)
  email: string;

  @ApiProperty({ minLength: FIELD_LIMITS.password.min, maxLength: FIELD_LIMITS.password.max })
  @IsCodePointLength(FIELD_LIMITS.password.min, FIELD_LIMITS.password.max, {
    message: `must be at least ${FIELD_LIMITS.password.min} characters`,
  })
  password: string;

  @ApiProperty({ example: '김민준', minLength: FIELD_LIMITS.displayName.min, maxLength: FIELD_LIMITS.displayName.max })
  @IsCodePointLength(FIELD_LIMITS.displayName.min, FIELD_LIMITS.displayName.max)
  displayName: string;

  @ApiPropertyOptional({ enum: LOCALES, enumName: 'Locale' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ example: 'Asia/Seoul' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({
    type: ConsentInputDto,
    description: 'acceptance of the privacy policy in force (without it the person is asked at first sign-in)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentInputDto)
  consent?: ConsentInputDto;
}

export class LoginDto {
  @ApiProperty({ maxLength: FIELD_LIMITS.email.max })
  @IsString()
  @MaxLength(FIELD_LIMITS.email.max)
  email: string;

  @ApiProperty({ maxLength: FIELD_LIMITS.loginPassword.max })
  @IsString()
  @MaxLength(FIELD_LIMITS.loginPassword.max)
  password: string;
}

export class UpdateMeDto {
  @ApiPropertyOptional({ minLength: FIELD_LIMITS.displayName.min, maxLength: FIELD_LIMITS.displayName.max })
  @IsOptional()
  @IsCodePointLength(FIELD_LIMITS.displayName.min, FIELD_LIMITS.displayName.max)
  displayName?: string;

  @ApiPropertyOptional({ enum: LOCALES, enumName: 'Locale' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ example: 'Asia/Shanghai' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ description: 'let firms whose booths I visit see who I am' })
  @IsOptional()
  @IsBoolean()
  shareWithExhibitors?: boolean;
}

export class SetRoleDto {
  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES)
  role: Role;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'matches email or display name', maxLength: FIELD_LIMITS.search.max })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search.max)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class PeopleQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'part of a display name, or a whole email address',
    maxLength: FIELD_LIMITS.search.max,
  })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search.max)
  q?: string;
}
