import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { CONTENT_LANGUAGES, EVENT_FORMATS, EVENT_KINDS, FIELD_LIMITS, SESSION_KINDS } from '@ilr/shared';
import type { ContentLanguage, EventFormat, EventKind, Localized, SessionKind } from '@ilr/shared';
import { IsInstant, IsLocalized, IsTimeZone, LowerCaseIds, Clearable } from '../../common/dto-validators';
import { localizedProperty } from '../../common/openapi';
import { PageQuery } from '../../common/pagination';

const INSTANT = { type: String, format: 'date-time', description: 'ISO-8601 with an offset' };

export class CreateEventDto {
  @ApiProperty({ enum: EVENT_KINDS, enumName: 'EventKind' })
  @IsIn(EVENT_KINDS)
  kind: EventKind;

  @ApiProperty({
    ...localizedProperty({ maxLength: FIELD_LIMITS.eventTitle.max }),
    example: {
      zh: '中韩交流合作“国际客厅”开厅',
      ko: '한중 교류협력 ‘국제 응접실’ 개관',
      en: 'Opening of the International Living Room',
    },
  })
  @IsLocalized(FIELD_LIMITS.eventTitle.max)
  title: Localized;

  @ApiPropertyOptional(
    localizedProperty({ maxLength: FIELD_LIMITS.eventDescription.max, nullable: true, description: 'null clears it' }),
  )
  @Clearable()
  @IsLocalized(FIELD_LIMITS.eventDescription.max)
  description?: Localized | null;

  @ApiProperty({ ...INSTANT, example: '2020-06-23T09:00:00+08:00' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ ...INSTANT, example: '2020-06-23T12:00:00+08:00', description: 'after startsAt' })
  @IsInstant()
  endsAt: string;

  @ApiProperty({ example: 'Asia/Shanghai' })
  @IsTimeZone()
  timeZone: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: FIELD_LIMITS.venue.max,
    example: 'Chengyang, Qingdao',
    description: 'null clears it',
  })
  @Clearable()
  @IsString()
  @MaxLength(FIELD_LIMITS.venue.max)
  venue?: string | null;

  @ApiProperty({ enum: EVENT_FORMATS, enumName: 'EventFormat' })
  @IsIn(EVENT_FORMATS)
  format: EventFormat;
}

export class UpdateEventDto extends PartialType(CreateEventDto) {}

export class EventListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EVENT_KINDS, enumName: 'EventKind' })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;

  @ApiPropertyOptional({ ...INSTANT, description: 'events that end at or after this instant' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ ...INSTANT, description: 'events that start at or before this instant' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class CreateSessionDto {
  @ApiProperty(localizedProperty({ maxLength: FIELD_LIMITS.sessionTitle.max }))
  @IsLocalized(FIELD_LIMITS.sessionTitle.max)
  title: Localized;

  @ApiPropertyOptional(
    localizedProperty({
      maxLength: FIELD_LIMITS.sessionDescription.max,
      nullable: true,
      description: 'null clears it',
    }),
  )
  @Clearable()
  @IsLocalized(FIELD_LIMITS.sessionDescription.max)
  description?: Localized | null;

  @ApiPropertyOptional({ enum: SESSION_KINDS, enumName: 'SessionKind', default: 'talk' })
  @IsOptional()
  @IsIn(SESSION_KINDS)
  kind?: SessionKind;

  @ApiProperty(INSTANT)
  @IsInstant()
  startsAt: string;

  @ApiProperty({ ...INSTANT, description: 'after startsAt' })
  @IsInstant()
  endsAt: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: FIELD_LIMITS.speakers.maxItems,
    uniqueItems: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FIELD_LIMITS.speakers.maxItems)
  @ArrayUnique()
  @LowerCaseIds()
  @IsUUID('all', { each: true, message: 'must be a list of user ids' })
  speakerUserIds?: string[];
}

export class UpdateSessionDto extends PartialType(CreateSessionDto) {}

export class CheckInDto {
  @ApiProperty({ example: 'K7QM-2XRP-9D4T', maxLength: FIELD_LIMITS.badgeCode.max })
  @IsString()
  @MaxLength(FIELD_LIMITS.badgeCode.max)
  badgeCode: string;
}

export class AgendaIcsQuery {
  @ApiPropertyOptional({
    enum: CONTENT_LANGUAGES,
    enumName: 'ContentLanguage',
    description: 'language of titles (falls back when missing)',
  })
  @IsOptional()
  @IsIn(CONTENT_LANGUAGES)
  lang?: ContentLanguage;
}

export class BadgeQuery extends PickType(AgendaIcsQuery, ['lang'] as const) {
  @ApiPropertyOptional({ enum: ['png', 'svg'] })
  @IsOptional()
  @Matches(/^(png|svg)$/)
  format?: 'png' | 'svg';
}
