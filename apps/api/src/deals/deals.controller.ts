/** API.md §Deals: the deal pipeline, its history, and the deal one click makes from a meeting's feedback. */
import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@ilr/shared';
import { CurrentUser } from '../accounts/auth.decorators';
import { ApiErrors } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { ChangeStageDto, CreateDealDto, DealListQuery } from './dto/deals.dto';
import { DealDto, DealHistoryEntryDto, PageOfDealsDto } from './dto/deals.responses';
import { DealsService } from './deals.service';

@ApiTags('deals')
@ApiBearerAuth()
@Controller()
export class DealsController {
  constructor(private readonly deals: DealsService) {}

  @Post('deals')
  @ApiOperation({
    operationId: 'createDeal',
    summary: 'Open a deal between two firms (promoters, organisers, a member of one of the firms)',
  })
  @ApiCreatedResponse({ type: DealDto })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  create(@CurrentUser() user: Actor, @Body() dto: CreateDealDto): Promise<DealDto> {
    return this.deals.create(user, dto);
  }

  @Get('deals')
  @ApiOperation({ operationId: 'listDeals', summary: "Deals, last changed first (members: their firm's)" })
  @ApiOkResponse({ type: PageOfDealsDto })
  @ApiErrors(400, 401, 403)
  list(@CurrentUser() user: Actor, @Query() query: DealListQuery): Promise<PageOfDealsDto> {
    return this.deals.list(user, query);
  }

  @Get('deals/:id')
  @ApiOperation({ operationId: 'getDeal', summary: 'One deal (its two firms, promoters, organisers)' })
  @ApiOkResponse({ type: DealDto })
  @ApiErrors(400, 401, 404)
  get(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<DealDto> {
    return this.deals.get(user, id);
  }

  @Get('deals/:id/history')
  @ApiOperation({ operationId: 'getDealHistory', summary: "The deal's changes of stage and owner, oldest first" })
  @ApiOkResponse({ type: [DealHistoryEntryDto] })
  @ApiErrors(400, 401, 404)
  history(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<DealHistoryEntryDto[]> {
    return this.deals.history(user, id);
  }

  @Post('deals/:id/stage')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'changeDealStage',
    summary: 'Move a deal to another stage (signed only by signing its agreement; landed only after signed)',
  })
  @ApiOkResponse({ type: DealDto })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  stage(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: ChangeStageDto): Promise<DealDto> {
    return this.deals.changeStage(user, id, dto);
  }

  @Post('deals/:id/take')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'takeDeal',
    summary: 'Become the deal’s owner, its witness at signing (promoters, organisers)',
  })
  @ApiOkResponse({ type: DealDto })
  @ApiErrors(400, 401, 403, 404)
  take(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<DealDto> {
    return this.deals.take(user, id);
  }

  @Post('meetings/:id/deal')
  @ApiOperation({
    operationId: 'dealFromMeeting',
    summary: 'The deal of a meeting where a side intends to sign: made once (201), then the same one (200)',
  })
  @ApiCreatedResponse({ type: DealDto, description: 'a new deal' })
  @ApiOkResponse({ type: DealDto, description: 'the meeting already has its deal' })
  @ApiErrors(400, 401, 404, 409)
  async fromMeeting(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DealDto> {
    const { deal, created } = await this.deals.fromMeeting(user, id);
    res.status(created ? 201 : 200);
    return deal;
  }
}
