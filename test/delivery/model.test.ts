/**
 * Model-based test of `deliverAll` against the emulator (the model and the runner:
 * ./model.ts). Shrunk counterexamples are kept in ./regressions.test.ts.
 */
import * as fc from 'fast-check'
import { describe, it } from 'vitest'
import { check, run, toBatches } from './model.js'

describe('deliverAll against a model of the workspace', () => {
  it('ends in the model’s state under random interleavings and faults', async () => {
    await fc.assert(
      fc.asyncProperty(run, async ({ commands, cuts, faults: f }) => {
        await check(toBatches(commands, cuts), f)
      }),
      { numRuns: 500 },
    )
  }, 60_000)
})
