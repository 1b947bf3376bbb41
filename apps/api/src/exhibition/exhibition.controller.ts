/** API.md §Exhibition: booths, visits and leads. */
import { Body, Controller, Get, Put, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@ilr/shared';
import { CurrentUser, Public } from '../accounts/auth.decorators';
import { ApiErrors } from '../common/openapi';
import { PageQuery } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { ExportQuery } from '../matchmaking/dto/matchmaking.dto';
import { BoothListQuery, PutBoothDto, ScanLeadDto } from './dto/exhibition.dto';
import { BoothDto, BoothStatsDto, LeadDto, PageOfBoothsDto, PageOfLeadsDto } from './dto/exhibition.responses';
import { BoothsService } from './booths.service';
import { LeadsService } from './leads.service';

@ApiTags('exhibition')
@ApiBearerAuth()
@Controller('events/:id/booths')
export class ExhibitionController {
  constructor(
    private readonly booths: BoothsService,
    private readonly leads: LeadsService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    operationId: 'listBooths',
    summary: 'The exhibition hall: booths of a published event, with filters',
  })
  @ApiOkResponse({ type: PageOfBoothsDto })
  @ApiErrors(400, 404)
  list(
    @CurrentUser() user: Actor | undefined,
    @UuidParam() id: string,
    @Query() query: BoothListQuery,
  ): Promise<PageOfBoothsDto> {
    return this.booths.list(user, id, query);
  }

  @Public()
  @Get(':companyId')
  @ApiOperation({
    operationId: 'getBooth',
    summary: "A firm's booth; a signed-in visit is recorded at most once per person per day",
  })
  @ApiOkResponse({ type: BoothDto })
  @ApiErrors(400, 404)
  get(
    @CurrentUser() user: Actor | undefined,
    @UuidParam() id: string,
    @UuidParam('companyId') companyId: string,
  ): Promise<BoothDto> {
    return this.booths.get(user, id, companyId);
  }

  @Put(':companyId')
  @ApiOperation({
    operationId: 'putBooth',
    summary: "Create or replace a firm's booth (its members, promoters, organisers)",
  })
  @ApiOkResponse({ type: BoothDto })
  @ApiErrors(400, 401, 403, 404, 413)
  put(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @UuidParam('companyId') companyId: string,
    @Body() dto: PutBoothDto,
  ): Promise<BoothDto> {
    return this.booths.put(user, id, companyId, dto);
  }

  @Post(':companyId/leads')
  @ApiOperation({
    operationId: 'scanLead',
    summary: "Scan a visitor's badge at the booth (the firm's members); the same visitor again → 200",
  })
  @ApiCreatedResponse({ type: LeadDto, description: 'a new lead' })
  @ApiOkResponse({ type: LeadDto, description: 'already a lead: the same one' })
  @ApiErrors(400, 401, 403, 404, 413)
  async scan(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @UuidParam('companyId') companyId: string,
    @Body() dto: ScanLeadDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LeadDto> {
    const { lead, created } = await this.leads.scan(user, id, companyId, dto.badgeCode);
    res.status(created ? 201 : 200);
    return lead;
  }

  @Get(':companyId/leads')
  @ApiOperation({
    operationId: 'listLeads',
    summary: "The booth's leads, newest first (its members, promoters, organisers)",
  })
  @ApiOkResponse({ type: PageOfLeadsDto })
  @ApiErrors(400, 401, 403, 404)
  listLeads(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @UuidParam('companyId') companyId: string,
    @Query() query: PageQuery,
  ): Promise<PageOfLeadsDto> {
    return this.leads.list(user, id, companyId, query);
  }

  @Get(':companyId/leads.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ operationId: 'exportLeadsCsv', summary: "The booth's leads as CSV" })
  @ApiOkResponse({ content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400, 401, 403, 404)
  async csv(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @UuidParam('companyId') companyId: string,
    @Query() query: ExportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const text = await this.leads.csv(user, id, companyId, query.lang ?? 'en');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="leads-${companyId}.csv"`);
    return text;
  }

  @Get(':companyId/stats')
  @ApiOperation({
    operationId: 'getBoothStats',
    summary: 'Visits and leads per day, and the visitors who agreed to be seen',
  })
  @ApiOkResponse({ type: BoothStatsDto })
  @ApiErrors(400, 401, 403, 404)
  stats(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @UuidParam('companyId') companyId: string,
  ): Promise<BoothStatsDto> {
    return this.leads.stats(user, id, companyId);
  }
}
