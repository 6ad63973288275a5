/**
 * Every demo patient of the sandbox, in the order the EHR page lists them (ids fixed: tests and documentation name them).
 * The sandbox loads `sharedResources()` first, then each `build(new Date())`.
 */
import { bipolarDepression } from './bipolar-depression';
import { deceased } from './deceased';
import { ehrExportMdd } from './ehr-export-mdd';
import { esketamineContraindicated } from './esketamine-contraindicated';
import { intolerance } from './intolerance';
import { malformedRecord } from './malformed-record';
import { mddOneFailure } from './mdd-one-failure';
import { mddResponder } from './mdd-responder';
import { noPsychiatricHistory } from './no-psychiatric-history';
import { ocd } from './ocd';
import { pregnantTrd } from './pregnant-trd';
import { pseudoResistance } from './pseudo-resistance';
import { ptsd } from './ptsd';
import { requestOnly } from './request-only';
import { schizophreniaTrs } from './schizophrenia-trs';
import { statementOnly } from './statement-only';
import { thirtyYears } from './thirty-years';
import { tmsContraindicated } from './tms-contraindicated';
import { trdMultiFailures } from './trd-multi-failures';
import { trdTwoFailures } from './trd-two-failures';
import type { DemoPatient } from './demo-patient';

export type { DemoPatient } from './demo-patient';
export { sharedResources } from './shared';

export const demoPatients: DemoPatient[] = [
  mddResponder,
  mddOneFailure,
  trdTwoFailures,
  trdMultiFailures,
  pseudoResistance,
  intolerance,
  requestOnly,
  statementOnly,
  bipolarDepression,
  schizophreniaTrs,
  ocd,
  pregnantTrd,
  deceased,
  tmsContraindicated,
  esketamineContraindicated,
  malformedRecord,
  ptsd,
  noPsychiatricHistory,
  thirtyYears,
  ehrExportMdd,
];

