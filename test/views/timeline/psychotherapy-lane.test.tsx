// The psychotherapy lane: the engine's courses drawn as their own section with dates, each focusable with its details.
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { TreatmentResistancePage } from '../../../src/views/timeline/index';
import { RULE_DURATION, RULE_TRD, testThresholds, trdTwoFailures } from './timeline-fixtures';

describe('psychotherapy lane', () => {
  it('draws each course under a "Psychotherapy" heading with its dates and status in the accessible name', () => {
    const derivation = {
      ...trdTwoFailures(),
      psychotherapy: [
        { modality: 'trauma-focused' as const, display: 'Trauma Therapy', start: '2025-07-03', end: '2026-03-14', status: 'completed' as const, sessions: null, sources: ['CarePlan/cp1'] },
        { modality: 'cbt' as const, display: 'Cognitive behavioural therapy', start: '2026-06-01', end: null, status: 'in-progress' as const, sessions: null, sources: ['CarePlan/cp2'] },
      ],
    };
    const { container } = render(<TreatmentResistancePage derivation={derivation} rules={[RULE_DURATION, RULE_TRD]} thresholds={testThresholds} onSelectSources={() => {}} />);
    const labels = [...container.querySelectorAll('.trp-section-label')].map((e) => e.textContent);
    expect(labels).toContain('Psychotherapy');
    const trauma = container.querySelector('[data-item-id="psychotherapy:0"]')!;
    expect(trauma.getAttribute('aria-label')).toMatch(/Psychotherapy: Trauma Therapy\. .*2025.* to .*2026.*\. Completed/);
    const cbt = container.querySelector('[data-item-id="psychotherapy:1"]')!;
    expect(cbt.getAttribute('aria-label')).toMatch(/to now \(in progress\)\. In progress/);
    expect(container.querySelectorAll('.trp-therapy-span')).toHaveLength(2);
  });

  it('draws no psychotherapy section when none was given', () => {
    const { container } = render(<TreatmentResistancePage derivation={trdTwoFailures()} rules={[RULE_DURATION, RULE_TRD]} thresholds={testThresholds} onSelectSources={() => {}} />);
    expect([...container.querySelectorAll('.trp-section-label')].map((e) => e.textContent)).not.toContain('Psychotherapy');
  });
});
