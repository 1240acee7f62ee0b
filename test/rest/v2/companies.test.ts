/** The company steps against the emulator. */
import { describe, expect, it } from 'vitest'
import { endpoint } from '../../../src/rest/endpoint.js'
import {
  attachCompany,
  detachById,
  detachCompany,
  saveCompany,
} from '../../../src/rest/v2/companies.js'
import { createIntercomEmulator } from '../../../src/testing/index.js'
import { runStep, SETTINGS } from './steps.js'

const U1 = { userId: 'u1' }
const ACME = { companyId: 'acme', path: 'traits.company' }

function workspace() {
  const emulator = createIntercomEmulator()
  const contact = emulator.handle(
    endpoint(SETTINGS, 'POST', '/contacts', { role: 'user', external_id: 'u1' }),
  )
  return { emulator, contactId: (contact.body as { id: string }).id }
}

describe('company steps', () => {
  it('upsert returns one id per company_id, attach associates it', () => {
    const { emulator, contactId } = workspace()
    const first = runStep(emulator, (c) =>
      saveCompany(c, ACME, { company_id: 'acme', name: 'Acme' }),
    )
    const again = runStep(emulator, (c) =>
      saveCompany(c, ACME, { company_id: 'acme', plan: 'pro' }),
    )
    expect(again.value).toBe(first.value)
    expect(emulator.state.companies).toMatchObject([{ company_id: 'acme', name: 'Acme' }])
    const attached = runStep(emulator, (c) => attachCompany(c, contactId, first.value as string))
    expect(attached.value).toBe(true)
    expect(attached.sent[0]?.body).toEqual({ id: first.value })
    expect(emulator.state.associations).toEqual([{ contactId, companyId: first.value }])
  })

  it('detach looks the company up by company_id, then deletes the association', () => {
    const { emulator, contactId } = workspace()
    const id = runStep(emulator, (c) => saveCompany(c, ACME, { company_id: 'acme' }))
      .value as string
    runStep(emulator, (c) => attachCompany(c, contactId, id))
    const r = runStep(emulator, (c) => detachCompany(c, U1, contactId, 'acme', 'traits.company'))
    expect(r.value).toBe(true)
    expect(r.requests).toEqual([
      'GET /companies?company_id=acme',
      `DELETE /contacts/${contactId}/companies/${id}`,
    ])
    expect(emulator.state.associations).toEqual([])
    expect(r.outcome).toEqual({
      status: 'delivered',
      requests: 2,
      warnings: [],
      // What the lookup named, and that the contact is no longer attached.
      learned: {
        version: 1,
        companies: { acme: id },
        attachments: { [contactId]: { [id]: null } },
      },
    })
  })

  it('an unknown or unattached company is a warning, not a failure', () => {
    const { emulator, contactId } = workspace()
    const unknown = runStep(emulator, (c) =>
      detachCompany(c, U1, contactId, 'ghost', 'traits.company'),
    )
    expect(unknown.outcome).toMatchObject({
      status: 'delivered',
      warnings: [{ code: 'company_not_found', path: 'traits.company' }],
    })
    const id = runStep(emulator, (c) => saveCompany(c, ACME, { company_id: 'acme' }))
      .value as string
    // Ids an answer of this exchange named: a 404 means "not attached", not "stale".
    const loose = runStep(emulator, (c) => {
      c.memory.saw(contactId)
      c.memory.saw(id)
      return detachById(c, U1, contactId, 'acme', id, 'traits.companies.0')
    })
    expect(loose.outcome).toMatchObject({
      status: 'delivered',
      warnings: [{ code: 'not_attached', path: 'traits.companies.0' }],
    })
  })
})
