/**
 * Thase-Rush staging (Thase & Rush 1997), each stage requiring the ones before it: I >= 1 failed adequate trial of a
 * major class; II failures in two distinctly different classes; III stage II plus a failed adequate TCA; IV stage III
 * plus a failed adequate MAOI; V stage IV plus a failed course of bilateral ECT. Stage II is reached by classes other
 * than the TCA and MAOI of stages III and IV, which are steps beyond it, not ways into it.
 */
import type { ProcedureMark } from '../types';
import { type JudgedTrial, isFailedAdequate } from './judged';
import { countOf } from '../plain-text';
import { DRUG_CLASS_LABEL } from '../vocabulary';

export interface ThaseRushResult {
  stage: number;
  basis: string;
}

/** ECT recorded as not having helped (Procedure.outcome); an ECT course without a stated outcome is not a failure. */
const ECT_FAILED = /\b(no|without|little|minimal|poor)\s+(response|improvement|benefit|effect)|\bnot\s+(effective|helpful|helped|respond\w*|improved?)|\bineffective|\bunsuccessful|\bfailed|\bnon-?respon\w*/i;

function ectFailed(p: ProcedureMark): boolean {
  return p.kind === 'ect' && typeof p.outcome === 'string' && ECT_FAILED.test(p.outcome);
}

/** `untilDeath`: the episode staged is the one that ended at death (nothing of a dead patient is current). */
export function thaseRushStage(antidepressantTrials: JudgedTrial[], ectInEpisode: ProcedureMark[], untilDeath = false): ThaseRushResult {
  const failed = antidepressantTrials.filter((t) => isFailedAdequate(t));
  if (failed.length === 0)
    return { stage: 0, basis: `no failed adequate antidepressant trial in the ${untilDeath ? 'episode until death' : 'current episode'}` };
  const classes = new Set(failed.map((t) => t.draft.drugClass));
  const before = new Set([...classes].filter((c) => c !== 'tca' && c !== 'maoi'));
  const tca = classes.has('tca');
  const maoi = classes.has('maoi');
  const ect = ectInEpisode.filter(ectFailed);
  let stage = 1;
  if (classes.size >= 2) stage = 2;
  if (before.size >= 2 && tca) stage = 3;
  if (stage === 3 && maoi) stage = 4;
  if (stage === 4 && ect.length > 0) stage = 5;
  const parts = [
    `${countOf(failed.length, 'failed adequate trial')} in ${countOf(classes.size, 'class', 'classes')}: ${[...classes].map((c) => DRUG_CLASS_LABEL[c]).join(', ')}`,
    tca ? (before.size >= 2 ? 'a failed adequate TCA after two other classes' : 'a failed adequate TCA, but not after failures in two other classes (stage III needs stage II first)') : 'no failed adequate TCA',
    maoi ? (stage >= 4 ? 'a failed adequate MAOI after the TCA' : 'a failed adequate MAOI, but stage III not reached (stage IV needs it)') : 'no failed adequate MAOI',
  ];
  if (ectInEpisode.length > 0)
    parts.push(ect.length > 0 ? `ECT recorded as not helping (${ect[0]!.source})` : 'ECT in the episode without a recorded failure (not counted as failed)');
  return { stage, basis: parts.join('; ') };
}
