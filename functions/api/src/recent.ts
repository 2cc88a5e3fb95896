/**
 * `map[key] = value` in a map kept as a bounded most-recently-set list: the key moves to the end, and
 * past `max` entries the oldest is forgotten. The per-process caches (verified tokens, confirmed scopes,
 * settings' rules) use it so none grows without bound in a long-lived function.
 */
export function keepRecent<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}
