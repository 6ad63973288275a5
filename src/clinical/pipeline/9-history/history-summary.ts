/** The words for a psychiatric history that has no assessed condition and no trial. */
import { CARE_EVENT_LABEL } from '../../terminology/history-codes';

/** What makes a psychiatric history when no assessed condition or trial does ("ADHD; 2 overdoses; 3 detox stays"), or null. */
export function psychiatricHistorySummary(
  diagnoses: { kind: string; display: string }[],
  careEvents: { kind: keyof typeof CARE_EVENT_LABEL }[],
  therapies: number,
  substanceUse: boolean,
  tobacco: readonly { display: string }[] = [],
  substanceCounselling = false,
): string | null {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const d of diagnoses) {
    if (d.kind === 'overdose' || seen.has(d.kind)) continue;
    seen.add(d.kind);
    parts.push(d.display.replace(/ \(reason of visits.*\)$/, ''));
  }
  const overdoses = diagnoses.filter((d) => d.kind === 'overdose').length;
  if (overdoses) parts.push(`${overdoses} overdose${overdoses > 1 ? 's' : ''}`);
  for (const kind of ['psychiatric-admission', 'detox'] as const) {
    const n = careEvents.filter((e) => e.kind === kind).length;
    if (n) parts.push(`${n} ${CARE_EVENT_LABEL[kind]}${n > 1 ? 's' : ''}`);
  }
  // Tobacco use is named as the record names it ("Smokes tobacco daily"), not hidden in "substance use".
  for (const display of new Set(tobacco.map((t) => t.display))) parts.push(display);
  if (therapies) parts.push('psychotherapy');
  if (substanceCounselling) parts.push('substance-use counselling');
  if (parts.length === 0 && substanceUse) parts.push('substance use');
  return parts.length ? parts.join('; ') : null;
}
