import path from 'node:path';
import { z } from 'zod';
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
  TRAMIT_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TRAMIT_SESSION_IDLE_MINUTES: positiveInt(30),
  TRAMIT_SESSION_ABSOLUTE_HOURS: positiveInt(12),
  TRAMIT_JWT_KEYS: z.string().min(1).optional(),
  TRAMIT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(300),
  TRAMIT_TOKEN_AUDIENCE: z.string().min(1).default('tramit-api'),
  TRAMIT_METRICS_TOKEN: z.string().min(16).optional(),
  TRAMIT_DEMO_PASSWORD: z.string().min(8).optional(),
  TRAMIT_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  TRAMIT_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(9_000),
  TRAMIT_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  TRAMIT_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  TRAMIT_DESIGNER_DIR: z.string().optional(),
  TRAMIT_FEEL_MAX_ITEMS: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
  TRAMIT_FEEL_MAX_STRING_LENGTH: z.coerce.number().int().min(1_000).max(100_000_000).default(1_000_000),
  TRAMIT_FEEL_TIMEOUT_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  TRAMIT_FEEL_MAX_MEMORY_MB: z.coerce.number().int().min(32).max(4_096).default(256),
});

export type Env = z.infer<typeof envSchema>;

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
  session: { secret: string | undefined; idleMs: number; absoluteMs: number };
  jwt: { keys: string | undefined; ttlSeconds: number; audience: string };
  metricsToken: string | undefined;
  demoPassword: string | undefined;
  trustProxy: boolean;
  shutdownTimeoutMs: number;
  login: { maxFailures: number; lockMs: number };
  designerDir: string | undefined;
  /** What one FEEL evaluation may build and how long it may run. */
  feel: FeelLimits;
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
    metricsToken: e.TRAMIT_METRICS_TOKEN,
    demoPassword: e.TRAMIT_DEMO_PASSWORD,
    trustProxy: e.TRAMIT_TRUST_PROXY === 'true',
    shutdownTimeoutMs: e.TRAMIT_SHUTDOWN_TIMEOUT_MS,
    login: { maxFailures: e.TRAMIT_LOGIN_MAX_FAILURES, lockMs: e.TRAMIT_LOGIN_LOCK_MINUTES * 60_000 },
    designerDir: e.TRAMIT_DESIGNER_DIR,
    feel: {
      maxItems: e.TRAMIT_FEEL_MAX_ITEMS,
      maxStringLength: e.TRAMIT_FEEL_MAX_STRING_LENGTH,
      timeoutMs: e.TRAMIT_FEEL_TIMEOUT_MS,
      maxMemoryMb: e.TRAMIT_FEEL_MAX_MEMORY_MB,
    },
  };
}
