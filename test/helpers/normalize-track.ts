// Normalizes a track with the given properties (one user, one fixed time): the helper the
// track and price tests share.
import type { NormalizedTrack } from '../../src/normalize/model.js'
import { normalize } from '../../src/normalize/normalize.js'
import type { Settings } from '../../src/settings/types.js'
import type { MapOptions } from '../../src/types.js'

/** The track's timestamp. */
export const T = '2020-01-01T00:00:00Z'

/** The normalized track and its warnings as `[code, path]` pairs; throws unless normalized. */
export function track(
  properties: Record<string, unknown> | undefined,
  settings?: Settings,
  extra: Record<string, unknown> = {},
  options: MapOptions = {},
) {
  const r = normalize(
    { type: 'track', userId: 'u1', event: 'Order Completed', timestamp: T, properties, ...extra },
    settings === undefined ? options : { ...options, settings },
  )
  if (r.status !== 'normalized' || r.event.type !== 'track') throw new Error(r.status)
  return { event: r.event as NormalizedTrack, warnings: r.warnings.map((w) => [w.code, w.path]) }
}

/** The metadata of that track. */
export const metadata = (properties: Record<string, unknown>, settings?: Settings) =>
  track(properties, settings).event.metadata
