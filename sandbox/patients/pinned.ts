/**
 * The demo patients' full derivations, pinned: each patient is built for one fixed day and derived as of it, and the
 * derivation is kept as reviewed JSON in test/sandbox/expected/<id>.json. A rule or threshold change then shows, in
 * one diff, every patient it moves. `npm run pin:demo` rewrites the files (after a deliberate change, to review its
 * diff); test/sandbox/pinned-derivations.test.ts fails on any difference.
 */
import type { Bundle, Resource } from 'fhir/r4';
import { derivePatient } from '../../src/clinical';
import type { DemoPatient } from './demo-patient';

/** The day the pinned bundles are built for and derived as of (the demo tests' own "today"). */
const PIN_TODAY = new Date('2026-11-22T08:00:00Z');

/** Where the pinned derivations live, relative to the repository's root. */
export const PINNED_DIR = 'test/sandbox/expected';

const resourcesOf = (bundle: Bundle): Resource[] => (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));

/** The patient's derivation as the pinned file holds it: two-space JSON, one trailing newline. */
export function pinnedDerivationText(patient: DemoPatient): string {
  const derivation = derivePatient({ patientId: patient.id, resources: resourcesOf(patient.build(PIN_TODAY)) }, { asOf: PIN_TODAY.toISOString().slice(0, 10) });
  return `${JSON.stringify(derivation, null, 2)}\n`;
}
