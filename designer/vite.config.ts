import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Paths served by the engine; in development they are forwarded to it. */
const engineUrl = 'http://localhost:3000';
const enginePaths = ['/api', '/oauth', '/v2', '/.well-known', '/health', '/ready'];

/** Vendor chunks: stable libraries change rarely, so they get their own long-cached files. */
const vendorGroups = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie)[\\/]/,
  },
  {
    name: 'vendor-mui',
    test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group|stylis|clsx)[\\/]/,
  },
  {
    name: 'vendor-i18n',
    test: /node_modules[\\/](i18next|react-i18next|i18next-browser-languagedetector)[\\/]/,
  },
];

/**
 * diagram-js renders its popup menus with `htm/preact`, but npm may hoist a different preact major
 * next to htm than the one diagram-js-ui renders with; vnodes of one preact render as nothing in
 * the other. htm's `preact` imports are resolved from diagram-js-ui, so both use the same copy.
 */
function htmUsesDiagramPreact(): Plugin {
  const diagramUi = path.dirname(
    createRequire(import.meta.url).resolve('@bpmn-io/diagram-js-ui/package.json'),
  );
  const importer = path.join(diagramUi, 'lib', 'index.js');
  return {
    name: 'tramit:htm-uses-diagram-preact',
    enforce: 'pre',
    resolveId(source, from) {
      if (!from || !/[\\/]node_modules[\\/]htm[\\/]/.test(from)) return null;
      if (source !== 'preact' && !source.startsWith('preact/')) return null;
      if (!existsSync(path.join(diagramUi, 'node_modules', 'preact'))) return null;
      return this.resolve(source, importer, { skipSelf: true });
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [react(), htmUsesDiagramPreact()],
  server: {
    // changeOrigin stays off: the engine compares Origin with Host for its same-origin checks.
    proxy: Object.fromEntries(enginePaths.map((path) => [path, { target: engineUrl, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
