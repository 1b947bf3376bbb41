import { Body, Controller, Delete, Get, Headers, HttpCode, Ip, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@ilr/shared';
import { CurrentUser, Public } from '../accounts/auth.decorators';
import { ApiErrors } from '../common/openapi';
import { ConsentsService } from './consents.service';
import {
  ConsentInputDto,
  ConsentStateDto,
  DeleteAccountDto,
  PersonalDataExportDto,
  PrivacyPolicyDto,
} from './dto/privacy.dto';
import { PrivacyService } from './privacy.service';

@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly consents: ConsentsService,
  ) {}

  @Public()
  @Get('privacy/policy')
  @ApiOperation({
    operationId: 'getPrivacyPolicy',
    summary: 'The privacy policy in force: its version and when it took effect',
  })
  @ApiOkResponse({ type: PrivacyPolicyDto })
  policy(): PrivacyPolicyDto {
    return this.privacy.policy();
  }

  @ApiBearerAuth()
  @Post('me/consent')
  @ApiOperation({
    operationId: 'acceptPrivacyPolicy',
    summary: 'Accept the privacy policy in force (a new record each time); another version → 409 CONSENT_VERSION_STALE',
  })
  @ApiCreatedResponse({ type: ConsentStateDto })
  @ApiErrors(400, 401, 409, 413)
  consent(
    @CurrentUser() user: Actor,
    @Body() dto: ConsentInputDto,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<ConsentStateDto> {
    return this.consents.record(user.id, dto, { ip, userAgent });
  }

  @ApiBearerAuth()
  @Get('me/export')
  @ApiOperation({
    operationId: 'exportMyData',
    summary: 'Download everything the platform holds about me, as a JSON file',
  })
  @ApiOkResponse({ type: PersonalDataExportDto })
  @ApiErrors(401)
  async export(@CurrentUser() user: Actor, @Res({ passthrough: true }) res: Response): Promise<PersonalDataExportDto> {
    const data = await this.privacy.export(user);
    res.setHeader('Content-Disposition', `attachment; filename="my-data-${data.exportedAt.slice(0, 10)}.json"`);
    res.setHeader('Cache-Control', 'no-store');
    return data;
  }

  @ApiBearerAuth()
  @Delete('me')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteMe',
    summary:
      'Delete my account (password again): personal data erased, my messages anonymised, my tokens refused; meetings, deals and agreements stay with the firms',
  })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors(400, 401, 403, 409, 413, 429)
  async remove(@CurrentUser() user: Actor, @Body() dto: DeleteAccountDto, @Ip() address: string): Promise<void> {
    await this.privacy.deleteAccount(user, dto.password, address);
  }
}
