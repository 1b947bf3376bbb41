import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
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
import { requestId } from './common/request-id';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          // Every route, in path-to-regexp 8 syntax (the library's default '*' is the old one).
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            genReqId: requestId,
            customProps: (req) => ({ requestId: (req as { id?: string }).id }),
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        DatabaseModule.forRoot(config),
        ClusterModule,
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
        DemoModule,
      ],
      controllers: [HealthController],
    };
  }
}
