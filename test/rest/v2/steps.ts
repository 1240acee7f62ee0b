/** Runs one named step against an emulator, synchronously. */
import { drive } from '../../../src/rest/drive.js'
import {
  type Conversation,
  type ConversationSetup,
  converse,
  type Step,
  Stop,
} from '../../../src/rest/kernel.js'
import type { IntercomRequest, Outcome } from '../../../src/rest/types.js'
import { DEFAULT_SETTINGS } from '../../../src/settings/resolve.js'
import type { ResolvedSettings } from '../../../src/settings/types.js'
import type { IntercomEmulator } from '../../../src/testing/index.js'

export const SETTINGS: ResolvedSettings = { ...DEFAULT_SETTINGS, apiVersion: '2.16' }

/** The step's value (or its Stop), every request it sent, and the exchange's outcome. */
export function runStep<T>(
  emulator: IntercomEmulator,
  step: (c: Conversation) => Step<T>,
  settings: ResolvedSettings = SETTINGS,
  setup: Partial<ConversationSetup> = {},
): { value: T | Stop; requests: string[]; outcome: Outcome; sent: IntercomRequest[] } {
  let value: T | Stop | undefined
  const sent: IntercomRequest[] = []
  const outcome = drive(
    converse({ settings, nowMs: undefined, warnings: [], ...setup }, function* (c) {
      value = yield* step(c)
      return value instanceof Stop ? value : undefined
    }),
    (request) => {
      sent.push(request)
      return emulator.handle(request)
    },
  )
  return {
    value: value as T | Stop,
    requests: sent.map((r) => `${r.method} ${r.path}`),
    outcome,
    sent,
  }
}
