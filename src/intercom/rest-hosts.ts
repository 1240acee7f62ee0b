/**
 * Intercom's REST API hosts (INTERCOM-FACTS "Regions"; Intercom's docs on regional
 * hosting). Only the REST target imports this.
 * @module
 */
import type { Region } from '../settings/types.js'

/** Intercom's REST API base URL per data-hosting region. */
export const REST_BASE_URL: Readonly<Record<Region, string>> = /* @__PURE__ */ Object.freeze({
  us: 'https://api.intercom.io',
  eu: 'https://api.eu.intercom.io',
  au: 'https://api.au.intercom.io',
})
