/**
 * Reads everything the app needs for the launched patient, in parallel, every page, and never hangs.
 *
 * - One failing query (403, 404, 500, HTML, invalid JSON, an OperationOutcome, a malformed Bundle) is recorded
 *   in its QueryLogEntry (`failed`, or `partial` when some pages were read) and the others go on.
 * - Paging follows `link[relation=next]`; a next link that repeats, a page that only repeats earlier results,
 *   a next link to another server, and more than `maxPages` pages each stop that query with a notice.
 * - Referenced Medications (not contained) are fetched afterwards in `_id=a,b,c` batches, not one by one.
 * - The whole read is bounded (`deadlineMs`): when it passes, outstanding requests are aborted and what was read
 *   is returned with the unfinished queries marked.
 * - A 401 that cannot be refreshed stops everything: the promise rejects with SessionExpiredError carrying
 *   `partialResult` (what had been read), so the page can ask for a relaunch without losing it.
 */
import type { Resource } from 'fhir/r4';
import type { PatientReadResult, QueryLogEntry, SmartSession } from './contract';
import { FhirNetworkError, SessionExpiredError } from './errors';
import { describeHttpError, describeUnreadableBody, formatDuration, operationOutcomeText } from './http';
import { FALLBACK_PAGE_SIZE, medicationBatchQueries, plannedSearches, type PlannedQuery } from './queries';

export interface ReadOptions {
  /** Called with a fresh snapshot of every query's state after each page and status change. */
  onProgress?: (queries: QueryLogEntry[]) => void;
  /** Stops the read from outside (e.g. the page is left). */
  signal?: AbortSignal;
  /** Bound of the whole read. */
  deadlineMs?: number;
  /** Most pages followed per query (a server whose paging never ends must not keep us busy). */
  maxPages?: number;
}

const DEFAULT_READ_DEADLINE_MS = 60_000;
const DEFAULT_MAX_PAGES = 100;

type ReadSession = Pick<SmartSession, 'patientId' | 'http' | 'fhirBaseUrl'>;

const MEDICATION_USERS = new Set(['MedicationStatement', 'MedicationRequest', 'MedicationDispense']);

