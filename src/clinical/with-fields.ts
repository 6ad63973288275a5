/**
 * `{ ...base, ...fields }` as Object.assign builds it. On Node 20 (V8 11) an object literal that starts with a spread
 * and then adds keys the spread object does not have builds a fresh hidden class for every added key, about 2 µs a
 * key, each time it runs; Object.assign copies the same own properties, in the same order, in a fraction of that.
 * Used where such a copy is made per record, per medication or per trial judgement.
 */
export function withFields<B extends object, F extends object>(base: B, fields: F): Omit<B, keyof F> & F {
  return Object.assign({}, base, fields);
}
