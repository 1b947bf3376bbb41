/** `npm run db:migrate`: applies pending migrations to DATABASE_URL and exits. */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { loadDotEnv } from '../config/dotenv';
import { dataSourceOptions } from './data-source-options';
import { runMigrations } from './migrate';
import { SnakeNamingStrategy } from './naming';

async function main(command: string | undefined): Promise<void> {
  if (command !== 'migrate') throw new Error('usage: cli.ts migrate');
  loadDotEnv();
  const config = loadConfig();
  const dataSource = new DataSource({
    ...dataSourceOptions(config.database),
    entities: [],
    namingStrategy: new SnakeNamingStrategy(),
  });
  await dataSource.initialize();
  const applied = await runMigrations(dataSource);
  console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'the database is up to date');
  await dataSource.destroy();
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
