import type { GroupEvent } from '../event/types.js'
import { warn } from '../warnings.js'
import { normalizeCompany } from './company.js'
import type { NormalizeContext } from './context.js'
import { modelHead } from './head.js'
import { applyLastSeen } from './last-seen.js'
import type { NormalizedCompany, NormalizedGroup } from './model.js'
import { hasUser } from './user.js'

/** Normalizes a group: the company (`company_id` = groupId) and the user's last-seen. */
export function normalizeGroup(
  event: GroupEvent,
  base: Pick<NormalizedGroup, 'user' | 'options' | 'optionPaths' | 'timestamp'>,
  ctx: NormalizeContext,
): NormalizedGroup {
  // With a company id, normalizeCompany always returns a company; the fallback is for an
  // invalid event (no groupId), which normalize still models to report all its errors.
  const company: NormalizedCompany = normalizeCompany(
    event.traits ?? {},
    'traits',
    ctx,
    event.groupId,
  ) ?? { companyId: event.groupId, customAttributes: {}, remove: false, path: 'traits' }
  const group = modelHead('group', base) as NormalizedGroup
  group.company = company
  group.active = event.context?.active !== false
  if (!hasUser(base.user)) {
    if (company.remove) {
      warn(
        ctx.warnings,
        'dropped_value',
        'traits.remove',
        'No user to detach from the company; ignored',
      )
      company.remove = false
    }
  } else {
    // Last-seen only matters when a user is attached to the company.
    applyLastSeen(group, undefined, event.context, ctx)
  }
  return group
}
