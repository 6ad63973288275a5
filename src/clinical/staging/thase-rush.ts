/**
 * Thase-Rush staging (1997), FACTS.md §2.1 [S]: 0 responds to an adequate trial; I >= 1 failed adequate trial;
 * II failures in two different classes; III stage II + a failed adequate TCA; IV stage III + a failed adequate
 * MAOI; V stage IV + a failed course of bilateral ECT.
 */
import type { ProcedureMark } from '../types';
import { type JudgedTrial, isFailedAdequate } from './judged';

export interface ThaseRushResult {
  stage: number;
  basis: string;
}

export function thaseRushStage(antidepressantTrials: JudgedTrial[], ectInEpisode: ProcedureMark[], episodeOngoing: boolean): ThaseRushResult {
  const failed = antidepressantTrials.filter((t) => isFailedAdequate(t));
  if (failed.length === 0) return { stage: 0, basis: 'no failed adequate antidepressant trial in the current episode' };
  const classes = new Set(failed.map((t) => t.draft.drugClass));
  const tca = failed.some((t) => t.draft.drugClass === 'tca');
  const maoi = failed.some((t) => t.draft.drugClass === 'maoi');
  let stage = 1;
  if (classes.size >= 2) stage = 2;
  if (stage === 2 && tca) stage = 3;
  if (stage === 3 && maoi) stage = 4;
  // An ECT course in an episode that is still ongoing is taken as failed (estimated; ECT outcome is rarely coded).
  const ectFailed = ectInEpisode.length > 0 && episodeOngoing;
  if (stage === 4 && ectFailed) stage = 5;
  const parts = [
    `${failed.length} failed adequate trial(s) in ${classes.size} class(es): ${[...classes].join(', ')}`,
    tca ? 'includes a TCA' : 'no failed adequate TCA',
    maoi ? 'includes an MAOI' : 'no failed adequate MAOI',
  ];
  if (stage >= 4) parts.push(ectFailed ? 'ECT in the current episode without remission (estimated)' : 'no failed ECT course');
  return { stage, basis: parts.join('; ') };
}
