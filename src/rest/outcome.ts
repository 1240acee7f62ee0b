import type { Warning } from '../types.js'
import type { OutcomeEnd } from './types.js'

/** The end of an exchange that ran to its end (the kernel adds what it learned). */
export type Delivered = Extract<OutcomeEnd, { status: 'delivered' }>

/** The `delivered` outcome: how many requests the exchange sent, and its warnings. */
export function delivered(requests: number, warnings: Warning[]): Delivered {
  return { status: 'delivered', requests, warnings }
}
