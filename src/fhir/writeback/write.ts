/**
 * Writes a confirmed draft to the EHR, idempotently.
 *
 * Order of business:
 *  1. No create scope for CarePlan/ServiceRequest/Provenance: refuse before any request (the UI offers copy/download).
 *  2. Always search for the plan by its stable identifier first, so a retry after a timeout, a 500 that the server
 *     had in fact committed, a second tab or a second launch the same day finds the plan instead of duplicating it.
 *     Found: complete whatever is missing (sequentially) and report it.
 *  3. Not found: one transaction when the CapabilityStatement lists `transaction` (falling back on a 4xx "not
 *     supported"), otherwise sequentially: each resource searched by identifier, then conditionally created.
 *  4. Read every written resource back by id; `confirmed` says whether that worked.
 * Any failure after something was written is a 'partial' error carrying what was written: never shown as complete.
 */
import type { Bundle, BundleEntry, CapabilityStatement, CarePlan, OperationOutcome, Provenance, Resource, ServiceRequest } from 'fhir/r4';
import type { FhirHttp, FhirHttpRequest, FhirHttpResponse, SmartSession } from '../contract';
import { FhirNetworkError, SessionExpiredError } from '../errors';
import { mayRead, writeCapability } from './scopes';
import type { WriteBackDraft, WriteBackResult, WriteMode, WrittenResource } from './write-contract';
import { WriteBackError } from './write-contract';

export type WriteSession = Pick<SmartSession, 'http' | 'grantedScopes'>;

export interface WriteOptions {
  /** Per-request timeout; a stalled server must not leave the button spinning. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;

type WrittenType = WrittenResource['resourceType'];

// ---------------------------------------------------------------------------------------------
// HTTP helpers
// ---------------------------------------------------------------------------------------------

/** OperationOutcome text (diagnostics, details, code), as plain text. */
function operationOutcomeText(body: unknown): string {
  const outcome = body as OperationOutcome | null;
  if (!outcome || outcome.resourceType !== 'OperationOutcome' || !Array.isArray(outcome.issue)) return '';
  return outcome.issue
    .map((issue) => issue.details?.text ?? issue.diagnostics ?? issue.code ?? '')
    .filter((text) => text !== '')
    .join('; ');
}

class Exchange {
  constructor(
    private readonly http: FhirHttp,
    private readonly timeoutMs: number,
  ) {}

