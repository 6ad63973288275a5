// Contains: the app's SMART launch and record read (src/fhir, fhirclient), the engine's whole derivation
// (src/clinical derivePatient) and React drawing one line with the trial count. Leaves out: the timeline, the
// suggestion cards, every other view, react-query and the warm-up.
import { connectSmart } from '../../src/fhir/smart';
import { readPatientRecord } from '../../src/fhir/read';
import { setAppState } from '../../src/views/shell/app-state';

const later = Promise.all([import('react-dom/client'), import('react'), import('../../src/clinical/index')]);

void connectSmart()
  .then((session) => readPatientRecord(session))
  .then(
    async (result) => {
      const [{ createRoot }, { useEffect }, { derivePatient }] = await later;
      const derivation = derivePatient(
        { patientId: result.patientId, resources: result.resources },
        { asOf: new Date().toISOString().slice(0, 10) },
      );
      function Done() {
        useEffect(() => setAppState('ready'), []);
        return (
          <p>
            {result.resources.length} resources read, {derivation.trials.length} trials
          </p>
        );
      }
      createRoot(document.getElementById('root')!).render(<Done />);
    },
    () => setAppState('error'),
  );
