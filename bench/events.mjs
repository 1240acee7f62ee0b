/** Representative Segment events for the benchmark: what real sources send. */
export const identify = {
  type: 'identify',
  messageId: 'ajs-next-1a2b3c4d5e6f',
  userId: 'su3r73',
  anonymousId: '507f191e810c19729de860ea',
  timestamp: '2026-03-02T10:00:00.000Z',
  context: {
    ip: '8.8.8.8',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
    library: { name: 'analytics.js', version: '2.11.1' },
    page: { path: '/account', url: 'https://example.com/account', title: 'Account' },
  },
  integrations: {
    Intercom: { user_hash: 'b3f3b5cc0e34e6e9a4e3c6a6a1c0b1f0b3f3b5cc0e34e6e9a4e3c6a6a1c0b1f0' },
  },
  traits: {
    name: 'Iñigo Montoya',
    email: 'avenger@example.com',
    phone: '+1 555 0100',
    createdAt: 'Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)',
    plan: 'Enterprise',
    logins: 42,
    verified: true,
    company: { id: '123', name: 'Iñigo & Friends Holding Company', plan: 'Pro', employees: 50 },
    address: { city: 'San Francisco', postalCode: '94107', country: 'US' },
    referrer: 'newsletter',
  },
}

export const track = {
  type: 'track',
  messageId: 'ajs-next-9f8e7d6c5b4a',
  userId: 'su3r73',
  event: 'Order Completed',
  timestamp: '2026-03-02T10:02:00.000Z',
  context: { ip: '8.8.8.8', library: { name: 'analytics-node', version: '6.0.0' } },
  properties: {
    order_id: '50314b8e9bcf000000000000',
    revenue: 19.99,
    currency: 'usd',
    coupon: 'hasbros',
    discount: 2.5,
    shipping: 3,
    tax: 1.02,
    category: 'boots',
  },
}

export const group = {
  type: 'group',
  userId: 'su3r73',
  groupId: 'companyId123',
  timestamp: '2026-03-02T10:03:00.000Z',
  traits: {
    name: 'Segment',
    plan: 'Enterprise',
    monthly_spend: 1299,
    employees: 120,
    industry: 'Analytics',
    website: 'https://segment.com',
  },
}

export const page = {
  type: 'page',
  userId: 'su3r73',
  name: 'Pricing',
  timestamp: '2026-03-02T10:00:05.000Z',
  properties: {
    path: '/pricing',
    url: 'https://example.com/pricing',
    title: 'Pricing',
    referrer: 'https://google.com',
  },
}
