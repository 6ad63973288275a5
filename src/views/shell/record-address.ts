/**
 * Where a record can be opened: its FHIR address under the EHR's FHIR base (`[base]/Type/id`). FHIR gives no address
 * of a record in the EHR's own screens; this is the address the server itself answers at, which an EHR's integration
 * team, audit trail and support tools resolve. The id stays in the address, never in the words.
 */
export function recordAddress(fhirBaseUrl: string | undefined, resourceType: string, id: string): string | undefined {
  return fhirBaseUrl ? `${fhirBaseUrl.replace(/\/+$/, '')}/${resourceType}/${encodeURIComponent(id)}` : undefined;
}

/** The same for a "Type/id" reference, as the engine's sources carry them. */
export function referenceAddress(fhirBaseUrl: string | undefined, reference: string): string | undefined {
  const slash = reference.indexOf('/');
  if (slash <= 0 || slash === reference.length - 1) return undefined;
  return recordAddress(fhirBaseUrl, reference.slice(0, slash), reference.slice(slash + 1));
}
