/**
 * Review and write-back through the real sandbox: launch from the EHR, tick an option, confirm, then
 * find exactly one CarePlan and its ServiceRequest(s) on the FHIR server, also after a double click and after a
 * second launch the same day with the same choice.
 *
 * The server is checked with the app's own access token (read from fhirclient's sessionStorage state): the token
 * carries patient-level read scopes for CarePlan and ServiceRequest, so no test-only endpoint is needed.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Bundle, CarePlan, ServiceRequest } from 'fhir/r4';
import { APP_URL, launchFromEhr } from './fixtures';

const PATIENT = 'trd-two-failures';
/** The business identifier system of the write-back's CarePlan (src/fhir/writeback/build.ts). */
const CAREPLAN_SYSTEM = 'urn:trd-timeline:care-plan-draft';

test.describe.configure({ mode: 'serial' });

interface ServerAccess {
  base: string;
  token: string;
}

/** The FHIR base and bearer token of the running app session (test-only: the app never exposes them). */
async function serverAccess(page: Page): Promise<ServerAccess> {
  return page.evaluate(() => {
    const key = JSON.parse(sessionStorage.getItem('SMART_KEY') ?? 'null') as string | null;
    const state = key ? (JSON.parse(sessionStorage.getItem(key) ?? 'null') as { serverUrl: string; tokenResponse: { access_token: string } } | null) : null;
    if (!state) throw new Error('no SMART state in sessionStorage');
    return { base: state.serverUrl.replace(/\/+$/, ''), token: state.tokenResponse.access_token };
  });
}

async function search<T>(request: APIRequestContext, access: ServerAccess, query: string): Promise<T[]> {
  const response = await request.get(`${access.base}/${query}`, {
    headers: { Authorization: `Bearer ${access.token}`, Accept: 'application/fhir+json' },
  });
  expect(response.status(), `GET ${query}`).toBe(200);
  const bundle = (await response.json()) as Bundle;
  return (bundle.entry ?? []).map((entry) => entry.resource as T);
}

/** Our draft CarePlans for the patient (those carrying the write-back's identifier system). */
async function draftCarePlans(request: APIRequestContext, access: ServerAccess): Promise<CarePlan[]> {
  const plans = await search<CarePlan>(request, access, `CarePlan?patient=${PATIENT}&_count=200`);
  return plans.filter((plan) => plan.identifier?.some((identifier) => identifier.system === CAREPLAN_SYSTEM));
}

/** Opens the options tab and ticks the first option that can be ticked without an override reason. */
async function tickFirstOption(page: Page): Promise<string> {
  await page.getByRole('tab', { name: /options and care plan/i }).click();
  const box = page.locator('.option-group--suggested input[type=checkbox], .option-group--consider input[type=checkbox]').first();
  await expect(box, 'the demo patient should have at least one suggested or considered option').toBeVisible();
  const id = (await box.getAttribute('id')) ?? '';
  await box.check();
  await expect(page.getByLabel(/what will be written, in plain words/i)).toBeVisible();
  return id;
}

async function confirmWithTwoQuickClicks(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Write to the chart…' }).click();
  const confirm = page.getByRole('button', { name: 'Write a draft CarePlan to the chart' });
  await expect(confirm).toBeEnabled();
  // Two clicks in the same task, before React can re-render and disable the button: the hardest double click.
  await confirm.evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(page.getByRole('heading', { name: /draft care plan written to the chart/i })).toBeVisible({ timeout: 30_000 });
}

