/** Confirmed write-back of a draft CarePlan + referrals + Provenance. */
export { buildWriteBack, carePlanAsJson, carePlanAsText, planKey, CAREPLAN_IDENTIFIER_SYSTEM, REFERRAL_IDENTIFIER_SYSTEM, PROVENANCE_TAG_SYSTEM } from './build';
export { writeCarePlan, operationOutcomeText, type WriteOptions, type WriteSession } from './write';
export { writeCapability, missingWriteScopes } from './scopes';
export { useWriteBack, type UseWriteBack, type WriteBackState } from './useWriteBack';
export * from './types';
