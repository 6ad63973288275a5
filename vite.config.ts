/// <reference types="vitest/config" />
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import { LATER_CHUNKS_ID, type LaterChunks } from './src/later-chunks';
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
 * index.html lists every chunk its first module imports later (the React root, the engine and timeline) in a JSON
 * data block, `<script type="application/json" id="later-chunks">` (data, not a script: the CSP has nothing to say
 * about it). src/main.tsx turns the list into preload links once the token request has left: fetched and compiled
 * while the token and the record are on their way, but not beside index.html's own script and fhirclient, which
 * the token request waits for (on two cores, 700 kB of chunks fetched and compiled at that moment held it up by
 * tens of milliseconds). main.tsx evaluates them only once the record's requests have left.
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
        const later: LaterChunks = { scripts: [...scripts].map((f) => base + f), styles: [...styles].map((f) => base + f) };
        const list: HtmlTagDescriptor = {
          tag: 'script',
          attrs: { type: 'application/json', id: LATER_CHUNKS_ID },
          children: JSON.stringify(later).replace(/</g, '\\u003c'),
          injectTo: 'head',
        };
        return [list];
      },
    },
  };
}

/**
 * fhirclient logs through the `debug` package; the production build gets a silent stand-in (stubs/debug), so neither
 * page evaluates the logger or makes its localStorage look-up before its first request.
 */
function silentDebugPlugin(): Plugin {
  const stub = here('./stubs/debug/index.cjs');
  return {
    name: 'trd-silent-debug',
    apply: 'build',
    enforce: 'pre',
    resolveId(source) {
      return source === 'debug' ? stub : null;
    },
  };
}

export default defineConfig({
  plugins: [react(), developmentSmartConfigPlugin(), preloadLaterChunksPlugin(), silentDebugPlugin()],
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
