/**
 * The host's half of segment-intercom's sans-I/O exchanges: `send` for `deliver`.
 * It rewrites each request's URL to `INTERCOM_BASE_URL`, adds the credentials (the
 * library never sees them), waits for the shared rate limiter before each request,
 * and reports Intercom's rate-limit answers back to it.
 * @module
 */

/**
 * @param {object} options
 * @param {string} options.baseUrl  e.g. https://api.intercom.io, or the emulator's URL
 * @param {string | undefined} options.token
 * @param {number} options.timeoutMs
 * @param {import('./rate-limiter.js').RateLimiter} options.limiter
 * @param {import('./rate-limiter.js').Fence} [options.fence]
 * @param {number} options.guardMs  the rate limiter's guard (RATE_GUARD_MS)
 * @returns {import('segment-intercom').Send}
 */
export function createSend({ baseUrl, token, timeoutMs, limiter, fence, guardMs }) {
  return async (request) => {
    // The window counts reservations; Intercom counts arrivals. A reservation that
    // took long to come back (a stalled event loop, a slow Redis) may be stale by
    // the time the request leaves: take a fresh one (the old one stays counted).
    let asked = await limiter.acquire(fence)
    for (let retake = 0; retake < 3 && performance.now() - asked > guardMs / 2; retake++) {
      asked = await limiter.acquire(fence)
    }
    /** @type {Record<string, string>} */
    const headers = { ...request.headers }
    if (token !== undefined) headers.Authorization = `Bearer ${token}`
    const response = await fetch(baseUrl + request.path, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    /** @type {Record<string, string>} */
    const responseHeaders = {}
    response.headers.forEach((value, name) => {
      responseHeaders[name] = value
    })
    const text = await response.text()
    await limiter.observe(response.status, responseHeaders)
    return { status: response.status, headers: responseHeaders, body: parseBody(text) }
  }
}

/** @param {string} text */
function parseBody(text) {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
