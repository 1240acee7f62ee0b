/**
 * Writes `obj[key] = value` as an own, enumerable property, even for `__proto__`
 * (a plain assignment would set the prototype and lose the value).
 */
export function setOwn(obj: object, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
  } else (obj as Record<string, unknown>)[key] = value
}
