/**
 * SMART launch through the sandbox: real EHR launches (launch id, PKCE authorization, token)
 * ending on the patient's medications; a bad launch id, a denied authorization and a page opened without a launch
 * each end on a clear error page; the standalone launch goes through the authorization server's patient picker.
 */
import { expect, test } from '@playwright/test';
import { APP_URL, FHIR_BASE, SANDBOX_ORIGIN, launchFromEhr, launchFromEhrInFrame, launchStandalone, waitForAppState } from './fixtures';

test.describe('EHR launch', () => {
  test('trd-two-failures: the launch ends on the record with both failed antidepressants', async ({ page }) => {
    await launchFromEhr(page, 'trd-two-failures');
    await expect(page.getByText(/sertraline/i).first()).toBeVisible();
    await expect(page.getByText(/venlafaxine/i).first()).toBeVisible();
    // After ready() the app removes code and state from the address bar (no tokens or PHI in the URL).
    expect(new URL(page.url()).searchParams.has('code')).toBe(false);
  });

  test('mdd-responder: the launch ends on the record with escitalopram', async ({ page }) => {
    await launchFromEhr(page, 'mdd-responder');
    await expect(page.getByText(/escitalopram/i).filter({ visible: true }).first()).toBeVisible();
  });

  test('the app talks only to its own origin and the EHR\'s FHIR/auth origin', async ({ page }) => {
    const origins = new Set<string>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http')) origins.add(url.origin);
    });
    await launchFromEhr(page, 'trd-two-failures');
    expect([...origins].sort()).toEqual([APP_URL, SANDBOX_ORIGIN].sort());
  });

  test('the production app is served with a CSP that forbids inline scripts and third-party origins', async ({ request }) => {
    for (const path of ['/index.html', '/launch.html']) {
      const response = await request.get(`${APP_URL}${path}`);
      const csp = response.headers()['content-security-policy'] ?? '';
      const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
      expect(scriptSrc).toBe("script-src 'self'");
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toContain(`connect-src 'self' ${SANDBOX_ORIGIN}`);
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers()['permissions-policy']).toContain('camera=()');
    }
  });

  test('no Content-Security-Policy violation while the app runs, and the timeline details (a React style prop) are positioned', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const seen = ((window as unknown as { cspViolations?: string[] }).cspViolations ??= []);
        seen.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await launchFromEhr(page, 'trd-two-failures');
    await page.locator('.trp-condition-line .trp-link-button').first().click();
    const details = page.getByTestId('trp-details');
    await expect(details).toBeVisible();
    expect(await details.evaluate((element) => (element as HTMLElement).style.left)).toMatch(/^\d+(\.\d+)?px$/);
    expect(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])).toEqual([]);
    expect(violations).toEqual([]);
  });

  test('the app runs inside the EHR\'s frame (1024x700)', async ({ page }) => {
    const frame = await launchFromEhrInFrame(page, 'trd-two-failures');
    await expect(frame.getByText(/sertraline/i).first()).toBeVisible();
  });

  test('need_patient_banner from the EHR decides whether the app shows its own patient banner', async ({ page }) => {
    await launchFromEhr(page, 'mdd-responder');
    await expect(page.getByRole('region', { name: 'Patient' })).toBeVisible();
    await launchFromEhr(page, 'mdd-responder', { needPatientBanner: false });
    await expect(page.getByText(/escitalopram/i).filter({ visible: true }).first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Patient' })).toHaveCount(0);
  });

  test('tokens stay in sessionStorage only', async ({ page }) => {
    await launchFromEhr(page, 'mdd-one-failure');
    const storage = await page.evaluate(() => ({
      local: Object.keys(localStorage).length,
      sessionHasToken: Object.values(sessionStorage as Record<string, string>).some((value) => value.includes('access_token')),
    }));
    expect(storage.local).toBe(0);
    expect(storage.sessionHasToken).toBe(true);
  });
});

test.describe('launch failures end on a clear page', () => {
  test('a launch value the EHR never issued', async ({ page }) => {
    await page.goto(`${APP_URL}/launch.html?iss=${encodeURIComponent(FHIR_BASE)}&launch=not-a-launch-this-ehr-issued`);
    const state = await waitForAppState(page, ['ready', 'error']);
    expect(state).toBe('error');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The authorization server's own words, shown as text.
    await expect(page.getByText(/not one this EHR issued/i)).toBeVisible();
    await expect(page.getByText(/launch the app again|open the app again|relaunch/i).first()).toBeVisible();
  });

  test('the page opened directly, without a launch', async ({ page }) => {
    await page.goto(`${APP_URL}/index.html`);
    expect(await waitForAppState(page, ['ready', 'error'])).toBe('error');
    await expect(page.getByText(/without a launch|launch the app|open the app again/i).first()).toBeVisible();
  });
});

test.describe('standalone launch', () => {
  test('the authorization server asks for the patient, then the record opens', async ({ page }) => {
    await launchStandalone(page, 'trd-two-failures');
    await expect(page.getByText(/sertraline/i).first()).toBeVisible();
  });

  test('denying the authorization ends on a clear page', async ({ page }) => {
    await page.goto(`${APP_URL}/launch.html?iss=${encodeURIComponent(FHIR_BASE)}`);
    await page.getByRole('button', { name: 'Deny' }).click();
    expect(await waitForAppState(page, ['ready', 'error'])).toBe('error');
    await expect(page.getByText(/not granted|denied/i).first()).toBeVisible();
  });
});
