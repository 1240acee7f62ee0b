import { COMPANY_FIELDS } from './intercom/attribute-names.js'
import type { NormalizedCompany } from './normalize/model.js'

/**
 * Writes a company's standard fields under Intercom's keys, as {@link COMPANY_FIELDS}
 * names them (`company_id`, `name`, `plan`, `monthly_spend`, `size`, `website`,
 * `industry`), and its creation time, the one key that differs (`remote_created_at` in
 * REST bodies, `created_at` in the Messenger's company object). The REST and Messenger
 * encoders share it; the mobile SDKs' company has other names.
 */
export function writeCompanyFields(
  out: Record<string, unknown>,
  c: NormalizedCompany,
  createdAtKey: 'remote_created_at' | 'created_at',
): void {
  for (const key in COMPANY_FIELDS) {
    // Custom attributes have no model field here: each encoder shapes them its own way.
    const model = COMPANY_FIELDS[key]?.model as keyof NormalizedCompany | null | undefined
    const value = model == null ? undefined : c[model]
    if (value !== undefined) out[key === 'remote_created_at' ? createdAtKey : key] = value
  }
}
