/** How a nested object or array in traits or properties is sent. */
export type NestedValuesMode = 'flatten' | 'stringify' | 'drop'

/** How a string longer than 255 characters is sent. */
export type LongValuesMode = 'truncate' | 'drop'

/** What REST 2.x does with a custom attribute the workspace does not define. */
export type UnknownAttributesMode = 'drop' | 'create' | 'fail'

/** Intercom data-hosting region. */
export type Region = 'us' | 'eu' | 'au'

/**
 * Destination settings, named after the Settings section of Segment's Intercom
 * destination documentation (camelCase). Every key is optional; see
 * {@link ResolvedSettings} for the defaults.
 */
export interface Settings {
  /** Intercom App ID (Messenger and mobile), e.g. `9iefb489`. */
  appId?: string
  /** Intercom mobile API key (mobile). */
  mobileApiKey?: string
  /** Messenger: CSS selector of a custom launcher. Default `#IntercomDefaultWidget`. */
  customInboxButtonSelector?: string
  /** "Include Context with Identify Calls": device/os/app attributes. Default `false`. */
  collectContext?: boolean
  /** Event properties sent as Intercom rich links (`{ url, value }`). Default `[]`. */
  richLinkProperties?: string[]
  /** REST: `'1.4'` or a 2.x version such as `'2.16'`. Default `'2.16'`. */
  apiVersion?: string
  /** Data-hosting region: the REST base URL and the Messenger `api_base`. Default `'us'`. */
  region?: Region
  /**
   * Event metadata keys kept per event: the price, then top-level properties in input order,
   * then flattened keys. Default 5 (the Segment doc's cap); Intercom's REST cap is 10.
   */
  maxEventProperties?: number
  /** Nested objects and arrays in traits/properties. Default `'flatten'` (joined with `_`). */
  nestedValues?: NestedValuesMode
  /** Per top-level key override of {@link Settings.nestedValues}. */
  nestedValuesByKey?: Record<string, NestedValuesMode>
  /** Strings over 255 characters. Default `'truncate'` (on a code-point boundary). */
  longValues?: LongValuesMode
  /**
   * REST 2.x: a custom attribute the workspace does not define (Intercom says so, or
   * `options.knownAttributes` does before sending). `'drop'` (the default) sends the
   * write again without it and warns (`dropped_attribute`, at its input path);
   * `'create'` creates it (`POST /data_attributes`) and sends the write again;
   * `'fail'` ends the delivery `failed` `attribute_not_found`.
   */
  unknownAttributes?: UnknownAttributesMode
  /**
   * Kept from earlier versions: `true` means `unknownAttributes: 'create'` (when
   * `unknownAttributes` is not given, which otherwise wins). Default `false`.
   */
  createMissingAttributes?: boolean
}

/** {@link Settings} with every default applied. */
export interface ResolvedSettings {
  appId: string | undefined
  mobileApiKey: string | undefined
  customInboxButtonSelector: string
  collectContext: boolean
  richLinkProperties: readonly string[]
  apiVersion: string
  region: Region
  maxEventProperties: number
  nestedValues: NestedValuesMode
  nestedValuesByKey: Readonly<Record<string, NestedValuesMode>>
  longValues: LongValuesMode
  /** With `createMissingAttributes: true` and no `unknownAttributes`, `'create'`. */
  unknownAttributes: UnknownAttributesMode
  createMissingAttributes: boolean
}
