/** Test helpers shared by the Messenger and mobile property tests. */
import fc from 'fast-check'

/** Freezes `value` and everything reachable from it (typed arrays cannot be frozen). */
export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (typeof value !== 'object' || value === null || seen.has(value)) return value
  seen.add(value)
  if (ArrayBuffer.isView(value)) return value
  if (value instanceof Map) {
    for (const [k, v] of value) {
      deepFreeze(k, seen)
      deepFreeze(v, seen)
    }
  } else if (value instanceof Set) {
    for (const v of value) deepFreeze(v, seen)
  }
  for (const key of Reflect.ownKeys(value)) {
    deepFreeze((value as Record<PropertyKey, unknown>)[key], seen)
  }
  return Object.freeze(value)
}

/**
 * Any value at all, and event-shaped objects whose fields are any value: wrong
 * types, Maps, Sets, boxed values, BigInts, null-prototype objects, sparse arrays.
 */
export function nastyValue(): fc.Arbitrary<unknown> {
  const any = fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withTypedArray: true,
  })
  const type = fc.constantFrom(
    'identify',
    'track',
    'page',
    'screen',
    'group',
    'alias',
    'reset',
    'x',
  )
  const bag = fc.dictionary(fc.string({ maxLength: 6 }), any, { maxKeys: 5 })
  const loose = fc.record(
    {
      type,
      userId: any,
      event: any,
      groupId: any,
      previousId: any,
      name: any,
      traits: any,
      properties: any,
      context: any,
      integrations: any,
      timestamp: any,
    },
    { requiredKeys: ['type'] },
  )
  const shaped = fc.record(
    {
      type,
      userId: fc.string({ maxLength: 4 }),
      event: fc.string({ minLength: 1, maxLength: 4 }),
      groupId: fc.string({ minLength: 1, maxLength: 4 }),
      previousId: fc.string({ minLength: 1, maxLength: 4 }),
      traits: bag,
      properties: bag,
      context: fc.record(
        { Intercom: bag, traits: bag, device: any, active: any, ip: any, userAgent: any },
        { requiredKeys: [] },
      ),
      integrations: fc.record(
        { Intercom: fc.oneof(fc.boolean(), bag), intercom: bag, All: fc.boolean() },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['type'] },
  )
  return fc.oneof(any, loose, shaped)
}
