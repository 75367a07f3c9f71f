import { defineConfig } from 'vite';
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

export default defineConfig({
  base: '/',
  plugins: [react()],
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
