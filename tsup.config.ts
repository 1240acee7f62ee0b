import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }

export default defineConfig([
  {
    // The library: platform-neutral, one entry per public subpath.
    entry: {
      index: 'src/index.ts',
      testing: 'src/testing/index.ts',
      arbitraries: 'src/arbitraries/index.ts',
      identity: 'src/identity/index.ts',
    },
    format: ['esm', 'cjs'],
    platform: 'neutral',
    target: 'es2022',
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    // One file per entry: the shared chunk held a single helper and cost an import.
    splitting: false,
    // fast-check is an optional peer for ./arbitraries only; @noble/hashes backs ./identity.
    external: ['fast-check', '@noble/hashes'],
  },
  {
    // `segment-intercom/testing/server`: Node only (node:http), so outside the neutral build.
    entry: { 'testing-server': 'src/testing/server/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node20',
    dts: { compilerOptions: { types: ['node'] } },
    sourcemap: true,
    clean: false,
    treeshake: true,
    splitting: false,
  },
  {
    // The command-line tool: Node only, built against the library's own dist entry.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
    // `segment-intercom --version`, fixed at build time: the bin reads no file to know it.
    define: { __SEGMENT_INTERCOM_VERSION__: JSON.stringify(version) },
    external: ['fast-check', '@noble/hashes'],
  },
])
