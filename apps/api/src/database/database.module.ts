import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { DatabaseService } from './database.service';
import { SnakeNamingStrategy } from './naming';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.database),
          namingStrategy: new SnakeNamingStrategy(),
          migrationsRun: config.migrateOnStart,
          retryAttempts: config.nodeEnv === 'test' ? 1 : 10,
          // Failed queries surface as errors (and unique violations are expected); no query log.
          logging: false,
        }),
      ],
      providers: [DatabaseService],
      exports: [DatabaseService],
    };
  }
}
