import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '@ilr/shared';
import { LocalizedDto, PageOf, localizedProperty } from '../../common/openapi';

export class NotificationParamsDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty(localizedProperty())
  eventTitle: LocalizedDto;

  @ApiPropertyOptional(localizedProperty())
  companyName?: LocalizedDto;

  @ApiPropertyOptional({ format: 'uuid' })
  requestId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  meetingId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a one-to-one signing meeting (deals)' })
  signingMeetingId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  endsAt?: string;

  @ApiPropertyOptional()
  tableLabel?: string;

  @ApiPropertyOptional({ description: 'the promoter or organiser who acted for the firm' })
  onBehalfBy?: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS, enumName: 'NotificationKind' })
  kind: NotificationKind;

  @ApiProperty({ type: NotificationParamsDto })
  params: NotificationParamsDto;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: string | null;
}

export class NotificationPageDto extends PageOf(NotificationDto) {
  @ApiProperty({ minimum: 0, description: "the caller's unread notifications" })
  unread: number;
}
