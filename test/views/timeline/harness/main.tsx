// Dev harness: renders a hand-made Derivation so the page can be looked at without the sandbox. Not part of the build.
import { createRoot } from 'react-dom/client';
import { TreatmentResistancePage } from '../../../../src/views/timeline/index';
import { FIXTURES, RULE_DOSE_SERTRALINE, RULE_DURATION, RULE_TRD, testThresholds } from '../fixtures';

const name = new URLSearchParams(location.search).get('fixture') ?? 'trd-two-failures';
const make = FIXTURES[name] ?? FIXTURES['trd-two-failures']!;
createRoot(document.getElementById('root')!).render(
  <TreatmentResistancePage derivation={make()} rules={[RULE_DURATION, RULE_DOSE_SERTRALINE, RULE_TRD]} thresholds={testThresholds} onSelectSources={(r) => console.info('sources', r.length)} />,
);
