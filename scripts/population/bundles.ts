/**
 * Bundles: one JSON file (a Bundle, a single resource or an array of resources, one patient or several) or a folder of
 * such files (as the public SMART sandbox publishes its patients, one file each), derived on the main thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveUrnReferences, resourcesOfJson } from '../../src/clinical/bundle';
import { groupResourcesByPatient } from '../../src/clinical/group-by-patient';
import type { DeriveOptions } from '../../src/clinical/types';
import { emitDocuments } from './emit';
import { derivedDocuments } from './one-thread';

export async function deriveBundleFile(file: string, options: DeriveOptions, pretty: boolean): Promise<void> {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const resources = resolveUrnReferences(resourcesOfJson(doc), doc);
  const { records, unattached } = groupResourcesByPatient(resources);
  if (unattached.length > 0) process.stderr.write(`derive: ${unattached.length} resource(s) belong to no patient and were not attached to one\n`);
  await emitDocuments(derivedDocuments(records, options, pretty), records.length);
}

/**
 * A folder of Bundle files (the public SMART sandbox publishes one per patient): each file is read, derived and let go
 * in turn, on the main thread, and all the patients' documents form one array.
 */
export async function deriveBundleFolder(dir: string, files: string[], options: DeriveOptions, pretty: boolean): Promise<void> {
  if (files.length === 1) return deriveBundleFile(join(dir, files[0]!), options, pretty);
  let unattached = 0;
  function* documents(): Generator<string> {
    for (const f of files) {
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      } catch (e) {
        throw new Error(`${join(dir, f)} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
      const grouped = groupResourcesByPatient(resolveUrnReferences(resourcesOfJson(doc), doc));
      unattached += grouped.unattached.length;
      yield* derivedDocuments(grouped.records, options, pretty);
    }
  }
  // More than one file: an array, whatever the number of patients.
  await emitDocuments(documents(), Number.POSITIVE_INFINITY);
  if (unattached > 0) process.stderr.write(`derive: ${unattached} resource(s) belong to no patient and were not attached to one\n`);
}
