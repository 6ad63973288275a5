/// <reference types="vitest/config" />
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
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

/**
 * index.html asks for every chunk its first module imports later (the React root, the engine and timeline) with
 * `<link rel="modulepreload">`: the browser fetches and compiles them while the token request is on its way, and
 * src/main.tsx evaluates them only once the launch's requests have left, so their evaluation never holds the token's
 * answer or the record's first requests on the page's one thread.
 */
function preloadLaterChunksPlugin(): Plugin {
  let base = '/';
  return {
    name: 'trd-preload-later-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk || !chunk.isEntry || chunk.name !== 'index') return [];
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const output = bundle[fileName];
          if (!output || output.type !== 'chunk' || scripts.has(fileName) || fileName === chunk.fileName) return;
          scripts.add(fileName);
          output.viteMetadata?.importedCss.forEach((css) => styles.add(css));
          output.imports.forEach(visit);
        };
        chunk.dynamicImports.forEach(visit);
        // Vite links the entry's own static imports already.
        for (const fileName of chunk.imports) scripts.delete(fileName);
        const link = (attrs: Record<string, string | boolean>): HtmlTagDescriptor => ({ tag: 'link', attrs, injectTo: 'head' });
        return [
          ...[...scripts].map((fileName) => link({ rel: 'modulepreload', crossorigin: true, href: base + fileName })),
          // Fetched now, applied when the chunk that imports them is evaluated (Vite's loader waits for them then, and
          // asks for them in CORS mode: the same mode here, or the browser would not use the preloaded answer).
          ...[...styles].map((fileName) => link({ rel: 'preload', as: 'style', crossorigin: true, href: base + fileName })),
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), developmentSmartConfigPlugin(), preloadLaterChunksPlugin()],
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
