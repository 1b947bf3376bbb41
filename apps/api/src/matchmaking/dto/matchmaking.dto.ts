/** Request bodies and queries of matchmaking (the request half of the contract, API.md §Matchmaking). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ATTENDANCES,
  FIELD_LIMITS,
  MEETING_OUTCOMES,
  MEETING_REQUEST_STATUSES,
  MEETING_STATUSES,
  TABLE_KINDS,
  type MeetingOutcome,
  type MeetingRequestStatus,
  type MeetingStatus,
} from '@ilr/shared';
import type { Attendance, TableKind } from '@ilr/scheduler';
import { IsCodePointLength, IsInstant, LowerCaseIds } from '../../common/dto-validators';
import { PageQuery } from '../../common/pagination';

const INSTANT = { type: String, format: 'date-time', description: 'ISO-8601 with an offset' };
const L = FIELD_LIMITS;

export class SlotTimesDto {
  @ApiProperty({ ...INSTANT, example: '2026-06-23T10:00:00+09:00' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ ...INSTANT, example: '2026-06-23T10:20:00+09:00', description: 'after startsAt' })
  @IsInstant()
  endsAt: string;
}

export class GenerateSlotsDto {
  @ApiProperty({ ...INSTANT, description: 'the first slot starts here' })
  @IsInstant()
  from: string;

  @ApiProperty({ ...INSTANT, description: 'the last slot ends by here' })
  @IsInstant()
  to: string;

  @ApiProperty({ minimum: L.slotMinutes.min, maximum: L.slotMinutes.max, example: 20 })
  @IsInt()
  @Min(L.slotMinutes.min)
  @Max(L.slotMinutes.max)
  minutes: number;

  @ApiProperty({ minimum: L.breakMinutes.min, maximum: L.breakMinutes.max, example: 5 })
  @IsInt()
  @Min(L.breakMinutes.min)
  @Max(L.breakMinutes.max)
  breakMinutes: number;
}

/** Either `slots` or `generate`. */
export class AddSlotsDto {
  @ApiPropertyOptional({ type: [SlotTimesDto], maxItems: L.slotsPerCall.maxItems })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.slotsPerCall.maxItems)
  @ValidateNested({ each: true })
  @Type(() => SlotTimesDto)
  slots?: SlotTimesDto[];

  @ApiPropertyOptional({ type: GenerateSlotsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GenerateSlotsDto)
  generate?: GenerateSlotsDto;
}

export class TableInputDto {
  @ApiProperty({ minLength: L.tableLabel.min, maxLength: L.tableLabel.max, example: 'A1' })
  @IsString()
  @IsCodePointLength(L.tableLabel.min, L.tableLabel.max)
  label: string;

  @ApiProperty({ enum: TABLE_KINDS, enumName: 'TableKind' })
  @IsIn(TABLE_KINDS)
  kind: TableKind;
}

export class AddTablesDto {
  @ApiProperty({ type: [TableInputDto], maxItems: L.tablesPerCall.maxItems })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.tablesPerCall.maxItems)
  @ValidateNested({ each: true })
  @Type(() => TableInputDto)
  tables: TableInputDto[];
}

export class ParticipationDto {
  @ApiProperty({ enum: ATTENDANCES, enumName: 'Attendance' })
  @IsIn(ATTENDANCES)
  attendance: Attendance;

  @ApiProperty({ type: [String], format: 'uuid', maxItems: L.availableSlots.maxItems })
  @IsArray()
  @ArrayMaxSize(L.availableSlots.maxItems)
  @LowerCaseIds()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  availableSlotIds: string[];
}

export class CompanyQuery {
  @ApiProperty({ format: 'uuid', description: 'the firm to act for' })
  @LowerCaseIds()
  @IsUUID('all')
  companyId: string;
}

export class CreateMeetingRequestDto {
  @ApiProperty({ format: 'uuid' })
  @LowerCaseIds()
  @IsUUID('all')
  fromCompanyId: string;

  @ApiProperty({ format: 'uuid' })
  @LowerCaseIds()
  @IsUUID('all')
  toCompanyId: string;

  @ApiPropertyOptional({ maxLength: L.requestMessage.max })
  @IsOptional()
  @IsString()
  @IsCodePointLength(0, L.requestMessage.max)
  message?: string;
}

export class MeetingRequestListQuery extends PageQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "a firm's requests, sent and received (members: their own firm's)",
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  companyId?: string;

  @ApiPropertyOptional({ enum: MEETING_REQUEST_STATUSES, enumName: 'MeetingRequestStatus' })
  @IsOptional()
  @IsIn(MEETING_REQUEST_STATUSES)
  status?: MeetingRequestStatus;
}

export class BookMeetingDto {
  @ApiProperty({ format: 'uuid' })
  @LowerCaseIds()
  @IsUUID('all')
  requestId: string;

  @ApiProperty({ format: 'uuid' })
  @LowerCaseIds()
  @IsUUID('all')
  slotId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'omit to let the server pick a free table of the right kind' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  tableId?: string;
}

export class MoveMeetingDto {
  @ApiProperty({ format: 'uuid' })
  @LowerCaseIds()
  @IsUUID('all')
  slotId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'omit to let the server pick a free table of the right kind' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  tableId?: string;
}

export class MeetingListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "one firm's meetings (members: their own firm's)" })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  companyId?: string;

  @ApiPropertyOptional({ enum: MEETING_STATUSES, enumName: 'MeetingStatus' })
  @IsOptional()
  @IsIn(MEETING_STATUSES)
  status?: MeetingStatus;
}

export class MeetingsIcsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "the firm's calendar (default: the caller's firm)" })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  companyId?: string;

  @ApiPropertyOptional({ enum: ['zh', 'ko', 'en'], description: 'language of titles and descriptions' })
  @IsOptional()
  @IsIn(['zh', 'ko', 'en'])
  lang?: 'zh' | 'ko' | 'en';
}

export class FeedbackDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @ApiProperty({ enum: MEETING_OUTCOMES, enumName: 'MeetingOutcome' })
  @IsIn(MEETING_OUTCOMES)
  outcome: MeetingOutcome;

  @ApiPropertyOptional({ maxLength: L.feedbackNote.max })
  @IsOptional()
  @IsString()
  @IsCodePointLength(0, L.feedbackNote.max)
  note?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the side given for (promoters and organisers; members: their own)',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  companyId?: string;
}

export class MeetingSideDto {
  @ApiProperty({ format: 'uuid', description: 'the side checked in or marked absent' })
  @LowerCaseIds()
  @IsUUID('all')
  companyId: string;
}

export class ScheduleDto {
  @ApiPropertyOptional({ description: 'compute and explain, commit nothing', default: false })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export class RecommendationsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "the firm to recommend for (default: the caller's firm)" })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  companyId?: string;
}

export class ExportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "one firm's meetings" })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  companyId?: string;

  @ApiPropertyOptional({ enum: ['zh', 'ko', 'en'], description: 'language of the firm names' })
  @IsOptional()
  @IsIn(['zh', 'ko', 'en'])
  lang?: 'zh' | 'ko' | 'en';
}

export class NoShowDto extends MeetingSideDto {
  @ApiPropertyOptional({ default: true, description: 'false takes a no-show mark back' })
  @IsOptional()
  @IsBoolean()
  noShow?: boolean;
}
