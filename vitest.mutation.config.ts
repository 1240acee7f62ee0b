// The tests Stryker runs against mutants of src/normalize and src/rest (`npm run mutation`):
// the ones that exercise those modules in-process. Type tests, the source scan
// (test/codes/source.test.ts reads src/ as text, which Stryker rewrites) and the
// package/CLI/docs tests that build or spawn processes are left out.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^fast-check$/,
        replacement: fileURLToPath(new URL('./test/support/capped-fast-check.ts', import.meta.url)),
      },
    ],
  },
  test: {
    include: [
      'test/normalize/**/*.test.ts',
      'test/rest/**/*.test.ts',
      'test/properties/**/*.test.ts',
      'test/codes.test.ts',
      'test/event/**/*.test.ts',
      'test/settings/**/*.test.ts',
      'test/delivery/**/*.test.ts',
      'test/conformance/**/*.test.ts',
    ],
    // vi.mock needs a module graph of its own, which isolate: false below does not give.
    exclude: ['test/delivery/learned-flow.test.ts'],
    typecheck: { enabled: false },
    // Stryker switches mutants at run time, so one module graph serves every test file:
    // without isolation a mutant run costs a fraction (a full pass: 11 s instead of 28 s).
    isolate: false,
  },
})
