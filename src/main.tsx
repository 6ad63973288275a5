/**
 * Entry of index.html (the page the SMART launch returns to). Small on purpose: it starts the SMART launch (the token
 * request, then the record read as soon as there is a session) and only then loads the app, so the requests travel
 * while React, the views and the engine are fetched and evaluated instead of after them (the page's one thread would
 * otherwise hold the token's answer until all of that had run). See src/fhir/early-launch.ts.
 */
import { startLaunchEarly } from './fhir/early-launch';
import { setAppState } from './views/shell/app-state';
import { preloadAnalysis } from './views/shell/analysis-loader';

startLaunchEarly();
// The engine, timeline and write-back chunk, fetched now in parallel with the launch and the React root, and compiled
// on a made-up record while the patient's record is read.
preloadAnalysis({ warmUp: true });
import('./app-root').catch(() => {
  // The app's own script could not be loaded (network, a deployment in progress): plain text, no React.
  setAppState('error');
  const container = document.getElementById('root');
  if (container) {
    container.textContent =
      'The app could not be loaded. Nothing was written to the chart. ' +
      'Close this window and open the app again from the patient’s chart in the EHR.';
  }
});
