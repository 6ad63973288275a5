/**
 * Fault injection for tests and benchmarks, switched on per run (SANDBOX_FAULTS env, JSON) or at runtime
 * (POST /__faults with the same JSON; `{}` clears). Shape (every key optional):
 *
 * {
 *   "failType":          { "MedicationDispense": 500 },        // reads of that type answer this status + OperationOutcome
 *   "rateLimit":         { "Observation": { "times": 2, "retryAfterSeconds": 1 } },  // first N reads: 429 + Retry-After
 *   "stall":             { "Procedure": true },                // reads of that type never answer (or: a number of ms)
 *   "repeatNextLink":    ["Condition"],                        // every page's `next` link points at the same page
 *   "invalidJson":       ["AllergyIntolerance"],               // 200 with a truncated JSON body
 *   "htmlInsteadOfJson": ["Device"],                           // 200 with an HTML page (a misconfigured proxy)
 *   "expireTokenAfterRequests": 5,                             // a launch's access token works for N FHIR requests, then
 *                                                              // 401; tokens from a refresh are not affected
 *   "refuseRefresh": true,                                     // the token endpoint refuses refresh tokens (invalid_grant)
 *   "latencyMs": 50,                                           // added before every FHIR and authorization-server response
 *   "writeStallAfterCreate": { "times": 1, "ms": 15000 },      // the write is done, then the answer waits ms
 *   "write500AfterCreate":   { "times": 1 }                    // the write is done, then 500 is answered
 * }
 *
 * "Reads" are GET requests on the type (search or read). Write faults apply to POST/PUT (a transaction counts as one
 * write) and count down: `times` writes are affected, later ones answer normally.
 */

export interface FaultConfig {
  failType?: Record<string, number>;
  rateLimit?: Record<string, { times: number; retryAfterSeconds: number }>;
  stall?: Record<string, boolean | number>;
  repeatNextLink?: string[];
  invalidJson?: string[];
  htmlInsteadOfJson?: string[];
  expireTokenAfterRequests?: number;
  refuseRefresh?: boolean;
  latencyMs?: number;
  writeStallAfterCreate?: { times: number; ms: number };
  write500AfterCreate?: { times: number };
}

/** What the FHIR server must do to one request, decided before it is handled (read faults) or after (write faults). */
export type ReadFault =
  | { kind: 'status'; status: number }
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  | { kind: 'stall'; ms: number | null }
  | { kind: 'invalidJson' }
  | { kind: 'html' };

export type WriteFault = { kind: 'stallAfterCreate'; ms: number } | { kind: 'error500AfterCreate' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Validates a fault configuration (from env or HTTP); throws a readable message on a wrong shape. */
export function parseFaultConfig(input: unknown): FaultConfig {
  if (input === undefined || input === null || input === '') return {};
  const value = typeof input === 'string' ? (JSON.parse(input) as unknown) : input;
  if (!isRecord(value)) throw new Error('fault config must be a JSON object');
  const known = new Set(['failType', 'rateLimit', 'stall', 'repeatNextLink', 'invalidJson', 'htmlInsteadOfJson',
    'expireTokenAfterRequests', 'refuseRefresh', 'latencyMs', 'writeStallAfterCreate', 'write500AfterCreate']);
  for (const key of Object.keys(value)) {
    if (!known.has(key)) throw new Error(`unknown fault "${key}" (known: ${[...known].join(', ')})`);
  }
  const config: FaultConfig = {};
  if (value.failType !== undefined) config.failType = recordOf(value.failType, 'failType', (v) => integer(v, 'failType status'));
  if (value.rateLimit !== undefined) {
    config.rateLimit = recordOf(value.rateLimit, 'rateLimit', (v) => {
      if (!isRecord(v)) throw new Error('rateLimit entries must be { times, retryAfterSeconds }');
      return { times: integer(v.times, 'rateLimit.times'), retryAfterSeconds: integer(v.retryAfterSeconds ?? 1, 'rateLimit.retryAfterSeconds') };
    });
  }
  if (value.stall !== undefined) {
    config.stall = recordOf(value.stall, 'stall', (v) => (typeof v === 'boolean' ? v : integer(v, 'stall ms')));
  }
  for (const key of ['repeatNextLink', 'invalidJson', 'htmlInsteadOfJson'] as const) {
    const list = value[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every((t) => typeof t === 'string')) throw new Error(`${key} must be a list of resource types`);
    config[key] = list;
  }
  if (value.expireTokenAfterRequests !== undefined) {
    config.expireTokenAfterRequests = integer(value.expireTokenAfterRequests, 'expireTokenAfterRequests');
  }
  if (value.refuseRefresh !== undefined) {
    if (typeof value.refuseRefresh !== 'boolean') throw new Error('refuseRefresh must be true or false');
    config.refuseRefresh = value.refuseRefresh;
  }
  if (value.latencyMs !== undefined) config.latencyMs = integer(value.latencyMs, 'latencyMs');
  if (value.writeStallAfterCreate !== undefined) {
    const v = value.writeStallAfterCreate;
    if (!isRecord(v)) throw new Error('writeStallAfterCreate must be { times, ms }');
    config.writeStallAfterCreate = { times: integer(v.times ?? 1, 'writeStallAfterCreate.times'), ms: integer(v.ms, 'writeStallAfterCreate.ms') };
  }
  if (value.write500AfterCreate !== undefined) {
    const v = value.write500AfterCreate;
    if (!isRecord(v)) throw new Error('write500AfterCreate must be { times }');
    config.write500AfterCreate = { times: integer(v.times ?? 1, 'write500AfterCreate.times') };
  }
  return config;
}

function integer(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
}

function recordOf<T>(value: unknown, name: string, each: (v: unknown) => T): Record<string, T> {
  if (!isRecord(value)) throw new Error(`${name} must be an object keyed by resource type`);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, each(v)]));
}

