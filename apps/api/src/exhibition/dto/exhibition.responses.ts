/** What the exhibition operations answer with. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { localizedProperty, LocalizedDto, PageOf } from '../../common/openapi';
import { CompanyBriefDto } from '../../matchmaking/dto/matchmaking.responses';

export class BoothFileDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'image/webp' })
  contentType: string;

  @ApiProperty()
  size: number;

  @ApiProperty({ example: '/api/files/…' })
  url: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  thumbUrl: string | null;
}

export class BoothProductDto {
  @ApiProperty(localizedProperty())
  name: LocalizedDto;

  @ApiProperty(localizedProperty({ nullable: true }))
  description: LocalizedDto | null;

  @ApiProperty({ type: BoothFileDto, nullable: true })
  image: BoothFileDto | null;
}

export class BoothDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ type: CompanyBriefDto })
  company: CompanyBriefDto;

  @ApiProperty(localizedProperty())
  headline: LocalizedDto;

  @ApiProperty(localizedProperty({ nullable: true }))
  description: LocalizedDto | null;

  @ApiProperty({ type: [BoothProductDto] })
  products: BoothProductDto[];

  @ApiProperty({ type: [BoothFileDto] })
  brochures: BoothFileDto[];

  @ApiProperty({ type: BoothFileDto, nullable: true, description: 'the card image' })
  logo: BoothFileDto | null;

  @ApiProperty({ type: String, nullable: true })
  videoUrl: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class PageOfBoothsDto extends PageOf(BoothDto) {}

export class LeadVisitorDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ type: CompanyBriefDto, nullable: true })
  company: CompanyBriefDto | null;
}

export class LeadDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: LeadVisitorDto })
  visitor: LeadVisitorDto;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class PageOfLeadsDto extends PageOf(LeadDto) {}

export class VisitsPerDayDto {
  @ApiProperty({ example: '2026-06-23', description: "on the event's clock" })
  day: string;

  @ApiProperty()
  visits: number;

  @ApiProperty()
  leads: number;
}

export class BoothStatsDto {
  @ApiProperty({ type: [VisitsPerDayDto] })
  days: VisitsPerDayDto[];

  @ApiProperty({ description: 'distinct visitors over all days' })
  visitors: number;

  @ApiProperty({
    type: [LeadVisitorDto],
    description: 'the visitors who agreed to be seen by the firms whose booths they visit (newest first, at most 100)',
  })
  visibleVisitors: LeadVisitorDto[];
}
