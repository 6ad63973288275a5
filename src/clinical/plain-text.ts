/**
 * The engine's sentences as a reader should see them, in the app and in the chart: without resource ids in the prose
 * and without verification tags. Pure string work, no clinical judgement.
 */

/** The sentence without verification tags ("[V]", "[unverified]"): the app shows verification as a badge instead. */
function withoutVerificationTags(text: string): string {
  return text.replace(/\s*\[(?:V|S|U|verified|secondary source|unverified)\]/g, '');
}

/** Plain words for the resource types the engine names in its notes. */
const RESOURCE_WORDS: Record<string, [string, string]> = {
  MedicationRequest: ['prescription', 'prescriptions'],
  MedicationStatement: ['medication statement', 'medication statements'],
  MedicationDispense: ['dispense', 'dispenses'],
  MedicationAdministration: ['administration', 'administrations'],
  Medication: ['medication record', 'medication records'],
  Observation: ['observation', 'observations'],
  Condition: ['diagnosis', 'diagnoses'],
  Procedure: ['procedure', 'procedures'],
  Device: ['device record', 'device records'],
  AllergyIntolerance: ['intolerance record', 'intolerance records'],
  Encounter: ['encounter', 'encounters'],
  CarePlan: ['care plan', 'care plans'],
};

const TYPES = `(?:${[...Object.keys(RESOURCE_WORDS), 'Patient', 'Practitioner', 'ServiceRequest', 'Provenance'].join('|')})`;
const ONE_REFERENCE = `${TYPES}\\/[A-Za-z0-9\\-.]{1,64}`;
export const REFERENCE_RUN = new RegExp(`\\b(${TYPES})\\/[A-Za-z0-9\\-.]{1,64}(?:,\\s*${ONE_REFERENCE})*`, 'g');

/**
 * The engine's sentences without resource ids: "merged: MedicationRequest/a, MedicationStatement/b" reads
 * "merged: 2 records", "from MedicationRequest/a" reads "from the prescription". The ids stay one click away
 * (the item's sources), not in the prose.
 */
export function plainText(text: string): string {
  return withoutVerificationTags(text)
    .replace(REFERENCE_RUN, (run, firstType: string) => {
      const types = [...run.matchAll(new RegExp(`(${TYPES})\\/`, 'g'))].map((m) => m[1]!);
      if (types.length === 1) return `the ${RESOURCE_WORDS[firstType]?.[0] ?? 'record'}`;
      const same = types.every((t) => t === firstType);
      return same ? `${types.length} ${RESOURCE_WORDS[firstType]?.[1] ?? 'records'}` : `${types.length} records`;
    })
    .replace(/\s*\(the [a-z ]+\)/g, '')
    .replace(/\s{2,}/g, ' ');
}

/**
 * The engine's sentence as written into the chart (plan, referral, note, letter): plain words, and an unverified source
 * said as "(unverified)" in words, not as the app's internal tag (a rule of the app's own already says it: "local
 * working rule (unverified)").
 */
export function writtenText(text: string): string {
  const plain = plainText(text);
  return plain.includes('(unverified)') ? plain.replace(/\s*\[UNVERIFIED\]/g, '') : plain.replace(/\s*\[UNVERIFIED\]/g, ' (unverified)');
}

/** "1 trial", "2 trials", "1 class", "3 classes": a count with its noun in the right number (never "trial(s)"). */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
