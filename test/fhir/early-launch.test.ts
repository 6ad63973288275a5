/** The launch started at page load is handed to useSmartSession once; later callers connect themselves. */
import { describe, expect, it, vi } from 'vitest';

const connectSmart = vi.fn(() => Promise.resolve({ patientId: 'p1' }));
vi.mock('../../src/fhir/smart', () => ({ connectSmart }));

describe('early launch', () => {
  it('starts one launch, however often it is asked, and hands it over once', async () => {
    const { startLaunchEarly, takeEarlyLaunch } = await import('../../src/fhir/early-launch');
    expect(takeEarlyLaunch()).toBeNull();
    startLaunchEarly();
    startLaunchEarly();
    expect(connectSmart).toHaveBeenCalledOnce();
    await expect(takeEarlyLaunch()).resolves.toEqual({ patientId: 'p1' });
    expect(takeEarlyLaunch()).toBeNull();
  });

  it('an early failure is not an unhandled rejection before it is taken, and reaches the taker', async () => {
    vi.resetModules();
    connectSmart.mockImplementationOnce(() => Promise.reject(new Error('no launch state')));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const { startLaunchEarly, takeEarlyLaunch } = await import('../../src/fhir/early-launch');
    startLaunchEarly();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unhandled).not.toHaveBeenCalled();
    await expect(takeEarlyLaunch()).rejects.toThrow('no launch state');
    process.off('unhandledRejection', unhandled);
  });
});
