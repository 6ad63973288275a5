// Contains: the app's SMART launch and record read (src/fhir, fhirclient), then React (loaded while the record is read,
// as the app loads it) drawing one line. Leaves out: the engine (src/clinical), the timeline and every view.
import { connectSmart } from '../../src/fhir/smart';
import { readPatientRecord } from '../../src/fhir/read';
import { setAppState } from '../../src/views/shell/app-state';

const react = Promise.all([import('react-dom/client'), import('react')]);

void connectSmart()
  .then((session) => readPatientRecord(session))
  .then(
    async (result) => {
      const [{ createRoot }, { useEffect }] = await react;
      function Done() {
        useEffect(() => setAppState('ready'), []);
        return <p>{result.resources.length} resources read</p>;
      }
      createRoot(document.getElementById('root')!).render(<Done />);
    },
    () => setAppState('error'),
  );
