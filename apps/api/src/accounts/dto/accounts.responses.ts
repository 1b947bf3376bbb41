/** What the accounts operations answer with (the response half of the contract). */
import { ApiProperty } from '@nestjs/swagger';
import { LOCALES, ROLES, type Locale, type Role } from '@ilr/shared';
import { localizedProperty, LocalizedDto, PageOf } from '../../common/openapi';
import { ConsentStateDto } from '../../privacy/dto/privacy.dto';

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'kim@hanyuan.example' })
  email: string;

  @ApiProperty({ example: '김민준' })
  displayName: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;

  @ApiProperty({ enum: LOCALES, enumName: 'Locale' })
  locale: Locale;

  @ApiProperty({ example: 'Asia/Seoul', description: 'an IANA time zone' })
  timeZone: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the firm this user belongs to' })
  companyId: string | null;

  @ApiProperty({ description: 'firms whose booths this person visits may see who they are' })
  shareWithExhibitors: boolean;
}

/** `GET /api/me`: the account and the state of the person's consent to the privacy policy. */
export class MeDto extends UserDto {
  @ApiProperty({ type: () => ConsentStateDto })
  consent: ConsentStateDto;
}

export class AuthResponseDto {
  @ApiProperty({ description: 'send as `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @ApiProperty({ type: () => UserDto })
  user: UserDto;
}

export class PersonCompanyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(localizedProperty())
  name: LocalizedDto;
}

/** Someone looked up by organisers and promoters: no email, language or time zone. */
export class PersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ type: () => PersonCompanyDto, nullable: true })
  company: PersonCompanyDto | null;
}

export class PageOfUsersDto extends PageOf(UserDto) {}

export class PageOfPeopleDto extends PageOf(PersonDto) {}

/** One signed-in session of mine (a refresh token family), without its token. */
export class SessionDto {
  @ApiProperty({ format: 'uuid', description: 'the session; `DELETE /api/me/sessions/{id}` ends it' })
  id: string;

  @ApiProperty({ format: 'date-time', description: 'when this session signed in' })
  signedInAt: string;

  @ApiProperty({ format: 'date-time', description: 'its latest refresh (the sign-in when none yet)' })
  lastActiveAt: string;

  @ApiProperty({ format: 'date-time', description: 'it ends then unless refreshed before' })
  expiresAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'the browser or app, as it named itself' })
  userAgent: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the address of its latest refresh' })
  ip: string | null;
}
