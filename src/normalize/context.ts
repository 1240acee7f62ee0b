import type { ResolvedSettings } from '../settings/types.js'
import type { Warning } from '../types.js'

/** What every normalize step reads and appends to; one per mapping call. */
export interface NormalizeContext {
  settings: ResolvedSettings
  warnings: Warning[]
  /** "Now" in unix seconds: `options.now`, else the event timestamp. */
  now: number | undefined
}
