/** One launch through a sandbox in headless Chromium, timed from the EHR's launch to the page's `ready` mark. */
import { errorText } from './report';
import type { Sandbox } from './sandboxes';
import type { LaunchMeasure, LaunchPhases } from './launch-phases';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Chromium's own start-up work that is not any page's: this Chromium preloads its omnibox popup (a web page of its own
 * UI, in a renderer of its own) for every new profile, and each launch here runs in a new profile. That renderer kept
 * one of the two cores busy for most of every launch (by trace: 350-800 ms of script and layout in a 450-800 ms
 * launch), the bare client's as much as the app's; a clinician's browser has its window open long before a launch.
 */
const CHROMIUM_OWN_UI_OFF =
  '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,AimPopup,OmniboxAimPopupWebUIContent';

/** Headless Chromium as every launch row runs it. */
export async function openBrowser(): Promise<import('playwright-core').Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', CHROMIUM_OWN_UI_OFF],
  });
}

/** Sets the latency `target` adds to every EHR request. */
export async function setLatency(target: Sandbox, latencyMs: number): Promise<void> {
  const set = await fetch(`${target.origin}/__faults`, { method: 'POST', body: JSON.stringify({ latencyMs }) });
  if (!set.ok) throw new Error(`could not set ${latencyMs} ms latency: HTTP ${set.status}`);
}

/**
 * One launch of `patientId` through `target` (the app's sandbox, or the bare client's), in a new browser profile
 * (a first launch of the day) or in `context` (scripts from the HTTP cache, as for a clinician who opened the app
 * before). The time runs from the EHR's launch request (the Launch button's form POST) to the page's
 * `app-state:ready` User Timing mark, both read from the browser's clock; the benchmark only looks every 100 ms,
 * so neither Playwright's pre-click checks nor its waiting add to the figure or compete with the page for the
 * processor.
 */
export async function launchThrough(
  chromiumBrowser: import('playwright-core').Browser,
  target: Sandbox,
  patientId: string,
  context?: import('playwright-core').BrowserContext,
): Promise<LaunchMeasure> {
  const { origin, appOrigin } = target;
  const ownContext = context ?? (await chromiumBrowser.newContext());
  const page = await ownContext.newPage();
  try {
    await page.goto(`${origin}/ehr`);
    const row = page.locator(`tr[data-patient-id="${patientId}"]`);
    await row.waitFor({ timeout: 15_000 });
    const requests: LaunchMeasure['requests'] = [];
    let launchRequest: import('playwright-core').Request | null = null;
    page.on('request', (r) => {
      const url = r.url();
      if (url === `${origin}/ehr/launch` && r.method() === 'POST') launchRequest = r;
      else if (url.startsWith(`${origin}/fhir`) || url.startsWith(`${origin}/auth`)) {
        requests.push({ method: r.method(), url: url.slice(origin.length), navigation: r.isNavigationRequest() });
      }
    });
    await fetch(`${origin}/__stats/reset`, { method: 'POST' });
    let state = '?';
    let readyAt: number | null = null;
    try {
      await row.getByRole('button', { name: 'Launch', exact: true }).click();
      await page.waitForURL((u) => u.origin === appOrigin && !u.pathname.endsWith('launch.html'), { timeout: 60_000 });
      const deadline = Date.now() + 60_000;
      for (;;) {
        const seen = await page.evaluate(() => {
          const current = document.documentElement.dataset.appState ?? '?';
          const mark = performance.getEntriesByName(`app-state:${current}`, 'mark')[0];
          return { current, at: mark ? performance.timeOrigin + mark.startTime : null };
        });
        state = seen.current;
        if ((state === 'ready' || state === 'error') && seen.at !== null) {
          readyAt = seen.at;
          break;
        }
        if (Date.now() > deadline) throw new Error(`still "${state}" after 60 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } catch (e) {
      const text = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
      throw new Error(`${errorText(e)} at ${page.url().split('?')[0]}: "${text}"`, { cause: e });
    }
    const launchedAt = (launchRequest as import('playwright-core').Request | null)?.timing().startTime;
    if (launchedAt === undefined || !(launchedAt > 0)) throw new Error('the EHR launch request was not seen');
    // Where the time went, from index.html's own timings (ms since its navigation began at the authorization
    // redirect, which launch.html started).
    const timings = await page.evaluate(() => {
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const token = resources.find((r) => r.name.includes('/auth/token'));
      const reads = resources.filter((r) => r.name.includes('/fhir/'));
      return {
        origin: performance.timeOrigin,
        tokenStart: token?.startTime ?? NaN,
        tokenEnd: token?.responseEnd ?? NaN,
        readsStart: reads.length ? Math.min(...reads.map((r) => r.startTime)) : NaN,
        readsEnd: reads.length ? Math.max(...reads.map((r) => r.responseEnd)) : NaN,
      };
    });
    const phases: LaunchPhases = {
      launchPage: timings.origin - launchedAt,
      toToken: timings.tokenStart,
      token: timings.tokenEnd - timings.tokenStart,
      toReads: timings.readsStart - timings.tokenEnd,
      reads: timings.readsEnd - timings.readsStart,
      toTimeline: readyAt - timings.origin - timings.readsEnd,
    };
    const stats = (await (await fetch(`${origin}/__stats`)).json()) as LaunchMeasure['stats'];
    return { ms: readyAt - launchedAt, state, requests, stats, phases };
  } finally {
    if (context) await page.close();
    else await ownContext.close();
  }
}
