/**
 * index.html opened directly, with fhirclient's real ready(). Own file: fhirclient caches the page URL per load.
 */
import { expect, it, vi } from 'vitest';
import { explainError } from '../../src/fhir/errors';
import { connectSmart } from '../../src/fhir/smart';

it('index.html opened directly (no launch state) gives the "not launched from the EHR" explanation, silently', async () => {
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
  sessionStorage.clear();
  window.history.replaceState(null, '', '/index.html');
  const error = await connectSmart().catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'LaunchError', kind: 'no-launch-state', title: 'The app was not launched from the EHR' });
  expect(explainError(error).howToRelaunch).toBe('Close this window and open the app again from the patient’s chart in the EHR.');
  for (const spy of spies) expect(spy).not.toHaveBeenCalled();
});
