#!/usr/bin/env node
// `npm start`: builds the API and the web app when their build is missing or older than the
// sources, then runs the whole app (API + web on one port; embedded SQLite with demo data by default).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (path.includes('node_modules') || path.includes(`${join('web', 'dist')}`)) continue;
    latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

const stale = (output, sources) => !existsSync(output) || sources.some((s) => newest(s) > statSync(output).mtimeMs);

function run(script) {
  console.log(`> npm run ${script}`);
  const result = spawnSync('npm', ['run', script], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (stale('dist/apps/api/main.js', ['apps/api/src', 'libs'])) run('build:api');
if (stale('apps/web/dist/index.html', ['apps/web/src', 'libs/shared/src'])) run('build:web');

const app = spawnSync(process.execPath, ['dist/apps/api/main.js'], { stdio: 'inherit' });
process.exit(app.status ?? 1);
