import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AuthGuard } from './auth.guard';
import { CompanyMembershipService } from './company-membership.service';
import { loginThrottlers } from './login-throttle';
import { LoginBackoff } from './login-backoff';
import { RateLimitStorage } from '../cluster/rate-limit-storage';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';
import { ConsentsModule } from '../privacy/consents.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionCookie } from './session-cookie';
import { MySessionsController, SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity]),
    ConsentsModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object, not the string: jsonwebtoken would otherwise try (and fail) to parse the
        // string as a PEM public key on every verify before treating it as a secret.
        secret: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')),
        signOptions: { algorithm: 'HS256', expiresIn: config.jwt.ttlSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, RateLimitStorage],
      // Counted in Redis when several nodes run, so the limits hold behind a load balancer.
      useFactory: (config: AppConfig, storage: RateLimitStorage) => ({ ...loginThrottlers(config), storage }),
    }),
  ],
  controllers: [AccountsController, SessionsController, MySessionsController],
  providers: [
    AccountsService,
    LoginBackoff,
    TokenService,
    SessionsService,
    { provide: SessionCookie, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new SessionCookie(config) },
    CompanyMembershipService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccountsService, TokenService, SessionsService, CompanyMembershipService],
})
export class AccountsModule {}
