import { describe, expectTypeOf, it } from 'vitest'
import {
  type DeliverAllOptions,
  type DeliveryReport,
  deliverAll,
  type KnownState,
  mergeKnown,
  type NextAttempt,
  nextAttempt,
  type Outcome,
  type RetryPolicy,
  type Send,
} from '../../src/index.js'

declare const send: Send
declare const outcome: Outcome

describe('delivery toolkit types', () => {
  it('deliverAll takes sync or async iterables and a real AbortSignal', () => {
    const controller = new AbortController()
    expectTypeOf(deliverAll([{}], { send, signal: controller.signal })).toEqualTypeOf<
      Promise<DeliveryReport>
    >()
    async function* events() {
      yield {}
    }
    expectTypeOf(deliverAll(events(), { send })).toEqualTypeOf<Promise<DeliveryReport>>()
    // @ts-expect-error send is required
    deliverAll([], {})
    // Mapping options are part of the options.
    expectTypeOf<DeliverAllOptions>().toHaveProperty('settings')
    expectTypeOf<DeliverAllOptions>().toHaveProperty('now')
    // The state a batch starts from: a stored report's learned.
    expectTypeOf<DeliverAllOptions['known']>().toEqualTypeOf<KnownState | undefined>()
  })

  it('results carry the outcome union and the totals add up to events', () => {
    type Result = DeliveryReport['results'][number]
    expectTypeOf<Result['outcome']>().toEqualTypeOf<Outcome>()
    expectTypeOf<Result['index']>().toEqualTypeOf<number>()
    expectTypeOf<keyof DeliveryReport['totals']>().toEqualTypeOf<
      'events' | 'delivered' | 'notSent' | 'failed' | 'gaveUp' | 'requests'
    >()
    expectTypeOf<DeliveryReport['learned']>().toEqualTypeOf<KnownState>()
  })

  it('nextAttempt narrows on retry', () => {
    const d = nextAttempt(outcome, 1, { maxAttempts: 3 } satisfies RetryPolicy)
    expectTypeOf(d).toEqualTypeOf<NextAttempt>()
    if (d.retry) expectTypeOf(d.delayMs).toEqualTypeOf<number>()
    else expectTypeOf(d.reason).toEqualTypeOf<string>()
  })

  it('mergeKnown needs version 1', () => {
    expectTypeOf(mergeKnown(undefined, { version: 1 })).toEqualTypeOf<KnownState>()
    // @ts-expect-error a state without version is not a KnownState
    mergeKnown(undefined, {})
  })
})
