import type { Warning } from '../types.js'
import type { Outcome } from './types.js'

/** The outcome of an exchange that ran to its end. */
export type Delivered = Extract<Outcome, { status: 'delivered' }>

/** The `delivered` outcome: how many requests the exchange sent, and its warnings. */
export function delivered(requests: number, warnings: Warning[]): Delivered {
  return { status: 'delivered', requests, warnings }
}
