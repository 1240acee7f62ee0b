// Compile-time: the REST types a host programs against (src/rest/types.ts and
// RestMapping) — what each Outcome and mapping status carries once narrowed, and how
// an Exchange is driven through a Send.
import { describe, expectTypeOf, it } from 'vitest'
import {
  type Deliverable,
  deliver,
  type Exchange,
  type HttpMethod,
  type InputError,
  type IntercomRequest,
  type IntercomResponse,
  type Invalid,
  type Outcome,
  type OutcomeCode,
  type RestMapping,
  type Send,
  type Skipped,
  type SkipReason,
  toRest,
  type Warning,
} from '../../src/index.js'
import { createIntercomEmulator } from '../../src/testing/index.js'

describe('IntercomRequest and IntercomResponse', () => {
  it('name the four methods the library sends, and nothing else', () => {
    expectTypeOf<HttpMethod>().toEqualTypeOf<'GET' | 'POST' | 'PUT' | 'DELETE'>()
    expectTypeOf<'PATCH'>().not.toExtend<HttpMethod>()
    expectTypeOf<IntercomRequest['method']>().toEqualTypeOf<HttpMethod>()
  })

  it('carry text headers and an optional JSON object body', () => {
    expectTypeOf<IntercomRequest['headers']>().toEqualTypeOf<Record<string, string>>()
    expectTypeOf<IntercomRequest['body']>().toEqualTypeOf<Record<string, unknown> | undefined>()
    expectTypeOf<{
      method: 'GET'
      url: string
      path: string
      headers: Record<string, never>
    }>().toExtend<IntercomRequest>()
    expectTypeOf<{ method: 'GET'; url: string; path: string }>().not.toExtend<IntercomRequest>()
  })

  it('a response needs only a status; headers and body are optional', () => {
    expectTypeOf<{ status: 429 }>().toExtend<IntercomResponse>()
    expectTypeOf<{ status: '200' }>().not.toExtend<IntercomResponse>()
    expectTypeOf<IntercomResponse['body']>().toEqualTypeOf<unknown>()
    expectTypeOf<IntercomResponse['headers']>().toEqualTypeOf<Record<string, string> | undefined>()
  })
})

describe('Outcome narrows on status', () => {
  it('has exactly four statuses', () => {
    expectTypeOf<Outcome['status']>().toEqualTypeOf<'delivered' | 'retry' | 'failed' | 'not_sent'>()
  })

  it('exposes each status’ own members only after narrowing', () => {
    const outcome = {} as Outcome
    // @ts-expect-error a code exists only on retry and failed
    outcome.code
    switch (outcome.status) {
      case 'delivered':
        expectTypeOf(outcome.requests).toEqualTypeOf<number>()
        expectTypeOf(outcome.warnings).toEqualTypeOf<Warning[]>()
        break
      case 'retry':
        expectTypeOf(outcome.code).toEqualTypeOf<OutcomeCode>()
        expectTypeOf(outcome.retryAt).toEqualTypeOf<number | undefined>()
        expectTypeOf(outcome.retryAfterMs).toEqualTypeOf<number | undefined>()
        break
      case 'failed':
        expectTypeOf(outcome.code).toEqualTypeOf<OutcomeCode>()
        expectTypeOf(outcome.message).toEqualTypeOf<string>()
        expectTypeOf(outcome.errors).toEqualTypeOf<unknown[] | undefined>()
        break
      case 'not_sent':
        expectTypeOf(outcome.mapping).toEqualTypeOf<Skipped | Invalid>()
        if (outcome.mapping.status === 'skipped') {
          expectTypeOf(outcome.mapping.reason).toEqualTypeOf<SkipReason>()
        } else {
          expectTypeOf(outcome.mapping.errors).toEqualTypeOf<InputError[]>()
        }
        break
      default:
        expectTypeOf(outcome).toBeNever()
    }
  })
})

describe('RestMapping narrows on status', () => {
  it('is what toRest returns', () => {
    expectTypeOf(toRest).returns.toEqualTypeOf<RestMapping>()
    expectTypeOf<RestMapping['status']>().toEqualTypeOf<'mapped' | 'skipped' | 'invalid'>()
  })

  it('only a mapped result has an exchange; skipped has a reason, invalid has errors', () => {
    const mapping = toRest({})
    // @ts-expect-error exchange exists only once mapped
    mapping.exchange
    expectTypeOf(mapping.warnings).toEqualTypeOf<Warning[]>()
    if (mapping.status === 'mapped') {
      expectTypeOf(mapping.exchange).returns.toEqualTypeOf<Exchange>()
    } else if (mapping.status === 'skipped') {
      expectTypeOf(mapping.reason).toEqualTypeOf<SkipReason>()
      expectTypeOf(mapping.message).toEqualTypeOf<string>()
    } else {
      expectTypeOf(mapping.errors).toEqualTypeOf<InputError[]>()
    }
  })

  it('every RestMapping is Deliverable', () => {
    expectTypeOf<RestMapping>().toExtend<Deliverable>()
    expectTypeOf(deliver).parameter(0).toEqualTypeOf<Deliverable>()
    expectTypeOf(deliver).returns.toEqualTypeOf<Promise<Outcome>>()
  })
})

describe('Exchange and Send', () => {
  it('an Exchange yields requests, takes responses and returns an Outcome', () => {
    expectTypeOf<Exchange>().toEqualTypeOf<Generator<IntercomRequest, Outcome, IntercomResponse>>()
    const exchange = {} as Exchange
    const step = exchange.next({ status: 200 })
    if (step.done === true) expectTypeOf(step.value).toEqualTypeOf<Outcome>()
    else expectTypeOf(step.value).toEqualTypeOf<IntercomRequest>()
    // @ts-expect-error a response needs a status
    exchange.next({ body: {} })
  })

  it('a Send is asynchronous: a function answering synchronously is not one', () => {
    expectTypeOf<Send>().toEqualTypeOf<(request: IntercomRequest) => Promise<IntercomResponse>>()
    expectTypeOf<(r: IntercomRequest) => IntercomResponse>().not.toExtend<Send>()
    expectTypeOf(createIntercomEmulator().send).toExtend<Send>()
    expectTypeOf(createIntercomEmulator().handle).not.toExtend<Send>()
    expectTypeOf(fetchSend).toExtend<Send>()
  })
})

/** A host's transport over fetch, as the README shows it. */
async function fetchSend(request: IntercomRequest): Promise<IntercomResponse> {
  const init: RequestInit = { method: request.method, headers: request.headers }
  if (request.body !== undefined) init.body = JSON.stringify(request.body)
  const response = await fetch(request.url, init)
  return { status: response.status, body: await response.json() }
}
