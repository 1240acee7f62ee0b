import { build } from 'esbuild'
for (const [name, root] of [['old', '/tmp/trackold/base'], ['new', '/work/wt/track']]) {
  if (name === 'old' && process.argv[2] === 'new-only') continue
  await build({ stdin: { contents: `export { toMessenger, toRest, normalize } from '${root}/src/index.ts'; export { toCents } from '${root}/src/normalize/cents.ts'`, resolveDir: root, loader: 'ts' }, bundle: true, minify: true, format: 'esm', outfile: `/tmp/trackold/${name}.mjs`, logLevel: 'error' })
}
