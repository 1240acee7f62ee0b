// Which contact an identify adopts from the search, and how the 2.x steps read odd answers.
// Through toRest() and deliver(), with scripted answers.
import { describe, expect, it } from 'vitest'
import {
  deliver,
  type IntercomRequest,
  type IntercomResponse,
  type MapOptions,
  type Outcome,
  toRest,
} from '../../src/index.js'

const NOW = Date.parse('2026-03-02T10:00:00.000Z')

async function answer(
  event: unknown,
  replies: (IntercomResponse | undefined)[],
  options: MapOptions = { now: NOW },
): Promise<{ outcome: Outcome; sent: IntercomRequest[] }> {
  const sent: IntercomRequest[] = []
  const outcome = await deliver(toRest(event, options), async (r) => {
    sent.push(r)
    return sent.length <= replies.length
      ? (replies[sent.length - 1] as IntercomResponse)
      : { status: 200, body: { id: 'new' } }
  })
  return { outcome, sent }
}
const list = (...data: unknown[]): IntercomResponse => ({
  status: 200,
  body: { type: 'list', data },
})
const paths = (sent: IntercomRequest[]) => sent.map((r) => `${r.method} ${r.path}`)

describe('the contact an identify adopts', () => {
  const byId = { type: 'identify', userId: 'u1', traits: { email: 'e@x.io' } }
  const byEmail = { type: 'identify', traits: { email: 'e@x.io' } }

  it.each([null, ''])('a user with the email and external_id %j is adopted', async (external) => {
    const { sent } = await answer(byId, [
      list({ id: 'c7', external_id: external, email: 'e@x.io', role: 'user' }),
    ])
    expect(paths(sent)).toEqual(['POST /contacts/search', 'PUT /contacts/c7'])
  })

  it("another userId's contact with the same email is not adopted", async () => {
    const { sent } = await answer(byId, [
      list({ id: 'c7', external_id: 'u2', email: 'e@x.io', role: 'user' }),
    ])
    expect(paths(sent)).toEqual(['POST /contacts/search', 'POST /contacts'])
  })

  it('by email alone: the user with that email, never a lead or another email', async () => {
    const { sent } = await answer(byEmail, [
      list(
        { id: 'l1', email: 'e@x.io', role: 'lead' },
        { id: 'o1', email: 'other@x.io', role: 'user' },
        { id: 'c7', email: 'e@x.io', role: 'user' },
      ),
    ])
    expect(paths(sent)).toEqual(['POST /contacts/search', 'PUT /contacts/c7'])
    const lead = await answer(byEmail, [list({ id: 'l1', email: 'e@x.io', role: 'lead' })])
    expect(paths(lead.sent)).toEqual(['POST /contacts/search', 'POST /contacts'])
  })

  it('sends unsubscribed_from_emails, and no empty custom_attributes', async () => {
    const { sent } = await answer(
      { ...byId, integrations: { Intercom: { unsubscribedFromEmails: true } } },
      [list()],
    )
    expect(sent[1]?.body).toStrictEqual({
      role: 'user',
      external_id: 'u1',
      email: 'e@x.io',
      last_seen_at: NOW / 1000,
      unsubscribed_from_emails: true,
    })
  })

  it('warns that 2.x cannot set the user agent', async () => {
    const { outcome } = await answer({ ...byId, context: { userAgent: 'UA/1' } }, [list()])
    expect(outcome.status === 'delivered' && outcome.warnings).toContainEqual({
      code: 'unsupported_field',
      path: 'context.userAgent',
      message: 'The 2.x Contacts API cannot set last_seen_user_agent; not sent',
    })
  })
})

describe('odd answers', () => {
  const identify = { type: 'identify', userId: 'u1', traits: { company: { id: 'co' } } }
  const found = list({ id: 'c1', external_id: 'u1' })

  it('an empty id is no id', async () => {
    const { outcome } = await answer(identify, [
      found,
      { status: 200, body: { id: 'c1' } },
      { status: 200, body: { id: '' } },
    ])
    expect(outcome).toMatchObject({ status: 'failed', code: 'unexpected_response' })
    expect(outcome.status === 'failed' && outcome.message).toContain('the answer has no "id"')
  })

  it('a search answer without a data list is not a list', async () => {
    for (const body of [{}, { data: 'x' }, null]) {
      const { outcome } = await answer(identify, [{ status: 200, body }])
      expect(outcome.status === 'failed' && outcome.message).toContain('the answer is not a list')
    }
  })

  it('no answer at all to a write is unexpected_response, not a crash', async () => {
    const { outcome } = await answer(identify, [found, undefined])
    expect(outcome).toMatchObject({ status: 'failed', code: 'unexpected_response' })
  })

  it('detaching picks the listed company with that company_id, and a 200 is no warning', async () => {
    const detach = {
      type: 'identify',
      userId: 'u1',
      traits: { company: { id: 'co', remove: true } },
    }
    const { outcome, sent } = await answer(detach, [
      found,
      { status: 200, body: { id: 'c1' } },
      list({ id: 'x1', company_id: 'other' }, { id: 'x2', company_id: 'co' }),
      { status: 200, body: {} },
    ])
    expect(sent[3]?.path).toBe('/contacts/c1/companies/x2')
    expect(outcome).toMatchObject({ status: 'delivered', warnings: [] })
  })

  it('a Date options.now gives retry times in epoch ms', async () => {
    const track = { type: 'track', userId: 'u1', event: 'E' }
    const { outcome } = await answer(track, [{ status: 429, headers: { 'Retry-After': '3' } }], {
      now: new Date(NOW),
    })
    expect(outcome).toMatchObject({ retryAfterMs: 3000, retryAt: NOW + 3000 })
  })

  it("one exchange's created attributes do not leak into the mapping or the next exchange", async () => {
    const mapping = toRest(
      { type: 'identify', userId: 'u1', traits: { score: 1 } },
      { now: NOW, settings: { createMissingAttributes: true } },
    )
    if (mapping.status !== 'mapped') throw new Error('not mapped')
    const missing = {
      status: 400,
      body: { errors: [{ message: "Custom attribute 'score' does not exist" }] },
    }
    const replies = [found, missing, { status: 200, body: {} }, { status: 200, body: { id: 'c1' } }]
    let n = 0
    const first = await deliver(mapping, async () => replies[n++] as IntercomResponse)
    expect(first.status === 'delivered' && first.warnings.map((w) => w.code)).toEqual([
      'attribute_created',
    ])
    expect(mapping.warnings).toEqual([])
    const again = await deliver(mapping, async (r) =>
      r.path === '/contacts/search' ? found : { status: 200, body: { id: 'c1' } },
    )
    expect(again).toMatchObject({ status: 'delivered', warnings: [] })
  })

  it('names that are not strings count against the event-name limit without breaking it', () => {
    const known = [...Array.from({ length: 119 }, (_, i) => `e${i}`), 7 as unknown as string]
    const r = toRest(
      { type: 'track', userId: 'u1', event: 'new' },
      { now: NOW, knownEventNames: known },
    )
    expect(r).toMatchObject({ status: 'skipped', reason: 'event_name_limit' })
  })
})
