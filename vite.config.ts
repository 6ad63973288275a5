/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  plugins: [react()],
  // fhirclient: drop its fetch/abort polyfills; every supported browser has them (stack-notes).
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
    alias: [
      // fhirclient's package "main" is its Node entry; under jsdom we want the browser build (stack-notes).
      // Exact match only: deep imports such as 'fhirclient/lib/lib' resolve as they are.
      { find: /^fhirclient$/, replacement: here('./node_modules/fhirclient/lib/entry/browser.js') },
    ],
  },
});
