import type { RuleRef, Verification } from '../../clinical/types';
import { VERIFICATION_LABEL } from '../../clinical/vocabulary';
import { Citation, referenceIdsOf } from './Sources';

/** Verification tag of a rule; unverified rules are spelled out, never only coloured. */
export function VerificationBadge({ verification }: { verification: Verification }) {
  return (
    <span className={`trp-badge trp-badge-${verification}`} title={VERIFICATION_LABEL[verification]}>
      {verification === 'U' ? 'Unverified' : verification === 'derived' ? 'Derived' : verification === 'V' ? 'Verified' : 'Secondary source'}
    </span>
  );
}

/**
 * Where a rule comes from, for a reader: its primary sources by short name (linked to the Sources panel), else the
 * rule's own words about its origin.
 */
export function RuleSource({ rule }: { rule: RuleRef }) {
  const ids = referenceIdsOf([rule]);
  if (ids.length > 0) return <Citation ids={ids} />;
  return <>{rule.source}</>;
}

export function RuleLine({ rule }: { rule: RuleRef }) {
  return (
    <span className="trp-rule-line">
      {rule.summary} <span className="trp-source">(<RuleSource rule={rule} />)</span> <VerificationBadge verification={rule.verification} />
    </span>
  );
}
