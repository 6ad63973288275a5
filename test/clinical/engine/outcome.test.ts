import { describe, expect, it } from 'vitest';
import { addDays, allergy, derive, mdd, patient, phq9, statement, trialOf, weeksAfter } from './builders';
import { BASELINE_DAYS_AFTER, BASELINE_DAYS_BEFORE, SWITCH_WINDOW_DAYS } from '../../../src/clinical/engine-rules';
import { findBaseline } from '../../../src/clinical/pipeline/7-outcome';

const START = '2025-01-01';
const tenWeeks = () => statement('sertraline', 100, START, weeksAfter(START, 10));

describe('outcome', () => {
  // Scores during a trial with no baseline inside the baseline window cannot be measured as a fall; the outcome says
  // so instead of "without scores". Scores low enough that a response stays possible leave it unknown.
  it('an ended trial with scores during it but no baseline in the window, low enough for a response: unknown, naming the scores and the missing baseline', () => {
    const s = statement('sertraline', 100, START, weeksAfter(START, 20));
    const d = derive([patient(), mdd('2024-06-01'), s, phq9('2024-09-01', 22), phq9(weeksAfter(START, 6), 12), phq9(weeksAfter(START, 14), 11)]);
    const t = trialOf(d, 'sertraline');
    expect(t.outcome).toBe('unknown');
    expect(t.outcomeDetail).toBe(
      `ended; PHQ-9 12 on ${weeksAfter(START, 6)}, 11 on ${weeksAfter(START, 14)} during the trial, but no baseline score within ` +
        `${BASELINE_DAYS_BEFORE} days before or ${BASELINE_DAYS_AFTER} days after its start (${START}) to measure them against; no stated reason or following agent`,
    );
  });

  it('a trial still open at death ends at death, not by a stop, and its scores without a baseline are named', () => {
    const dead = { ...patient(), deceasedDateTime: '2025-08-01' };
    const s = statement('sertraline', 100, START, null);
    const d = derive([dead, mdd('2024-06-01'), s, phq9('2024-09-01', 22), phq9(weeksAfter(START, 6), 12), phq9(weeksAfter(START, 20), 10)]);
    const t = trialOf(d, 'sertraline');
    expect(t.outcome).toBe('unknown');
    expect(t.outcomeDetail).toMatch(/^ended at death \(2025-08-01\); PHQ-9 12 on .*, 10 on .* during the trial, but no baseline score/);
    expect(t.outcomeDetail).toMatch(/; no stated reason$/);
  });

  // Demo case "ehr-export-mdd": sertraline 100 mg for 92 weeks, PHQ-9 22, 15, 15 during it and none near its start.
  // A latest PHQ-9 of 14 or more on an adequate trial cannot be a 50% fall from any baseline (the maximum is 27).
  // Demo case "ehr-export-mdd": sertraline, PHQ-9 22 -> 15 during the trial, no baseline.
  it('an adequate trial without a baseline whose PHQ-9 fell 22 -> 15 (-32%) during it, latest 15 on the adequate dose: partial response (insufficient), measured', () => {
    const s = statement('sertraline', 100, START, weeksAfter(START, 40));
    const d = derive([patient(), mdd('2024-06-01'), s, phq9(weeksAfter(START, 20), 22), phq9(weeksAfter(START, 36), 15)]);
    const t = trialOf(d, 'sertraline');
    expect(t.outcome).toBe('partial');
    expect(t.outcomeBasis).toBe('measured');
    expect(t.outcomeDetail).toBe(
      `PHQ-9 22 on ${weeksAfter(START, 20)} → 15 on ${weeksAfter(START, 36)} (−32%) during the trial on adequate dose, after 36 weeks at or above it: ` +
        `a partial response, insufficient (a fall of 25–49%; a response is 50% or more), and not a response from any baseline, ` +
        `as a 50% fall from the scale's maximum (27) reaches 13.5 or less; no baseline score within ${BASELINE_DAYS_BEFORE} days before or ` +
        `${BASELINE_DAYS_AFTER} days after its start, ${START}, so the fall is measured from the first score during the trial`,
    );
    expect(t.sources.filter((r) => r.startsWith('Observation/'))).toHaveLength(2);
    // A partial response is a failed adequate trial for resistance, as a non-response is.
    expect(d.assessments.find((a) => a.condition === 'mdd')!.failedAdequateTrials).toBe(1);
  });

  it('an adequate trial without a baseline whose PHQ-9 fell only 22 -> 18 (-18%), latest 18 on the adequate dose: non-response, measured, by the scale maximum', () => {
    const s = statement('sertraline', 100, START, weeksAfter(START, 40));
    const d = derive([patient(), mdd('2024-06-01'), s, phq9(weeksAfter(START, 20), 22), phq9(weeksAfter(START, 36), 18)]);
    const t = trialOf(d, 'sertraline');
    expect(t.outcome).toBe('nonresponse');
    expect(t.outcomeBasis).toBe('measured');
    expect(t.outcomeDetail).toBe(
      `PHQ-9 18 on ${weeksAfter(START, 36)} on adequate dose, after 36 weeks at or above it: not a response from any baseline, ` +
        `as a 50% fall from the scale's maximum (27) reaches 13.5 or less. At most a partial response, which would be insufficient too. ` +
        `PHQ-9 22 on ${weeksAfter(START, 20)} → 18 (−18%) during the trial. No baseline score within ${BASELINE_DAYS_BEFORE} days before or ` +
        `${BASELINE_DAYS_AFTER} days after its start, ${START}`,
    );
  });

  it('PHQ-9 13 at the end of an adequate trial without a baseline could still be a response (from 26 or 27): unknown', () => {
    const s = statement('sertraline', 100, START, weeksAfter(START, 20));
    const t = trialOf(derive([patient(), mdd('2024-06-01'), s, phq9(weeksAfter(START, 16), 13)]), 'sertraline');
    expect(t.outcome).toBe('unknown');
  });

  it('PHQ-9 16 in week 3 of a trial later adequate is not judged by the scale maximum: the trial was not adequate yet then', () => {
    const s = statement('sertraline', 100, START, weeksAfter(START, 20));
    const t = trialOf(derive([patient(), mdd('2024-06-01'), s, phq9(weeksAfter(START, 3), 16)]), 'sertraline');
    expect(t.outcome).toBe('unknown');
  });

  // Demo case "ehr-export-mdd": bupropion ongoing with one PHQ-9 (16, week 14) and no baseline.
  it('an ongoing adequate trial with PHQ-9 16 in week 14 and no baseline is a non-response, measured, still ongoing', () => {
    const s = statement('bupropion', 300, START, null);
    const t = trialOf(derive([patient(), mdd('2024-06-01'), s, phq9(weeksAfter(START, 14), 16)]), 'bupropion');
    expect(t.outcome).toBe('nonresponse');
    expect(t.outcomeDetail).toMatch(/^PHQ-9 16 on .* on adequate dose, after 14 weeks at or above it: not a response from any baseline.* \(trial ongoing\)$/);
  });

  it('an ongoing adequate trial whose only score could still be a response names that score, not "no scores to judge it"', () => {
    const s = statement('bupropion', 300, START, null);
    const d = derive([patient(), mdd('2024-06-01'), s, phq9(weeksAfter(START, 14), 12)]);
    const t = trialOf(d, 'bupropion');
    expect(t.outcome).toBe('ongoing');
    expect(t.outcomeDetail).toBe(
      `ongoing as of the last record; PHQ-9 12 on ${weeksAfter(START, 14)} during the trial, but no baseline score within ` +
        `${BASELINE_DAYS_BEFORE} days before or ${BASELINE_DAYS_AFTER} days after its start (${START}) to measure it against`,
    );
    const a = d.assessments.find((x) => x.condition === 'mdd')!;
    expect(a.unconfirmedTrials[0]!.missing).toBe(
      `ongoing at an adequate dose; PHQ-9 12 on ${weeksAfter(START, 14)} during the trial, but no baseline score within ` +
        `${BASELINE_DAYS_BEFORE} days before or ${BASELINE_DAYS_AFTER} days after its start (${START}) to measure it against`,
    );
  });

  // Demo case "ehr-export-mdd": bupropion began 45 days after sertraline ended, beyond the switch window.
  it('an unknown outcome names the next agent started after the switch window instead of saying there was none', () => {
    const end = weeksAfter(START, 20);
    const d = derive([patient(), mdd('2024-06-01'), statement('sertraline', 100, START, end), statement('bupropion', 300, addDays(end, 45), null)]);
    const t = trialOf(d, 'sertraline');
    expect(t.outcome).toBe('unknown');
    expect(t.outcomeDetail).toBe(
      `ended without scores or a stated reason; the next agent of its purpose, bupropion, started 6 weeks after its end (${addDays(end, 45)}): ` +
        `later than the ${SWITCH_WINDOW_DAYS} days read as a switch, so no non-response is inferred`,
    );
    expect(d.assessments[0]!.unconfirmedTrials[0]!.missing).toBe(`outcome unknown (${t.outcomeDetail})`);
  });

  it('an ended trial without any score keeps "ended without scores, stated reason or a following agent"', () => {
    const t = trialOf(derive([patient(), mdd('2024-06-01'), statement('sertraline', 100, START, weeksAfter(START, 20))]), 'sertraline');
    expect(t.outcome).toBe('unknown');
    expect(t.outcomeDetail).toBe('ended without scores, stated reason or a following agent');
  });

  it('PHQ-9 22 → 3 on adequate dose is remission (PHQ-9 < 5, Kroenke 2001 [S])', () => {
    const t = trialOf(derive([patient(), mdd('2024-12-01'), tenWeeks(), phq9('2024-12-28', 22), phq9(weeksAfter(START, 9), 3)]), 'sertraline');
    expect(t.outcome).toBe('remission');
    expect(t.outcomeBasis).toBe('measured');
    expect(t.outcomeDetail).toMatch(/PHQ-9 22 → 3/);
  });

  it('PHQ-9 22 → 10 (−55%) is response (>= 50% reduction)', () => {
    const t = trialOf(derive([patient(), mdd('2024-12-01'), tenWeeks(), phq9('2024-12-28', 22), phq9(weeksAfter(START, 9), 10)]), 'sertraline');
    expect(t.outcome).toBe('response');
  });

  it('PHQ-9 20 → 14 (−30%) is partial response (25-49%, ATRQ guide [S])', () => {
    const t = trialOf(derive([patient(), mdd('2024-12-01'), tenWeeks(), phq9('2024-12-28', 20), phq9(weeksAfter(START, 9), 14)]), 'sertraline');
    expect(t.outcome).toBe('partial');
  });

  it('PHQ-9 22 → 19 is non-response, measured', () => {
    const t = trialOf(derive([patient(), mdd('2024-12-01'), tenWeeks(), phq9('2024-12-28', 22), phq9(weeksAfter(START, 9), 19)]), 'sertraline');
    expect(t.outcome).toBe('nonresponse');
    expect(t.outcomeBasis).toBe('measured');
  });

  it('the follow-up score is the latest one on adequate dose, not a later one after the dose was cut', () => {
    const a = statement('sertraline', 100, START, weeksAfter(START, 10));
    const b = statement('sertraline', 25, weeksAfter(START, 10), weeksAfter(START, 14));
    const d = derive([patient(), mdd('2024-12-01'), a, b, phq9('2024-12-28', 22), phq9(weeksAfter(START, 9), 19), phq9(weeksAfter(START, 13), 4)]);
    expect(trialOf(d, 'sertraline').outcome).toBe('nonresponse');
  });

  it('stopped for an adverse effect (statusReason) is intolerance, recorded — not a failure', () => {
    const s = statement('sertraline', 100, START, weeksAfter(START, 3), { status: 'stopped', statusReason: [{ text: 'stopped due to nausea and sexual side effects' }] });
    const d = derive([patient(), mdd('2024-12-01'), s]);
    const t = trialOf(d, 'sertraline');
    expect(t.outcome).toBe('intolerance');
    expect(t.outcomeBasis).toBe('recorded');
  });

  it('an agent listed in AllergyIntolerance is intolerance, and the allergy record is used', () => {
    const s = tenWeeks();
    const a = allergy('sertraline', weeksAfter(START, 10));
    const d = derive([patient(), mdd('2024-12-01'), s, a]);
    expect(trialOf(d, 'sertraline').outcome).toBe('intolerance');
    expect(d.used.find((u) => u.reference === `AllergyIntolerance/${a.id}`)?.usedFor).toMatch(/intolerance evidence/);
  });

  it('replaced by another antidepressant without scores: non-response inferred from the switch, lower confidence', () => {
    const a = statement('sertraline', 100, START, weeksAfter(START, 10));
    const b = statement('venlafaxine', 150, weeksAfter(START, 10), weeksAfter(START, 20));
    const t = trialOf(derive([patient(), mdd('2024-12-01'), a, b]), 'sertraline');
    expect(t.outcome).toBe('nonresponse');
    expect(t.outcomeBasis).toBe('inferred');
    expect(t.outcomeDetail).toMatch(/switched to venlafaxine.*lower confidence/);
  });

  it('an ended trial with nothing after it and no scores is unknown', () => {
    const t = trialOf(derive([patient(), mdd('2024-12-01'), tenWeeks()]), 'sertraline');
    expect(t.outcome).toBe('unknown');
  });

  it('an ongoing trial not yet adequate stays ongoing even with a poor early score', () => {
    const s = statement('sertraline', 100, '2025-12-01', null);
    const t = trialOf(derive([patient(), mdd('2025-11-01'), s, phq9('2025-11-30', 20), phq9('2025-12-20', 19)]), 'sertraline');
    expect(t.outcome).toBe('ongoing');
  });
});

