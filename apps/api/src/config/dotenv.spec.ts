import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDotEnv } from './dotenv';

describe('loadDotEnv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ilr-dotenv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fills what the environment lacks and never overrides it', () => {
    const file = join(dir, '.env');
    writeFileSync(file, '# comment\nPORT=4321\nJWT_SECRET="from the file"\nLOG_LEVEL=debug\n');
    const env: Record<string, string | undefined> = { LOG_LEVEL: 'warn' };
    expect(loadDotEnv(file, env)).toEqual(['PORT', 'JWT_SECRET']);
    expect(env).toEqual({ PORT: '4321', JWT_SECRET: 'from the file', LOG_LEVEL: 'warn' });
  });

  it('reads nothing when there is no file', () => {
    const env = {};
    expect(loadDotEnv(join(dir, 'missing.env'), env)).toEqual([]);
    expect(env).toEqual({});
  });
});
