import type { HumanName, Patient } from 'fhir/r4';
import { demographicsOf, lifeDatesWords } from '../../clinical/demographics';

/** "Given Family", preferring the official name; text when that is all there is. */
export function displayName(patient: Patient | null): string {
  const names = patient?.name ?? [];
  const name: HumanName | undefined = names.find((n) => n.use === 'official') ?? names.find((n) => n.use !== 'old') ?? names[0];
  if (!name) return 'Name not recorded';
  const parts = [...(name.given ?? []), name.family].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return parts.length > 0 ? parts.join(' ') : name.text?.trim() || 'Name not recorded';
}

const GENDER_WORDS: Record<string, string> = { male: 'Male', female: 'Female', other: 'Other', unknown: 'Gender unknown' };

/** Who this page is about. Hidden when the EHR shows its own banner (need_patient_banner: false). */
export function PatientBanner({ patient, patientId, asOf }: { patient: Patient | null; patientId: string; asOf: string }) {
  // Age and death as the engine reads them: a deceased patient's age is taken at death.
  const dates = patient ? lifeDatesWords(demographicsOf([{ ...patient, id: patientId }], patientId, asOf)) : null;
  const gender = patient?.gender ? (GENDER_WORDS[patient.gender] ?? patient.gender) : 'Gender not recorded';
  return (
    <section className="patient-banner" aria-label="Patient">
      <span className="patient-banner__name">{displayName(patient)}</span>
      <span className="patient-banner__item">
        {dates ?? 'Birth date not recorded'}
      </span>
      <span className="patient-banner__item">{gender}</span>
      <span className="patient-banner__id">ID {patientId}</span>
    </section>
  );
}
