/** The bundle-size rows: the production build and the gzipped JavaScript its pages load at start. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { INITIAL_JS_BUDGET_BYTES, type PageScripts, gzippedBytes, pageScripts } from './page-scripts';
import { root } from './repo-root';
import { type Row, errorText, kB, log } from './report';

export function buildApp(): void {
  log('building the app (vite build)...');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed: ${(r.stderr || r.stdout).trim().slice(0, 300)}`);
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
  const gzipped = (files: string[]) => gzippedBytes(dist, files);
  const plural = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  let scripts: PageScripts;
  try {
    scripts = pageScripts(dist);
  } catch (e) {
    rows.push({ measure: 'initial JS', figure: 'n/a', target: '-', pass: false, note: `no build manifest: ${errorText(e)}` });
    return;
  }
  try {
    const initial = scripts.indexInitial;
    const initialGz = gzipped(initial);
    rows.push({
      measure: `initial JS of index.html, gzipped: the launch and the React root (${plural(initial.length)})`,
      figure: kB(initialGz),
      target: `< ${kB(INITIAL_JS_BUDGET_BYTES.index)}`,
      pass: initialGz < INITIAL_JS_BUDGET_BYTES.index,
    });
    const analysis = scripts.analysis;
    const analysisGz = gzipped(analysis);
    rows.push({
      measure: `JS of index.html in all, gzipped, with the engine-and-timeline chunk fetched in parallel (${plural(initial.length + analysis.length)})`,
      figure: `${kB(initialGz + analysisGz)} (engine and timeline ${kB(analysisGz)})`,
      target: 'info',
      pass: null,
      note: 'the timeline needs it; it loads while the token and the record are on their way',
    });
  } catch (e) {
    rows.push({ measure: 'initial JS of index.html', figure: 'n/a', target: `< ${kB(INITIAL_JS_BUDGET_BYTES.index)}`, pass: false, note: errorText(e) });
  }
  try {
    const launch = scripts.launch;
    const launchGz = gzipped(launch);
    rows.push({ measure: `initial JS of launch.html, gzipped (${plural(launch.length)})`, figure: kB(launchGz), target: `< ${kB(INITIAL_JS_BUDGET_BYTES.launch)}`, pass: launchGz < INITIAL_JS_BUDGET_BYTES.launch });
  } catch (e) {
    rows.push({ measure: 'initial JS of launch.html', figure: 'n/a', target: `< ${kB(INITIAL_JS_BUDGET_BYTES.launch)}`, pass: false, note: errorText(e) });
  }
}
