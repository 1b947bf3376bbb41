/** What the matchmaking operations answer with (the response half of API.md §Matchmaking). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ATTENDANCES,
  MEETING_OUTCOMES,
  MEETING_REQUEST_STATUSES,
  MEETING_STATUSES,
  RECOMMENDATION_REASONS,
  TABLE_KINDS,
  UNSCHEDULED_REASONS,
  type MeetingOutcome,
  type MeetingRequestStatus,
  type MeetingStatus,
  type RecommendationReason,
} from '@ilr/shared';
import type { Attendance, TableKind, UnscheduledReason } from '@ilr/scheduler';
import { CompanyDto } from '../../companies/dto/companies.responses';
import { localizedProperty, LocalizedDto, PageOf } from '../../common/openapi';

export class SlotDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;
}

export class TableDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'A1' })
  label: string;

  @ApiProperty({ enum: TABLE_KINDS, enumName: 'TableKind' })
  kind: TableKind;
}

/** A firm as matchmaking lists show it. */
export class CompanyBriefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(localizedProperty())
  name: LocalizedDto;

  @ApiProperty({ example: 'KR' })
  country: string;

  @ApiProperty({ example: 'retail' })
  sector: string;
}

export class ParticipantDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ format: 'uuid' })
  companyId: string;

  @ApiProperty({ type: CompanyBriefDto })
  company: CompanyBriefDto;

  @ApiProperty({ enum: ATTENDANCES, enumName: 'Attendance' })
  attendance: Attendance;

  @ApiProperty({ type: [String], format: 'uuid' })
  availableSlotIds: string[];

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class RecommendationDto {
  @ApiProperty({ type: CompanyDto })
  company: CompanyDto;

  @ApiProperty({ description: 'higher is better; only the order is meaningful' })
  score: number;

  @ApiProperty({
    enum: RECOMMENDATION_REASONS,
    enumName: 'RecommendationReason',
    isArray: true,
    description: 'stable codes, shown in the reader’s language',
  })
  reasons: RecommendationReason[];

  @ApiProperty({ type: [String], description: 'tag codes where their offers meet our needs' })
  theyOffer: string[];

  @ApiProperty({ type: [String], description: 'tag codes where our offers meet their needs' })
  weOffer: string[];

  @ApiProperty({ minimum: 0, description: 'slots in which both firms are available' })
  commonSlots: number;
}

export class MeetingRequestDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ format: 'uuid' })
  fromCompanyId: string;

  @ApiProperty({ format: 'uuid' })
  toCompanyId: string;

  @ApiProperty({ type: CompanyBriefDto })
  fromCompany: CompanyBriefDto;

  @ApiProperty({ type: CompanyBriefDto })
  toCompany: CompanyBriefDto;

  @ApiProperty({ type: String, nullable: true })
  message: string | null;

  @ApiProperty({ enum: MEETING_REQUEST_STATUSES, enumName: 'MeetingRequestStatus' })
  status: MeetingRequestStatus;

  @ApiProperty({ format: 'date-time', description: 'a pending request expires then' })
  expiresAt: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  respondedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the scheduled meeting, if any' })
  meetingId: string | null;
}

export class PageOfMeetingRequestsDto extends PageOf(MeetingRequestDto) {}

export class MeetingFeedbackDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  rating: number;

  @ApiProperty({ enum: MEETING_OUTCOMES, enumName: 'MeetingOutcome' })
  outcome: MeetingOutcome;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class MeetingSideDto {
  @ApiProperty({ format: 'uuid' })
  companyId: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  checkedInAt: string | null;

  @ApiProperty()
  noShow: boolean;

  @ApiProperty({ type: MeetingFeedbackDto, nullable: true })
  feedback: MeetingFeedbackDto | null;
}

export class MeetingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ format: 'uuid' })
  requestId: string;

  @ApiProperty({ format: 'uuid' })
  slotId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  tableId: string | null;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 2, maxItems: 2, description: 'requester first' })
  companyIds: string[];

  @ApiProperty({ enum: MEETING_STATUSES, enumName: 'MeetingStatus' })
  status: MeetingStatus;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty({ type: TableDto, nullable: true })
  table: TableDto | null;

  @ApiProperty({ type: [CompanyBriefDto] })
  companies: CompanyBriefDto[];

  @ApiProperty({ enum: ['hand', 'scheduler'] })
  source: 'hand' | 'scheduler';

  @ApiProperty({ type: [MeetingSideDto] })
  sides: MeetingSideDto[];
}

export class PageOfMeetingsDto extends PageOf(MeetingDto) {}

export class UnscheduledDto {
  @ApiProperty({ format: 'uuid' })
  requestId: string;

  @ApiProperty({ enum: UNSCHEDULED_REASONS, enumName: 'UnscheduledReason' })
  reason: UnscheduledReason;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'for PARTY_AT_CAPACITY: the full parties' })
  companyIds?: string[];
}

export class ScheduleResultDto {
  @ApiProperty({ description: 'meetings this run adds (a dry run: would add)' })
  scheduled: number;

  @ApiProperty({ description: "the event's scheduled meetings after the run" })
  total: number;

  @ApiProperty({ description: 'no valid schedule of the accepted requests holds more meetings' })
  upperBound: number;

  @ApiProperty({ type: [UnscheduledDto] })
  unscheduled: UnscheduledDto[];

  @ApiProperty({ type: [MeetingDto], description: 'the meetings this run adds' })
  meetings: MeetingDto[];

  @ApiProperty()
  dryRun: boolean;

  @ApiProperty({ description: 'solver time in milliseconds' })
  timeMs: number;
}
