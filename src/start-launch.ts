/**
 * Imported first by main.tsx, so it runs before React and the views are evaluated (module order): the SMART launch
 * starts at once. A side-effect module on purpose; see src/fhir/early-launch.ts.
 *
 * The top-level await yields one task before the rest of the bundle is evaluated: the launch's promise chain then runs
 * up to its token request, which travels while React and the views are evaluated (~0.3 s of a 2-core machine's time)
 * instead of after them. It needs an ES2022 build target (vite.config.ts).
 */
import { startLaunchEarly } from './fhir/early-launch';

startLaunchEarly();
await new Promise((resolve) => setTimeout(resolve, 0));
