/**
 * `compute`, run once per key object and remembered for as long as the key lives. The model is
 * immutable, so anything derived from a template, a resource or a node can be computed once and
 * shared by every rule that asks.
 */
export function memoize<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
