/**
 * The one typed configuration object. It is read from the environment once at boot; a missing
 * or malformed variable stops the process with a message naming it (see ConfigError).
 */
import { availableParallelism, hostname } from 'node:os';
import { resolve } from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';

/** What is rate-limited (cluster/rate-limits.ts): registrations per address, the rest per user. */
export const RATE_LIMIT_NAMES = ['register', 'meetingRequest', 'upload', 'chat'] as const;
export type RateLimitName = (typeof RATE_LIMIT_NAMES)[number];
/**
 * Defaults: a venue's attendees often share one address, so registrations per address stay
 * generous (10 a second); the rest is per user.
 */
const RATE_LIMIT_DEFAULTS: Record<RateLimitName, { env: string; points: number; seconds: number }> = {
  register: { env: 'RATE_LIMIT_REGISTER', points: 600, seconds: 60 },
  meetingRequest: { env: 'RATE_LIMIT_MEETING_REQUESTS', points: 30, seconds: 60 },
  upload: { env: 'RATE_LIMIT_UPLOADS', points: 60, seconds: 60 },
  chat: { env: 'RATE_LIMIT_CHAT', points: 20, seconds: 10 },
};

export interface AppConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  database: { kind: 'sqlite'; path: string } | { kind: 'mysql'; url: string };
  migrateOnStart: boolean;
  seedDemo: boolean;
  /** Access tokens: HS256 JWTs, short-lived (ACCESS_TOKEN_TTL, formerly JWT_TTL). */
  jwt: { secret: string; ttlSeconds: number };
  /**
   * Sessions: the rotating refresh token in an httpOnly cookie (accounts/sessions.service.ts);
   * `cookieSecure` 'auto' marks the cookie Secure on https requests and always in production.
   */
  sessions: { refreshTtlSeconds: number; cookieSecure: boolean | 'auto' };
  /** Origins (scheme://host[:port]) whose pages may call the API with credentials; empty: same origin only. */
  corsOrigins: string[];
  organiser: { email: string; password: string };
  loginRateLimit: { limit: number; windowSeconds: number };
  rateLimits: Record<RateLimitName, { points: number; seconds: number }>;
  /** argon2id; at least OWASP's minimum (m = 19 MiB, t = 2, p = 1). */
  passwordHash: { memoryCost: number; timeCost: number; parallelism: number; concurrency: number };
  redisUrl: string | null;
  /** Express's `trust proxy`: which hops' X-Forwarded-For to believe for the client address. */
  trustProxy: boolean | number | string;
  /** Prefix of every key and channel this deployment uses in Redis (rate limits, bus, jobs). */
  redisKeyPrefix: string;
  livekit: { url: string; apiKey: string; apiSecret: string } | null;
  /** Where LiveKit's egress writes a session recording (an .mp4 path template). */
  egressFilepath: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  webDistDir: string;
  matchmaking: {
    /** An unanswered request expires after this long, so it never blocks anyone. */
    requestTtlSeconds: number;
    /** Open (pending) outgoing requests a firm may have per event. */
    maxOpenRequests: number;
    /** Reminders go out this long before a meeting. */
    reminderLeadSeconds: number;
    /** How often reminders and request expiry are swept (a timed job: once per tick across nodes). */
    sweepSeconds: number;
    /** The scheduler's time budget per run. */
    schedulerTimeLimitMs: number;
  };
  /** Outgoing mail (notifications); null: in-app and socket notifications only. */
  mail: { url: string; from: string } | null;
  /** Where uploads are kept: a local folder (the default) or an S3-compatible bucket. */
  files: FilesStorageConfig;
  /** Names this process in every log line and metric scrape (NODE_ID, else hostname/pid). */
  nodeId: string;
  /** SIGTERM: how long readiness says 503 before the listener closes, then the most in-flight work may take. */
  shutdown: { drainDelayMs: number; graceMs: number };
  /** Bearer token `GET /metrics` requires; null: no token (keep the endpoint off the public proxy). */
  metricsToken: string | null;
  /** The privacy policy in force: people who accepted another version are asked again at sign-in. */
  privacyPolicy: { version: string; effectiveAt: string };
}

