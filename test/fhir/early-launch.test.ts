/**
 * The launch started at page load, and the record read it starts as soon as it has a session, are handed to the hooks
 * once; later callers (a reload, tests) start their own.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueryLogEntry } from '../../src/fhir/contract';

const session = { patientId: 'p1' };
const connectSmart = vi.fn(() => Promise.resolve(session));
let emitProgress: (queries: QueryLogEntry[]) => void = () => undefined;
const readPatientRecord = vi.fn((_s: unknown, options: { onProgress: (q: QueryLogEntry[]) => void }) => {
  emitProgress = options.onProgress;
  return new Promise(() => undefined);
});
vi.mock('../../src/fhir/smart', () => ({ connectSmart }));
vi.mock('../../src/fhir/read', () => ({ readPatientRecord }));

const entry = (resourceType: string) => ({ resourceType, query: `${resourceType}?patient=p1`, status: 'loading' }) as unknown as QueryLogEntry;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  vi.resetModules();
  connectSmart.mockClear();
  readPatientRecord.mockClear();
});

describe('early launch', () => {
  it('starts one launch, however often it is asked, and hands it over once', async () => {
    const { startLaunchEarly, takeEarlyLaunch } = await import('../../src/fhir/early-launch');
    expect(takeEarlyLaunch()).toBeNull();
    void startLaunchEarly();
    void startLaunchEarly();
    expect(connectSmart).toHaveBeenCalledOnce();
    await expect(takeEarlyLaunch()).resolves.toBe(session);
    expect(takeEarlyLaunch()).toBeNull();
  });

  it('an early failure is not an unhandled rejection before it is taken, reaches the taker, and starts no read', async () => {
    connectSmart.mockImplementationOnce(() => Promise.reject(new Error('no launch state')));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const { startLaunchEarly, takeEarlyLaunch } = await import('../../src/fhir/early-launch');
    void startLaunchEarly();
    await settle();
    expect(unhandled).not.toHaveBeenCalled();
    await expect(takeEarlyLaunch()).rejects.toThrow('no launch state');
    expect(readPatientRecord).not.toHaveBeenCalled();
    process.off('unhandledRejection', unhandled);
  });

  it('starts the record read with the session, replays its progress so far to the taker, then forwards the rest', async () => {
    const { startLaunchEarly, takeEarlyRead } = await import('../../src/fhir/early-launch');
    void startLaunchEarly();
    await settle();
    expect(readPatientRecord).toHaveBeenCalledOnce();
    expect(readPatientRecord.mock.calls[0]![0]).toBe(session);
    emitProgress([entry('Condition')]);

    expect(takeEarlyRead({ patientId: 'p1' } as never, vi.fn()), 'another session object is not this launch').toBeNull();
    const onProgress = vi.fn();
    expect(takeEarlyRead(session as never, onProgress)).toBeInstanceOf(Promise);
    expect(onProgress).toHaveBeenLastCalledWith([entry('Condition')]);
    emitProgress([entry('Condition'), entry('Observation')]);
    expect(onProgress).toHaveBeenLastCalledWith([entry('Condition'), entry('Observation')]);
    expect(takeEarlyRead(session as never, vi.fn()), 'taken once').toBeNull();
  });

  it('says when the launch’s requests have left: after the record read started, or at once when the launch failed', async () => {
    const { startLaunchEarly } = await import('../../src/fhir/early-launch');
    const sent = vi.fn();
    void startLaunchEarly().then(sent);
    await Promise.resolve();
    expect(sent).not.toHaveBeenCalled();
    await settle();
    await settle();
    expect(readPatientRecord).toHaveBeenCalledOnce();
    expect(sent).toHaveBeenCalledOnce();
    expect(readPatientRecord.mock.invocationCallOrder[0]).toBeLessThan(sent.mock.invocationCallOrder[0]!);

    vi.resetModules();
    connectSmart.mockImplementationOnce(() => Promise.reject(new Error('no launch state')));
    const again = await import('../../src/fhir/early-launch');
    await expect(again.startLaunchEarly()).resolves.toBeUndefined();
    await expect(again.takeEarlyLaunch()).rejects.toThrow('no launch state');
  });

  it('says the EHR has begun answering the record read once a query has a page or an outcome, not before', async () => {
    const { startLaunchEarly, earlyReadAnswering } = await import('../../src/fhir/early-launch');
    expect(earlyReadAnswering()).toBe(false);
    void startLaunchEarly();
    await settle();
    const query = (status: QueryLogEntry['status'], pages: number) => ({ ...entry('Condition'), status, pages, count: pages });
    emitProgress([query('pending', 0), query('pending', 0)]);
    expect(earlyReadAnswering()).toBe(false);
    emitProgress([query('pending', 1), query('pending', 0)]);
    expect(earlyReadAnswering()).toBe(true);

    vi.resetModules();
    const again = await import('../../src/fhir/early-launch');
    void again.startLaunchEarly();
    await settle();
    emitProgress([query('pending', 0), query('failed', 0)]);
    expect(again.earlyReadAnswering()).toBe(true);
  });

  it('says the record read is under way from its start until it ends, and not before it started', async () => {
    let finish: (value: unknown) => void = () => undefined;
    readPatientRecord.mockImplementationOnce((_s, options) => {
      emitProgress = options.onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    const { startLaunchEarly, earlyReadUnderWay } = await import('../../src/fhir/early-launch');
    expect(earlyReadUnderWay()).toBe(false);
    void startLaunchEarly();
    await settle();
    expect(earlyReadUnderWay()).toBe(true);
    emitProgress([{ ...entry('Condition'), status: 'done', pages: 1, count: 1 }]);
    expect(earlyReadUnderWay()).toBe(true);
    finish({ queries: [] });
    await settle();
    expect(earlyReadUnderWay()).toBe(false);
  });

  it('says no record read is under way when the launch failed', async () => {
    connectSmart.mockImplementationOnce(() => Promise.reject(new Error('no launch state')));
    const { startLaunchEarly, earlyReadUnderWay, takeEarlyLaunch } = await import('../../src/fhir/early-launch');
    await startLaunchEarly();
    expect(earlyReadUnderWay()).toBe(false);
    await expect(takeEarlyLaunch()).rejects.toThrow('no launch state');
  });
});
