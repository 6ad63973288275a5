/**
 * Stop reasons that say the agent did not work read as lack of effect, in the words the demo records (and EHR notes)
 * use: "Little effect after 8 weeks" (ocd fluoxetine), "Insufficient response" (mdd-one-failure sertraline, the
 * thirty-year record), "No meaningful response" (ocd fluvoxamine). Side effects stay adverse, both stay mixed, and a
 * reason naming neither stays unclassified.
 */
import { describe, expect, it } from 'vitest';
import { demoPatients } from '../../../sandbox/patients';
import { derivePatient } from '../../../src/clinical';
import { classifyStopReason, saidOfStopEvent, shortOfStopEvent } from '../../../src/clinical/terminology/stop-reasons';

describe('stop reasons that mean lack of effect', () => {
  it.each([
    'Little effect after 8 weeks; switched to fluvoxamine',
    'Insufficient response after 8 weeks at 100 mg; switched to vortioxetine',
    'Insufficient response',
    'No meaningful response after 14 weeks at 300 mg/day',
    'No meaningful improvement after 6 weeks at 100 mg; cross-tapered to venlafaxine',
    'Minimal change in PTSD symptoms after 14 weeks at 200 mg',
    'Inadequate response',
    'Partial response only',
    'Persistent symptoms at maximum dose; cross-taper to clomipramine',
    'Persistent hallucinations and delusions after 12 weeks at 20 mg',
    'Patient stopped after 3 weeks: "not working"',
    'No response',
  ])('"%s" is lack of effect', (text) => {
    expect(classifyStopReason(text)).toEqual({ kind: 'ineffective', effects: [] });
  });

  it('a side effect with little effect is both', () => {
    expect(classifyStopReason('Little effect and daytime sedation')).toEqual({ kind: 'mixed', effects: ['sedation'] });
  });

  it.each(['Remitted; maintenance completed', 'Previous episode; remitted, tapered off after 10 months', 'Stopped before surgery; not pregnant'])(
    '"%s" names neither and stays unclassified',
    (text) => {
      expect(classifyStopReason(text)).toEqual({ kind: 'unclassified', effects: [] });
    },
  );
});

describe('a stop because of pregnancy is a stop reason of its own', () => {
  it('"Stopped by patient on learning she was pregnant" names pregnancy as its safety event, and neither a lack of effect nor an adverse effect', () => {
    expect(classifyStopReason('Stopped by patient on learning she was pregnant')).toEqual({ kind: 'unclassified', effects: [], safetyEvents: ['pregnancy'] });
  });

  it('"non-pregnant" and "not pregnant" name no pregnancy', () => {
    expect(classifyStopReason('Switched; non-pregnant at the time').safetyEvents).toBeUndefined();
    expect(classifyStopReason('Stopped before surgery; not pregnant').safetyEvents).toBeUndefined();
  });
});

describe('ocd: fluoxetine stopped with "Little effect after 8 weeks"', () => {
  it('its stop reason reads as lack of effect', () => {
    const today = new Date('2026-11-22T08:00:00Z');
    const bundle = demoPatients.find((p) => p.id === 'ocd')!.build(today);
    const resources = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
    const d = derivePatient({ patientId: 'ocd', resources }, { asOf: today.toISOString().slice(0, 10) });
    expect(d.trials.find((t) => t.ingredient === 'fluoxetine')!.stopReasons?.map((r) => r.kind)).toEqual(['ineffective']);
  });
});

describe('a safety stop event is said in the words of its own row, looked up once by its name', () => {
  it('each event after "stopped" and in its fewest words; a name no row has is said as it is', () => {
    const names = ['an intentional overdose', 'a suicide attempt', 'pregnancy', 'a fall'];
    expect(names.map(saidOfStopEvent)).toEqual(['after an intentional overdose', 'after a suicide attempt', 'because of pregnancy', 'after a fall']);
    expect(names.map(shortOfStopEvent)).toEqual(['intentional overdose', 'suicide attempt', 'pregnancy', 'a fall']);
  });

  it('pregnant-trd: venlafaxine stopped on learning of the pregnancy is said "because of pregnancy"', () => {
    const today = new Date('2026-11-22T08:00:00Z');
    const bundle = demoPatients.find((p) => p.id === 'pregnant-trd')!.build(today);
    const resources = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
    const d = derivePatient({ patientId: 'pregnant-trd', resources }, { asOf: today.toISOString().slice(0, 10) });
    const events = d.trials.find((t) => t.ingredient === 'venlafaxine')!.stopReasons!.flatMap((r) => r.safetyEvents ?? []);
    expect(events).toEqual(['pregnancy']);
    expect(events.map(saidOfStopEvent)).toEqual(['because of pregnancy']);
  });
});