export type FilesStorageConfig =
  | { kind: 'disk'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      /** null: AWS itself (the region's endpoint). */
      endpoint: string | null;
      region: string;
      /** null: the SDK's own credential chain (instance role, AWS_* variables, …). */
      credentials: { accessKeyId: string; secretAccessKey: string } | null;
      /** `endpoint/bucket/key` instead of `bucket.endpoint/key` (MinIO and most self-hosted servers). */
      forcePathStyle: boolean;
    };

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

/** Development-only defaults, documented in the README; production refuses to start without real values. */
export const DEV_DEFAULTS = {
  jwtSecret: 'dev-only-insecure-jwt-secret-change-me-in-production',
  organiserEmail: 'organiser@living-room.local',
  organiserPassword: 'living-room-2020',
} as const;

/** LiveKit's `--dev` credentials, published in its documentation: refused in production. */
export const LIVEKIT_DEV_KEYS = { apiKey: 'devkey', apiSecret: 'secret' } as const;
export const LIVEKIT_MIN_SECRET_LENGTH = 32;

/** `{room_name}` and `{time}` are LiveKit's own template variables. */
export const DEFAULT_EGRESS_FILEPATH = 'recordings/{room_name}-{time}.mp4';

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

const DURATION = /^(\d+)\s*(s|m|h|d)?$/;
/** `N/duration`, e.g. `30/1m` or `20/10s`: N requests per duration. */
function rateLimit(env: Env, d: { env: string; points: number; seconds: number }): { points: number; seconds: number } {
  const raw = str(env, d.env);
  if (raw === undefined) return { points: d.points, seconds: d.seconds };
  const match = /^(\d+)\s*\/\s*(\d+)\s*(s|m|h)?$/.exec(raw);
  const points = Number(match?.[1]);
  const seconds = Number(match?.[2]) * ({ s: 1, m: 60, h: 3600 }[match?.[3] as 's' | 'm' | 'h'] ?? 1);
  if (!match || points < 1 || points > 1_000_000 || seconds < 1 || seconds > 86_400)
    throw new ConfigError(d.env, 'must be requests/duration, e.g. 30/1m or 20/10s');
  return { points, seconds };
}

function redisKeyPrefix(env: Env): string {
  const value = str(env, 'REDIS_KEY_PREFIX') ?? 'ilr';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value))
    throw new ConfigError('REDIS_KEY_PREFIX', 'must be 1–64 letters, digits, dots, dashes or underscores');
  return value;
}

/**
 * TRUST_PROXY: `loopback` (the default: a proxy on the same machine), `false`, `true` (any hop —
 * only when nothing else can reach the node), a hop count, or addresses/CIDRs/names such as
 * `10.0.0.0/8, uniquelocal` (Express's `trust proxy` syntax).
 */
function parseTrustProxy(env: Env): boolean | number | string {
  const value = str(env, 'TRUST_PROXY') ?? 'loopback';
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  const parts = value.split(',').map((part) => part.trim());
  const named = ['loopback', 'linklocal', 'uniquelocal'];
  const address = /^[0-9a-fA-F.:]+(\/\d{1,3})?$/;
  if (parts.some((part) => !named.includes(part) && !address.test(part)))
    throw new ConfigError('TRUST_PROXY', 'must be true, false, a hop count, or addresses/CIDRs/loopback/uniquelocal');
  return parts.join(',');
}

