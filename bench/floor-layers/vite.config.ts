/**
 * The layer pages (read, react, engine: bench/floor-layers/*.tsx) built as the app is built (the app's own Vite
 * configuration, its launch page and index.html), with index.html's script swapped for the page's, into
 * dist-layers/<page>/. `FLOOR_LAYER=read npx vite build -c bench/floor-layers/vite.config.ts`; `npm run bench --
 * --only layers` builds all three and launches them beside the bare client and the app.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import appConfig from '../../vite.config';

const LAYER_PAGES = ['read', 'react', 'engine'] as const;

const layer = process.env.FLOOR_LAYER ?? '';
if (!(LAYER_PAGES as readonly string[]).includes(layer)) throw new Error(`FLOOR_LAYER must be one of ${LAYER_PAGES.join(', ')}, got "${layer}"`);

/** index.html loads the layer page in place of src/main.tsx. */
function layerEntryPlugin(): Plugin {
  return {
    name: 'trd-floor-layer-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('/src/main.tsx', `/bench/floor-layers/${layer}.tsx`),
    },
  };
}

export default mergeConfig(
  appConfig,
  defineConfig({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    plugins: [layerEntryPlugin()],
    build: { outDir: fileURLToPath(new URL(`../../dist-layers/${layer}`, import.meta.url)), emptyOutDir: true, manifest: false },
  }),
);