export async function readPatientRecord(
  session: ReadSession,
  optionsOrProgress: ReadOptions | ReadOptions['onProgress'] = {},
): Promise<PatientReadResult> {
  const options: ReadOptions =
    typeof optionsOrProgress === 'function' ? { onProgress: optionsOrProgress } : optionsOrProgress ?? {};
  const deadlineMs = options.deadlineMs ?? DEFAULT_READ_DEADLINE_MS;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const baseUrl = session.fhirBaseUrl.replace(/\/+$/, '');

  const controller = new AbortController();
  let stopReason: 'deadline' | 'outside' | 'session' | null = null;
  const stop = (reason: 'deadline' | 'outside' | 'session') => {
    stopReason ??= reason;
    controller.abort();
  };
  const deadline = setTimeout(() => stop('deadline'), deadlineMs);
  const onOuterAbort = () => stop('outside');
  if (options.signal?.aborted) stop('outside');
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });

  const resources = new Map<string, Resource>();
  const log: QueryLogEntry[] = [];
  let sessionExpired: SessionExpiredError | null = null;
  let patient: PatientReadResult['patient'] = null;

  const emit = () => options.onProgress?.(log.map((entry) => ({ ...entry })));
  const newEntry = (planned: PlannedQuery): QueryLogEntry => {
    const entry: QueryLogEntry = { ...planned, status: 'pending', count: 0, pages: 0 };
    log.push(entry);
    return entry;
  };

  /** Why a request ended without an HTTP answer, in plain words. */
  const describeFailure = (error: unknown): string => {
    if (stopReason === 'deadline') return `stopped: the whole read took longer than ${formatDuration(deadlineMs)}`;
    if (stopReason === 'session') return 'stopped: the session expired';
    if (stopReason === 'outside') return 'stopped: the read was cancelled';
    if (error instanceof Error) return error.message;
    return 'unexpected error';
  };

  const finish = (entry: QueryLogEntry, error: string, httpStatus?: number) => {
    entry.status = entry.pages > 0 ? 'partial' : 'failed';
    entry.error = error;
    if (httpStatus !== undefined) entry.httpStatus = httpStatus;
    emit();
  };

  /**
   * GET one URL; returns the parsed body, or null after recording the failure in `entry`. `smallerPage`: the same
   * search with a smaller `_count`, asked once if the server refuses the first (400/422).
   */
  async function get(entry: QueryLogEntry, url: string, smallerPage?: string): Promise<Record<string, unknown> | null> {
    if (controller.signal.aborted) {
      finish(entry, describeFailure(null));
      return null;
    }
    try {
      let response = await session.http.send({ method: 'GET', url, signal: controller.signal });
      if (smallerPage && (response.status === 400 || response.status === 422)) {
        response = await session.http.send({ method: 'GET', url: smallerPage, signal: controller.signal });
      }
      if (response.status >= 400) {
        finish(entry, describeHttpError(response), response.status);
        return null;
      }
      if (!isRecord(response.body)) {
        finish(entry, describeUnreadableBody(response), response.status);
        return null;
      }
      return response.body;
    } catch (error) {
      if (error instanceof SessionExpiredError) {
        sessionExpired ??= error;
        finish(entry, 'session expired (401)', 401);
        stop('session');
        return null;
      }
      // Log entries are phrases (the panel adds its own punctuation): no trailing full stop.
      const reason = error instanceof FhirNetworkError && error.kind !== 'aborted' ? error.message : describeFailure(error);
      finish(entry, reason.replace(/\.$/, ''));
      return null;
    }
  }

  /** Follow one search through all its pages. */
  async function runSearch(planned: PlannedQuery, entry = newEntry(planned)): Promise<QueryLogEntry> {
    const seenHere = new Set<string>();
    const fetched = new Set<string>();
    let skipped = 0;
    let url: string | null = planned.query;

    while (url) {
      if (entry.pages >= maxPages) {
        finish(entry, `stopped after ${maxPages} pages; later pages were not read`);
        return entry;
      }
      fetched.add(absolute(url, baseUrl));
      const body = await get(entry, url, entry.pages === 0 ? withSmallerPage(url) : undefined);
      if (!body) return entry;
      if (body.resourceType !== 'Bundle') {
        const outcome = operationOutcomeText(body);
        finish(entry, outcome ? `the server answered with an error: ${outcome}` : 'the answer was not a search result (Bundle)');
        return entry;
      }
      if (body.entry !== undefined && !Array.isArray(body.entry)) {
        finish(entry, 'malformed search result: "entry" is not a list');
        return entry;
      }
      const entries: unknown[] = Array.isArray(body.entry) ? body.entry : [];
      let newHere = 0;
      for (const item of entries) {
        const resource: unknown = isRecord(item) ? item.resource : undefined;
        if (!isRecord(resource) || typeof resource.resourceType !== 'string') {
          skipped += 1;
          continue;
        }
        // Search-outcome warnings are about the query, not the patient.
        if (resource.resourceType === 'OperationOutcome') continue;
        if (typeof resource.id !== 'string' || !resource.id) {
          skipped += 1;
          continue;
        }
        const key = `${resource.resourceType}/${resource.id}`;
        if (!seenHere.has(key)) {
          seenHere.add(key);
          newHere += 1;
        }
        if (!resources.has(key)) resources.set(key, resource as unknown as Resource);
      }
      entry.pages += 1;
      entry.count = seenHere.size;
      emit();

      const next = nextLink(body);
      if (!next) {
        const total = typeof body.total === 'number' ? body.total : undefined;
        if (entry.pages === 1 && entries.length === 0 && total !== undefined && total > 0) {
          finish(entry, `the server reported ${total} results but sent none`);
          return entry;
        }
        break;
      }
      if (fetched.has(absolute(next, baseUrl))) {
        finish(entry, 'the server’s next-page link repeated a page already read; stopped there');
        return entry;
      }
      if (entries.length > 0 && newHere === 0) {
        finish(entry, 'a page only repeated earlier results; stopped following next-page links');
        return entry;
      }
      url = next;
    }

    if (skipped > 0) {
      finish(entry, `${skipped} ${skipped === 1 ? 'entry' : 'entries'} without a resource type or id could not be used`);
      return entry;
    }
    entry.status = 'done';
    emit();
    return entry;
  }

  async function readPatient(entry: QueryLogEntry): Promise<void> {
    const body = await get(entry, entry.query);
    if (!body) return;
    if (body.resourceType !== 'Patient' || typeof body.id !== 'string') {
      const outcome = operationOutcomeText(body);
      finish(entry, outcome ? `the server answered with an error: ${outcome}` : 'the answer was not a Patient');
      return;
    }
    patient = body as unknown as NonNullable<PatientReadResult['patient']>;
    resources.set(`Patient/${body.id}`, patient);
    entry.pages = 1;
    entry.count = 1;
    entry.status = 'done';
    emit();
  }

  /** Fetch the Medications that medication resources point to and that were not read yet, in batches. */
  async function readReferencedMedications(): Promise<void> {
    const wanted = new Set<string>();
    for (const resource of resources.values()) {
      if (!MEDICATION_USERS.has(resource.resourceType)) continue;
      const id = medicationIdOf(resource, baseUrl);
      if (id && !resources.has(`Medication/${id}`)) wanted.add(id);
    }
    if (wanted.size === 0 || controller.signal.aborted) return;
    const batchEntries = medicationBatchQueries([...wanted]).map((planned) => ({ planned, entry: newEntry(planned) }));
    emit();
    const entries = await Promise.all(batchEntries.map(({ planned, entry }) => runSearch(planned, entry)));
    const missing = [...wanted].filter((id) => !resources.has(`Medication/${id}`)).length;
    const last = entries[entries.length - 1];
    if (missing > 0 && last && last.status === 'done') {
      last.status = 'partial';
      last.error = `${missing} of ${wanted.size} referenced medications were not found on the server`;
      emit();
    }
  }

  try {
    // Every entry exists before the first request, so the progress panel lists every query from the start.
    const patientEntry = newEntry({ resourceType: 'Patient', query: `Patient/${encodeURIComponent(session.patientId)}` });
    const searches = plannedSearches(session.patientId).map((planned) => ({ planned, entry: newEntry(planned) }));
    emit();
    const patientRun = readPatient(patientEntry);
    const runs = searches.map(({ planned, entry }) => runSearch(planned, entry));
    const medicationRuns = runs.filter((_, i) => MEDICATION_USERS.has(searches[i]!.planned.resourceType));
    // Medications start as soon as the three medication searches are done, while the others may still page.
    const medications = Promise.all(medicationRuns).then(readReferencedMedications);
    await Promise.all([patientRun, ...runs, medications]);
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }

  // Keep the panel's order stable: Patient first, then the planned searches, then Medication batches.
  log.sort((a, b) => rank(a) - rank(b));
  const result: PatientReadResult = {
    patientId: session.patientId,
    patient,
    resources: [...resources.values()],
    queries: log.map((entry) => ({ ...entry })),
    complete: log.every((entry) => entry.status === 'done'),
  };
  emit();
  // Set by whichever search met the expired session (TypeScript cannot see assignments made in those callbacks).
  const expired = sessionExpired as SessionExpiredError | null;
  if (expired) {
    expired.partialResult = result;
    throw expired;
  }
  return result;
}