function duration(env: Env, name: string, fallbackSeconds: number): number {
  const raw = str(env, name);
  if (raw === undefined) return fallbackSeconds;
  const match = DURATION.exec(raw);
  if (!match || Number(match[1]) === 0)
    throw new ConfigError(name, `must be a duration like 900, 15m, 12h or 7d (got "${raw}")`);
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

/**
 * CORS_ORIGINS: a comma-separated allow-list of origins such as `https://admin.example.com`;
 * each is kept as its normalised origin. `*` is refused: credentials are never shared with any page.
 */
function parseCorsOrigins(env: Env): string[] {
  const raw = str(env, 'CORS_ORIGINS');
  if (raw === undefined) return [];
  const origins = raw.split(',').map((part) => part.trim());
  return origins.map((origin) => {
    let url: URL | null = null;
    try {
      url = new URL(origin);
    } catch {
      url = null;
    }
    const bare = url !== null && ['http:', 'https:'].includes(url.protocol) && url.origin === origin.replace(/\/$/, '');
    if (!bare)
      throw new ConfigError(
        'CORS_ORIGINS',
        `must be origins like https://app.example.com, comma-separated (got "${origin}")`,
      );
    return url!.origin;
  });
}

function parseCookieSecure(env: Env): boolean | 'auto' {
  const raw = str(env, 'COOKIE_SECURE')?.toLowerCase();
  return raw === undefined || raw === 'auto' ? 'auto' : bool(env, 'COOKIE_SECURE', true);
}

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'];

/** Local disk unless S3_BUCKET names a bucket; S3_* without S3_BUCKET is a mistake, not a fallback. */
function parseFiles(env: Env): FilesStorageConfig {
  const bucket = str(env, 'S3_BUCKET');
  if (bucket === undefined) {
    const stray = S3_VARIABLES.find((name) => str(env, name) !== undefined);
    if (stray !== undefined) throw new ConfigError('S3_BUCKET', `is required when ${stray} is set`);
    return { kind: 'disk', dir: str(env, 'FILES_DIR') ?? './data/files' };
  }
  // The S3 bucket naming rules (lower case, digits, dots and hyphens).
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new ConfigError('S3_BUCKET', `must be a bucket name: 3 to 63 lower-case letters, digits, dots or hyphens`);
  const endpoint = str(env, 'S3_ENDPOINT') ?? null;
  if (endpoint !== null) {
    let valid = false;
    try {
      valid = ['http:', 'https:'].includes(new URL(endpoint).protocol);
    } catch {
      valid = false;
    }
    if (!valid) throw new ConfigError('S3_ENDPOINT', `must be an http:// or https:// URL (got "${endpoint}")`);
  }
  const region = str(env, 'S3_REGION') ?? 'us-east-1';
  if (!/^[a-z0-9-]{1,64}$/.test(region))
    throw new ConfigError('S3_REGION', `must be a region name such as us-east-1 (got "${region}")`);
  const accessKeyId = str(env, 'S3_ACCESS_KEY_ID');
  const secretAccessKey = str(env, 'S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    const missing = accessKeyId === undefined ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY';
    throw new ConfigError(missing, 'is required when the other S3 key variable is set');
  }
  return {
    kind: 's3',
    bucket,
    endpoint,
    region,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : null,
    // Self-hosted servers (MinIO, …) rarely have a DNS name per bucket.
    forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE', endpoint !== null),
  };
}

/** Says where uploads go, for the start-up message. */
export function describeFilesStorage(files: FilesStorageConfig): string {
  return files.kind === 'disk'
    ? `on local disk in ${resolve(files.dir)} (set S3_BUCKET to use S3-compatible storage)`
    : `in the S3 bucket "${files.bucket}" at ${files.endpoint ?? `AWS (${files.region})`}`;
}

function parseDatabase(raw: string): AppConfig['database'] {
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '')
      throw new ConfigError('DATABASE_URL', 'needs a file path after sqlite: (e.g. sqlite:./data/living-room.sqlite)');
    return { kind: 'sqlite', path };
  }
  if (raw.startsWith('mysql://') || raw.startsWith('mariadb://')) {
    try {
      const url = new URL(raw.replace(/^mariadb:/, 'mysql:'));
      if (url.pathname.length <= 1) throw new Error('no database');
    } catch {
      throw new ConfigError('DATABASE_URL', 'must look like mysql://user:password@host:3306/database');
    }
    return { kind: 'mysql', url: raw.replace(/^mariadb:/, 'mysql:') };
  }
  throw new ConfigError('DATABASE_URL', 'must start with sqlite: or mysql://');
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const production = nodeEnv === 'production';
  const database = parseDatabase(str(env, 'DATABASE_URL') ?? 'sqlite:./data/living-room.sqlite');

  const jwtSecret = str(env, 'JWT_SECRET') ?? (production ? undefined : DEV_DEFAULTS.jwtSecret);
  if (jwtSecret === undefined) throw new ConfigError('JWT_SECRET', 'is required in production');
  if (production && jwtSecret.length < 32)
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters in production');

  const organiserEmail = str(env, 'ORGANISER_EMAIL') ?? (production ? undefined : DEV_DEFAULTS.organiserEmail);
  const organiserPassword = str(env, 'ORGANISER_PASSWORD') ?? (production ? undefined : DEV_DEFAULTS.organiserPassword);
  if (organiserEmail === undefined) throw new ConfigError('ORGANISER_EMAIL', 'is required in production');
  if (organiserPassword === undefined) throw new ConfigError('ORGANISER_PASSWORD', 'is required in production');
  if (!/^[^\s@]+@[^\s@]+$/.test(organiserEmail)) throw new ConfigError('ORGANISER_EMAIL', 'must be an email address');
  if ([...organiserPassword].length < 10) throw new ConfigError('ORGANISER_PASSWORD', 'must be at least 10 characters');
  if (production && organiserPassword === DEV_DEFAULTS.organiserPassword) {
    throw new ConfigError('ORGANISER_PASSWORD', 'must not be the documented development default in production');
  }

  const livekitUrl = str(env, 'LIVEKIT_URL');
  const livekitKey = str(env, 'LIVEKIT_API_KEY');
  const livekitSecret = str(env, 'LIVEKIT_API_SECRET');
  const livekitSet = [livekitUrl, livekitKey, livekitSecret].filter((v) => v !== undefined).length;
  if (livekitSet !== 0 && livekitSet !== 3) {
    const missing = ['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET'].find((n) => str(env, n) === undefined)!;
    throw new ConfigError(missing, 'is required when any LiveKit variable is set');
  }
  if (livekitUrl !== undefined && !/^(wss?|https?):\/\//.test(livekitUrl)) {
    throw new ConfigError('LIVEKIT_URL', 'must start with ws://, wss://, http:// or https://');
  }
  if (production && livekitKey === LIVEKIT_DEV_KEYS.apiKey)
    throw new ConfigError('LIVEKIT_API_KEY', "must not be LiveKit's development key (devkey) in production");
  if (production && livekitSecret !== undefined && livekitSecret.length < LIVEKIT_MIN_SECRET_LENGTH)
    throw new ConfigError(
      'LIVEKIT_API_SECRET',
      `must be at least ${LIVEKIT_MIN_SECRET_LENGTH} characters in production (LiveKit's development secret is refused)`,
    );

  const egressFilepath = str(env, 'LIVEKIT_EGRESS_FILEPATH') ?? DEFAULT_EGRESS_FILEPATH;
  // We ask the egress for MP4; a different extension would only mislabel the file.
  if (!egressFilepath.endsWith('.mp4') || egressFilepath.length > 1000) {
    throw new ConfigError(
      'LIVEKIT_EGRESS_FILEPATH',
      `must be a path template ending in .mp4, e.g. ${DEFAULT_EGRESS_FILEPATH}`,
    );
  }

  const smtpUrl = str(env, 'SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl))
    throw new ConfigError('SMTP_URL', 'must look like smtp://user:password@host:587 or smtps://…');
  const mailFrom = str(env, 'MAIL_FROM') ?? 'International Living Room <no-reply@living-room.local>';

  const redisUrl = str(env, 'REDIS_URL') ?? null;
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl))
    throw new ConfigError('REDIS_URL', 'must start with redis:// or rediss://');

  const nodeId = str(env, 'NODE_ID') ?? `${hostname()}/${process.pid}`;
  if (!/^[A-Za-z0-9._:/-]{1,128}$/.test(nodeId))
    throw new ConfigError('NODE_ID', 'must be 1 to 128 letters, digits, dots, colons, slashes, underscores or hyphens');
  const metricsToken = str(env, 'METRICS_TOKEN') ?? null;
  if (metricsToken !== null && metricsToken.length < 16)
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters');

  const privacyPolicy = parsePrivacyPolicy(env);

  return {
    nodeEnv,
    host: str(env, 'HOST') ?? '0.0.0.0',
    port: int(env, 'PORT', 3000, 0, 65535),
    database,
    migrateOnStart: bool(env, 'MIGRATE_ON_START', true),
    seedDemo: bool(env, 'SEED_DEMO', database.kind === 'sqlite' && !production),
    jwt: {
      secret: jwtSecret,
      // JWT_TTL is the old name, still read so that existing configurations keep working.
      ttlSeconds: duration(env, str(env, 'ACCESS_TOKEN_TTL') === undefined ? 'JWT_TTL' : 'ACCESS_TOKEN_TTL', 15 * 60),
    },
    sessions: {
      refreshTtlSeconds: duration(env, 'REFRESH_TOKEN_TTL', 30 * 86400),
      cookieSecure: parseCookieSecure(env),
    },
    corsOrigins: parseCorsOrigins(env),
    organiser: { email: organiserEmail.toLowerCase(), password: organiserPassword },
    loginRateLimit: { limit: int(env, 'LOGIN_RATE_LIMIT', 10, 1, 100000), windowSeconds: 60 },
    rateLimits: Object.fromEntries(
      RATE_LIMIT_NAMES.map((name) => [name, rateLimit(env, RATE_LIMIT_DEFAULTS[name])]),
    ) as AppConfig['rateLimits'],
    passwordHash: {
      // OWASP's argon2id minimum is the floor; more only costs logins per second (docs/benchmarks.md, login).
      memoryCost: int(env, 'PASSWORD_HASH_MEMORY_KIB', 19 * 1024, 19 * 1024, 4 * 1024 * 1024),
      timeCost: int(env, 'PASSWORD_HASH_TIME_COST', 2, 2, 100),
      parallelism: int(env, 'PASSWORD_HASH_PARALLELISM', 1, 1, 16),
      concurrency: int(env, 'PASSWORD_HASH_CONCURRENCY', availableParallelism() * 2, 1, 256),
    },
    redisUrl,
    trustProxy: parseTrustProxy(env),
    redisKeyPrefix: redisKeyPrefix(env),
    livekit: livekitSet === 3 ? { url: livekitUrl!, apiKey: livekitKey!, apiSecret: livekitSecret! } : null,
    egressFilepath,
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      nodeEnv === 'test' ? 'warn' : 'info',
    ),
    webDistDir: str(env, 'WEB_DIST_DIR') ?? 'apps/web/dist',
    matchmaking: {
      requestTtlSeconds: duration(env, 'MEETING_REQUEST_TTL', 72 * 3600),
      maxOpenRequests: int(env, 'MEETING_REQUEST_QUOTA', 20, 1, 10000),
      reminderLeadSeconds: duration(env, 'MEETING_REMINDER_LEAD', 15 * 60),
      sweepSeconds: duration(env, 'MATCHMAKING_SWEEP_INTERVAL', 15),
      schedulerTimeLimitMs: int(env, 'SCHEDULER_TIME_LIMIT_MS', 5000, 100, 600000),
    },
    mail: smtpUrl === undefined ? null : { url: smtpUrl, from: mailFrom },
    files: parseFiles(env),
    nodeId,
    shutdown: {
      drainDelayMs: int(env, 'SHUTDOWN_DRAIN_DELAY_MS', 0, 0, 600000),
      graceMs: int(env, 'SHUTDOWN_GRACE_MS', 20000, 0, 600000),
    },
    metricsToken,
    privacyPolicy,
  };
}

