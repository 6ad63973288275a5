/**
 * Where a referral goes: the receiving services a proposed option can be sent to, AS DATA (each catalog row names its
 * default service by id). A service carries a SNOMED CT code only where one is verified in a value set (the referral procedures of
 * VSAC "Referral for Adult Depression"); the interventional services (ECT, neuromodulation, ketamine, clozapine,
 * pharmacogenomics, trials) have no verified code and are written as text.
 */
import type { ReferenceId } from '../references/registry';
import type { Verification } from '../types';

export interface ReferralCode {
  system: 'http://snomed.info/sct';
  code: string;
  display: string;
  /** The value set that lists the code. */
  references: readonly ReferenceId[];
  verification: Verification;
}

export interface ReceivingService {
  id: string;
  /** What the referral letter and the chart name it ("ECT service"). */
  name: string;
  /** The referral procedure (ServiceRequest.code): verified SNOMED CT where one exists. */
  referralCode: ReferralCode;
}

const SNOMED = 'http://snomed.info/sct' as const;
const VSAC_REFERRAL: readonly ReferenceId[] = ['vsacReferralAdultDepression'];

const TO_PSYCHIATRY: ReferralCode = { system: SNOMED, code: '183524004', display: 'Referral to psychiatry service', references: VSAC_REFERRAL, verification: 'V' };
const TO_MENTAL_HEALTH_COUNSELING: ReferralCode = { system: SNOMED, code: '306226009', display: 'Referral to mental health counseling service', references: VSAC_REFERRAL, verification: 'V' };
const TO_PSYCHOLOGIST: ReferralCode = { system: SNOMED, code: '308459004', display: 'Referral to psychologist', references: VSAC_REFERRAL, verification: 'V' };
const TO_MENTAL_HEALTH_TEAM: ReferralCode = { system: SNOMED, code: '390866009', display: 'Referral to mental health team', references: VSAC_REFERRAL, verification: 'V' };

/** The services, in the order a clinician picks from them. */
export const RECEIVING_SERVICES = [
  { id: 'ect-service', name: 'ECT service', referralCode: TO_PSYCHIATRY },
  { id: 'neuromodulation-clinic', name: 'Neuromodulation clinic (TMS, VNS)', referralCode: TO_PSYCHIATRY },
  { id: 'ketamine-clinic', name: 'Ketamine / esketamine treatment clinic', referralCode: TO_PSYCHIATRY },
  { id: 'clozapine-clinic', name: 'Clozapine clinic', referralCode: TO_PSYCHIATRY },
  { id: 'pgx-laboratory', name: 'Pharmacogenomic testing laboratory', referralCode: TO_PSYCHIATRY },
  { id: 'trial-unit', name: 'Clinical trials unit', referralCode: TO_PSYCHIATRY },
  { id: 'dual-diagnosis-service', name: 'Dual-diagnosis (addiction psychiatry) service', referralCode: TO_PSYCHIATRY },
  { id: 'addiction-service', name: 'Addiction service', referralCode: TO_PSYCHIATRY },
  { id: 'psychological-therapies', name: 'Psychological therapies service', referralCode: TO_PSYCHOLOGIST },
  { id: 'mental-health-counseling', name: 'Mental health counseling service', referralCode: TO_MENTAL_HEALTH_COUNSELING },
  { id: 'community-mental-health-team', name: 'Community mental health team', referralCode: TO_MENTAL_HEALTH_TEAM },
  { id: 'psychiatry-service', name: 'Psychiatry service', referralCode: TO_PSYCHIATRY },
] as const satisfies readonly ReceivingService[];

/** A receiving service's id; each catalog option names its default service by one. */
export type ReceivingServiceId = (typeof RECEIVING_SERVICES)[number]['id'];

export function receivingService(id: string): ReceivingService {
  return RECEIVING_SERVICES.find((s) => s.id === id) ?? RECEIVING_SERVICES.find((s) => s.id === 'psychiatry-service')!;
}

/** FHIR request-priority codes offered for a referral. */
export type ReferralPriority = 'routine' | 'urgent' | 'asap';
