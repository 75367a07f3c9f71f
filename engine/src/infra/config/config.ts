import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { splitPatterns } from '../../core/bpmn/sensitive-variables.js';
import { roles, type Role } from './role-names.js';
import type { FeelLimits } from '../../core/feel/limits.js';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  TRAMIT_DATA_DIR: z.string().min(1).default('.tramit/data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRAMIT_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 512kb or 1mb')
    .default('1mb'),
  TRAMIT_EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
  TRAMIT_SENSITIVE_VARIABLES: z
    .string()
    .regex(
      /^\s*([^\s,]+\s*(,\s*[^\s,]+\s*)*)?$/,
      'must be comma-separated variable names or * patterns, e.g. iban,dni,*Password*',
    )
    .default('*password*,*secret*'),
  TRAMIT_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TRAMIT_SESSION_IDLE_MINUTES: positiveInt(30),
  TRAMIT_SESSION_ABSOLUTE_HOURS: positiveInt(12),
  TRAMIT_JWT_KEYS: z.string().min(1).optional(),
  TRAMIT_AUDIT_KEYS: z.string().min(1).optional(),
  TRAMIT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(300),
  TRAMIT_TOKEN_AUDIENCE: z.string().min(1).default('tramit-api'),
  TRAMIT_CLIENT_STATUS_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  TRAMIT_CLIENT_SECRET_MAX_GRACE_SECONDS: z.coerce.number().int().min(0).max(2_592_000).default(604_800),
  TRAMIT_METRICS_TOKEN: z.string().min(16).optional(),
  TRAMIT_DEMO_PASSWORD: z.string().min(8).optional(),
  TRAMIT_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  TRAMIT_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(9_000),
  TRAMIT_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  TRAMIT_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  TRAMIT_SIGNIN_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  TRAMIT_SIGNIN_PER_ACCOUNT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  TRAMIT_SIGNIN_PER_CLIENT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  // Half the cores: hashes must leave CPU to the event loop that answers everything else.
  TRAMIT_HASH_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(Math.max(1, Math.floor(availableParallelism() / 2))),
  TRAMIT_HASH_QUEUE_MAX: z.coerce.number().int().min(0).max(10_000).default(16),
  TRAMIT_MFA_REQUIRED_ROLES: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((role) => role.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(roles, { message: `each must be one of ${roles.join(', ')}` }))),
  TRAMIT_MFA_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  TRAMIT_DESIGNER_DIR: z.string().optional(),
  TRAMIT_IDEMPOTENCY_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 86_400)
    .default(86_400),
  TRAMIT_JSON_MAX_DEPTH: z.coerce.number().int().min(2).max(1_000).default(64),
  TRAMIT_VARIABLES_MAX_COUNT: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
  TRAMIT_VARIABLES_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(4 * 1024 * 1024),
  TRAMIT_DEPLOY_MEMORY_BYTES: z.coerce
    .number()
    .int()
    .min(6 * 1024 * 1024, 'must be at least 6291456 (one 5 MB deployment fits)')
    .default(32 * 1024 * 1024),
  TRAMIT_DEPLOY_QUEUE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  TRAMIT_FEEL_MAX_ITEMS: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
  TRAMIT_FEEL_MAX_STRING_LENGTH: z.coerce.number().int().min(1_000).max(100_000_000).default(1_000_000),
  TRAMIT_FEEL_TIMEOUT_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  TRAMIT_FEEL_MAX_MEMORY_MB: z.coerce.number().int().min(32).max(4_096).default(256),
});

export type Env = z.infer<typeof envSchema>;

/** The limits on what one request may bring (each a TRAMIT_… variable, see the README). */
export interface Limits {
  /** How deep a JSON body may nest (objects and arrays). */
  jsonMaxDepth: number;
  /** How many variables one request may set, and their total size as JSON in bytes. */
  variablesMaxCount: number;
  variablesMaxBytes: number;
  /** How many bytes of deployments may be received and parsed at once; then they queue. */
  deploymentMemoryBytes: number;
  /** How long a deployment may wait in that queue before a 503 with Retry-After. */
  deploymentQueueMs: number;
}

export interface Config {
  env: Env['NODE_ENV'];
  production: boolean;
  host: string;
  port: number;
  publicUrl: string | undefined;
  database: { kind: 'postgres'; url: string; poolMax: number } | { kind: 'pglite'; dataDir: string };
  dataDir: string;
  logLevel: Env['LOG_LEVEL'];
  bodyLimit: string;
  /** The most records one entity export may hold. */
  exportMaxRows: number;
  /** Variable names or `*` patterns masked for roles that may not read sensitive variables. */
  sensitiveVariables: string[];
  session: { secret: string | undefined; idleMs: number; absoluteMs: number };
  jwt: { keys: string | undefined; ttlSeconds: number; audience: string };
  /** OAuth clients: how long a client's status is cached, the longest secret-rotation grace period. */
  clients: { statusCacheMs: number; maxGraceSeconds: number };
  /** `TRAMIT_AUDIT_KEYS`: the audit chain's HMAC keys (JSON list of {kid, key}); parsed at start. */
  auditKeys: string | undefined;
  metricsToken: string | undefined;
  demoPassword: string | undefined;
  trustProxy: boolean;
  shutdownTimeoutMs: number;
  login: LoginConfig;
  designerDir: string | undefined;
  /** How long the answer to a request with an `Idempotency-Key` is kept and replayed. */
  idempotency: { ttlMs: number };
  limits: Limits;
  /** What one FEEL evaluation may build and how long it may run. */
  feel: FeelLimits;
}

