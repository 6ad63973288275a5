/**
 * The app's React root (react-query, the real services), loaded by src/main.tsx once the SMART launch is on its way.
 * No inline scripts and no third-party origins (the production Content-Security-Policy forbids both).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './views/App';
import { setAppState } from './views/shell/app-state';
import { realServices } from './views/shell/real-services';
import { ServicesProvider } from './views/shell/services';
import './views/styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    // Reads and the launch are bounded and retried inside src/fhir; react-query must not repeat them behind our back.
    queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: Infinity },
    mutations: { retry: false },
  },
});

/** Last resort when even the error boundary could not render: plain text, set through textContent. */
function showFatal(container: HTMLElement) {
  setAppState('error');
  container.textContent =
    'The app stopped because of an unexpected problem. Nothing was written to the chart. ' +
    'Close this window and open the app again from the patient’s chart in the EHR.';
}

const container = document.getElementById('root');
if (container) {
  // Errors are not printed to the console: their messages may quote patient data. The error boundary shows the page.
  const root = createRoot(container, {
    onCaughtError: () => {},
    onRecoverableError: () => {},
    onUncaughtError: () => showFatal(container),
  });
  // Errors outside React's render (event handlers, promises) would otherwise be printed by the browser with their
  // message; preventDefault() keeps them out of the console. The UI states stay as the components set them.
  window.addEventListener('error', (event) => event.preventDefault());
  window.addEventListener('unhandledrejection', (event) => event.preventDefault());
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ServicesProvider services={realServices}>
          <App />
        </ServicesProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
