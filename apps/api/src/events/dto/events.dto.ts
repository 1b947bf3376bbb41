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
import { CONTENT_LANGUAGES, EVENT_FORMATS, EVENT_KINDS, SESSION_KINDS } from '@ilr/shared';
import type { ContentLanguage, EventFormat, EventKind, Localized, SessionKind } from '@ilr/shared';
import { IsInstant, IsLocalized, IsTimeZone, LowerCaseIds } from '../../common/dto-validators';
import { PageQuery } from '../../common/pagination';

const LOCALIZED = {
  type: 'object',
  properties: { zh: { type: 'string' }, ko: { type: 'string' }, en: { type: 'string' } },
} as const;

export class CreateEventDto {
  @ApiProperty({ enum: EVENT_KINDS })
  @IsIn(EVENT_KINDS)
  kind: EventKind;

  @ApiProperty({
    ...LOCALIZED,
    example: {
      zh: '中韩交流合作“国际客厅”开厅',
      ko: '한중 교류협력 ‘국제 응접실’ 개관',
      en: 'Opening of the International Living Room',
    },
  })
  @IsLocalized(300)
  title: Localized;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalized(10000)
  description?: Localized;

  @ApiProperty({ example: '2020-06-23T09:00:00+08:00' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ example: '2020-06-23T12:00:00+08:00' })
  @IsInstant()
  endsAt: string;

  @ApiProperty({ example: 'Asia/Shanghai' })
  @IsTimeZone()
  timeZone: string;

  @ApiPropertyOptional({ example: 'Chengyang, Qingdao' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  venue?: string;

  @ApiProperty({ enum: EVENT_FORMATS })
  @IsIn(EVENT_FORMATS)
  format: EventFormat;
}

export class UpdateEventDto extends PartialType(CreateEventDto) {}

export class EventListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;

  @ApiPropertyOptional({ description: 'events that end at or after this instant' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'events that start at or before this instant' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class CreateSessionDto {
  @ApiProperty(LOCALIZED)
  @IsLocalized(300)
  title: Localized;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalized(10000)
  description?: Localized;

  @ApiPropertyOptional({ enum: SESSION_KINDS, default: 'talk' })
  @IsOptional()
  @IsIn(SESSION_KINDS)
  kind?: SessionKind;

  @ApiProperty()
  @IsInstant()
  startsAt: string;

  @ApiProperty()
  @IsInstant()
  endsAt: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @LowerCaseIds()
  @IsUUID('all', { each: true, message: 'must be a list of user ids' })
  speakerUserIds?: string[];
}

export class UpdateSessionDto extends PartialType(CreateSessionDto) {}

export class CheckInDto {
  @ApiProperty({ example: 'K7QM-2XRP-9D4T' })
  @IsString()
  @MaxLength(64)
  badgeCode: string;
}

export class AgendaIcsQuery {
  @ApiPropertyOptional({ enum: CONTENT_LANGUAGES, description: 'language of titles (falls back when missing)' })
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
