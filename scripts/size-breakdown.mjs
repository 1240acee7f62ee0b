#!/usr/bin/env node
/**
 * Which modules make a bundle big: bundles `import { <names> } from 'segment-intercom'`
 * from the sources (esbuild, minified, as size-limit does from dist/) and prints each
 * module's minified bytes, then the bundle's min+brotli size.
 *
 *   node scripts/size-breakdown.mjs toMessenger,applyMessengerCalls
 *   node scripts/size-breakdown.mjs toRest
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { brotliCompressSync } from 'node:zlib'
import { build } from 'esbuild'

const names = (process.argv[2] ?? 'toMessenger,applyMessengerCalls').split(',')
const root = resolve(import.meta.dirname, '..')
const dir = mkdtempSync(join(tmpdir(), 'size-'))
try {
  const entry = join(dir, 'entry.ts')
  writeFileSync(
    entry,
    `export { ${names.join(', ')} } from ${JSON.stringify(join(root, 'src/index.ts'))}\n`,
  )
  const out = join(dir, 'out.js')
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    metafile: true,
    outfile: out,
    logLevel: 'warning',
  })
  const inputs = Object.values(r.metafile.outputs)[0].inputs
  const rows = Object.entries(inputs)
    .map(([file, v]) => [v.bytesInOutput, relative(root, resolve(file))])
    .filter(([bytes]) => bytes > 0)
    .sort((a, b) => b[0] - a[0])
  for (const [bytes, file] of rows) console.log(`${String(bytes).padStart(7)}  ${file}`)
  const code = readFileSync(out)
  console.log(`${String(code.length).padStart(7)}  minified total`)
  console.log(
    `${String(brotliCompressSync(code).length).padStart(7)}  min+brotli (${names.join(', ')})`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
