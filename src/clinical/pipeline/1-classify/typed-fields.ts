/** Small readers for untrusted data: each checks the type of what it reads before the classifiers use it. */
import type { CodeableConcept } from 'fhir/r4';

export function str(x: unknown): string | null {
  return typeof x === 'string' ? x : null;
}

export function obj(x: unknown): Record<string, unknown> | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}

export function finiteOrNull(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

export function isConcept(x: unknown): x is CodeableConcept {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function firstCode(c: unknown): string | null {
  if (!isConcept(c) || !Array.isArray(c.coding)) return null;
  for (const cd of c.coding) if (cd && typeof cd.code === 'string') return cd.code;
  return null;
}
