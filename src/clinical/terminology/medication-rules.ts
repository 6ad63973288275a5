/**
 * RuleRefs for the terminology layer's matching rules (the "about the rules" panel lists them).
 * Per-row rules of the dose tables are built in dose-tables.ts and listed there.
 */
import type { RuleRef } from '../types';
import { SRC, rule } from './sources';

export const MEDICATION_RULES = {
  rxnormTierA: rule(
    'terminology.medication.rxnorm-ingredient-tier-a',
    'An RxNorm ingredient code identifies the ingredient (codes confirmed in the CPIC database).',
    SRC.rxnormTierA,
    'V',
  ),
  rxnormTierB: rule(
    'terminology.medication.rxnorm-ingredient-tier-b',
    'An RxNorm ingredient code identifies the ingredient (codes agreeing across public code bases, not authoritative).',
    SRC.rxnormTierB,
    'S',
  ),
  rxnormProduct: rule(
    'terminology.medication.rxnorm-product',
    'An RxNorm clinical drug (SCD) code from the VSAC medication value sets identifies ingredient and strength.',
    SRC.rxnormProducts,
    'V',
  ),
  atc: rule('terminology.medication.atc', 'A WHO ATC code identifies the ingredient.', SRC.atc, 'V'),
  rxnormName: rule(
    'terminology.medication.rxnorm-name',
    'A name written the RxNorm way ("sertraline 50 MG Oral Tablet") gives ingredient and strength.',
    SRC.rxnormNameParse,
    'derived',
  ),
  brand: rule('terminology.medication.brand', 'A brand name ("Zoloft") identifies the ingredient.', SRC.brands, 'U'),
  textName: rule(
    'terminology.medication.generic-name',
    'A generic ingredient name in free text ("sertraline HCl 100mg tab") identifies the ingredient; the first "<n> mg" is the strength.',
    'Text matching on the ingredient table: working rule',
    'derived',
  ),
} as const satisfies Record<string, RuleRef>;

export const DOSE_RULES = {
  structured: rule(
    'terminology.dose.structured',
    'Daily dose = dose (mg, or units × unit strength) × administrations per day from the timing (frequency/period, or BID/TID/QID/QD/QOD/HS/QAM/QPM codes).',
    'FHIR R4 Dosage and Timing datatypes; HL7 v3 GTSAbbreviation timing codes',
    'derived',
    ['fhirR4'],
  ),
  doseRangeLow: rule(
    'terminology.dose.range-low-end',
    'A dose range ("1-2 tablets") counts at its low end, so a trial is never judged adequate on a dose that may not have been taken.',
    'Working rule: the low end never overstates the dose taken, so adequacy is never overstated',
    'U',
    ['projectWorkingRule'],
  ),
  noTimingOnceDaily: rule(
    'terminology.dose.no-timing-once-daily',
    'A dose without any frequency is assumed once daily, and says so.',
    'Working rule: most psychotropics are dosed once daily',
    'U',
    ['projectWorkingRule'],
  ),
  sequentialLast: rule(
    'terminology.dose.titration-last-step',
    'Dosage lines are parts of one day and are summed; only lines with different sequence numbers and a time bound (a taper or titration, or "then" in the text) are consecutive steps, and the last step is the daily dose.',
    'FHIR R4 Dosage.sequence semantics; reading a time bound as the mark of a step is a working rule',
    'U',
    ['fhirR4', 'projectWorkingRule'],
  ),
  freeText: rule(
    'terminology.dose.free-text',
    'Plain dosage text ("take 2 tablets by mouth daily", "150 mg at bedtime", "1 tab bid") is parsed for amount and frequency.',
    'Text reading of common US sig abbreviations: working rule',
    'derived',
    ['projectWorkingRule'],
  ),
  unitlessProductUnits: rule(
    'terminology.dose.unitless-product-units',
    'A dose quantity without a unit ({"value": 1}) on a product of known strength ("Sertraline 100MG", "sertraline 100 MG Oral Tablet") is that many units of the product (1 × 100 mg); without a known strength the dose stays unknown.',
    'FHIR R4 Dosage.doseAndRate.doseQuantity (SimpleQuantity; the unit is the product\'s unit when omitted, as EHR exports such as Synthea send it); reading it so is a working rule',
    'U',
  ),
  longActing: rule(
    'terminology.dose.long-acting-injectable',
    'A long-acting injectable dose is given per interval (e.g. 14 or 28 days) and reported as its average mg/day.',
    SRC.gardner2010,
    'derived',
    ['gardner2010'],
  ),
} as const satisfies Record<string, RuleRef>;

export { rule };
