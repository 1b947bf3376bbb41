/**
 * Database commands, run against DATABASE_URL (and the uploads' storage) from the environment:
 *   npm run db:migrate                     applies pending migrations and exits
 *   npm run db:backup [dir]                a consistent backup while the app runs (backup.ts)
 *   npm run db:restore <dir> [--wipe]      restores one; --wipe replaces an existing database
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { backup, restore } from './backup';
import { loadDotEnv } from '../config/dotenv';
import { dataSourceOptions } from './data-source-options';
import { runMigrations } from './migrate';
import { SnakeNamingStrategy } from './naming';

const USAGE = 'usage: cli.ts migrate | backup [dir] | restore <dir> [--wipe]';

async function migrate(): Promise<void> {
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

async function main([command, ...args]: string[]): Promise<void> {
  loadDotEnv();
  const log = (message: string) => console.log(message);
  if (command === 'migrate') return migrate();
  if (command === 'backup') {
    const dir = args[0] ?? `backups/backup-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const manifest = await backup(loadConfig(), dir, log);
    const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
    return log(`backed up ${rows} rows and ${manifest.files.length} files to ${dir}`);
  }
  if (command === 'restore' && args[0]) {
    await restore(loadConfig(), args[0], { wipe: args.includes('--wipe'), log });
    return;
  }
  throw new Error(USAGE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
