/** What the Patient resource says that the rules use: age (for the options' age limits) and death. */
import { ageInYears, isoDate, toDay } from './dates';
import type { Demographics } from './types';

/**
 * Age and death from the Patient resource among `resources` (the one whose id is `patientId`). A death date after
 * asOf is not known yet; ages are taken at death for a deceased patient.
 */
export function demographicsOf(resources: readonly unknown[], patientId: string, asOf: string): Demographics {
  const patient = resources.find(
    (r): r is Record<string, unknown> =>
      typeof r === 'object' && r !== null && (r as { resourceType?: unknown }).resourceType === 'Patient' && (r as { id?: unknown }).id === patientId,
  );
  if (!patient) return { birthDate: null, ageYears: null, deceased: false, deceasedDate: null, source: null };
  const birthDate = typeof patient.birthDate === 'string' ? patient.birthDate : null;
  const deathDay = toDay(patient.deceasedDateTime);
  const asOfDay = toDay(asOf);
  const deathKnown = deathDay !== null && asOfDay !== null && deathDay <= asOfDay;
  // A death date that cannot be read still says the patient died (deceased[x] is there); only its date is unknown.
  const deathUnreadable = patient.deceasedDateTime !== undefined && deathDay === null;
  const deceased = deathKnown || deathUnreadable || patient.deceasedBoolean === true;
  const deceasedDate = deathKnown ? isoDate(deathDay) : null;
  return {
    birthDate,
    ageYears: ageInYears(birthDate, deceasedDate ?? asOf),
    deceased,
    deceasedDate,
    source: `Patient/${patientId}`,
  };
}
