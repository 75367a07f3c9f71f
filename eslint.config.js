import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import { URL } from 'node:url';
import { engineLayers } from './eslint/engine-layers.js';

/**
 * Designer layout: an area (`designer/src/areas/<area>/`) imports only shared folders (components,
 * api, bpmn, i18n, …), never another area; designer code never imports the engine's sources (shared
 * data lives in `schemas/`). Areas are the folders under `designer/src/areas/`.
 */
const designerAreas = readdirSync(new URL('./designer/src/areas/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const noEngineSources = {
  group: ['**/engine/src/**', '**/engine/src'],
  message: 'Designer code does not import engine sources; share data through schemas/.',
};
const noOtherArea = (area) => ({
  // Relative imports only: `../<other>/…` or `../../areas/<other>/…` from anywhere inside the area.
  regex: `^(\\.\\./)+(areas/)?(${designerAreas
    .filter((other) => other !== area)
    .map(escapeRegExp)
    .join('|')})(/|$)`,
  message: `An area imports only shared folders (components, api, bpmn, i18n, …), not another area; move what both use to designer/src/components or designer/src/api.`,
});

/**
 * Engine layers: domain code (core, infra, process-engine, and the platform and CRM modules outside
 * their HTTP adapters) never imports the HTTP library; it throws `AppError` from `infra/errors`, and
 * the HTTP layer maps it to a problem document. A module's HTTP adapter is its `*-routes.ts` (or
 * `*-route.ts`) and its `index.ts`. The idempotency store records HTTP answers (the
 * Idempotency-Key header), so it is an HTTP adapter too.
 */

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.tramit/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['designer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [noEngineSources] }],
    },
  },
  ...designerAreas.map((area) => ({
    files: [`designer/src/areas/${area}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [noEngineSources, noOtherArea(area)] }] },
  })),
  ...engineLayers,
  {
    files: ['**/cli/**/*.ts', '**/*.test.ts', '**/test/**/*.ts', '**/bench/**/*.ts', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
