import { Global, Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import {
  BATCH_DATA_SOURCE,
  batchDataSource,
  DatabaseService,
  READ_DATA_SOURCE,
  readDataSource,
} from './database.service';
import { runMigrations } from './migrate';
import { SnakeNamingStrategy } from './naming';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(config.database),
            namingStrategy: new SnakeNamingStrategy(),
            // Each feature module registers its own entities (TypeOrmModule.forFeature).
            autoLoadEntities: true,
            retryAttempts: config.nodeEnv === 'test' ? 1 : 10,
            // Failed queries surface as errors (and unique violations are expected); no query log.
            logging: false,
          }),
          // Migrations run here (under a lock on MySQL), before anything can use the database.
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            try {
              if (config.migrateOnStart) await runMigrations(dataSource);
            } catch (error) {
              await dataSource.destroy();
              throw error;
            }
            return dataSource;
          },
        }),
      ],
      providers: [
        { provide: READ_DATA_SOURCE, useFactory: readDataSource, inject: [getDataSourceToken()] },
        { provide: BATCH_DATA_SOURCE, useFactory: batchDataSource, inject: [getDataSourceToken()] },
        DatabaseService,
      ],
      exports: [DatabaseService],
    };
  }
}
