// Contains: the app's SMART launch (src/fhir/smart.ts, fhirclient) and record read (src/fhir/read.ts), then one line
// of text. Leaves out: react-dom (only React's small core module comes, with app-state.ts), the engine (src/clinical),
// the timeline and every view.
import { connectSmart } from '../../src/fhir/smart';
import { readPatientRecord } from '../../src/fhir/read';
import { setAppState } from '../../src/views/shell/app-state';

void connectSmart()
  .then((session) => readPatientRecord(session))
  .then(
    (result) => {
      document.getElementById('root')!.textContent = `${result.resources.length} resources read`;
      setAppState('ready');
    },
    () => setAppState('error'),
  );
