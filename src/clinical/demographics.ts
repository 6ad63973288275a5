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

/**
 * The header's dates: "Born 1980-01-01 (46 y)", or for a deceased patient "Born 1915-07-03, died 2004-08-10, aged 89"
 * (the age at death, never counted on to today); null without a birth date.
 */
export function lifeDatesWords(d: Demographics): string | null {
  if (!d.birthDate) return null;
  if (d.deceased) {
    const died = d.deceasedDate ? `died ${d.deceasedDate}` : 'died (date not recorded)';
    return `Born ${d.birthDate}, ${died}${d.deceasedDate && d.ageYears !== null ? `, aged ${d.ageYears}` : ''}`;
  }
  return `Born ${d.birthDate}${d.ageYears !== null ? ` (${d.ageYears} y)` : ''}`;
}
