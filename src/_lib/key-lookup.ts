/**
 * The key of `obj` that spells `name` in any letter case: the exact spelling when
 * it is set, else the first such key, else `undefined`. For names that different
 * senders capitalise differently (HTTP headers, `integrations.Intercom` — iOS sends
 * `intercom`). `name` must be ASCII, so a matching key has its length (a cheap
 * filter before lower-casing).
 */
export function keyIgnoringCase(obj: Record<string, unknown>, name: string): string | undefined {
  if (obj[name] !== undefined) return name
  const lower = name.toLowerCase()
  for (const key in obj) {
    if (key.length === name.length && key.toLowerCase() === lower) return key
  }
  return undefined
}
