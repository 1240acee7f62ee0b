import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseEvent, readEvent } from '../../src/event/parse.js'
import { normalize } from '../../src/normalize/normalize.js'
import { deepFreeze } from '../helpers/freeze.js'

/** The error codes and paths of an invalid result (messages are for humans). */
function errorsOf(input: unknown): { code: string; path: string }[] {
  const r = parseEvent(input)
  if (r.status !== 'invalid') throw new Error(`expected invalid, got ${r.status}`)
  return r.errors.map(({ code, path }) => ({ code, path }))
}

describe('parseEvent: the envelope', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', '{"type":"track"}'],
    ['a boolean', true],
    ['an array', [{ type: 'track', event: 'E' }]],
    ['a Date', new Date(0)],
    [
      'a class instance',
      new (class Event {
        type = 'identify'
      })(),
    ],
  ])('rejects %s as not_an_object at the root path', (_, input) => {
    expect(errorsOf(input)).toEqual([{ code: 'not_an_object', path: '' }])
  })

  it('names the input kind in the message', () => {
    const r = parseEvent([1])
    expect(r.status === 'invalid' && r.errors[0]?.message).toBe(
      'A Segment event must be an object, got an array',
    )
  })

  it('rejects a missing or null type as missing_field at type', () => {
    expect(errorsOf({ userId: 'u1' })).toEqual([{ code: 'missing_field', path: 'type' }])
    expect(errorsOf({ type: null, userId: 'u1' })).toEqual([
      { code: 'missing_field', path: 'type' },
    ])
  })

  it.each([[42], [true], [{}], [['track']]])(
    'rejects a non-string type (%j) as wrong_type',
    (type) => {
      expect(errorsOf({ type })).toEqual([{ code: 'wrong_type', path: 'type' }])
    },
  )

  it('names the unknown type and the known ones', () => {
    const r = parseEvent({ type: 'launch' })
    expect(r.status === 'invalid' && r.errors[0]?.message).toBe(
      `"type" must be one of 'identify', 'track', 'page', 'screen', 'group', 'alias', 'reset', got "launch"`,
    )
    const n = parseEvent({ type: 7 })
    expect(n.status === 'invalid' && n.errors[0]?.message).toBe(
      `"type" must be one of 'identify', 'track', 'page', 'screen', 'group', 'alias', 'reset', got number`,
    )
  })

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'rejects the Object.prototype name %j as unknown_type, not as unreadable',
    (type) => {
      expect(errorsOf({ type, userId: 'u1' })).toEqual([{ code: 'unknown_type', path: 'type' }])
    },
  )

  it.each(['launch', 'Identify', 'TRACK', '', ' track', 'event'])(
    'rejects the unknown type %j as unknown_type',
    (type) => {
      expect(errorsOf({ type, userId: 'u1' })).toEqual([{ code: 'unknown_type', path: 'type' }])
    },
  )

  it('accepts an object without a prototype', () => {
    const input = Object.assign(Object.create(null) as Record<string, unknown>, {
      type: 'identify',
      userId: 'u1',
    })
    expect(parseEvent(input)).toEqual({ status: 'parsed', event: input, warnings: [] })
  })

  it('does not throw on an object that throws while being read: unreadable', () => {
    const hostile = new Proxy(
      {},
      {
        get(_target, key) {
          throw new Error(`no ${String(key)}`)
        },
      },
    )
    expect(errorsOf(hostile)).toEqual([{ code: 'unreadable', path: '' }])
  })
})

describe('parseEvent: each known type', () => {
  it.each([
    { type: 'identify', userId: 'u1', traits: { email: 'a@example.com' } },
    { type: 'track', userId: 'u1', event: 'Signed Up', properties: { plan: 'pro' } },
    { type: 'page', userId: 'u1', name: 'Home', category: 'Docs' },
    { type: 'screen', userId: 'u1', name: 'Settings' },
    { type: 'group', userId: 'u1', groupId: 'g1', traits: { name: 'Segment' } },
    { type: 'alias', userId: 'u1', previousId: 'anon-1' },
    { type: 'reset' },
  ])('parses a valid $type call unchanged and without warnings', (input) => {
    const r = parseEvent(deepFreeze(input))
    expect(r).toEqual({ status: 'parsed', event: input, warnings: [] })
    // Nothing to convert: the event is the input itself, not a copy.
    expect(r.status === 'parsed' && r.event).toBe(input)
  })

  it('parses the reset pseudo-event with only a type', () => {
    expect(parseEvent({ type: 'reset' })).toEqual({
      status: 'parsed',
      event: { type: 'reset' },
      warnings: [],
    })
  })

  it('does not require a user on identify or track (the targets decide)', () => {
    expect(parseEvent({ type: 'identify' }).status).toBe('parsed')
    expect(parseEvent({ type: 'track', event: 'E', anonymousId: 'a1' }).status).toBe('parsed')
  })
})

