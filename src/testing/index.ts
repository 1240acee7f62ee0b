/**
 * `segment-intercom/testing`: tools for testing code that uses this library — or
 * any Segment→Intercom integration: an in-memory Intercom emulator usable as a
 * `deliver` transport, and recording / scripted transports. It needs no other
 * package; the fast-check arbitraries for Segment events are in
 * `segment-intercom/arbitraries`.
 * @module
 */

export {
  createIntercomEmulator,
  DEFAULT_MAX_EVENT_NAMES,
  DEFAULT_START_TIME,
  EmulatorOptionError,
} from './emulator/emulator.js'
export type * from './emulator/types.js'
export type * from './recording-transport.js'
export { createRecordingTransport } from './recording-transport.js'
export type * from './scripted-transport.js'
export { createScriptedTransport } from './scripted-transport.js'
