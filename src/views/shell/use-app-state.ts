/** The page-level state marker (app-state.ts) as a hook, kept apart so that index.html's first module loads no React. */
import { useEffect } from 'react';
import { setAppState, type AppState } from './app-state';

/** Sets the marker after the component has rendered (so `ready` means the page is on screen). */
export function useAppState(state: AppState): void {
  useEffect(() => {
    setAppState(state);
  }, [state]);
}
