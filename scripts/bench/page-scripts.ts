/**
 * What each page of the production build loads before anything else runs, read from Vite's build manifest, and the
 * gzipped budgets those scripts must stay within. The bench prints the sizes; an end-to-end spec holds the budgets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budgets in gzipped bytes: what a clinician's browser fetches and compiles before the first state is drawn. */
export const INITIAL_JS_BUDGET_BYTES = { index: 150_000, launch: 40_000 } as const;

/** One chunk of Vite's build manifest (dist/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  imports?: string[];
}

type Manifest = Record<string, ManifestChunk>;

/**
 * Files of `keys` and everything they import statically, transitively (what the browser must load before those
 * modules run), in the order first met.
 */
function staticClosure(manifest: Manifest, keys: string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return files;
}

export interface PageScripts {
  /** index.html's entry (the launch) and the React root, which draws the page's first states. */
  indexInitial: string[];
  /** The engine-and-timeline chunk's own file. */
  analysisEntry: string;
  /** The engine-and-timeline chunk (and the options screen) and what it adds to the initial files. */
  analysis: string[];
  /** launch.html's entry and what it imports. */
  launch: string[];
}

/** Reads dist/.vite/manifest.json; throws with the reason when the build is missing or a page is not in it. */
export function pageScripts(dist: string): PageScripts {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const indexInitial = staticClosure(manifest, ['index.html', 'src/app-root.tsx']);
  const [analysisEntry, ...analysisImports] = staticClosure(manifest, ['src/views/shell/analysis-services.tsx']);
  const analysis = [analysisEntry!, ...analysisImports].filter((f) => !indexInitial.includes(f));
  return { indexInitial, analysisEntry: analysisEntry!, analysis, launch: staticClosure(manifest, ['launch.html']) };
}

/** The files' gzipped size (level 9, as a server compressing ahead of time would), summed. */
export function gzippedBytes(dist: string, files: string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);
}
