import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../accounts/auth.decorators';
import { ApiErrors } from '../common/openapi';
import { WebhookResultDto } from './dto/live.responses';
import { webhookBody, type WebhookRequest } from './webhook-signature.middleware';
import { WebhookService } from './webhook.service';

@ApiTags('live')
@Controller('live/webhook')
export class LiveWebhookController {
  constructor(private readonly webhooks: WebhookService) {}

  /** Public: LiveKit has no account here; the signature over the raw body is the authentication. */
  @Public()
  @Post()
  @HttpCode(200)
  @ApiHeader({ name: 'Authorization', description: "LiveKit's signed JWT (no Bearer scheme)", required: true })
  @ApiOperation({
    operationId: 'receiveLiveWebhook',
    summary: 'LiveKit webhooks (signed with the API secret); each event id is applied once',
  })
  @ApiConsumes('application/webhook+json', 'application/json')
  @ApiBody({ schema: { type: 'object', description: 'a LiveKit WebhookEvent, exactly as LiveKit signed it' } })
  @ApiOkResponse({ type: WebhookResultDto })
  @ApiErrors(400, 401, 413, 503)
  receive(@Req() req: WebhookRequest): Promise<WebhookResultDto> {
    return this.webhooks.receive(webhookBody(req), req.livekitSignature);
  }
}
