/**
 * A realistic event stream for the scale test: users who identify first, then
 * track (most), identify again (name changes) and join companies, interleaved the
 * way a busy source interleaves them, each user's events in their own order.
 * Every event carries the user's sequence number (track: `properties.seq`;
 * identify: in the name), so order can be checked in Intercom's state.
 * @module
 */

/** mulberry32: a small seeded generator, so a failure replays with the same seed. @param {number} seed */
export function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TRACKS = [
  'Product Viewed',
  'Product Added',
  'Order Completed',
  'Signed In',
  'Report Exported',
]

/**
 * @param {{ users: number, perUser: [number, number], companies: number, seed: number }} options
 * @returns {{ events: Record<string, unknown>[], users: Map<string, { seqs: number[], lastName: string, companies: Set<string> }> }}
 */
export function generateEvents({ users, perUser, companies, seed }) {
  const rand = random(seed)
  const pick = (/** @type {any[]} */ list) => list[Math.floor(rand() * list.length)]
  /** @type {object[][]} */
  const streams = []
  const expected = new Map()
  for (let u = 0; u < users; u++) {
    const userId = `user-${u}`
    const email = `user${u}@example.com`
    const count = perUser[0] + Math.floor(rand() * (perUser[1] - perUser[0] + 1))
    const stream = []
    const info = { seqs: /** @type {number[]} */ ([]), lastName: '', companies: new Set() }
    for (let seq = 1; seq <= count; seq++) {
      const roll = rand()
      if (seq === 1 || roll < 0.12) {
        const name = `User ${u} #${seq}`
        info.lastName = name
        stream.push({ type: 'identify', userId, traits: { email, name } })
      } else if (roll < 0.24) {
        const groupId = `company-${Math.floor(rand() * companies)}`
        info.companies.add(groupId)
        stream.push({ type: 'group', userId, groupId, traits: { name: `Company ${groupId}` } })
      } else {
        info.seqs.push(seq)
        stream.push({
          type: 'track',
          userId,
          event: pick(TRACKS),
          properties: {
            seq,
            quantity: 1 + Math.floor(rand() * 5),
            sku: `sku-${Math.floor(rand() * 90)}`,
          },
        })
      }
    }
    streams.push(stream)
    expected.set(userId, info)
  }
  // Interleave: repeatedly take the next event of a random user who has some left.
  const events = []
  const cursors = streams.map(() => 0)
  const open = streams.map((_, i) => i)
  const start = Date.UTC(2026, 2, 1)
  while (open.length > 0) {
    const k = Math.floor(rand() * open.length)
    const u = /** @type {number} */ (open[k])
    const event = /** @type {object} */ (/** @type {object[]} */ (streams[u])[cursors[u]++])
    events.push({
      ...event,
      messageId: `m-${events.length}`,
      timestamp: new Date(start + events.length * 1000).toISOString(),
    })
    if (cursors[u] === streams[u]?.length) open.splice(k, 1)
  }
  return { events, users: expected }
}
