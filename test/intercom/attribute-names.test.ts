import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { COMPANY_FIELDS, CONTACT_FIELDS } from '../../src/intercom/attribute-names.js'

const spec = JSON.parse(
  readFileSync(new URL('../data/intercom-openapi/2.16.json', import.meta.url), 'utf8'),
) as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } }
const requestFields = (schema: string) =>
  Object.keys(spec.components.schemas[schema]?.properties ?? {}).sort()
const writable = (table: Record<string, { writable: boolean }>) =>
  Object.keys(table)
    .filter((k) => table[k]?.writable)
    .sort()

describe("Intercom's contact and company fields", () => {
  it('mark writable exactly the fields of the 2.16 create-contact request', () => {
    expect(writable(CONTACT_FIELDS)).toEqual(requestFields('create_contact_request'))
  })

  it('mark writable exactly the company fields of the 2.16 upsert (not its update_last_request_at flag)', () => {
    expect(writable(COMPANY_FIELDS)).toEqual(
      requestFields('create_or_update_company_request').filter(
        (k) => k !== 'update_last_request_at',
      ),
    )
  })
})