describe('parseEvent: required fields', () => {
  it('rejects a track without an event name', () => {
    expect(errorsOf({ type: 'track', userId: 'u1' })).toEqual([
      { code: 'missing_field', path: 'event' },
    ])
    expect(errorsOf({ type: 'track', userId: 'u1', event: null })).toEqual([
      { code: 'missing_field', path: 'event' },
    ])
  })

  it('rejects a track whose event name is not text, or is blank', () => {
    expect(errorsOf({ type: 'track', event: 42 })).toEqual([{ code: 'wrong_type', path: 'event' }])
    expect(errorsOf({ type: 'track', event: '' })).toEqual([{ code: 'empty', path: 'event' }])
    expect(errorsOf({ type: 'track', event: '  \t' })).toEqual([{ code: 'empty', path: 'event' }])
  })

  it('rejects a group without a groupId', () => {
    expect(errorsOf({ type: 'group', userId: 'u1', traits: { name: 'Segment' } })).toEqual([
      { code: 'missing_field', path: 'groupId' },
    ])
    expect(errorsOf({ type: 'group', groupId: '' })).toEqual([{ code: 'empty', path: 'groupId' }])
    expect(errorsOf({ type: 'group', groupId: { id: 1 } })).toEqual([
      { code: 'wrong_type', path: 'groupId' },
    ])
  })

  it('rejects an alias without a previousId', () => {
    expect(errorsOf({ type: 'alias', userId: 'u1' })).toEqual([
      { code: 'missing_field', path: 'previousId' },
    ])
  })

  it('checks page and screen names are text', () => {
    expect(errorsOf({ type: 'page', name: 3, category: ['a'] })).toEqual([
      { code: 'wrong_type', path: 'name' },
      { code: 'wrong_type', path: 'category' },
    ])
    expect(errorsOf({ type: 'screen', name: false })).toEqual([
      { code: 'wrong_type', path: 'name' },
    ])
  })
})

describe('readEvent: the event without its faulty fields', () => {
  it('leaves out a wrong or missing id, and gives a track a text name', () => {
    const group = readEvent({ type: 'group', groupId: null, userId: {}, traits: {} })
    expect(group.errors.map((e) => e.path)).toEqual(['userId', 'groupId'])
    expect(group.event).toEqual({ type: 'group', traits: {} })
    expect(readEvent({ type: 'track', event: 5 }).event).toEqual({ type: 'track', event: '' })
    expect(readEvent({ type: 'track' }).event).toEqual({ type: 'track', event: '' })
    expect(readEvent({ type: 'page', name: 3 }).event).toEqual({ type: 'page' })
  })

  it('a null groupId is left out, so the model does not take it for a given id', () => {
    // Regression: the null stayed in the typed copy, and the group's own traits.id was
    // then warned "superseded" by a groupId that was not there.
    const r = normalize({ type: 'group', groupId: null, userId: 'u1', traits: { id: 'c1' } })
    expect(r).toMatchObject({
      status: 'invalid',
      errors: [{ code: 'missing_field', path: 'groupId' }],
      warnings: [],
    })
  })

  it('has no event for an unknown type, but every other error', () => {
    const r = readEvent({ type: 'x', userId: [], traits: 1 })
    expect(r.event).toBeUndefined()
    expect(r.errors.map((e) => e.path)).toEqual(['type', 'userId', 'traits'])
  })
})

