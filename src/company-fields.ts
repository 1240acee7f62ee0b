import { COMPANY_FIELDS } from './intercom/attribute-names.js'
import type { NormalizedCompany } from './normalize/model.js'

/**
 * The fields {@link COMPANY_FIELDS} gives a model field, as [Intercom key, model field]
 * pairs in table order; built once, so a write walks eight pairs, not the whole table.
 * Custom attributes have no model field here: each encoder shapes them its own way.
 */
const WRITTEN: [string, keyof NormalizedCompany][] = []
for (const key in COMPANY_FIELDS) {
  const model = COMPANY_FIELDS[key]?.model as keyof NormalizedCompany | null | undefined
  if (model != null) WRITTEN.push([key, model])
}

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
  for (const [key, model] of WRITTEN) {
    const value = c[model]
    if (value !== undefined) out[key === 'remote_created_at' ? createdAtKey : key] = value
  }
}
