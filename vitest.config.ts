import { defineConfig } from 'vitest/config';

/**
 * `npm test`: every test against the local PostgreSQL (one database per test file, cloned from a
 * migrated template) plus the browser tests. `npm run test:pglite`: the smoke subset on PGlite.
 */
const smokeFiles = [
  'engine/src/infra/db/migrations.test.ts',
  'engine/src/server/health-routes.test.ts',
  'engine/src/platform/auth/session-auth-routes.test.ts',
  'engine/src/platform/auth/oauth-client-routes.test.ts',
  'engine/src/platform/auth/mfa.test.ts',
  'engine/src/infra/db/pipelined-pg-client.test.ts',
  'engine/src/process-engine/basics.test.ts',
  'engine/src/process-engine/events.test.ts',
  'engine/src/server/feel-limits.test.ts',
  'engine/src/platform/entities/entity-records.test.ts',
  'engine/src/server/embedded-journey.test.ts',
  'engine/src/api-v2/task-access-matrix.test.ts',
];

const globalSetup = ['engine/test/global-setup.ts'];
const setupFiles = ['engine/test/audit-keys-setup.ts'];

export default defineConfig({
  test: {
    projects:
      process.env.TRAMIT_TEST_DB === 'pglite'
        ? [
            {
              test: {
                name: 'smoke',
                include: smokeFiles,
                globalSetup,
                setupFiles,
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : [
            {
              test: {
                name: 'main',
                include: [
                  'engine/**/*.test.ts',
                  'designer/src/**/*.test.ts',
                  'connectors/**/*.test.ts',
                  'scripts/**/*.test.ts',
                ],
                exclude: ['**/node_modules/**', '**/dist/**'],
                globalSetup,
                setupFiles,
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
            {
              test: {
                name: 'e2e',
                include: ['designer/e2e/**/*.e2e.test.ts'],
                globalSetup,
                setupFiles,
                testTimeout: 60_000,
                hookTimeout: 60_000,
                fileParallelism: false,
              },
            },
          ],
  },
});
