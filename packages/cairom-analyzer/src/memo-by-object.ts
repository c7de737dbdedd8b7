/**
 * Wraps `build` so it runs once per argument object. The result lives exactly as long as the
 * argument (a `WeakMap`), which suits lookup tables derived from memoized query results: a
 * new result gets a new table, and a dropped result takes its table with it.
 */
export function memoByObject<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = build(key);
      cache.set(key, value);
    }
    return value;
  };
}