test('review, confirm with a double click, and find exactly one CarePlan and its ServiceRequest on the server', async ({
  page,
  request,
}) => {
  // Nothing the app prints may carry patient data: it prints nothing at all.
  const appConsole: string[] = [];
  page.on('console', (message) => {
    const source = message.location().url;
    // The browser's own favicon probe on launch.html is not app output.
    if (source.startsWith(APP_URL) && !source.endsWith('/favicon.ico')) appConsole.push(`${message.type()}: ${message.text()} (${message.location().url})`);
  });
  await launchFromEhr(page, PATIENT);
  const access = await serverAccess(page);
  const before = await draftCarePlans(request, access);

  await tickFirstOption(page);
  // The review screen with its preview, raw FHIR and confirmation open meets WCAG 2.1 AA (no serious/critical issue).
  await page.getByRole('button', { name: /show the raw fhir/i }).click();
  await page.getByRole('button', { name: 'Write to the chart…' }).click();
  const audit = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = audit.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await confirmWithTwoQuickClicks(page);

  // What the app says it wrote, in clinical words, each linked to its FHIR address; no id in the words; the read-back.
  const done = page.getByRole('heading', { name: /draft care plan written to the chart/i }).locator('..');
  const base = access.base.replace(/\/+$/, '');
  await expect(done.getByRole('link', { name: /^Draft care plan \(1 option\)$/ })).toHaveAttribute('href', new RegExp(`^${base}/CarePlan/[^/]+$`));
  await expect(done.getByRole('link', { name: /^Draft referral for .+ to the / })).toHaveAttribute('href', new RegExp(`^${base}/ServiceRequest/[^/]+$`));
  await expect(done.getByRole('link', { name: /^Provenance/ })).toHaveAttribute('href', new RegExp(`^${base}/Provenance/[^/]+$`));
  expect(await done.textContent()).not.toMatch(/(CarePlan|ServiceRequest|Provenance)\/[\w-]+/);
  await expect(done).toContainText(/read back/i);

  const plans = await draftCarePlans(request, access);
  expect(plans.length - before.length, 'exactly one new draft CarePlan').toBe(1);
  const plan = plans.find((candidate) => !before.some((old) => old.id === candidate.id))!;
  expect(plan.status).toBe('draft');
  expect(plan.intent).toBe('proposal');
  expect(plan.subject.reference).toBe(`Patient/${PATIENT}`);

  // Its ServiceRequest(s): each linked from an activity, present on the server once.
  const linked = (plan.activity ?? [])
    .map((activity) => activity.reference?.reference)
    .filter((reference): reference is string => Boolean(reference?.startsWith('ServiceRequest/')));
  expect(linked.length).toBeGreaterThanOrEqual(1);
  const requests = await search<ServiceRequest>(request, access, `ServiceRequest?patient=${PATIENT}&_count=200`);
  for (const reference of linked) {
    const matches = requests.filter((candidate) => `ServiceRequest/${candidate.id}` === reference);
    expect(matches, reference).toHaveLength(1);
    expect(matches[0]!.status).toBe('draft');
  }
  expect(appConsole, 'console output of the app').toEqual([]);
  expect(page.url(), 'no patient id in the address bar').not.toContain(PATIENT);

  // No duplicate referrals carrying the same business identifier.
  const identifiers = requests.flatMap((candidate) => (candidate.identifier ?? []).map((i) => `${i.system}|${i.value}`));
  expect(new Set(identifiers).size).toBe(identifiers.length);
});

test('a second launch the same day with the same choice finds the plan instead of writing another', async ({ page, request }) => {
  await launchFromEhr(page, PATIENT);
  const access = await serverAccess(page);
  const before = await draftCarePlans(request, access);
  expect(before.length, 'the plan written by the previous test').toBeGreaterThanOrEqual(1);

  await tickFirstOption(page);
  await confirmWithTwoQuickClicks(page);

  const after = await draftCarePlans(request, access);
  expect(after.map((plan) => plan.id).sort()).toEqual(before.map((plan) => plan.id).sort());
});

test('"Prepare another draft": a second choice after a written plan writes one more CarePlan, and the first stays listed', async ({ page, request }) => {
  await launchFromEhr(page, PATIENT);
  const access = await serverAccess(page);
  const before = await draftCarePlans(request, access);

  const first = await tickFirstOption(page);
  await confirmWithTwoQuickClicks(page);
  expect((await draftCarePlans(request, access)).length, 'the same choice as before finds its plan').toBe(before.length);

  await page.getByRole('button', { name: 'Prepare another draft' }).click();
  await expect(page.getByRole('heading', { name: 'Written earlier in this session' })).toBeVisible();
  // A different choice: add a second option to the first.
  const notFirst = `input[type=checkbox]:not([id="${first}"])`;
  const second = page.locator(`.option-group--suggested ${notFirst}, .option-group--consider ${notFirst}`).first();
  const secondId = await second.getAttribute('id');
  expect(secondId, 'the demo patient should have two options that can be ticked').not.toBe(first);
  await second.check();
  await confirmWithTwoQuickClicks(page);

  const after = await draftCarePlans(request, access);
  expect(after.length).toBe(before.length + 1);
});
