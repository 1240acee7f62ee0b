/**
 * Companies: the `company_id`-keyed upsert, lookup, and attaching companies to contacts.
 * @module
 */
import { json, param, type RouteHandler, requireBody } from './context.js'
import { companyNotFound, missing } from './errors.js'
import { idField } from './fields.js'
import { companyResponse, onePageList } from './render.js'
import {
  attach,
  companiesOf,
  companyByCompanyId,
  companyById,
  detach,
  readCompanyWrite,
  requireContact,
  upsertCompany,
} from './workspace.js'

/** `POST /companies`: upsert keyed on `company_id`. */
export const upsertCompanyRoute: RouteHandler = (context) => {
  const write = readCompanyWrite(context, requireBody(context))
  const record = upsertCompany(context, write)
  return json(200, companyResponse(context.store, record))
}

/**
 * `GET /companies?company_id=…` (or `?name=…`): the company, or `404
 * company_not_found`. Without either, every company as a `list`.
 */
export const getCompanies: RouteHandler = (context) => {
  const { store, query } = context
  const companyId = query.get('company_id')
  const name = query.get('name')
  if (companyId !== undefined || name !== undefined) {
    const record =
      companyId !== undefined
        ? companyByCompanyId(store, companyId)
        : store.companies.find((c) => c.name === name)
    if (record === undefined) throw companyNotFound()
    return json(200, companyResponse(store, record))
  }
  const data = store.companies.map((c) => companyResponse(store, c))
  return json(200, onePageList(data, 15))
}

/** `POST /contacts/{id}/companies` with `{ id }` (Intercom's company id). */
export const attachCompanyRoute: RouteHandler = (context) => {
  const contact = requireContact(context, param(context, 0))
  const body = requireBody(context)
  const id = idField(body, 'id')
  if (id === undefined) throw missing('company not specified', 'id')
  const company = companyById(context.store, id)
  if (company === undefined) throw companyNotFound()
  attach(context, contact, company)
  return json(200, companyResponse(context.store, company))
}

/**
 * `DELETE /contacts/{id}/companies/{company_id}`. A company that exists but is not
 * attached to the contact answers `404 company_not_found`, like an unknown company.
 */
export const detachCompanyRoute: RouteHandler = (context) => {
  const contact = requireContact(context, param(context, 0))
  const company = companyById(context.store, param(context, 1))
  if (company === undefined || !detach(context, contact, company)) throw companyNotFound()
  company.updated_at = context.nowSeconds
  return json(200, companyResponse(context.store, company))
}

/** `GET /contacts/{id}/companies`. */
export const listContactCompanies: RouteHandler = (context) => {
  const contact = requireContact(context, param(context, 0))
  const data = companiesOf(context.store, contact.id).flatMap((id) => {
    const company = companyById(context.store, id)
    return company === undefined ? [] : [companyResponse(context.store, company)]
  })
  return json(200, onePageList(data, 50))
}
