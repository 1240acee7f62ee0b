// @ts-check
/**
 * TypeDoc plugin: names the entry modules after the package subpaths users import
 * (`segment-intercom`, `segment-intercom/testing`, …) instead of the file names TypeDoc
 * derives (`index`, `testing`, …). Done here rather than
 * with `@module <name>` tags so the source files stay as they are.
 */
import { Converter, ReflectionKind } from 'typedoc'

/** TypeDoc's derived module name → the import specifier. */
const NAMES = {
  index: 'segment-intercom',
  testing: 'segment-intercom/testing',
  arbitraries: 'segment-intercom/arbitraries',
  identity: 'segment-intercom/identity',
  'testing/server': 'segment-intercom/testing/server',
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const child of context.project.children ?? []) {
      if (!child.kindOf(ReflectionKind.Module)) continue
      const name = NAMES[/** @type {keyof typeof NAMES} */ (child.name)]
      if (name === undefined) {
        app.logger.warn(`module-names: no import name for module "${child.name}"`)
      } else child.name = name
    }
  })
}
