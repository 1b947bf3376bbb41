import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ilr/shared';
import { CurrentUser } from '../accounts/auth.decorators';
import { ApiErrors } from '../common/openapi';
import { MarkReadDto, NotificationListQuery, UnreadCountDto } from './dto/notifications.dto';
import { NotificationPageDto } from './dto/notifications.responses';
import { NotificationsService } from './notifications.service';

/** The caller's own inbox: nobody reads another person's notifications. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ operationId: 'listNotifications', summary: 'My notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiErrors(400, 401)
  list(@CurrentUser() user: Actor, @Query() query: NotificationListQuery): Promise<NotificationPageDto> {
    return this.notifications.list(user.id, query);
  }

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ operationId: 'markNotificationsRead', summary: 'Mark notifications read (all without ids)' })
  @ApiOkResponse({ type: UnreadCountDto })
  @ApiErrors(400, 401, 413)
  async markRead(@CurrentUser() user: Actor, @Body() dto: MarkReadDto): Promise<UnreadCountDto> {
    return { unread: await this.notifications.markRead(user.id, dto.ids) };
  }
}
