/**
 * Entry of index.html (the page the SMART launch returns to). Small on purpose: it starts the SMART launch (the token
 * request, then the record read as soon as there is a session) and only then evaluates the rest of the app, so the
 * requests travel while React, the views and the engine are evaluated instead of after them: the page's one thread
 * would otherwise hold the token's answer, and the record's first requests, until all of that had run. The browser
 * fetches and compiles those chunks while the token and the record are on their way (src/later-chunks.ts).
 * See src/fhir/early-launch.ts.
 */
import { earlyReadAnswering, earlyReadUnderWay, startLaunchEarly } from './fhir/early-launch';
import { setAppState } from './views/shell/app-state';
import { preloadAnalysis } from './views/shell/analysis-loader';
import { preloadLaterChunks } from './later-chunks';

/** The app is evaluated after this long all the same, so that a slow EHR never leaves the page without it. */
const LONGEST_WAIT_MS = 2_000;

function startApp(): void {
  // The engine, timeline and write-back chunk, compiled on a made-up record while the page waits for the patient's
  // record: the derivation while the read is under way, the page's render only until its answers begin to arrive.
  preloadAnalysis({ warmUpWhile: { derive: earlyReadUnderWay, draw: () => !earlyReadAnswering() } });
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
}

let started = false;
const startOnce = () => {
  if (started) return;
  started = true;
  startApp();
};
void startLaunchEarly().then(startOnce);
// fhirclient sends the token request without waiting for anything but promises, so one task later it has left: the
// chunks are fetched from then on, not beside this script's own imports, which the token request waited for.
setTimeout(() => preloadLaterChunks(), 0);
setTimeout(startOnce, LONGEST_WAIT_MS);
