/** Plain-words lines about the reading of the record, from the FHIR layer's query log (pure, tested directly). */
import type { QueryLogEntry } from '../../fhir/contract';

/** "403, scope not granted": the HTTP status first, unless the reason already names it. */
export function failureReason(entry: QueryLogEntry): string {
  const reason = entry.error?.trim() || 'no reason given';
  if (entry.httpStatus !== undefined && !reason.includes(String(entry.httpStatus))) return `${entry.httpStatus}, ${reason}`;
  return reason;
}

/** One sentence per query that failed or was only partly read; empty when everything was read. */
export function readProblems(queries: QueryLogEntry[]): string[] {
  return queries.flatMap((entry) => {
    if (entry.status === 'failed') return [`${entry.resourceType} could not be read: ${failureReason(entry)}.`];
    if (entry.status === 'partial')
      return [
        `${entry.resourceType} was read only in part (${entry.count} kept from ${entry.pages} ${entry.pages === 1 ? 'page' : 'pages'}): ${failureReason(entry)}.`,
      ];
    return [];
  });
}

export interface LoadingSummary {
  /** Resource types with at least one query still running, in log order, without repeats. */
  pendingTypes: string[];
  finishedTypes: string[];
  resourcesSoFar: number;
}

export function loadingSummary(progress: QueryLogEntry[]): LoadingSummary {
  const pending = new Set<string>();
  const all = new Set<string>();
  let resourcesSoFar = 0;
  for (const entry of progress) {
    all.add(entry.resourceType);
    if (entry.status === 'pending') pending.add(entry.resourceType);
    resourcesSoFar += entry.count;
  }
  return {
    pendingTypes: [...pending],
    finishedTypes: [...all].filter((type) => !pending.has(type)),
    resourcesSoFar,
  };
}

export const STATUS_WORDS: Record<QueryLogEntry['status'], string> = {
  pending: 'reading…',
  done: 'complete',
  partial: 'partly read',
  failed: 'failed',
};
