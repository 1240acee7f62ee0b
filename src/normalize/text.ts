import { describe } from '../_lib/describe.js'
import { dropped, warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'

/**
 * The one rule for a standard text field (a name, phone, avatar, company id, plan…):
 * text is kept; a finite number is sent as its text (warned `converted`, since the
 * digits are what the sender meant: `phone: 5550100`, `id: 12345`); anything else is
 * dropped (warned `dropped_value`). The 255-character rule is the caller's, because
 * fields differ in it (a name is cut, an avatar URL must not be).
 */
export function textField(
  value: unknown,
  key: string,
  path: string,
  ctx: NormalizeContext,
): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) {
    warn(ctx.warnings, 'converted', path, `Number ${value} sent as text`)
    return String(value)
  }
  return dropped(ctx.warnings, path, `"${key}" must be text, got ${describe(value)}`)
}
