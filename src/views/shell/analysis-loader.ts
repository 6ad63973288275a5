/**
 * The analysis chunk (engine with its terminology tables, timeline page, write-back), fetched once, as early as the
 * page's first module (src/main.tsx) can ask for it, without React: the shell subscribes to its status through
 * real-services.tsx. Kept apart from the React side so the page's first module stays small.
 */
import { localIsoDate } from './calendar';
import type { AnalysisStatus } from './services';

export type Analysis = typeof import('./analysis-services');

let analysis: Analysis | null = null;
let analysisStatus: AnalysisStatus = { status: 'loading' };
let preloading = false;
const listeners = new Set<() => void>();

/**
 * Starts fetching the analysis chunk (once). `warmUpWhile` (the app's page, not tests): once it has loaded, compile
 * the engine and the timeline page on a made-up record while the patient's record is still being read (warm-up.tsx):
 * the derivation while `derive()` says the page is still waiting for the record, the render while `draw()` does.
 */
export function preloadAnalysis(options: { warmUpWhile?: { derive: () => boolean; draw: () => boolean } } = {}): void {
  if (analysis || analysisStatus.status === 'error' || preloading) return;
  preloading = true;
  import('./analysis-services').then(
    (module) => {
      analysis = module;
      analysisStatus = { status: 'ready' };
      listeners.forEach((listener) => listener());
      // After the listeners' renders: a record that has already arrived is drawn first, and the warm-up only fills
      // time the page would otherwise spend waiting.
      const { warmUpWhile } = options;
      if (warmUpWhile) setTimeout(() => module.warmUp(localIsoDate(new Date()), { worthIt: warmUpWhile.derive, worthDrawing: warmUpWhile.draw }), 0);
    },
    (error: unknown) => {
      analysisStatus = { status: 'error', error };
      listeners.forEach((listener) => listener());
    },
  );
}

/** Subscribe to the status (useSyncExternalStore's shape); subscribing starts the fetch if nobody did. */
export function subscribeToAnalysis(listener: () => void): () => void {
  listeners.add(listener);
  preloadAnalysis();
  return () => listeners.delete(listener);
}

export function analysisLoadStatus(): AnalysisStatus {
  return analysisStatus;
}

/** The loaded analysis module; the shell calls it only after the status said 'ready'. */
export function loadedAnalysis(): Analysis {
  if (!analysis) throw new Error('The analysis part of the app is not loaded yet.');
  return analysis;
}
