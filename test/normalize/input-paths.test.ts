// Issue 9 items 4 and 14: every warning names the input path of the value it is about,
// and a company's size, website and industry reach the mobile SDKs.
import { describe, expect, it } from 'vitest'
import { toMessenger, toMobile, toRest } from '../../src/index.js'
import { fixtureEvent } from '../helpers/fixture.js'

const settings = { appId: 'abc12345' }
const pathsOf = (r: { warnings: { code: string; path: string }[] }, code: string) =>
  r.warnings.filter((w) => w.code === code).map((w) => w.path)

describe('flattening warns at each value sent (analytics-node identify)', () => {
  const event = fixtureEvent('analytics-node/identify')

  it.each([
    ['toRest', toRest(event)],
    ['toMessenger', toMessenger(event, { settings })],
    ['toMobile', toMobile(event)],
  ])('%s: traits.address.city, not traits.address', (_name, r) => {
    expect(pathsOf(r, 'flattened')).toEqual([
      'traits.address.street',
      'traits.address.city',
      'traits.address.state',
      'traits.address.postalCode',
      'traits.address.country',
    ])
    const city = r.warnings.find((w) => w.path === 'traits.address.city')
    expect(city?.message).toContain('"address_city"')
  })
})

describe("the Messenger's reserved keys are warned at the input path", () => {
  it('traits.user.id (flattened to user_id), not traits.user_id', () => {
    const r = toMessenger(
      {
        type: 'identify',
        userId: 'u1',
        traits: { user: { id: 'x' }, hide: { default_launcher: 1 } },
      },
      { settings },
    )
    expect(pathsOf(r, 'reserved_key')).toEqual(['traits.user.id', 'traits.hide.default_launcher'])
  })
})

describe("a company's size, website and industry (analytics-node group)", () => {
  const event = fixtureEvent('analytics-node/group')

  it('mobile: custom attributes under the trait keys, nothing warned about them', () => {
    const r = toMobile(event)
    expect(r.status).toBe('mapped')
    if (r.status !== 'mapped') return
    const update = r.calls[0]
    const company = update?.method === 'updateUser' ? update.args[0].companies?.[0] : undefined
    expect(company?.customAttributes).toMatchObject({
      employees: 420,
      industry: 'Software',
      website: 'https://initech.example',
    })
    for (const key of ['employees', 'industry', 'website']) {
      expect(r.warnings.filter((w) => w.path === `traits.${key}`)).toEqual([])
    }
    expect(r.warnings.filter((w) => w.path === 'traits')).toEqual([])
  })

  it('REST 2.x: the standard company fields (employees → size)', () => {
    const r = toRest(event)
    expect(r.status).toBe('mapped')
    if (r.status !== 'mapped') return
    const upsert = r.exchange().next().value
    expect(upsert && 'body' in upsert && upsert.body).toMatchObject({
      size: 420,
      industry: 'Software',
      website: 'https://initech.example',
    })
  })
})
