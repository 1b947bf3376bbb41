import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { Mailer } from './mailer';
import { NotificationEntity } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), AccountsModule, RealtimeModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, Mailer],
  exports: [NotificationsService],
})
export class NotificationsModule {}
