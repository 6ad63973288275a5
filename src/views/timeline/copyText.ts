/**
 * The plain text a clinician pastes into a note: the conclusions, staging and flags, then the trials.
 * It holds no name, birth date or identifier: the note already belongs to the patient.
 */
import type { Assessment, Derivation, Trial } from '../../clinical/types';
import {
  adequacyVerdictOf,
  type AdequacyVerdict,
  CONDITION_LABEL,
  DRUG_CLASS_LABEL,
  ROLE_LABEL,
  capitalise,
  describeTrialDosesAndTime,
  outcomeLabelWithBasis,
} from '../../clinical/vocabulary';
import { displayDate } from './labels';
import { adequateDoseText, adequateLevelText, adherenceText, trialPeriod } from './details';
import { adequacyReasonText } from './labels';
import { safetyItemText } from '../../clinical/safety';
import { compareCodeUnits } from '../../clinical/sorted';

export const DISCLAIMER =
  'Decision support, not a diagnosis: derived automatically from coded chart data, which may be incomplete. Verify against the chart before acting.';

function stagingLines(a: Assessment): string[] {
  const lines: string[] = [];
  if (a.thaseRush !== undefined) lines.push(`Thase-Rush stage ${a.thaseRush}${a.thaseRushBasis ? ` (${a.thaseRushBasis})` : ''}`);
  if (a.maudsley) {
    const estimated = a.maudsley.items.filter((i) => i.basis !== 'data').map((i) => `${i.item} ${i.basis}`);
    lines.push(
      `Maudsley Staging Method ${a.maudsley.score} (${a.maudsley.band})${estimated.length ? `; not from data: ${estimated.join(', ')}` : ''}`,
    );
  }
  if (a.mghs !== undefined) lines.push(`MGH-S ${a.mghs}${a.mghsBasis ? ` (${a.mghsBasis})` : ''}`);
  return lines;
}

/** The note's adequacy word: a trial that is not adequate stands out in capitals; one pending a level says so. */
const COPIED_ADEQUACY: Record<AdequacyVerdict, string> = { adequate: 'adequate', 'not-adequate': 'NOT adequate', unconfirmed: 'adequacy unconfirmed' };

function trialLine(t: Trial): string {
  const dose = t.maxDailyDoseMg === null ? 'dose unknown' : `dose ${describeTrialDosesAndTime(t)}`;
  const level = adequateLevelText(t);
  const threshold = level ? `; adequate at ${level}` : t.adequateDose === null ? '' : `; adequate dose from ${adequateDoseText(t.adequateDose, t.ingredient)}`;
  return [
    `- ${t.ingredient} [${DRUG_CLASS_LABEL[t.class]}, ${ROLE_LABEL[t.role]}], ${trialPeriod(t)}`,
    `  ${dose}${threshold}; ${COPIED_ADEQUACY[adequacyVerdictOf(t)]}: ${adequacyReasonText(t.adequacyReason)}; adherence: ${adherenceText(t)}`,
    `  outcome: ${outcomeLabelWithBasis(t)}${t.outcomeDetail ? `: ${t.outcomeDetail}` : ''}`,
  ].join('\n');
}

export function copyToNoteText(derivation: Derivation): string {
  const parts: string[] = [`Treatment-resistance summary as of ${displayDate(derivation.asOf)}`];
  // Safety items head the note, as they head the page; the heading dates them, as their details say "2 days ago".
  const safety = (derivation.safety ?? []).map((i) => `- ${safetyItemText(i)}`);
  if (safety.length) parts.unshift([`Safety as of ${displayDate(derivation.asOf)}:`, ...safety].join('\n'));
  if (derivation.assessments.length === 0) parts.push('No assessed psychiatric condition was found in the coded record.');
  for (const a of derivation.assessments) {
    const lines = [`${CONDITION_LABEL[a.condition]}: ${a.conclusion}`];
    lines.push(`  Definition: ${a.definition.summary} [${a.definition.source}; ${a.definition.verification === 'U' ? 'UNVERIFIED' : a.definition.verification}]`);
    for (const s of stagingLines(a)) lines.push(`  ${s}`);
    for (const f of a.flags) lines.push(`  Flag: ${capitalise(f.text)}`);
    parts.push(lines.join('\n'));
  }
  const trials = derivation.trials.slice().sort((a, b) => compareCodeUnits(a.start, b.start));
  parts.push(trials.length === 0 ? 'Medication trials: none found.' : `Medication trials (${trials.length}):\n${trials.map(trialLine).join('\n')}`);
  parts.push(DISCLAIMER);
  return parts.join('\n\n');
}
