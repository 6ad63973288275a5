/** Substance use as the whole record shows it: coded disorders, overdoses, detox stays, opioid orders and tobacco. */
import { isSubstanceOverdose } from '../../terminology/history-codes';
import type { CareEvent, DiagnosisSpan, Finding, OtherTreatment, SubstanceUseEvidence } from '../../types';

const SUBSTANCE_WORDS: Array<[RegExp, string]> = [
  [/opioid|opiate|heroin|narcotic|oxycodone|hydrocodone|fentanyl|morphine|\bF11/i, 'opioid'],
  [/alcohol|\bF10/i, 'alcohol'],
  [/cannabis|marijuana|\bF12/i, 'cannabis'],
  [/cocaine|amphetamine|stimulant|methamphetamine|\bF1[45]/i, 'stimulant'],
  [/sedative|hypnotic|benzodiazepine|\bF13/i, 'sedative'],
  [/tobacco|nicotine|smok/i, 'tobacco'],
];

function substancesIn(text: string): string[] {
  return SUBSTANCE_WORDS.filter(([re]) => re.test(text)).map(([, s]) => s);
}

/**
 * What the record shows of substance use: coded substance use disorders (active or past), overdoses of drugs of
 * abuse, detox stays, opioid orders alongside any of these, and tobacco. Null when none exists. `shownByEvents` gathers
 * the evidence other than a coded disorder, with dates, for where no active disorder is coded.
 */
export function substanceUseOf(
  diagnoses: DiagnosisSpan[],
  careEvents: CareEvent[],
  others: OtherTreatment[],
  tobacco: DiagnosisSpan[],
): SubstanceUseEvidence | null {
  const findings: Finding[] = [];
  const substances = new Set<string>();
  const sud = diagnoses.filter((d) => d.kind === 'substance-use');
  // A poisoning coded as by a named medicine (an antidepressant, say) is self-harm, shown as an overdose, not substance use.
  const overdoses = diagnoses.filter((d) => d.kind === 'overdose' && isSubstanceOverdose(d));
  const detox = careEvents.filter((e) => e.kind === 'detox');
  for (const d of sud) {
    const s = substancesIn(`${d.display} ${d.code}`);
    for (const x of s.length ? s : ['unspecified']) substances.add(x);
    findings.push({ text: `${d.display} since ${d.onset ?? 'an unknown date'}${d.abatement ? `, until ${d.abatement}` : ''}`, sources: [d.source] });
  }
  if (overdoses.length > 0)
    findings.push({ text: `${overdoses.length} overdose${overdoses.length > 1 ? 's' : ''} (${overdoses.map((o) => o.onset ?? 'date unknown').join(', ')})`, sources: overdoses.map((o) => o.source) });
  if (detox.length > 0)
    findings.push({ text: `${detox.length} detox stay${detox.length > 1 ? 's' : ''} (${detox.map((d) => d.start).join(', ')})`, sources: detox.map((d) => d.source) });
  for (const t of tobacco) {
    substances.add('tobacco');
    findings.push({ text: `${t.display} since ${t.onset ?? 'an unknown date'}`, sources: [t.source] });
  }
  const otherEvidence = sud.length > 0 || overdoses.length > 0 || detox.length > 0;
  if (!otherEvidence && tobacco.length === 0) return null;
  const opioids = others.filter((o) => o.category === 'opioid');
  const activeOpioidOrders: string[] = [];
  let opioidText: Finding | null = null;
  if (otherEvidence && opioids.length > 0) {
    substances.add('opioid');
    const active = opioids.filter((o) => o.end === null);
    for (const o of active) activeOpioidOrders.push(...o.sources);
    const agents = [...new Set(opioids.map((o) => o.ingredient))].join(', ');
    opioidText = { text: `${agents} ordered ${opioids[0]!.start} to ${opioids.at(-1)!.end ?? 'now'}`, sources: opioids.flatMap((o) => o.sources) };
    findings.push({
      text: `${opioids.length} opioid course${opioids.length > 1 ? 's' : ''} ordered (${agents}, ${opioids[0]!.start} to ${opioids.at(-1)!.end ?? 'now'})${active.length ? `; ${active.length} still active` : ''}`,
      sources: opioidText.sources,
    });
  }
  if ((overdoses.length > 0 || detox.length > 0) && substances.size === 0) substances.add('unspecified');
  const probableOpioidUseDisorder = sud.some((d) => substancesIn(`${d.display} ${d.code}`).includes('opioid')) || (opioids.length > 0 && (overdoses.length > 0 || detox.length > 0));
  return { substances: [...substances], findings, probableOpioidUseDisorder, activeOpioidOrders, shownByEvents: eventsFinding(detox, overdoses, opioidText) };
}

/** "detox stays 2011-05-31, 2019-12-22; overdose 2018-04-28 (Drug overdose); hydrocodone ordered 2015-07-03 to now" */
function eventsFinding(detox: CareEvent[], overdoses: DiagnosisSpan[], opioids: Finding | null): Finding | null {
  if (detox.length === 0 && overdoses.length === 0) return null;
  const parts: string[] = [];
  if (detox.length) parts.push(`detox stay${detox.length > 1 ? 's' : ''} ${detox.map((d) => d.start).join(', ')}`);
  if (overdoses.length)
    parts.push(`overdose${overdoses.length > 1 ? 's' : ''} ${overdoses.map((o) => `${o.onset ?? 'date unknown'} (${o.display.replace(/ \(reason of visits.*\)$/, '')})`).join(', ')}`);
  if (opioids) parts.push(opioids.text);
  return {
    text: parts.join('; '),
    sources: [...new Set([...detox.map((d) => d.source), ...overdoses.map((o) => o.source), ...(opioids?.sources ?? [])])],
  };
}
