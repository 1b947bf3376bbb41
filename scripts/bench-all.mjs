#!/usr/bin/env node
// `npm run bench`: builds the API once, then runs every `bench:<name>` script in turn.
// Figures land in bench/results/<name>.json; docs/benchmarks.md records the latest ones.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts).filter((s) => s.startsWith('bench:'));
const run = (script) => spawnSync('npm', ['run', script], { stdio: 'inherit' }).status === 0;

if (!run('build:api')) process.exit(1);
const failed = scripts.filter((script) => !run(script));
if (failed.length) console.error(`failed: ${failed.join(', ')}`);
process.exit(failed.length ? 1 : 0);
