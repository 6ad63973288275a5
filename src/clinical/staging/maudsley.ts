/**
 * Maudsley Staging Method, Fekadu et al. BMC Psychiatry 2018, Table 3. Each item says
 * whether it rests on data, on an estimate (e.g. severity from PHQ-9 bands) or is missing (scored at its minimum).
 */
import { type Day, isoDate, monthsBetween } from '../dates';
import type { DatedScore } from '../pipeline/7-outcome';
import type { DiagnosisSpan, MaudsleyItem, ProcedureMark } from '../types';
import { type CountedAugmentations, type JudgedTrial, describeAddOns, isFailedAdequate } from './judged';
import { countOf } from '../plain-text';
import { withFields } from '../with-fields';

export interface MaudsleyInput {
  episodeStart: Day | null;
  asOf: Day;
  /** The episode was open when the patient died, on this day: its duration runs to death, not to asOf. */
  deathDay?: Day;
  /** MDD diagnoses of the current episode (their ICD-10 codes carry severity). */
  episodeDiagnoses: DiagnosisSpan[];
  psychoticFeatures: DiagnosisSpan[];
  /** PHQ-9 scores in the episode, sorted by day. */
  phq9: DatedScore[];
  antidepressantTrials: JudgedTrial[];
  /** The same add-ons MGH-S counts (countedAugmentations). */
  augmentations: CountedAugmentations;
  ectInEpisode: ProcedureMark[];
}

/** ICD-10-CM severity digit of F32.x / F33.x -> MSM severity points (F3x.0 mild ... F3x.3 severe with psychosis). */
const ICD_SEVERITY: Record<string, { points: number; label: string }> = {
  '0': { points: 2, label: 'mild' },
  '1': { points: 3, label: 'moderate' },
  '2': { points: 4, label: 'severe without psychotic features' },
  '3': { points: 5, label: 'severe with psychotic features' },
};

export function maudsleyScore(input: MaudsleyInput): { score: number; band: 'mild' | 'moderate' | 'severe'; items: MaudsleyItem[] } {
  const items: MaudsleyItem[] = [durationItem(input), severityItem(input), failuresItem(input), augmentationItem(input), ectItem(input)];
  const score = items.reduce((s, i) => s + i.points, 0);
  const band = score <= 6 ? 'mild' : score <= 10 ? 'moderate' : 'severe';
  return { score, band, items };
}

function durationItem({ episodeStart, asOf, deathDay }: MaudsleyInput): MaudsleyItem {
  if (episodeStart === null)
    return { item: 'duration', points: 1, basis: 'missing', explanation: 'episode onset unknown; scored at the minimum (acute)' };
  const months = monthsBetween(episodeStart, deathDay ?? asOf);
  const points = months <= 12 ? 1 : months <= 24 ? 2 : 3;
  const label = points === 1 ? 'acute (≤12 months)' : points === 2 ? 'sub-acute (13–24 months)' : 'chronic (>24 months)';
  const episode = deathDay === undefined ? `current episode ${months} months` : `episode ${months} months until death on ${isoDate(deathDay)}`;
  return { item: 'duration', points, basis: 'data', explanation: `${episode}: ${label}` };
}

function severityItem({ episodeDiagnoses, psychoticFeatures, phq9 }: MaudsleyInput): MaudsleyItem {
  if (psychoticFeatures.length > 0)
    return { item: 'severity', points: 5, basis: 'data', explanation: `psychotic features recorded (${psychoticFeatures[0]!.source})` };
  let best: { points: number; label: string; source: string } | null = null;
  for (const d of episodeDiagnoses) {
    const m = /^F3[23]\.?(\d)/i.exec(d.code);
    const sev = m ? ICD_SEVERITY[m[1]!] : undefined;
    if (sev && (!best || sev.points > best.points)) best = withFields(sev, { source: d.source });
  }
  if (best) return { item: 'severity', points: best.points, basis: 'data', explanation: `diagnosis coded ${best.label} (${best.source})` };
  const first = phq9[0];
  if (first) {
    // PHQ-9 bands (Kroenke 2001): <5 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, >=20 severe.
    // Mapping to MSM categories is this app's estimate; "moderately severe" is scored as moderate.
    const v = first.value;
    const points = v < 5 ? 1 : v < 10 ? 2 : v < 20 ? 3 : 4;
    const label = ['', 'subsyndromal', 'mild', 'moderate', 'severe without psychosis'][points];
    return { item: 'severity', points, basis: 'estimated', explanation: `first PHQ-9 of the episode ${v} (${first.source}) read as ${label}` };
  }
  return { item: 'severity', points: 1, basis: 'missing', explanation: 'no severity coded and no PHQ-9; scored at the minimum' };
}

function failuresItem({ antidepressantTrials }: MaudsleyInput): MaudsleyItem {
  const n = antidepressantTrials.filter((t) => isFailedAdequate(t)).length;
  const points = n <= 2 ? 1 : n <= 4 ? 2 : n <= 6 ? 3 : n <= 10 ? 4 : 5;
  return {
    item: 'antidepressant-failures',
    points,
    basis: 'data',
    explanation: n === 0 ? '0 failed adequate antidepressant trials (scored at the minimum, 1)' : countOf(n, 'failed adequate antidepressant trial'),
  };
}

function augmentationItem({ augmentations }: MaudsleyInput): MaudsleyItem {
  const { counted, notCounted } = augmentations;
  const skipped = notCounted.length ? `; not counted (not adequate): ${notCounted.map((t) => `${t.draft.ingredient}: ${t.adequacy.reason}`).join('; ')}` : '';
  const n = counted.length;
  return n > 0
    ? { item: 'augmentation', points: 1, basis: 'data', explanation: `${n} adequate augmentation${n === 1 ? '' : 's'} used: ${describeAddOns(counted)}${skipped}` }
    : { item: 'augmentation', points: 0, basis: 'data', explanation: `no adequate augmentation in the medication record of this episode${skipped}` };
}

function ectItem({ ectInEpisode }: MaudsleyInput): MaudsleyItem {
  return ectInEpisode.length > 0
    ? { item: 'ect', points: 1, basis: 'data', explanation: `ECT recorded (${ectInEpisode[0]!.source})` }
    : { item: 'ect', points: 0, basis: 'data', explanation: 'no ECT procedure recorded in this episode' };
}
