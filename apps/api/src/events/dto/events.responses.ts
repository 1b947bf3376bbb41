/** What the events, agenda and registration operations answer with (the response half of the contract). */
import { ApiProperty } from '@nestjs/swagger';
import { EVENT_FORMATS, EVENT_KINDS, EVENT_STATUSES, SESSION_KINDS } from '@ilr/shared';
import type { EventFormat, EventKind, EventStatus, SessionKind } from '@ilr/shared';
import { localizedProperty, LocalizedDto, PageOf } from '../../common/openapi';

export class EventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: EVENT_KINDS, enumName: 'EventKind' })
  kind: EventKind;

  @ApiProperty(localizedProperty())
  title: LocalizedDto;

  @ApiProperty(localizedProperty({ nullable: true }))
  description: LocalizedDto | null;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty({ example: 'Asia/Shanghai', description: 'the IANA time zone the event is held in' })
  timeZone: string;

  @ApiProperty({ type: String, nullable: true })
  venue: string | null;

  @ApiProperty({ enum: EVENT_FORMATS, enumName: 'EventFormat' })
  format: EventFormat;

  @ApiProperty({ enum: EVENT_STATUSES, enumName: 'EventStatus' })
  status: EventStatus;

  @ApiProperty({ format: 'uuid' })
  createdById: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class PageOfEventsDto extends PageOf(EventDto) {}

export class SpeakerDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty(localizedProperty())
  title: LocalizedDto;

  @ApiProperty(localizedProperty({ nullable: true }))
  description: LocalizedDto | null;

  @ApiProperty({ enum: SESSION_KINDS, enumName: 'SessionKind' })
  kind: SessionKind;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  speakerUserIds: string[];

  @ApiProperty({ type: () => [SpeakerDto] })
  speakers: SpeakerDto[];
}

export class RegistrationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ example: 'K7QM-2XRP-9D4T' })
  badgeCode: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  checkedInAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class AttendeeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  companyId: string | null;
}

export class CheckInResultDto {
  @ApiProperty({ format: 'uuid' })
  registrationId: string;

  @ApiProperty({ description: 'true when the badge had been checked in before (checkedInAt is that first time)' })
  alreadyCheckedIn: boolean;

  @ApiProperty({ type: () => AttendeeDto })
  attendee: AttendeeDto;

  @ApiProperty({ format: 'date-time' })
  checkedInAt: string;
}

export class EventStatsDto {
  @ApiProperty({ minimum: 0 })
  registered: number;

  @ApiProperty({ minimum: 0 })
  checkedIn: number;
}
