/**
 * Can this session write the plan? Read from the granted scopes, SMART v1 (`patient/CarePlan.write`, `*.write`,
 * `*.*`) or v2 (`patient/CarePlan.c`, `.cu`, `.cruds`, with or without a `?` granular filter).
 */
import type { WriteCapability } from './write-contract';

const WRITTEN_TYPES = ['CarePlan', 'ServiceRequest', 'Provenance'] as const;

/**
 * Does one scope grant `letter` (SMART v2's "cruds") on `resourceType`? SMART v1's `.write` grants create, `.read`
 * grants read and search, `.*` grants all.
 */
function grants(scope: string, resourceType: string, letter: 'c' | 'r' | 's'): boolean {
  // context/Type.permissions, e.g. "patient/CarePlan.write", "user/*.cu", "patient/CarePlan.c?category=x"
  const match = /^(patient|user|system)\/([A-Za-z*]+)\.([a-z*]+)(\?.*)?$/.exec(scope.trim());
  if (!match) return false;
  const [, , type, permissions = ''] = match;
  if (type !== '*' && type !== resourceType) return false;
  if (permissions === '*' || permissions === (letter === 'c' ? 'write' : 'read')) return true; // SMART v1
  // SMART v2: letters from "cruds" in order.
  return /^c?r?u?d?s?$/.test(permissions) && permissions.includes(letter);
}

/** Whether the session may read (`r`, by id) or search (`s`) `resourceType`: without it the request would be refused. */
export function mayRead(grantedScopes: readonly string[], resourceType: string, letter: 'r' | 's'): boolean {
  return grantedScopes.some((scope) => grants(scope, resourceType, letter));
}

/** Which of the written types lack a create scope. */
export function missingWriteScopes(grantedScopes: readonly string[]): string[] {
  return WRITTEN_TYPES.filter((type) => !grantedScopes.some((scope) => grants(scope, type, 'c')));
}

export function writeCapability(grantedScopes: readonly string[]): WriteCapability {
  const missing = missingWriteScopes(grantedScopes);
  if (missing.length === 0) return { canWrite: true, reasonIfNot: null };
  return {
    canWrite: false,
    reasonIfNot:
      `The EHR did not grant this app permission to create ${missing.join(', ')} records, so the plan cannot be ` +
      'saved to the chart from here. Copy it as text into a note, or download it as FHIR JSON.',
  };
}