/**
 * PRIVACY_POLICY_VERSION (default 2026-12-01) names the policy text the web shows; when it is a
 * date it is also the day the policy takes effect, else PRIVACY_POLICY_EFFECTIVE_AT says when.
 */
function parsePrivacyPolicy(env: Env): AppConfig['privacyPolicy'] {
  const version = str(env, 'PRIVACY_POLICY_VERSION') ?? '2026-12-01';
  if (!/^[A-Za-z0-9._-]{1,32}$/.test(version))
    throw new ConfigError('PRIVACY_POLICY_VERSION', 'must be 1 to 32 letters, digits, dots, underscores or hyphens');
  const rawEffective =
    str(env, 'PRIVACY_POLICY_EFFECTIVE_AT') ?? (/^\d{4}-\d{2}-\d{2}$/.test(version) ? version : undefined);
  if (rawEffective === undefined)
    throw new ConfigError('PRIVACY_POLICY_EFFECTIVE_AT', 'is required when PRIVACY_POLICY_VERSION is not a date');
  const effective = new Date(/^\d{4}-\d{2}-\d{2}$/.test(rawEffective) ? `${rawEffective}T00:00:00Z` : rawEffective);
  if (Number.isNaN(effective.getTime()))
    throw new ConfigError(
      'PRIVACY_POLICY_EFFECTIVE_AT',
      `must be a date or an ISO-8601 instant (got "${rawEffective}")`,
    );
  return { version, effectiveAt: effective.toISOString() };
}
