/** API.md §Projects, agreements, ceremony: the run-of-show, signing, the live tally, reports. */
import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@ilr/shared';
import { CurrentUser, Public } from '../accounts/auth.decorators';
import { Idempotent } from '../common/idempotency';
import { ApiErrors } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { AgreementsService } from './agreements.service';
import { CeremonyReports } from './ceremony-reports';
import { CeremonyService } from './ceremony.service';
import { CreateAgreementDto, CueDto, OrderAgreementsDto, ReportQuery, UnsignDto } from './dto/ceremony.dto';
import { AgreementDto, CeremonySummaryDto, CueResultDto, TallyDto } from './dto/ceremony.responses';

@ApiTags('ceremony')
@ApiBearerAuth()
@Controller()
export class CeremonyController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly ceremony: CeremonyService,
    private readonly reports: CeremonyReports,
  ) {}

  @Post('events/:id/agreements')
  @ApiOperation({
    operationId: 'createAgreement',
    summary: 'Add an agreement at the end of the run-of-show (promoters, organisers)',
  })
  @ApiCreatedResponse({ type: AgreementDto })
  @ApiErrors(400, 401, 403, 404, 413)
  create(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: CreateAgreementDto): Promise<AgreementDto> {
    return this.agreements.create(user, id, dto);
  }

  @Get('events/:id/agreements')
  @ApiOperation({ operationId: 'listAgreements', summary: 'The agreements in run-of-show order' })
  @ApiOkResponse({ type: [AgreementDto] })
  @ApiErrors(400, 401, 404)
  list(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<AgreementDto[]> {
    return this.agreements.list(user, id);
  }

  @Put('events/:id/agreements/order')
  @ApiOperation({
    operationId: 'orderAgreements',
    summary: 'Reorder the run-of-show: every agreement of the event, once (promoters, organisers)',
  })
  @ApiOkResponse({ type: [AgreementDto] })
  @ApiErrors(400, 401, 403, 404, 413)
  order(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: OrderAgreementsDto): Promise<AgreementDto[]> {
    return this.agreements.reorder(user, id, dto.agreementIds);
  }

  @Post('events/:id/ceremony/cue')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'cueAgreement',
    summary: '"Now signing": broadcasts ceremony:cue to the ceremony room on /live and /public (organisers)',
  })
  @ApiOkResponse({ type: CueResultDto })
  @ApiErrors(400, 401, 403, 404, 413)
  cue(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: CueDto): Promise<CueResultDto> {
    return this.ceremony.cue(user, id, dto.agreementId);
  }

  @Public()
  @Get('events/:id/tally')
  @ApiOperation({
    operationId: 'getTally',
    summary: 'The live tally (public for published events); the same object is broadcast as tally:updated',
  })
  @ApiOkResponse({ type: TallyDto })
  @ApiErrors(400, 404)
  tally(@CurrentUser() user: Actor | undefined, @UuidParam() id: string): Promise<TallyDto> {
    return this.ceremony.tally(user, id);
  }

  @Get('events/:id/ceremony/summary')
  @ApiOperation({
    operationId: 'getCeremonySummary',
    summary: 'Signed agreements by sector, by country and over time, with matchmaking figures (promoters, organisers)',
  })
  @ApiOkResponse({ type: CeremonySummaryDto })
  @ApiErrors(400, 401, 403, 404)
  summary(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<CeremonySummaryDto> {
    return this.reports.summary(user, id);
  }

  @Get('events/:id/report.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    operationId: 'exportCeremonyCsv',
    summary: 'One row per agreement, then totals by sector and by country',
  })
  @ApiOkResponse({ content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400, 401, 403, 404)
  async csv(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Query() query: ReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const text = await this.reports.csv(user, id, query.lang ?? 'en');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="ceremony-${id}.csv"`);
    return text;
  }

  @Get('events/:id/report.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({
    operationId: 'exportCeremonyXlsx',
    summary: 'The same report as a workbook: agreements, by sector, by country',
  })
  @ApiOkResponse({
    content: {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiErrors(400, 401, 403, 404)
  async xlsx(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Query() query: ReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.reports.xlsx(user, id, query.lang ?? 'en');
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="ceremony-${id}.xlsx"`);
    return new StreamableFile(file);
  }

  @Post('agreements/:id/sign')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    operationId: 'signAgreement',
    summary: 'Sign (organisers; idempotent with Idempotency-Key); signing twice changes nothing',
  })
  @ApiOkResponse({ type: AgreementDto })
  @ApiErrors(400, 401, 403, 404, 413, 422)
  sign(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<AgreementDto> {
    return this.agreements.sign(user, id);
  }

  @Post('agreements/:id/unsign')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'unsignAgreement',
    summary: 'Undo a signing: back to planned, the reason kept in the audit trail (organisers)',
  })
  @ApiOkResponse({ type: AgreementDto })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  unsign(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: UnsignDto): Promise<AgreementDto> {
    return this.agreements.unsign(user, id, dto.reason.trim());
  }

  @Delete('agreements/:id')
  @ApiOperation({
    operationId: 'deleteAgreement',
    summary: 'Remove a planned agreement from the run-of-show (organisers; a signed one → 409 ALREADY_SIGNED)',
  })
  @ApiOkResponse({ type: AgreementDto, description: 'the removed agreement' })
  @ApiErrors(400, 401, 403, 404, 409)
  remove(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<AgreementDto> {
    return this.agreements.remove(user, id);
  }
}
