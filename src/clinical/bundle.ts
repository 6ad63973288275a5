/**
 * Reading a FHIR Bundle file as a list of resources (for `npm run derive` and the public-sample check): entries'
 * resources, with the urn:uuid references of a transaction bundle rewritten to Type/id (in place). No I/O: the caller reads and parses the file.
 */

/** The resources of a Bundle, an array of resources, or a single resource. */
export function resourcesOfJson(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  const d = doc as { resourceType?: unknown; entry?: unknown } | null;
  if (d && d.resourceType === 'Bundle') {
    const entries = Array.isArray(d.entry) ? d.entry : [];
    return entries.map((e) => (e as { resource?: unknown } | null)?.resource).filter((r) => r !== undefined);
  }
  return d ? [d] : [];
}

/** Transaction bundles refer to each other by fullUrl ("urn:uuid:..."): rewrite those to Type/id where known. */
export function resolveUrnReferences(resources: unknown[], doc: unknown): unknown[] {
  const entries = (doc as { entry?: unknown })?.entry;
  if (!Array.isArray(entries)) return resources;
  const map = new Map<string, string>();
  for (const e of entries) {
    const full = (e as { fullUrl?: unknown })?.fullUrl;
    const r = (e as { resource?: { resourceType?: unknown; id?: unknown } })?.resource;
    if (typeof full === 'string' && full.startsWith('urn:') && r && typeof r.resourceType === 'string' && typeof r.id === 'string')
      map.set(full, `${r.resourceType}/${r.id}`);
  }
  if (map.size === 0) return resources;
  // Every Reference in the resource (subject, medicationReference, reasonReference, Encounter.diagnosis, CarePlan.addresses, ...).
  const fix = (node: unknown, depth: number): void => {
    if (depth > 12 || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const x of node) fix(x, depth + 1);
      return;
    }
    const holder = node as Record<string, unknown>;
    const ref = holder.reference;
    if (typeof ref === 'string' && map.has(ref)) holder.reference = map.get(ref)!;
    for (const key in holder) if (key !== 'reference' && typeof holder[key] === 'object') fix(holder[key], depth + 1);
  };
  for (const r of resources) fix(r, 0);
  return resources;
}
