/**
 * The SMART launch of index.html, started by the page's first module: the token request leaves as soon as the
 * page's modules have been evaluated, while the analysis chunk is still loading, instead of after React's first render.
 * `useSmartSession` takes the started launch once; without one (tests, a second mount) it connects itself.
 */
import type { SmartSession } from './contract';
import { connectSmart } from './smart';

let started: Promise<SmartSession> | null = null;

export function startLaunchEarly(): void {
  if (started) return;
  started = connectSmart();
  // Its outcome is handled where it is taken; this only keeps an early failure from counting as unhandled meanwhile.
  started.catch(() => undefined);
}

/** The launch started at page load, once; null when none was started or it was already taken. */
export function takeEarlyLaunch(): Promise<SmartSession> | null {
  const launch = started;
  started = null;
  return launch;
}
