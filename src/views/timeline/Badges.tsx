import type { RuleRef, Verification } from '../../clinical/types';
import { VERIFICATION_LABEL } from './labels';

/** Verification tag of a rule; unverified rules are spelled out, never only coloured. */
export function VerificationBadge({ verification }: { verification: Verification }) {
  return (
    <span className={`trp-badge trp-badge-${verification}`} title={VERIFICATION_LABEL[verification]}>
      {verification === 'U' ? 'Unverified' : verification === 'derived' ? 'Derived' : verification === 'V' ? 'Verified' : 'Secondary source'}
    </span>
  );
}

export function RuleLine({ rule }: { rule: RuleRef }) {
  return (
    <span className="trp-rule-line">
      {rule.summary} <span className="trp-source">Source: {rule.source}</span> <VerificationBadge verification={rule.verification} />
    </span>
  );
}
