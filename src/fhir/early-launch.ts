/**
 * The SMART launch of index.html, started by the page's first module (src/main.tsx): the token request leaves before
 * React, the views and the engine are even fetched, instead of after React's first render.
 * Once the launch has a session, the record read starts at once too, without waiting for React to render that session.
 * `useSmartSession` and `usePatientRecord` take what was started, once; without it (tests, a reload) they start their own.
 */
import type { PatientReadResult, QueryLogEntry, SmartSession } from './contract';
import { readPatientRecord } from './read';
import { connectSmart } from './smart';

type ProgressListener = (queries: QueryLogEntry[]) => void;

/** Progress of a read nobody listens to yet: the latest is kept and replayed to whoever takes the read. */
interface ProgressRelay {
  latest: QueryLogEntry[];
  listener: ProgressListener | null;
}

interface StartedRead {
  session: SmartSession;
  result: Promise<PatientReadResult>;
  progress: ProgressRelay;
}

let started: Promise<SmartSession> | null = null;
let startedRead: StartedRead | null = null;
let requestsSent: Promise<void> | null = null;
let answering = false;
let readStarted = false;
let readSettled = false;

/**
 * Starts the launch, once. Resolves (never rejects) when the launch's own requests have left: one task after the
 * record read started (its fetches are issued by then), or as soon as the launch failed (there is nothing more to send).
 */
export function startLaunchEarly(): Promise<void> {
  if (requestsSent) return requestsSent;
  const launch = connectSmart();
  started = launch;
  // A failure is handled where the launch is taken; the rejection handler here only keeps it from counting as
  // unhandled meanwhile.
  requestsSent = launch.then(
    (session) => {
      startReadEarly(session);
      return new Promise<void>((resolve) => setTimeout(resolve, 0));
    },
    () => undefined,
  );
  return requestsSent;
}

function startReadEarly(session: SmartSession): void {
  const progress: ProgressRelay = { latest: [], listener: null };
  readStarted = true;
  const result = readPatientRecord(session, {
    onProgress: (queries) => {
      progress.latest = queries;
      answering ||= queries.some((query) => query.status !== 'pending' || query.pages > 0);
      progress.listener?.(queries);
    },
  });
  const settled = () => {
    readSettled = true;
  };
  result.then(settled, settled);
  startedRead = { session, result, progress };
}

/**
 * Whether the EHR has begun answering the record read started at page load (a query has a page or an outcome). From
 * then on the rest of the record is close, and work the page could leave out (the warm-up) would only compete with the
 * remaining answers for the processor.
 */
export function earlyReadAnswering(): boolean {
  return answering;
}

/**
 * Whether the record read started at page load is still under way (started, not yet ended): the page is waiting for
 * the EHR's answers.
 */
export function earlyReadUnderWay(): boolean {
  return readStarted && !readSettled;
}

/** The launch started at page load, once; null when none was started or it was already taken. */
export function takeEarlyLaunch(): Promise<SmartSession> | null {
  const launch = started;
  started = null;
  return launch;
}

/**
 * The record read started for this very session, once, with its progress so far replayed to `onProgress` and the
 * rest forwarded; null when none was started for it or it was already taken.
 */
export function takeEarlyRead(session: SmartSession, onProgress: ProgressListener): Promise<PatientReadResult> | null {
  const read = startedRead;
  if (!read || read.session !== session) return null;
  startedRead = null;
  read.progress.listener = onProgress;
  if (read.progress.latest.length > 0) onProgress(read.progress.latest);
  return read.result;
}
