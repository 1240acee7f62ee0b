// fast-check for `npm run mutation` only (vitest.mutation.config.ts aliases `fast-check` here):
// every property runs at most MUTATION_RUNS times. Stryker runs each mutant's covering
// tests, and the properties (up to 1,000 runs each) would otherwise cost hours; a few dozen
// runs still kill what a property kills at all, and a mutant that needs more survives, so
// the score is a lower bound of the full suite's. `npm test` uses fast-check unchanged.
import * as real from '../../node_modules/fast-check/lib/fast-check.js'

const MUTATION_RUNS = 25

const capped = <P>(params: P | undefined): P =>
  ({
    ...params,
    numRuns: Math.min((params as { numRuns?: number } | undefined)?.numRuns ?? 100, MUTATION_RUNS),
  }) as P

export * from '../../node_modules/fast-check/lib/fast-check.js'

export const assert: typeof real.assert = ((property: never, params?: never) =>
  real.assert(property, capped(params))) as typeof real.assert

export default { ...real.default, assert }