describe('parseEvent: field types', () => {
  it.each(['traits', 'properties', 'context', 'integrations'])(
    'rejects a %s that is not an object',
    (key) => {
      for (const bad of ['x', 1, true, [], ['a'], new Date(0)]) {
        expect(errorsOf({ type: 'identify', userId: 'u1', [key]: bad })).toEqual([
          { code: 'wrong_type', path: key },
        ])
      }
    },
  )

  it('accepts null and absent objects', () => {
    const r = parseEvent({ type: 'identify', userId: 'u1', traits: null, context: null })
    expect(r.status).toBe('parsed')
  })

  it('rejects a timestamp that is not a string, number or Date', () => {
    for (const bad of [true, {}, ['2020-01-01'], { $date: '2020-01-01' }]) {
      expect(errorsOf({ type: 'identify', userId: 'u1', timestamp: bad })).toEqual([
        { code: 'wrong_type', path: 'timestamp' },
      ])
    }
  })

  it('accepts ISO text, epoch numbers and Date timestamps (their meaning is checked later)', () => {
    for (const ts of ['2020-01-01T00:00:00Z', 1577836800, 1577836800000, new Date(0), 'later']) {
      expect(parseEvent({ type: 'identify', userId: 'u1', timestamp: ts }).status).toBe('parsed')
    }
  })

  it('reports every error at once', () => {
    expect(
      errorsOf({ type: 'track', userId: true, event: 7, properties: 'x', timestamp: {} }),
    ).toEqual([
      { code: 'wrong_type', path: 'userId' },
      { code: 'wrong_type', path: 'event' },
      { code: 'wrong_type', path: 'properties' },
      { code: 'wrong_type', path: 'timestamp' },
    ])
  })
})

describe('parseEvent: ids', () => {
  it('converts a numeric userId to a string, with a warning, without touching the input', () => {
    const input = deepFreeze({ type: 'track', event: 'Signed Up', userId: 42 })
    const r = parseEvent(input)
    expect(r).toEqual({
      status: 'parsed',
      event: { type: 'track', event: 'Signed Up', userId: '42' },
      warnings: [
        {
          code: 'converted',
          path: 'userId',
          message: '42 is sent as the string "42"',
        },
      ],
    })
    expect(input.userId).toBe(42)
  })

  it('converts numeric anonymousId and groupId the same way', () => {
    const r = parseEvent({ type: 'group', groupId: 12345, anonymousId: 7 })
    expect(r.status).toBe('parsed')
    if (r.status !== 'parsed') return
    expect(r.event).toEqual({ type: 'group', groupId: '12345', anonymousId: '7' })
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([
      ['converted', 'anonymousId'],
      ['converted', 'groupId'],
    ])
  })

  it('rejects ids that are not finite numbers or strings', () => {
    expect(errorsOf({ type: 'identify', userId: Number.NaN })).toEqual([
      { code: 'wrong_type', path: 'userId' },
    ])
    expect(errorsOf({ type: 'identify', userId: Number.POSITIVE_INFINITY })).toEqual([
      { code: 'wrong_type', path: 'userId' },
    ])
    expect(errorsOf({ type: 'identify', userId: { id: 1 } })).toEqual([
      { code: 'wrong_type', path: 'userId' },
    ])
    expect(errorsOf({ type: 'identify', anonymousId: false })).toEqual([
      { code: 'wrong_type', path: 'anonymousId' },
    ])
  })

  it('accepts a null userId (Segment sends null for anonymous calls)', () => {
    expect(parseEvent({ type: 'identify', userId: null, anonymousId: 'a1' }).status).toBe('parsed')
  })
})

describe('parseEvent: purity', () => {
  it('never throws on any JSON-like value', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = parseEvent(input)
        expect(['parsed', 'invalid']).toContain(r.status)
      }),
    )
  })

  it('never throws on objects with a known type and arbitrary fields', () => {
    const typed = fc.record({
      type: fc.constantFrom('identify', 'track', 'page', 'screen', 'group', 'alias', 'reset'),
      userId: fc.anything(),
      event: fc.anything(),
      groupId: fc.anything(),
      traits: fc.anything(),
      timestamp: fc.anything(),
    })
    fc.assert(
      fc.property(typed, (input) => {
        const r = parseEvent(deepFreeze(input))
        expect(['parsed', 'invalid']).toContain(r.status)
      }),
    )
  })
})