/** The live fault state: the configuration plus its counters (rate limits and write faults count down). */
export class Faults {
  private config: FaultConfig = {};
  private rateLimitUsed = new Map<string, number>();
  private writeStallsLeft = 0;
  private write500sLeft = 0;
  private requestsPerToken = new Map<string, number>();

  constructor(initial: FaultConfig = {}, private readonly baseLatencyMs = 0) {
    this.set(initial);
  }

  set(config: FaultConfig): void {
    this.config = config;
    this.rateLimitUsed.clear();
    this.requestsPerToken.clear();
    this.writeStallsLeft = config.writeStallAfterCreate?.times ?? 0;
    this.write500sLeft = config.write500AfterCreate?.times ?? 0;
  }

  get(): FaultConfig {
    return this.config;
  }

  latencyMs(): number {
    return this.config.latencyMs ?? this.baseLatencyMs;
  }

  /** Fault for a GET on this resource type, if any (counts rate-limited requests). */
  readFault(resourceType: string): ReadFault | null {
    const c = this.config;
    const stall = c.stall?.[resourceType];
    if (stall) return { kind: 'stall', ms: typeof stall === 'number' ? stall : null };
    const status = c.failType?.[resourceType];
    if (status) return { kind: 'status', status };
    const limit = c.rateLimit?.[resourceType];
    if (limit) {
      const used = this.rateLimitUsed.get(resourceType) ?? 0;
      if (used < limit.times) {
        this.rateLimitUsed.set(resourceType, used + 1);
        return { kind: 'rateLimit', retryAfterSeconds: limit.retryAfterSeconds };
      }
    }
    if (c.invalidJson?.includes(resourceType)) return { kind: 'invalidJson' };
    if (c.htmlInsteadOfJson?.includes(resourceType)) return { kind: 'html' };
    return null;
  }

  repeatsNextLink(resourceType: string): boolean {
    return this.config.repeatNextLink?.includes(resourceType) ?? false;
  }

  /** Counts one request for this token; true when the token is now considered expired. */
  tokenExpired(tokenId: string): boolean {
    const limit = this.config.expireTokenAfterRequests;
    if (limit === undefined) return false;
    const used = (this.requestsPerToken.get(tokenId) ?? 0) + 1;
    this.requestsPerToken.set(tokenId, used);
    return used > limit;
  }

  /** Fault for a write that the server has already carried out, if any (counts down). */
  writeFault(): WriteFault | null {
    if (this.writeStallsLeft > 0 && this.config.writeStallAfterCreate) {
      this.writeStallsLeft--;
      return { kind: 'stallAfterCreate', ms: this.config.writeStallAfterCreate.ms };
    }
    if (this.write500sLeft > 0) {
      this.write500sLeft--;
      return { kind: 'error500AfterCreate' };
    }
    return null;
  }
}

/** FHIR request counts for GET /__stats (the benchmark's request count). */
export class RequestStats {
  total = 0;
  byResourceType: Record<string, number> = {};
  byMethod: Record<string, number> = {};
  /** Requests answered with a status of 400 or more (faults included). */
  errors = 0;
  /**
   * CORS preflights (OPTIONS), apart from the FHIR requests above: the browser sends one before every cross-origin
   * request that carries the access token (a URL it has not preflighted within Access-Control-Max-Age).
   */
  preflights = 0;

  count(method: string, resourceType: string): void {
    this.total++;
    this.byMethod[method] = (this.byMethod[method] ?? 0) + 1;
    const key = resourceType || '(system)';
    this.byResourceType[key] = (this.byResourceType[key] ?? 0) + 1;
  }

  reset(): void {
    this.total = 0;
    this.byResourceType = {};
    this.byMethod = {};
    this.errors = 0;
    this.preflights = 0;
  }

  toJSON(): object {
    return {
      total: this.total,
      byResourceType: this.byResourceType,
      byMethod: this.byMethod,
      errors: this.errors,
      preflights: this.preflights,
    };
  }
}
