/**
 * Code systems the terminology layer understands, and small helpers to read codings.
 * Records spell system URIs in several ways (canonical URL, urn:oid, trailing slash); everything is normalised
 * to one key here so the tables can stay simple.
 */
import type { CodeableConcept, Coding } from 'fhir/r4';

export type SystemKey =
  | 'rxnorm'
  | 'atc'
  | 'snomed'
  | 'icd10cm'
  | 'icd10'
  | 'loinc'
  | 'cpt'
  | 'hcpcs'
  | 'local-scales'
  | 'local-procedures'
  | 'local-devices';

/** Canonical URIs (FHIR R4 terminology page) plus this project's documented local code systems. */
const SYSTEM_URIS: Record<SystemKey, string> = {
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  atc: 'http://www.whocc.no/atc',
  snomed: 'http://snomed.info/sct',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  loinc: 'http://loinc.org',
  cpt: 'http://www.ama-assn.org/go/cpt',
  /** HCPCS Level II, as HL7's terminology (THO) names it. */
  hcpcs: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  /**
   * Local code system for symptom scales that have no verified LOINC code (MADRS, HAM-D, QIDS-SR16, Y-BOCS, ...;
   * no LOINC code confirmed). Codes are the Instrument names of the scale table, terminology/scales.ts ("madrs",
   * "ybocs", ...).
   */
  'local-scales': 'http://example.org/trd-timeline/CodeSystem/scales',
  /** Local code system for interventional procedures whose SNOMED codes are not confirmed: codes are ProcedureKind names ("ect", "tms", ...). */
  'local-procedures': 'http://example.org/trd-timeline/CodeSystem/procedures',
  /** Local code system for implanted devices: "cochlear-implant", "deep-brain-stimulator", "vagus-nerve-stimulator", "aneurysm-clip"; cardiac: "pacemaker", "implantable-cardioverter-defibrillator". */
  'local-devices': 'http://example.org/trd-timeline/CodeSystem/devices',
};

/** Each code system's name as clinicians know it, for the views and notes (the URI stays with the source record). */
const SYSTEM_NAMES: Record<SystemKey, string> = {
  rxnorm: 'RxNorm',
  atc: 'WHO ATC',
  snomed: 'SNOMED CT',
  icd10cm: 'ICD-10-CM',
  icd10: 'ICD-10 (WHO)',
  loinc: 'LOINC',
  cpt: 'CPT',
  hcpcs: 'HCPCS Level II',
  'local-scales': 'local scale codes (this app)',
  'local-procedures': 'local procedure codes (this app)',
  'local-devices': 'local device codes (this app)',
};

const ALIASES: Record<string, SystemKey> = {
  'urn:oid:2.16.840.1.113883.6.88': 'rxnorm',
  'http://www.whocc.no/atc/': 'atc',
  'urn:oid:2.16.840.1.113883.6.73': 'atc',
  'http://snomed.info/sct/': 'snomed',
  'urn:oid:2.16.840.1.113883.6.96': 'snomed',
  'urn:oid:2.16.840.1.113883.6.90': 'icd10cm',
  'http://hl7.org/fhir/sid/icd-10-cm/': 'icd10cm',
  'urn:oid:2.16.840.1.113883.6.3': 'icd10',
  'urn:oid:2.16.840.1.113883.6.1': 'loinc',
  'http://loinc.org/': 'loinc',
  'urn:oid:2.16.840.1.113883.6.12': 'cpt',
  'urn:oid:2.16.840.1.113883.6.285': 'hcpcs',
  'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets': 'hcpcs',
  // HCPCS of all levels (Level I is CPT), retired in THO in favour of CPT and HCPCS Level II but still in older records.
  'urn:oid:2.16.840.1.113883.6.14': 'hcpcs',
  'http://terminology.hl7.org/CodeSystem/HCPCS-all-codes': 'hcpcs',
};

const BY_URI = new Map<string, SystemKey>(
  [...Object.entries(SYSTEM_URIS).map(([k, v]) => [v, k as SystemKey] as const), ...Object.entries(ALIASES)],
);

/** The system's key, or null when this project does not know it. */
export function systemKeyOf(system: string | undefined): SystemKey | null {
  if (!system || typeof system !== 'string') return null;
  return BY_URI.get(system) ?? BY_URI.get(system.replace(/\/$/, '')) ?? null;
}

/** A code system's name ("ICD-10-CM") for any spelling of its URI; a system this project does not know keeps its URI. */
export function codeSystemName(system: string): string {
  const key = systemKeyOf(system);
  return key ? SYSTEM_NAMES[key] : system;
}