  async send(request: Omit<FhirHttpRequest, 'timeoutMs'>, what: string): Promise<FhirHttpResponse> {
    try {
      return await this.http.send({ ...request, timeoutMs: this.timeoutMs });
    } catch (error) {
      // FhirHttp rejects when the session is over (401 that could not be refreshed) or on no HTTP answer at all.
      if (error instanceof SessionExpiredError) {
        throw new WriteBackError(
          'session-expired',
          `The session with the EHR has expired while ${what}, so the plan was not saved. Copy it as text or download it, then relaunch the app from the chart to write it.`,
          { retryable: false, httpStatus: 401 },
        );
      }
      const timedOut = error instanceof FhirNetworkError && error.kind === 'timeout';
      throw new WriteBackError(
        'network',
        timedOut
          ? `The EHR did not answer in time while ${what}. The plan may or may not have been saved; retrying first checks the chart, so it will not be saved twice.`
          : `The EHR could not be reached while ${what}. Retrying first checks the chart, so the plan will not be saved twice.`,
        { retryable: true },
      );
    }
  }
}

function isOk(status: number): boolean {
  return status >= 200 && status < 300;
}

/** Maps a failed HTTP answer to a WriteBackError in plain words. */
function errorFromResponse(response: FhirHttpResponse, what: string): WriteBackError {
  const detail = operationOutcomeText(response.body);
  const status = response.status;
  if (status === 401 || status === 403) {
    return new WriteBackError(
      'forbidden',
      `The EHR refused the request while ${what} (${status}): this user or app is not allowed to save the plan. Copy the plan as text or download it instead.`,
      { retryable: false, httpStatus: status, detail },
    );
  }
  if (status === 429) {
    const after = response.headers['retry-after'];
    return new WriteBackError(
      'rate-limited',
      `The EHR was too busy to answer (429) while ${what}${after ? `; it asked to wait ${after} seconds` : ''}. Nothing was saved; retry in a moment.`,
      { retryable: true, httpStatus: status, detail },
    );
  }
  if (status >= 500) {
    return new WriteBackError(
      'server',
      `The EHR reported an error (${status}) while ${what}. It may have saved part or all of it; retrying first checks the chart, so nothing is saved twice.`,
      { retryable: true, httpStatus: status, detail },
    );
  }
  if (status === 409 || status === 412) {
    return new WriteBackError('conflict', `The EHR reported a conflict (${status}) while ${what}, and the plan was not found afterwards.`, {
      retryable: true,
      httpStatus: status,
      detail,
    });
  }
  return new WriteBackError(
    'rejected',
    `The EHR rejected the request while ${what} (${status})${detail ? `: ${detail}` : '.'}`,
    { retryable: false, httpStatus: status, detail },
  );
}

/** "CarePlan/123/_history/1" or an absolute URL -> "123" for that type. */
function idFromLocation(location: string | undefined, type: string): string | null {
  if (!location) return null;
  const matches = [...location.matchAll(new RegExp(`${type}/([A-Za-z0-9\\-.]{1,64})`, 'g'))];
  return matches.at(-1)?.[1] ?? null;
}

function firstOfType<T extends Resource>(body: unknown, type: string): T | null {
  const bundle = body as Bundle | null;
  if (!bundle || bundle.resourceType !== 'Bundle') return null;
  const found = (bundle.entry ?? []).map((e) => e.resource).find((r) => r?.resourceType === type);
  return (found as T | undefined) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Labels and the plan's parts
// ---------------------------------------------------------------------------------------------

interface Part {
  type: WrittenType;
  fullUrl: string;
  resource: CarePlan | ServiceRequest | Provenance;
  /** Search that finds it again. */
  query: string;
  label: string;
}

function partsOf(draft: WriteBackDraft): Part[] {
  return (draft.bundle.entry ?? []).map((entry: BundleEntry) => {
    const resource = entry.resource as CarePlan | ServiceRequest | Provenance;
    const type = resource.resourceType;
    return {
      type,
      fullUrl: entry.fullUrl ?? '',
      resource,
      query: entry.request?.ifNoneExist ?? '',
      label: labelOf(resource, draft),
    };
  });
}

function labelOf(resource: CarePlan | ServiceRequest | Provenance, draft: WriteBackDraft): string {
  switch (resource.resourceType) {
    case 'CarePlan':
      return `Draft care plan (${draft.chosen.length} option${draft.chosen.length === 1 ? '' : 's'})`;
    case 'ServiceRequest': {
      const option = resource.orderDetail?.[0]?.text;
      const service = resource.performerType?.text;
      return `Draft referral${option ? ` for ${option}` : ''} to the ${service ?? 'psychiatry service'}`;
    }
    default:
      return 'Provenance (who proposed it, and with which app)';
  }
}

/** Records in words, by their labels: the account and the messages carry no ids (the result screen links each record). */
function describe(written: WrittenResource[]): string {
  return written.map((w) => `${lowerFirst(w.label)}${w.outcome === 'existed' ? ' (already there)' : w.outcome === 'updated' ? ' (links completed)' : ''}`).join('; ');
}

/** "Draft referral to the ECT service" inside a sentence: only the first letter lowered, names keep their capitals. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Capability
// ---------------------------------------------------------------------------------------------

const transactionSupport = new WeakMap<FhirHttp, Promise<boolean>>();

/** Does the server's CapabilityStatement list `transaction`? Unknown (metadata unreadable): try it. */
function supportsTransaction(exchange: Exchange, http: FhirHttp): Promise<boolean> {
  let known = transactionSupport.get(http);
  if (!known) {
    known = exchange
      .send({ method: 'GET', url: 'metadata' }, 'reading the server’s capabilities')
      .then((response) => {
        const statement = response.body as CapabilityStatement | null;
        if (!isOk(response.status) || statement?.resourceType !== 'CapabilityStatement') return true;
        return (statement.rest ?? []).some((rest) => (rest.interaction ?? []).some((i) => i.code === 'transaction'));
      })
      .catch(() => true);
    transactionSupport.set(http, known);
  }
  return known;
}

/** A 4xx that means "this server does not do transactions" rather than "your content is wrong". */
function isNotSupported(response: FhirHttpResponse): boolean {
  if (response.status === 404 || response.status === 405 || response.status === 501) return true;
  if (response.status !== 400) return false;
  const outcome = response.body as OperationOutcome | null;
  return (
    outcome?.resourceType === 'OperationOutcome' &&
    (outcome.issue ?? []).some((issue) => issue.code === 'not-supported' || /not supported|unsupported/i.test(issue.diagnostics ?? issue.details?.text ?? ''))
  );
}

// ---------------------------------------------------------------------------------------------
// The write
// ---------------------------------------------------------------------------------------------

class Writer {
  private readonly account: string[] = [];
  private readonly written: WrittenResource[] = [];

  constructor(
    private readonly exchange: Exchange,
    private readonly http: FhirHttp,
    private readonly draft: WriteBackDraft,
    /** What the granted scopes let the app read by id (`r`) or search (`s`): the rest is not asked for (it would be refused). */
    private readonly readable: (resourceType: string, letter: 'r' | 's') => boolean,
  ) {}

  async run(): Promise<WriteBackResult> {
    const parts = partsOf(this.draft);
    const carePlanPart = parts.find((p) => p.type === 'CarePlan');
    if (!carePlanPart) throw new Error('draft without a CarePlan');

    const existing = await this.search(carePlanPart, 'checking whether this plan was already saved');
    if (existing) {
      this.account.push('This plan was already in the chart from an earlier attempt, another tab or an earlier launch today: nothing is saved twice.');
      await this.sequential(parts, existing as CarePlan);
      const status = this.written.every((w) => w.outcome === 'existed') ? 'already-existed' : 'completed';
      if (status === 'completed') this.account.push('The parts that were missing have now been saved.');
      return this.finish('sequential', status);
    }
    this.account.push('Checked the chart: this plan was not saved before.');

    if (await supportsTransaction(this.exchange, this.http)) {
      const outcome = await this.transaction(parts, carePlanPart);
      if (outcome) return outcome;
    } else {
      this.account.push('The server does not accept transactions: saving each record in order.');
    }
    await this.sequential(parts, null);
    return this.finish('sequential', this.written.every((w) => w.outcome === 'existed') ? 'already-existed' : 'created');
  }

  /** null: fall back to sequential writing. */
  private async transaction(parts: Part[], carePlanPart: Part): Promise<WriteBackResult | null> {
    const response = await this.exchange.send({ method: 'POST', url: '', body: this.draft.bundle }, 'saving the plan');
    if (!isOk(response.status)) {
      if (isNotSupported(response)) {
        this.account.push(`The server refused the transaction as unsupported (${response.status}): saving each record in order.`);
        return null;
      }
      if (response.status === 409 || response.status === 412) {
        // Someone else (another tab) may have just written it: look again.
        const again = await this.search(carePlanPart, 'checking the chart after a conflict');
        if (again) {
          this.account.push(`The server reported a conflict (${response.status}); the plan is in the chart.`);
          await this.sequential(parts, again as CarePlan);
          return this.finish('sequential', this.written.every((w) => w.outcome === 'existed') ? 'already-existed' : 'completed');
        }
      }
      throw errorFromResponse(response, 'saving the plan');
    }
    const entries = (response.body as Bundle | null)?.entry ?? [];
    let complete = entries.length === parts.length;
    parts.forEach((part, index) => {
      const entry = entries[index];
      const status = entry?.response?.status ?? '';
      const id = entry?.resource?.id ?? idFromLocation(entry?.response?.location, part.type);
      if (!id || !/^2\d\d/.test(status)) {
        complete = false;
        return;
      }
      this.written.push({
        resourceType: part.type,
        id,
        reference: `${part.type}/${id}`,
        outcome: status.startsWith('200') ? 'existed' : 'created',
        label: part.label,
      });
    });
    if (!complete) {
      // Transactions are not atomic everywhere: finish what is missing, one record at a time.
      this.account.push('The transaction answer did not confirm every record: checking each one and saving what is missing.');
      this.written.length = 0;
      await this.sequential(parts, null);
      return this.finish('sequential', 'completed');
    }
    const allExisted = this.written.every((w) => w.outcome === 'existed');
    this.account.push(
      allExisted
        ? `The server already had this plan (another tab or click saved it a moment ago): ${describe(this.written)}.`
        : `Saved in one transaction: ${describe(this.written)}.`,
    );
    return this.finish('transaction', allExisted ? 'already-existed' : 'created');
  }

  /** Each record: find it by identifier, else create it conditionally; references rewritten to the real ids. */
  private async sequential(parts: Part[], knownCarePlan: CarePlan | null): Promise<void> {
    const realRefs = new Map<string, string>();
    try {
      for (const part of parts.filter((p) => p.type === 'ServiceRequest')) {
        const written = await this.ensure(part, null);
        realRefs.set(part.fullUrl, written.reference);
      }
      const carePlanPart = parts.find((p) => p.type === 'CarePlan');
      if (carePlanPart) {
        const wanted = rewrite(carePlanPart.resource, realRefs) as CarePlan;
        const written = await this.ensure({ ...carePlanPart, resource: wanted }, knownCarePlan);
        realRefs.set(carePlanPart.fullUrl, written.reference);
      }
      for (const part of parts.filter((p) => p.type === 'Provenance')) {
        await this.ensure({ ...part, resource: rewrite(part.resource, realRefs) }, null);
      }
    } catch (error) {
      throw this.partial(error);
    }
  }

  /** Find-or-create one record. An existing CarePlan whose referral links are missing is updated (PUT). */
  private async ensure(part: Part, known: Resource | null): Promise<WrittenResource> {
    const found = known ?? (await this.searchBeforeCreate(part));
    if (found?.id) {
      let outcome: WrittenResource['outcome'] = 'existed';
      if (part.type === 'CarePlan' && missingLinks(found as CarePlan, part.resource as CarePlan)) {
        const update = { ...(part.resource as CarePlan), id: found.id };
        const response = await this.exchange.send({ method: 'PUT', url: `CarePlan/${found.id}`, body: update }, 'completing the plan’s links');
        if (!isOk(response.status)) throw errorFromResponse(response, 'completing the plan’s links');
        outcome = 'updated';
      }
      return this.record(part, found.id, outcome);
    }
    const response = await this.exchange.send(
      { method: 'POST', url: part.type, body: part.resource, headers: { 'If-None-Exist': part.query } },
      `saving ${lowerFirst(part.label)}`,
    );
    if (!isOk(response.status)) {
      if (response.status === 409 || response.status === 412) {
        const again = await this.search(part, `checking for ${lowerFirst(part.label)} after a conflict`);
        if (again?.id) return this.record(part, again.id, 'existed');
      }
      throw errorFromResponse(response, `saving ${lowerFirst(part.label)}`);
    }
    const body = response.body as Resource | null;
    let id = body?.resourceType === part.type && body.id ? body.id : idFromLocation(response.headers['location'], part.type);
    if (!id) {
      // An empty answer (`Prefer: return=minimal` behind a gateway, or a Location the proxy did not pass on): the
      // record carries our identifier, so it is found by it.
      const saved = await this.search(part, `finding ${lowerFirst(part.label)} after the EHR accepted it`);
      id = saved?.id ?? null;
    }
    if (!id) {
      throw new WriteBackError('server', `The EHR accepted ${lowerFirst(part.label)} but it could not be found afterwards by its identifier.`, { retryable: true });
    }
    // 200 to a conditional create means "it was already there".
    return this.record(part, id, response.status === 200 ? 'existed' : 'created');
  }

  private record(part: Part, id: string, outcome: WrittenResource['outcome']): WrittenResource {
    const written: WrittenResource = { resourceType: part.type, id, reference: `${part.type}/${id}`, outcome, label: part.label };
    this.written.push(written);
    this.account.push(
      outcome === 'created'
        ? `Saved ${lowerFirst(part.label)}.`
        : outcome === 'updated'
          ? `Completed the links of ${lowerFirst(part.label)}.`
          : `${part.label} was already there.`,
    );
    return written;
  }

  /**
   * Many EHRs cannot search Provenance (or confine it to the patient compartment, which a Provenance's targets are
   * not in): a refused Provenance search is treated as "not found", the conditional create still guards duplicates.
   */
  private async searchBeforeCreate(part: Part): Promise<Resource | null> {
    // A search the scopes do not allow is not sent: its refusal would say nothing more (the conditional create guards).
    if (part.type === 'Provenance' && !this.readable(part.type, 's')) return null;
    try {
      return await this.search(part, `checking for ${lowerFirst(part.label)}`);
    } catch (error) {
      if (part.type === 'Provenance' && error instanceof WriteBackError && (error.kind === 'rejected' || error.kind === 'forbidden')) return null;
      throw error;
    }
  }

  private async search(part: Part, what: string): Promise<Resource | null> {
    const response = await this.exchange.send({ method: 'GET', url: `${part.type}?${part.query}` }, what);
    if (!isOk(response.status)) throw errorFromResponse(response, what);
    return firstOfType(response.body, part.type);
  }

  /** Wrap a failure so that whatever was already written is never shown as a complete plan. */
  private partial(error: unknown): unknown {
    const created = this.written.filter((w) => w.outcome !== 'existed');
    if (!(error instanceof WriteBackError) || created.length === 0) return error;
    return new WriteBackError(
      'partial',
      `Only part of the plan was saved: ${describe(created)}. ${error.message} The plan is NOT complete in the chart; retry to finish it (nothing is saved twice).`,
      { retryable: true, httpStatus: error.options.httpStatus, detail: error.detail, written: [...this.written], account: [...this.account] },
    );
  }

  private async finish(mode: WriteMode, status: WriteBackResult['status']): Promise<WriteBackResult> {
    const missing: string[] = [];
    const unreadable: string[] = [];
    const labelOfReference = (reference: string) => lowerFirst(this.written.find((w) => w.reference === reference)?.label ?? 'a record');
    for (const written of this.written) {
      // A Provenance the scopes do not let the app read is not asked for (it would only be refused): said, not tried.
      if (written.resourceType === 'Provenance' && !this.readable(written.resourceType, 'r')) {
        unreadable.push(written.reference);
        continue;
      }
      try {
        const response = await this.exchange.send({ method: 'GET', url: written.reference }, 'reading the saved plan back');
        if (isOk(response.status) && (response.body as Resource | null)?.id === written.id) continue;
        // Patient-level access often cannot read Provenance (its targets, not the patient, are what it points to):
        // that says nothing about whether it was saved, so it does not make the plan unconfirmed.
        if (written.resourceType === 'Provenance' && (response.status === 401 || response.status === 403)) unreadable.push(written.reference);
        else missing.push(written.reference);
      } catch {
        missing.push(written.reference);
      }
    }
    const confirmed = missing.length === 0;
    this.account.push(
      confirmed
        ? `Read back from the chart: ${unreadable.length ? 'the plan and its referrals are there' : 'every record is there'}.`
        : `The records were accepted, but reading back ${missing.map(labelOfReference).join(', ')} did not work: check the chart.`,
    );
    if (unreadable.length) {
      this.account.push(`The ${unreadable.map(labelOfReference).join(', ')} could not be read back: this app may not read Provenance records; the EHR accepted it when it was written.`);
    }
    return { identifier: this.draft.identifier, mode, status, resources: [...this.written], account: [...this.account], confirmed, unreadable };
  }
}

/** Replace urn:uuid references in a resource by the real ones (JSON walk, small resources). */
function rewrite<T>(resource: T, refs: Map<string, string>): T {
  return JSON.parse(JSON.stringify(resource), (key, value: unknown) =>
    key === 'reference' && typeof value === 'string' && refs.has(value) ? refs.get(value) : value,
  ) as T;
}

/** Does the stored CarePlan lack a referral link the draft has (a half-finished earlier attempt)? */
function missingLinks(stored: CarePlan, wanted: CarePlan): boolean {
  const have = new Set((stored.activity ?? []).map((a) => a.reference?.reference).filter(Boolean));
  return (wanted.activity ?? []).some((a) => a.reference?.reference && !have.has(a.reference.reference));
}

// ---------------------------------------------------------------------------------------------
// Entry point with an in-flight guard
// ---------------------------------------------------------------------------------------------

const inFlight = new WeakMap<FhirHttp, Map<string, Promise<WriteBackResult>>>();

/**
 * Write the draft. A second call for the same plan while the first is still running gets the same promise (a
 * double click sends one request). Rejects with WriteBackError.
 */
export function writeCarePlan(session: WriteSession, draft: WriteBackDraft, options: WriteOptions = {}): Promise<WriteBackResult> {
  const capability = writeCapability(session.grantedScopes);
  if (!capability.canWrite) {
    return Promise.reject(new WriteBackError('no-scope', capability.reasonIfNot ?? 'No write permission.', { retryable: false }));
  }
  let running = inFlight.get(session.http);
  if (!running) {
    running = new Map();
    inFlight.set(session.http, running);
  }
  const key = draft.identifier.value;
  const pending = running.get(key);
  if (pending) return pending;
  const exchange = new Exchange(session.http, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const readable = (resourceType: string, letter: 'r' | 's') => mayRead(session.grantedScopes, resourceType, letter);
  const promise = new Writer(exchange, session.http, draft, readable).run().finally(() => running?.delete(key));
  running.set(key, promise);
  return promise;
}

