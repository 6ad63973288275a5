/** The bundle-size rows: the production build and the gzipped JavaScript its pages load at start. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './repo-root';
import { type Row, errorText, kB, log } from './report';

export function buildApp(): void {
  log('building the app (vite build)...');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed: ${(r.stderr || r.stdout).trim().slice(0, 300)}`);
}

/** The JS an HTML page loads before anything else runs: module scripts and modulepreload links. */
/** One chunk of Vite's build manifest (dist/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

/**
 * Files of `keys` and everything they import statically, transitively (what the browser must load before those
 * modules run), in the order first met.
 */
function staticClosure(manifest: Record<string, ManifestChunk>, keys: string[]): string[] {
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

/**
 * What each page loads at start, from the build manifest. index.html loads its only script (src/main.tsx, the launch)
 * and, once the token request has left, preloads the React root (src/app-root.tsx), which draws the page's first
 * states, and the analysis chunk (engine, timeline, write-back), which the timeline needs; both are evaluated once the
 * launch's requests have left. "Initial" is the entry with the React root; the analysis chunk, fetched in parallel, is
 * shown beside it with the total.
 */
export function sizeRows(rows: Row[]): void {
  const dist = join(root, 'dist');
  const gzipped = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);
  const plural = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  } catch (e) {
    rows.push({ measure: 'initial JS', figure: 'n/a', target: '-', pass: false, note: `no build manifest: ${errorText(e)}` });
    return;
  }
  try {
    const initial = staticClosure(manifest, ['index.html', 'src/app-root.tsx']);
    const initialGz = gzipped(initial);
    rows.push({
      measure: `initial JS of index.html, gzipped: the launch and the React root (${plural(initial.length)})`,
      figure: kB(initialGz),
      target: '< 150 kB',
      pass: initialGz < 150_000,
    });
    const analysis = staticClosure(manifest, ['src/views/shell/analysis-services.tsx']).filter((f) => !initial.includes(f));
    const analysisGz = gzipped(analysis);
    rows.push({
      measure: `JS of index.html in all, gzipped, with the engine-and-timeline chunk fetched in parallel (${plural(initial.length + analysis.length)})`,
      figure: `${kB(initialGz + analysisGz)} (engine and timeline ${kB(analysisGz)})`,
      target: 'info',
      pass: null,
      note: 'the timeline needs it; it loads while the token and the record are on their way',
    });
  } catch (e) {
    rows.push({ measure: 'initial JS of index.html', figure: 'n/a', target: '< 150 kB', pass: false, note: errorText(e) });
  }
  try {
    const launch = staticClosure(manifest, ['launch.html']);
    const launchGz = gzipped(launch);
    rows.push({ measure: `initial JS of launch.html, gzipped (${plural(launch.length)})`, figure: kB(launchGz), target: '< 40 kB', pass: launchGz < 40_000 });
  } catch (e) {
    rows.push({ measure: 'initial JS of launch.html', figure: 'n/a', target: '< 40 kB', pass: false, note: errorText(e) });
  }
}
