/** How a medication record was recognised (ingredient, class, strength) and the daily dose read from it. */

export type DrugClass =
  | 'ssri'
  | 'snri'
  | 'tca'
  | 'maoi'
  | 'atypical-antidepressant'
  | 'antipsychotic'
  | 'mood-stabilizer'
  | 'augmentation-agent'
  | 'nmda-antagonist'
  | 'other-psychotropic'
  | 'unknown';

/** How a medication was recognised, in the order the engine tries them. */
export type MedicationMatch = 'rxnorm' | 'atc' | 'medication-resource' | 'text' | 'brand' | 'none';

export interface MedicationIdentity {
  /** Lower-case generic ingredient name ("sertraline"), or null when not recognised. */
  ingredient: string | null;
  drugClass: DrugClass;
  /** Strength of one unit (tablet, capsule, mL) in mg when known ("sertraline 50 MG Oral Tablet" -> 50). */
  strengthMg: number | null;
  /** True for long-acting injectables (dose then per interval, not per day). */
  longActingInjectable: boolean;
  matchedBy: MedicationMatch;
  /** What the record called it, for display and for the "unknown medication" note. */
  display: string;
  note?: string;
}

/** A daily dose derived from dosage instructions, product strength or free text. */
export interface DailyDose {
  /** Amount per day, or null when it could not be determined. */
  amount: number | null;
  /** Unit of `amount`, normally "mg"; null with a null amount. */
  unit: string | null;
  /** How it was computed ("2 × 50 mg tablet, once daily"). */
  basis: string;
  /** Why it could not be determined or converted, when it could not. */
  note?: string;
}
