/**
 * `.env` in the working directory, read by `npm start` (main.ts) and `npm run db:migrate` before the
 * configuration: a variable already in the environment wins over the file (so do compose's and
 * systemd's). No file, nothing read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';

/** Sets the file's variables that the environment lacks; returns their names. */
export function loadDotEnv(path = resolve('.env'), env: Record<string, string | undefined> = process.env): string[] {
  if (!existsSync(path)) return [];
  const applied: string[] = [];
  for (const [name, value] of Object.entries(parse(readFileSync(path)))) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    applied.push(name);
  }
  return applied;
}
