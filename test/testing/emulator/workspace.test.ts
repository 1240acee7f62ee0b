// The workspace layer (src/testing/emulator/workspace.ts): route modules reach the
// store only through it and never import each other, and the rules it holds apply
// to every route that uses them.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createStore } from '../../../src/testing/emulator/store.js'
import {
  addContact,
  companyLimitExceeded,
  conflict,
  MAX_COMPANIES_PER_CONTACT,
  newContact,
} from '../../../src/testing/emulator/workspace.js'

const EMULATOR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src/testing/emulator')
const ROUTES = readdirSync(EMULATOR).filter((f) => f.startsWith('routes-'))

function importsOf(file: string): string[] {
  const text = readFileSync(join(EMULATOR, file), 'utf8')
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((m) => m[1] ?? '')
}

describe('route modules', () => {
  it('exist (the scan below reads something)', () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(5)
  })

  it.each(ROUTES)('%s imports no other route module and not the store', (file) => {
    const imports = importsOf(file)
    expect(imports).toContain('./workspace.js')
    expect(imports.filter((i) => i.startsWith('./routes-') || i === './store.js')).toEqual([])
  })
})

describe('workspace operations', () => {
  it('newContact builds an empty record with a fresh id that addContact stores', () => {
    const store = createStore([], [], 0)
    const a = newContact(store, 'user', 1, 1000)
    const b = newContact(store, 'lead', 2, 1001)
    expect(a.id).not.toBe(b.id)
    expect(a).toMatchObject({ role: 'user', email: '', external_id: null, created_at: 1000 })
    expect(b).toMatchObject({ role: 'lead', createdSeq: 2, updated_at: 1001 })
    addContact(store, a)
    expect(store.contacts).toEqual([a])
  })

  it('conflict and companyLimitExceeded carry Intercom’s codes and messages', () => {
    expect(conflict('c1')).toMatchObject({
      status: 409,
      code: 'conflict',
      message: 'A contact matching those details already exists with id=c1',
    })
    expect(companyLimitExceeded()).toMatchObject({
      status: 400,
      code: 'contact_company_limit_exceeded',
      message: `Contact has reached the maximum of ${MAX_COMPANIES_PER_CONTACT} company associations`,
    })
  })
})
