/**
 * What an ICD-10-CM schizophrenia-spectrum code says beyond "schizophrenia", for its label. Schizophrenia is psychotic
 * by definition, so its label adds the code's subtype ("Schizophrenia (F20.0, paranoid)"), never "with psychotic
 * features", a qualifier of mood disorders. The words are the codes' titles in the value set, cut to the subtype.
 */
import type { DiagnosisKind, RuleRef } from '../types';
import { rule, SRC } from './sources';
import { normalizeIcd10, systemKeyOf } from './systems';

interface SchizophreniaSubtype {
  /** ICD-10-CM code, normalised ("F20.0"). */
  code: string;
  /** Its title without "schizophrenia" where that is all it adds ("Paranoid schizophrenia": paranoid). */
  words: string;
  /** Further kinds the code implies that the words already say (F20.2 catatonic: catatonia), not said twice. */
  says?: readonly DiagnosisKind[];
}

/** VSAC "Schizophrenia or Psychotic Disorder" (ICD-10-CM 2024 titles, valuesets.txt): every F20 and F25 code. */
const SCHIZOPHRENIA_SUBTYPES: readonly SchizophreniaSubtype[] = [
  { code: 'F20.0', words: 'paranoid' },
  { code: 'F20.1', words: 'disorganized' },
  { code: 'F20.2', words: 'catatonic', says: ['catatonia'] },
  { code: 'F20.3', words: 'undifferentiated' },
  { code: 'F20.5', words: 'residual' },
  { code: 'F20.81', words: 'schizophreniform disorder' },
  { code: 'F20.89', words: 'other schizophrenia' },
  { code: 'F20.9', words: 'unspecified' },
  { code: 'F25.0', words: 'schizoaffective disorder, bipolar type' },
  { code: 'F25.1', words: 'schizoaffective disorder, depressive type' },
  { code: 'F25.8', words: 'other schizoaffective disorders' },
  { code: 'F25.9', words: 'schizoaffective disorder, unspecified' },
];

export const SCHIZOPHRENIA_SUBTYPE_RULE: RuleRef = rule(
  'condition.icd10.schizophrenia-subtype-label',
  'A schizophrenia-spectrum diagnosis (F20.x, F25.x) is labelled "Schizophrenia" with its code and the subtype its code names ("Schizophrenia (F20.0, paranoid)", "Schizophrenia (F25.1, schizoaffective disorder, depressive type)"), never "with psychotic features": schizophrenia is psychotic by definition.',
  `${SRC.vsacSchizophrenia}: the ICD-10-CM 2024 titles of its F20 and F25 codes`,
  'V',
  ['vsac', 'icd10cm'],
);

const BY_CODE = new Map(SCHIZOPHRENIA_SUBTYPES.map((row) => [row.code, row]));

/** The subtype row of an ICD-10-CM schizophrenia-spectrum code, or undefined (another system, another code). */
export function schizophreniaSubtypeOf(code: string, system: string): SchizophreniaSubtype | undefined {
  return systemKeyOf(system) === 'icd10cm' ? BY_CODE.get(normalizeIcd10(code)) : undefined;
}
