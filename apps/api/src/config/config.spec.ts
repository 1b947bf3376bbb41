import { hostname } from 'node:os';
import {
  ConfigError,
  DEFAULT_EGRESS_FILEPATH,
  DEV_DEFAULTS,
  LIVEKIT_DEV_KEYS,
  LIVEKIT_MIN_SECRET_LENGTH,
  loadConfig,
} from './config';

const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'mysql://ilr:secret@db:3306/ilr',
  JWT_SECRET: 'a-production-secret-that-is-long-enough-1234',
  ORGANISER_EMAIL: 'ops@example.org',
  ORGANISER_PASSWORD: 'a strong organiser password',
};

const LONG_SECRET = 'a-livekit-secret-of-at-least-32-characters';

function errorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('starts with documented defaults outside production: embedded SQLite, demo data, port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      database: { kind: 'sqlite', path: './data/living-room.sqlite' },
      seedDemo: true,
      livekit: null,
      redisUrl: null,
      organiser: { email: DEV_DEFAULTS.organiserEmail, password: DEV_DEFAULTS.organiserPassword },
    });
  });

  it('reads MySQL, Redis and LiveKit settings', () => {
    const config = loadConfig({
      ...production,
      REDIS_URL: 'redis://cache:6379',
      LIVEKIT_URL: 'wss://media.example.org',
      LIVEKIT_API_KEY: 'APIproductionkey',
      LIVEKIT_API_SECRET: LONG_SECRET,
      JWT_TTL: '15m',
    });
    expect(config.database).toEqual({ kind: 'mysql', url: 'mysql://ilr:secret@db:3306/ilr' });
    expect(config.seedDemo).toBe(false);
    expect(config.redisUrl).toBe('redis://cache:6379');
    expect(config.livekit).toEqual({
      url: 'wss://media.example.org',
      apiKey: 'APIproductionkey',
      apiSecret: LONG_SECRET,
    });
    expect(config.jwt.ttlSeconds).toBe(900);
  });

  it('keeps access tokens short and sessions long, reading JWT_TTL as the old name of ACCESS_TOKEN_TTL', () => {
    const defaults = loadConfig({});
    expect(defaults.jwt.ttlSeconds).toBe(15 * 60);
    expect(defaults.sessions).toEqual({ refreshTtlSeconds: 30 * 86400, cookieSecure: 'auto' });
    expect(loadConfig({ JWT_TTL: '12h' }).jwt.ttlSeconds).toBe(12 * 3600);
    expect(loadConfig({ ACCESS_TOKEN_TTL: '5m', JWT_TTL: '12h' }).jwt.ttlSeconds).toBe(300);
    expect(loadConfig({ REFRESH_TOKEN_TTL: '7d', COOKIE_SECURE: 'false' }).sessions).toEqual({
      refreshTtlSeconds: 7 * 86400,
      cookieSecure: false,
    });
  });

  it('allows cross-origin calls only from the origins CORS_ORIGINS lists', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://admin.example.com, http://localhost:5173/' }).corsOrigins).toEqual([
      'https://admin.example.com',
      'http://localhost:5173',
    ]);
  });

  it('defaults the recording path and takes a custom .mp4 template', () => {
    expect(loadConfig({}).egressFilepath).toBe(DEFAULT_EGRESS_FILEPATH);
    expect(loadConfig({ LIVEKIT_EGRESS_FILEPATH: '  ' }).egressFilepath).toBe(DEFAULT_EGRESS_FILEPATH);
    expect(loadConfig({ LIVEKIT_EGRESS_FILEPATH: 'roadshows/{room_name}/{time}.mp4' }).egressFilepath).toBe(
      'roadshows/{room_name}/{time}.mp4',
    );
  });

  it('keeps uploads on local disk by default and in an S3-compatible bucket when S3_BUCKET is set', () => {
    expect(loadConfig({}).files).toEqual({ kind: 'disk', dir: './data/files' });
    expect(loadConfig({ FILES_DIR: '/srv/uploads' }).files).toEqual({ kind: 'disk', dir: '/srv/uploads' });
    expect(
      loadConfig({
        S3_BUCKET: 'ilr-files',
        S3_ENDPOINT: 'http://minio:9000',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
      }).files,
    ).toEqual({
      kind: 's3',
      bucket: 'ilr-files',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
      forcePathStyle: true,
    });
    // On AWS itself: virtual-hosted addressing and the SDK's own credentials.
    expect(loadConfig({ S3_BUCKET: 'ilr-files', S3_REGION: 'eu-central-1' }).files).toMatchObject({
      endpoint: null,
      region: 'eu-central-1',
      credentials: null,
      forcePathStyle: false,
    });
  });

  it.each([
    ['S3_BUCKET', { S3_BUCKET: 'Not_A_Bucket' }],
    ['S3_BUCKET', { S3_ENDPOINT: 'http://minio:9000' }],
    ['S3_ENDPOINT', { S3_BUCKET: 'ilr-files', S3_ENDPOINT: 'minio:9000' }],
    ['S3_REGION', { S3_BUCKET: 'ilr-files', S3_REGION: 'Europe / Frankfurt' }],
    ['S3_SECRET_ACCESS_KEY', { S3_BUCKET: 'ilr-files', S3_ACCESS_KEY_ID: 'key' }],
    ['S3_ACCESS_KEY_ID', { S3_BUCKET: 'ilr-files', S3_SECRET_ACCESS_KEY: 'secret' }],
    ['S3_FORCE_PATH_STYLE', { S3_BUCKET: 'ilr-files', S3_FORCE_PATH_STYLE: 'sometimes' }],
    ['LIVEKIT_EGRESS_FILEPATH', { LIVEKIT_EGRESS_FILEPATH: 'recordings/{room_name}.webm' }],
    ['LIVEKIT_EGRESS_FILEPATH', { LIVEKIT_EGRESS_FILEPATH: 'x.webm' }],
    ['JWT_SECRET', { ...production, JWT_SECRET: '' }],
    ['JWT_SECRET', { ...production, JWT_SECRET: 'short' }],
    ['ORGANISER_EMAIL', { ...production, ORGANISER_EMAIL: '' }],
    ['ORGANISER_PASSWORD', { ...production, ORGANISER_PASSWORD: '' }],
    ['ORGANISER_PASSWORD', { ...production, ORGANISER_PASSWORD: DEV_DEFAULTS.organiserPassword }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://x' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://host-without-database' }],
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['SEED_DEMO', { SEED_DEMO: 'maybe' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['LIVEKIT_API_SECRET', { LIVEKIT_URL: 'wss://x', LIVEKIT_API_KEY: 'k' }],
    ['LIVEKIT_URL', { LIVEKIT_URL: 'media.example.org', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's' }],
    ['REDIS_URL', { REDIS_URL: 'localhost:6379' }],
    ['JWT_TTL', { JWT_TTL: 'forever' }],
    ['ACCESS_TOKEN_TTL', { ACCESS_TOKEN_TTL: '0' }],
    ['REFRESH_TOKEN_TTL', { REFRESH_TOKEN_TTL: 'a month' }],
    ['COOKIE_SECURE', { COOKIE_SECURE: 'sometimes' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: '*' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'https://app.example.com/path' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'ftp://files.example.com' }],
  ])('refuses a bad %s and names it', (variable, env) => {
    const error = errorFor(env as Record<string, string>);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });
  it("refuses LiveKit's development key and any secret shorter than 32 characters in production only", () => {
    const livekit = { LIVEKIT_URL: 'wss://media.example.org', LIVEKIT_API_KEY: 'APIproductionkey' };
    const dev = {
      ...livekit,
      LIVEKIT_API_KEY: LIVEKIT_DEV_KEYS.apiKey,
      LIVEKIT_API_SECRET: LIVEKIT_DEV_KEYS.apiSecret,
    };
    expect(errorFor({ ...production, ...dev }).variable).toBe('LIVEKIT_API_KEY');
    expect(errorFor({ ...production, ...dev, LIVEKIT_API_KEY: 'APIproductionkey' }).variable).toBe(
      'LIVEKIT_API_SECRET',
    );
    const short = 'x'.repeat(LIVEKIT_MIN_SECRET_LENGTH - 1);
    expect(errorFor({ ...production, ...livekit, LIVEKIT_API_SECRET: short }).variable).toBe('LIVEKIT_API_SECRET');
    const long = 'x'.repeat(LIVEKIT_MIN_SECRET_LENGTH);
    expect(loadConfig({ ...production, ...livekit, LIVEKIT_API_SECRET: long }).livekit?.apiSecret).toBe(long);
    // Development and tests keep working with LiveKit's --dev server.
    expect(loadConfig(dev).livekit).toMatchObject({ apiKey: 'devkey', apiSecret: 'secret' });
  });

  it('names the node, bounds the shutdown and takes a metrics token', () => {
    const defaults = loadConfig({});
    expect(defaults.nodeId).toBe(`${hostname()}/${process.pid}`);
    expect(defaults.shutdown).toEqual({ drainDelayMs: 0, graceMs: 20000 });
    expect(defaults.metricsToken).toBeNull();
    const set = loadConfig({
      NODE_ID: 'api-2',
      SHUTDOWN_DRAIN_DELAY_MS: '5000',
      SHUTDOWN_GRACE_MS: '30000',
      METRICS_TOKEN: 'a-scrape-token-1234',
    });
    expect(set).toMatchObject({
      nodeId: 'api-2',
      shutdown: { drainDelayMs: 5000, graceMs: 30000 },
      metricsToken: 'a-scrape-token-1234',
    });
    expect(errorFor({ NODE_ID: 'api 2\nforged' }).variable).toBe('NODE_ID');
    expect(errorFor({ SHUTDOWN_GRACE_MS: '-1' }).variable).toBe('SHUTDOWN_GRACE_MS');
    expect(errorFor({ METRICS_TOKEN: 'short' }).variable).toBe('METRICS_TOKEN');
  });

  it("refuses password hashing below OWASP's argon2id minimum and takes stronger settings", () => {
    expect(loadConfig({}).passwordHash).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(errorFor({ PASSWORD_HASH_MEMORY_KIB: '8192' }).variable).toBe('PASSWORD_HASH_MEMORY_KIB');
    expect(errorFor({ PASSWORD_HASH_TIME_COST: '1' }).variable).toBe('PASSWORD_HASH_TIME_COST');
    expect(errorFor({ PASSWORD_HASH_PARALLELISM: '0' }).variable).toBe('PASSWORD_HASH_PARALLELISM');
    expect(loadConfig({ PASSWORD_HASH_MEMORY_KIB: '65536', PASSWORD_HASH_TIME_COST: '3' }).passwordHash).toMatchObject({
      memoryCost: 65536,
      timeCost: 3,
    });
  });
  it('trusts a proxy on the same machine by default and takes TRUST_PROXY in Express syntax', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, uniquelocal' }).trustProxy).toBe('10.0.0.0/8,uniquelocal');
    expect(errorFor({ TRUST_PROXY: 'everyone' }).variable).toBe('TRUST_PROXY');
    expect(loadConfig({}).redisKeyPrefix).toBe('ilr');
    expect(errorFor({ REDIS_KEY_PREFIX: 'a b' }).variable).toBe('REDIS_KEY_PREFIX');
  });

  it('takes the privacy policy version, dated by itself or by PRIVACY_POLICY_EFFECTIVE_AT', () => {
    expect(loadConfig({}).privacyPolicy).toEqual({ version: '2026-12-01', effectiveAt: '2026-12-01T00:00:00.000Z' });
    expect(loadConfig({ PRIVACY_POLICY_VERSION: '2027-03-01' }).privacyPolicy.effectiveAt).toBe(
      '2027-03-01T00:00:00.000Z',
    );
    expect(
      loadConfig({ PRIVACY_POLICY_VERSION: 'v2', PRIVACY_POLICY_EFFECTIVE_AT: '2027-01-01T08:00:00+09:00' })
        .privacyPolicy,
    ).toEqual({ version: 'v2', effectiveAt: '2026-12-31T23:00:00.000Z' });
    expect(errorFor({ PRIVACY_POLICY_VERSION: 'v2' }).variable).toBe('PRIVACY_POLICY_EFFECTIVE_AT');
    expect(errorFor({ PRIVACY_POLICY_VERSION: 'with spaces' }).variable).toBe('PRIVACY_POLICY_VERSION');
    expect(errorFor({ PRIVACY_POLICY_EFFECTIVE_AT: 'soon' }).variable).toBe('PRIVACY_POLICY_EFFECTIVE_AT');
  });
});
