/**
 * Data attributes (2.x): list and create custom attributes for contacts and companies.
 * @module
 */

import { json, type RouteHandler, requireBody } from './context.js'
import { isValidAttributeName, MAX_CUSTOM_ATTRIBUTES } from './custom-attributes.js'
import { ApiError, invalid, missing } from './errors.js'
import { booleanField, rejectUnknownFields, stringField } from './fields.js'
import { dataAttributeResponse } from './render.js'
import type { DataAttributeModel, DataAttributeType } from './types.js'
import { addDataAttribute, findDataAttribute } from './workspace.js'

const MODELS: readonly DataAttributeModel[] = ['contact', 'company']
const DATA_TYPES: readonly DataAttributeType[] = ['string', 'integer', 'float', 'boolean', 'date']
const FIELDS = new Set(['name', 'model', 'data_type', 'description', 'messenger_writable'])

/** How Intercom's error messages name each model's data. */
const MODEL_NOUN: Record<DataAttributeModel, string> = { contact: 'people', company: 'company' }

/**
 * `GET /data_attributes?model=contact|company`: the custom attributes of that model
 * (both without `model`). Intercom also lists its standard attributes; the emulator
 * lists only custom ones.
 */
export const listDataAttributes: RouteHandler = (context) => {
  const model = context.query.get('model')
  if (model === 'conversation') {
    throw new ApiError(
      422,
      'parameter_invalid',
      'model=conversation is no longer supported. Use GET /conversations/attributes instead',
    )
  }
  if (model !== undefined && !MODELS.includes(model as DataAttributeModel)) {
    throw invalid('The Data Attribute model field must be either contact or company', 'model')
  }
  const data = context.store.dataAttributes
    .filter((a) => model === undefined || a.model === model)
    .map(dataAttributeResponse)
  return json(200, { type: 'list', data })
}

/**
 * `POST /data_attributes` `{ name, model, data_type, description?, messenger_writable? }`:
 * `400 parameter_invalid` for a name the model already has, a forbidden character in the
 * name, an unknown model or data type (list attributes with `options` are not emulated),
 * or more than 250 custom attributes.
 */
export const createDataAttribute: RouteHandler = (context) => {
  const body = requireBody(context)
  rejectUnknownFields(body, FIELDS)
  const name = stringField(body, 'name')
  if (name === undefined) throw missing('name is required', 'name')
  const model = body.model
  if (!MODELS.includes(model as DataAttributeModel)) {
    throw invalid('The Data Attribute model field must be either contact or company', 'model')
  }
  const dataType = body.data_type
  if (!DATA_TYPES.includes(dataType as DataAttributeType)) {
    throw invalid("Data Type isn't an option", 'data_type')
  }
  const description = stringField(body, 'description', 'nullable')
  const messengerWritable = booleanField(body, 'messenger_writable', 'nullable')
  if (!isValidAttributeName(name)) {
    throw invalid(`The attribute name '${name}' contains a forbidden character`, 'name')
  }
  const noun = MODEL_NOUN[model as DataAttributeModel]
  if (findDataAttribute(context.store, model as DataAttributeModel, name) !== undefined) {
    throw invalid(
      `You already have '${name}' in your ${noun} data. To save this as new ${noun} data, use a different name.`,
      'name',
    )
  }
  if (context.store.dataAttributes.length >= MAX_CUSTOM_ATTRIBUTES) {
    throw invalid(`A workspace can have at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes`, 'name')
  }
  const record = addDataAttribute(
    context.store,
    {
      name,
      model: model as DataAttributeModel,
      data_type: dataType as DataAttributeType,
      description: description ?? null,
      messenger_writable: messengerWritable ?? false,
    },
    context.nowSeconds,
  )
  return json(200, dataAttributeResponse(record))
}
