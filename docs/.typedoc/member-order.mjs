// @ts-check
/**
 * TypeDoc plugin: members of interfaces, type literals and classes are listed in source
 * order (typedoc.json's `sort`), so a discriminant such as `status` comes first and
 * `method, url, path, headers, body` read as written, while the exports of a module or
 * namespace stay alphabetical within each kind. TypeDoc takes a per-reflection order
 * from a `@sortStrategy` tag: the plugin lends one to each module for grouping and takes
 * it back before rendering, so the sources need no tag.
 */
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc'

const MODULE_ORDER = 'kind, alphabetical-ignoring-documents'

/** @param {import('typedoc').Application} app */
export function load(app) {
  /** @type {Set<import('typedoc').Reflection>} */
  const lent = new Set()
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const modules = [
      context.project,
      ...context.project.getReflectionsByKind(ReflectionKind.SomeModule),
    ]
    for (const module of modules) {
      if (module.comment?.getTag('@sortStrategy')) continue
      module.comment ??= new Comment()
      module.comment.blockTags.push(
        new CommentTag('@sortStrategy', [{ kind: 'text', text: MODULE_ORDER }]),
      )
      lent.add(module)
    }
  })
  // After TypeDoc's grouping (priority -100) has sorted with the tags.
  app.converter.on(
    Converter.EVENT_RESOLVE_END,
    () => {
      for (const module of lent) {
        module.comment?.removeTags('@sortStrategy')
        if (module.comment?.isEmpty()) module.comment = undefined
      }
      lent.clear()
    },
    -200,
  )
}
