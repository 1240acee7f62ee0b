/** How a nested object or array in traits or properties is sent. */
export type NestedValuesMode = 'flatten' | 'stringify' | 'drop'

/** How a string longer than 255 characters is sent. */
export type LongValuesMode = 'truncate' | 'drop'

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
   * REST 2.x: create a custom attribute that Intercom reports missing
   * (`POST /data_attributes`) and retry the write once. Default `false`.
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
  createMissingAttributes: boolean
}
