import { describe, expect, it } from 'vitest'
import { objectId, requestId } from '../../../src/testing/emulator/ids.js'

describe('ids', () => {
  it('object ids are 24 hex digits, by kind, that sort in creation order', () => {
    const contacts = [1, 2, 15, 16, 255, 4096].map((n) => objectId('contact', n))
    for (const id of contacts) expect(id).toMatch(/^6a00c0[0-9a-f]{18}$/)
    expect([...contacts].sort()).toEqual(contacts)
    expect(objectId('company', 1)).toBe('6a00c1000000000000000001')
    expect(objectId('contact', 1)).not.toBe(objectId('company', 1))
  })

  it('request ids are UUID-shaped and distinct per request number', () => {
    const ids = [1, 2, 3, 0xfff].map(requestId)
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/)
    }
    expect(new Set(ids).size).toBe(ids.length)
  })
})
