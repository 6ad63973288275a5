/**
 * The page-level state marker tests and benchmarks wait on (shared-decisions):
 * `document.documentElement.dataset.appState` = launching | loading | ready | error.
 */
import { useEffect } from 'react';

export type AppState = 'launching' | 'loading' | 'ready' | 'error';

export function setAppState(state: AppState): void {
  document.documentElement.dataset.appState = state;
}

/** Sets the marker after the component has rendered (so `ready` means the page is on screen). */
export function useAppState(state: AppState): void {
  useEffect(() => {
    setAppState(state);
  }, [state]);
}