/**
 * Codings of a concept, tolerating malformed input: non-array coding, codings without a string code, and
 * non-string system/display (dropped). Returned codings are clean copies: `code` is a non-empty string and
 * `system`/`display` are strings or absent.
 */
export function codingsOf(concept: CodeableConcept | undefined): Coding[] {
  const list: unknown[] = concept && typeof concept === 'object' && Array.isArray(concept.coding) ? concept.coding : [];
  const out: Coding[] = [];
  for (const c of list) {
    if (!c || typeof c !== 'object') continue;
    const { system, code, display } = c as Record<string, unknown>;
    if (typeof code !== 'string' || code.trim() === '') continue;
    // Built whole in one of four literals (no spread of a temporary object per field), keys in the same order.
    if (typeof system === 'string') out.push(typeof display === 'string' ? { code, system, display } : { code, system });
    else out.push(typeof display === 'string' ? { code, display } : { code });
  }
  return out;
}

/** Systems of a concept's codings that this project does not know (for the "code from unknown system" note). */
export function unknownSystemsOf(concept: CodeableConcept | undefined): string[] {
  return unknownSystemsIn(codingsOf(concept));
}

/** unknownSystemsOf for codings already read (codingsOf), so a reader that needs both reads them once. */
export function unknownSystemsIn(codings: readonly Coding[]): string[] {
  const systems = codings
    .map((c) => c.system ?? '(no system)')
    .filter((s) => systemKeyOf(s) === null);
  return [...new Set(systems)];
}

/** The best human-readable text of a concept: its text, else the first coding display, else the first code. */
export function conceptText(concept: CodeableConcept | undefined): string {
  if (!concept || typeof concept !== 'object') return '';
  if (typeof concept.text === 'string' && concept.text.trim()) return concept.text.trim();
  for (const c of codingsOf(concept)) if (typeof c.display === 'string' && c.display.trim()) return c.display.trim();
  const first = codingsOf(concept)[0];
  return first?.code ?? '';
}

/**
 * A concept's text exactly as the record spells it, for notes and labels that quote the record: its text, else the
 * first coding display, else the first coding code. Unlike conceptText nothing is trimmed, a blank string counts as
 * present, and codings are read whether or not they carry a code.
 */
export function conceptTextAsRecorded(concept: CodeableConcept | undefined): string {
  if (typeof concept !== 'object' || concept === null || Array.isArray(concept)) return '';
  if (typeof concept.text === 'string' && concept.text) return concept.text;
  const codings = Array.isArray(concept.coding) ? concept.coding : [];
  for (const cd of codings) if (cd && typeof cd.display === 'string' && cd.display) return cd.display;
  for (const cd of codings) if (cd && typeof cd.code === 'string') return cd.code;
  return '';
}

/** This project's own local code systems (the local-* URIs above, and any other under it). */
const LOCAL_SYSTEM_PREFIX = 'http://example.org/trd-timeline';

/**
 * Why a coded record is not used: "code from unknown system X" when no coding's system is one this project knows (any
 * spelling systemKeyOf reads: canonical URI, urn:oid, trailing slash) nor one of the local systems, else the fallback
 * reason; each with the concept's text as recorded. Codings without a code count.
 */
export function unknownCodeReason(what: string, concept: unknown, fallback?: string): string {
  const c = typeof concept === 'object' && concept !== null && !Array.isArray(concept) ? (concept as CodeableConcept) : undefined;
  const codings = Array.isArray(c?.coding) ? c.coding : [];
  const text = conceptTextAsRecorded(c);
  if (codings.length === 0 && !text) return `${what} without code or text`;
  const systems = codings.map((cd) => (cd && typeof cd.system === 'string' ? cd.system : '(no system)'));
  const unknown = systems.filter((s) => systemKeyOf(s) === null && !s.startsWith(LOCAL_SYSTEM_PREFIX));
  if (codings.length > 0 && unknown.length === codings.length)
    return `code from unknown system ${[...new Set(unknown)].join(', ')}${text ? ` (${text})` : ''}`;
  return `${fallback ?? `not a ${what} this app assesses`}${text ? `: ${text}` : ''}`;
}

/** ICD-10 codes arrive as "F33.2", "f332" or "F33.2 "; normalise to upper case with the dot after 3 characters. */
export function normalizeIcd10(code: string): string {
  const c = code.trim().toUpperCase().replace(/\s+/g, '');
  const bare = c.replace('.', '');
  return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
}

/** Condition.clinicalStatus codes (HL7 condition-clinical) that mean the condition is current. */
export const ACTIVE_CLINICAL_STATUSES: ReadonlySet<string> = new Set(['active', 'recurrence', 'relapse']);
