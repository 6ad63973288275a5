/**
 * Conditions: one diagnosis span per kind a recognised code states, with its onset and abatement; the kinds stated
 * beside the main one are marked as implied by it, so that one recorded condition is drawn once.
 */
import type { Condition } from 'fhir/r4';
import type { Ledger } from '../../accounting';
import { type Day, isoDate, parseFhirDate, toDay } from '../../dates';
import { classifyCondition, conditionNotRecognisedReason } from '../../terminology';
import type { Classified } from './classified';
import { firstCode, isConcept, obj } from './typed-fields';

export function classifyConditionResource(ledger: Ledger, ref: string, c: Condition, asOf: Day, out: Classified): void {
  const verification = firstCode(c.verificationStatus);
  if (verification === 'entered-in-error' || verification === 'refuted') {
    ledger.unused(ref, `verification status ${verification}`);
    return;
  }
  const cls = classifyCondition(isConcept(c.code) ? c.code : undefined);
  if (!cls) {
    ledger.unused(ref, conditionNotRecognisedReason(isConcept(c.code) ? c.code : undefined));
    return;
  }
  const onsetParsed = parseFhirDate(c.onsetDateTime) ?? parseFhirDate(obj(c.onsetPeriod)?.start);
  let onset = onsetParsed?.day ?? null;
  let basisNote = '';
  if (onset === null && toDay(c.recordedDate) !== null) {
    onset = toDay(c.recordedDate);
    basisNote = 'recorded date used as onset';
  }
  let abatement = toDay(c.abatementDateTime) ?? toDay(obj(c.abatementPeriod)?.end) ?? toDay(obj(c.abatementPeriod)?.start);
  const clinicalStatus = firstCode(c.clinicalStatus);
  if (onset !== null && onset > asOf) {
    ledger.unused(ref, `onset in the future (${isoDate(onset)})`);
    return;
  }
  if (onset !== null && abatement !== null && abatement < onset) {
    ledger.unused(ref, `contradictory dates: abatement ${isoDate(abatement)} before onset ${isoDate(onset)}`);
    return;
  }
  if (abatement !== null && abatement > asOf) abatement = null;
  // A code can state more than one thing (F32.3: MDD with psychotic features): one span per kind, same source.
  for (const kind of [cls.kind, ...(cls.alsoImplies ?? [])]) {
    out.diagnoses.push({
      kind,
      code: cls.code,
      system: cls.system,
      display: cls.display,
      onset: onset === null ? null : isoDate(onset),
      abatement: abatement === null ? null : isoDate(abatement),
      clinicalStatus,
      ...(kind === 'overdose' && cls.intent ? { intent: cls.intent } : {}),
      ...(kind === cls.kind ? {} : { impliedBy: cls.kind }),
      source: ref,
    });
  }
  ledger.use(ref, `diagnosis ${cls.kind}${basisNote ? ` (${basisNote})` : ''}`);
}
