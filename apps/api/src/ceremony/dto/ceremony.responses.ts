/** What projects, exchange rates, agreements and the ceremony answer with. */
import { ApiProperty } from '@nestjs/swagger';
import { CURRENCY_CODES } from '@ilr/shared';
import { localizedProperty, LocalizedDto, PageOf } from '../../common/openapi';
import { AGREEMENT_STATUSES, PROJECT_STATUSES, SIGNING_MODES } from '../ceremony.entities';
import type { AgreementStatus, ProjectStatus, SigningMode } from '../ceremony.entities';

export class MoneyViewDto {
  @ApiProperty({ example: '270000000.00' })
  amount: string;

  @ApiProperty({ enum: CURRENCY_CODES, example: 'USD' })
  currency: string;
}

export class ProjectDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(localizedProperty())
  title: LocalizedDto;

  @ApiProperty(localizedProperty({ nullable: true }))
  description: LocalizedDto | null;

  @ApiProperty({ example: 'retail' })
  sector: string;

  @ApiProperty({ type: String, nullable: true })
  location: string | null;

  @ApiProperty({ type: MoneyViewDto })
  investment: MoneyViewDto;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'at the rates in force, rounded to cents; null without a rate',
  })
  investmentUsd: string | null;

  @ApiProperty({ enum: PROJECT_STATUSES })
  status: ProjectStatus;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the promoter who published it' })
  ownerUserId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class PageOfProjectsDto extends PageOf(ProjectDto) {}

export class ProjectTotalsDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { USD: '1000.00', KRW: '5000' } })
  byCurrency: Record<string, string>;

  @ApiProperty({ example: '270000000.00', description: 'Σ at the rates in force, rounded once to cents (half-up)' })
  totalUsd: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-06-01',
    description: 'latest as-of date of the rates used',
  })
  ratesAsOf: string | null;

  @ApiProperty({ type: [String], description: 'currencies without a rate, left out of totalUsd' })
  missingRates: string[];

  @ApiProperty()
  count: number;
}

export class RateDto {
  @ApiProperty({ enum: CURRENCY_CODES })
  currency: string;

  @ApiProperty({ example: '0.14' })
  usdPerUnit: string;

  @ApiProperty({ example: '2026-06-01' })
  asOf: string;
}

export class AgreementPartyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(localizedProperty())
  name: LocalizedDto;

  @ApiProperty({ example: 'KR' })
  country: string;

  @ApiProperty({ example: 'retail' })
  sector: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "the firm's logo file, when it has one" })
  logoId: string | null;
}

export class AgreementDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty(localizedProperty())
  title: LocalizedDto;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  projectId: string | null;

  @ApiProperty({ example: 'retail', description: "the project's sector, else the agreement's" })
  sector: string;

  @ApiProperty({ type: [AgreementPartyDto] })
  parties: AgreementPartyDto[];

  @ApiProperty({ type: [String], format: 'uuid' })
  partyCompanyIds: string[];

  @ApiProperty({ type: MoneyViewDto })
  investment: MoneyViewDto;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'at the rates in force, rounded to cents; null without a rate',
  })
  investmentUsd: string | null;

  @ApiProperty({ enum: SIGNING_MODES })
  mode: SigningMode;

  @ApiProperty({ enum: AGREEMENT_STATUSES })
  status: AgreementStatus;

  @ApiProperty({ description: 'place on the run-of-show, from 1' })
  order: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  dealId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  signedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  signedByUserId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class TallyDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty()
  signedCount: number;

  @ApiProperty({ description: 'every agreement on the run-of-show, signed or not' })
  plannedCount: number;

  @ApiProperty({
    example: '270000000.00',
    description: 'Σ amount × usdPerUnit over signed agreements, rounded once (half-up)',
  })
  totalUsd: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  byCurrency: Record<string, string>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'USD by sector code' })
  bySector: Record<string, string>;

  @ApiProperty({ type: String, nullable: true, example: '2026-06-01' })
  ratesAsOf: string | null;

  @ApiProperty({
    type: [String],
    description: 'currencies of signed agreements without a rate (left out of the USD sums)',
  })
  missingRates: string[];
}

export class CueResultDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ format: 'uuid' })
  agreementId: string;
}

export class SummaryRowDto {
  @ApiProperty({ example: 'retail' })
  key: string;

  @ApiProperty()
  signedCount: number;

  @ApiProperty()
  plannedCount: number;

  @ApiProperty({ example: '1000.00' })
  signedUsd: string;
}

export class SummaryPointDto {
  @ApiProperty({ example: '2026-06-23T10:00', description: "an hour (or a day) on the event's clock" })
  period: string;

  @ApiProperty()
  signedCount: number;

  @ApiProperty({ description: 'signed so far, USD' })
  cumulativeUsd: string;
}

export class MatchmakingFiguresDto {
  @ApiProperty({ description: 'meetings scheduled at this event (not cancelled)' })
  meetingsScheduled: number;

  @ApiProperty({ description: 'meetings both sides checked in to' })
  meetingsHeld: number;

  @ApiProperty({ description: 'feedback saying intent to sign' })
  intentToSign: number;
}

export class DealsByStageDto {
  @ApiProperty({ name: 'follow_up' })
  follow_up: number;

  @ApiProperty()
  mou: number;

  @ApiProperty()
  signed: number;

  @ApiProperty()
  landed: number;

  @ApiProperty()
  lost: number;
}

export class CeremonySummaryDto {
  @ApiProperty({ type: TallyDto })
  tally: TallyDto;

  @ApiProperty({ example: 'Asia/Shanghai' })
  timeZone: string;

  @ApiProperty({ type: [SummaryRowDto] })
  bySector: SummaryRowDto[];

  @ApiProperty({ type: [SummaryRowDto], description: "by the parties' countries (an agreement counts for each)" })
  byCountry: SummaryRowDto[];

  @ApiProperty({ enum: ['hour', 'day'] })
  granularity: 'hour' | 'day';

  @ApiProperty({ type: [SummaryPointDto] })
  signedOverTime: SummaryPointDto[];

  @ApiProperty({ type: MatchmakingFiguresDto })
  matchmaking: MatchmakingFiguresDto;

  @ApiProperty({
    type: DealsByStageDto,
    description:
      "the event's deals by stage: closed by an agreement on its run-of-show, booked for a signing meeting here, or from one of its matchmaking meetings",
  })
  dealsByStage: DealsByStageDto;
}
