/** One launch's measure and phases, the round trips the latency bound counts, and the phase and spread figures. */
import { median } from './derivation-timing';

export interface LaunchMeasure {
  /** From the EHR's launch (the form POST of its Launch button) to the app's `ready` mark, both on the browser's clock. */
  ms: number;
  state: string;
  /** Requests to the EHR (FHIR and authorization server) after the launch, in order (without CORS preflights, which
   * Playwright does not see: `stats.preflights` counts them). */
  requests: Array<{ method: string; url: string; navigation: boolean }>;
  stats: { total: number; byMethod: Record<string, number>; byResourceType: Record<string, number>; preflights: number } | null;
  phases: LaunchPhases;
}

/** One launch, phase by phase (ms). */
export interface LaunchPhases {
  /**
   * EHR launch request to the navigation that ends on index.html (EHR redirect, launch.html, its configuration and the
   * SMART configuration, until it sends the browser to the authorization server).
   */
  launchPage: number;
  /** From there to the token request: the authorization server's redirects, index.html and its first module. */
  toToken: number;
  token: number;
  /** Token answer to the first record read. */
  toReads: number;
  /** First read sent to last read answered. */
  reads: number;
  /** Last read answered to the timeline on screen (derivation, rendering, first paint). */
  toTimeline: number;
}

/**
 * The lower bound the latency implies for one launch: every request to the EHR on the longest dependent chain pays the
 * latency once. The SMART round trips (the SMART configuration, each hop of the authorization server's redirects,
 * the token request), then the longest chain of pages of one query (the pages of a query differ only in _offset; the
 * queries run side by side), plus a Medication batch read when Medication was requested after the medication records.
 * When the reads were preflighted (`preflighted`: the app's origin is not the FHIR server's, and a request that
 * carries the access token is never a CORS "simple" request), each read waits for its preflight first: no browser app
 * served from another origin can avoid that round trip, so it counts in the bound.
 */
export function launchLowerBound(requests: LaunchMeasure['requests'], preflighted: boolean): { roundTrips: number; parts: string } {
  const authorizationHops = requests.filter((r) => r.navigation && /^\/auth\//.test(r.url)).length;
  const tokenRequests = Math.min(1, requests.filter((r) => r.method === 'POST' && /^\/auth\/token/.test(r.url)).length);
  const smartConfiguration = Math.min(1, requests.filter((r) => /^\/fhir\/\.well-known\//.test(r.url)).length);
  const pagesByQuery = new Map<string, number>();
  let medicationBatch = 0;
  for (const r of requests) {
    if (r.method !== 'GET' || !r.url.startsWith('/fhir/')) continue;
    const path = r.url.slice('/fhir/'.length);
    const type = path.split(/[/?]/)[0] ?? '';
    if (!/^[A-Z]/.test(type)) continue;
    if (type === 'Medication') {
      medicationBatch = 1;
      continue;
    }
    // A query's pages differ only in _offset, but the server writes its next links in its own way (parameter order,
    // `patient=Patient/<id>` for `patient=<id>`): compare the sorted parameters without _offset.
    const [pathPart = '', search = ''] = path.split('?');
    const params = new URLSearchParams(search);
    params.delete('_offset');
    const patientParam = params.get('patient');
    if (patientParam) params.set('patient', patientParam.replace(/^Patient\//, ''));
    params.sort();
    const query = `${pathPart}?${params.toString()}`;
    pagesByQuery.set(query, (pagesByQuery.get(query) ?? 0) + 1);
  }
  const longestChain = Math.max(1, ...pagesByQuery.values());
  const perRead = preflighted ? 2 : 1;
  const roundTrips = smartConfiguration + authorizationHops + tokenRequests + (longestChain + medicationBatch) * perRead;
  const parts = [
    `SMART configuration ${smartConfiguration}`,
    `authorization hops ${authorizationHops}`,
    `token ${tokenRequests}`,
    `longest chain of pages ${longestChain}`,
    ...(medicationBatch ? ['Medication batch 1'] : []),
    ...(preflighted ? [`a CORS preflight before each of those reads ${longestChain + medicationBatch}`] : []),
  ].join(', ');
  return { roundTrips, parts };
}

/** The phases of a series of launches (medians, ms), ending at `end`. */
export function phaseFigure(app: LaunchMeasure[], floor: LaunchMeasure[], end: string): string {
  const one = (measures: LaunchMeasure[], key: keyof LaunchPhases) => (measures.length ? median(measures.map((m) => m.phases[key])).toFixed(0) : '-');
  const phase = (key: keyof LaunchPhases) => `${one(app, key)} / ${one(floor, key)}`;
  return `launch page ${phase('launchPage')}; authorization redirects and index.html to token request ${phase('toToken')}; ` +
    `token ${phase('token')}; to first read ${phase('toReads')}; reads ${phase('reads')}; last read to ${end} ${phase('toTimeline')}`;
}

/** Lowest and highest of a series, for the spread beside a median. */
export function range(measures: LaunchMeasure[]): string {
  if (measures.length === 0) return 'n/a';
  const ms = measures.map((m) => m.ms);
  return `${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)} ms`;
}
