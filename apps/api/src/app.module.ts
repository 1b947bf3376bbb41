import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { AccountsModule } from './accounts/accounts.module';
import { AccessChangesModule } from './common/access-changes';
import { CompaniesModule } from './companies/companies.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { EventsModule } from './events/events.module';
import { LiveModule } from './live/live.module';
import { RealtimeModule } from './realtime/realtime.module';
import { HealthController } from './health/health.controller';
import { ReferenceModule } from './reference/reference.module';
import { AuditModule } from './audit/audit.module';
import { IdempotencyModule } from './common/idempotency';
import { MatchmakingModule } from './matchmaking/matchmaking.module';
import { ExhibitionModule } from './exhibition/exhibition.module';
import { CeremonyModule } from './ceremony/ceremony.module';
import { DealsModule } from './deals/deals.module';
import { NotificationsModule } from './notifications/notifications.module';
import { FilesModule } from './files/files.module';
import { ClusterModule } from './cluster/cluster.module';
import { loggerParams } from './common/logging';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { MetricsModule } from './metrics/metrics.module';
import { PrivacyModule } from './privacy/privacy.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        DatabaseModule.forRoot(config),
        ClusterModule,
        LifecycleModule,
        MetricsModule,
        AccessChangesModule,
        IdempotencyModule,
        AccountsModule,
        ReferenceModule,
        CompaniesModule,
        EventsModule,
        LiveModule,
        RealtimeModule,
        AuditModule,
        NotificationsModule,
        MatchmakingModule,
        FilesModule,
        ExhibitionModule,
        CeremonyModule,
        DealsModule,
        PrivacyModule,
        DemoModule,
      ],
      controllers: [HealthController],
    };
  }
}
