/** API.md §Deals and one-to-one signing meetings: signing times, bookings, confirmations, signing. */
import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ilr/shared';
import { CurrentUser } from '../accounts/auth.decorators';
import { Idempotent } from '../common/idempotency';
import { ApiErrors } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { BookSigningDto, ConfirmTermsDto, SigningListQuery, SigningTimesQuery } from './dto/deals.dto';
import { SigningMeetingDetailDto, SigningMeetingDto, SigningTimeDto } from './dto/deals.responses';
import { SigningService } from './signing.service';

@ApiTags('deals')
@ApiBearerAuth()
@Controller()
export class SigningController {
  constructor(private readonly signing: SigningService) {}

  @Get('events/:id/signing-times')
  @ApiOperation({
    operationId: 'listSigningTimes',
    summary: "Quarter-hour starts within the event when both firms and the deal's owner are free for `minutes`",
  })
  @ApiOkResponse({ type: [SigningTimeDto] })
  @ApiErrors(400, 401, 404, 409)
  times(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Query() query: SigningTimesQuery,
  ): Promise<SigningTimeDto[]> {
    return this.signing.times(user, id, query);
  }

  @Post('events/:id/signing-meetings')
  @Idempotent()
  @ApiOperation({
    operationId: 'bookSigningMeeting',
    summary: "Book a deal's signing meeting and its planned agreement (the firms, the owner, organisers; idempotent)",
  })
  @ApiCreatedResponse({ type: SigningMeetingDto })
  @ApiErrors(400, 401, 403, 404, 409, 413, 422)
  book(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: BookSigningDto): Promise<SigningMeetingDto> {
    return this.signing.book(user, id, dto);
  }

  @Get('events/:id/signing-meetings')
  @ApiOperation({
    operationId: 'listSigningMeetings',
    summary: "The event's signing meetings in time order (a firm: its own; a witness: theirs)",
  })
  @ApiOkResponse({ type: [SigningMeetingDto] })
  @ApiErrors(400, 401, 403, 404)
  list(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Query() query: SigningListQuery,
  ): Promise<SigningMeetingDto[]> {
    return this.signing.list(user, id, query);
  }

  @Get('signing-meetings/:id')
  @ApiOperation({
    operationId: 'getSigningMeeting',
    summary: 'A signing meeting with its terms, parties, witness, confirmations and the terms hash',
  })
  @ApiOkResponse({ type: SigningMeetingDetailDto })
  @ApiErrors(400, 401, 404)
  get(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<SigningMeetingDetailDto> {
    return this.signing.get(user, id);
  }

  @Delete('signing-meetings/:id')
  @ApiOperation({
    operationId: 'cancelSigningMeeting',
    summary: 'Cancel a signing meeting: its time is freed and its planned agreement removed (409 once signed)',
  })
  @ApiOkResponse({ type: SigningMeetingDto })
  @ApiErrors(400, 401, 403, 404, 409)
  cancel(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<SigningMeetingDto> {
    return this.signing.cancel(user, id);
  }

  @Post('signing-meetings/:id/confirm')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'confirmSigningTerms',
    summary: "A firm's member confirms the terms as shown, by their SHA-256 (409 TERMS_CHANGED when they differ)",
  })
  @ApiOkResponse({ type: SigningMeetingDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  confirm(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Body() dto: ConfirmTermsDto,
  ): Promise<SigningMeetingDetailDto> {
    return this.signing.confirm(user, id, dto.termsSha256);
  }

  @Post('signing-meetings/:id/sign')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    operationId: 'signSigningMeeting',
    summary: 'Sign: the agreement, the deal and the meeting in one step (the witness or an organiser; idempotent)',
  })
  @ApiOkResponse({ type: SigningMeetingDto })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  sign(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<SigningMeetingDto> {
    return this.signing.sign(user, id);
  }
}
