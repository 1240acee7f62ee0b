// Every step of a 2.x exchange ends it when Intercom fails that step: the outcome is that
// step's failure and nothing more is sent. Driven against the emulator, with one request
// answered 500 (or a transport that rejects) in turn.
import { describe, expect, it } from 'vitest'
import {
  deliver,
  type IntercomRequest,
  type IntercomResponse,
  type MapOptions,
  toRest,
} from '../../src/index.js'
import { createIntercomEmulator } from '../../src/testing/index.js'

const T0 = '2026-03-02T10:00:00.000Z'
const NOW = { now: Date.parse(T0) } satisfies MapOptions

/** Delivers `event` to an emulator that already holds `setup`; answers request `failAt` with 500. */
async function failingAt(setup: unknown[], event: unknown, failAt: number, options?: MapOptions) {
  const em = createIntercomEmulator({ requireDefinedAttributes: false })
  for (const e of setup) await deliver(toRest(e, NOW), em.send)
  const sent: IntercomRequest[] = []
  const send = async (request: IntercomRequest): Promise<IntercomResponse> => {
    sent.push(request)
    if (sent.length - 1 === failAt) {
      return {
        status: 500,
        body: { type: 'error.list', errors: [{ code: 'server_error', message: 'boom' }] },
      }
    }
    return em.send(request)
  }
  const outcome = await deliver(toRest(event, { ...NOW, ...options }), send)
  return { outcome, sent }
}

async function stepsOf(setup: unknown[], event: unknown, options?: MapOptions) {
  const { outcome, sent } = await failingAt(setup, event, -1, options)
  expect(outcome).toMatchObject({ status: 'delivered', requests: sent.length })
  return sent.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{24}/g, ':id')}`)
}

const user = { type: 'identify', userId: 'u1', traits: { email: 'u1@example.com' } }
const companyA = { company_id: 'a', name: 'A' }
const companyB = { company_id: 'b', name: 'B' }

const cases: { name: string; setup: unknown[]; event: unknown; steps: string[] }[] = [
  {
    name: 'identify creating the contact and attaching two companies',
    setup: [],
    event: { ...user, traits: { ...user.traits, companies: [companyA, companyB] } },
    steps: [
      'POST /contacts/search',
      'POST /contacts',
      'POST /companies',
      'POST /contacts/:id/companies',
      'POST /companies',
      'POST /contacts/:id/companies',
    ],
  },
  {
    name: 'identify updating the contact and detaching a company',
    setup: [{ ...user, traits: { ...user.traits, company: companyA } }],
    event: { ...user, traits: { ...user.traits, company: { ...companyA, remove: true } } },
    steps: [
      'POST /contacts/search',
      'PUT /contacts/:id',
      'GET /companies?company_id=a',
      'DELETE /contacts/:id/companies/:id',
    ],
  },
  {
    name: 'group attaching the user and updating their last-seen',
    setup: [user],
    event: { type: 'group', userId: 'u1', groupId: 'g1', traits: { name: 'G' } },
    steps: [
      'POST /companies',
      'POST /contacts/search',
      'POST /contacts/:id/companies',
      'PUT /contacts/:id',
    ],
  },
  {
    name: 'group detaching the user',
    setup: [user, { type: 'group', userId: 'u1', groupId: 'g1', traits: { name: 'G' } }],
    event: { type: 'group', userId: 'u1', groupId: 'g1', traits: { remove: true } },
    steps: [
      'POST /companies',
      'POST /contacts/search',
      'DELETE /contacts/:id/companies/:id',
      'PUT /contacts/:id',
    ],
  },
]

describe('a failed step ends the 2.x exchange', () => {
  for (const c of cases) {
    it(`${c.name}: at every step`, async () => {
      expect(await stepsOf(c.setup, c.event)).toEqual(c.steps)
      for (let k = 0; k < c.steps.length; k++) {
        const { outcome, sent } = await failingAt(c.setup, c.event, k)
        expect(sent).toHaveLength(k + 1)
        expect(outcome).toMatchObject({ status: 'retry', code: 'server_error' })
        expect(outcome.status === 'retry' && outcome.message).toContain('answered 500: boom')
      }
    })
  }

  it('a group without a user upserts the company only, and says so', async () => {
    const em = createIntercomEmulator()
    const outcome = await deliver(
      toRest({ type: 'group', anonymousId: 'a1', groupId: 'g1', traits: { name: 'G' } }, NOW),
      em.send,
    )
    expect(outcome).toMatchObject({ status: 'delivered', requests: 1 })
    expect(outcome.status === 'delivered' && outcome.warnings.map((w) => w.code)).toContain(
      'no_user',
    )
    expect(em.state.companies).toHaveLength(1)
  })

  it('a group for an unknown email names the email in its retry', async () => {
    const em = createIntercomEmulator()
    const outcome = await deliver(
      toRest(
        { type: 'group', groupId: 'g1', context: { traits: { email: 'x@example.com' } } },
        NOW,
      ),
      em.send,
    )
    expect(outcome).toMatchObject({ status: 'retry', code: 'contact_not_found' })
    expect(outcome.status === 'retry' && outcome.message).toContain('no user x@example.com yet')
  })
})
