/** Writes docs/sources.md from the reference table (`npm run sources`). */
import { writeFileSync } from 'node:fs';
import { sourcesPage } from '../src/clinical/references/sources-page';

writeFileSync(new URL('../docs/sources.md', import.meta.url), sourcesPage());
