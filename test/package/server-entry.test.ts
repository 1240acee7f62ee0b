// `segment-intercom/testing/server`, the Node-only entry: loadable by name from ESM and
// CommonJS, and kept out of the browser-safe entries. Reads dist/: `npm test` builds it
// first; otherwise run `npx tsup`.
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const run = promisify(execFile)

/** An import or require of node:http / http (tsup may drop the `node:` prefix). */
const NODE_HTTP = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](?:node:)?https?['"]/

const read = (file: string): string => readFileSync(join(ROOT, 'dist', file), 'utf8')

beforeAll(() => {
  for (const file of ['index.js', 'testing.js', 'testing-server.js', 'testing-server.cjs']) {
    if (!existsSync(join(ROOT, 'dist', file))) {
      throw new Error(`dist/${file} is missing: build first with \`npx tsup\``)
    }
  }
})

describe('the browser-safe entries stay free of the server', () => {
  it('the detector finds node:http in the server entry (control)', () => {
    expect(read('testing-server.js')).toMatch(NODE_HTTP)
    expect(read('testing-server.cjs')).toMatch(NODE_HTTP)
  })

  it.each(['index.js', 'index.cjs', 'testing.js', 'testing.cjs'])(
    'dist/%s has no node:http and no serveEmulator',
    (file) => {
      const code = read(file)
      expect(code).not.toMatch(NODE_HTTP)
      expect(code).not.toContain('node:http')
      expect(code).not.toContain('serveEmulator')
      expect(code).not.toContain('__emulator/state')
    },
  )

  it('the server entry imports nothing but Node built-ins', () => {
    const specifiers = [
      ...read('testing-server.js').matchAll(
        /\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]/g,
      ),
    ].map((m) => m[1] ?? m[2])
    expect(specifiers).toEqual(['http'])
  })

  it('package.json exports ./testing/server with types first, for import and require', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      exports: Record<string, Record<string, Record<string, string>>>
    }
    const entry = pkg.exports['./testing/server']
    expect(entry).toEqual({
      import: { types: './dist/testing-server.d.ts', default: './dist/testing-server.js' },
      require: { types: './dist/testing-server.d.cts', default: './dist/testing-server.cjs' },
    })
    for (const condition of Object.values(entry ?? {})) {
      expect(Object.keys(condition)[0]).toBe('types')
      for (const file of Object.values(condition)) expect(existsSync(join(ROOT, file))).toBe(true)
    }
  })
})

/** Serves an emulator by package name, sends one request, reads state, closes: as JSON. */
const PROBE = `
  const intercom = createIntercomEmulator({ clock: Date.now })
  const server = await serveEmulator(intercom)
  const created = await fetch(server.url + '/contacts', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Intercom-Version': '2.16' },
    body: JSON.stringify({ external_id: 'u1' }),
  })
  const state = await fetch(server.url + '/__emulator/state').then((r) => r.json())
  await server.close()
  process.stdout.write(JSON.stringify({ status: created.status, contacts: state.contacts.map((c) => c.external_id) }))
`

describe('loaded by name', () => {
  it.each([
    [
      'esm',
      ['--input-type=module', '-e'],
      `import { serveEmulator } from 'segment-intercom/testing/server'
       import { createIntercomEmulator } from 'segment-intercom/testing'
       ${PROBE}`,
    ],
    [
      'cjs',
      ['-e'],
      `const { serveEmulator } = require('segment-intercom/testing/server')
       const { createIntercomEmulator } = require('segment-intercom/testing')
       ;(async () => { ${PROBE} })()`,
    ],
  ])('%s: serves the emulator and closes', async (_format, flags, script) => {
    const { stdout } = await run(process.execPath, [...flags, script], { cwd: ROOT })
    expect(JSON.parse(stdout)).toEqual({ status: 200, contacts: ['u1'] })
  })
})
