/**
 * The page-level state marker tests and benchmarks wait on:
 * `document.documentElement.dataset.appState` = launching | loading | ready | error.
 * Each change is also a User Timing mark (`app-state:ready`, …): the benchmark reads when the page got there from the
 * browser's own clock instead of polling for it (no patient data in a mark's name).
 * Free of React: index.html's first module sets the marker before React is loaded (the hook is use-app-state.ts).
 */

export type AppState = 'launching' | 'loading' | 'ready' | 'error';

export function setAppState(state: AppState): void {
  if (document.documentElement.dataset.appState === state) return;
  document.documentElement.dataset.appState = state;
  performance.mark(`app-state:${state}`);
}
