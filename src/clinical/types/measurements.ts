/** Measurements read from Observations: symptom-scale scores and blood pressure. */
import type { Instrument } from '../terminology/scales';

/** A symptom scale: the rows of the scale table (src/clinical/terminology/scales.ts). */
export type { Instrument };

/** One symptom-scale score from an Observation. */
export interface ScorePoint {
  instrument: Instrument;
  /** Date (or dateTime) of the observation; scores without any date go to `unused`. */
  date: string;
  value: number;
  source: string;
}

/** A blood-pressure reading (for esketamine's pre-dose BP caution and uncontrolled hypertension). */
export interface BloodPressurePoint {
  date: string;
  systolic: number | null;
  diastolic: number | null;
  source: string;
}
