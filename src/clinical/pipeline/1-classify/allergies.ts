/** AllergyIntolerance records to psychiatric medications: intolerance evidence the outcome pass matches to trials. */
import type { AllergyIntolerance } from 'fhir/r4';
import type { Ledger } from '../../accounting';
import { toDay } from '../../dates';
import { identifyMedication } from '../../medication';
import { conceptTextAsRecorded } from '../../terminology/systems';
import type { Classified } from './classified';
import { PSYCHIATRIC_CLASSES } from './medications';
import { firstCode, isConcept, obj, str } from './typed-fields';

export function classifyAllergy(ledger: Ledger, ref: string, a: AllergyIntolerance, out: Classified): void {
  const verification = firstCode(a.verificationStatus);
  if (verification === 'refuted' || verification === 'entered-in-error') {
    ledger.unused(ref, `verification status ${verification}`);
    return;
  }
  const identity = identifyMedication(isConcept(a.code) ? a.code : undefined);
  if (!identity.ingredient || !PSYCHIATRIC_CLASSES.has(identity.drugClass)) {
    ledger.unused(ref, `allergy/intolerance not to a psychiatric medication${identity.display ? `: ${identity.display}` : ''}`);
    return;
  }
  const day = toDay(a.onsetDateTime) ?? toDay(obj(a.onsetPeriod)?.start) ?? toDay(a.recordedDate) ?? toDay(a.lastOccurrence);
  const reactions = Array.isArray(a.reaction)
    ? a.reaction.flatMap((r) => (Array.isArray(r?.manifestation) ? r.manifestation.map((m) => conceptTextAsRecorded(m)) : [])).filter(Boolean)
    : [];
  out.intolerances.push({
    ingredient: identity.ingredient,
    day,
    text: `${str(a.type) ?? 'intolerance'} to ${identity.ingredient}${reactions.length ? ` (${reactions.join(', ')})` : ''}`,
    reference: ref,
  });
  // Settled by the outcome pass: used when it matches a trial of that agent.
}