describe('outcome: stop reasons naming both lack of effect and a side effect', () => {
  it('an adequate trial stopped for "no improvement; sedation" is a recorded non-response (a failure)', () => {
    const s = statement('sertraline', 100, START, weeksAfter(START, 12), { status: 'stopped', statusReason: [{ text: 'No improvement after 12 weeks; daytime sedation' }] });
    const t = trialOf(derive([patient(), mdd('2024-12-01'), s]), 'sertraline');
    expect(t.outcome).toBe('nonresponse');
    expect(t.outcomeBasis).toBe('recorded');
  });

  it('the same reason on a 3-week trial is intolerance (not yet adequate; EU-PEARL: early stops are not failures)', () => {
    const s = statement('sertraline', 100, START, weeksAfter(START, 3), { status: 'stopped', statusReason: [{ text: 'No improvement; daytime sedation' }] });
    expect(trialOf(derive([patient(), mdd('2024-12-01'), s]), 'sertraline').outcome).toBe('intolerance');
  });
});

describe('baseline window (findBaseline; engine-rules BASELINE_DAYS_BEFORE / BASELINE_DAYS_AFTER)', () => {
  const series = (days: number[]) => days.map((day, i) => ({ day, value: 10 + i, source: `Observation/s${i}` }));
  const start = 1000;

  it('takes the last score at or before the start within the window before it', () => {
    expect(findBaseline(series([900, start - 10, start, start + 3]), start)?.source).toBe('Observation/s2');
    expect(findBaseline(series([start - BASELINE_DAYS_BEFORE, start + 3]), start)?.source).toBe('Observation/s0');
  });

  it('else the first score after the start within the window after it', () => {
    expect(findBaseline(series([start - BASELINE_DAYS_BEFORE - 1, start + 2, start + 4]), start)?.source).toBe('Observation/s1');
    expect(findBaseline(series([start + BASELINE_DAYS_AFTER]), start)?.source).toBe('Observation/s0');
  });

  it('is none when every score lies outside both windows, or there is none', () => {
    expect(findBaseline(series([start - BASELINE_DAYS_BEFORE - 1, start + BASELINE_DAYS_AFTER + 1]), start)).toBeNull();
    expect(findBaseline([], start)).toBeNull();
  });
});
