/**
 * The engine's layers (README, "Code map"): what each folder of engine/src may import. A layer may
 * import the layers below it, never those above; `core` is pure (no I/O, no clock, no randomness).
 *
 *   core → infra → process-engine → platform → crm → api-v2 / http → server
 *
 * `http` is a library (problem details, secure router, validation); a platform or crm module's HTTP
 * adapter is its `*-routes.ts` (and its `index.ts`, which mounts them): no other file of theirs
 * imports `http`.
 */
const folder = (name) => ({
  group: [`**/${name}/**`, `**/${name}`],
  message: `This layer may not import ${name}/ (README, Code map).`,
});
const above = {
  core: ['infra', 'process-engine', 'platform', 'crm', 'api-v2', 'http', 'server', 'demo'],
  infra: ['process-engine', 'platform', 'crm', 'api-v2', 'http', 'server', 'demo'],
  'process-engine': ['platform', 'crm', 'api-v2', 'http', 'server', 'demo'],
  platform: ['crm', 'api-v2', 'server', 'demo'],
  crm: ['api-v2', 'server', 'demo'],
  'api-v2': ['crm', 'server', 'demo'],
  http: ['process-engine', 'crm', 'api-v2', 'server', 'demo'],
};
const io = ['knex', 'pg', 'express', 'node:*', '@electric-sql/*', 'knex-pglite'].map((name) => ({
  group: [name],
  message: 'core is pure: no I/O here; the process engine runs its effects (README, Code map).',
}));
const httpFromDomain = {
  group: ['**/http/**'],
  message:
    'Domain code does not import HTTP: throw an AppError; only *-routes.ts files (and index.ts) mount routes.',
};
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export const engineLayers = [
  {
    files: ['engine/src/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      ...restrict([...above.core.map(folder), ...io]),
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core is pure: take the time as an argument.' },
        { object: 'Math', property: 'random', message: 'core is pure: take randomness as an argument.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core is pure: take the time as an argument.',
        },
      ],
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval', 'fetch', 'require'],
    },
  },
  {
    files: ['engine/src/infra/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(above.infra.map(folder)),
  },
  {
    files: ['engine/src/process-engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict([...above['process-engine'].map(folder)]),
  },
  {
    files: ['engine/src/platform/**/*.ts'],
    // Idempotency records and replays HTTP answers (the Idempotency-Key header): it needs the mapper.
    ignores: [
      '**/*.test.ts',
      '**/*-routes.ts',
      '**/index.ts',
      'engine/src/platform/idempotency/idempotency.ts',
    ],
    rules: restrict([...above.platform.map(folder), httpFromDomain]),
  },
  {
    files: [
      'engine/src/platform/**/*-routes.ts',
      'engine/src/platform/**/index.ts',
      'engine/src/platform/idempotency/idempotency.ts',
    ],
    rules: restrict(above.platform.map(folder)),
  },
  {
    files: ['engine/src/crm/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*-routes.ts', '**/index.ts'],
    rules: restrict([...above.crm.map(folder), httpFromDomain]),
  },
  {
    files: ['engine/src/crm/**/*-routes.ts', 'engine/src/crm/**/index.ts'],
    rules: restrict(above.crm.map(folder)),
  },
  {
    files: ['engine/src/api-v2/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(above['api-v2'].map(folder)),
  },
  { files: ['engine/src/http/**/*.ts'], ignores: ['**/*.test.ts'], rules: restrict(above.http.map(folder)) },
];
