/**
 * The paths that derive on the main thread itself (`--workers 1`, Bundle files): the only modules of the main thread
 * that load the engine, so that with worker threads the main thread starts without it.
 */
import { deriveSafely } from '../../src/clinical/derive';
import type { DeriveOptions, PatientRecord } from '../../src/clinical/types';
import { documentText, emitDocuments, reportSkipped } from './emit';
import { indexNdjson, ndjsonFiles } from './ndjson-index';
import { patientRecords } from './read-patient';
import { reportCpu } from './thread-cpu';

export function* derivedDocuments(records: Iterable<PatientRecord>, options: DeriveOptions, pretty: boolean): Generator<string> {
  for (const r of records) yield documentText(deriveSafely(r, options), pretty);
}

/** A Bulk Data NDJSON folder on this thread alone: pass 1, then one patient at a time. */
export async function deriveNdjsonFolder(dir: string, options: DeriveOptions, pretty: boolean): Promise<void> {
  const files = ndjsonFiles(dir);
  const indexed = indexNdjson(files);
  reportSkipped(indexed.skipped);
  await emitDocuments(derivedDocuments(patientRecords(files, indexed), options, pretty), indexed.index.size);
  reportCpu([]);
}
