/**
 * SMART scopes: which ones the sandbox's authorization server grants, and whether a granted set allows one FHIR
 * interaction. Both forms are understood: v1 (`patient/Observation.read`, `.write`, `.*`) and v2 (`patient/Observation.rs`,
 * `.cruds` subsets). v2 scopes with a query (`patient/Observation.rs?category=laboratory`) are granted by resource type
 * only: the sandbox does not narrow by the query (documented in docs/notes/sandbox.md).
 */

import { APP_SCOPES_V1, APP_SCOPES_V2 } from '../src/fhir/app-scopes';

/** The resource types the app reads or writes, plus the ones a launch touches. */
const SCOPED_RESOURCE_TYPES = [
  'Patient', 'Practitioner', 'Encounter',
  'MedicationStatement', 'MedicationRequest', 'MedicationDispense', 'Medication',
  'Condition', 'Observation', 'Procedure', 'AllergyIntolerance', 'Device',
  'CarePlan', 'ServiceRequest', 'Provenance',
] as const;

/**
 * What the app's client is registered for: exactly the scopes the app asks for (src/fhir/app-scopes.ts, the list the
 * README gives deployers to register), plus `offline_access`, which a deployment may opt in to. The authorization
 * server grants a requested scope only when this registration covers it: a v1 scope when registered as such, a v2 scope
 * when its permission letters are a subset of the registered ones for that type. No wildcard, user- or system-level
 * scope is registered, so none is granted.
 */
export function registeredScopes(): { identity: Set<string>; v1: Set<string>; v2: Map<string, string> } {
  const identity = new Set(['openid', 'fhirUser', 'online_access', 'offline_access']);
  const v1 = new Set(APP_SCOPES_V1.filter((scope) => scope.includes('/')));
  const v2 = new Map<string, string>();
  for (const scope of APP_SCOPES_V2) {
    const match = /^(patient\/[A-Za-z]+)\.([cruds]+)$/.exec(scope);
    if (match) v2.set(match[1]!, match[2]!);
  }
  return { identity, v1, v2 };
}

/** Whether the registration covers one requested resource scope (a v2 query narrows, so it is kept as asked). */
export function registrationCovers(registration: ReturnType<typeof registeredScopes>, requested: string): boolean {
  const scope = requested.replace(/\?.*$/, '');
  if (registration.v1.has(scope)) return true;
  const match = /^(patient\/[A-Za-z]+)\.([cruds]+)$/.exec(scope);
  if (!match || !/^c?r?u?d?s?$/.test(match[2]!)) return false;
  const allowed = registration.v2.get(match[1]!) ?? '';
  return [...match[2]!].every((letter) => allowed.includes(letter));
}

export type Interaction = 'read' | 'search' | 'create' | 'update' | 'delete';

const V2_LETTER: Record<Interaction, string> = { create: 'c', read: 'r', update: 'u', delete: 'd', search: 's' };

/** Every scope string the authorization server will accept for the FHIR audience (v1 and v2, patient and user level). */
export function grantableResourceScopes(): string[] {
  const scopes: string[] = [];
  const v2Suffixes = nonEmptyOrderedSubsets('cruds');
  for (const level of ['patient', 'user']) {
    for (const type of [...SCOPED_RESOURCE_TYPES, '*']) {
      for (const suffix of ['read', 'write', '*', ...v2Suffixes]) scopes.push(`${level}/${type}.${suffix}`);
    }
  }
  return scopes;
}

function nonEmptyOrderedSubsets(letters: string): string[] {
  const out: string[] = [];
  for (let mask = 1; mask < 1 << letters.length; mask++) {
    out.push([...letters].filter((_, i) => mask & (1 << i)).join(''));
  }
  return out;
}

export interface ScopeDecision {
  allowed: boolean;
  /** True when only patient-level scopes grant it: the request must stay inside the launch patient's compartment. */
  patientLevelOnly: boolean;
}

/** Does the granted scope set allow this interaction on this resource type? */
export function decide(grantedScopes: readonly string[], resourceType: string, interaction: Interaction): ScopeDecision {
  let patientLevel = false;
  let userLevel = false;
  for (const raw of grantedScopes) {
    const match = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)(\?.*)?$/.exec(raw);
    if (!match) continue;
    const [, level, type, permission] = match;
    if (type !== '*' && type !== resourceType) continue;
    if (!permissionCovers(permission ?? '', interaction)) continue;
    if (level === 'patient') patientLevel = true;
    else userLevel = true;
  }
  return { allowed: patientLevel || userLevel, patientLevelOnly: patientLevel && !userLevel };
}

function permissionCovers(permission: string, interaction: Interaction): boolean {
  if (permission === '*') return true;
  if (permission === 'read') return interaction === 'read' || interaction === 'search';
  if (permission === 'write') return interaction === 'create' || interaction === 'update' || interaction === 'delete';
  // v2: letters in the fixed order c r u d s.
  if (!/^c?r?u?d?s?$/.test(permission)) return false;
  return permission.includes(V2_LETTER[interaction]);
}
