import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../accounts/auth.decorators';
import { webhookBody, type WebhookRequest } from './webhook-signature.middleware';
import { WebhookService, type WebhookResult } from './webhook.service';

@ApiTags('live')
@Controller('live/webhook')
export class LiveWebhookController {
  constructor(private readonly webhooks: WebhookService) {}

  /** Public: LiveKit has no account here; the signature over the raw body is the authentication. */
  @Public()
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'LiveKit webhooks (signed with the API secret); each event id is applied once' })
  @ApiHeader({ name: 'Authorization', description: "LiveKit's signed JWT (no Bearer scheme)", required: true })
  receive(@Req() req: WebhookRequest): Promise<WebhookResult> {
    return this.webhooks.receive(webhookBody(req), req.livekitSignature);
  }
}
