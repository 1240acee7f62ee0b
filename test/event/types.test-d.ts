/**
 * Events a host already holds, typed by Segment's own SDKs, fit this library's event
 * types without casts: `@segment/analytics-node`'s call parameters (plus the `type`
 * the call implies) and `@segment/analytics-next`'s `SegmentEvent` and `Traits`. Their
 * traits are deep-nullable (`email: string | null`) and their optional fields take an
 * explicit `undefined` (checked here under `exactOptionalPropertyTypes`).
 *
 * The checks are functions a host would write; they are type-checked, never run.
 */
import type {
  SegmentEvent as NextSegmentEvent,
  Traits as NextTraits,
  UserTraits as NextUserTraits,
} from '@segment/analytics-next'
import type {
  AliasParams,
  GroupParams,
  IdentifyParams,
  GroupTraits as NodeGroupTraits,
  UserTraits as NodeUserTraits,
  PageParams,
  TrackParams,
} from '@segment/analytics-node'
import { describe, expectTypeOf, it } from 'vitest'
import type {
  AliasEvent,
  GroupEvent,
  GroupTraits,
  IdentifyEvent,
  IdentifyTraits,
  PageEvent,
  ScreenEvent,
  SegmentContext,
  SegmentEvent,
  SegmentIntegrations,
  TrackEvent,
} from '../../src/event/types.js'

/** Whether `A` is assignable to `B` (plain assignability: `any` inside `A` fits). */
type Fits<A, B> = [A] extends [B] ? true : false

// analytics-node: a call's parameters plus the `type` the call implies.
const fromNode = {
  identify: (p: IdentifyParams): IdentifyEvent => ({ type: 'identify', ...p }),
  track: (p: TrackParams): TrackEvent => ({ type: 'track', ...p }),
  page: (p: PageParams): PageEvent => ({ type: 'page', ...p }),
  screen: (p: PageParams): ScreenEvent => ({ type: 'screen', ...p }),
  group: (p: GroupParams): GroupEvent => ({ type: 'group', ...p }),
  alias: (p: AliasParams): AliasEvent => ({ type: 'alias', ...p }),
}

// analytics-next: the event a plugin receives (`ctx.event`), narrowed on `type`.
function fromNext(e: NextSegmentEvent): SegmentEvent | undefined {
  switch (e.type) {
    case 'identify':
      return { ...e, type: 'identify' }
    case 'page':
      return { ...e, type: 'page' }
    case 'screen':
      return { ...e, type: 'screen' }
    case 'track':
      return e.event === undefined ? undefined : { ...e, type: 'track', event: e.event }
    case 'group':
      return typeof e.groupId === 'string' ? { ...e, type: 'group', groupId: e.groupId } : undefined
    case 'alias':
      return typeof e.previousId === 'string'
        ? { ...e, type: 'alias', previousId: e.previousId }
        : undefined
  }
}

// What analytics-node's own typings accept, as a literal: null traits, explicit undefined.
const params = {
  userId: 'u1',
  anonymousId: undefined,
  messageId: undefined,
  traits: {
    email: null,
    name: 'Ada',
    phone: 5550100,
    company: { name: 'Acme', id: 7 },
    address: { city: 'London' },
    createdAt: null,
  },
  context: { active: false, ip: undefined, traits: { email: null } },
  integrations: { All: true, Intercom: { user_hash: 'h' }, Mixpanel: false },
  timestamp: new Date(),
} satisfies IdentifyParams
const literal: SegmentEvent = { type: 'identify', ...params }

describe('the SDK types resolve (not any)', () => {
  it('analytics-node and analytics-next', () => {
    expectTypeOf<IdentifyParams>().not.toBeAny()
    expectTypeOf<NextSegmentEvent>().not.toBeAny()
    expectTypeOf<NonNullable<NodeUserTraits['email']>>().toEqualTypeOf<string>()
    // What makes them hard to take: null traits and explicit undefined.
    expectTypeOf<Fits<null, NodeUserTraits['email']>>().toEqualTypeOf<true>()
    expectTypeOf<Fits<undefined, IdentifyParams['messageId']>>().toEqualTypeOf<true>()
  })
})

describe('Segment SDK types fit the event types', () => {
  it('analytics-node calls map to events', () => {
    expectTypeOf(fromNode.identify).returns.toEqualTypeOf<IdentifyEvent>()
    expectTypeOf(fromNext).returns.toEqualTypeOf<SegmentEvent | undefined>()
    expectTypeOf(literal.type).toEqualTypeOf<'identify'>()
  })

  it('traits of both SDKs', () => {
    expectTypeOf<Fits<NodeUserTraits, IdentifyTraits>>().toEqualTypeOf<true>()
    expectTypeOf<Fits<NodeGroupTraits, GroupTraits>>().toEqualTypeOf<true>()
    expectTypeOf<Fits<NextTraits, IdentifyTraits>>().toEqualTypeOf<true>()
    expectTypeOf<Fits<NextUserTraits, IdentifyTraits>>().toEqualTypeOf<true>()
    expectTypeOf<Fits<NextTraits, GroupTraits>>().toEqualTypeOf<true>()
  })

  it('context and integrations', () => {
    type Context = NonNullable<NextSegmentEvent['context']>
    type Integrations = NonNullable<NextSegmentEvent['integrations']>
    expectTypeOf<Fits<Context, SegmentContext>>().toEqualTypeOf<true>()
    expectTypeOf<Fits<Integrations, SegmentIntegrations>>().toEqualTypeOf<true>()
  })
})

describe('the types stay typed (not loosened to any)', () => {
  it('rejects what no Segment SDK sends', () => {
    expectTypeOf<Fits<{ email: 42 }, IdentifyTraits>>().toEqualTypeOf<false>()
    expectTypeOf<Fits<{ email: null; name: 'Ada' }, IdentifyTraits>>().toEqualTypeOf<true>()
    expectTypeOf<Fits<{ type: 'track' }, TrackEvent>>().toEqualTypeOf<false>()
    expectTypeOf<Fits<{ type: 'group'; groupId: 1 }, GroupEvent>>().toEqualTypeOf<false>()
    expectTypeOf<Fits<{ active: 'yes' }, SegmentContext>>().toEqualTypeOf<false>()
    expectTypeOf<Fits<{ Intercom: 'on' }, SegmentIntegrations>>().toEqualTypeOf<false>()
  })
})
