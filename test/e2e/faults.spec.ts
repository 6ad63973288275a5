/**
 * The app under injected server faults: for each fault it ends in a stated, visible state (the
 * record with a notice naming the resource type that could not be read, or a clear error page), keeps what it read,
 * and never hangs. Faults are switched on the running sandbox through POST /__faults (sandbox/faults.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { clearFaults, launchFromEhr, resetStats, sandboxStats, setFaults } from './fixtures';

const PATIENT = 'trd-two-failures';

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ request }) => {
  await clearFaults(request);
  await resetStats(request);
});
test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

function readNotice(page: Page) {
  return page.locator('section.notice', { has: page.getByRole('heading', { name: /could not be read/i }) });
}

/** What was read is still on the page: the patient's antidepressants. */
async function expectRecordShown(page: Page): Promise<void> {
  await expect(page.getByText(/sertraline/i).first()).toBeVisible();
}

test('500 on one resource type: the record shows, with a notice naming MedicationDispense', async ({ page, request }) => {
  await setFaults(request, { failType: { MedicationDispense: 500 } });
  await launchFromEhr(page, PATIENT);
  await expect(readNotice(page)).toContainText(/MedicationDispense could not be read/);
  await expectRecordShown(page);
});

test('429 with Retry-After: the app waits, retries and reads everything', async ({ page, request }) => {
  await setFaults(request, { rateLimit: { Observation: { times: 2, retryAfterSeconds: 1 } } });
  await launchFromEhr(page, PATIENT);
  await expectRecordShown(page);
  await expect(readNotice(page)).toHaveCount(0);
  const stats = await sandboxStats(request);
  // Two refused requests plus the successful retries.
  expect(stats.byResourceType.Observation ?? 0).toBeGreaterThanOrEqual(3);
});

test('a stalled resource type: the app stops waiting and names Procedure in a notice', async ({ page, request }) => {
  await setFaults(request, { stall: { Procedure: true } });
  await launchFromEhr(page, PATIENT, { timeoutMs: 80_000 });
  await expect(readNotice(page)).toContainText(/Procedure/);
  await expectRecordShown(page);
});

test('a next link that repeats: Condition is kept as read and named in a notice', async ({ page, request }) => {
  await setFaults(request, { repeatNextLink: ['Condition'] });
  await launchFromEhr(page, PATIENT);
  await expect(readNotice(page)).toContainText(/Condition (could not be read|was read only in part)/);
  await expectRecordShown(page);
});

test('a page of invalid JSON: AllergyIntolerance is named in a notice', async ({ page, request }) => {
  await setFaults(request, { invalidJson: ['AllergyIntolerance'] });
  await launchFromEhr(page, PATIENT);
  await expect(readNotice(page)).toContainText(/AllergyIntolerance/);
  await expectRecordShown(page);
});

test('HTML instead of JSON: Device is named in a notice', async ({ page, request }) => {
  await setFaults(request, { htmlInsteadOfJson: ['Device'] });
  await launchFromEhr(page, PATIENT);
  await expect(readNotice(page)).toContainText(/Device/);
  await expectRecordShown(page);
});

test('a token that expires mid-read: the app refreshes it and reads the whole record', async ({ page, request }) => {
  await setFaults(request, { expireTokenAfterRequests: 4 });
  await launchFromEhr(page, PATIENT);
  await expectRecordShown(page);
  await expect(readNotice(page)).toHaveCount(0);
  const stats = await sandboxStats(request);
  expect(stats.errors, 'some requests met the expired token').toBeGreaterThan(0);
});

test('a token that expires mid-read and cannot be refreshed: a clear session-expired page', async ({ page, request }) => {
  await setFaults(request, { expireTokenAfterRequests: 4, refuseRefresh: true });
  await launchFromEhr(page, PATIENT, { expect: 'error' });
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/session/i);
  await expect(page.getByText(/open the app again|launch the app again|relaunch/i).first()).toBeVisible();
});
