/**
 * A lookup table of constant data built the first time it is asked for (so a record that never needs it does not pay
 * for it at start-up), then the same for every patient. `build` must read only constants: a table built from patient
 * data would carry one patient's record into the next derivation. The engine's other tables are built when their
 * module loads; per-patient caches live in the derivation's memo (pipeline/1-classify/memo.ts).
 */
export function builtOnFirstUse<T>(build: () => T): () => T {
  let table: T | undefined;
  return () => (table ??= build());
}
