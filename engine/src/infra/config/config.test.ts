import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('defaults to the embedded database in .tramit/data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.kind).toBe('pglite');
    expect(config.dataDir.endsWith('.tramit/data')).toBe(true);
    expect(config.limits).toEqual({
      jsonMaxDepth: 64,
      variablesMaxCount: 1_000,
      variablesMaxBytes: 4 * 1024 * 1024,
      deploymentMemoryBytes: 32 * 1024 * 1024,
      deploymentQueueMs: 10_000,
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set, and TRAMIT_DATA_DIR moves the embedded data', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h:5432/db',
      poolMax: 10,
    });
    expect(loadConfig({ TRAMIT_DATA_DIR: '/var/lib/tramit' }).database).toEqual({
      kind: 'pglite',
      dataDir: '/var/lib/tramit',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TRAMIT_BODY_LIMIT: 'lots' }, 'TRAMIT_BODY_LIMIT'],
    [{ TRAMIT_SESSION_SECRET: 'short' }, 'TRAMIT_SESSION_SECRET'],
    [{ TRAMIT_SENSITIVE_VARIABLES: 'iban,,dni' }, 'TRAMIT_SENSITIVE_VARIABLES'],
    [{ TRAMIT_SENSITIVE_VARIABLES: 'iban dni' }, 'TRAMIT_SENSITIVE_VARIABLES'],
    [{ TRAMIT_JSON_MAX_DEPTH: '1' }, 'TRAMIT_JSON_MAX_DEPTH'],
    [{ TRAMIT_VARIABLES_MAX_COUNT: '0' }, 'TRAMIT_VARIABLES_MAX_COUNT'],
    [{ TRAMIT_VARIABLES_MAX_BYTES: 'big' }, 'TRAMIT_VARIABLES_MAX_BYTES'],
    [{ TRAMIT_DEPLOY_MEMORY_BYTES: '1000000' }, 'TRAMIT_DEPLOY_MEMORY_BYTES'],
    [{ TRAMIT_DEPLOY_QUEUE_MS: '-1' }, 'TRAMIT_DEPLOY_QUEUE_MS'],
    [{ TRAMIT_FEEL_MAX_ITEMS: '10' }, 'TRAMIT_FEEL_MAX_ITEMS'],
    [{ TRAMIT_FEEL_MAX_STRING_LENGTH: 'long' }, 'TRAMIT_FEEL_MAX_STRING_LENGTH'],
    [{ TRAMIT_FEEL_TIMEOUT_MS: '0' }, 'TRAMIT_FEEL_TIMEOUT_MS'],
    [{ TRAMIT_FEEL_MAX_MEMORY_MB: '1.5' }, 'TRAMIT_FEEL_MAX_MEMORY_MB'],
  ])('names the bad variable in %j', (env, name) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('reads sensitive variable patterns; an empty list masks none', () => {
    expect(loadConfig({}).sensitiveVariables).toEqual(['*password*', '*secret*']);
    expect(loadConfig({ TRAMIT_SENSITIVE_VARIABLES: ' iban, dni*,*Password* ' }).sensitiveVariables).toEqual([
      'iban',
      'dni*',
      '*Password*',
    ]);
    expect(loadConfig({ TRAMIT_SENSITIVE_VARIABLES: '' }).sensitiveVariables).toEqual([]);
  });

  it('reads the sign-in limits and the roles that must use a second factor', () => {
    const config = loadConfig({ TRAMIT_MFA_REQUIRED_ROLES: 'admin, supervisor', TRAMIT_HASH_QUEUE_MAX: '4' });
    expect(config.login).toMatchObject({ mfaRequiredRoles: ['admin', 'supervisor'], hashQueueMax: 4 });
    expect(loadConfig({}).login.mfaRequiredRoles).toEqual([]);
    expect(problemsOf({ TRAMIT_MFA_REQUIRED_ROLES: 'admin,admn' })[0]).toMatch(/^TRAMIT_MFA_REQUIRED_ROLES/);
    expect(problemsOf({ TRAMIT_SIGNIN_PER_ADDRESS_PER_MINUTE: '0' })[0]).toMatch(
      /^TRAMIT_SIGNIN_PER_ADDRESS/,
    );
  });

  it('reads the FEEL limits, with defaults', () => {
    expect(loadConfig({}).feel).toEqual({
      maxItems: 100_000,
      maxStringLength: 1_000_000,
      timeoutMs: 1_000,
      maxMemoryMb: 256,
    });
    expect(loadConfig({ TRAMIT_FEEL_MAX_ITEMS: '5000', TRAMIT_FEEL_TIMEOUT_MS: '200' }).feel).toMatchObject({
      maxItems: 5_000,
      timeoutMs: 200,
    });
  });

  it('lists every bad variable at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'loud' })).toHaveLength(2);
  });

  it('refuses production without secrets, and demo passwords in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', TRAMIT_DEMO_PASSWORD: 'password123' });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'TRAMIT_SESSION_SECRET',
      'TRAMIT_JWT_KEYS',
      'TRAMIT_AUDIT_KEYS',
      'TRAMIT_METRICS_TOKEN',
      'TRAMIT_DEMO_PASSWORD',
    ]);
  });
});