/** Sign-in throttling (per process), lockout (shared, in the database), hash pool and MFA. */
export interface LoginConfig {
  maxFailures: number;
  lockMs: number;
  perAddressPerMinute: number;
  perAccountPerMinute: number;
  perClientPerMinute: number;
  hashConcurrency: number;
  hashQueueMax: number;
  mfaRequiredRoles: Role[];
  /** Encrypts TOTP secrets; the session secret when not set. */
  mfaKey: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws a ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return `${name}: ${issue.message} (got ${JSON.stringify(env[name] ?? null)})`;
      }),
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production) {
    if (!e.TRAMIT_SESSION_SECRET) problems.push('TRAMIT_SESSION_SECRET: required when NODE_ENV=production');
    if (!e.TRAMIT_JWT_KEYS) problems.push('TRAMIT_JWT_KEYS: required when NODE_ENV=production');
    if (!e.TRAMIT_AUDIT_KEYS) problems.push('TRAMIT_AUDIT_KEYS: required when NODE_ENV=production');
    if (!e.TRAMIT_METRICS_TOKEN) problems.push('TRAMIT_METRICS_TOKEN: required when NODE_ENV=production');
    if (e.TRAMIT_DEMO_PASSWORD) problems.push('TRAMIT_DEMO_PASSWORD: not allowed when NODE_ENV=production');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(e.TRAMIT_DATA_DIR);
  return {
    env: e.NODE_ENV,
    production,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX }
      : { kind: 'pglite', dataDir },
    dataDir,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.TRAMIT_BODY_LIMIT,
    exportMaxRows: e.TRAMIT_EXPORT_MAX_ROWS,
    sensitiveVariables: splitPatterns(e.TRAMIT_SENSITIVE_VARIABLES),
    session: {
      secret: e.TRAMIT_SESSION_SECRET,
      idleMs: e.TRAMIT_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.TRAMIT_SESSION_ABSOLUTE_HOURS * 3_600_000,
    },
    jwt: {
      keys: e.TRAMIT_JWT_KEYS,
      ttlSeconds: e.TRAMIT_TOKEN_TTL_SECONDS,
      audience: e.TRAMIT_TOKEN_AUDIENCE,
    },
    clients: {
      statusCacheMs: e.TRAMIT_CLIENT_STATUS_CACHE_SECONDS * 1000,
      maxGraceSeconds: e.TRAMIT_CLIENT_SECRET_MAX_GRACE_SECONDS,
    },
    auditKeys: e.TRAMIT_AUDIT_KEYS,
    metricsToken: e.TRAMIT_METRICS_TOKEN,
    demoPassword: e.TRAMIT_DEMO_PASSWORD,
    trustProxy: e.TRAMIT_TRUST_PROXY === 'true',
    shutdownTimeoutMs: e.TRAMIT_SHUTDOWN_TIMEOUT_MS,
    login: {
      maxFailures: e.TRAMIT_LOGIN_MAX_FAILURES,
      lockMs: e.TRAMIT_LOGIN_LOCK_MINUTES * 60_000,
      perAddressPerMinute: e.TRAMIT_SIGNIN_PER_ADDRESS_PER_MINUTE,
      perAccountPerMinute: e.TRAMIT_SIGNIN_PER_ACCOUNT_PER_MINUTE,
      perClientPerMinute: e.TRAMIT_SIGNIN_PER_CLIENT_PER_MINUTE,
      hashConcurrency: e.TRAMIT_HASH_CONCURRENCY,
      hashQueueMax: e.TRAMIT_HASH_QUEUE_MAX,
      mfaRequiredRoles: e.TRAMIT_MFA_REQUIRED_ROLES,
      mfaKey: e.TRAMIT_MFA_KEY,
    },
    designerDir: e.TRAMIT_DESIGNER_DIR,
    idempotency: { ttlMs: e.TRAMIT_IDEMPOTENCY_TTL_SECONDS * 1_000 },
    limits: {
      jsonMaxDepth: e.TRAMIT_JSON_MAX_DEPTH,
      variablesMaxCount: e.TRAMIT_VARIABLES_MAX_COUNT,
      variablesMaxBytes: e.TRAMIT_VARIABLES_MAX_BYTES,
      deploymentMemoryBytes: e.TRAMIT_DEPLOY_MEMORY_BYTES,
      deploymentQueueMs: e.TRAMIT_DEPLOY_QUEUE_MS,
    },
    feel: {
      maxItems: e.TRAMIT_FEEL_MAX_ITEMS,
      maxStringLength: e.TRAMIT_FEEL_MAX_STRING_LENGTH,
      timeoutMs: e.TRAMIT_FEEL_TIMEOUT_MS,
      maxMemoryMb: e.TRAMIT_FEEL_MAX_MEMORY_MB,
    },
  };
}
