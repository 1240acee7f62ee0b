/** A plain object (what JSON.parse produces for `{…}`), not an array, Date or null. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Whether `obj` has at least one own enumerable key (without building a key array). */
export function hasKeys(obj: object): boolean {
  for (const _ in obj) return true
  return false
}