function rank(entry: QueryLogEntry): number {
  if (entry.resourceType === 'Patient') return 0;
  if (entry.resourceType === 'Medication') return 2;
  return 1;
}

function nextLink(bundle: Record<string, unknown>): string | null {
  if (!Array.isArray(bundle.link)) return null;
  for (const link of bundle.link) {
    if (isRecord(link) && link.relation === 'next' && typeof link.url === 'string' && link.url) return link.url;
  }
  return null;
}

function absolute(url: string, baseUrl: string): string {
  try {
    return new URL(url, baseUrl + '/').href;
  } catch {
    return url;
  }
}

/**
 * The id of the Medication a resource references on this server ("Medication/x", or an absolute URL under the
 * base), or null: contained ("#x") and foreign references are left to the engine, which notes them.
 */
export function medicationIdOf(resource: Resource, baseUrl: string): string | null {
  const reference = (resource as { medicationReference?: { reference?: unknown } }).medicationReference?.reference;
  if (typeof reference !== 'string' || reference.startsWith('#')) return null;
  let path = reference;
  if (/^https?:\/\//i.test(reference)) {
    if (!reference.startsWith(baseUrl + '/')) return null;
    path = reference.slice(baseUrl.length + 1);
  }
  const match = /^Medication\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(path);
  return match ? match[1]! : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The same search with FALLBACK_PAGE_SIZE when it asks for more; undefined when it does not. */
function withSmallerPage(query: string): string | undefined {
  const match = /([?&])_count=(\d+)/.exec(query);
  if (!match || Number(match[2]) <= FALLBACK_PAGE_SIZE) return undefined;
  return query.replace(/([?&])_count=\d+/, `$1_count=${FALLBACK_PAGE_SIZE}`);
}
