/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { developmentSmartConfigFromEnv } from './sandbox/dev-smart-config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The dev server answers /smart-config.json with the development configuration (the sandbox at SANDBOX_PORT, a local
 * and the public SMART launcher) instead of public/smart-config.json, the template shipped in the production build.
 */
function developmentSmartConfigPlugin(): Plugin {
  return {
    name: 'trd-development-smart-config',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/smart-config.json') return next();
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.setHeader('cache-control', 'no-cache');
        res.end(JSON.stringify(developmentSmartConfigFromEnv(), null, 2));
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), developmentSmartConfigPlugin()],
  // fhirclient: drop its fetch/abort polyfills; every supported browser has them.
  define: { FHIRCLIENT_PURE: 'true' },
  server: { host: '127.0.0.1', port: Number(process.env.APP_PORT ?? 5173), strictPort: true },
  preview: { host: '127.0.0.1', port: Number(process.env.APP_PORT ?? 5173), strictPort: true },
  build: {
    // dist/.vite/manifest.json: which chunk imports which, read by the benchmark to size what each page loads.
    manifest: true,
    rollupOptions: {
      // Two entry pages: the SMART launch page (small) and the app itself.
      input: { index: here('./index.html'), launch: here('./launch.html') },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
    // Starting a sandbox (Medplum engine, signing keys) takes seconds, more on a loaded machine.
    hookTimeout: 60_000,
    alias: [
      // fhirclient's package "main" is its Node entry; under jsdom we want the browser build.
      // Exact match only: deep imports such as 'fhirclient/lib/lib' resolve as they are.
      { find: /^fhirclient$/, replacement: here('./node_modules/fhirclient/lib/entry/browser.js') },
    ],
  },
});
