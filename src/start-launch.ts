/**
 * Imported first by main.tsx, so it runs before React and the views are evaluated (module order): the SMART launch
 * starts at once. A side-effect module on purpose; see src/fhir/early-launch.ts.
 */
import { startLaunchEarly } from './fhir/early-launch';

startLaunchEarly();
