#!/usr/bin/env node
// `npm test`: unit and integration tests on the embedded SQLite database, then the integration
// tests again on MySQL when TEST_DATABASE_URL points at a MySQL/MariaDB server
// (e.g. mysql://root@127.0.0.1:3306/test; each test file creates and drops its own database).
// Extra arguments go to Jest. With JEST_JSON_DIR set, each run also writes Jest's JSON results there.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const extra = process.argv.slice(2);
const jsonDir = process.env.JEST_JSON_DIR;
if (jsonDir) mkdirSync(jsonDir, { recursive: true });

const runs = [{ name: 'sqlite', projects: ['unit', 'integration'], env: { TEST_DB: 'sqlite' } }];
if (process.env.TEST_DATABASE_URL) runs.push({ name: 'mysql', projects: ['integration'], env: { TEST_DB: 'mysql' } });
else console.log('TEST_DATABASE_URL is not set: integration tests run on SQLite only.');

let failed = false;
for (const run of runs) {
  console.log(`\n=== ${run.name}: ${run.projects.join(' + ')} ===`);
  const args = ['jest', '--selectProjects', ...run.projects, ...extra];
  if (jsonDir) args.push('--json', '--outputFile', join(jsonDir, `jest-${run.name}.json`));
  const result = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...run.env } });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
