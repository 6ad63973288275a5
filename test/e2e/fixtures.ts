/**
 * Shared helpers for the Playwright specs. The sandbox is started by playwright.config.ts.
 *
 *   launchFromEhr(page, 'trd-two-failures')          EHR page -> Launch -> SMART EHR launch -> app state `ready`
 *   launchFromEhr(page, id, { expect: 'error' })     same, but the launch is expected to end on an error page
 *   launchStandalone(page, id)                       launch.html?iss=... -> patient picker -> `ready`
 *   waitForAppState(page, ['ready', 'error'])        the app's `document.documentElement.dataset.appState`
 *   setFaults(request, {...}) / clearFaults(request) sandbox fault injection (sandbox/faults.ts for the shape)
 *   sandboxStats / resetStats / reloadSandboxData / sandboxSearch(request, 'CarePlan?subject=Patient/x')
 */
import { expect, type APIRequestContext, type FrameLocator, type Page } from '@playwright/test';
import type { FaultConfig } from '../../sandbox/faults';

export type { FaultConfig };

const sandboxPort = process.env.E2E_SANDBOX_PORT ?? '4110';
const appPort = process.env.E2E_APP_PORT ?? '4173';

export const SANDBOX_ORIGIN = `http://127.0.0.1:${sandboxPort}`;
export const FHIR_BASE = `${SANDBOX_ORIGIN}/fhir`;
const EHR_URL = `${SANDBOX_ORIGIN}/ehr`;
export const APP_URL = `http://127.0.0.1:${appPort}`;
const STANDALONE_URL = `${APP_URL}/launch.html?iss=${encodeURIComponent(FHIR_BASE)}`;

export type AppState = 'launching' | 'loading' | 'ready' | 'error';

export interface LaunchOptions {
  /** Untick "app shows patient banner" on the EHR page (need_patient_banner: false). */
  needPatientBanner?: boolean;
  /** The app state the launch must end in (default `ready`); `none` returns right after pressing Launch. */
  expect?: AppState | 'ready-or-error' | 'none';
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 45_000;

/** Opens the sandbox's EHR page and launches the demo patient through the real SMART EHR launch. */
export async function launchFromEhr(page: Page, patientId: string, options: LaunchOptions = {}): Promise<void> {
  await page.goto(EHR_URL);
  const row = page.locator(`tr[data-patient-id="${patientId}"]`);
  await expect(row, `demo patient ${patientId} is listed on the EHR page`).toHaveCount(1);
  if (options.needPatientBanner === false) await row.getByLabel(/patient banner/i).uncheck();
  await row.getByRole('button', { name: 'Launch', exact: true }).click();
  await settle(page, options);
}

/**
 * "Launch in frame" on the EHR page: the app runs inside the EHR's 1024x700 iframe (as EHRs embed apps).
 * Returns the frame once the app in it reports `ready` (or the state asked for).
 */
export async function launchFromEhrInFrame(page: Page, patientId: string, options: LaunchOptions = {}): Promise<FrameLocator> {
  await page.goto(EHR_URL);
  const row = page.locator(`tr[data-patient-id="${patientId}"]`);
  await expect(row, `demo patient ${patientId} is listed on the EHR page`).toHaveCount(1);
  await row.getByRole('button', { name: 'Launch in frame', exact: true }).click();
  const frame = page.frameLocator('iframe[title="TRD timeline app"]');
  const wanted = options.expect ?? 'ready';
  if (wanted !== 'none') {
    const pattern = wanted === 'ready-or-error' ? /^(ready|error)$/ : new RegExp(`^${wanted}$`);
    await expect(frame.locator('html')).toHaveAttribute('data-app-state', pattern, { timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  }
  return frame;
}

/** Standalone launch: the app starts from the FHIR base only and the authorization server asks for the patient. */
export async function launchStandalone(page: Page, patientId: string, options: LaunchOptions = {}): Promise<void> {
  await page.goto(STANDALONE_URL);
  const choice = page.locator(`input[name="patient"][value="${patientId}"]`);
  await expect(choice, 'the authorization server shows its patient picker').toBeVisible({ timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  await choice.check();
  await page.getByRole('button', { name: /allow and open/i }).click();
  await settle(page, options);
}

async function settle(page: Page, options: LaunchOptions): Promise<void> {
  const wanted = options.expect ?? 'ready';
  if (wanted === 'none') return;
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const finalStates: AppState[] = wanted === 'launching' || wanted === 'loading' ? [wanted] : ['ready', 'error'];
  const state = await waitForAppState(page, finalStates, timeout);
  if (wanted === 'ready-or-error' || state === wanted) return;
  const text = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 600);
  throw new Error(`the launch ended in app state "${state}", expected "${wanted}". Page text: ${text}`);
}

/** Waits until the app (on the app's own origin) reports one of the states; returns the state reached. */
export async function waitForAppState(page: Page, states: AppState[], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<AppState> {
  await page.waitForURL((url) => url.origin === APP_URL, { timeout: timeoutMs });
  const pattern = new RegExp(`^(${states.join('|')})$`);
  await expect(page.locator('html'), `app state one of ${states.join(', ')}`).toHaveAttribute('data-app-state', pattern, { timeout: timeoutMs });
  return (await page.locator('html').getAttribute('data-app-state')) as AppState;
}

// ---- sandbox controls (test-only endpoints; the app never calls them) ----

export async function setFaults(request: APIRequestContext, faults: FaultConfig): Promise<void> {
  const response = await request.post(`${SANDBOX_ORIGIN}/__faults`, { data: faults });
  expect(response.status(), `fault config accepted: ${await response.text()}`).toBe(200);
}

export async function clearFaults(request: APIRequestContext): Promise<void> {
  await setFaults(request, {});
}

export interface SandboxStats {
  total: number;
  byResourceType: Record<string, number>;
  byMethod: Record<string, number>;
  errors: number;
}

export async function sandboxStats(request: APIRequestContext): Promise<SandboxStats> {
  return (await (await request.get(`${SANDBOX_ORIGIN}/__stats`)).json()) as SandboxStats;
}

export async function resetStats(request: APIRequestContext): Promise<void> {
  await request.post(`${SANDBOX_ORIGIN}/__stats/reset`);
}

